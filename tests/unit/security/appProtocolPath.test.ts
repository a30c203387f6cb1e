import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppRequestPath } from '../../../src/main/security/appProtocolPath'

const root = path.resolve('/srv/app/renderer')

describe('app:// path guard', () => {
  it('maps paths under the root', () => {
    expect(resolveAppRequestPath('app://pwc/assets/index.js', root)).toBe(path.join(root, 'assets/index.js'))
    expect(resolveAppRequestPath('app://pwc/', root)).toBe(root)
  })

  it.each([
    'app://pwc/../../etc/passwd',
    'app://pwc/%2e%2e/%2e%2e/etc/passwd',
    'app://pwc/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://pwc/assets/..%5c..%5c..%5cwindows%5cwin.ini',
    'app://pwc/a%00.js',
    'app://pwc/%E0%A4%A'
  ])('never resolves outside the root: %s', (url) => {
    // The URL parser itself clamps plain `..` segments to the root; encoded ones reach us.
    const resolved = resolveAppRequestPath(url, root)
    if (resolved !== null) expect(path.relative(root, resolved).startsWith('..')).toBe(false)
  })

  it('refuses encoded traversal outright rather than clamping it', () => {
    expect(resolveAppRequestPath('app://pwc/..%2f..%2fetc%2fpasswd', root)).toBeNull()
  })
})
