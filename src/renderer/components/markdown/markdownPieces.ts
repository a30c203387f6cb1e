import { nextPieceEnd } from '../../../shared/text/textPieces'
import { renderArchiveMarkdown } from './archiveMarkdown'

/**
 * A piece's HTML is capped too, because the UI thread parses and lays out whatever the worker
 * returns, and KaTeX markup is ~25× its TeX (Adam's 1,017 characters make 25 KB): 10,000
 * characters of dense math would be ~1 MB. Laying out 250 KB of it took ~240 ms on our loaded
 * 2-core machine, and once the record read was gone (long texts are stored apart) laying out the
 * first 120 KB piece was the longest task of a crafted page's first visit; the cap keeps the
 * largest real description's HTML (ASFF's, 52 KB) in one piece.
 */
export const MAX_PIECE_HTML_CHARS = 64_000

// Below this a piece is rendered whatever its HTML size, so every piece makes progress.
const MIN_PIECE_CHARS = 500

export interface RenderedPiece {
  html: string
  /** Characters of the window the HTML covers. */
  end: number
}

/**
 * Renders the first piece of `window` (the text from where the last piece ended, plus one
 * character beyond `maxChars` so the cut can tell "more follows" from "this is the end"):
 * at most `maxChars` characters, fewer when their HTML would exceed `MAX_PIECE_HTML_CHARS`.
 */
export function renderMarkdownPiece(window: string, maxChars: number): RenderedPiece {
  let chars = maxChars
  for (;;) {
    const end = nextPieceEnd(window, 0, chars)
    const html = renderArchiveMarkdown(window.slice(0, end))
    if (html.length <= MAX_PIECE_HTML_CHARS || end <= MIN_PIECE_CHARS) return { html, end }
    // Scale to the HTML this piece made, with a margin: one or two retries reach the cap.
    chars = Math.max(MIN_PIECE_CHARS, Math.floor((end * MAX_PIECE_HTML_CHARS * 0.8) / html.length))
  }
}
