import type { ReactNode } from 'react'
import { REVEAL_CHARS } from '../../shared/text/textPieces'

/**
 * Says how much of a long text is shown and offers the rest: "Show all" when one step reveals
 * everything, "Show more" when the text is longer than a step (a crafted 20 MB description must
 * not be laid out at once).
 */
export function RevealControl({
  shown,
  total,
  clipped,
  busy,
  onReveal
}: {
  /** Characters shown. */
  shown: number
  total: number
  /** The shown text is cut off by the preview's height. */
  clipped: boolean
  busy: boolean
  onReveal: () => void
}): ReactNode {
  if (shown >= total && !clipped) return null
  const rest = total - shown
  return (
    <p className="reveal-control">
      {rest > 0 && (
        <span className="muted">
          Showing {shown.toLocaleString('en')} of {total.toLocaleString('en')} characters.{' '}
        </span>
      )}
      <button type="button" className="button button--small" disabled={busy} onClick={onReveal}>
        {busy ? 'Rendering…' : rest > REVEAL_CHARS ? 'Show more' : 'Show all'}
      </button>
    </p>
  )
}
