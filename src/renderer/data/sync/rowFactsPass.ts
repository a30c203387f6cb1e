/**
 * Brings every paper's row facts (paperFacts.ts) in line with the results table: the papers rows
 * cite now, and the ones they cited before (`citedBy` is indexed for that), so a paper whose last
 * row went away loses what its rows had added. Runs in the sync's finalize pass and in the schema
 * upgrade that introduced row facts; only papers whose record changes are written.
 */
import type { Table } from 'dexie'
import type { LeaderboardRecord, PaperRecord, ResultRecord } from '../../../shared/archive/entities'
import { RowCitations, withRowFacts } from '../../../shared/archive/paperFacts'
import { recordsEqual } from '../../../shared/archive/recordsEqual'

const CHUNK = 1000

export interface RowFactsTables {
  papers: Table<PaperRecord, string>
  results: Table<ResultRecord, string>
  leaderboards: Table<LeaderboardRecord, string>
}

export interface RowFactsPassOptions {
  /** Wraps each chunk's read and write; the finalize pass gives each its own transaction. */
  inChunk?: <T>(work: () => Promise<T>) => Promise<T>
  onWritten?: (papers: readonly PaperRecord[]) => void
  throwIfAborted?: () => void
}

export async function readRowCitations(tables: RowFactsTables): Promise<RowCitations> {
  const boards = new Map<string, Pick<LeaderboardRecord, 'taskId' | 'datasetName'>>()
  await tables.leaderboards.each(({ id, taskId, datasetName }) => boards.set(id, { taskId, datasetName }))
  const citations = new RowCitations()
  await tables.results.each((row) => {
    if (row.paperId === null) return
    const board = boards.get(row.leaderboardId)
    citations.add(row.paperId, {
      paperDate: row.paperDate,
      modelName: row.modelName,
      taskId: board?.taskId ?? null,
      datasetName: board?.datasetName ?? null
    })
  })
  return citations
}

/** Resolves to the number of papers rewritten. */
export async function applyRowFacts(
  tables: RowFactsTables,
  options: RowFactsPassOptions = {}
): Promise<number> {
  const citations = await readRowCitations(tables)
  const candidates = new Set<string>(citations.paperIds())
  for (const id of await tables.papers.where('citedBy').above(0).primaryKeys()) candidates.add(String(id))
  const ids = [...candidates]
  const inChunk = options.inChunk ?? (<T>(work: () => Promise<T>) => work())
  let written = 0
  for (let start = 0; start < ids.length; start += CHUNK) {
    options.throwIfAborted?.()
    const part = ids.slice(start, start + CHUNK)
    const changed = await inChunk(async () => {
      const stored = await tables.papers.bulkGet(part)
      const next: PaperRecord[] = []
      for (const paper of stored) {
        if (paper === undefined) continue
        const updated = withRowFacts(paper, citations.get(paper.id))
        if (!recordsEqual(paper, updated)) next.push(updated)
      }
      if (next.length > 0) await tables.papers.bulkPut(next)
      return next
    })
    if (changed.length > 0) options.onWritten?.(changed)
    written += changed.length
  }
  return written
}
