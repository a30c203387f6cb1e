import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode
} from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import { ARCHIVE_ATTRIBUTION, type LeaderboardExportStamp } from '../../../shared/sota/leaderboardExport'
import { useChartColors } from '../../charts/chartColors'
import { CompareChart, type OverlayPoint, type OverlaySeries } from '../../charts/CompareChart'
import { Loading } from '../../components/Loading'
import { formatDate } from '../../components/PaperLinks'
import { EmptyState, PageHeader } from '../../components/Page'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { appDatabase } from '../../data/appDatabase'
import { primaryMetric } from '../../data/queries/leaderboardBest'
import { resolveBoardDirection } from '../leaderboard/directionOverrides'
import { ChartExportButtons } from '../leaderboard/LeaderboardExports'
import { leaderboardTitle } from '../leaderboard/leaderboardQueries'
import {
  MAX_COMPARED_BOARDS,
  comparePath,
  parseBoardsParam,
  readComparison,
  saveComparison
} from './comparisonSelection'
import { loadCompareData, progressSeries, type CompareData } from './compareModel'
import { countLabel } from '../../../shared/countLabel'

function compareStamp(ids: readonly string[], snapshotDate: string | null): LeaderboardExportStamp {
  return {
    leaderboardId: 'compare',
    source: `Papers with Code archive, leaderboards ${ids.join(', ')}`,
    snapshotDate,
    attribution: ARCHIVE_ATTRIBUTION
  }
}

/** Adds a leaderboard by its slug; suggestions are every board in the local archive. */
function AddBoardForm({ onAdd, disabled }: { onAdd: (id: string) => void; disabled: boolean }): ReactNode {
  const listId = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const ids = useArchiveQuery((db) => db.leaderboards.toCollection().primaryKeys(), [])
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    // A pasted /sota/<slug> link works as well as the slug itself.
    const id = text
      .trim()
      .replace(/^.*\/sota\//, '')
      .replace(/[?#].*$/, '')
    if (!id) return
    if (ids !== undefined && !ids.includes(id)) {
      setError(`No leaderboard “${id}” in the local archive.`)
      return
    }
    setError(null)
    setText('')
    onAdd(id)
  }
  return (
    <form className="compare-add" onSubmit={submit}>
      <label className="compare-add__field">
        <span>Add a leaderboard</span>
        <input
          type="text"
          list={listId}
          value={text}
          placeholder="e.g. image-classification-on-cifar-10"
          onChange={(event) => setText(event.target.value)}
          disabled={disabled}
        />
      </label>
      <datalist id={listId}>
        {ids?.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <button type="submit" className="button" disabled={disabled || !text.trim()}>
        Add
      </button>
      {disabled && <span className="muted">At most {MAX_COMPARED_BOARDS} leaderboards.</span>}
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}

function CompareView({ ids, data }: { ids: string[]; data: CompareData }): ReactNode {
  const navigate = useNavigate()
  const colors = useChartColors()
  const surfaceRef = useRef<HTMLDivElement>(null)
  const [metrics, setMetrics] = useState<Record<string, string>>({})

  const entries = useMemo(
    () =>
      data.boards.map(({ board, task, results, overrides }, index) => {
        const chosen = metrics[board.id]
        const metric = chosen !== undefined && board.metrics.includes(chosen) ? chosen : primaryMetric(board)
        const direction = metric === null ? null : resolveBoardDirection(metric, overrides).direction
        const progress =
          metric === null || direction === null
            ? { points: [], line: [] }
            : progressSeries(results, metric, direction)
        const series: OverlaySeries = {
          id: board.id,
          name: leaderboardTitle(board, task),
          metric: metric ?? '',
          color: colors.series[index % colors.series.length],
          ...progress
        }
        return { board, metric, series }
      }),
    [data.boards, metrics, colors.series]
  )
  const drawn = useMemo(
    () => entries.map((entry) => entry.series).filter((s) => s.points.length > 0),
    [entries]
  )

  const update = (next: string[]): void => {
    void saveComparison(appDatabase, next)
    navigate(comparePath(next), { replace: true })
  }
  const openPoint = useCallback(
    (point: OverlayPoint) => {
      if (point.paperId !== null) navigate(routes.paper(point.paperId))
    },
    [navigate]
  )

  return (
    <>
      {data.missing.length > 0 && (
        <p className="notice" role="note">
          Not in the local archive: {data.missing.join(', ')}.
        </p>
      )}
      {drawn.length > 0 && (
        <section className="panel leaderboard-chart" aria-labelledby="compare-chart-title">
          <div className="panel__title-row">
            <h2 id="compare-chart-title">Progress towards each leaderboard&apos;s best</h2>
            <ChartExportButtons
              surfaceRef={surfaceRef}
              title="Leaderboards compared: normalized state-of-the-art frontiers"
              stamp={compareStamp(ids, data.snapshotDate)}
              colors={colors}
              metric={null}
            />
          </div>
          <figure className="sota-chart" aria-label="Normalized state-of-the-art frontiers over time">
            <CompareChart series={drawn} colors={colors} onOpenPoint={openPoint} surfaceRef={surfaceRef} />
          </figure>
        </section>
      )}
      <ul className="compare-boards" aria-label="Compared leaderboards">
        {entries.map(({ board, metric, series }) => {
          const first = series.points[0]
          const best = series.points[series.points.length - 1]
          return (
            <li key={board.id} className="compare-board">
              <span className="swatch" style={{ background: series.color }} aria-hidden="true" />
              <div className="compare-board__body">
                <Link
                  to={`${routes.leaderboard(board.id)}${metric && metric !== primaryMetric(board) ? `?metric=${encodeURIComponent(metric)}` : ''}`}
                >
                  {series.name}
                </Link>
                <span className="muted compare-board__facts">
                  {first && best
                    ? `${countLabel(series.points.length, 'SotA step')}: ${first.raw} (${formatDate(first.date)}) → ${best.raw} (${formatDate(best.date)})`
                    : 'No dated, numeric result to draw'}
                </span>
              </div>
              {board.metrics.length > 1 && metric !== null && (
                <label className="compare-board__metric">
                  <span className="visually-hidden">Metric for {series.name}</span>
                  <select
                    value={metric}
                    onChange={(event) =>
                      setMetrics((current) => ({ ...current, [board.id]: event.target.value }))
                    }
                  >
                    {board.metrics.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button
                type="button"
                className="button button--small"
                aria-label={`Remove ${series.name} from the comparison`}
                onClick={() => update(ids.filter((id) => id !== board.id))}
              >
                Remove
              </button>
            </li>
          )
        })}
      </ul>
      <AddBoardForm
        disabled={ids.length >= MAX_COMPARED_BOARDS}
        onAdd={(id) => update([...ids.filter((other) => other !== id), id])}
      />
    </>
  )
}

export function ComparePage(): ReactNode {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const hasList = params.has('boards')
  const ids = useMemo(() => parseBoardsParam(params.get('boards')), [params])
  const stored = useArchiveQuery((db) => readComparison(db), [])
  const key = ids.join(',')
  const data = useArchiveQuery((db) => loadCompareData(db, ids), [key])

  // Without a list in the URL, open the stored selection, and put it in the URL so it can be linked.
  useEffect(() => {
    if (!hasList && stored !== undefined && stored.length > 0)
      navigate(comparePath(stored), { replace: true })
  }, [hasList, stored, navigate])

  return (
    <div className="compare">
      <PageHeader title="Compare leaderboards" kicker="State of the art">
        Each leaderboard&apos;s frontier is rescaled so its first state of the art is 0% and its best is 100%:
        the overlay shows how fast and when each benchmark moved, whatever its metric&apos;s scale or
        direction.
      </PageHeader>
      {data === undefined || (!hasList && stored === undefined) ? (
        <Loading />
      ) : ids.length === 0 ? (
        <>
          <EmptyState title="Nothing to compare yet">
            <p>
              Open a leaderboard and choose <strong>Add to comparison</strong>, or add one by its name below.
            </p>
          </EmptyState>
          <AddBoardForm
            disabled={false}
            onAdd={(id) => {
              void saveComparison(appDatabase, [id])
              navigate(comparePath([id]), { replace: true })
            }}
          />
        </>
      ) : (
        <CompareView ids={ids} data={data} />
      )}
    </div>
  )
}
