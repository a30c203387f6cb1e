/**
 * `npm test`: every check and every test tier, one summary line at the end
 * (`N passed, N failed, N skipped`), non-zero exit on any failure, when no test ran, or when the
 * run modified a tracked file.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { filesChangedBetween, readTrackedChanges } from './trackedChanges'

const repo = path.resolve(__dirname, '..')
const results = path.join(repo, 'test-results')
const bin = (name: string): string => path.join(repo, 'node_modules', '.bin', name)

interface TierCount {
  passed: number
  failed: number
  skipped: number
}

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`)
  const status = spawnSync(command, args, { cwd: repo, stdio: 'inherit' }).status
  return status === 0
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

function vitestCount(ok: boolean): TierCount {
  const report = readJson(path.join(results, 'unit.json')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
  } | null
  if (!report) return { passed: 0, failed: 1, skipped: 0 }
  const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1)
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests }
}

interface PlaywrightSuite {
  specs?: {
    title: string
    tests: { annotations: { type: string; description?: string }[]; status: string }[]
  }[]
  suites?: PlaywrightSuite[]
}

function skipReasons(suite: PlaywrightSuite, into: string[]): void {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      if (test.status !== 'skipped') continue
      const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'
      into.push(`${spec.title}: ${reason}`)
    }
  }
  for (const child of suite.suites ?? []) skipReasons(child, into)
}

function playwrightCount(file: string, ok: boolean): TierCount {
  const report = readJson(file) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number }
    suites: PlaywrightSuite[]
  } | null
  if (!report) return { passed: 0, failed: 1, skipped: 0 }
  const reasons: string[] = []
  for (const suite of report.suites) skipReasons(suite, reasons)
  for (const reason of new Set(reasons)) console.log(`  skipped — ${reason}`)
  const failed = report.stats.unexpected + (ok || report.stats.unexpected > 0 ? 0 : 1)
  return { passed: report.stats.expected + report.stats.flaky, failed, skipped: report.stats.skipped }
}

/** Each check of the smoke run (a step completes, a count is right, a loose limit holds) is one test. */
function benchCheckCount(file: string, ok: boolean): TierCount {
  const report = readJson(file) as { checks: { step: string; what: string; ok: boolean }[] } | null
  if (!report) return { passed: 0, failed: 1, skipped: 0 }
  const failed = report.checks.filter((c) => !c.ok)
  for (const c of failed) console.log(`  failed — ${c.step}: ${c.what}`)
  return {
    passed: report.checks.length - failed.length,
    failed: failed.length + (ok || failed.length > 0 ? 0 : 1),
    skipped: 0
  }
}

const trackedBefore = readTrackedChanges(repo)
rmSync(results, { recursive: true, force: true })
const checks: [string, boolean][] = []
checks.push(['lint', run('lint (ESLint, zero warnings)', bin('eslint'), ['--max-warnings', '0', '.'])])
checks.push(['format', run('format (Prettier)', bin('prettier'), ['--check', '.'])])
checks.push(['typecheck', run('typecheck (node + web)', 'npm', ['run', '--silent', 'typecheck'])])
const built = run('build (electron-vite)', bin('electron-vite'), ['build'])
checks.push(['build', built])
checks.push(['preload', built && run('preload bundle check', bin('tsx'), ['scripts/checkPreload.ts'])])
checks.push([
  'electron',
  run('Electron security checklist (electronegativity)', bin('tsx'), ['scripts/electronegativity.ts'])
])

const tiers: [string, TierCount][] = []
const unitOk = run('unit tests (Vitest)', bin('vitest'), ['run'])
tiers.push(['unit', vitestCount(unitOk)])
const webOk = run('browser end-to-end tests (Playwright + Chromium)', bin('playwright'), [
  'test',
  '--config',
  'tests/e2e/web/playwright.config.ts'
])
tiers.push(['e2e web', playwrightCount(path.join(results, 'web.json'), webOk)])
// The whole-app benchmark at 10 % with loose limits: every step of a full sync and a day's use
// must work at archive scale (scripts/benchApp/appBench.ts); a few minutes on 2 cores.
const benchJson = path.join(results, 'bench-app-smoke.json')
const benchOk = run('whole-app smoke (bench:app at 10 %, loose limits)', bin('tsx'), [
  'scripts/benchApp.ts',
  '--smoke',
  '--json',
  benchJson
])
tiers.push(['bench:app', benchCheckCount(benchJson, benchOk)])
const electronOk = run('Electron end-to-end tests (Playwright _electron)', bin('playwright'), [
  'test',
  '--config',
  'tests/e2e/electron/playwright.config.ts'
])
tiers.push(['e2e electron', playwrightCount(path.join(results, 'electron.json'), electronOk)])

// Tests write under test-results/ only; docs/screenshots is refreshed by `npm run screenshots`.
const trackedAfter = trackedBefore === null ? null : readTrackedChanges(repo)
if (trackedBefore === null || trackedAfter === null) {
  console.log('\n▶ tracked files: not a git checkout, not checked')
} else {
  const rewritten = filesChangedBetween(trackedBefore, trackedAfter)
  for (const file of rewritten) console.log(`  the run modified the tracked file ${file}`)
  checks.push(['tracked', rewritten.length === 0])
}

console.log('\nSummary')
for (const [name, ok] of checks) console.log(`  ${name.padEnd(12)} ${ok ? 'ok' : 'FAILED'}`)
for (const [name, count] of tiers) {
  console.log(`  ${name.padEnd(12)} ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`)
}
const total = tiers.reduce(
  (sum, [, c]) => ({
    passed: sum.passed + c.passed,
    failed: sum.failed + c.failed,
    skipped: sum.skipped + c.skipped
  }),
  { passed: 0, failed: checks.filter(([, ok]) => !ok).length, skipped: 0 }
)
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`
)
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0)
