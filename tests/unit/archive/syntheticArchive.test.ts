import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ARCHIVE_FILE_NAMES,
  generateSyntheticArchive,
  type SyntheticArchiveReport
} from '../../../src/main/archive/syntheticArchive'
import { generatePaperIdentities } from '../../../src/main/archive/synthetic/paperIdentities'

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data')
const SCALE = 0.01

// Only the fields these checks read; data/README.md is the schema.
interface Paper {
  paper_url: string
  arxiv_id: string | null
  title: string
  abstract: string
  tasks: string[]
  date: string
  methods: { name: string; description: string | null; main_collection: Record<string, unknown> | null }[]
}
interface Link {
  paper_url: string
  paper_title: string
  paper_arxiv_id: string | null
  repo_url: string
}
interface Row {
  paper_title: string
  paper_url: string
  paper_date: string | null
  code_links: { title: string; url: string }[]
  metrics: Record<string, string>
}
interface Task {
  task: string
  datasets: { dataset: string; sota: { metrics: string[]; rows: Row[] } | null }[]
  subtasks: Task[]
}
interface Method {
  name: string
  description: string | null
  paper: { title: string; url: string } | null
}
interface Dataset {
  name: string
  tasks: { task: string; url: string }[]
  paper: { title: string; url: string } | null
}

const PAPER_KEYS = [
  'paper_url',
  'arxiv_id',
  'nips_id',
  'openreview_id',
  'title',
  'abstract',
  'short_abstract',
  'url_abs',
  'url_pdf',
  'proceeding',
  'authors',
  'tasks',
  'date',
  'conference_url_abs',
  'conference_url_pdf',
  'conference',
  'reproduces_paper',
  'methods'
]

function readText(dir: string, name: string): string {
  return gunzipSync(readFileSync(join(dir, name))).toString('utf8')
}

function readArray<T>(dir: string, name: string): T[] {
  const parsed: unknown = JSON.parse(readText(dir, name))
  if (!Array.isArray(parsed)) throw new Error(`${name} is not a JSON array`)
  return parsed as T[]
}

function* walk(tasks: readonly Task[]): Generator<Task> {
  for (const task of tasks) {
    yield task
    yield* walk(task.subtasks)
  }
}

describe('generateSyntheticArchive', () => {
  let dir: string
  let report: SyntheticArchiveReport
  let papers: Paper[]
  let links: Link[]
  let tree: Task[]
  let methods: Method[]
  let datasets: Dataset[]

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pwc-synthetic-'))
    report = await generateSyntheticArchive({ outDir: dir, scale: SCALE, seed: 7, dataDir })
    papers = readArray(dir, ARCHIVE_FILE_NAMES.papers)
    links = readArray(dir, ARCHIVE_FILE_NAMES.links)
    tree = readArray(dir, ARCHIVE_FILE_NAMES.evaluationTables)
    methods = readArray(dir, ARCHIVE_FILE_NAMES.methods)
    datasets = readArray(dir, ARCHIVE_FILE_NAMES.datasets)
    // Generating takes a few seconds; the default 10 s hook limit is too tight on a busy machine.
  }, 120_000)

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the five dumps under their download names with scaled counts', () => {
    expect(report.files.map((file) => file.name)).toEqual([
      'jul-29-papers-with-abstracts.json.gz',
      'jul-28-links-between-papers-and-code.json.gz',
      'jul-28-evaluation-tables.json.gz',
      'jul-28-methods.json.gz',
      'jul-28-datasets.json.gz'
    ])
    expect(papers).toHaveLength(Math.round(576_261 * SCALE))
    expect(links).toHaveLength(Math.round(300_161 * SCALE))
    expect(tree).toHaveLength(Math.round(2_254 * SCALE))
    expect(methods).toHaveLength(Math.round(8_725 * SCALE))
    expect(datasets).toHaveLength(Math.round(15_008 * SCALE))
    for (const file of report.files) {
      expect(file.records).toBeGreaterThan(0)
      expect(file.jsonBytes).toBe(Buffer.byteLength(readText(dir, file.name)))
    }
  })

  it('writes JSON the way the real dumps are written (Python indent=2, ASCII only)', () => {
    const text = readText(dir, ARCHIVE_FILE_NAMES.methods)
    expect(text.startsWith('[\n  {\n    "url": "https://paperswithcode.com/method/')).toBe(true)
    expect(text.endsWith('\n  }\n]')).toBe(true)
    const papersText = readText(dir, ARCHIVE_FILE_NAMES.papers)
    // ASCII only: one UTF-8 byte per character.
    expect(Buffer.byteLength(papersText)).toBe(papersText.length)
    expect(papersText).toMatch(/\\u[0-9a-f]{4}/)
  })

  it('gives papers the 2025 schema, with abstracts and embedded methods', () => {
    for (const paper of papers) {
      expect(Object.keys(paper)).toEqual(PAPER_KEYS)
      expect(paper.paper_url).toMatch(/^https:\/\/paperswithcode\.com\/paper\/[a-z0-9-]+$/)
      expect(paper.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (paper.arxiv_id !== null) expect(paper.arxiv_id).toMatch(/^\d{4}\.\d{4,5}$/)
    }
    expect(new Set(papers.map((paper) => paper.paper_url)).size).toBe(papers.length)
    const meanAbstract = papers.reduce((sum, paper) => sum + paper.abstract.length, 0) / papers.length
    expect(meanAbstract).toBeGreaterThan(1_100)
    expect(meanAbstract).toBeLessThan(1_700)
    const embedded = papers.flatMap((paper) => paper.methods)
    expect(embedded.length).toBeGreaterThan(0)
    for (const method of embedded) {
      if (method.main_collection !== null) {
        expect(Object.keys(method.main_collection)).toEqual(['name', 'description', 'parent', 'area'])
      }
    }
  })

  it('keeps cross-references consistent', () => {
    const paperByUrl = new Map(papers.map((paper) => [paper.paper_url, paper]))
    for (const link of links) {
      const paper = paperByUrl.get(link.paper_url)
      expect(paper?.title).toBe(link.paper_title)
      expect(paper?.arxiv_id).toBe(link.paper_arxiv_id)
      expect(link.repo_url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/)
    }
    // Like the real file, no paper is paired with the same repository twice.
    expect(new Set(links.map((link) => `${link.paper_url} ${link.repo_url}`)).size).toBe(links.length)

    const tasks = [...walk(tree)]
    const taskNames = new Set(tasks.map((task) => task.task))
    // A task written under two parents, as real dumps do, is written identically each time.
    const copies = new Map<string, string>()
    for (const task of tasks) {
      const json = JSON.stringify(task)
      expect(copies.get(task.task) ?? json).toBe(json)
      copies.set(task.task, json)
    }
    expect(copies.size).toBeLessThan(tasks.length)
    for (const paper of papers) for (const task of paper.tasks) expect(taskNames.has(task)).toBe(true)
    for (const dataset of datasets)
      for (const { task } of dataset.tasks) expect(taskNames.has(task)).toBe(true)

    const methodByName = new Map(methods.map((method) => [method.name, method]))
    for (const method of papers.flatMap((paper) => paper.methods)) {
      expect(methodByName.get(method.name)?.description).toBe(method.description)
    }
    for (const cited of [...methods, ...datasets].flatMap((record) => record.paper ?? [])) {
      expect(paperByUrl.get(cited.url)?.title).toBe(cited.title)
    }

    // Rows join to papers by arXiv id, then by exact title; some cite papers the archive lacks.
    const paperByArxiv = new Map(
      papers.flatMap((paper) => (paper.arxiv_id === null ? [] : [[paper.arxiv_id, paper]]))
    )
    const titles = new Set(papers.map((paper) => paper.title))
    const joins = { arxiv: 0, title: 0, absent: 0, none: 0 }
    const rows = tasks.flatMap((task) => task.datasets.flatMap((board) => board.sota?.rows ?? []))
    for (const row of rows) {
      const arxivId = /arxiv\.org\/abs\/(\d{4}\.\d{4,5})/.exec(row.paper_url)?.[1]
      const byArxiv = arxivId === undefined ? undefined : paperByArxiv.get(arxivId)
      if (row.paper_title === '') {
        expect(row.paper_date).toBeNull()
        joins.none += 1
      } else if (byArxiv !== undefined) {
        expect(byArxiv.title).toBe(row.paper_title)
        expect(byArxiv.date).toBe(row.paper_date)
        joins.arxiv += 1
      } else if (titles.has(row.paper_title)) {
        joins.title += 1
      } else {
        joins.absent += 1
      }
      for (const value of Object.values(row.metrics)) expect(typeof value).toBe('string')
    }
    expect(rows.length).toBe(report.counts.resultRows)
    expect(joins.arxiv).toBeGreaterThan(rows.length * 0.5)
    expect(joins.title).toBeGreaterThan(0)
    expect(joins.absent).toBeGreaterThan(0)
  })

  it('is deterministic by seed', { timeout: 120_000 }, async () => {
    const again = mkdtempSync(join(tmpdir(), 'pwc-synthetic-'))
    const other = mkdtempSync(join(tmpdir(), 'pwc-synthetic-'))
    try {
      await generateSyntheticArchive({ outDir: again, scale: 0.001, seed: 7, dataDir })
      await generateSyntheticArchive({ outDir: other, scale: 0.001, seed: 8, dataDir })
      const first = mkdtempSync(join(tmpdir(), 'pwc-synthetic-'))
      try {
        await generateSyntheticArchive({ outDir: first, scale: 0.001, seed: 7, dataDir })
        const digest = (folder: string, name: string): string =>
          createHash('sha256').update(readText(folder, name)).digest('hex')
        for (const name of Object.values(ARCHIVE_FILE_NAMES)) {
          expect(digest(again, name)).toBe(digest(first, name))
        }
        expect(digest(other, ARCHIVE_FILE_NAMES.papers)).not.toBe(digest(first, ARCHIVE_FILE_NAMES.papers))
      } finally {
        rmSync(first, { recursive: true, force: true })
      }
    } finally {
      rmSync(again, { recursive: true, force: true })
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('refuses a scale outside (0, 10]', async () => {
    await expect(generateSyntheticArchive({ outDir: dir, scale: 0, dataDir })).rejects.toThrow(RangeError)
  })
})

describe('generatePaperIdentities', () => {
  it("keeps slugs unique when a de-duplicated slug equals another title's slug", () => {
    // Few distinct tokens force collisions: "Graph 1" → "graph-1" is also the second "Graph".
    const text = { titleTokens: ['Graph', '1', '2', '3'], proseTokens: ['x'], sentences: ['x'] }
    const papers = generatePaperIdentities(1, 2_000, 0, text)
    expect(new Set(papers.titles).size).toBe(2_000)
    expect(new Set(papers.slugs).size).toBe(2_000)
  })
})
