/**
 * Writes docs/metric-directions.md: every distinct metric name of an evaluation-tables dump with
 * the direction `inferMetricDirection` gives it and the rule that decided, for review.
 *
 *   npx tsx scripts/list-metric-directions.ts [evaluation-tables.json.gz] [--out docs/metric-directions.md]
 *
 * Beside each name it prints independent evidence: Papers With Code listed each leaderboard's
 * rows best-first by its first metric, so a board whose first metric only falls down the rows
 * was ranked higher-is-better, one whose values only rise was ranked lower-is-better. Names where
 * that evidence contradicts the inference are flagged for a human to look at.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { parseMetricNumber } from '../src/shared/archive/metricValue'
import { inferMetricDirection, type MetricDirection } from '../src/shared/sota/metricDirection'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_INPUT = resolve(repoRoot, '../shared/data/pwc-dump-2020-09_evaluation-tables.json.gz')
const DEFAULT_OUTPUT = resolve(repoRoot, 'docs/metric-directions.md')

// Only the fields read here (data/README.md, "evaluation tables").
interface TreeDataset {
  sota: { metrics: string[]; rows: { metrics: Record<string, string> }[] } | null
  subdatasets?: TreeDataset[]
}
interface TreeTask {
  datasets: TreeDataset[]
  subtasks: TreeTask[]
}

// The review of the 2020 table: names whose answer is surprising, contradicted by the PWC ranking,
// or unknown. Kept here so a regenerated table keeps its reasons.
const REVIEW_NOTES: readonly [string, string][] = [
  [
    'EER',
    'Equal error rate: lower is better; the one board ranked falling (Replay-Attack) is listed wrongly.'
  ],
  ['Hamming Loss', 'A loss: lower is better; the Ethos board lists its rows worst-first.'],
  [
    'm-reIRMSE',
    'Relative RMSE of counts: lower is better; the COCO count-test board lists them worst-first.'
  ],
  ['m-reIRMSE-nz', 'As m-reIRMSE.'],
  ['Fullset (public)', '300W names its NME column after the split: lower is better (narrow rule).'],
  ['Model Entropy', 'Holds bits/dim on CIFAR-10 image generation (Image Transformer 2.89, NICE 4.5): lower.'],
  ['Normalized cPSNR', 'PROBA-V score, a ratio to the baseline where lower is better, despite "PSNR".'],
  ['AUC (horizon error)', 'An AUC of an error curve: the head "AUC" decides, higher is better.'],
  ['ERR@20', 'Expected reciprocal rank, not an error: higher is better.'],
  ['PERR', 'YouTube-8M precision at equal recall rate: higher is better.'],
  ['Mean ADD', 'PWC stores the ADD accuracy (% of poses within the threshold) here: higher is better.'],
  ['DLD', 'RotoWire content ordering reports normalised Damerau-Levenshtein similarity: higher is better.'],
  ['Log-likelihood', 'Higher is better; NLL / NegLL / Negative ELBO are lower-is-better.'],
  ['GAR @0.1% FAR', 'Genuine accept rate at a fixed false accept rate: higher is better (also TAR @ FAR).'],
  ['Rank-1', 'Re-identification accuracy at rank 1: higher; "Mean Rank" and "Median Rank" are lower.'],
  ['Speed(ms/f)', 'The unit decides when the head is neutral: ms per frame is lower, "Speed  (FPS)" higher.'],
  ['ATV', 'Unknown (one KITTI Horizon row); left at the default, use a leaderboard override if needed.'],
  ['NI', 'Unknown (one UAV-flight row); left at the default.'],
  ['DE', 'Possibly "distractor error" on SCDE; too ambiguous a name for a rule, left at the default.'],
  ['CR', 'Compression ratio in sentence compression: neither direction is "better"; default.'],
  ['Training images', 'A descriptor column (dataset size), not a score; default.']
]

interface MetricEvidence {
  leaderboards: number
  rankedHigher: number
  rankedLower: number
}

function* leaderboardsOf(tasks: readonly TreeTask[]): Generator<TreeDataset> {
  for (const task of tasks) {
    const pending = [...task.datasets]
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      yield next
      pending.push(...(next.subdatasets ?? []))
    }
    yield* leaderboardsOf(task.subtasks)
  }
}

function rankingOrder(values: number[]): MetricDirection | null {
  let rises = 0
  let falls = 0
  for (let i = 1; i < values.length; i += 1) {
    if (values[i] > values[i - 1]) rises += 1
    else if (values[i] < values[i - 1]) falls += 1
  }
  if (values.length < 3 || rises > 0 === falls > 0) return null
  return falls > 0 ? 'higher-is-better' : 'lower-is-better'
}

function collectEvidence(tasks: readonly TreeTask[]): Map<string, MetricEvidence> {
  const evidence = new Map<string, MetricEvidence>()
  const entry = (name: string): MetricEvidence => {
    let found = evidence.get(name)
    if (found === undefined) {
      found = { leaderboards: 0, rankedHigher: 0, rankedLower: 0 }
      evidence.set(name, found)
    }
    return found
  }
  for (const board of leaderboardsOf(tasks)) {
    if (board.sota === null) continue
    const names = new Set([
      ...board.sota.metrics,
      ...board.sota.rows.flatMap((row) => Object.keys(row.metrics))
    ])
    for (const name of names) entry(name).leaderboards += 1
    const first = board.sota.metrics[0]
    if (first === undefined) continue
    const values = board.sota.rows
      .map((row) => parseMetricNumber(row.metrics[first] ?? ''))
      .filter((value): value is number => value !== null)
    const order = rankingOrder(values)
    if (order === 'higher-is-better') entry(first).rankedHigher += 1
    if (order === 'lower-is-better') entry(first).rankedLower += 1
  }
  return evidence
}

function markdownCell(text: string): string {
  // Names keep their stray spaces (" SSIM" is a distinct metric), so they are shown JSON-quoted.
  return JSON.stringify(text).replace(/\|/g, '\\|')
}

function renderTable(input: string, evidence: Map<string, MetricEvidence>): string {
  const names = [...evidence.keys()].sort((a, b) => a.localeCompare(b, 'en'))
  const rows = names.map((name) => {
    const inferred = inferMetricDirection(name)
    const seen = evidence.get(name) as MetricEvidence
    const contradicted =
      inferred.direction === 'higher-is-better'
        ? seen.rankedLower > seen.rankedHigher
        : seen.rankedHigher > seen.rankedLower
    return { name, inferred, seen, contradicted }
  })
  const lower = rows.filter((row) => row.inferred.direction === 'lower-is-better').length
  const defaulted = rows.filter((row) => row.inferred.rule === 'default').length
  const flagged = rows.filter((row) => row.contradicted)
  const lines = [
    '# Metric directions',
    '',
    `Generated by \`npx tsx scripts/list-metric-directions.ts\` from \`${input}\`; do not edit by hand.`,
    '',
    `${rows.length} distinct metric names: ${lower} lower-is-better, ${rows.length - lower} higher-is-better ` +
      `(${defaulted} of them by default, no rule matched).`,
    '',
    '"PWC ranking" counts the leaderboards where this metric came first and Papers With Code listed the rows',
    'falling (↓, it ranked higher values first) or rising (↑, lower first). A ⚠ marks a name where that',
    `ranking contradicts the inference (${flagged.length} names); see the review notes below the table.`,
    '',
    '| Metric | Direction | Rule | Leaderboards | PWC ranking |',
    '|---|---|---|---|---|'
  ]
  for (const { name, inferred, seen, contradicted } of rows) {
    const ranking =
      seen.rankedHigher + seen.rankedLower === 0 ? '' : `↓${seen.rankedHigher} ↑${seen.rankedLower}`
    const direction = inferred.direction === 'lower-is-better' ? '**lower**' : 'higher'
    lines.push(
      `| ${markdownCell(name)} | ${direction} | ${inferred.rule} | ${seen.leaderboards} | ${ranking}${contradicted ? ' ⚠' : ''} |`
    )
  }
  lines.push('', '## Review notes', '')
  for (const [name, note] of REVIEW_NOTES) {
    if (!evidence.has(name)) continue
    const direction = inferMetricDirection(name).direction
    lines.push(`- ${markdownCell(name)} → ${direction}. ${note}`)
  }
  return `${lines.join('\n')}\n`
}

function main(argv: string[]): void {
  let output = DEFAULT_OUTPUT
  let input = DEFAULT_INPUT
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--out') output = resolve(argv[++i] ?? DEFAULT_OUTPUT)
    else input = resolve(argv[i])
  }
  const tasks = JSON.parse(gunzipSync(readFileSync(input)).toString('utf8')) as TreeTask[]
  const shownInput = input.startsWith(resolve(repoRoot, '..'))
    ? input.slice(resolve(repoRoot, '..').length + 1)
    : input
  writeFileSync(output, renderTable(shownInput, collectEvidence(tasks)))
  console.log(`wrote ${output}`)
}

main(process.argv.slice(2))
