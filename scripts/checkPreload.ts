/**
 * A sandboxed preload is loaded as one CommonJS script whose `require` knows only a few
 * Electron modules: an ES module, a split chunk or a bundled-away npm import breaks the
 * bridge silently at runtime. This check fails the build instead.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export function preloadProblems(source: string): string[] {
  const problems: string[] = []
  if (/^\s*import\s[^(]/m.test(source) || /^\s*export\s/m.test(source))
    problems.push('contains ES module syntax')
  for (const match of source.matchAll(/require\(\s*(['"`])([^'"`]+)\1\s*\)/g)) {
    if (match[2] !== 'electron') problems.push(`requires "${match[2]}"`)
  }
  if (/require\(\s*[^'"`\s)]/.test(source)) problems.push('has a dynamic require')
  if (!/require\(\s*["']electron["']\s*\)/.test(source)) problems.push('does not require electron')
  return problems
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)
if (isMain) {
  const file = path.resolve(__dirname, '../out/preload/index.js')
  const problems = preloadProblems(readFileSync(file, 'utf8'))
  if (problems.length > 0) {
    console.error(
      `out/preload/index.js is not a single CommonJS file requiring only electron: ${problems.join('; ')}`
    )
    process.exit(1)
  }
  console.log('out/preload/index.js: one CommonJS file, requires only electron')
}
