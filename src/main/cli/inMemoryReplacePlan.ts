/**
 * `inspect --replacing <file…>`: the removal plan of a replace, without a database. The files
 * after `--replacing` stand for what the archive holds now; the inspected files replace their
 * kinds. The same planner as the app's preview (removalPlan.ts) runs on what both sets list, so
 * `inspect --kind evaluation-tables --replacing pwc-dump-2020-09_evaluation-tables.json.gz eff.json`
 * prints the figures the Sync page would ask the user to confirm. The CLI knows no reading list or
 * followed board: nothing is kept for the user here.
 */
import { paperIdOfCodeLink } from '../../shared/archive/codeLinkIds'
import type { DumpKind } from '../../shared/archive/dumpKinds'
import { DUMP_KINDS_IN_IMPORT_ORDER } from '../../shared/archive/dumpKinds'
import {
  createEntityBatch,
  clearEntityBatch,
  type EntityBatch,
  type NormalizationContext
} from '../../shared/archive/dumpNormalizer'
import { createDumpNormalizer } from '../../shared/archive/dumpNormalizers'
import { DumpRecordIngestor } from '../../shared/archive/dumpRecordIngestor'
import { readDumpRecords } from '../../shared/archive/dumpRecordReader'
import type { ArchiveEntityTable } from '../../shared/archive/entities'
import { ARCHIVE_ENTITY_TABLES } from '../../shared/archive/entities'
import { PaperMatchIndex, resolveResultPaper } from '../../shared/archive/paperResolution'
import {
  countRemovals,
  planReplaceRemovals,
  type ArchiveHoldings,
  type RemovalCounts
} from '../../shared/archive/removalPlan'
import { readDumpFile } from '../archive/readDumpFile'

/** Every batch of `paths` (of one kind), then what the kind emits at its end. */
async function readKind(
  kind: DumpKind,
  paths: readonly string[],
  context: NormalizationContext,
  onBatch: (batch: EntityBatch) => void
): Promise<DumpRecordIngestor> {
  const ingestor = new DumpRecordIngestor(createDumpNormalizer(kind, context))
  const batch = createEntityBatch()
  for (const path of paths) {
    for await (const elements of readDumpRecords(readDumpFile(path))) {
      for (const element of elements) ingestor.add(element, batch)
      onBatch(batch)
      clearEntityBatch(batch)
    }
  }
  ingestor.finish(batch)
  onBatch(batch)
  return ingestor
}

/** What the tables would hold after a sync of `files`, joined the way the chunk writer joins. */
class HeldArchive implements ArchiveHoldings {
  private readonly ids = new Map(ARCHIVE_ENTITY_TABLES.map((table) => [table, new Set<string>()] as const))
  private readonly stubs = new Set<string>()
  readonly matches = new PaperMatchIndex()
  readonly resultBoards = new Map<string, string>()
  readonly resultPapers = new Map<string, string | null>()
  readonly followedBoardTasks = new Map<string, string>()

  take(batch: EntityBatch): void {
    for (const table of ARCHIVE_ENTITY_TABLES) {
      if (table === 'results') continue
      for (const record of batch[table]) this.ids.get(table)?.add(record.id)
    }
    for (const paper of batch.papers) {
      this.stubs.delete(paper.id)
      this.matches.add(paper.id, paper.arxivId, paper.titleKey)
    }
    for (const stub of batch.paperStubs) this.addStub(stub.id, stub.arxivId, stub.titleKey)
    for (const raw of batch.results) {
      const result = resolveResultPaper(raw, this.matches)
      this.ids.get('results')?.add(result.id)
      this.resultBoards.set(result.id, result.leaderboardId)
      this.resultPapers.set(result.id, result.paperId)
      if (result.paperId !== null && !this.ids.get('papers')?.has(result.paperId)) {
        this.addStub(result.paperId, result.paperArxivId, null)
      }
    }
  }

  private addStub(id: string, arxivId: string | null, titleKey: string | null): void {
    const papers = this.ids.get('papers')
    if (papers?.has(id)) return
    papers?.add(id)
    this.stubs.add(id)
    this.matches.add(id, arxivId, titleKey)
  }

  idsOf(table: ArchiveEntityTable): ReadonlySet<string> {
    return this.ids.get(table) ?? new Set()
  }

  stubIds(): ReadonlySet<string> {
    return this.stubs
  }
}

export async function planReplaceInMemory(
  held: ReadonlyMap<DumpKind, readonly string[]>,
  incoming: ReadonlyMap<DumpKind, readonly string[]>,
  context: NormalizationContext
): Promise<RemovalCounts> {
  const archive = new HeldArchive()
  for (const kind of DUMP_KINDS_IN_IMPORT_ORDER) {
    const paths = held.get(kind)
    if (paths) await readKind(kind, paths, context, (batch) => archive.take(batch))
  }
  const listed = new Map<ArchiveEntityTable, ReadonlySet<string>>()
  const citedByIncoming = new Set<string>()
  for (const kind of DUMP_KINDS_IN_IMPORT_ORDER) {
    const paths = incoming.get(kind)
    if (!paths) continue
    const ingestor = await readKind(kind, paths, context, (batch) => {
      for (const link of batch.codeLinks) citedByIncoming.add(paperIdOfCodeLink(link.id))
      for (const result of batch.results) {
        const paperId = resolveResultPaper(result, archive.matches).paperId
        if (paperId !== null) citedByIncoming.add(paperId)
      }
    })
    for (const [table, ids] of ingestor.seenIds) listed.set(table, ids)
  }
  const user = { followedLeaderboards: new Set<string>(), bookmarkedPapers: new Set<string>() }
  return countRemovals(
    planReplaceRemovals(archive, user, { kinds: [...incoming.keys()], listed, citedByIncoming })
  )
}
