/**
 * Chart colours come from the theme's CSS variables but are handed to Recharts as literal
 * values: an exported SVG or PNG is rendered outside the page, where `var(--accent)` means
 * nothing, so the serialized chart must already say `#1c5fd4`.
 */
import { useEffect, useState } from 'react'

export interface ChartColors {
  text: string
  muted: string
  grid: string
  surface: string
  point: string
  frontier: string
  sota: string
  sotaStroke: string
  /** Distinct line colours for overlays (compare page), in order. */
  series: string[]
  fontFamily: string
}

const SERIES_COUNT = 8

function readColors(): ChartColors {
  const style = getComputedStyle(document.documentElement)
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
  const series: string[] = []
  for (let i = 1; i <= SERIES_COUNT; i += 1) series.push(read(`--chart-series-${i}`, '#1c5fd4'))
  return {
    text: read('--text', '#1b1f24'),
    muted: read('--text-muted', '#5a6470'),
    grid: read('--border', '#dde1e6'),
    surface: read('--surface', '#ffffff'),
    point: read('--chart-point', '#8a94a3'),
    frontier: read('--chart-frontier', '#1c5fd4'),
    sota: read('--sota', '#f5b400'),
    sotaStroke: read('--chart-sota-stroke', '#7a5a00'),
    series,
    fontFamily: style.fontFamily || 'system-ui, sans-serif'
  }
}

/** The theme's chart colours, re-read when the theme switches (`<html data-theme>`). */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(readColors)
  useEffect(() => {
    const observer = new MutationObserver(() => setColors(readColors()))
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => observer.disconnect()
  }, [])
  return colors
}
