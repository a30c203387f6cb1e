import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { Loading } from '../components/Loading'

/**
 * The two pages that draw charts, loaded apart: Recharts and what it brings (d3, Redux) are
 * ~1.3 MB of the renderer's source, and every start parsed them before the first page showed.
 * They are fetched once the first page is up (`prefetchChartPages`), so a later visit does not wait.
 */
const loaders = {
  leaderboard: () => import('../pages/leaderboard/LeaderboardPage').then((m) => m.LeaderboardPage),
  compare: () => import('../pages/compare/ComparePage').then((m) => m.ComparePage)
}

function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }))
  return function ChartPage(): ReactNode {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    )
  }
}

export const LeaderboardPage = lazyPage(loaders.leaderboard)
export const ComparePage = lazyPage(loaders.compare)

/** Fetches the chart pages' code when the browser is idle after start-up. */
export function prefetchChartPages(): void {
  const fetchAll = (): void => {
    for (const load of Object.values(loaders)) void load()
  }
  if ('requestIdleCallback' in window) requestIdleCallback(fetchAll, { timeout: 2_000 })
  else setTimeout(fetchAll, 500)
}
