/**
 * Structural equality of stored records (plain JSON-like data). A re-sync compares each incoming
 * record with the stored one and writes only what differs: reads are far cheaper than writes in
 * IndexedDB, and an unchanged dump then writes nothing at all.
 */
export function recordsEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!recordsEqual(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  // A key holding `undefined` and a missing key mean the same once stored.
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined)
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined)
  if (leftKeys.length !== rightKeys.length) return false
  for (const key of leftKeys) {
    if (!Object.hasOwn(right, key) || !recordsEqual(left[key], right[key])) return false
  }
  return true
}
