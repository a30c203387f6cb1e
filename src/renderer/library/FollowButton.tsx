import type { ReactNode } from 'react'
import { useArchiveQuery } from '../components/useArchiveQuery'
import { appDatabase } from '../data/appDatabase'
import { followBoard, isFollowing, unfollowBoard } from './followedLeaderboards'

/**
 * Follows or unfollows a leaderboard. Following counts every current result as seen; the library
 * page then lists what later syncs add, and flags a new state of the art on `metric` (the
 * column the user is looking at; the board's first column when absent).
 */
export function FollowButton({
  leaderboardId,
  metric
}: {
  leaderboardId: string
  metric?: string
}): ReactNode {
  const following = useArchiveQuery((db) => isFollowing(db, leaderboardId), [leaderboardId])
  const toggle = (): void => {
    void (following
      ? unfollowBoard(appDatabase, leaderboardId)
      : followBoard(appDatabase, leaderboardId, metric))
  }
  return (
    <button
      type="button"
      className={`button ${following ? 'button--saved' : ''}`}
      aria-pressed={following ?? false}
      disabled={following === undefined}
      onClick={toggle}
    >
      {following ? '✓ Following' : 'Follow leaderboard'}
    </button>
  )
}
