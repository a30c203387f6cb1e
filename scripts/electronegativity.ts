/**
 * Electron's security checklist, machine-checked: runs Doyensec's electronegativity on the main
 * process and preload sources and fails on any high or medium finding the allowlist does not
 * explain (`scripts/electronegativityFindings.ts`).
 *
 * The sources, not `out/`: the bundle rewrites `new BrowserWindow({…})` into `new electron.BrowserWindow`,
 * which its window checks do not recognise. Main and preload are scanned as one tree because the
 * global checks (navigation limits, permission handler) look across files.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseAllowlist, unexplainedFindings, type Finding, type Severity } from './electronegativityFindings'

interface ElectronegativityIssue {
  id: string
  file: string
  location: { line: number }
  severity: { name: Severity }
  description: string
}

interface ElectronegativityReport {
  globalChecks: number
  atomicChecks: number
  errors: { file: string; message: string; tolerable: boolean }[]
  issues: ElectronegativityIssue[]
}

type RunElectronegativity = (options: {
  input: string
  isRelative: boolean
  electronVersionOverride: string
  excludeFromScan: string[]
}) => Promise<ElectronegativityReport>

const repo = path.resolve(__dirname, '..')
const ALLOWLIST = path.join(repo, 'scripts', 'electronegativity-allowlist.json')

async function main(): Promise<number> {
  // Its CLI reads options the pre-v7 `commander` way and gets none from the commander npm
  // hoists here; the library entry point takes them directly.
  const run = createRequire(__filename)('@doyensec/electronegativity') as RunElectronegativity
  const electronVersion = (
    JSON.parse(readFileSync(path.join(repo, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string
    }
  ).version
  const scanned = mkdtempSync(path.join(tmpdir(), 'electronegativity-'))
  try {
    for (const part of ['main', 'preload'])
      cpSync(path.join(repo, 'src', part), path.join(scanned, part), { recursive: true })
    const report = await run({
      input: scanned,
      isRelative: true,
      // Version-gated checks (remote module, defaults that changed) need the version we ship.
      electronVersionOverride: electronVersion,
      // It asks GitHub for newer Electron releases: a result that changes with the day, not the code.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck']
    })
    const unparsed = report.errors.filter((error) => !error.tolerable)
    for (const error of unparsed)
      console.error(`electronegativity could not parse ${error.file}: ${error.message}`)
    const findings: Finding[] = report.issues.map((issue) => ({
      check: issue.id,
      file: issue.file.split(path.sep).join('/'),
      line: issue.location.line,
      severity: issue.severity.name,
      description: issue.description
    }))
    const problems = unexplainedFindings(
      findings,
      parseAllowlist(JSON.parse(readFileSync(ALLOWLIST, 'utf8')))
    )
    for (const problem of problems) console.error(`  ${problem}`)
    const checks = report.globalChecks + report.atomicChecks
    console.log(
      `electronegativity ${checks} checks on src/main + src/preload (Electron ${electronVersion}): ` +
        `${findings.length} findings, ${problems.length} unexplained`
    )
    return problems.length === 0 && unparsed.length === 0 ? 0 : 1
  } finally {
    rmSync(scanned, { recursive: true, force: true })
  }
}

void main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
