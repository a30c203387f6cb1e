import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../src/shared/security/contentSecurityPolicy'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values]
    })
  )
}

describe('content security policy (checklist 7)', () => {
  it.each(['electron', 'browser'] as const)('allows only the app’s own scripts in %s mode', (host) => {
    const policy = directives(contentSecurityPolicy(host))
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-eval'")
      expect(values).not.toContain('*')
    }
  })

  it('lets only browser mode fetch dumps from a mirror; the desktop renderer connects nowhere', () => {
    expect(directives(contentSecurityPolicy('electron')).get('connect-src')).toEqual(["'self'"])
    expect(directives(contentSecurityPolicy('browser')).get('connect-src')).toContain('https:')
  })
})
