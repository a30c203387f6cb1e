/**
 * Warnings for result rows a file holds where the evaluation-tables normalizer does not read
 * them (`unreadRowFields`). An old file keeping its rows in `sota.sota_rows` otherwise imports
 * as leaderboards without a single result, and the sync says "completed" (issue #13).
 */

/** Rows per field added to `after` since `before` (the stats are kept per kind, not per file). */
export function unreadRowsSince(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>
): Map<string, number> {
  const added = new Map<string, number>()
  for (const [field, rows] of after) {
    const delta = rows - (before.get(field) ?? 0)
    if (delta > 0) added.set(field, delta)
  }
  return added
}

/** One warning per field, naming the file; `resultRows` is how many rows the file did give. */
export function unreadRowWarnings(
  file: string,
  unread: ReadonlyMap<string, number>,
  resultRows: number
): string[] {
  const outcome =
    resultRows === 0 ? 'no result could be imported from this file' : 'those rows were not imported'
  return [...unread].map(
    ([field, rows]) =>
      `${file}: ${rows} result ${rows === 1 ? 'row is' : 'rows are'} in "${field}", a field this importer does not read (it reads "sota.rows"); ${outcome}`
  )
}
