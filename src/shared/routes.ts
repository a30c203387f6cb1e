/**
 * The app's routes mirror paperswithcode.com's paths, so an old link maps one-to-one.
 */

export const routes = {
  home: () => '/',
  papers: () => '/papers',
  paper: (slug: string) => `/paper/${encodeURIComponent(slug)}`,
  sotaHome: () => '/sota',
  task: (slug: string) => `/task/${encodeURIComponent(slug)}`,
  area: (slug: string) => `/area/${encodeURIComponent(slug)}`,
  leaderboard: (slug: string) => `/sota/${encodeURIComponent(slug)}`,
  datasets: () => '/datasets',
  dataset: (slug: string) => `/dataset/${encodeURIComponent(slug)}`,
  methods: () => '/methods',
  method: (slug: string) => `/method/${encodeURIComponent(slug)}`,
  lists: () => '/lists',
  list: (id: string) => `/lists/${encodeURIComponent(id)}`,
  search: (query: string) => `/search?q=${encodeURIComponent(query)}`,
  sync: () => '/sync',
  about: () => '/about'
} as const

/** Old-site path prefixes that have a page here, with the route that renders them. */
const OLD_SITE_PAGES: Record<string, (slug: string) => string> = {
  paper: routes.paper,
  task: routes.task,
  dataset: routes.dataset,
  method: routes.method,
  sota: routes.leaderboard,
  area: routes.area
}

const OLD_SITE_INDEXES: Record<string, string> = {
  '': routes.home(),
  sota: routes.sotaHome(),
  datasets: routes.datasets(),
  methods: routes.methods(),
  latest: routes.papers(),
  greatest: routes.papers(),
  trends: routes.papers(),
  about: routes.about()
}

export type OldUrlResolution =
  { kind: 'route'; path: string } | { kind: 'unsupported'; reason: string } | { kind: 'not-pwc' }

const PWC_HOSTS = new Set(['paperswithcode.com', 'www.paperswithcode.com'])

/** A path segment as text; a malformed escape (`%E0%A4`) stays as written rather than throwing. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * Turns a pasted paperswithcode.com URL into the app route that shows the same page offline.
 * Input that is not a PWC URL returns `not-pwc` so a search box can treat it as a query.
 */
export function resolveOldSiteUrl(input: string): OldUrlResolution {
  const text = input.trim()
  const withScheme = /^https?:\/\//i.test(text)
    ? text
    : /^(www\.)?paperswithcode\.com\b/i.test(text)
      ? `https://${text}`
      : null
  if (!withScheme) return { kind: 'not-pwc' }
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return { kind: 'not-pwc' }
  }
  if (!PWC_HOSTS.has(url.hostname.toLowerCase())) return { kind: 'not-pwc' }
  const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment)
  if (segments[0] === 'search') {
    const query = url.searchParams.get('q_meta') || url.searchParams.get('q') || ''
    return { kind: 'route', path: routes.search(query) }
  }
  if (segments.length === 0) return { kind: 'route', path: routes.home() }
  const [section, slug] = segments
  if (segments.length === 1 && section in OLD_SITE_INDEXES)
    return { kind: 'route', path: OLD_SITE_INDEXES[section] }
  const page = OLD_SITE_PAGES[section]
  if (page && slug) return { kind: 'route', path: page(slug) }
  if (section === 'author' && slug)
    return { kind: 'route', path: routes.search(`author:"${slug.replace(/-/g, ' ')}"`) }
  if (section === 'methods' && segments[1] === 'area' && segments[2]) {
    return { kind: 'route', path: `${routes.methods()}?area=${encodeURIComponent(segments[2])}` }
  }
  return {
    kind: 'unsupported',
    reason: `paperswithcode.com/${segments.join('/')} was a page of the live site (accounts, submissions or news) that the archive does not contain.`
  }
}
