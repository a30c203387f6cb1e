import { describe, expect, it } from 'vitest'
import {
  computeSotaFrontier,
  normalizeFrontier,
  rankWithinLeaderboard,
  type SotaPoint
} from '../../../src/shared/sota/frontier'
import { parseMetricNumber } from '../../../src/shared/archive/metricValue'
import { inferMetricDirection } from '../../../src/shared/sota/metricDirection'
import { findLeaderboard } from './evaluationTablesFixture'

function metricNumber(raw: string | undefined): number | null {
  return raw === undefined ? null : parseMetricNumber(raw)
}

function leaderboardPoints(task: string, dataset: string, metric: string): SotaPoint[] {
  const board = findLeaderboard(task, dataset)
  return (board.sota?.rows ?? []).map((row, index) => ({
    id: `${task}/${dataset}#${index}`,
    date: row.paper_date,
    value: metricNumber(row.metrics[metric]),
    modelName: row.model_name,
    paperTitle: row.paper_title
  }))
}

function stepSummary(points: SotaPoint[], metric: string): [string | null, string, number | null][] {
  const frontier = computeSotaFrontier(points, inferMetricDirection(metric).direction)
  return frontier.steps.map(({ point }) => [point.date, point.modelName, point.value])
}

describe('computeSotaFrontier on real 2020 leaderboards (expected values checked by hand in the JSON)', () => {
  it('Image Classification on ImageNet, Top 1 Accuracy (higher is better)', () => {
    const points = leaderboardPoints('Image Classification', 'ImageNet', 'Top 1 Accuracy')
    expect(points).toHaveLength(199)
    expect(stepSummary(points, 'Top 1 Accuracy')).toEqual([
      ['2012-12-01', 'AlexNet - 7CNNs', 63.3],
      ['2013-11-12', 'ZFNet (ensemble, 6 convnets)', 64],
      ['2013-12-19', 'Five Base + Five HiRes', 66.3],
      ['2014-06-18', 'SPPNet', 72.14],
      ['2014-09-04', 'VGG-19', 74.5],
      ['2015-02-06', 'PReLU-Net', 75.73],
      ['2015-12-02', 'Inception V3', 78.8],
      ['2016-02-23', 'Inception ResNet V2', 80.1],
      ['2016-11-16', 'ResNeXt-101  64x4', 80.9],
      ['2017-07-06', 'DPN-131 (320x320)', 81.38],
      ['2017-07-21', 'NASNET-A(6)', 82.7],
      ['2017-12-02', 'PNASNet-5', 82.9],
      ['2018-02-05', 'AmoebaNet-A', 83.9],
      ['2018-05-02', 'ResNeXt-101 32x48d', 85.4],
      ['2019-06-14', 'FixResNeXt-101 32x48d', 86.4],
      ['2019-11-11', 'NoisyStudent (EfficientNet-L2)', 88.4],
      ['2020-03-18', 'FixEfficientNet-L2', 88.5]
    ])
    const frontier = computeSotaFrontier(points, 'higher-is-better')
    expect(frontier.steps[0].previousBest).toBeNull()
    expect(frontier.steps[1].previousBest).toBe(63.3)
    expect(frontier.steps[1].improvement).toBeCloseTo(0.7, 10)
    expect(frontier.steps.at(-1)?.point.paperTitle).toBe(
      'Fixing the train-test resolution discrepancy: FixEfficientNet'
    )
    // "SIFT + FVs" (50.9%) has no paper_date; NAT-M1..3 report only "Number of params".
    expect(frontier.unplottedCounts).toEqual({
      'missing-date': 1,
      'missing-value': 3,
      'missing-date-and-value': 0
    })
    expect(
      frontier.unplotted.filter((u) => u.reason === 'missing-date').map((u) => u.point.modelName)
    ).toEqual(['SIFT + FVs'])
    expect(frontier.plotted).toHaveLength(195)
  })

  it('Language Modelling on Penn Treebank (Word Level), Test perplexity (lower is better)', () => {
    const points = leaderboardPoints('Language Modelling', 'Penn Treebank (Word Level)', 'Test perplexity')
    expect(inferMetricDirection('Test perplexity').direction).toBe('lower-is-better')
    expect(stepSummary(points, 'Test perplexity')).toEqual([
      ['2014-09-08', 'Zaremba et al. (2014) - LSTM (large)', 78.4],
      ['2015-12-16', 'Gal & Ghahramani (2016) - Variational LSTM (large)', 75.2],
      ['2016-07-12', 'Recurrent highway networks', 65.4],
      ['2016-11-05', 'NAS Cell', 64],
      ['2017-08-07', 'AWD-LSTM + continuous cache pointer', 52.8],
      ['2017-08-29', 'GL-LWGC + AWD-MoS-LSTM + dynamic eval', 46.34],
      ['2019-02-14', 'GPT-2', 35.76],
      ['2019-10-17', 'BERT-Large-CAS', 31.3],
      ['2020-05-28', 'GPT-3 (Zero-Shot)', 20.5]
    ])
    const frontier = computeSotaFrontier(points, 'lower-is-better')
    expect(frontier.unplotted).toEqual([])
    expect(frontier.steps.at(-1)?.improvement).toBeCloseTo(10.8, 10)
  })

  it('Image Classification on MNIST, Percentage error: 26 undated rows, a tie and a same-day pair', () => {
    const points = leaderboardPoints('Image Classification', 'MNIST', 'Percentage error')
    expect(inferMetricDirection('Percentage error').direction).toBe('lower-is-better')
    // APAC (2015-05-13) only equals MCDNN's 0.23 and does not count; on 2020-01-24 the 0.16
    // capsule network and the 0.17 SOPCNN share a date and only the better one is a step.
    expect(stepSummary(points, 'Percentage error')).toEqual([
      ['2012-02-13', 'MCDNN', 0.23],
      ['2013-06-13', 'DropConnect', 0.21],
      ['2018-05-03', 'RMDL (30 RDLs)', 0.18],
      ['2020-01-24', 'Branching/Merging CNN + Homogeneous Filter Capsules', 0.16]
    ])
    const frontier = computeSotaFrontier(points, 'lower-is-better')
    // The undated EnsNet (0.16) would tie the best; undated rows never enter the frontier.
    expect(frontier.unplottedCounts).toEqual({
      'missing-date': 26,
      'missing-value': 4,
      'missing-date-and-value': 0
    })
    expect(
      frontier.unplotted
        .filter((u) => u.reason === 'missing-value')
        .map((u) => u.point.modelName)
        .sort()
    ).toEqual(['Convolutional Tsetlin Machine', 'Tsetlin Machine', 'VGG-5', 'Weighted Tsetlin Machine'])
    expect(frontier.plotted).toHaveLength(71 - 26 - 4)
  })
})

function point(id: string, date: string | null, value: number | null): SotaPoint {
  return { id, date, value, modelName: `model ${id}`, paperTitle: `paper ${id}` }
}

describe('computeSotaFrontier rules', () => {
  it('breaks ties deterministically whatever the input order', () => {
    const points = [point('b', '2020-01-01', 5), point('a', '2020-01-01', 5), point('c', '2020-02-01', 5)]
    const forward = computeSotaFrontier(points, 'higher-is-better')
    const backward = computeSotaFrontier([...points].reverse(), 'higher-is-better')
    expect(forward.steps.map((s) => s.point.id)).toEqual(['a'])
    expect(backward.steps.map((s) => s.point.id)).toEqual(['a'])
  })

  it('keeps extra fields of structural points and never mutates the input', () => {
    const points = [
      { ...point('x', '2021-01-01', 2), rowIndex: 7 },
      { ...point('y', '2020-01-01', 1), rowIndex: 3 }
    ]
    const frozen = Object.freeze([...points])
    const frontier = computeSotaFrontier(frozen, 'higher-is-better')
    expect(frontier.steps.map((s) => s.point.rowIndex)).toEqual([3, 7])
    expect(frozen.map((p) => p.id)).toEqual(['x', 'y'])
  })

  it('separates undated, unvalued and malformed points', () => {
    const frontier = computeSotaFrontier(
      [
        point('ok', '2020-01-01', 1),
        point('no-date', null, 2),
        point('bad-date', '2020', 2),
        point('nan', '2020-01-02', Number.NaN),
        point('neither', null, null)
      ],
      'higher-is-better'
    )
    expect(frontier.steps.map((s) => s.point.id)).toEqual(['ok'])
    expect(frontier.unplotted.map((u) => [u.point.id, u.reason])).toEqual([
      ['no-date', 'missing-date'],
      ['bad-date', 'missing-date'],
      ['nan', 'missing-value'],
      ['neither', 'missing-date-and-value']
    ])
    expect(frontier.unplottedCounts).toEqual({
      'missing-date': 2,
      'missing-value': 1,
      'missing-date-and-value': 1
    })
  })

  it('handles an empty board', () => {
    const frontier = computeSotaFrontier([], 'lower-is-better')
    expect(frontier.steps).toEqual([])
    expect(normalizeFrontier(frontier.steps)).toEqual([])
  })
})

describe('normalizeFrontier', () => {
  it('maps the first step to 0 and the best to 1 in both directions', () => {
    const perplexity = leaderboardPoints(
      'Language Modelling',
      'Penn Treebank (Word Level)',
      'Test perplexity'
    )
    const normalized = normalizeFrontier(computeSotaFrontier(perplexity, 'lower-is-better').steps)
    expect(normalized[0].progress).toBe(0)
    expect(normalized.at(-1)?.progress).toBe(1)
    // 75.2 is (78.4 − 75.2) / (78.4 − 20.5) of the way from the first to the best.
    expect(normalized[1].progress).toBeCloseTo(3.2 / 57.9, 10)
    for (let i = 1; i < normalized.length; i += 1) {
      expect(normalized[i].progress).toBeGreaterThan(normalized[i - 1].progress)
    }
    const accuracy = leaderboardPoints('Image Classification', 'ImageNet', 'Top 1 Accuracy')
    const imagenet = normalizeFrontier(computeSotaFrontier(accuracy, 'higher-is-better').steps)
    expect(imagenet[0]).toMatchObject({ date: '2012-12-01', value: 63.3, progress: 0 })
    expect(imagenet.at(-1)).toMatchObject({ date: '2020-03-18', value: 88.5, progress: 1 })
  })

  it('maps a one-step frontier to 1', () => {
    const { steps } = computeSotaFrontier([point('only', '2020-01-01', 3)], 'higher-is-better')
    expect(normalizeFrontier(steps).map((s) => s.progress)).toEqual([1])
  })
})

describe('rankWithinLeaderboard', () => {
  it('ranks real results with competition ranking, dated or not', () => {
    const points = leaderboardPoints('Image Classification', 'MNIST', 'Percentage error')
    const idOf = (model: string): string => {
      const found = points.find((p) => p.modelName === model)
      if (found === undefined) throw new Error(model)
      return found.id
    }
    // 67 rows carry a number; the capsule network and the undated EnsNet share 0.16.
    expect(
      rankWithinLeaderboard(
        points,
        idOf('Branching/Merging CNN + Homogeneous Filter Capsules'),
        'lower-is-better'
      )
    ).toEqual({ rank: 1, outOf: 67 })
    expect(
      rankWithinLeaderboard(
        points,
        idOf('EnsNet (Ensemble learning in CNN augmented with fully connected subnetworks)'),
        'lower-is-better'
      )
    ).toEqual({ rank: 1, outOf: 67 })
    expect(rankWithinLeaderboard(points, idOf('SOPCNN'), 'lower-is-better')).toEqual({ rank: 3, outOf: 67 })
    expect(rankWithinLeaderboard(points, idOf('Tsetlin Machine'), 'lower-is-better')).toBeNull()
    expect(rankWithinLeaderboard(points, 'no such id', 'lower-is-better')).toBeNull()
  })
})
