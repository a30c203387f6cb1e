/**
 * Serves browser mode: the built renderer with a single-page fallback, the bundled sample
 * under /resources/, and the production CSP. Used by `npm run web`, by `npm start` when no
 * Electron runtime exists, and by the browser end-to-end tests.
 */
import { createReadStream, promises as fs } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { contentSecurityPolicy } from '../src/shared/security/contentSecurityPolicy'
import { resolveAppRequestPath } from '../src/main/security/appProtocolPath'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
  '.md': 'text/markdown; charset=utf-8'
}

export interface WebServerOptions {
  rendererDir: string
  resourcesDir: string
  port: number
  host?: string
}

async function fileSize(file: string): Promise<number | null> {
  try {
    const stat = await fs.stat(file)
    return stat.isFile() ? stat.size : null
  } catch {
    return null
  }
}

export function startWebServer(options: WebServerOptions): Promise<http.Server> {
  const csp = contentSecurityPolicy('browser')
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = `http://local${request.url ?? '/'}`
      const pathname = new URL(url).pathname
      const fromResources = pathname.startsWith('/resources/')
      const root = fromResources ? options.resourcesDir : options.rendererDir
      let file = resolveAppRequestPath(fromResources ? url.replace('/resources/', '/') : url, root)
      if (file === null) {
        response.writeHead(403).end('Forbidden')
        return
      }
      let size = await fileSize(file)
      // Client routes answer with the app shell, slugs with dots (`/paper/arxiv:1911.08265`) included.
      if (size === null && !fromResources && !pathname.startsWith('/assets/')) {
        file = path.join(options.rendererDir, 'index.html')
        size = await fileSize(file)
      }
      if (size === null) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
        return
      }
      const immutable = pathname.startsWith('/assets/')
      response.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
      })
      if (request.method === 'HEAD') response.end()
      else createReadStream(file).pipe(response)
    })()
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server))
  })
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)
if (isMain) {
  const portArg = process.argv.indexOf('--port')
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 5173)
  const repo = path.resolve(__dirname, '..')
  void startWebServer({
    rendererDir: path.join(repo, 'out/renderer'),
    resourcesDir: path.join(repo, 'resources'),
    port
  }).then((server) => {
    const address = server.address()
    const actualPort = typeof address === 'object' && address ? address.port : port
    console.log(`Browser mode: http://127.0.0.1:${actualPort}/`)
  })
}
