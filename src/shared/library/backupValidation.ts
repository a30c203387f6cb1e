/**
 * Reading untrusted JSON field by field. A backup file may be hand-edited, truncated by a sync
 * service, or come from a newer app; the user must learn which field is wrong (`entries[12].status`)
 * rather than get a library that half-restores or a blank screen.
 */

export interface BackupProblem {
  /** Where the bad value is: `entries[12].snapshot.authors[0]`. */
  path: string
  message: string
}

export type JsonObject = Record<string, unknown>

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** Collects problems while reading; every reader returns a harmless stand-in after a problem. */
export class BackupReader {
  readonly problems: BackupProblem[] = []

  report(path: string, message: string): void {
    this.problems.push({ path, message })
  }

  object(value: unknown, path: string): JsonObject | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject
    this.report(path, `expected an object, got ${describe(value)}`)
    return null
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value
    this.report(path, `expected an array, got ${describe(value)}`)
    return []
  }

  string(record: JsonObject, field: string, path: string, options: { nonEmpty?: boolean } = {}): string {
    const value = record[field]
    if (typeof value !== 'string') {
      this.report(`${path}.${field}`, `expected a string, got ${describe(value)}`)
      return ''
    }
    if (options.nonEmpty && value.trim() === '') this.report(`${path}.${field}`, 'must not be empty')
    return value
  }

  nullableString(record: JsonObject, field: string, path: string): string | null {
    const value = record[field]
    if (value === null || typeof value === 'string') return value
    this.report(`${path}.${field}`, `expected a string or null, got ${describe(value)}`)
    return null
  }

  isoDayOrNull(record: JsonObject, field: string, path: string): string | null {
    const value = this.nullableString(record, field, path)
    if (value !== null && !ISO_DAY.test(value)) {
      this.report(`${path}.${field}`, `expected a YYYY-MM-DD date or null, got ${JSON.stringify(value)}`)
    }
    return value
  }

  timestamp(record: JsonObject, field: string, path: string): string {
    const value = this.string(record, field, path)
    if (value !== '' && Number.isNaN(Date.parse(value))) {
      this.report(`${path}.${field}`, `expected an ISO 8601 timestamp, got ${JSON.stringify(value)}`)
    }
    return value
  }

  /** Absent and `null` both mean "not set". */
  optionalTimestamp(record: JsonObject, field: string, path: string): string | undefined {
    return record[field] == null ? undefined : this.timestamp(record, field, path)
  }

  finiteNumber(record: JsonObject, field: string, path: string): number {
    const value = record[field]
    if (typeof value === 'number' && Number.isFinite(value)) return value
    this.report(`${path}.${field}`, `expected a number, got ${describe(value)}`)
    return 0
  }

  stringArray(record: JsonObject, field: string, path: string): string[] {
    const items = this.array(record[field], `${path}.${field}`)
    const strings: string[] = []
    items.forEach((item, index) => {
      if (typeof item === 'string') strings.push(item)
      else this.report(`${path}.${field}[${index}]`, `expected a string, got ${describe(item)}`)
    })
    return strings
  }

  optionalStringArray(record: JsonObject, field: string, path: string): string[] | undefined {
    return record[field] == null ? undefined : this.stringArray(record, field, path)
  }

  oneOf<T extends string>(record: JsonObject, field: string, path: string, allowed: readonly T[]): T {
    const value = record[field]
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
    const expected = allowed.map((option) => JSON.stringify(option)).join(', ')
    this.report(`${path}.${field}`, `expected one of ${expected}, got ${describe(value)}`)
    return allowed[0]
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}
