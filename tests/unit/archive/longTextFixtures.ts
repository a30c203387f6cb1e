/**
 * Crafted long-text records for the long-text tests (issue #13): real ones (Adam, a real paper)
 * with a text made long by repetition, as a crafted dump would.
 */
import type { ArchiveDatabase } from '../../../src/renderer/data/db'
import { readLongTextChunks } from '../../../src/renderer/data/longTextStore'
import { importArchive, type ImportArchiveOptions } from '../../../src/renderer/data/sync/importArchive'
import type { ArchiveEntityTable } from '../../../src/shared/archive/entities'
import type { ArchiveSource } from '../../../src/shared/archive/archiveSource'
import { REAL_FILES, gzipDump, memorySource, realRecords } from './archiveFixtures'

export type Raw = Record<string, unknown>

export const METHODS = realRecords(REAL_FILES.methods)
export const PAPERS = realRecords(REAL_FILES.papers)
export const ADAM = METHODS.find((m) => m.url === 'https://paperswithcode.com/method/adam') as Raw
export const METHOD_SLICE = METHODS.slice(0, 20)
export const PAPER = PAPERS[0]

/** `text` repeated to at least `chars` characters, with the `\n` line ends a sync stores. */
export function repeated(text: string, chars: number): string {
  const stored = text.replace(/\r\n?/g, '\n')
  return `${stored}\n\n`.repeat(Math.ceil(chars / (stored.length + 2)))
}

export function longAdam(chars: number, tail = ''): Raw {
  return {
    ...ADAM,
    url: 'https://paperswithcode.com/method/adam-long',
    description: repeated(String(ADAM.description), chars) + tail
  }
}

export const LONG_ADAM = longAdam(300_000)
export const LONG_PAPER = {
  ...PAPER,
  paper_url: 'https://paperswithcode.com/paper/a-long-abstract',
  arxiv_id: null,
  title: `${String(PAPER.title)}, a crafted copy`,
  abstract: repeated(String(PAPER.abstract), 400_000)
}

export const methodsFile = (records: Raw[]) => memorySource(REAL_FILES.methods, gzipDump(records))
export const papersFile = (records: Raw[]) => memorySource(REAL_FILES.papers, gzipDump(records))

export async function run(db: ArchiveDatabase, sources: ArchiveSource[], options: ImportArchiveOptions = {}) {
  const result = await importArchive(db, sources, options)
  if (result.outcome === 'failed') throw new Error(`sync failed: ${JSON.stringify(result.error)}`)
  return result
}

export async function wholeText(db: ArchiveDatabase, table: ArchiveEntityTable, id: string, field: string) {
  const record = (await db.table(table).get(id)) as { longText?: Record<string, { chunks: number }> }
  const marker = record.longText?.[field]
  if (!marker) throw new Error(`${table} ${id} has no long ${field}`)
  return readLongTextChunks(db.longTexts, table, id, field, 0, marker.chunks)
}
