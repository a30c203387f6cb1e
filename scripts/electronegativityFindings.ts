/**
 * Judges electronegativity's findings against our allowlist: every high or medium finding must be
 * explained there, by check and file, with the exact number of times it occurs (a new call of the
 * same kind in the same file is a new finding, not an old one), and every allowlist entry must
 * still match something (an entry nothing needs any more is removed, so the list stays honest).
 */

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'

export interface Finding {
  check: string
  /** Relative to the scanned directory; `N/A` for whole-application (global) checks. */
  file: string
  line: number
  severity: Severity
  description: string
}

export interface AllowedFinding {
  check: string
  file: string
  occurrences: number
  /** Why this is not a problem here, and which test shows it. */
  reason: string
}

const BLOCKING: ReadonlySet<Severity> = new Set(['MEDIUM', 'HIGH'])

const keyOf = (check: string, file: string): string => `${check} in ${file}`

/** The problems that fail the check; empty when every blocking finding is explained. */
export function unexplainedFindings(
  findings: readonly Finding[],
  allowed: readonly AllowedFinding[]
): string[] {
  const found = new Map<string, Finding[]>()
  for (const finding of findings) {
    if (!BLOCKING.has(finding.severity)) continue
    const key = keyOf(finding.check, finding.file)
    found.set(key, [...(found.get(key) ?? []), finding])
  }
  const problems: string[] = []
  const explained = new Set<string>()
  for (const entry of allowed) {
    const key = keyOf(entry.check, entry.file)
    explained.add(key)
    if (entry.reason.trim().length < 20) problems.push(`${key}: the allowlist gives no real reason`)
    const count = found.get(key)?.length ?? 0
    if (count === 0) problems.push(`${key}: allowlisted but no longer found; remove the entry`)
    else if (count !== entry.occurrences)
      problems.push(`${key}: found ${count} times, the allowlist explains ${entry.occurrences}`)
  }
  for (const [key, list] of found) {
    if (explained.has(key)) continue
    for (const finding of list)
      problems.push(`${finding.severity} ${key}:${finding.line}: ${finding.description}`)
  }
  return problems
}

/** Reads the allowlist file's JSON, refusing entries without the fields above. */
export function parseAllowlist(value: unknown): AllowedFinding[] {
  if (!Array.isArray(value)) throw new Error('the allowlist is not a JSON array')
  return value.map((entry: unknown, i) => {
    const e = entry as Partial<AllowedFinding> | null
    if (
      typeof e?.check !== 'string' ||
      typeof e.file !== 'string' ||
      typeof e.reason !== 'string' ||
      !Number.isInteger(e.occurrences)
    )
      throw new Error(`allowlist entry ${i} needs check, file, occurrences and reason`)
    return { check: e.check, file: e.file, occurrences: e.occurrences as number, reason: e.reason }
  })
}
