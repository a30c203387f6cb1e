import { describe, expect, it } from 'vitest'
import { markdownTable, percentile, stepChecks } from '../../../scripts/benchApp/report'
import type { StepRecord } from '../../../scripts/benchApp/stepRecorder'
import { TARGETS } from '../../../scripts/benchApp/targets'

const step = (patch: Partial<StepRecord>): StepRecord => ({
  name: 'paper pages (20 random)',
  kind: 'navigation',
  samples: [40, 50, 60],
  longestTaskMs: 20,
  rendererPeakBytes: 9e8,
  rendererPeakPssBytes: 6e8,
  browserPeakBytes: 1.8e9,
  browserPeakPssBytes: 1.2e9,
  indexedDbEstimateBytes: 1.6e8,
  indexedDbDiskBytes: 1.7e8,
  note: '',
  error: null,
  ...patch
})

describe('bench:app report', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1)
    expect(percentile(samples, 50)).toBe(10)
    expect(percentile(samples, 95)).toBe(19)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  it('holds each step to its targets and fails the ones it misses', () => {
    expect(stepChecks(step({}), TARGETS).every((c) => c.ok)).toBe(true)
    const slow = stepChecks(step({ samples: [...Array(19).fill(50), 900] }), TARGETS)
    expect(slow.find((c) => c.what === 'p95 ≤ 200 ms')?.ok).toBe(true)
    const slower = stepChecks(step({ samples: [...Array(18).fill(50), 900, 900] }), TARGETS)
    expect(slower.find((c) => c.what === 'p95 ≤ 200 ms')?.ok).toBe(false)
    const broken = stepChecks(step({ error: 'content did not show', longestTaskMs: 140 }), TARGETS)
    expect(broken.filter((c) => !c.ok).map((c) => c.what)).toEqual(['completes', 'longest UI task ≤ 100 ms'])
    const search = stepChecks(step({ kind: 'search', samples: [60, 70] }), TARGETS)
    expect(search.find((c) => c.what === 'p95 ≤ 50 ms')?.ok).toBe(false)
    // Memory is held to its proportional share (PSS); RSS counts shared pages once per process.
    const memory = (patch: Partial<StepRecord>) =>
      stepChecks(step(patch), TARGETS).find((c) => c.what.startsWith('renderer+workers'))?.ok
    expect(memory({ rendererPeakBytes: 2.5e9, rendererPeakPssBytes: 1.9e9 })).toBe(true)
    expect(memory({ rendererPeakBytes: 2.5e9, rendererPeakPssBytes: 2.1e9 })).toBe(false)
  })

  it('prints one row per step with the target and a mark beside each figure', () => {
    const table = markdownTable(
      [step({}), step({ name: 'search as you type: rare word', kind: 'search' })],
      TARGETS
    )
    const rows = table.split('\n')
    expect(rows).toHaveLength(4)
    expect(rows[2]).toContain(
      '| paper pages (20 random) | 3 | 50 ms | 60 ms | ≤ 200 ms ✓ | 20 ms ✓ | 600 MB ✓ / 900 MB | 1.2 GB / 1.8 GB |'
    )
    expect(rows[3]).toContain('≤ 50 ms ✗')
  })
})
