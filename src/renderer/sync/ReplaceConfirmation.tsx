import type { ReactNode } from 'react'
import { cancelReplace, confirmReplace, importWithoutRemoving, type ArchiveSyncState } from './archiveSync'
import { keptText, papersBreakdownText, removedText, replacedKindsText } from './removalText'

/**
 * The preview of a replace, before anything is written (issue #13): what it removes, what it
 * keeps because the user follows or bookmarks it, and the choice to import without removing.
 */
export function ReplaceConfirmation({ sync }: { sync: ArchiveSyncState }): ReactNode {
  const confirmation = sync.confirmation
  if (sync.status !== 'confirming' || confirmation === null) return null
  const { removals } = confirmation
  const removed = removedText(removals)
  const papers = papersBreakdownText(removals)
  const kept = keptText(removals)
  return (
    <section
      className="panel panel--warning"
      aria-labelledby="replace-confirmation"
      role="alertdialog"
      data-testid="replace-confirmation"
    >
      <h2 id="replace-confirmation">Replace {replacedKindsText(removals)}?</h2>
      <p>
        “{confirmation.plan.label}” is a full copy of {replacedKindsText(removals)}.{' '}
        {removed === null ? (
          'Replacing removes nothing.'
        ) : (
          <>
            Replacing with it will remove <strong data-testid="replace-removed">{removed}</strong> that it no
            longer lists.
          </>
        )}
      </p>
      {papers && <p className="muted">{papers}</p>}
      {kept && <p data-testid="replace-kept">{kept}</p>}
      <p className="muted">
        Your reading lists, notes, saved searches and followed leaderboards are not changed.
      </p>
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={() => void confirmReplace()}>
          Remove and import
        </button>
        <button type="button" className="button button--primary" onClick={() => void importWithoutRemoving()}>
          Import without removing
        </button>
        <button type="button" className="button" onClick={cancelReplace}>
          Cancel
        </button>
      </div>
    </section>
  )
}
