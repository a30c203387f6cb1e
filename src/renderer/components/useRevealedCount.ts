import { useCallback, useEffect, useState, type RefCallback } from 'react'

export interface RevealedCount {
  /** How many of the items to render now. */
  count: number
  /** Goes on an element just after the rendered items: its coming near the viewport reveals more. */
  sentinelRef: RefCallback<Element>
}

/**
 * A list of cards whose heights vary (notes, tags) rendered a page at a time: the first page
 * with the page, the next whenever the end of what is rendered comes within a screen of the
 * viewport. Cards once rendered stay, so an open note editor keeps its draft while the reader
 * scrolls (a windowed list would unmount it); each page is its own task, so 1,000 or 10,000
 * entries never block the UI the way rendering them all at once did (a 539 ms task at 1,000).
 * `resetKey` changing (new filters, a new sort) starts again from the first page.
 */
export function useRevealedCount(total: number, resetKey: string, pageSize: number): RevealedCount {
  const [revealed, setRevealed] = useState({ key: resetKey, count: pageSize })
  const current = revealed.key === resetKey ? revealed.count : pageSize
  if (revealed.key !== resetKey) setRevealed({ key: resetKey, count: pageSize })
  const count = Math.min(total, current)
  const [sentinel, setSentinel] = useState<Element | null>(null)
  const sentinelRef = useCallback<RefCallback<Element>>((element) => setSentinel(element), [])
  useEffect(() => {
    if (sentinel === null || count >= total) return
    // An observer reports on `observe` whether the target intersects: observing anew after each
    // page checks again whether the page just added still leaves the sentinel near the viewport.
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return
        setRevealed((last) =>
          last.key === resetKey ? { key: resetKey, count: last.count + pageSize } : last
        )
      },
      { rootMargin: '0px 0px 100% 0px' }
    )
    observer.observe(sentinel)
    return () => observer.disconnect()
  }, [sentinel, count, total, resetKey, pageSize])

  return { count, sentinelRef }
}
