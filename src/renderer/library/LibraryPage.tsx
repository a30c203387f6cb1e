import type { ReactNode } from 'react'
import { Loading } from '../components/Loading'
import { EmptyState, PageHeader } from '../components/Page'
import { BackupPanel } from './BackupPanel'
import { ExportButtons } from './ExportButtons'
import { FollowedBenchmarks } from './FollowedBenchmarks'
import { LibraryEntries } from './LibraryEntries'
import { ListManager } from './ListManager'
import { UndoNotice, useUndo } from './UndoNotice'
import { useLibrary } from './useLibrary'

/** `/lists`: the user's library — lists, every saved paper, exports, backups, followed benchmarks. */
export function LibraryPage(): ReactNode {
  const data = useLibrary()
  const { offer, offerUndo, dismiss } = useUndo()
  if (data === undefined) return <Loading />
  return (
    <div className="library">
      <PageHeader title="Reading lists" kicker="Your library">
        Bookmarks, lists, reading status, notes and tags — stored only on this machine. Press <kbd>b</kbd> on
        a paper, or on a focused paper row, to save it to your reading list.
      </PageHeader>
      <UndoNotice offer={offer} dismiss={dismiss} />
      <div className="library__layout">
        <div className="library__main">
          <section aria-labelledby="library-papers">
            <div className="library__section-head">
              <h2 id="library-papers">All saved papers</h2>
              <ExportButtons lists={data.lists} entries={data.entries} title="Reading lists" />
            </div>
            <LibraryEntries
              data={data}
              offerUndo={offerUndo}
              emptyText={
                <EmptyState title="Your reading list is empty">
                  <p>
                    Press <kbd>b</kbd> on any paper, or use its bookmark button, to save it here.
                  </p>
                </EmptyState>
              }
            />
          </section>
        </div>
        <aside className="library__side">
          <ListManager data={data} offerUndo={offerUndo} />
          <FollowedBenchmarks />
          <BackupPanel />
        </aside>
      </div>
    </div>
  )
}
