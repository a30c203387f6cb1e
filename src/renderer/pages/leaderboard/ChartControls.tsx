import { useId, type ReactNode } from 'react'
import type { MetricDirection, ResolvedMetricDirection } from '../../../shared/sota/metricDirection'
import type { ValueScale } from '../../charts/valueAxis'
import type { LeaderboardFilters } from '../../../shared/sota/leaderboardExport'

export interface ChartControlsProps {
  metrics: readonly string[]
  metric: string
  onMetric: (metric: string) => void
  direction: ResolvedMetricDirection
  /** `null` forgets the override and goes back to the inference. */
  onDirection: (direction: MetricDirection | null) => void
  scale: ValueScale
  onScale: (scale: ValueScale) => void
  /** Why a log axis is unavailable, `null` when it is available. */
  logBlockedReason: string | null
  filters: LeaderboardFilters
  onFilters: (filters: LeaderboardFilters) => void
  /** First and last year a result is dated. */
  years: [number, number] | null
}

function yearRange([first, last]: [number, number]): number[] {
  const years: number[] = []
  for (let year = first; year <= last; year += 1) years.push(year)
  return years
}

export function ChartControls(props: ChartControlsProps): ReactNode {
  const { direction, filters, onFilters, years } = props
  const id = useId()
  const logReasonId = `${id}-log-reason`
  const directionNote =
    direction.source === 'override'
      ? 'Your choice for this leaderboard'
      : direction.rule === 'default'
        ? 'Inferred: the default for a metric name no rule knows'
        : `Inferred from the metric's name (${direction.rule})`
  const allYears = years ? yearRange(years) : []
  return (
    <div className="chart-controls">
      <div className="chart-controls__field">
        <label htmlFor={`${id}-metric`}>Metric</label>
        <select id={`${id}-metric`} value={props.metric} onChange={(e) => props.onMetric(e.target.value)}>
          {props.metrics.map((metric) => (
            <option key={metric} value={metric}>
              {metric}
            </option>
          ))}
        </select>
      </div>
      <div className="chart-controls__field">
        <label htmlFor={`${id}-direction`}>Better is</label>
        <div className="chart-controls__inline">
          <select
            id={`${id}-direction`}
            aria-describedby={`${id}-direction-note`}
            value={direction.direction}
            onChange={(e) => props.onDirection(e.target.value as MetricDirection)}
          >
            <option value="higher-is-better">Higher</option>
            <option value="lower-is-better">Lower</option>
          </select>
          {direction.source === 'override' && (
            <button type="button" className="link-button" onClick={() => props.onDirection(null)}>
              Use inferred
            </button>
          )}
        </div>
        <span id={`${id}-direction-note`} className="chart-controls__note">
          {directionNote}
        </span>
      </div>
      <fieldset className="chart-controls__field chart-controls__scale">
        <legend>Scale</legend>
        <div className="segmented">
          {(['linear', 'log'] as const).map((scale) => (
            <label
              key={scale}
              className={props.scale === scale ? 'segmented__option is-on' : 'segmented__option'}
            >
              <input
                type="radio"
                name={`${id}-scale`}
                value={scale}
                checked={props.scale === scale}
                disabled={scale === 'log' && props.logBlockedReason !== null}
                aria-describedby={scale === 'log' && props.logBlockedReason ? logReasonId : undefined}
                onChange={() => props.onScale(scale)}
              />
              {scale === 'linear' ? 'Linear' : 'Log'}
            </label>
          ))}
        </div>
        {props.logBlockedReason && (
          <span id={logReasonId} className="chart-controls__note">
            {props.logBlockedReason}
          </span>
        )}
      </fieldset>
      <fieldset className="chart-controls__field chart-controls__filters">
        <legend>Show</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.onlyWithCode}
            onChange={(e) => onFilters({ ...filters, onlyWithCode: e.target.checked })}
          />
          Only with code
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.noExtraData}
            onChange={(e) => onFilters({ ...filters, noExtraData: e.target.checked })}
          />
          No extra training data
        </label>
      </fieldset>
      {years && (
        <fieldset className="chart-controls__field chart-controls__years">
          <legend>Years</legend>
          <div className="chart-controls__inline">
            <select
              aria-label="From year"
              value={filters.fromYear ?? ''}
              onChange={(e) =>
                onFilters({ ...filters, fromYear: e.target.value ? Number(e.target.value) : null })
              }
            >
              <option value="">Earliest</option>
              {allYears.map((year) => (
                <option key={year} value={year} disabled={filters.toYear !== null && year > filters.toYear}>
                  {year}
                </option>
              ))}
            </select>
            <span aria-hidden="true">–</span>
            <select
              aria-label="To year"
              value={filters.toYear ?? ''}
              onChange={(e) =>
                onFilters({ ...filters, toYear: e.target.value ? Number(e.target.value) : null })
              }
            >
              <option value="">Latest</option>
              {allYears.map((year) => (
                <option
                  key={year}
                  value={year}
                  disabled={filters.fromYear !== null && year < filters.fromYear}
                >
                  {year}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}
    </div>
  )
}
