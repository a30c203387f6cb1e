import { beforeAll, describe, expect, it } from 'vitest'
import { sotaChartModel } from '../../../src/renderer/charts/sotaChartModel'
import { createNormalizationContext } from '../../../src/shared/archive/dumpNormalizer'
import type { ResultRecord } from '../../../src/shared/archive/entities'
import { leaderboardTableRows } from '../../../src/shared/sota/leaderboardExport'
import { inferMetricDirection } from '../../../src/shared/sota/metricDirection'
import { findRepeatedResults } from '../../../src/shared/sota/repeatedResults'
import { REAL_FILES, normalizeRealFile } from '../archive/archiveFixtures'

// The real 2020 evaluation tables, normalized as a sync stores them.
let results: ResultRecord[]
const boardOf = (id: string): ResultRecord[] => results.filter((result) => result.leaderboardId === id)

beforeAll(async () => {
  const tables = await normalizeRealFile(REAL_FILES.evaluationTables, createNormalizationContext())
  results = tables.batch.results
})

function repeatsByBoard(): Map<string, [string, string][]> {
  const byBoard = new Map<string, ResultRecord[]>()
  for (const result of results)
    byBoard.set(result.leaderboardId, [...(byBoard.get(result.leaderboardId) ?? []), result])
  const found = new Map<string, [string, string][]>()
  const byId = new Map(results.map((result) => [result.id, result]))
  for (const [board, rows] of byBoard) {
    const repeats = findRepeatedResults(rows)
    if (repeats.size === 0) continue
    found.set(
      board,
      [...repeats].map(([copy, original]) => [
        `${byId.get(copy)?.modelName} ${byId.get(copy)?.paperDate}`,
        `${byId.get(original)?.modelName} ${byId.get(original)?.paperDate}`
      ])
    )
  }
  return found
}

describe('results a 2020 leaderboard lists twice', () => {
  it('are exactly the rows with the same model, paper and metric values, the earliest dated kept', () => {
    // Checked by hand in the JSON (9 repeats in 2,738 boards): RotatE's row is repeated word for
    // word; T5 and 3DMPPE_POSENET are listed once per arXiv version of their paper (abs/1910.10683
    // and abs/1910.10683v3), 3DMPPE_POSENET with each version's date; the two "MEMEN (single model)"
    // rows differ only by a double space in the dump. Rows of one paper with the same values under another model
    // name ("SLQA(ensemble)" and "SLQA (ensemble)" on SQuAD1.1) are not taken for repeats.
    const t5 = (size: string): [string, string] => [`${size} 2019-10-23`, `${size} 2019-10-23`]
    expect(Object.fromEntries(repeatsByBoard())).toEqual({
      'link-prediction-on-wn18rr': [['RotatE 2019-02-26', 'RotatE 2019-02-26']],
      '3d-multi-person-pose-estimation-root-relative-on-mupots-3d': [
        ['3DMPPE_POSENET 2019-10-27', '3DMPPE_POSENET 2019-07-26']
      ],
      '3d-multi-person-pose-estimation-absolute-on-mupots-3d': [
        ['3DMPPE_POSENET 2019-10-27', '3DMPPE_POSENET 2019-07-26']
      ],
      'question-answering-on-squad1-1': [
        ['MEMEN (single model) 2017-07-28', 'MEMEN (single model) 2017-07-28']
      ],
      'sentiment-analysis-on-sst-2-binary-classification': [
        t5('T5-3B'),
        t5('T5-11B'),
        t5('T5-Base'),
        t5('T5-Small')
      ],
      'linguistic-acceptability-on-cola': [t5('T5-11B')]
    })
  })

  it('are flagged in the table, share their original’s rank and take none of their own', () => {
    const board = boardOf('link-prediction-on-wn18rr')
    const rows = leaderboardTableRows(board, {
      rankMetric: 'MRR',
      directionOf: (metric) => inferMetricDirection(metric).direction,
      sort: { kind: 'metric', metric: 'MRR', reversed: false },
      officialCode: new Set()
    })
    const rotate = rows.filter((row) => row.modelName === 'RotatE')
    expect(rotate).toHaveLength(2)
    expect(rotate.map((row) => row.repeatOf)).toEqual([null, rotate[0].resultId])
    expect(rotate[0].rank).toBe(rotate[1].rank)
    // The row after RotatE's two is ranked right after it, as if RotatE were listed once.
    const next = rows[rows.indexOf(rotate[1]) + 1]
    expect(next.metrics.MRR.raw).not.toBe('0.476')
    expect(next.rank).toBe((rotate[0].rank ?? 0) + 1)
    expect(rows.filter((row) => row.repeatOf !== null)).toHaveLength(1)
  })

  it('are plotted once', () => {
    const board = boardOf('3d-multi-person-pose-estimation-absolute-on-mupots-3d')
    const model = sotaChartModel(board, '3DPCK', 'higher-is-better')
    expect(model.repeatCount).toBe(1)
    expect(model.points.filter((point) => point.modelName === '3DMPPE_POSENET')).toEqual([
      expect.objectContaining({ date: '2019-07-26', raw: '31.5' })
    ])
    // The board's third row reports MPJPE only.
    expect(model.points).toHaveLength(1)
    expect(model.unplotted.map((item) => item.modelName)).toEqual(['Depth Prediction Network'])
  })
})
