/**
 * User Timing marks around a chart's first draw, so tests and profiling read how long it took
 * (`performance.getEntriesByName(name, 'measure')`). Recharts draws in several passes (its
 * store fills after the first commit), so "drawn" means: every expected point is in the DOM.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react'

export const SOTA_CHART_MEASURE = 'sota-chart:first-draw'
export const COMPARE_CHART_MEASURE = 'compare-chart:first-draw'

export interface ChartDrawDetail {
  points: number
}

let mounts = 0

/**
 * Marks the component's first render, and measures from there to the moment `expected` elements
 * matching `selector` exist under `container`. One measure per mount; none when nothing is drawn.
 */
export function useFirstDrawMeasure(
  name: string,
  container: RefObject<HTMLElement | null>,
  selector: string,
  expected: number
): void {
  // A lazy initializer runs once, during the first render: the earliest point this component sees.
  const [startMark] = useState(() => {
    mounts += 1
    const mark = `${name}:start#${mounts}`
    performance.mark(mark)
    return mark
  })
  const measured = useRef(false)
  useLayoutEffect(() => {
    const root = container.current
    if (root === null || expected === 0 || measured.current) return
    const finish = (): void => {
      if (measured.current || root.querySelectorAll(selector).length < expected) return
      measured.current = true
      observer.disconnect()
      const endMark = startMark.replace(':start#', ':end#')
      performance.mark(endMark)
      performance.measure(name, { start: startMark, end: endMark, detail: { points: expected } })
    }
    const observer = new MutationObserver(finish)
    observer.observe(root, { childList: true, subtree: true })
    finish()
    return () => observer.disconnect()
  }, [name, container, selector, expected, startMark])
}
