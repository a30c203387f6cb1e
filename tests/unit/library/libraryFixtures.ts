/**
 * Real papers for the library tests, read from `../shared/data` beside the repository (CI clones
 * the repository into a fresh folder with `shared/` next to it).
 *
 * - The 50 papers of the converted API v1 sample go through the real papers normalizer, as a sync
 *   would store them.
 * - The sample has no `proceeding`, so the venue papers are joined from two other real files: the
 *   2024 links (PWC URL, title, arXiv id, repositories) and the 2020 links subset that kept
 *   `proceeding` and `paper_url_abs`. No file here has their authors, so they have none.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { createNormalizationContext } from '../../../src/shared/archive/dumpNormalizer'
import type { PaperRecord } from '../../../src/shared/archive/entities'
import { normalizePaperRecord } from '../../../src/shared/archive/normalizePapers'
import type { ListEntry, ReadingList, ReadingStatus } from '../../../src/shared/library/libraryTypes'
import { snapshotFromPaper } from '../../../src/shared/library/paperSnapshot'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const SHARED_DATA = resolve(repoRoot, '../shared/data')

export interface RawCodeLink {
  paper_url: string
  paper_title: string | null
  paper_arxiv_id: string | null
  repo_url: string
  is_official: boolean
  framework: string | null
}

interface RawProceedingLink {
  paper_url_abs: string
  repo_url: string
  proceeding: string
}

function readGzipJson<T>(name: string): T {
  return JSON.parse(gunzipSync(readFileSync(resolve(SHARED_DATA, name))).toString('utf8')) as T
}

let rawPapers: Record<string, unknown>[] | null = null
let papers: PaperRecord[] | null = null
let codeLinks: RawCodeLink[] | null = null
let proceedings: RawProceedingLink[] | null = null

/** The 50 real sample papers as the dump has them. */
export function rawSamplePapers(): Record<string, unknown>[] {
  rawPapers ??= readGzipJson<Record<string, unknown>[]>('converted_papers-with-abstracts_from-api-v1.json.gz')
  return rawPapers
}

/** The 50 real sample papers as the archive stores them. */
export function samplePapers(): PaperRecord[] {
  if (papers === null) {
    const context = createNormalizationContext()
    papers = rawSamplePapers().map((raw) => normalizePaperRecord(raw, context))
  }
  return papers
}

/** A sample paper's `authors` exactly as the dump has them, before the normalizer collapses spaces. */
export function rawAuthors(id: string): string[] {
  const raw = rawSamplePapers().find(
    (record) => record.paper_url === `https://paperswithcode.com/paper/${id}`
  )
  if (!raw) throw new Error(`No sample paper ${id}`)
  return raw.authors as string[]
}

export function samplePaper(id: string): PaperRecord {
  const paper = samplePapers().find((candidate) => candidate.id === id)
  if (!paper) throw new Error(`No sample paper ${id}`)
  return paper
}

/** The 2,297 real code links of 2024. */
export function sampleCodeLinks(): RawCodeLink[] {
  codeLinks ??= readGzipJson<RawCodeLink[]>('converted_links-between-papers-and-code_from-grimrepor.json.gz')
  return codeLinks
}

/** The 5,749 real links of 2020 that kept the paper's `proceeding`. */
export function sampleProceedingLinks(): RawProceedingLink[] {
  proceedings ??= Object.values(
    JSON.parse(
      readFileSync(
        resolve(SHARED_DATA, 'derived_edmundloo_links-subset-with-proceeding_2020-07.json'),
        'utf8'
      )
    ) as Record<string, RawProceedingLink>
  )
  return proceedings
}

/**
 * A paper that appeared at a venue, in the papers dump's schema, joined by arXiv id from the two
 * real link files and run through the same normalizer.
 */
export function venuePaper(arxivId: string): { paper: PaperRecord; codeLinks: RawCodeLink[] } {
  const links = sampleCodeLinks().filter((link) => link.paper_arxiv_id === arxivId)
  const withProceeding = sampleProceedingLinks().find(
    (link) => link.paper_url_abs.includes(`/abs/${arxivId}`) && link.proceeding !== ''
  )
  if (links.length === 0 || !withProceeding) throw new Error(`No venue record for ${arxivId}`)
  const raw = {
    paper_url: links[0].paper_url,
    arxiv_id: arxivId,
    title: links[0].paper_title,
    abstract: null,
    url_abs: withProceeding.paper_url_abs,
    url_pdf: null,
    proceeding: withProceeding.proceeding,
    authors: [],
    date: null
  }
  return { paper: normalizePaperRecord(raw, createNormalizationContext()), codeLinks: links }
}

/** A list entry for a real paper, with the code links the 2024 file has for it. */
export function entryFor(
  paper: PaperRecord,
  listId: string,
  fields: Partial<Omit<ListEntry, 'listId' | 'paperId' | 'snapshot'>> = {},
  links: readonly RawCodeLink[] = []
): ListEntry {
  const codeLinks = links.map((link) => ({ repoUrl: link.repo_url, isOfficial: link.is_official }))
  return {
    listId,
    paperId: paper.id,
    addedAt: fields.addedAt ?? '2025-08-01T09:00:00.000Z',
    status: fields.status ?? ('to-read' satisfies ReadingStatus),
    tags: fields.tags ?? [],
    note: fields.note ?? '',
    snapshot: snapshotFromPaper(paper, codeLinks)
  }
}

export function readingList(id: string, name: string, order: number): ReadingList {
  return { id, name, order, createdAt: '2025-07-30T08:00:00.000Z', updatedAt: '2025-08-02T10:30:00.000Z' }
}

/** Hopfield 1982 in PNAS: no arXiv id, no venue, a publisher link. */
export const PUBLISHER_PAPER = 'neural-networks-and-physical-systems-with'
/** `hep-ph/9207269`: an old-style arXiv id (its primary class is in it) and "F de Campos". */
export const ARXIV_PAPER = 'new-higgs-signatures-in-supersymmetry-with'
/** "Attention Is All You Need", `NeurIPS 2017 12` in the 2020 links. */
export const VENUE_ARXIV_ID = '1706.03762'
/** Four authors packed in one string, two with accents, and a Wiley DOI in `url_abs`. */
export const NON_ASCII_PAPER = 'a-shifted-multiplicative-model-fusion-method'
