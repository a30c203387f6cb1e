import { describe, expect, it } from 'vitest'
import { parseMetricValue } from '../../../src/shared/archive/metricValue'
import {
  findLeaderboardChanges,
  followLeaderboard,
  markLeaderboardSeen,
  type BenchmarkResult,
  type FollowedMetric
} from '../../../src/shared/library/followedBenchmarks'
import type { FollowedLeaderboard } from '../../../src/shared/library/libraryTypes'
import { loadEvaluationTables2020, walkDatasets, walkTasks } from '../sota/evaluationTablesFixture'

/** A real 2020 leaderboard's rows as stored results. */
function leaderboard(task: string, dataset: string): BenchmarkResult[] {
  for (const node of walkTasks(loadEvaluationTables2020())) {
    if (node.task !== task) continue
    for (const board of walkDatasets(node.datasets)) {
      if (board.dataset !== dataset || board.sota === null) continue
      return board.sota.rows.map((row, index) => ({
        id: `${dataset}/${index}`,
        modelName: row.model_name,
        paperTitle: row.paper_title,
        paperDate: row.paper_date,
        metrics: Object.fromEntries(
          Object.entries(row.metrics).map(([name, raw]) => [name, parseMetricValue(raw)])
        )
      }))
    }
  }
  throw new Error(`No leaderboard ${task} / ${dataset}`)
}

const TOP1: FollowedMetric = { metric: 'Top 1 Accuracy', direction: 'higher-is-better' }
const PERPLEXITY: FollowedMetric = { metric: 'Test perplexity', direction: 'lower-is-better' }

/** Followed on `date`: every result published before it was on the board and seen. */
function followedOn(
  date: string,
  results: readonly BenchmarkResult[],
  choice: FollowedMetric
): FollowedLeaderboard {
  const before = results.filter((result) => result.paperDate !== null && result.paperDate < date)
  return followLeaderboard('board', before, choice, `${date}T00:00:00.000Z`)
}

function values(results: readonly BenchmarkResult[], metric: string): number[] {
  return results
    .map((result) => result.metrics[metric]?.value)
    .filter((value): value is number => value != null)
}

describe('a followed leaderboard', () => {
  it('reports the ImageNet results since mid-2019 and FixEfficientNet-L2 as the new SotA', () => {
    const results = leaderboard('Image Classification', 'ImageNet')
    const followed = followedOn('2019-06-01', results, TOP1)
    const changes = findLeaderboardChanges(followed, results, TOP1)

    const seen = new Set(followed.lastSeenResultIds)
    expect(changes.newResults).toEqual(results.filter((result) => !seen.has(result.id)))
    expect(changes.newResults.length).toBeGreaterThan(10)
    expect(changes.previousBest?.value).toBe(
      Math.max(
        ...values(
          results.filter((r) => seen.has(r.id)),
          TOP1.metric
        )
      )
    )
    expect(changes.newSota).toMatchObject({ value: 88.5, raw: '88.5%' })
    expect(changes.newSota?.result.modelName).toBe('FixEfficientNet-L2')
    expect(changes.newSota?.improvement).toBeCloseTo(88.5 - (changes.previousBest?.value ?? 0), 10)
    expect(changes.vanishedResultIds).toEqual([])
  })

  it('finds the lowest perplexity on Penn Treebank when lower is better', () => {
    const results = leaderboard('Language Modelling', 'Penn Treebank (Word Level)')
    const followed = followedOn('2019-01-01', results, PERPLEXITY)
    const changes = findLeaderboardChanges(followed, results, PERPLEXITY)
    expect(changes.newResults.map((result) => result.modelName)).toContain('GPT-2')
    expect(changes.newSota?.result.modelName).toBe('GPT-3 (Zero-Shot)')
    expect(changes.newSota?.value).toBe(20.5)
    expect(changes.newSota?.value).toBe(Math.min(...values(changes.newResults, PERPLEXITY.metric)))
    expect(changes.previousBest?.value).toBeGreaterThan(20.5)
  })

  it('reports nothing once the board is marked seen, and no SotA for a result that only ties', () => {
    const results = leaderboard('Image Classification', 'ImageNet')
    const seen = markLeaderboardSeen(followedOn('2019-06-01', results, TOP1), results, TOP1)
    expect(seen.lastSeenBest).toEqual({
      resultId: 'ImageNet/0',
      metric: TOP1.metric,
      value: 88.5,
      raw: '88.5%'
    })
    expect(findLeaderboardChanges(seen, results, TOP1)).toMatchObject({ newResults: [], newSota: null })

    const tie = { ...results[0], id: 'ImageNet/tie', modelName: 'Same score' }
    const changes = findLeaderboardChanges(seen, [...results, tie], TOP1)
    expect(changes.newResults).toEqual([tie])
    expect(changes.newSota).toBeNull()
  })

  it('remembers the best it showed when a newer dump drops that row', () => {
    const results = leaderboard('Image Classification', 'ImageNet')
    const seen = markLeaderboardSeen(followedOn('2019-06-01', results, TOP1), results, TOP1)
    const withoutBest = results.filter((result) => result.id !== 'ImageNet/0')
    // 88.45 beats everything still on the board but not the 88.5 the user saw.
    const late = {
      ...results[1],
      id: 'ImageNet/late',
      metrics: { [TOP1.metric]: parseMetricValue('88.45%') }
    }
    const changes = findLeaderboardChanges(seen, [...withoutBest, late], TOP1)
    expect(changes.vanishedResultIds).toEqual(['ImageNet/0'])
    expect(changes.previousBest).toEqual({ resultId: 'ImageNet/0', value: 88.5, raw: '88.5%' })
    expect(changes.newSota).toBeNull()
  })

  it('lists results without a number as new but never as a SotA', () => {
    const results = leaderboard('Image Classification', 'ImageNet')
    const seen = markLeaderboardSeen(
      followLeaderboard('board', [], TOP1, '2020-01-01T00:00:00.000Z'),
      results,
      TOP1
    )
    const dash = { ...results[0], id: 'ImageNet/dash', metrics: { [TOP1.metric]: parseMetricValue('-') } }
    expect(findLeaderboardChanges(seen, [...results, dash], TOP1)).toMatchObject({
      newResults: [dash],
      newSota: null
    })
  })

  it('ignores a stored best for another metric', () => {
    const results = leaderboard('Image Classification', 'ImageNet')
    const followed = followedOn('2019-06-01', results, TOP1)
    const top5: FollowedMetric = { metric: 'Top 5 Accuracy', direction: 'higher-is-better' }
    const changes = findLeaderboardChanges(followed, results, top5)
    const seen = new Set(followed.lastSeenResultIds)
    expect(changes.previousBest?.value).toBe(
      Math.max(
        ...values(
          results.filter((r) => seen.has(r.id)),
          top5.metric
        )
      )
    )
  })

  it('calls the first numbered result on a board followed while empty a SotA', () => {
    const results = leaderboard('Language Modelling', 'Penn Treebank (Word Level)')
    const empty = followLeaderboard('board', [], PERPLEXITY, '2018-01-01T00:00:00.000Z')
    expect(empty).toEqual({
      leaderboardId: 'board',
      followedAt: '2018-01-01T00:00:00.000Z',
      lastSeenResultIds: []
    })
    const changes = findLeaderboardChanges(empty, results.slice(2, 3), PERPLEXITY)
    expect(changes.newSota).toMatchObject({ value: 35.76, improvement: null })
  })
})
