import { useState, type ReactNode, type RefObject } from 'react'
import {
  describeFilters,
  exportFileName,
  exportStampLines,
  leaderboardCsv,
  leaderboardJson,
  type LeaderboardExportStamp,
  type LeaderboardFilters,
  type LeaderboardTableRow
} from '../../../shared/sota/leaderboardExport'
import type { MetricDirection } from '../../../shared/sota/metricDirection'
import type { ChartColors } from '../../charts/chartColors'
import { findChartSurface, renderChartPng, serializeChartSvg } from '../../charts/chartExport'
import { appApi } from '../../platform/appApi'

type ExportStatus = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string }

/** Runs one export at a time and reports a failure next to the buttons. */
function useExportRunner(): [ExportStatus, (run: () => Promise<void>) => void] {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' })
  const start = (run: () => Promise<void>): void => {
    setStatus({ kind: 'busy' })
    run().then(
      () => setStatus({ kind: 'idle' }),
      (error: unknown) =>
        setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    )
  }
  return [status, start]
}

function ExportGroup({
  label,
  status,
  children
}: {
  label: string
  status: ExportStatus
  children: ReactNode
}): ReactNode {
  return (
    <div className="export-group" role="group" aria-label={label}>
      <span className="export-group__label" aria-hidden="true">
        Export
      </span>
      {children}
      {status.kind === 'error' && (
        <span className="error-text" role="alert">
          {status.message}
        </span>
      )}
    </div>
  )
}

export function ChartExportButtons({
  surfaceRef,
  title,
  stamp,
  colors,
  metric
}: {
  surfaceRef: RefObject<HTMLDivElement | null>
  title: string
  stamp: LeaderboardExportStamp
  colors: ChartColors
  /** Names the file after the metric; `null` for charts of several. */
  metric: string | null
}): ReactNode {
  const [status, run] = useExportRunner()
  const serialize = () => {
    const surface = findChartSurface(surfaceRef.current)
    if (surface === null) throw new Error('The chart is not drawn yet.')
    return serializeChartSvg(surface, { title, footerLines: exportStampLines(stamp), colors })
  }
  const exportSvg = async (): Promise<void> => {
    const chart = serialize()
    await appApi.saveFile({
      suggestedName: exportFileName(stamp.leaderboardId, 'svg', metric),
      mimeType: 'image/svg+xml',
      data: chart.svg
    })
  }
  const exportPng = async (): Promise<void> => {
    const png = await renderChartPng(serialize())
    await appApi.saveFile({
      suggestedName: exportFileName(stamp.leaderboardId, 'png', metric),
      mimeType: 'image/png',
      data: png
    })
  }
  const busy = status.kind === 'busy'
  return (
    <ExportGroup label="Export chart" status={status}>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        aria-label="Export chart as PNG"
        onClick={() => run(exportPng)}
      >
        PNG
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        aria-label="Export chart as SVG"
        onClick={() => run(exportSvg)}
      >
        SVG
      </button>
    </ExportGroup>
  )
}

export function TableExportButtons({
  rows,
  metrics,
  stamp,
  title,
  metric,
  direction,
  filters
}: {
  rows: readonly LeaderboardTableRow[]
  metrics: readonly string[]
  stamp: LeaderboardExportStamp
  title: string
  metric: string | null
  direction: MetricDirection | null
  filters: LeaderboardFilters
}): ReactNode {
  const [status, run] = useExportRunner()
  const filterWords = describeFilters(filters)
  const table = { metrics, rows }
  const exportCsv = async (): Promise<void> => {
    const notes = [`Leaderboard: ${title}`]
    if (metric !== null && direction !== null)
      notes.push(`Ranked by: ${metric} (${direction.replace(/-/g, ' ')})`)
    notes.push(`Filters: ${filterWords.length ? filterWords.join(', ') : 'none'}`)
    await appApi.saveFile({
      suggestedName: exportFileName(stamp.leaderboardId, 'csv'),
      mimeType: 'text/csv;charset=utf-8',
      data: leaderboardCsv(table, stamp, { notes })
    })
  }
  const exportJson = async (): Promise<void> => {
    await appApi.saveFile({
      suggestedName: exportFileName(stamp.leaderboardId, 'json'),
      mimeType: 'application/json',
      data: leaderboardJson(table, stamp, {
        title,
        ...(metric !== null && { metric }),
        ...(direction !== null && { direction }),
        filters: filterWords,
        exportedAt: new Date().toISOString()
      })
    })
  }
  const busy = status.kind === 'busy'
  return (
    <ExportGroup label="Export table" status={status}>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        aria-label="Export table as CSV"
        onClick={() => run(exportCsv)}
      >
        CSV
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        aria-label="Export table as JSON"
        onClick={() => run(exportJson)}
      >
        JSON
      </button>
    </ExportGroup>
  )
}
