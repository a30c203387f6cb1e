/**
 * Writes a synthetic Papers With Code archive (the five July 2025 dump files) for benchmarks:
 *
 *   npx tsx scripts/generate-archive.ts --scale 0.1 --out /tmp/pwc-0.1 [--seed N] [--data DIR] [--gzip-level 1]
 *
 * Scale 1.0 is the real archive's size (576,261 papers, ~2.2 GB of papers JSON). Keep outputs
 * outside the repository.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_SEED, generateSyntheticArchive } from '../src/main/archive/syntheticArchive'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface Arguments {
  scale: number
  out: string
  seed: number
  dataDir: string
  gzipLevel: number
}

function parseArguments(argv: string[]): Arguments {
  const values = new Map<string, string>()
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (!flag.startsWith('--') || value === undefined) throw new Error(`unexpected argument ${flag}`)
    values.set(flag.slice(2), value)
    i += 1
  }
  const number = (name: string, fallback: number): number => {
    const raw = values.get(name)
    const parsed = raw === undefined ? fallback : Number(raw)
    if (!Number.isFinite(parsed)) throw new Error(`--${name} must be a number, got ${raw}`)
    return parsed
  }
  const out = values.get('out')
  if (out === undefined) throw new Error('--out <dir> is required')
  return {
    scale: number('scale', 0.1),
    out: resolve(out),
    seed: number('seed', DEFAULT_SEED),
    dataDir: resolve(values.get('data') ?? resolve(repoRoot, '../shared/data')),
    gzipLevel: number('gzip-level', 1)
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2))
  if (args.out.startsWith(`${repoRoot}/`)) throw new Error('write synthetic archives outside the repository')
  const started = performance.now()
  console.log(`scale ${args.scale}, seed ${args.seed}, gzip level ${args.gzipLevel} → ${args.out}`)
  const report = await generateSyntheticArchive({
    outDir: args.out,
    scale: args.scale,
    seed: args.seed,
    dataDir: args.dataDir,
    gzipLevel: args.gzipLevel,
    onFileWritten: (file) =>
      console.log(
        `${file.name}: ${file.records.toLocaleString('en')} records, JSON ${megabytes(file.jsonBytes)}, ` +
          `gzip ${megabytes(file.gzipBytes)}, ${file.seconds.toFixed(1)} s`
      )
  })
  console.log(JSON.stringify(report.counts))
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
