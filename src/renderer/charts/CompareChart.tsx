import { memo, useCallback, useMemo, useState, type MouseEvent, type ReactNode, type RefObject } from 'react'
import {
  CartesianGrid,
  ComposedChart,
  DefaultZIndexes,
  Line,
  XAxis,
  YAxis,
  ZIndexLayer,
  useXAxisScale,
  useYAxisScale
} from 'recharts'
import { formatDate } from '../components/PaperLinks'
import type { ChartColors } from './chartColors'
import { COMPARE_CHART_MEASURE, useFirstDrawMeasure } from './renderTiming'
import { formatYearTick, timeDomain, yearTicks } from './timeAxis'
import { useElementWidth } from './useElementWidth'

/** A step of one board's normalized frontier. */
export interface OverlayPoint {
  /** Paper date as UTC milliseconds. */
  x: number
  /** 0 at the board's first state of the art, 1 at its best. */
  y: number
  date: string
  modelName: string
  raw: string
  paperId: string | null
}

export interface OverlaySeries {
  id: string
  name: string
  metric: string
  color: string
  points: OverlayPoint[]
  /** The staircase to draw (the points, then the best carried to the board's last result). */
  line: { x: number; y: number }[]
}

export const OVERLAY_POINT_CLASS = 'overlay-point'

const MARGIN = { top: 16, right: 24, bottom: 8, left: 8 }
const PROGRESS_TICKS = [0, 0.25, 0.5, 0.75, 1]

interface ActiveStep {
  series: OverlaySeries
  point: OverlayPoint
  x: number
  y: number
}

function formatProgress(value: number): string {
  return `${Math.round(value * 100)}%`
}

/** The steps as circles on Recharts' scales, one delegated handler for all (as in `SotaChart`). */
function StepsLayer({
  series,
  colors,
  onActivate,
  onOpen
}: {
  series: readonly OverlaySeries[]
  colors: ChartColors
  onActivate: (active: ActiveStep | null) => void
  onOpen: (point: OverlayPoint) => void
}): ReactNode {
  const xScale = useXAxisScale()
  const yScale = useYAxisScale()
  if (!xScale || !yScale) return null
  const stepAt = (event: MouseEvent<SVGGElement>): ActiveStep | null => {
    const target = event.target as Element
    const one = series[Number(target.getAttribute('data-series'))]
    const point = one?.points[Number(target.getAttribute('data-index'))]
    if (one === undefined || point === undefined) return null
    return { series: one, point, x: xScale(point.x) ?? 0, y: yScale(point.y) ?? 0 }
  }
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g
        className="overlay-points"
        onMouseOver={(event) => onActivate(stepAt(event))}
        onMouseLeave={() => onActivate(null)}
        onClick={(event) => {
          const active = stepAt(event)
          if (active) onOpen(active.point)
        }}
      >
        {series.map((one, seriesIndex) =>
          one.points.map((point, index) => (
            <circle
              key={`${one.id}:${index}`}
              className={OVERLAY_POINT_CLASS}
              data-series={seriesIndex}
              data-index={index}
              cx={xScale(point.x)}
              cy={yScale(point.y)}
              r={4}
              fill={one.color}
              stroke={colors.surface}
              strokeWidth={1.5}
            />
          ))
        )}
      </g>
    </ZIndexLayer>
  )
}

const OverlayBody = memo(function OverlayBody({
  series,
  colors,
  width,
  height,
  onActivate,
  onOpen
}: {
  series: readonly OverlaySeries[]
  colors: ChartColors
  width: number
  height: number
  onActivate: (active: ActiveStep | null) => void
  onOpen: (point: OverlayPoint) => void
}): ReactNode {
  const xDomain = useMemo(() => timeDomain(series.flatMap((one) => one.line.map((p) => p.x))), [series])
  const tick = { fill: colors.muted, fontSize: 12 }
  return (
    <ComposedChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
      <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
      <XAxis
        dataKey="x"
        type="number"
        scale="time"
        domain={xDomain}
        ticks={yearTicks(xDomain)}
        tickFormatter={formatYearTick}
        tick={tick}
        stroke={colors.grid}
        allowDataOverflow
      />
      <YAxis
        dataKey="y"
        type="number"
        domain={[-0.04, 1.04]}
        ticks={PROGRESS_TICKS}
        tickFormatter={formatProgress}
        tick={tick}
        stroke={colors.grid}
        width={48}
        allowDataOverflow
      />
      {series.map((one) => (
        <Line
          key={one.id}
          data={one.line}
          dataKey="y"
          name={one.name}
          type="stepAfter"
          stroke={one.color}
          strokeWidth={2}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
        />
      ))}
      <StepsLayer series={series} colors={colors} onActivate={onActivate} onOpen={onOpen} />
    </ComposedChart>
  )
})

/**
 * Normalized frontiers of several leaderboards over time: where each field started (0) and how it
 * reached its best (1).
 */
export function CompareChart({
  series,
  colors,
  onOpenPoint,
  surfaceRef,
  height = 360
}: {
  series: readonly OverlaySeries[]
  colors: ChartColors
  onOpenPoint: (point: OverlayPoint) => void
  surfaceRef: RefObject<HTMLDivElement | null>
  height?: number
}): ReactNode {
  const width = useElementWidth(surfaceRef)
  const [active, setActive] = useState<ActiveStep | null>(null)
  const activate = useCallback((next: ActiveStep | null) => setActive(next), [])
  const total = series.reduce((sum, one) => sum + one.points.length, 0)
  useFirstDrawMeasure(COMPARE_CHART_MEASURE, surfaceRef, `.${OVERLAY_POINT_CLASS}`, total)
  const shown = active !== null && series.includes(active.series) ? active : null
  const flip = shown !== null && shown.x > width - 320
  return (
    <div ref={surfaceRef} className="sota-chart__surface" style={{ height }}>
      {width > 0 && (
        <OverlayBody
          series={series}
          colors={colors}
          width={width}
          height={height}
          onActivate={activate}
          onOpen={onOpenPoint}
        />
      )}
      {shown && (
        <div
          className="chart-tooltip chart-tooltip--floating"
          role="tooltip"
          style={{
            left: flip ? undefined : shown.x + 12,
            right: flip ? width - shown.x + 12 : undefined,
            top: Math.max(0, shown.y - 24)
          }}
        >
          <span className="chart-tooltip__board">
            <span className="swatch" style={{ background: shown.series.color }} aria-hidden="true" />
            {shown.series.name}
          </span>
          <strong className="chart-tooltip__model">{shown.point.modelName}</strong>
          <span className="chart-tooltip__facts">
            {formatDate(shown.point.date)} · {shown.series.metric}: <strong>{shown.point.raw}</strong>
          </span>
          <span className="chart-tooltip__facts">{formatProgress(shown.point.y)} of the way to the best</span>
          {shown.point.paperId && <span className="chart-tooltip__hint">Click to open the paper</span>}
        </div>
      )}
    </div>
  )
}
