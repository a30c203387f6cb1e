/**
 * Text inside BibTeX field values. Non-ASCII stays UTF-8 (biber and every modern LaTeX read it,
 * and `\'{e}` soup helps nobody), but the characters TeX or BibTeX give a meaning are escaped:
 * an unescaped `%` comments out the rest of the line in LaTeX, `&`/`#`/`_`/`$`/`^`/`~` change mode
 * or fail to compile, an unbalanced brace makes BibTeX swallow the rest of the file, and in LaTeX's
 * default font encoding `<`, `>` and `|` print as "¡", "¿" and "—" ("<0.5MB model size" in the
 * SqueezeNet title). Braces get text commands rather than `\{`, because BibTeX counts `\{` as a
 * brace too. A double hyphen stays a TeX en dash: arXiv titles use it that way ("Gluon--Gluon").
 */

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}'
}

/** Plain text (a title, a name, a venue) as BibTeX field content. Line breaks become spaces. */
export function escapeBibtexText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%&$#_~^<>|]/g, (special) => TEX_SPECIALS[special])
}

/**
 * A URL for a verbatim field (`url`, `eprint`): biber copies these as they are, so TeX escapes
 * would end up inside the link. Only what would break the braces or the line is percent-encoded.
 */
export function bibtexVerbatim(url: string): string {
  return url
    .trim()
    .replace(
      /[{}\\\s]/g,
      (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    )
}

/**
 * A title with the words that must keep their capitals in braces. English bibliography styles
 * lower-case titles, so without braces "BERT" prints as "bert" and "ResNet" as "resnet". A word is
 * protected when it has a capital after its first letter (acronyms, "ResNet", "R-FCN"), when it is
 * a capital letter on its own ("Type II", "Part B"), and, in a title already in sentence case, when
 * it is capitalised at all: there a capital can only mean a proper noun ("Monte Carlo",
 * "Bayesian"). Title-case words are left to the style, which is what it expects.
 *
 * Inline math is the authors' own LaTeX ("$\mathcal{M}^4$: A Unified XAI Benchmark", "CO$_2$"), as
 * arXiv keeps it, so a well-formed `$...$` span is passed through and its word protected; any
 * other `$` is escaped like the rest.
 */
export function protectTitleCase(title: string): string {
  const mathSpans = findMathSpans(title.replace(/\s+/g, ' ').trim())
  const words = mathSpans.text.split(' ').map((word) => word.replaceAll(SPACE_IN_MATH, ' '))
  const sentenceCase = isSentenceCase(words)
  const pieces = words.map((word, index) => {
    const hasMath = mathSpans.found && MATH_SPAN.test(word)
    const capitalised = /^\P{L}*\p{Lu}/u.test(word)
    const startsSentence = index === 0 || /[:.?!]$/.test(words[index - 1])
    return {
      text: hasMath ? escapeAroundMath(word) : escapeBibtexText(word),
      protect: hasMath || hasInnerCapital(word) || (sentenceCase && capitalised && !startsSentence)
    }
  })
  // Neighbouring protected words share one group: `{HIGGS BOSON PRODUCTION}`, not three.
  const groups: { text: string; protect: boolean }[] = []
  for (const piece of pieces) {
    const previous = groups.at(-1)
    if (previous && previous.protect && piece.protect) previous.text += ` ${piece.text}`
    else groups.push({ ...piece })
  }
  return groups.map(({ text, protect }) => (protect ? protectGroup(text) : text)).join(' ')
}

// `{\...}` at the start of a group is a BibTeX "special character", which case changes reach
// into; a second pair of braces keeps it a plain protected group.
function protectGroup(text: string): string {
  return text.startsWith('\\') ? `{{${text}}}` : `{${text}}`
}

// A private-use character: it cannot occur in a real title.
const SPACE_IN_MATH = '\uE000'
const MATH_SPAN = /\$[^$]+\$/
const MATH_SPANS = /\$[^$]+\$/g

/**
 * The title with the spaces inside math spans replaced, so splitting on spaces keeps each
 * span in one word. Math counts only if every `$` pairs up and every span's braces balance and it
 * holds no `%`, which would comment out the rest of the field.
 */
function findMathSpans(title: string): { text: string; found: boolean } {
  const dollars = title.match(/(?<!\\)\$/g)?.length ?? 0
  const spans = title.match(MATH_SPANS) ?? []
  const wellFormed =
    dollars > 0 &&
    dollars === spans.length * 2 &&
    spans.every((span) => bracesBalance(span) && !span.includes('%'))
  if (!wellFormed) return { text: title, found: false }
  return { text: title.replace(MATH_SPANS, (span) => span.replaceAll(' ', SPACE_IN_MATH)), found: true }
}

function escapeAroundMath(word: string): string {
  let escaped = ''
  let last = 0
  for (const match of word.matchAll(MATH_SPANS)) {
    escaped += escapeBibtexText(word.slice(last, match.index)) + match[0]
    last = match.index + match[0].length
  }
  return escaped + escapeBibtexText(word.slice(last))
}

// BibTeX counts `\{` as a brace too, so escaped braces count here as well.
function bracesBalance(text: string): boolean {
  let depth = 0
  for (const character of text) {
    if (character === '{') depth++
    else if (character === '}' && --depth < 0) return false
  }
  return depth === 0
}

function hasInnerCapital(word: string): boolean {
  const letters = word.replace(/\P{L}/gu, '')
  if (letters.length === 1) return /\p{Lu}/u.test(letters) && letters !== 'A'
  return word.split('-').some((part) => /\p{Lu}/u.test(part.replace(/^\P{L}*\p{L}/u, '')))
}

// Title case capitalises every longer word but a few prepositions; so when at least half of the
// longer words after the first start lower-case, the author wrote sentence case.
function isSentenceCase(words: readonly string[]): boolean {
  const content = words
    .slice(1)
    .map((word) => word.replace(/[^\p{L}]+$/u, ''))
    .filter((word) => /^\p{L}{4,}$/u.test(word) && !TITLE_CASE_LOWER_WORDS.has(word.toLowerCase()))
  if (content.length < 2) return false
  const lower = content.filter((word) => /^\p{Ll}/u.test(word)).length
  return lower * 2 >= content.length
}

// Words of four letters or more that title case often leaves lower-case.
const TITLE_CASE_LOWER_WORDS = new Set([
  'about',
  'above',
  'across',
  'after',
  'against',
  'along',
  'among',
  'around',
  'based',
  'before',
  'behind',
  'below',
  'beneath',
  'beside',
  'between',
  'beyond',
  'during',
  'from',
  'into',
  'like',
  'near',
  'onto',
  'over',
  'past',
  'since',
  'than',
  'that',
  'this',
  'through',
  'toward',
  'towards',
  'under',
  'until',
  'upon',
  'using',
  'versus',
  'when',
  'where',
  'while',
  'with',
  'within',
  'without'
])
