/**
 * Guards that read one field of a raw dump record into its stored form.
 *
 * The dumps hold nulls, empty strings, missing keys and the odd wrong type wherever they can
 * (data/README.md, "Quirks"). A field the page only displays must never fail an import, so these
 * readers degrade to `null` or `[]`; only the fields that identify a record are checked strictly,
 * by the normalizers, through `RecordShapeError`.
 */
import { RecordShapeError } from './dumpErrors'

export type RawObject = Record<string, unknown>

/**
 * A parsed JSON object read as a record of dump type `T` (see `rawDumpTypes.ts`): the field
 * names are checked at compile time, the values still have to be checked at run time.
 */
export type RawFields<T> = { readonly [K in keyof T]?: unknown }

export function isRawObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` as a record of dump type `T`, or `null` when it is not a JSON object. */
export function rawFieldsOrNull<T>(value: unknown): RawFields<T> | null {
  return isRawObject(value) ? (value as RawFields<T>) : null
}

/** The record as an object, or a shape error naming what was expected. */
export function expectRawObject<T>(value: unknown, what: string): RawFields<T> {
  if (!isRawObject(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    throw new RecordShapeError(`expected ${what} (a JSON object), found ${found}`)
  }
  return value as RawFields<T>
}

/** A required string field; a shape error when it is missing or not a non-empty string. */
export function expectText<T>(record: RawFields<T>, key: keyof T & string, what: string): string {
  const value = record[key]
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RecordShapeError(`expected ${what} to have a non-empty string "${key}"`)
  }
  return value
}

// Markdown descriptions use Windows line ends; pages and search want one kind.
function withUnixLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** Multi-line text (descriptions, abstracts): `\r\n` → `\n`; empty or blank → `null`. */
export function textOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = withUnixLineEnds(value)
  return text.trim() === '' ? null : text
}

/** A name or title shown on one line: whitespace runs (titles can hold `\n`) become one space. */
export function lineOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const line = value.replace(/\s+/g, ' ').trim()
  return line === '' ? null : line
}

/** Strings of an array field, as lines, without blanks; anything but an array gives `[]`. */
export function lineList(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const lines: string[] = []
  for (const item of value) {
    const line = lineOrNull(item)
    if (line !== null) lines.push(line)
  }
  return lines
}

/** Objects of an array field; other items (nulls, strings where objects belong) are dropped. */
export function objectList<T>(value: unknown): RawFields<T>[] {
  return Array.isArray(value) ? (value.filter(isRawObject) as RawFields<T>[]) : []
}

export function booleanOrNull(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null
}

export function finiteNumberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

const ISO_DAY_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/

/** `YYYY-MM-DD` (a timestamp is cut to its day); anything else → `null`. */
export function isoDayOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const match = ISO_DAY_PREFIX.exec(value.trim())
  return match ? match[1] : null
}

/** Appends `value` unless present: order-preserving de-duplication for short id lists. */
export function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value)
}
