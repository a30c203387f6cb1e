/**
 * The number a leaderboard cell states. Every metric in the dumps is a string, and the 2020
 * evaluation tables alone hold 74 distinct shapes of it (digits replaced by 9):
 *
 * - plain and signed numbers, with stray spaces or a BOM: `"15.8"`, `"-1.1"`, `".931"`, `" 9.1%"`;
 * - units: `"88.5%"`, `"79.6%%"`, `"57.01 %"`, `"1.2x"`, `"0.33s/img"`;
 * - magnitudes: `"480M"`, `"1.82 M"`, `"0.8B"`, `"580k"`, and `"339m"`, which in every real
 *   occurrence (SNLI "Parameters") means millions;
 * - thousands separators `"2,200"`, `"1,514,187"` and decimal commas `"99,45"`, `"76,2%"`: a comma
 *   followed by exactly three digits groups thousands, any other comma is a decimal point;
 * - spread and notes: `"0.57 ± 0.23"`, `"27.3 (±0.2)"`, `"42.5(1080Ti)"`,
 *   `"70.14 (measured by Ge et al., 2018)"`;
 * - emphasis and footnotes: `"**55.6**"`, `"63.7*"`, `"56.4&"`; bounds: `">1,400.000"`.
 *
 * Everything else states no single number and gives `null`: placeholders (`"-"`, `"--"`, `"–"`,
 * `"N/A"`, `""`), words (`"Yes"`, `"Monocular"`, `"UCF101"`), two values (`"54.60/55.55"`,
 * `"94.6 (14 gestures) , 91.9 (28 gestures )"`), ranges and typos (`"2.2.M"`, `"O.753"`).
 *
 * A percentage stays on the scale it is written in (`"88.5%"` → 88.5), so a column mixing
 * `"88.5%"` and `"88.1"` still ranks; only k/M/B multiply, so `"66M"` and `"0.8B"` compare.
 */
import type { MetricValue } from './entities'

export type { MetricValue }

// Powers of ten, applied in the exponent so `"0.46B"` is 460000000 and not 460000000.00000006.
const MAGNITUDE_EXPONENTS: Record<string, number> = { k: 3, K: 3, m: 6, M: 6, B: 9 }

// Units seen after a number in the dumps, plus their usual neighbours; a word that is not a unit
// ("20 per node", "3D") must not turn a description into a value.
const UNITS = new Set([
  '%',
  '%%',
  'x',
  '×',
  's',
  'ms',
  'sec',
  'min',
  'h',
  'fps',
  'FPS',
  'dB',
  'db',
  'px',
  'pp',
  'KB',
  'MB',
  'GB',
  'TB',
  'GFLOPs',
  'GFLOPS',
  'FLOPs',
  'bits',
  'bpc',
  's/img',
  'ms/img',
  'img/s'
])

const NUMBER = /^([-+\u2212]?)(\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE]([-+]?\d+))?/
const THOUSANDS_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/
const DECIMAL_COMMA = /^\d+,\d+$/
const SPREAD = /^(?:±|\+\/?-)\s*\d*\.?\d+\s*%?/
const NOTE = /^\([^()]*\)/

function unwrapEmphasis(text: string): string {
  const match = /^(\*\*|__|\*|_)(.+)\1$/.exec(text)
  return match ? match[2].trim() : text
}

/** Digits with their commas resolved to plain decimal notation, or `null` when ambiguous. */
function plainDigits(digits: string): string | null {
  if (!digits.includes(',')) return digits
  if (THOUSANDS_GROUPED.test(digits)) return digits.replace(/,/g, '')
  if (DECIMAL_COMMA.test(digits)) return digits.replace(',', '.')
  return null
}

/**
 * What may follow the number: a unit or magnitude, a ± spread, a note in brackets, in that order.
 * Returns the magnitude's power of ten, or `null` when the suffix is anything else.
 */
function magnitudeOfSuffix(suffix: string): number | null {
  let rest = suffix.trim()
  let magnitude = 0
  const unit = /^[^\s(±+]+/.exec(rest)?.[0]
  if (unit !== undefined) {
    if (Object.hasOwn(MAGNITUDE_EXPONENTS, unit)) magnitude = MAGNITUDE_EXPONENTS[unit]
    else if (!UNITS.has(unit)) return null
    rest = rest.slice(unit.length).trim()
  }
  const spread = SPREAD.exec(rest)
  if (spread) rest = rest.slice(spread[0].length).trim()
  const note = NOTE.exec(rest)
  if (note) rest = rest.slice(note[0].length).trim()
  return rest === '' ? magnitude : null
}

/** The number in one metric string, or `null` when it states none. */
export function parseMetricNumber(raw: string): number | null {
  let text = unwrapEmphasis(raw.replace(/\uFEFF/g, '').trim())
  text = text.replace(/[*†‡&]+$/, '').trim()
  text = text.replace(/^(?:[<>≤≥~≈]=?)\s*/, '')
  const match = NUMBER.exec(text)
  if (!match) return null
  const magnitude = magnitudeOfSuffix(text.slice(match[0].length))
  const digits = plainDigits(match[2])
  if (magnitude === null || digits === null) return null
  const unsigned = Number(`${digits}e${Number(match[3] ?? 0) + magnitude}`)
  const value = match[1] === '-' || match[1] === '\u2212' ? -unsigned : unsigned
  return Number.isFinite(value) ? value : null
}

/** A stored metric: the raw string and its number. Numbers in the dump (none in 2020) are kept. */
export function parseMetricValue(raw: string | number): MetricValue {
  if (typeof raw === 'number') return { raw: String(raw), value: Number.isFinite(raw) ? raw : null }
  return { raw, value: parseMetricNumber(raw) }
}

/** Cells that say "no value" on purpose, so reports of unparsed numbers can leave them out. */
export function isPlaceholderMetric(raw: string): boolean {
  return /^\s*(?:-+|–|—|n\/?a|none|null|)\**\s*$/i.test(raw)
}
