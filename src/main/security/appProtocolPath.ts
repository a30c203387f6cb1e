import path from 'node:path'

/**
 * Maps an `app://pwc/<path>` request to a file under `root`, or null when the path would
 * escape it. Percent-encoded `..%2f` and backslashes are decoded before the check, which is
 * how directory traversal usually slips past string tests.
 */
export function resolveAppRequestPath(requestUrl: string, root: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const segments = pathname.replace(/\\/g, '/').split('/')
  if (segments.includes('..')) return null
  const normalizedRoot = path.resolve(root)
  const candidate = path.resolve(normalizedRoot, ...segments.filter((s) => s !== '' && s !== '.'))
  const relative = path.relative(normalizedRoot, candidate)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null
  return candidate
}
