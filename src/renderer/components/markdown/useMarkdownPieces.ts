import { useEffect, useState } from 'react'
import { nextPieceEnd, PREVIEW_CHARS, REVEAL_CHARS } from '../../../shared/text/textPieces'
import type { ShownText } from '../useShownText'
import { cachedMarkdownPiece, renderMarkdownPieceOffThread } from './markdownRenderClient'

export interface ShownPiece {
  start: number
  end: number
  /** `null`: the worker failed or overran its budget, so the piece shows as plain text. */
  html: string | null
}

interface PiecesState {
  key: string
  pieces: ShownPiece[]
  /** Pieces are rendered until they cover at least this many characters. */
  wanted: number
}

function initialState({ key, text }: ShownText): PiecesState {
  const cached = cachedMarkdownPiece(text, 0, PREVIEW_CHARS)
  return { key, pieces: cached ? [{ start: 0, ...cached }] : [], wanted: 1 }
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
 * The rendered pieces of `source`: the first one at once, more on `revealMore`. Each piece is
 * rendered in the worker and inserted as it arrives, so the UI thread never takes more than
 * one bounded piece at a time. A piece is cut only where the loaded text reaches past its limit
 * (or ends), so a text loaded in chunks is cut where the whole text would be.
 */
export function useMarkdownPieces(source: ShownText): MarkdownPieces {
  const { key, text, total, request } = source
  const [state, setState] = useState(() => initialState(source))
  const current = state.key === key ? state : initialState(source)
  if (current !== state) setState(current)

  const { pieces, wanted } = current
  const shown = pieces.at(-1)?.end ?? 0
  const busy = shown < Math.min(wanted, total)
  const loaded = text.length >= total || text.length > shown + PREVIEW_CHARS

  useEffect(() => {
    if (!busy) return
    if (!loaded) {
      // Everything this reveal needs at once: a few chunks in one read, not one per piece.
      request(Math.max(wanted, shown) + PREVIEW_CHARS + 1)
      return
    }
    let cancelled = false
    const add = (piece: ShownPiece): void => {
      if (cancelled) return
      setState((s) => (s.key === key ? { ...s, pieces: [...s.pieces, piece] } : s))
    }
    renderMarkdownPieceOffThread(text, shown, PREVIEW_CHARS).then(
      ({ html, end }) => add({ start: shown, end: shown + end, html }),
      () => add({ start: shown, end: nextPieceEnd(text, shown, PREVIEW_CHARS), html: null })
    )
    return () => {
      cancelled = true
    }
  }, [key, text, shown, busy, loaded, wanted, request])

  const revealMore = (): void =>
    setState((s) => ({ ...s, wanted: (s.pieces.at(-1)?.end ?? 0) + REVEAL_CHARS }))
  return { pieces, shown, busy, expanded: wanted > 1, revealMore }
}
