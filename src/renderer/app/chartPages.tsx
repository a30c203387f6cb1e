import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react'
import { Loading } from '../components/Loading'

/**
 * The two pages that draw charts, loaded apart: Recharts and what it brings (d3, Redux) are
 * ~1.3 MB of the renderer's source, and every start parsed them before the first page showed.
 * Their code is fetched once the first page is up (`prefetchChartPages`), so a later visit
 * renders at once instead of suspending for a frame.
 */
function lazyPage(load: () => Promise<ComponentType>): { Page: ComponentType; prefetch: () => void } {
  let loaded: ComponentType | null = null
  const settle = (): Promise<ComponentType> =>
    load().then((component) => {
      loaded = component
      return component
    })
  const Lazy = lazy(async () => ({ default: await settle() }))
  function ChartPage(): ReactNode {
    // Chosen once per mount: switching from the lazy wrapper to the loaded page would remount it.
    const [Page] = useState<ComponentType>(() => loaded ?? Lazy)
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    )
  }
  return { Page: ChartPage, prefetch: () => void settle() }
}

const leaderboard = lazyPage(() =>
  import('../pages/leaderboard/LeaderboardPage').then((m) => m.LeaderboardPage)
)
const compare = lazyPage(() => import('../pages/compare/ComparePage').then((m) => m.ComparePage))

export const LeaderboardPage = leaderboard.Page
export const ComparePage = compare.Page

/** Fetches the chart pages' code when the browser is idle after start-up. */
export function prefetchChartPages(): void {
  const fetchAll = (): void => {
    leaderboard.prefetch()
    compare.prefetch()
  }
  if ('requestIdleCallback' in window) requestIdleCallback(fetchAll, { timeout: 2_000 })
  else setTimeout(fetchAll, 500)
}
