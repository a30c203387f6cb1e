import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  parseAllowlist,
  unexplainedFindings,
  type AllowedFinding,
  type Finding
} from '../../../scripts/electronegativityFindings'

const openExternal = (line: number): Finding => ({
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main/window/mainWindow.ts',
  line,
  severity: 'MEDIUM',
  description: 'Review the use of openExternal'
})
const allowed: AllowedFinding = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main/window/mainWindow.ts',
  occurrences: 2,
  reason: 'Both calls go through the external-link policy (http(s) only).'
}

describe('electronegativity findings against the allowlist', () => {
  it('passes when every medium or high finding is explained as often as it occurs', () => {
    expect(unexplainedFindings([openExternal(56), openExternal(62)], [allowed])).toEqual([])
  })

  it('ignores low and informational findings', () => {
    const low: Finding = { ...openExternal(1), check: 'SOMETHING_LOW', severity: 'LOW' }
    const info: Finding = { ...openExternal(2), check: 'SOMETHING_INFO', severity: 'INFORMATIONAL' }
    expect(unexplainedFindings([openExternal(56), openExternal(62), low, info], [allowed])).toEqual([])
  })

  it('fails on a finding nobody explained, with where it is', () => {
    const high: Finding = {
      check: 'NODE_INTEGRATION_JS_CHECK',
      file: 'main/window/mainWindow.ts',
      line: 30,
      severity: 'HIGH',
      description: 'Disable nodeIntegration'
    }
    expect(unexplainedFindings([openExternal(56), openExternal(62), high], [allowed])).toEqual([
      'HIGH NODE_INTEGRATION_JS_CHECK in main/window/mainWindow.ts:30: Disable nodeIntegration'
    ])
  })

  it('fails when a file gains another call of an allowlisted kind', () => {
    expect(unexplainedFindings([openExternal(56), openExternal(62), openExternal(70)], [allowed])).toEqual([
      'OPEN_EXTERNAL_JS_CHECK in main/window/mainWindow.ts: found 3 times, the allowlist explains 2'
    ])
  })

  it('fails on entries nothing needs any more, and on entries without a reason', () => {
    expect(unexplainedFindings([], [{ ...allowed, reason: 'fine' }])).toEqual([
      'OPEN_EXTERNAL_JS_CHECK in main/window/mainWindow.ts: the allowlist gives no real reason',
      'OPEN_EXTERNAL_JS_CHECK in main/window/mainWindow.ts: allowlisted but no longer found; remove the entry'
    ])
  })

  it('reads the committed allowlist, every entry with a reason', () => {
    const entries = parseAllowlist(
      JSON.parse(readFileSync('scripts/electronegativity-allowlist.json', 'utf8'))
    )
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.length).toBeLessThanOrEqual(6)
    expect(() => parseAllowlist([{ check: 'X', file: 'y' }])).toThrow(
      /needs check, file, occurrences and reason/
    )
    expect(() => parseAllowlist({})).toThrow(/not a JSON array/)
  })
})
