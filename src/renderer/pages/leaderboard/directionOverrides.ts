/**
 * A user's choice of which way is better for a metric of one leaderboard. The inference reads
 * only the metric's name and is sometimes wrong; a chart drawn the wrong way up shows a
 * "frontier" of the worst results, so the user's correction is kept (in `settings`, user data
 * a sync never rewrites) and applied everywhere that board is ranked.
 */
import {
  resolveMetricDirection,
  type MetricDirection,
  type ResolvedMetricDirection
} from '../../../shared/sota/metricDirection'
import type { ArchiveDatabase } from '../../data/db'

/** Metric name → direction, for one leaderboard. */
export type DirectionOverrides = Record<string, MetricDirection>

export function directionSettingKey(leaderboardId: string): string {
  return `leaderboard-direction:${leaderboardId}`
}

function isDirection(value: unknown): value is MetricDirection {
  return value === 'higher-is-better' || value === 'lower-is-better'
}

/** Settings are user data and may come from an older app or a restored backup: keep what is valid. */
export function parseDirectionOverrides(value: unknown): DirectionOverrides {
  const overrides: DirectionOverrides = {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return overrides
  for (const [metric, direction] of Object.entries(value)) {
    if (isDirection(direction)) overrides[metric] = direction
  }
  return overrides
}

export async function readDirectionOverrides(
  db: ArchiveDatabase,
  leaderboardId: string
): Promise<DirectionOverrides> {
  const setting = await db.settings.get(directionSettingKey(leaderboardId))
  return parseDirectionOverrides(setting?.value)
}

/** Several boards' overrides, by board id. */
export async function readDirectionOverridesFor(
  db: ArchiveDatabase,
  leaderboardIds: readonly string[]
): Promise<Map<string, DirectionOverrides>> {
  const settings = await db.settings.bulkGet(leaderboardIds.map(directionSettingKey))
  return new Map(leaderboardIds.map((id, index) => [id, parseDirectionOverrides(settings[index]?.value)]))
}

/** Stores (or, with `null`, forgets) the direction of `metric` on one board. */
export async function setDirectionOverride(
  db: ArchiveDatabase,
  leaderboardId: string,
  metric: string,
  direction: MetricDirection | null
): Promise<void> {
  const key = directionSettingKey(leaderboardId)
  await db.transaction('rw', db.settings, async () => {
    const overrides = parseDirectionOverrides((await db.settings.get(key))?.value)
    if (direction === null) delete overrides[metric]
    else overrides[metric] = direction
    if (Object.keys(overrides).length === 0) await db.settings.delete(key)
    else await db.settings.put({ key, value: overrides })
  })
}

export function resolveBoardDirection(
  metric: string,
  overrides: DirectionOverrides
): ResolvedMetricDirection {
  return resolveMetricDirection(metric, Object.hasOwn(overrides, metric) ? overrides[metric] : null)
}
