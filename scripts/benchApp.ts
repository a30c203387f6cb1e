/**
 * `npm run bench:app [-- --scale 0.1] [--port 4180] [--keep-profile]`: the whole-app benchmark
 * (scripts/benchApp/appBench.ts). Prints one markdown table, each step beside its target, and
 * writes it as JSON to `.bench/bench-app-<scale>.json`. `--smoke` runs the 10 % variant with
 * small counts and loose limits (what `npm test` runs) and exits non-zero if any check fails;
 * `--json <file>` writes the JSON elsewhere. `--from-profile <dir>` starts from a copy of a
 * profile an earlier run kept (same scale and port), skipping the first launch and the sync.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { benchDir } from './bench/benchArchive'
import { argValue } from './bench/cliArgs'
import { FULL_RUN, runAppBench, type AppBenchOptions } from './benchApp/appBench'
import { markdownTable, writeJsonReport } from './benchApp/report'
import { SMOKE_LIMITS, TARGETS } from './benchApp/targets'

const arg = (name: string): string | undefined => argValue(process.argv, name)

/** The smoke run: every step once or a few times, but all 1,000 bookmarks (their restore is checked). */
const SMOKE_RUN: typeof FULL_RUN = {
  queriesPerClass: 2,
  paperPages: 5,
  taskPages: 3,
  leaderboards: 2,
  scrollPages: 5,
  bookmarks: 1000,
  pagesWhileIndexing: 3
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke')
  const scale = Number(arg('scale') ?? (smoke ? 0.1 : 1))
  const options: AppBenchOptions = {
    ...(smoke ? SMOKE_RUN : FULL_RUN),
    scale,
    port: Number(arg('port') ?? process.env.BENCH_APP_PORT ?? 4180),
    limits: smoke ? SMOKE_LIMITS : TARGETS,
    keepProfile: process.argv.includes('--keep-profile'),
    fromProfile: arg('from-profile')
  }
  const report = await runAppBench(options)
  console.log(`\n## bench:app, scale ${scale}${smoke ? ' (smoke: loose limits)' : ''} — ${report.machine}\n`)
  console.log(markdownTable(report.steps, report.limits))
  const failed = report.checks.filter((c) => !c.ok)
  const others = report.checks.filter((c) => c.step === 'sync' || c.step === 'bench')
  for (const c of others) console.log(`${c.ok ? '✓' : '✗'} ${c.step}: ${c.what}`)
  mkdirSync(benchDir, { recursive: true })
  const file = arg('json') ?? path.join(benchDir, `bench-app-${scale}${smoke ? '-smoke' : ''}.json`)
  mkdirSync(path.dirname(file), { recursive: true })
  writeJsonReport(file, report)
  console.log(
    `\n${report.checks.length - failed.length} of ${report.checks.length} checks passed; JSON: ${path.relative(process.cwd(), file)}`
  )
  if (smoke && failed.length > 0) {
    for (const c of failed) console.log(`  ✗ ${c.step}: ${c.what}`)
    process.exitCode = 1
  }
}

void main()
