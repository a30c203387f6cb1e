import { describe, expect, it } from 'vitest'
import { parseMetricNumber } from '../../../src/shared/archive/metricValue'
import {
  inferMetricDirection,
  isLowerBetter,
  resolveMetricDirection,
  type MetricDirection
} from '../../../src/shared/sota/metricDirection'
import {
  distinctMetricNames,
  loadEvaluationTables2020,
  walkDatasets,
  walkTasks
} from './evaluationTablesFixture'

const LOWER: MetricDirection = 'lower-is-better'
const HIGHER: MetricDirection = 'higher-is-better'

// Every name below occurs in the 2020 dump unless marked "(invented)".
const EXPECTED: [string, MetricDirection][] = [
  ['Top 1 Accuracy', HIGHER],
  ['Top-1 Error Rate', LOWER],
  ['Top-5 Error', LOWER],
  ['Percentage error', LOWER],
  ['Percentage correct', HIGHER],
  ['Error rate', LOWER],
  ['Error-free accuracy', HIGHER], // (invented)
  ['Accuracy (error)', HIGHER], // (invented): the qualifier does not flip the head
  ['AUC (horizon error)', HIGHER],
  ['Test perplexity', LOWER],
  ['PPL', LOWER],
  ['BPE Perplexity', LOWER],
  ['Word Error Rate (WER)', LOWER],
  ['CER', LOWER],
  ['FID', LOWER],
  ['SceneFID', LOWER],
  ['Frechet Inception Distance', LOWER],
  ['Kernel Inception Distance', LOWER],
  ['Inception score', HIGHER],
  ['IS', HIGHER],
  ['Bit per Character (BPC)', LOWER],
  ['bits/dimension', LOWER],
  ['bpd', LOWER],
  ['nats', LOWER],
  ['NLL', LOWER],
  ['Negative ELBO', LOWER],
  ['Log-likelihood', HIGHER],
  ['MAE', LOWER],
  ['MSE (10% missing)', LOWER],
  ['RMSE', LOWER],
  ['iRMSE', LOWER],
  ['EER', LOWER],
  ['Equal Error Rate', LOWER],
  ['HTER', LOWER],
  ['FLOPS', LOWER],
  ['GFLOPs', LOWER],
  ['Number of params', LOWER],
  ['Params (M)', LOWER],
  ['Size (MB)', LOWER],
  ['inference time (ms)', LOWER],
  ['Search Time (GPU days)', LOWER],
  ['Speed(ms/f)', LOWER],
  ['Speed  (FPS)', HIGHER],
  ['Latency', LOWER], // (invented)
  ['Scaled time-delay embeddings', HIGHER],
  ['Average Accuracy (10 times)', HIGHER],
  ['Chamfer Distance', LOWER],
  ['Hausdorff Distance (mm)', LOWER],
  ['Edit Distance', LOWER],
  ['Edit', HIGHER],
  ['MPJPE', LOWER],
  ['PA-MPJPE', LOWER],
  ['NME', LOWER],
  ['Mean Rank', LOWER],
  ['text-to-video Median Rank', LOWER],
  ['Rank-1', HIGHER],
  ['MRR', HIGHER],
  ['MR', LOWER],
  ['Reasonable Miss Rate', LOWER],
  ['Success Rate 0.5', HIGHER],
  ['ERR@20', HIGHER],
  ['PERR', HIGHER],
  ['GAR @0.1% FAR', HIGHER],
  ['TAR @ FAR=0.001', HIGHER],
  ['APH/L2', HIGHER],
  ['L2', LOWER],
  ['Hamming Loss', LOWER],
  ['LPIPS', LOWER],
  ['NIQE', LOWER],
  ['Normalized cPSNR', LOWER],
  ['PSNR', HIGHER],
  ['SSIM', HIGHER],
  ['BLEU-4', HIGHER],
  ['ROUGE-L', HIGHER],
  ['CIDEr', HIGHER],
  ['mAP@0.5', HIGHER],
  ['box AP', HIGHER],
  ['F1-score', HIGHER],
  ['EM', HIGHER],
  ['ROC-AUC', HIGHER],
  ['mIoU', HIGHER],
  ['MOTA', HIGHER],
  ['Mean ADD', HIGHER],
  ['CREMI Score', LOWER],
  ['VOI', LOWER],
  ['Fl-all', LOWER],
  ['MAR, walking, 400ms', LOWER],
  ['J@60s', HIGHER],
  ['Cumulative regret', LOWER],
  ['final agent reward', HIGHER],
  ['ELO Rating', HIGHER],
  ['Model Entropy', LOWER],
  ['Fullset (public)', LOWER]
]

describe('inferMetricDirection', () => {
  it.each(EXPECTED)('%s → %s', (name, direction) => {
    expect(inferMetricDirection(name).direction).toBe(direction)
    expect(isLowerBetter(name)).toBe(direction === LOWER)
  })

  it('ignores case and stray whitespace', () => {
    expect(inferMetricDirection(' RMSE (Subject-exposed)').direction).toBe(LOWER)
    expect(inferMetricDirection('top 1 ACCURACY').direction).toBe(HIGHER)
    expect(inferMetricDirection('Mean NME ')).toEqual(inferMetricDirection('mean nme'))
  })

  it('is total: every distinct metric name of the 2020 dump gets a direction and a rule', () => {
    const names = distinctMetricNames()
    expect(names).toHaveLength(966)
    const lower = names.filter((name) => {
      const inferred = inferMetricDirection(name)
      expect([LOWER, HIGHER]).toContain(inferred.direction)
      expect(inferred.rule.length).toBeGreaterThan(0)
      return inferred.direction === LOWER
    })
    // The reviewed table (docs/metric-directions.md) has 234 lower-is-better names.
    expect(lower).toHaveLength(234)
  })

  it('is total on odd input too', () => {
    for (const name of ['', '   ', '()', '[]', '%', '—', '\u0000', 'x'.repeat(10_000), '(((', 'a|b']) {
      expect(inferMetricDirection(name).direction).toMatch(/-is-better$/)
    }
  })

  it('agrees with how Papers With Code ranked its leaderboards, except four reviewed names', () => {
    // PWC listed rows best-first by the board's first metric: falling values mean it ranked
    // higher-is-better. Per name, the majority of such boards is compared with the inference;
    // the four names where they disagree were reviewed and PWC's listing found wrong
    // (docs/metric-directions.md, "Review notes").
    const votes = new Map<string, { higher: number; lower: number }>()
    for (const task of walkTasks(loadEvaluationTables2020())) {
      for (const board of walkDatasets(task.datasets)) {
        const metric = board.sota?.metrics[0]
        if (metric === undefined || board.sota === null) continue
        const values = board.sota.rows
          .map((row) => parseMetricNumber(row.metrics[metric] ?? ''))
          .filter((value): value is number => value !== null)
        const rises = values.slice(1).filter((value, i) => value > values[i]).length
        const falls = values.slice(1).filter((value, i) => value < values[i]).length
        if (values.length < 3 || rises > 0 === falls > 0) continue
        const vote = votes.get(metric) ?? { higher: 0, lower: 0 }
        if (falls > 0) vote.higher += 1
        else vote.lower += 1
        votes.set(metric, vote)
      }
    }
    const disagreements = [...votes]
      .filter(([metric, { higher, lower }]) =>
        inferMetricDirection(metric).direction === HIGHER ? lower > higher : higher > lower
      )
      .map(([metric]) => metric)
    expect(votes.size).toBeGreaterThan(250)
    expect(disagreements.sort()).toEqual(['EER', 'Hamming Loss', 'm-reIRMSE', 'm-reIRMSE-nz'])
  })
})

describe('resolveMetricDirection', () => {
  it('uses the inference when the leaderboard has no override', () => {
    expect(resolveMetricDirection('Test perplexity')).toEqual({
      direction: LOWER,
      rule: 'perplexity',
      source: 'inferred'
    })
    expect(resolveMetricDirection('Accuracy', null).source).toBe('inferred')
  })

  it("applies a leaderboard's override either way", () => {
    expect(resolveMetricDirection('Hamming Loss', HIGHER)).toEqual({
      direction: HIGHER,
      rule: 'leaderboard override',
      source: 'override'
    })
    expect(resolveMetricDirection('ATV', LOWER).direction).toBe(LOWER)
  })

  it('ignores an override that is not a direction (stored settings are untrusted)', () => {
    const corrupt = 'sideways' as unknown as MetricDirection
    expect(resolveMetricDirection('Accuracy', corrupt)).toMatchObject({
      direction: HIGHER,
      source: 'inferred'
    })
  })
})
