import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import type { TaskRecord } from '../../../shared/archive/entities'
import type { BoardSummary } from '../../data/queries/taskQueries'

/**
 * Leaderboards as the old task pages listed them: dataset, best model, best value, results. With
 * `tasks` (a dataset's page, where boards of several tasks meet) a Task column comes first.
 */
export function BoardTable({
  boards,
  label,
  tasks
}: {
  boards: BoardSummary[]
  label: string
  tasks?: ReadonlyMap<string, TaskRecord>
}): ReactNode {
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          {tasks && <th scope="col">Task</th>}
          <th scope="col">Dataset</th>
          <th scope="col">Best model</th>
          <th scope="col">Metric</th>
          <th scope="col" className="num">
            Best value
          </th>
          <th scope="col" className="num">
            Results
          </th>
        </tr>
      </thead>
      <tbody>
        {boards.map(({ board, metric, best }) => (
          <tr key={board.id}>
            {tasks && (
              <td>
                <Link to={routes.task(board.taskId)}>
                  {tasks.get(board.taskId)?.name.trim() || board.taskId}
                </Link>
              </td>
            )}
            <th scope="row">
              <Link to={routes.leaderboard(board.id)} data-list-item="">
                {board.datasetName.trim()}
              </Link>
              {board.parentDatasetName && <span className="muted"> · {board.parentDatasetName.trim()}</span>}
            </th>
            <td>{best?.modelName ?? '—'}</td>
            <td>{metric ?? '—'}</td>
            <td className="num">{best && metric ? best.metrics[metric]?.raw : '—'}</td>
            <td className="num">{board.resultCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
