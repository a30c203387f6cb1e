import type { CodeLinkRecord } from '../../../shared/archive/entities'
import { codeLinkIdPrefix } from '../../../shared/archive/codeLinkIds'
import type { ArchiveDatabase } from '../db'

/**
 * The code links of these papers, read as primary-key ranges (see codeLinkIds.ts), one request
 * per paper, all in flight in one transaction. `startsWithAnyOf` walks one cursor that waits a
 * round trip to the IndexedDB backend per range it jumps to: ~80 ms of waiting for the 200
 * papers of a large leaderboard.
 */
export async function codeLinksOfPapers(
  db: ArchiveDatabase,
  paperIds: readonly string[]
): Promise<CodeLinkRecord[]> {
  if (paperIds.length === 0) return []
  const perPaper = await db.transaction('r', db.codeLinks, () =>
    Promise.all(
      [...new Set(paperIds)].map((id) => db.codeLinks.where(':id').startsWith(codeLinkIdPrefix(id)).toArray())
    )
  )
  return perPaper.flat()
}
