/**
 * The five dump kinds, told apart by file name as the archive names them
 * (`jul-28-evaluation-tables.json.gz`) and as the real samples in `shared/data` do
 * (`pwc-dump-2020-09_evaluation-tables.json.gz`, `converted_papers-with-abstracts_from-api-v1...`).
 */

export type DumpKind = 'papers' | 'links' | 'evaluation-tables' | 'methods' | 'datasets'

/**
 * The order files are imported in. Methods come before papers so a paper's embedded methods
 * resolve to real method ids; papers and links come before the evaluation tables so most
 * leaderboard rows resolve to a stored paper at once instead of a stub that is re-pointed later.
 */
export const DUMP_KINDS_IN_IMPORT_ORDER: readonly DumpKind[] = [
  'methods',
  'datasets',
  'papers',
  'links',
  'evaluation-tables'
]

// Tested in this order: "links-between-papers-and-code" also contains "papers".
const KIND_PATTERNS: readonly [DumpKind, RegExp][] = [
  ['links', /links-between-papers-and-code/],
  ['papers', /papers-with-abstracts/],
  // sota-extractor's task files are evaluation-tables trees (shared/data/README.md).
  ['evaluation-tables', /evaluation[-_]tables|sota-extractor[-_]tasks[-_]/],
  ['methods', /(?:^|[-_.])methods(?:[-_.]|$)/],
  ['datasets', /(?:^|[-_.])datasets(?:[-_.]|$)/]
]

function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase()
}

/** The dump kind a file name announces, or `null` for anything else. */
export function detectDumpKind(fileName: string): DumpKind | null {
  const name = baseName(fileName)
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(name)) return kind
  return null
}

export function isDumpKind(value: unknown): value is DumpKind {
  return typeof value === 'string' && (DUMP_KINDS_IN_IMPORT_ORDER as readonly string[]).includes(value)
}

/**
 * The snapshot date a file name carries (`pwc-dump-2020-09_...` → `'2020-09'`); the archive's own
 * names (`jul-28-...`) carry no year, so they give `null` and the caller supplies the date.
 */
export function snapshotDateFromFileName(fileName: string): string | null {
  const match = /(?:^|[^0-9])((?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)(?![0-9])/.exec(
    baseName(fileName)
  )
  return match ? match[1] : null
}
