/**
 * Which tracked files a run changed: `npm test` must leave the checkout as it found it (screenshot
 * tests once rewrote docs/screenshots/*.png on every run). Files the user had already edited do
 * not count unless the run changed them again, so each changed file is fingerprinted by content.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Tracked files that differ from HEAD, each with its status and a hash of its content. */
export type TrackedChanges = ReadonlyMap<string, string>

function contentFingerprint(file: string): string {
  return existsSync(file) ? createHash('sha1').update(readFileSync(file)).digest('hex') : 'missing'
}

/** The checkout's tracked changes, or `null` when `repo` is not a git checkout (or git is absent). */
export function readTrackedChanges(repo: string): TrackedChanges | null {
  const status = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=no'], {
    cwd: repo,
    encoding: 'utf8'
  })
  if (status.error !== undefined || status.status !== 0) return null
  const fields = status.stdout.split('\0')
  const changes = new Map<string, string>()
  for (let i = 0; i < fields.length; i += 1) {
    const entry = fields[i]
    if (entry.length < 4) continue
    const code = entry.slice(0, 2)
    const file = entry.slice(3)
    // A rename or copy names its source in the next field.
    if (code[0] === 'R' || code[0] === 'C') i += 1
    changes.set(file, `${code} ${contentFingerprint(path.join(repo, file))}`)
  }
  return changes
}

/** Files whose state differs between the two readings: written, deleted or reverted by the run. */
export function filesChangedBetween(before: TrackedChanges, after: TrackedChanges): string[] {
  const files = new Set([...before.keys(), ...after.keys()])
  return [...files].filter((file) => before.get(file) !== after.get(file)).sort()
}
