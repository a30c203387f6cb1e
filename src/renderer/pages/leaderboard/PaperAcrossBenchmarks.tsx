import { useState, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import { primaryMetric } from '../../data/queries/leaderboardBest'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { loadPaperBenchmarks, standingScore, type BenchmarkStanding } from './paperBenchmarkQueries'
import { countLabel } from '../../../shared/countLabel'

/** Best placings shown before "Show all": a paper on 58 Atari boards would fill pages. */
const COLLAPSED_ROWS = 10

function boardLink(standing: BenchmarkStanding): string {
  const path = routes.leaderboard(standing.leaderboard.id)
  return standing.metric === primaryMetric(standing.leaderboard)
    ? path
    : `${path}?metric=${encodeURIComponent(standing.metric)}`
}

function summary(standings: readonly BenchmarkStanding[]): string {
  const boards = new Set(standings.map((s) => s.leaderboard.id))
  const sotaBoards = new Set(standings.filter((s) => s.rank === 1).map((s) => s.leaderboard.id))
  const topThree = new Set(standings.filter((s) => s.rank <= 3).map((s) => s.leaderboard.id))
  const parts = [`Ranked on ${countLabel(boards.size, 'leaderboard')}`]
  if (sotaBoards.size > 0) parts.push(`state of the art on ${sotaBoards.size}`)
  if (topThree.size > sotaBoards.size) parts.push(`top 3 on ${topThree.size}`)
  return `${parts.join(', ')}.`
}

/**
 * "This paper across benchmarks": every leaderboard result of a paper with its rank there, best
 * placings first, each linking to the leaderboard on that metric. Renders nothing for a paper
 * without leaderboard results.
 */
export function PaperAcrossBenchmarks({ paperId }: { paperId: string }): ReactNode {
  const data = useArchiveQuery((db) => loadPaperBenchmarks(db, paperId), [paperId])
  const [expanded, setExpanded] = useState(false)
  if (data === undefined || data.standings.length === 0) return null
  const shown = expanded ? data.standings : data.standings.slice(0, COLLAPSED_ROWS)
  return (
    <section className="paper-benchmarks" aria-labelledby="paper-benchmarks-title">
      <h2 id="paper-benchmarks-title">This paper across benchmarks</h2>
      <p className="muted">
        {summary(data.standings)} Rank counts the results on the same leaderboard that report a value for the
        metric (ties share a rank).
      </p>
      <table className="data-table paper-benchmarks__table" aria-label="This paper across benchmarks">
        <thead>
          <tr>
            <th scope="col">Leaderboard</th>
            <th scope="col">Model</th>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Rank</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((standing) => (
            <tr key={standing.key} className={standing.rank === 1 ? 'leaderboard-row--sota' : undefined}>
              <td>
                <Link to={boardLink(standing)}>{standing.title}</Link>
              </td>
              <td>{standing.result.modelName}</td>
              <td>{standing.metric}</td>
              <td className="num">{standing.raw}</td>
              <td className="paper-benchmarks__rank">
                <span className="paper-benchmarks__rank-text">
                  {standing.rank === 1 ? (
                    <span className="badge badge--sota">#1 · SotA</span>
                  ) : (
                    <strong>#{standing.rank}</strong>
                  )}{' '}
                  <span className="muted">of {standing.outOf}</span>
                </span>
                <span
                  className="rank-bar"
                  role="img"
                  aria-label={`Better than ${Math.round(standingScore(standing.rank, standing.outOf) * 100)}% of the leaderboard`}
                >
                  <span style={{ width: `${standingScore(standing.rank, standing.outOf) * 100}%` }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.standings.length > COLLAPSED_ROWS && (
        <button
          type="button"
          className="link-button paper-benchmarks__more"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? 'Show the best placings only'
            : `Show all ${countLabel(data.standings.length, 'placing')}`}
        </button>
      )}
      {data.unranked > 0 && (
        <p className="muted">
          {countLabel(data.unranked, 'result is', 'results are')} on leaderboards not in the local archive.
        </p>
      )}
    </section>
  )
}
