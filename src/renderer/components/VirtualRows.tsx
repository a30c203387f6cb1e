import { useEffect, useRef, useState, type ReactNode } from 'react'
import { listBoxHeight, virtualWindow } from './virtualWindow'

/**
 * A window-scrolled list that renders only the rows near the viewport and asks for them by
 * offset, so a list of 576k papers costs what a screenful costs. Its box is capped in height
 * (virtualWindow.ts), so every row stays reachable however long the list.
 */
export function VirtualRows<T>({
  total,
  rowHeight,
  fetchRows,
  renderRow,
  rowKey,
  resetKey,
  label
}: {
  total: number
  rowHeight: number
  fetchRows: (offset: number, limit: number) => Promise<T[]>
  renderRow: (row: T, index: number) => ReactNode
  rowKey: (row: T) => string
  /** Changes when the underlying query changes, dropping what was fetched. */
  resetKey: string
  label: string
}): ReactNode {
  const container = useRef<HTMLDivElement>(null)
  const [range, setRange] = useState({ start: 0, count: 30 })
  // Apart from the range: above the height cap it changes on every scrolled frame, and a
  // change of offset alone must not fetch rows again.
  const [offsetPx, setOffsetPx] = useState(0)
  const [rows, setRows] = useState<{ key: string; start: number; items: T[] }>({
    key: '',
    start: 0,
    items: []
  })

  useEffect(() => {
    let frame = 0
    const measure = (): void => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const top = container.current?.getBoundingClientRect().top ?? 0
        const shown = virtualWindow(-top, window.innerHeight, { total, rowHeight })
        setRange((r) =>
          r.start === shown.start && r.count === shown.count ? r : { start: shown.start, count: shown.count }
        )
        setOffsetPx(shown.offsetPx)
      })
    }
    measure()
    window.addEventListener('scroll', measure, { passive: true })
    window.addEventListener('resize', measure)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', measure)
      window.removeEventListener('resize', measure)
    }
  }, [rowHeight, total])

  useEffect(() => {
    let live = true
    void fetchRows(range.start, range.count).then((items) => {
      if (live) setRows({ key: resetKey, start: range.start, items })
    })
    return () => {
      live = false
    }
  }, [fetchRows, range, resetKey])

  const fetched = rows.key === resetKey
  const visible = fetched ? rows : { start: 0, items: [] as T[] }
  return (
    <div
      ref={container}
      className="virtual-rows"
      style={{ height: listBoxHeight({ total, rowHeight }) }}
      role="list"
      aria-label={label}
      aria-busy={!fetched}
    >
      <div style={{ transform: `translateY(${offsetPx + (visible.start - range.start) * rowHeight}px)` }}>
        {visible.items.map((row, i) => (
          <div
            key={rowKey(row)}
            role="listitem"
            // Screen readers (and the whole-app benchmark) learn where in the whole list a row is.
            aria-posinset={visible.start + i + 1}
            aria-setsize={total}
            style={{ height: rowHeight }}
            className="virtual-rows__row"
          >
            {renderRow(row, visible.start + i)}
          </div>
        ))}
      </div>
    </div>
  )
}
