/**
 * The pass after every file is written:
 * 1. for a replace import only, carries out the removal plan (removalPlan.ts): records of the
 *    replaced kinds its files no longer list go, except what the user follows or bookmarks; a
 *    dropped paper that links, rows or a reading list still cite stays as a stub;
 * 2. re-points rows from their stub to the real paper once one with the stub's arXiv id or title
 *    is stored (papers imported after the evaluation tables, in this sync or a later one);
 * 3. deletes stubs nothing cites any more (a bookmarked stub stays);
 * 4. gives each paper what the rows citing it say (its leaderboards' tasks, a date when its source
 *    has none: rowFactsPass.ts), so every page reads one set of facts;
 * 5. brings the paper listings up to date with what the sync and this pass wrote and deleted;
 * 6. drops the long-text chunks (longTextStore.ts) of records steps 1–3 deleted or demoted.
 * Steps 1–4 work in chunks of short transactions, like the import. Which ids the tables hold
 * comes from the sync's `StoredArchiveIds`, not from reading every key again (~900k at full scale).
 */
import type { Table } from 'dexie'
import type { ArchiveDatabase } from '../db'
import type { ArchiveEntityTable, PaperRecord } from '../../../shared/archive/entities'
import { paperIdOfCodeLink } from '../../../shared/archive/codeLinkIds'
import { demoteToStub } from '../../../shared/archive/paperResolution'
import { dumpView } from '../../../shared/archive/paperFacts'
import {
  countRemovals,
  planReplaceRemovals,
  uncitedStubIds,
  type RemovalCounts,
  type RemovalPlan,
  type ReplaceInput,
  type UserHoldings
} from '../../../shared/archive/removalPlan'
import { readArchiveHoldings } from './archiveHoldings'
import { applyRowFacts } from './rowFactsPass'
import type { SyncTally } from './entityChunkWriter'
import { writePaperListings } from '../paperListingStore'
import type { StoredArchiveIds } from './storedArchiveIds'
import type { StoredPapers } from './storedPapers'
import { clearPaperListingsStale } from './syncMetaStore'
import { removeOrphanedLongTexts } from '../longTextStore'

const DELETE_CHUNK = 2000
const REPOINT_CHUNK = 500

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export interface FinalizeRequest {
  /** `null` for an import that adds and updates only; else the kinds replaced and what they list. */
  replace: ReplaceInput | null
  /** What removal must keep; read when the sync started. */
  user: UserHoldings
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

/** Step 1; returns the plan carried out. */
async function carryOutRemovals(
  db: ArchiveDatabase,
  request: FinalizeRequest,
  tally: SyncTally
): Promise<RemovalPlan | null> {
  if (request.replace === null) return null
  const holdings = await readArchiveHoldings(db, request.stored, request.user)
  const plan = planReplaceRemovals(holdings, request.user, request.replace)
  for (const name of Object.keys(plan.remove) as ArchiveEntityTable[]) {
    const gone = plan.remove[name]
    if (name === 'papers' || gone.length === 0) continue
    tally.tables[name].removed += gone.length
    tally.writes += gone.length
    await deleteInChunks(db, name, gone, request)
  }
  for (const part of chunks(plan.demotePapers, DELETE_CHUNK)) {
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
  tally.stubs.created += plan.demotePapers.length
  await deleteInChunks(db, 'papers', plan.remove.papers, request)
  const papersGone = plan.demotePapers.length + plan.remove.papers.length
  tally.tables.papers.removed += papersGone
  tally.writes += papersGone
  return plan
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

/** Step 3; a stub deleted is a paper removed too, so the papers' count says so (issue #13). */
async function removeUncitedStubs(
  db: ArchiveDatabase,
  request: FinalizeRequest,
  tally: SyncTally
): Promise<string[]> {
  const cited = await citedPaperIds(db, request)
  const uncited = uncitedStubIds(request.stored.stubIds(), cited, request.user)
  await deleteInChunks(db, 'papers', uncited, request)
  tally.stubs.removed += uncited.length
  tally.tables.papers.removed += uncited.length
  tally.writes += uncited.length
  return uncited
}

/**
 * Step 5, for a sync that wrote papers or may have; it also clears the mark the sync's start set.
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
  await db.transaction('rw', db.paperListings, db.paperListingPages, db.syncMeta, db.codeLinks, async () => {
    await writePaperListings(
      { listings: db.paperListings, pages: db.paperListingPages, links: db.codeLinks },
      papers.listingChanges,
      { rebuild: papers.rebuildListings, linksChanged }
    )
    await clearPaperListingsStale(db)
  })
}

/** Runs the pass; resolves to what a replace removed (`null` for an add-only import). */
export async function finalizeArchive(
  db: ArchiveDatabase,
  request: FinalizeRequest,
  tally: SyncTally
): Promise<RemovalCounts | null> {
  const plan = await carryOutRemovals(db, request, tally)
  let stubsDeleted: string[] = []
  if (request.papersOrCitationsChanged) {
    request.throwIfAborted()
    await repointResultStubs(db, request, tally)
    request.throwIfAborted()
    stubsDeleted = await removeUncitedStubs(db, request, tally)
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
  request.throwIfAborted()
  await removeOrphanedLongTexts(db)
  // The stubs actually deleted, after re-pointing: the plan's figure was made before it.
  return plan === null ? null : countRemovals({ ...plan, uncitedStubs: stubsDeleted })
}
