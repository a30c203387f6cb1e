import { useEffect, useState, type ReactNode } from 'react'
import { nextPieceEnd, PREVIEW_CHARS, REVEAL_CHARS } from '../../shared/text/textPieces'
import { RevealControl } from './RevealControl'
import { useShownText, type ArchiveTextRef } from './useShownText'

/**
 * Plain archive text (a paper's abstract), shown up to `PREVIEW_CHARS` characters until the
 * reader asks for more: laying out a crafted 20 MB text node would block the UI thread for seconds.
 * A text stored apart (longText.ts) is read a step at a time as the reader reveals it.
 */
export function BoundedPlainText({
  text: source,
  className
}: {
  text: string | ArchiveTextRef
  className?: string
}): ReactNode {
  const { key, text, total, request } = useShownText(source)
  const [state, setState] = useState({ key, wanted: PREVIEW_CHARS })
  const current = state.key === key ? state : { key, wanted: PREVIEW_CHARS }
  if (current !== state) setState(current)
  // A cut must see past its limit to fall where it would in the whole text.
  const loaded = text.length >= total || text.length > current.wanted
  useEffect(() => {
    if (!loaded) request(current.wanted + 1)
  }, [loaded, current.wanted, request])
  const end = nextPieceEnd(text, 0, loaded ? current.wanted : Math.min(current.wanted, text.length - 1))
  const revealMore = (): void => setState({ key, wanted: end + REVEAL_CHARS })
  return (
    <>
      <p className={className}>{text.slice(0, end)}</p>
      <RevealControl shown={end} total={total} clipped={false} busy={!loaded} onReveal={revealMore} />
    </>
  )
}
