import type { CodeLinkRecord } from '../../../shared/archive/entities'
import { codeLinkIdPrefix } from '../../../shared/archive/codeLinkIds'
import type { ArchiveDatabase } from '../db'

/** The code links of these papers, read as primary-key ranges (see codeLinkIds.ts). */
export async function codeLinksOfPapers(
  db: ArchiveDatabase,
  paperIds: readonly string[]
): Promise<CodeLinkRecord[]> {
  if (paperIds.length === 0) return []
  return db.codeLinks.where(':id').startsWithAnyOf(paperIds.map(codeLinkIdPrefix)).toArray()
}
