import type { ReactNode } from 'react'
import { useBookmarkKey } from './useBookmarkKey'

/**
 * The `b` shortcut, mounted once in the app shell; says what it did in a live region, since the
 * row or page that changed may not show it (a row without a bookmark control).
 */
export function BookmarkKeys(): ReactNode {
  const notice = useBookmarkKey()
  return (
    <div className={`key-toast ${notice ? 'key-toast--shown' : ''}`} role="status" aria-live="polite">
      {notice?.text}
    </div>
  )
}
