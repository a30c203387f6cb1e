import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { useArchiveQuery } from '../components/useArchiveQuery'
import { appDatabase } from '../data/appDatabase'
import {
  loadFollowedBoards,
  markBoardSeen,
  unfollowBoard,
  type FollowedBoardView
} from './followedLeaderboards'
import { countLabel } from '../../shared/countLabel'

function boardTitle(view: FollowedBoardView): string {
  if (!view.board) return view.followed.leaderboardId
  const task = view.task?.name ?? view.board.taskId
  return `${task} on ${view.board.datasetName.trim()}`
}

function FollowedBoard({ view }: { view: FollowedBoardView }): ReactNode {
  const { board, changes, choice } = view
  const title = boardTitle(view)
  const fresh = changes?.newResults.length ?? 0
  return (
    <li className="followed-board" aria-label={title}>
      <div className="followed-board__head">
        {board ? <Link to={routes.leaderboard(board.id)}>{title}</Link> : <span>{title}</span>}
        {!board && <span className="badge badge--gone">no longer in the archive</span>}
        {fresh > 0 && <span className="badge badge--new">{countLabel(fresh, 'new result')}</span>}
        {changes?.newSota && <span className="badge badge--sota">New SotA</span>}
      </div>
      {changes?.newSota && choice && (
        <p className="followed-board__sota">
          {changes.newSota.result.modelName}: {choice.metric} {changes.newSota.raw}
          {changes.previousBest && <span className="muted"> (was {changes.previousBest.raw})</span>}
        </p>
      )}
      {fresh > 0 && (
        <ul className="followed-board__results">
          {changes?.newResults.slice(0, 5).map((result) => (
            <li key={result.id}>
              {result.modelName}
              {choice && result.metrics[choice.metric] && (
                <span className="muted">
                  {' '}
                  · {choice.metric} {result.metrics[choice.metric].raw}
                </span>
              )}
            </li>
          ))}
          {fresh > 5 && <li className="muted">and {fresh - 5} more</li>}
        </ul>
      )}
      <div className="button-row">
        {fresh > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => void markBoardSeen(appDatabase, view.followed.leaderboardId)}
          >
            Mark as seen
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void unfollowBoard(appDatabase, view.followed.leaderboardId)}
        >
          Unfollow
        </button>
      </div>
    </li>
  )
}

/** The library page's "Followed benchmarks": what each followed leaderboard gained since last seen. */
export function FollowedBenchmarks(): ReactNode {
  const views = useArchiveQuery((db) => loadFollowedBoards(db), [])
  return (
    <section className="panel" aria-labelledby="followed-benchmarks">
      <h2 id="followed-benchmarks">Followed benchmarks</h2>
      {views === undefined ? null : views.length === 0 ? (
        <p className="muted">
          Follow a leaderboard from its page to see here what each sync adds to it, and when a result beats
          the state of the art.
        </p>
      ) : (
        <ul className="followed-boards">
          {views.map((view) => (
            <FollowedBoard key={view.followed.leaderboardId} view={view} />
          ))}
        </ul>
      )}
    </section>
  )
}
