/**
 * The `app://` scheme as the main process registers and serves it, against a recording stand-in
 * for Electron: privileges, the path guard on real requests, and the headers every page gets.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy } from '../../../src/shared/security/contentSecurityPolicy'
import { fakeElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)

const { handleAppScheme, registerAppScheme } = await import('../../../src/main/appProtocol')

const base = mkdtempSync(path.join(tmpdir(), 'app-protocol-'))
const roots = {
  renderer: path.join(base, 'renderer'),
  resources: path.join(base, 'resources'),
  cache: path.join(base, 'cache')
}
for (const dir of Object.values(roots)) mkdirSync(dir)
writeFileSync(path.join(roots.renderer, 'index.html'), '<!doctype html><title>app</title>')
writeFileSync(path.join(base, 'secret.txt'), 'outside every root')
writeFileSync(path.join(roots.cache, 'jul-28-methods.json.gz'), 'cached dump')
afterAll(() => rmSync(base, { recursive: true, force: true }))

handleAppScheme(roots)
const serve = fakeElectron.protocol.handle.mock.calls[0][1] as (request: Request) => Promise<Response>
const get = (url: string): Promise<Response> => serve(new Request(url))

describe('the app:// scheme', () => {
  it('is registered standard and secure, so IndexedDB and navigator.storage work there', () => {
    registerAppScheme()
    const [[schemes]] = fakeElectron.protocol.registerSchemesAsPrivileged.mock.calls as unknown as [
      [{ scheme: string; privileges: Record<string, boolean> }[]]
    ]
    expect(schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true })
      })
    ])
    // Not a way around the CSP (checklist 7).
    expect(schemes[0].privileges.bypassCSP).not.toBe(true)
  })

  it('serves every page with the strict CSP and nosniff (checklist 7)', async () => {
    const response = await get('app://pwc/paper/electra')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>app</title>')
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy('electron'))
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('serves the download cache under /cache/', async () => {
    expect(await (await get('app://pwc/cache/jul-28-methods.json.gz')).text()).toBe('cached dump')
  })

  it.each([
    'app://pwc/..%2fsecret.txt',
    'app://pwc/resources/..%2f..%2fsecret.txt',
    'app://pwc/cache/..%5c..%5csecret.txt',
    'app://pwc/cache/%2e%2e%2fsecret.txt'
  ])('refuses traversal out of its roots: %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('outside every root')
  })
})
