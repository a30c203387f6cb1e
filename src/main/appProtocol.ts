import { net, protocol } from 'electron'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { contentSecurityPolicy } from '../shared/security/contentSecurityPolicy'
import { APP_SCHEME } from './security/ipcSender'
import { resolveAppRequestPath } from './security/appProtocolPath'

/**
 * Must run before `app.whenReady()`. `standard` gives the scheme an origin, so IndexedDB and
 * localStorage work; `secure` makes it a secure context (navigator.storage, crypto.subtle);
 * `stream` lets the sync worker read big cached dumps as they come.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true }
    }
  ])
}

export interface AppProtocolRoots {
  /** Built renderer (`out/renderer`). */
  renderer: string
  /** Shipped resources (the sample archive). */
  resources: string
  /** Downloaded archive files. */
  cache: string
}

/** Serves the UI, the bundled sample and the download cache under `app://pwc/`. */
export function handleAppScheme(roots: AppProtocolRoots): void {
  const csp = contentSecurityPolicy('electron')
  protocol.handle(APP_SCHEME, async (request) => {
    const pathname = new URL(request.url).pathname
    const [root, url] = pathname.startsWith('/resources/')
      ? [roots.resources, request.url.replace('/resources/', '/')]
      : pathname.startsWith('/cache/')
        ? [roots.cache, request.url.replace('/cache/', '/')]
        : [roots.renderer, request.url]
    let file = resolveAppRequestPath(url, root)
    if (file === null) return new Response('Forbidden', { status: 403 })
    // Client-side routes (/paper/<slug>) have no file: the SPA shell answers them.
    if (root === roots.renderer && (!existsSync(file) || path.extname(file) === '')) {
      file = path.join(roots.renderer, 'index.html')
    }
    if (!existsSync(file)) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', csp)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}
