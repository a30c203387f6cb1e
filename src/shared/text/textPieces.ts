/**
 * Archive strings come from dumps anyone can craft: one 20 MB method description froze the UI
 * for minutes (issue #13). Pages therefore show long text in pieces of bounded size: the first
 * piece at once, the next ones only when the reader asks for them. The largest real description
 * in the 2022 dumps is 9,383 characters, so the first piece shows every real one whole.
 */

/** Characters shown before the reader asks for more. */
export const PREVIEW_CHARS = 10_000

/** Characters one "Show all" / "Show more" adds at most (20× the largest real description). */
export const REVEAL_CHARS = 200_000

// A cut in the first half of the window would make pieces needlessly small.
const EARLIEST_CUT_FRACTION = 0.5

const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/gm

/**
 * Where the piece that starts at `start` and holds at most `maxChars` characters should end:
 * at a paragraph break if one is near the limit, else at a line break or a space, and never
 * inside `$…$` / `$$…$$` math or a code fence when that can be avoided, so a piece renders on its
 * own as it would inside the whole text. Reads only the window it may cut, never the whole text.
 */
export function nextPieceEnd(text: string, start: number, maxChars: number): number {
  const limit = start + maxChars
  if (text.length <= limit) return text.length
  const window = text.slice(start, limit)
  const earliest = Math.ceil(maxChars * EARLIEST_CUT_FRACTION)

  // Math is an inline rule and cannot span a blank line, so a paragraph break only needs the
  // fence check.
  const paragraphBreak = window.lastIndexOf('\n\n')
  if (paragraphBreak >= earliest) return start + outsideCodeFence(window, paragraphBreak + 2)

  for (const separator of ['\n', ' ']) {
    const at = window.lastIndexOf(separator)
    if (at >= earliest) return start + outsideMath(window, at + 1)
  }
  return start + outsideMath(window, withoutSplitSurrogate(window, window.length))
}

/** Moves a cut that would leave a code fence open to the start of that fence's line. */
function outsideCodeFence(window: string, cut: number): number {
  const fences = [...window.slice(0, cut).matchAll(FENCE_LINE)]
  if (fences.length % 2 === 0) return cut
  const lastFence = fences[fences.length - 1].index
  return lastFence > 0 ? lastFence : cut
}

/** Moves a cut inside the paragraph's open `$…$` or `$$…$$` math to just before that math. */
function outsideMath(window: string, cut: number): number {
  const paragraphStart = window.lastIndexOf('\n\n', cut - 1) + 1
  let openAt = -1
  let openIsDisplay = false
  for (let i = paragraphStart; i < cut; i++) {
    const code = window.charCodeAt(i)
    if (code === 0x5c /* \ */) {
      i++
      continue
    }
    if (code !== 0x24 /* $ */) continue
    const display = window.charCodeAt(i + 1) === 0x24
    if (openAt === -1) {
      openAt = i
      openIsDisplay = display
    } else if (display === openIsDisplay) openAt = -1
    if (display) i++
  }
  return openAt > 0 ? openAt : cut
}

/** A hard cut must not split a UTF-16 surrogate pair into two broken characters. */
export function withoutSplitSurrogate(text: string, cut: number): number {
  const code = text.charCodeAt(cut - 1)
  return code >= 0xd800 && code <= 0xdbff && cut > 1 ? cut - 1 : cut
}
