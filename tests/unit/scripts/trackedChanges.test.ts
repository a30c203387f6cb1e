import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { filesChangedBetween, readTrackedChanges } from '../../../scripts/trackedChanges'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tracked-changes-'))
  dirs.push(dir)
  return dir
}

/** A checkout holding a committed screenshot and README, as the repository has them. */
function checkout(): string {
  const repo = tempDir()
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' })
  git('init', '-q')
  writeFileSync(path.join(repo, 'README.md'), '# Papers With Code 2\n')
  writeFileSync(path.join(repo, 'leaderboard-light.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1]))
  writeFileSync(path.join(repo, '.gitignore'), 'test-results\n')
  git('add', '.')
  git('-c', 'user.name=test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'initial')
  return repo
}

describe('tracked files a run changed', () => {
  it('names a tracked file the run rewrote, not untracked or ignored output', () => {
    const repo = checkout()
    const before = readTrackedChanges(repo)
    expect(before).toEqual(new Map())
    writeFileSync(path.join(repo, 'leaderboard-light.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 2]))
    writeFileSync(path.join(repo, 'new-output.txt'), 'untracked')
    rmSync(path.join(repo, 'README.md'))
    const after = readTrackedChanges(repo)
    expect(before && after && filesChangedBetween(before, after)).toEqual([
      'README.md',
      'leaderboard-light.png'
    ])
  })

  it('ignores edits made before the run, unless the run changed them again', () => {
    const repo = checkout()
    writeFileSync(path.join(repo, 'README.md'), '# Local edit\n')
    writeFileSync(path.join(repo, 'leaderboard-light.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 3]))
    const before = readTrackedChanges(repo)
    writeFileSync(path.join(repo, 'leaderboard-light.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 4]))
    const after = readTrackedChanges(repo)
    expect(before && after && filesChangedBetween(before, after)).toEqual(['leaderboard-light.png'])
  })

  it('counts a local edit the run reverted', () => {
    const repo = checkout()
    writeFileSync(path.join(repo, 'README.md'), '# Local edit\n')
    const before = readTrackedChanges(repo)
    writeFileSync(path.join(repo, 'README.md'), '# Papers With Code 2\n')
    const after = readTrackedChanges(repo)
    expect(before && after && filesChangedBetween(before, after)).toEqual(['README.md'])
  })

  it('reads nothing outside a git checkout', () => {
    expect(readTrackedChanges(tempDir())).toBeNull()
  })
})
