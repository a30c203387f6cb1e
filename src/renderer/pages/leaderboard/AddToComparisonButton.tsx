import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { useArchiveQuery } from '../../components/useArchiveQuery'
import { appDatabase } from '../../data/appDatabase'
import { addToComparison, comparePath, readComparison } from '../compare/comparisonSelection'

/** Puts this leaderboard in the comparison set; once in, links to the overlay. */
export function AddToComparisonButton({ leaderboardId }: { leaderboardId: string }): ReactNode {
  const selection = useArchiveQuery((db) => readComparison(db), [])
  if (selection === undefined) return null
  const included = selection.includes(leaderboardId)
  return (
    <span className="compare-action">
      {included ? (
        <span className="button button--saved" aria-disabled="true">
          ✓ In comparison
        </span>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => void addToComparison(appDatabase, leaderboardId)}
        >
          + Add to comparison
        </button>
      )}
      {selection.length > 0 && (
        <Link className="button" to={comparePath(selection)}>
          Open comparison ({selection.length})
        </Link>
      )}
    </span>
  )
}
