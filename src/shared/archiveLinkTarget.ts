/**
 * Where a link found in archive data goes. Descriptions and "introduced in" papers link to
 * paperswithcode.com, which is gone; the pages the app renders itself open here instead (the
 * same mapping as a URL pasted into the search box), and everything else leaves the app.
 */
import { resolveOldSiteUrl } from './routes'

export type ArchiveLinkTarget = { kind: 'route'; path: string } | { kind: 'external'; url: string }

const OLD_SITE = 'https://paperswithcode.com/'

/**
 * Descriptions were written for the old site, so a link without a scheme (`/paper/…`, 990 of
 * them in the 2022 dumps, and a few `method/…`) meant a page there, not a file next to the app.
 * Same-page anchors and query-only links keep no meaning once the text is on another page.
 */
function absoluteOnOldSite(href: string): string | null {
  if (href === '' || href.startsWith('#') || href.startsWith('?')) return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href
  try {
    return new URL(href, OLD_SITE).href
  } catch {
    return null
  }
}

export function archiveLinkTarget(href: string): ArchiveLinkTarget {
  const trimmed = href.trim()
  const absolute = absoluteOnOldSite(trimmed)
  if (absolute === null) return { kind: 'external', url: trimmed }
  const resolved = resolveOldSiteUrl(absolute)
  return resolved.kind === 'route' ? resolved : { kind: 'external', url: absolute }
}
