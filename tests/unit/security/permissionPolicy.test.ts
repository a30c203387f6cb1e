import { describe, expect, it, vi } from 'vitest'
import {
  installPermissionPolicy,
  isPermissionGranted,
  type PermissionSession
} from '../../../src/main/security/permissionPolicy'

describe('permission policy (checklist 5)', () => {
  it('grants the app’s own pages persistent storage, so the archive and notes are not evicted', () => {
    expect(isPermissionGranted('persistent-storage', 'app://pwc/lists')).toBe(true)
    expect(isPermissionGranted('persistent-storage', 'app://pwc')).toBe(true)
  })

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fileSystem',
    'hid',
    'unknown'
  ])('denies %s even to the app', (permission) => {
    expect(isPermissionGranted(permission, 'app://pwc/')).toBe(false)
  })

  it.each([
    'https://evil.example/',
    'app://evil/',
    'file:///tmp/x.html',
    'http://localhost:5173/',
    undefined
  ])('denies everything to a page that is not the app: %s', (url) => {
    expect(isPermissionGranted('persistent-storage', url)).toBe(false)
  })

  it('answers requests and checks alike once installed', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    installPermissionPolicy(session as unknown as PermissionSession, 'http://localhost:5173')
    const [[request]] = session.setPermissionRequestHandler.mock.calls as [
      [Parameters<PermissionSession['setPermissionRequestHandler']>[0]]
    ]
    const [[check]] = session.setPermissionCheckHandler.mock.calls as [
      [Parameters<PermissionSession['setPermissionCheckHandler']>[0]]
    ]
    const callback = vi.fn()
    request(null, 'persistent-storage', callback, { requestingUrl: 'http://localhost:5173/sync' })
    request(null, 'media', callback, { requestingUrl: 'http://localhost:5173/sync' })
    expect(callback.mock.calls).toEqual([[true], [false]])
    expect(check(null, 'persistent-storage', 'app://pwc')).toBe(true)
    expect(check(null, 'notifications', 'app://pwc')).toBe(false)
  })
})
