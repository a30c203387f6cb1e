/**
 * The only gate between archive text and the operating system's URL handlers.
 *
 * Archive records are user-submitted (the 2025 dumps contain spam and injection-looking
 * names), so a link in a description can be `javascript:`, `file:`, a UNC path that leaks
 * NTLM credentials on Windows, or a `data:` page. Only plain web links leave the app.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:'])

/** Why a URL was refused, for logs and tests. */
export type ExternalLinkVerdict = { allowed: true; url: string } | { allowed: false; reason: string }

/** Decides whether `value` may be handed to the system browser, and in what canonical form. */
export function checkExternalUrl(value: unknown): ExternalLinkVerdict {
  if (typeof value !== 'string') return { allowed: false, reason: 'not a string' }
  const trimmed = value.trim()
  if (trimmed.length === 0 || trimmed.length > 4096) return { allowed: false, reason: 'empty or too long' }
  // `\\server\share` and `//server/share` reach SMB on Windows before any URL parsing we control.
  if (/^[\\/]{2}/.test(trimmed)) return { allowed: false, reason: 'UNC or protocol-relative path' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { allowed: false, reason: 'not an absolute URL' }
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return { allowed: false, reason: `protocol ${url.protocol}` }
  // Credentials in a link are a phishing trick (`https://paperswithcode.com@evil.example`).
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'credentials in URL' }
  if (url.hostname === '') return { allowed: false, reason: 'no host' }
  return { allowed: true, url: url.href }
}

/**
 * Opens `value` with `open` if the policy allows it. The effect is injected so the policy
 * is testable without a shell and shared by the Electron and browser hosts.
 */
export async function openExternalUrl(
  value: unknown,
  open: (url: string) => Promise<void> | void
): Promise<boolean> {
  const verdict = checkExternalUrl(value)
  if (!verdict.allowed) return false
  await open(verdict.url)
  return true
}
