import {
  memo,
  useCallback,
  useMemo,
  useState,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type RefObject
} from 'react'
import {
  CartesianGrid,
  ComposedChart,
  DefaultZIndexes,
  Line,
  XAxis,
  YAxis,
  ZIndexLayer,
  usePlotArea,
  useXAxisScale,
  useYAxisScale
} from 'recharts'
import type { MetricDirection } from '../../shared/sota/metricDirection'
import { formatDate } from '../components/PaperLinks'
import type { ChartColors } from './chartColors'
import { SOTA_CHART_MEASURE, useFirstDrawMeasure } from './renderTiming'
import type { ChartPoint, SotaChartModel } from './sotaChartModel'
import { layoutStepLabels, type Box, type StepAnchor } from './stepLabelLayout'
import { formatYearTick, yearTicks } from './timeAxis'
import { useElementWidth } from './useElementWidth'
import { formatValueTick, linearTicks, logDomain, logTicks, type ValueScale } from './valueAxis'

/** Every drawn result carries this class; tests and the draw timing count them. */
export const SOTA_POINT_CLASS = 'sota-point'

const MARGIN = { top: 22, right: 24, bottom: 8, left: 8 }
const LABEL_Z_INDEX = DefaultZIndexes.scatter + 10

/** A hovered point and where it is drawn, in pixels from the chart's top left. */
interface ActivePoint {
  point: ChartPoint
  x: number
  y: number
}

/** Names of the SotA steps, laid out where they do not collide (see `stepLabelLayout.ts`). */
function StepLabels({
  steps,
  frontierLine,
  direction,
  colors
}: {
  steps: readonly ChartPoint[]
  frontierLine: readonly { x: number; y: number }[]
  direction: MetricDirection
  colors: ChartColors
}): ReactNode {
  const xScale = useXAxisScale()
  const yScale = useYAxisScale()
  const plot = usePlotArea()
  if (!xScale || !yScale || !plot) return null
  const anchors: StepAnchor[] = []
  steps.forEach((step, index) => {
    const x = xScale(step.x)
    const y = yScale(step.y)
    if (x === undefined || y === undefined) return
    const previous = steps[index - 1]
    const jump = previous === undefined ? 0 : Math.abs((yScale(previous.y) ?? y) - y)
    // The current SotA first, then the first result, then the biggest visible jumps.
    const priority = index === steps.length - 1 ? Infinity : index === 0 ? 1e6 : jump
    anchors.push({ id: step.id, x, y, text: step.modelName, priority })
  })
  // The staircase's segments: a name across the line would be hard to read.
  const obstacles: Box[] = []
  frontierLine.forEach((corner, index) => {
    const next = frontierLine[index + 1]
    const x1 = xScale(corner.x)
    const y1 = yScale(corner.y)
    if (next === undefined || x1 === undefined || y1 === undefined) return
    const x2 = xScale(next.x) ?? x1
    const y2 = yScale(next.y) ?? y1
    obstacles.push({ left: x1, right: x2, top: y1 - 1.5, bottom: y1 + 1.5 })
    obstacles.push({ left: x2 - 1.5, right: x2 + 1.5, top: Math.min(y1, y2), bottom: Math.max(y1, y2) })
  })
  const labels = layoutStepLabels(anchors, {
    direction,
    obstacles,
    measure: measureLabel,
    // Names may run into the top margin, which holds nothing else.
    bounds: {
      left: plot.x,
      right: plot.x + plot.width,
      top: plot.y - MARGIN.top + 2,
      bottom: plot.y + plot.height
    }
  })
  return (
    <ZIndexLayer zIndex={LABEL_Z_INDEX}>
      {/* Names never take the pointer: a label lying over a point must not hide it from hover. */}
      <g className="sota-step-labels" aria-hidden="true" pointerEvents="none">
        {labels.map((label) => (
          <text
            key={label.id}
            x={label.x}
            y={label.y}
            textAnchor={label.anchor}
            fontSize={LABEL_FONT_SIZE}
            fontWeight={600}
            fill={colors.text}
            stroke={colors.surface}
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {label.text}
          </text>
        ))}
      </g>
    </ZIndexLayer>
  )
}

const LABEL_FONT_SIZE = 11
let labelContext: CanvasRenderingContext2D | null | undefined

/** The label's drawn width, measured in the page's font (a guess per glyph misjudges bold text). */
function measureLabel(text: string): number {
  if (labelContext === undefined) {
    labelContext = document.createElement('canvas').getContext('2d')
    if (labelContext) {
      labelContext.font = `600 ${LABEL_FONT_SIZE}px ${getComputedStyle(document.documentElement).fontFamily}`
    }
  }
  return labelContext ? labelContext.measureText(text).width : text.length * 6.8
}

/**
 * The results as plain circles on Recharts' own scales. Recharts' `<Scatter>` builds a component,
 * a layer, an event binding and a tooltip entry per point, which made a 500-point chart miss its
 * 200 ms budget; here a point is one `<circle>`, and one delegated handler serves them all.
 */
function PointsLayer({
  points,
  colors,
  onActivate,
  onOpen
}: {
  points: readonly ChartPoint[]
  colors: ChartColors
  onActivate: (active: ActivePoint | null) => void
  onOpen: (point: ChartPoint) => void
}): ReactNode {
  const xScale = useXAxisScale()
  const yScale = useYAxisScale()
  if (!xScale || !yScale) return null
  const pointAt = (event: MouseEvent<SVGGElement>): ActivePoint | null => {
    const index = Number((event.target as Element).getAttribute('data-index'))
    const point = Number.isInteger(index) ? points[index] : undefined
    if (point === undefined) return null
    return { point, x: xScale(point.x) ?? 0, y: yScale(point.y) ?? 0 }
  }
  const circle = (point: ChartPoint, index: number): ReactElement | null => {
    const cx = xScale(point.x)
    const cy = yScale(point.y)
    if (cx === undefined || cy === undefined) return null
    return point.isStep ? (
      <circle
        key={point.id}
        data-index={index}
        className={`${SOTA_POINT_CLASS} ${SOTA_POINT_CLASS}--step`}
        cx={cx}
        cy={cy}
        r={5}
        fill={colors.sota}
        stroke={colors.sotaStroke}
        strokeWidth={1.5}
      />
    ) : (
      <circle
        key={point.id}
        data-index={index}
        className={SOTA_POINT_CLASS}
        cx={cx}
        cy={cy}
        r={3.5}
        fill={colors.point}
        fillOpacity={0.6}
      />
    )
  }
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g
        className="sota-points"
        onMouseOver={(event) => onActivate(pointAt(event))}
        onMouseLeave={() => onActivate(null)}
        onClick={(event) => {
          const active = pointAt(event)
          if (active) onOpen(active.point)
        }}
      >
        {/* Steps last, so the frontier's points sit on top of the crowd. */}
        {points.map((point, index) => (point.isStep ? null : circle(point, index)))}
        {points.map((point, index) => (point.isStep ? circle(point, index) : null))}
      </g>
    </ZIndexLayer>
  )
}

function PointTooltip({
  active,
  metric,
  width
}: {
  active: ActivePoint
  metric: string
  width: number
}): ReactNode {
  const { point } = active
  // To the right of the point, or to its left when the right would run off the chart.
  const flip = active.x > width - 340
  return (
    <div
      className="chart-tooltip chart-tooltip--floating"
      role="tooltip"
      style={{
        left: flip ? undefined : active.x + 12,
        right: flip ? width - active.x + 12 : undefined,
        top: Math.max(0, active.y - 24)
      }}
    >
      <strong className="chart-tooltip__model">{point.modelName}</strong>
      {point.paperTitle && <span className="chart-tooltip__paper">{point.paperTitle}</span>}
      <span className="chart-tooltip__facts">
        {formatDate(point.date)} · {metric}: <strong>{point.raw}</strong>
      </span>
      {point.isStep && <span className="badge badge--sota">New state of the art</span>}
      {point.paperId && <span className="chart-tooltip__hint">Click to open the paper</span>}
    </div>
  )
}

interface ChartBodyProps {
  model: SotaChartModel
  scale: ValueScale
  colors: ChartColors
  width: number
  height: number
  onActivate: (active: ActivePoint | null) => void
  onOpen: (point: ChartPoint) => void
}

/** The Recharts part, memoized: hovering a point must not redraw 500 of them. */
const ChartBody = memo(function ChartBody({
  model,
  scale,
  colors,
  width,
  height,
  onActivate,
  onOpen
}: ChartBodyProps): ReactNode {
  const yAxis = useMemo(() => {
    const values = model.points.map((point) => point.y)
    if (scale === 'log') {
      const domain = logDomain(values)
      return { domain, ticks: logTicks(domain) }
    }
    // The points are not a Recharts series, so the axis gets its domain and ticks from here.
    return linearTicks([Math.min(...values), Math.max(...values)])
  }, [model.points, scale])
  const xTicks = useMemo(() => yearTicks(model.xDomain), [model.xDomain])
  const tick = { fill: colors.muted, fontSize: 12 }
  return (
    <ComposedChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
      <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
      <XAxis
        dataKey="x"
        type="number"
        scale="time"
        domain={model.xDomain}
        ticks={xTicks}
        tickFormatter={formatYearTick}
        tick={tick}
        stroke={colors.grid}
        allowDataOverflow
      />
      <YAxis
        dataKey="y"
        type="number"
        scale={scale}
        domain={yAxis.domain}
        ticks={yAxis.ticks}
        tickFormatter={formatValueTick}
        tick={tick}
        stroke={colors.grid}
        width={60}
        allowDataOverflow
      />
      <Line
        data={model.frontierLine}
        dataKey="y"
        type="stepAfter"
        stroke={colors.frontier}
        strokeWidth={2}
        dot={false}
        activeDot={false}
        isAnimationActive={false}
        legendType="none"
      />
      <PointsLayer points={model.points} colors={colors} onActivate={onActivate} onOpen={onOpen} />
      <StepLabels
        steps={model.steps}
        frontierLine={model.frontierLine}
        direction={model.direction}
        colors={colors}
      />
    </ComposedChart>
  )
})

export interface SotaChartProps {
  model: SotaChartModel
  scale: ValueScale
  colors: ChartColors
  /** Called with the clicked result (the page opens its paper). */
  onOpenPoint: (point: ChartPoint) => void
  /** The element holding the chart's SVG, for exports. */
  surfaceRef: RefObject<HTMLDivElement | null>
  height?: number
}

/**
 * Every dated, numeric result of one metric over time, with the frontier as a staircase and the
 * results that moved it labelled. Nothing animates: animation would delay the first useful frame
 * and make exports and screenshots depend on timing.
 */
export function SotaChart({
  model,
  scale,
  colors,
  onOpenPoint,
  surfaceRef,
  height = 380
}: SotaChartProps): ReactNode {
  const width = useElementWidth(surfaceRef)
  const [active, setActive] = useState<ActivePoint | null>(null)
  useFirstDrawMeasure(SOTA_CHART_MEASURE, surfaceRef, `.${SOTA_POINT_CLASS}`, model.points.length)
  const activate = useCallback((next: ActivePoint | null) => setActive(next), [])
  // A tooltip left from another metric or filter would describe a point no longer drawn.
  const shown = active !== null && model.points.includes(active.point) ? active : null
  return (
    <div ref={surfaceRef} className="sota-chart__surface" style={{ height }}>
      {width > 0 && (
        <ChartBody
          model={model}
          scale={scale}
          colors={colors}
          width={width}
          height={height}
          onActivate={activate}
          onOpen={onOpenPoint}
        />
      )}
      {shown && <PointTooltip active={shown} metric={model.metric} width={width} />}
    </div>
  )
}
