/**
 * CSV fields for every export (reading lists, leaderboards, the frontier CLI).
 *
 * Archive text is user-submitted (the 2025 dumps hold spam records): a model named
 * `=HYPERLINK(...)` would run as a formula when the file is opened in a spreadsheet. OWASP's
 * remedy is a leading apostrophe, which spreadsheets hide.
 */

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/

/**
 * The value with a leading `'` when a spreadsheet would read it as a formula. `numeric` cells
 * keep a plain signed number (`-1.1`, `+3%`) as it is; anything else in them is text.
 */
export function neutralizeFormula(value: string, numeric = false): string {
  if (!FORMULA_START.test(value)) return value
  if (numeric && PLAIN_NUMBER.test(value)) return value
  return `'${value}`
}

/** One RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** A field of archive or user text: neutralised against formula injection, then quoted. */
export function safeCsvCell(value: string, numeric = false): string {
  return csvField(neutralizeFormula(value, numeric))
}
