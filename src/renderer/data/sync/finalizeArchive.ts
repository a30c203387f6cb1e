/**
 * The pass after every file is written:
 * 1. removes records a newer dump no longer lists (only for kinds this sync read to the end);
 *    a dropped paper that links or rows still cite stays as a stub, so they keep a title;
 * 2. re-points rows from their stub to the real paper once one with the stub's arXiv id or title
 *    is stored (papers imported after the evaluation tables, in this sync or a later one);
 * 3. deletes stubs nothing cites any more;
 * 4. gives each paper what the rows citing it say (its leaderboards' tasks, a date when its source
 *    has none: rowFactsPass.ts), so every page reads one set of facts;
 * 5. brings the paper listings up to date with what the sync and this pass wrote and deleted.
 * Steps 1–4 work in chunks of short transactions, like the import. Which ids the tables hold
 * comes from the sync's `StoredArchiveIds`, not from reading every key again (~900k at full scale).
 */
import type { Table } from 'dexie'
import type { ArchiveDatabase } from '../db'
import type { ArchiveEntityTable, PaperRecord } from '../../../shared/archive/entities'
import { paperIdOfCodeLink } from '../../../shared/archive/codeLinkIds'
import { demoteToStub } from '../../../shared/archive/paperResolution'
import { dumpView } from '../../../shared/archive/paperFacts'
import { applyRowFacts } from './rowFactsPass'
import type { SyncTally } from './entityChunkWriter'
import { rebuildCodeListings, writePaperListings } from '../paperListingStore'
import type { StoredArchiveIds } from './storedArchiveIds'
import type { StoredPapers } from './storedPapers'
import { clearPaperListingsStale } from './syncMetaStore'

const DELETE_CHUNK = 2000
const REPOINT_CHUNK = 500

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export interface FinalizeRequest {
  /** Ids each table's dump listed in this sync, for the tables of kinds read to the end. */
  seenIds: ReadonlyMap<ArchiveEntityTable, ReadonlySet<string>>
  /** Whether papers, links or results may have changed (step 2 and 3 are needed). */
  papersOrCitationsChanged: boolean
  /** What the tables hold; kept current with what this pass rewrites and deletes, like `papers`. */
  stored: StoredArchiveIds
  papers: StoredPapers
  throwIfAborted: () => void
}

/** Papers some link or row cites: link ids name their paper, rows' papers come from their index. */
async function citedPaperIds(db: ArchiveDatabase, request: FinalizeRequest): Promise<Set<string>> {
  const cited = new Set((await db.results.orderBy('paperId').uniqueKeys()).map(String))
  for (const link of request.stored.idsOf('codeLinks')) cited.add(paperIdOfCodeLink(link))
  return cited
}

async function deleteInChunks(
  db: ArchiveDatabase,
  name: ArchiveEntityTable,
  ids: readonly string[],
  request: FinalizeRequest
): Promise<void> {
  const table = db[name] as Table<unknown, string>
  for (const part of chunks(ids, DELETE_CHUNK)) {
    request.throwIfAborted()
    await table.bulkDelete(part)
    request.stored.noteDeleted(name, part)
    if (name === 'papers') request.papers.noteDeleted(part)
  }
}

async function removeUnlisted(
  db: ArchiveDatabase,
  request: FinalizeRequest,
  tally: SyncTally
): Promise<void> {
  for (const [name, seen] of request.seenIds) {
    const stubs = request.stored.stubIds()
    const gone = [...request.stored.idsOf(name)].filter(
      (id) => !seen.has(id) && !(name === 'papers' && stubs.has(id))
    )
    if (gone.length === 0) continue
    tally.tables[name].removed += gone.length
    tally.writes += gone.length
    if (name !== 'papers') {
      await deleteInChunks(db, name, gone, request)
      continue
    }
    const cited = await citedPaperIds(db, request)
    const demoted = gone.filter((id) => cited.has(id))
    for (const part of chunks(demoted, DELETE_CHUNK)) {
      request.throwIfAborted()
      await db.transaction('rw', db.papers, async () => {
        const stubs = (await db.papers.bulkGet(part))
          .filter((p): p is PaperRecord => p !== undefined)
          .map((paper) => demoteToStub(dumpView(paper)))
        await db.papers.bulkPut(stubs)
        request.stored.notePapersWritten(stubs)
        request.papers.noteWritten(stubs)
      })
    }
    tally.stubs.created += demoted.length
    await deleteInChunks(
      db,
      'papers',
      gone.filter((id) => !cited.has(id)),
      request
    )
  }
}

async function repointResultStubs(
  db: ArchiveDatabase,
  request: FinalizeRequest,
  tally: SyncTally
): Promise<void> {
  const stubs = await db.papers.where('stubSource').equals('result').toArray()
  if (stubs.length === 0) return
  const index = request.papers.matches
  const targets = new Map<string, string>()
  for (const stub of stubs) {
    const target = index.resolve(stub.arxivId, stub.titleKey, false)
    if (target !== null) targets.set(stub.id, target)
  }
  for (const part of chunks([...targets.keys()], REPOINT_CHUNK)) {
    request.throwIfAborted()
    const moved = await db.transaction('rw', db.results, db.papers, async () => {
      const count = await db.results
        .where('paperId')
        .anyOf(part)
        .modify((result) => {
          result.paperId = targets.get(result.paperId as string) ?? result.paperId
        })
      await db.papers.bulkDelete(part)
      return count
    })
    request.stored.noteDeleted('papers', part)
    request.papers.noteDeleted(part)
    tally.resultsRepointed += moved
    tally.tables.results.changed += moved
    tally.stubs.resolved += part.length
    tally.writes += moved + part.length
  }
}

async function removeUncitedStubs(
  db: ArchiveDatabase,
  request: FinalizeRequest,
  tally: SyncTally
): Promise<void> {
  const cited = await citedPaperIds(db, request)
  const uncited = [...request.stored.stubIds()].filter((id) => !cited.has(id))
  await deleteInChunks(db, 'papers', uncited, request)
  tally.stubs.removed += uncited.length
  tally.writes += uncited.length
}

/**
 * Step 5, for a sync that wrote papers or may have; it also clears the mark the sync's start set.
 * The code listings are built again from every link when any link changed: a link's paper may
 * have other links, so one link's change does not say whether its paper still has code.
 */
async function refreshPaperListings(
  db: ArchiveDatabase,
  request: FinalizeRequest,
  tally: SyncTally
): Promise<void> {
  const { papers } = request
  if (!papers.tracked) return
  const links = tally.tables.codeLinks
  const linksChanged = links.added + links.changed + links.removed > 0
  await db.transaction('rw', db.paperListings, db.syncMeta, db.codeLinks, async () => {
    await writePaperListings(db.paperListings, papers.listingChanges, papers.rebuildListings)
    if (linksChanged || papers.rebuildListings) await rebuildCodeListings(db.codeLinks, db.paperListings)
    await clearPaperListingsStale(db)
  })
}

export async function finalizeArchive(
  db: ArchiveDatabase,
  request: FinalizeRequest,
  tally: SyncTally
): Promise<void> {
  await removeUnlisted(db, request, tally)
  if (request.papersOrCitationsChanged) {
    request.throwIfAborted()
    await repointResultStubs(db, request, tally)
    request.throwIfAborted()
    await removeUncitedStubs(db, request, tally)
    request.throwIfAborted()
    tally.writes += await applyRowFacts(db, {
      inChunk: (work) => db.transaction('rw', db.papers, db.results, db.leaderboards, work),
      onWritten: (papers) => {
        request.stored.notePapersWritten(papers)
        request.papers.noteWritten(papers)
      },
      throwIfAborted: request.throwIfAborted
    })
  }
  request.throwIfAborted()
  await refreshPaperListings(db, request, tally)
}
