/**
 * `npm run fuzz [-- --runs N] [--seed S]`: the importer fuzz campaign at length (the same
 * property test `npm test` runs with a few cases). Prints the case counts per kind, outcome and
 * mutation; a failure prints its counterexample and the seed that replays it (`--seed`).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const DEFAULT_RUNS = 300

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  return at === -1 ? undefined : args[at + 1]
}

const args = process.argv.slice(2)
const runs = option(args, '--runs') ?? String(DEFAULT_RUNS)
const seed = option(args, '--seed')
const repo = path.resolve(__dirname, '..')
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed === undefined ? {} : { FUZZ_SEED: seed }) }
console.log(`importer fuzz: ${runs} cases per dump kind${seed === undefined ? '' : `, seed ${seed}`}`)
const { status } = spawnSync(
  path.join(repo, 'node_modules', '.bin', 'vitest'),
  // Its own report file: the long run must not replace the one `npm test` reads.
  ['run', 'tests/unit/archive/importerFuzz.test.ts', '--outputFile.json=test-results/fuzz.json'],
  { cwd: repo, stdio: 'inherit', env }
)
process.exitCode = status ?? 1
