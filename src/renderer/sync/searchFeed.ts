/**
 * The sync worker's end of the import feed (importFeedProtocol.ts): turns the papers the sync
 * writes into the documents the search engine indexes, with the same projection a read-back
 * uses (`toSearchablePaper`), and hands them to the search worker as the sync goes.
 */
import type { PaperRecord } from '../../shared/archive/entities'
import type { SyncPaperObserver, SyncStart } from '../data/sync/syncPaperObserver'
import {
  encodeFeedPapers,
  FEED_WINDOW,
  type FeedPort,
  type ImportFeedMessage,
  type ImportFeedReply
} from '../search/importFeedProtocol'
import { toSearchablePaper } from '../search/searchableRecords'

export class SearchFeed implements SyncPaperObserver {
  private taskName: (taskId: string) => string | undefined = () => undefined
  private readonly taskNames = new Map<string, string>()
  private sent = 0
  private applied = 0
  private waiting: (() => void) | null = null
  private began = false

  constructor(private readonly port: FeedPort<ImportFeedReply, ImportFeedMessage>) {
    port.onmessage = (event) => {
      this.applied = Math.max(this.applied, event.data.batch)
      if (this.waiting !== null && this.sent - this.applied <= FEED_WINDOW) {
        this.waiting()
        this.waiting = null
      }
    }
  }

  begin(start: SyncStart): void {
    this.began = true
    this.taskName = start.taskName
    this.port.postMessage({
      type: 'begin',
      unfinishedSyncBefore: start.unfinishedSyncBefore,
      papersBefore: start.papersBefore,
      taskNamesBefore: [...start.taskNamesBefore]
    })
  }

  written(papers: readonly PaperRecord[]): void {
    const documents = papers.map((paper) => toSearchablePaper(paper, (id) => this.nameTask(id)))
    this.port.postMessage({ type: 'papers', batch: ++this.sent, papers: encodeFeedPapers(documents) })
  }

  deleted(ids: readonly string[]): void {
    this.port.postMessage({ type: 'removed', batch: ++this.sent, ids: [...ids] })
  }

  caughtUp(): Promise<void> {
    if (this.sent - this.applied <= FEED_WINDOW) return Promise.resolve()
    return new Promise((resolve) => {
      this.waiting = resolve
    })
  }

  end(completed: boolean): void {
    // Sent even when nothing began: the search worker waits for it before its next update.
    this.port.postMessage({ type: 'end', completed: completed && this.began, taskNames: [...this.taskNames] })
    this.waiting?.()
    this.waiting = null
    this.port.onmessage = null
    this.port.close()
  }

  private nameTask(id: string): string {
    let name = this.taskNames.get(id)
    if (name === undefined) {
      name = this.taskName(id) ?? id
      this.taskNames.set(id, name)
    }
    return name
  }
}
