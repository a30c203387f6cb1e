/** The synthetic archives the benchmarks read: `.bench/archive-<scale>`, generated when missing. */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { generateSyntheticArchive } from '../../src/main/archive/syntheticArchive'

export const repoRoot = path.resolve(__dirname, '../..')
export const benchDir = path.join(repoRoot, '.bench')

/** The archive's folder, with its five `.json.gz` dumps (a symlink to pre-generated ones works). */
export async function ensureSyntheticArchive(scale: number): Promise<string> {
  const dir = path.join(benchDir, `archive-${scale}`)
  const complete = existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.json.gz')).length === 5
  if (!complete) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const started = Date.now()
    await generateSyntheticArchive({ outDir: dir, scale, dataDir: path.resolve(repoRoot, '../shared/data') })
    console.log(`generated scale ${scale} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  return dir
}

export function archiveFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .map((f) => path.join(dir, f))
}

/** Builds the app once if `out/renderer` is missing (`npm run bench:*` build it first). */
export function rendererDir(): string {
  return path.join(repoRoot, 'out/renderer')
}
