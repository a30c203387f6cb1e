import { useEffect, useState } from 'react'
import { nextPieceEnd, PREVIEW_CHARS, REVEAL_CHARS } from '../../../shared/text/textPieces'
import { cachedMarkdownPiece, renderMarkdownPieceOffThread } from './markdownRenderClient'

export interface ShownPiece {
  start: number
  end: number
  /** `null`: the worker failed or overran its budget, so the piece shows as plain text. */
  html: string | null
}

interface PiecesState {
  text: string
  pieces: ShownPiece[]
  /** Pieces are rendered until they cover at least this many characters. */
  wanted: number
}

function initialState(text: string): PiecesState {
  const cached = cachedMarkdownPiece(text, 0, PREVIEW_CHARS)
  return { text, pieces: cached ? [{ start: 0, ...cached }] : [], wanted: 1 }
}

export interface MarkdownPieces {
  pieces: ShownPiece[]
  /** Characters the shown pieces cover. */
  shown: number
  /** A piece is being rendered. */
  busy: boolean
  /** The reader asked for more than the first piece. */
  expanded: boolean
  /** Renders up to `REVEAL_CHARS` more characters, one piece at a time. */
  revealMore: () => void
}

/**
 * The rendered pieces of `text`: the first one at once, more on `revealMore`. Each piece is
 * rendered in the worker and inserted as it arrives, so the UI thread never takes more than
 * one bounded piece at a time.
 */
export function useMarkdownPieces(text: string): MarkdownPieces {
  const [state, setState] = useState(() => initialState(text))
  const current = state.text === text ? state : initialState(text)
  if (current !== state) setState(current)

  const { pieces, wanted } = current
  const shown = pieces.at(-1)?.end ?? 0
  const busy = shown < Math.min(wanted, text.length)

  useEffect(() => {
    if (!busy) return
    let cancelled = false
    const add = (piece: ShownPiece): void => {
      if (cancelled) return
      setState((s) => (s.text === text ? { ...s, pieces: [...s.pieces, piece] } : s))
    }
    renderMarkdownPieceOffThread(text, shown, PREVIEW_CHARS).then(
      ({ html, end }) => add({ start: shown, end: shown + end, html }),
      () => add({ start: shown, end: nextPieceEnd(text, shown, PREVIEW_CHARS), html: null })
    )
    return () => {
      cancelled = true
    }
  }, [text, shown, busy])

  const revealMore = (): void =>
    setState((s) => ({ ...s, wanted: (s.pieces.at(-1)?.end ?? 0) + REVEAL_CHARS }))
  return { pieces, shown, busy, expanded: wanted > 1, revealMore }
}
