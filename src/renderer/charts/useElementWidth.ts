import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * An element's content width, read before the first paint and kept current. Recharts'
 * ResponsiveContainer starts at width 0 and draws a frame later; reading the width in a layout
 * effect draws the chart in the same frame as the page.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const element = ref.current
    if (element === null) return
    setWidth(Math.floor(element.clientWidth))
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return width
}
