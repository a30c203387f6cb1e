import { useCallback, useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import {
  filterResults,
  leaderboardExportStamp,
  leaderboardTableRows,
  yearSpan,
  type LeaderboardFilters,
  type TableSort
} from '../../../shared/sota/leaderboardExport'
import type { MetricDirection } from '../../../shared/sota/metricDirection'
import { useChartColors } from '../../charts/chartColors'
import { SotaChart } from '../../charts/SotaChart'
import { sotaChartModel, type ChartPoint, type SotaChartModel } from '../../charts/sotaChartModel'
import type { ValueScale } from '../../charts/valueAxis'
import { Loading } from '../../components/Loading'
import { formatDate } from '../../components/PaperLinks'
import { PageHeader } from '../../components/Page'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { appDatabase } from '../../data/appDatabase'
import { primaryMetric } from '../../data/queries/leaderboardBest'
import { NotFoundPage } from '../NotFoundPage'
import { AddToComparisonButton } from './AddToComparisonButton'
import { ChartControls } from './ChartControls'
import { resolveBoardDirection, setDirectionOverride } from './directionOverrides'
import { ChartExportButtons, TableExportButtons } from './LeaderboardExports'
import { leaderboardTitle, loadLeaderboardPage, type LeaderboardPageData } from './leaderboardQueries'
import { LeaderboardTable } from './LeaderboardTable'
import { FollowButton } from '../../library/FollowButton'
import { useUrlState } from '../../app/useUrlState'
import { LEADERBOARD_VIEW_PARAMS } from './leaderboardViewParams'
import { countLabel } from '../../../shared/countLabel'

/** Rows drawn with the chart: more than the first screen shows under it. */
const FIRST_PASS_ROWS = 20

const REASON_TEXT = {
  'missing-date': 'no date',
  'missing-value': 'no numeric value',
  'missing-date-and-value': 'neither a date nor a numeric value'
} as const

/** The results a time chart cannot place, counted by reason and listed. */
function UnplottedNote({ model }: { model: SotaChartModel }): ReactNode {
  const count = model.unplotted.length
  if (count === 0) return null
  const reasons = (Object.keys(REASON_TEXT) as (keyof typeof REASON_TEXT)[])
    .filter((reason) => model.unplottedCounts[reason] > 0)
    .map((reason) => `${model.unplottedCounts[reason]} with ${REASON_TEXT[reason]}`)
  return (
    <details className="unplotted" data-testid="unplotted-note">
      <summary>
        {countLabel(count, 'result is', 'results are')} not plotted ({reasons.join(', ')} for {model.metric})
      </summary>
      <ul className="unplotted__list">
        {model.unplotted.map((item) => (
          <li key={item.id}>
            <strong>{item.modelName}</strong> · {item.raw || 'no value'} · {formatDate(item.date)}
          </li>
        ))}
      </ul>
    </details>
  )
}

function logBlockedReason(model: SotaChartModel): string | null {
  if (model.points.length === 0) return 'Nothing to plot on a log scale.'
  if (model.nonPositiveCount === 0) return null
  const n = model.nonPositiveCount
  return `Log scale needs every plotted value above 0; ${countLabel(n, 'value is', 'values are')} 0 or below.`
}

function LeaderboardView({ data }: { data: LeaderboardPageData }): ReactNode {
  const { board, task } = data
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const requested = params.get('metric')
  const metric = requested !== null && board.metrics.includes(requested) ? requested : primaryMetric(board)
  const { overrides } = data
  const [view, setView] = useUrlState(LEADERBOARD_VIEW_PARAMS)
  const { scale } = view
  const filters = useMemo<LeaderboardFilters>(
    () => ({
      onlyWithCode: view.onlyWithCode,
      noExtraData: view.noExtraData,
      fromYear: view.fromYear,
      toYear: view.toYear
    }),
    [view]
  )
  const setScale = (next: ValueScale): void => setView((current) => ({ ...current, scale: next }))
  const setFilters = (next: LeaderboardFilters): void => setView((current) => ({ ...current, ...next }))
  const [chosenSort, setChosenSort] = useState<TableSort | null>(null)
  const colors = useChartColors()
  const surfaceRef = useRef<HTMLDivElement>(null)

  const direction = metric === null ? null : resolveBoardDirection(metric, overrides)
  const better = direction?.direction ?? null
  const directionOf = useCallback(
    (name: string): MetricDirection => resolveBoardDirection(name, overrides).direction,
    [overrides]
  )
  const filtered = useMemo(() => filterResults(data.results, filters), [data.results, filters])
  const model = useMemo(
    () => (metric === null || better === null ? null : sotaChartModel(filtered, metric, better)),
    [filtered, metric, better]
  )
  const sort = useMemo<TableSort>(
    () =>
      chosenSort ??
      (metric === null ? { kind: 'date', reversed: false } : { kind: 'metric', metric, reversed: false }),
    [chosenSort, metric]
  )
  const rows = useMemo(
    () =>
      leaderboardTableRows(filtered, {
        rankMetric: metric,
        directionOf,
        sort,
        officialCode: data.officialCode
      }),
    [filtered, metric, directionOf, sort, data.officialCode]
  )
  // The page's first frame holds the chart and the table's first rows; the rest of a 200-row
  // table (building it and laying it out cost more than the chart) follows in a second,
  // interruptible pass, as does a re-sorted or re-filtered table.
  const firstRows = useMemo(
    () => (rows.length <= FIRST_PASS_ROWS ? rows : rows.slice(0, FIRST_PASS_ROWS)),
    [rows]
  )
  const tableRows = useDeferredValue(rows, firstRows)
  const blocked = model === null ? 'Nothing to plot.' : logBlockedReason(model)
  const effectiveScale: ValueScale = blocked === null ? scale : 'linear'
  const title = leaderboardTitle(board, task)
  const stamp = leaderboardExportStamp(board.id, data.snapshotDate)
  const years = useMemo(() => yearSpan(data.results), [data.results])

  const chooseMetric = (next: string): void => {
    const nextParams = new URLSearchParams(params)
    if (next === primaryMetric(board)) nextParams.delete('metric')
    else nextParams.set('metric', next)
    setParams(nextParams, { replace: true })
    setChosenSort(null)
  }
  const toggleSort = (column: { kind: 'metric'; metric: string } | { kind: 'date' }): void => {
    const same =
      sort.kind === column.kind &&
      (column.kind === 'date' || (sort.kind === 'metric' && sort.metric === column.metric))
    setChosenSort(
      column.kind === 'metric'
        ? { kind: 'metric', metric: column.metric, reversed: same ? !sort.reversed : false }
        : { kind: 'date', reversed: same ? !sort.reversed : false }
    )
  }
  const openPoint = useCallback(
    (point: ChartPoint) => {
      if (point.paperId !== null) navigate(routes.paper(point.paperId))
    },
    [navigate]
  )

  const unknownExtraData = filtered.filter((result) => result.usesAdditionalData === null).length
  const shownNote =
    filtered.length === data.results.length
      ? countLabel(data.results.length, 'result')
      : `Showing ${filtered.length.toLocaleString('en')} of ${countLabel(data.results.length, 'result')}`

  return (
    <article className="leaderboard">
      <PageHeader title={title} kicker="Leaderboard">
        <p className="leaderboard__facts">
          <span>
            Task: <Link to={routes.task(board.taskId)}>{task?.name ?? board.taskId}</Link>
          </span>
          <span>
            Dataset:{' '}
            <Link to={routes.dataset(board.parentDatasetSlug ?? board.datasetSlug)}>
              {board.datasetName.trim()}
            </Link>
            {board.parentDatasetName && (
              <span className="muted"> (part of {board.parentDatasetName.trim()})</span>
            )}
          </span>
          <span data-testid="result-count">{countLabel(board.resultCount, 'result')}</span>
        </p>
      </PageHeader>
      <div className="leaderboard__actions">
        <FollowButton leaderboardId={board.id} metric={metric ?? undefined} />
        <AddToComparisonButton leaderboardId={board.id} />
      </div>

      {metric === null || model === null || direction === null ? (
        <p className="notice">This leaderboard lists no metric, so there is nothing to chart or rank.</p>
      ) : (
        <section className="panel leaderboard-chart" aria-labelledby="sota-chart-title">
          <div className="panel__title-row">
            <h2 id="sota-chart-title">State of the art over time</h2>
            <ChartExportButtons
              surfaceRef={surfaceRef}
              title={`${title} — ${metric}`}
              stamp={stamp}
              colors={colors}
              metric={metric}
            />
          </div>
          <ChartControls
            metrics={board.metrics}
            metric={metric}
            onMetric={chooseMetric}
            direction={direction}
            onDirection={(next) => void setDirectionOverride(appDatabase, board.id, metric, next)}
            scale={effectiveScale}
            onScale={setScale}
            logBlockedReason={blocked}
            filters={filters}
            onFilters={setFilters}
            years={years}
          />
          {model.points.length === 0 ? (
            <p className="notice">No shown result has both a date and a numeric {metric}: nothing to plot.</p>
          ) : (
            <figure
              className="sota-chart"
              aria-label={`${metric} of every dated result over time, with the state-of-the-art frontier`}
            >
              <SotaChart
                model={model}
                scale={effectiveScale}
                colors={colors}
                onOpenPoint={openPoint}
                surfaceRef={surfaceRef}
              />
              <figcaption className="sota-chart__caption">
                <span className="sota-legend sota-legend--point">result</span>
                <span className="sota-legend sota-legend--step">new state of the art</span>
                <span className="sota-legend sota-legend--frontier">frontier</span>
                <span>
                  {model.points.length.toLocaleString('en')} plotted,{' '}
                  {countLabel(model.steps.length, 'SotA step')}
                  {model.repeatCount > 0 &&
                    `, ${countLabel(model.repeatCount, 'duplicate row')} not plotted again`}
                  . Click a point to open its paper.
                </span>
              </figcaption>
            </figure>
          )}
          <UnplottedNote model={model} />
        </section>
      )}

      <section aria-labelledby="results-title" className="leaderboard-results">
        <div className="panel__title-row">
          <h2 id="results-title">Results</h2>
          <TableExportButtons
            rows={rows}
            metrics={board.metrics}
            stamp={stamp}
            title={title}
            metric={metric}
            direction={direction?.direction ?? null}
            filters={filters}
          />
        </div>
        <p className="muted" data-testid="shown-count">
          {shownNote}
          {metric !== null && ` · ranked by ${metric}`}
          {filters.noExtraData && unknownExtraData > 0 && (
            <>
              {' '}
              · the archive does not say whether {unknownExtraData} of them used extra training data; they are
              kept
            </>
          )}
        </p>
        <LeaderboardTable
          metrics={board.metrics}
          rows={tableRows}
          stale={tableRows !== rows}
          rankMetric={metric}
          sort={sort}
          onSort={toggleSort}
          directionOf={directionOf}
        />
      </section>
    </article>
  )
}

export function LeaderboardPage(): ReactNode {
  const { slug = '' } = useParams()
  const data = useArchiveQuery((db) => loadLeaderboardPage(db, slug), [slug])
  if (data === undefined) return <Loading />
  if (data === null) return <NotFoundPage what="leaderboard" />
  // Keyed by board: filters and sort belong to the board they were chosen on.
  return <LeaderboardView key={data.board.id} data={data} />
}
