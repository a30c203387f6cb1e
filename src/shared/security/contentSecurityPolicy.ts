import type { HostKind } from '../api'

/**
 * The production Content-Security-Policy. Archive text is rendered as inert text or sanitized
 * Markdown; the CSP is the second wall should a rendering bug ever let markup through: no
 * inline or remote script, no plugins, no framing, no form posts.
 *
 * Browser mode also fetches archive dumps from a configurable mirror, so it may connect to any
 * http(s) origin; the desktop renderer never does (the main process downloads).
 */
export function contentSecurityPolicy(host: HostKind): string {
  const connect = host === 'browser' ? "'self' blob: https: http:" : "'self'"
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Recharts and React set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}
