import { useState, type ReactNode } from 'react'
import { nextPieceEnd, PREVIEW_CHARS, REVEAL_CHARS } from '../../shared/text/textPieces'
import { RevealControl } from './RevealControl'

/**
 * Plain archive text (a paper's abstract), shown up to `PREVIEW_CHARS` characters until the
 * reader asks for more: laying out a crafted 20 MB text node would block the UI thread for seconds.
 */
export function BoundedPlainText({ text, className }: { text: string; className?: string }): ReactNode {
  const initial = { text, end: nextPieceEnd(text, 0, PREVIEW_CHARS) }
  const [state, setState] = useState(initial)
  const current = state.text === text ? state : initial
  if (current !== state) setState(current)
  const revealMore = (): void => setState({ text, end: nextPieceEnd(text, 0, current.end + REVEAL_CHARS) })
  return (
    <>
      <p className={className}>{text.slice(0, current.end)}</p>
      <RevealControl
        shown={current.end}
        total={text.length}
        clipped={false}
        busy={false}
        onReveal={revealMore}
      />
    </>
  )
}
