import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runInspect } from '../../../src/main/cli/inspectCommand'
import { REAL_FILES, realFilePath } from './archiveFixtures'
import { SQUAD_FILE, squadWithOldRowField } from './oldRowsFixture'

interface InspectReport {
  files: { file: string; kind: string | null; records: number; ok: boolean; warnings: string[] }[]
  counts: Record<string, number>
  evaluationTables: Record<string, number>
  unparsedMetricValues: { values: number; results: number; examples: { raw: string }[] }
  errors: { file: string; recordIndex: number | null; byteOffset: number | null; message: string }[]
}

async function inspect(paths: string[]): Promise<{ code: number; report: InspectReport }> {
  const lines: string[] = []
  const code = await runInspect(paths, (line) => lines.push(line))
  expect(lines).toHaveLength(1)
  return { code, report: JSON.parse(lines[0]) as InspectReport }
}

const scratch = mkdtempSync(join(tmpdir(), 'pwc-inspect-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('archive inspect', () => {
  it('reports what a sync of the real sample would store', async () => {
    const { code, report } = await inspect(
      [
        REAL_FILES.evaluationTables,
        REAL_FILES.methods,
        REAL_FILES.datasets,
        REAL_FILES.papers,
        REAL_FILES.links
      ].map(realFilePath)
    )
    expect(code).toBe(0)
    expect(report.counts).toEqual({
      papers: 50,
      // 2,200 papers named by links, 4,328 cited by rows only: what the engine stores too.
      stubs: 6528,
      links: 2297,
      tasks: 1553,
      leaderboards: 2738,
      results: 15_519,
      datasets: 6257,
      methods: 1924
    })
    expect(report.evaluationTables).toMatchObject({
      topLevelTasks: 860,
      taskOccurrences: 2017,
      leaderboardOccurrences: 4531,
      resultRowOccurrences: 28_183
    })
    expect(report.unparsedMetricValues.values).toBe(121)
    expect(report.unparsedMetricValues.examples).toHaveLength(10)
    expect(report.unparsedMetricValues.examples[0]).toMatchObject({
      raw: '87:1',
      metric: 'F1',
      modelName: 'TRE'
    })
    expect(report.errors).toEqual([])
  })

  it('fails on a broken file, naming it and the record', async () => {
    const bytes = readFileSync(realFilePath(REAL_FILES.methods))
    const cut = join(scratch, 'jul-28-methods.json.gz')
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1))
    const { code, report } = await inspect([cut, realFilePath(REAL_FILES.papers)])
    expect(code).toBe(1)
    expect(report.files.map((f) => [f.file, f.ok])).toEqual([
      ['jul-28-methods.json.gz', false],
      [REAL_FILES.papers, true]
    ])
    expect(report.errors[0]).toMatchObject({ file: 'jul-28-methods.json.gz' })
    expect(report.errors[0].recordIndex).toBeGreaterThan(0)
    expect(report.counts.papers).toBe(50)
  })

  it('rejects files that are not dumps and prints usage without arguments', async () => {
    const { code, report } = await inspect([realFilePath('pwc-api-v1_codingpot_paper_result_list.json')])
    expect(code).toBe(1)
    expect(report.errors[0].message).toMatch(/not a Papers With Code dump name/)
    const lines: string[] = []
    expect(await runInspect([], (line) => lines.push(line))).toBe(2)
    expect(lines[0]).toMatch(/^usage:/)
  })

  it('reads a file whose name says nothing as the kind --kind names', async () => {
    const renamed = join(scratch, 'eff.json')
    writeFileSync(renamed, readFileSync(realFilePath(SQUAD_FILE)))
    expect((await inspect([renamed])).code).toBe(1)
    const { code, report } = await inspect(['--kind', 'evaluation-tables', renamed])
    expect(code).toBe(0)
    expect(report.files).toEqual([
      { file: 'eff.json', kind: 'evaluation-tables', bytes: 189_998, records: 1, ok: true, warnings: [] }
    ])
    expect(report.counts).toMatchObject({ leaderboards: 2, results: 451 })
    const usage: string[] = []
    expect(await runInspect(['--kind', 'sota', renamed], (line) => usage.push(line))).toBe(2)
    expect(usage[0]).toMatch(/--kind must be one of/)
  })

  it('fails on rows in a field it does not read, naming the file and the field', async () => {
    const old = join(scratch, 'old_evaluation-tables.json')
    writeFileSync(old, JSON.stringify(squadWithOldRowField()))
    const { code, report } = await inspect([old])
    expect(code).toBe(1)
    expect(report.counts.results).toBe(0)
    expect(report.files[0]).toMatchObject({ ok: false })
    expect(report.errors.map((e) => e.message)).toEqual([
      'old_evaluation-tables.json: 451 result rows are in "sota.sota_rows", a field this importer does not read (it reads "sota.rows"); no result could be imported from this file'
    ])
  })

  it('prints the plan of replacing held files with the inspected ones (issue #13 figures)', async () => {
    const lines: string[] = []
    const code = await runInspect(
      [
        '--kind',
        'evaluation-tables',
        '--replacing',
        realFilePath(REAL_FILES.evaluationTables),
        realFilePath(SQUAD_FILE)
      ],
      (line) => lines.push(line)
    )
    expect(code).toBe(0)
    const report = JSON.parse(lines[0]) as { replacePlan: { removed: Record<string, number> } }
    expect(report.replacePlan.removed).toMatchObject({ leaderboards: 2736, results: 15_305, tasks: 1552 })
  })
})
