import katex, { type KatexOptions } from 'katex'

/**
 * KaTeX on archive TeX, with every size and cost bounded: descriptions come from dumps anyone
 * can craft (issue #13: `\rule{10000em}{10000em}` made a 181,000 px page). The limits sit far
 * above what the real 2022 methods and datasets dumps need (figures measured on all of them).
 */
export const BOUNDED_KATEX_OPTIONS = {
  throwOnError: false,
  // `trust: false` keeps \href{javascript:…} and \includegraphics from producing live markup.
  trust: false,
  strict: 'ignore',
  output: 'html',
  // Caps user-specified sizes (\rule, \kern, \hspace, \raisebox, `\\[…]`) at 10 em; real TeX uses none.
  maxSize: 10,
  // Caps macro expansions per expression (KaTeX's default is 1,000): real TeX needs fewer than 50,
  // and each expansion may repeat a long body, so this bounds a \def bomb's output.
  maxExpand: 100
} as const satisfies KatexOptions

/** Longer TeX is shown as source: KaTeX costs ~25 µs per character; the longest real one has 1,925. */
export const MAX_TEX_CHARS = 4_000

/**
 * Deeper TeX is shown as source: KaTeX parses recursively and overflows the stack at a few
 * thousand nested braces (which threw out of the whole page); real TeX nests 4 deep at most.
 */
export const MAX_TEX_NESTING = 32

/**
 * KaTeX's `maxSize` leaves negative sizes uncapped (`\raisebox{-10000em}`, `\rule[-10000em]…`),
 * so every em length in its inline styles is clamped; the largest real one is 5.6 em.
 */
export const MAX_STYLE_EM = 20

const NESTING_TOKEN = /\\(left|right|begin|end)(?![a-zA-Z])|\\[^]|[{}]/g

/** How deeply braces, `\left…\right` and `\begin…\end` nest in `tex`. */
export function texNestingDepth(tex: string): number {
  let depth = 0
  let deepest = 0
  for (const [token, command] of tex.matchAll(NESTING_TOKEN)) {
    if (token === '{' || command === 'left' || command === 'begin') deepest = Math.max(deepest, ++depth)
    else if (token === '}' || command === 'right' || command === 'end') depth--
  }
  return deepest
}

const STYLE_ATTRIBUTE = /style="[^"]*"/g
const EM_LENGTH = /(-?\d+(?:\.\d+)?)em/g

/** Clamps every em length in the inline styles of KaTeX HTML to ±`MAX_STYLE_EM`. */
export function clampStyleLengths(html: string): string {
  return html.replace(STYLE_ATTRIBUTE, (style) =>
    style.replace(EM_LENGTH, (length, value: string) => {
      const number = Number(value)
      return Math.abs(number) <= MAX_STYLE_EM ? length : `${Math.sign(number) * MAX_STYLE_EM}em`
    })
  )
}

/** KaTeX HTML for `tex`, or `null` when it is too long or too deep to render within bounds. */
export function renderBoundedMath(tex: string, displayMode: boolean): string | null {
  if (tex.length > MAX_TEX_CHARS || texNestingDepth(tex) > MAX_TEX_NESTING) return null
  try {
    return clampStyleLengths(katex.renderToString(tex, { ...BOUNDED_KATEX_OPTIONS, displayMode }))
  } catch {
    // `throwOnError: false` covers parse errors only; anything else (a RangeError) ends here.
    return null
  }
}
