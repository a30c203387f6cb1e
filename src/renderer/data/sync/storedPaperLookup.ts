/**
 * Fills a `PaperMatchIndex` with the stored papers (and stubs) that have the given arXiv ids or
 * title keys, reading index keys only.
 *
 * One `equals(key)` request per key, issued together, rather than Dexie's `anyOf`: `anyOf` walks
 * a cursor that jumps from key to key, which fake-indexeddb (our Node tests) runs ~15× slower,
 * while many small keyed requests pipeline well in both Chromium and Node.
 */
import type { ArchiveDatabase } from '../db'
import type { PaperMatchIndex } from '../../../shared/archive/paperResolution'

export async function addStoredPapers(
  db: ArchiveDatabase,
  index: PaperMatchIndex,
  arxivIds: Iterable<string>,
  titleKeys: Iterable<string>
): Promise<void> {
  const byArxiv = [...arxivIds].map(async (arxivId) => {
    for (const id of await db.papers.where('arxivId').equals(arxivId).primaryKeys())
      index.addArxivId(arxivId, id)
  })
  const byTitle = [...titleKeys].map(async (titleKey) => {
    for (const id of await db.papers.where('titleKey').equals(titleKey).primaryKeys())
      index.addTitleKey(titleKey, id)
  })
  await Promise.all([...byArxiv, ...byTitle])
}
