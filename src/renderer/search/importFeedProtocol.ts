/**
 * The channel from the sync worker to the search worker during an import (a `MessagePort` pair
 * the UI thread creates and hands to both): the searchable projection of every paper the sync
 * writes, the ids it deletes, and how the sync ended. One JSON string per written chunk crosses
 * the channel (a flat copy, where a thousand cloned objects would cost both threads more), and
 * the search worker acknowledges each batch, so that at most `FEED_WINDOW` wait in between.
 */
import type { SearchablePaper } from '../../shared/search/searchDocuments'

export type ImportFeedMessage =
  /** What the tables held when the sync began (see `SyncStart`). */
  | {
      type: 'begin'
      unfinishedSyncBefore: boolean
      papersBefore: number
      taskNamesBefore: [string, string][]
    }
  /** `papers`: `SearchablePaper[]` as JSON; their code facts come at the end (links follow papers). */
  | { type: 'papers'; batch: number; papers: string }
  | { type: 'removed'; batch: number; ids: string[] }
  /**
   * `taskNames`: the name each task id the documents carry was given (id → name): the search
   * worker checks them against the tasks table the sync left.
   */
  | { type: 'end'; completed: boolean; taskNames: [string, string][] }

export type ImportFeedReply = { type: 'applied'; batch: number }

/** Batches handed over and not yet applied before the sync waits (~1,000 papers each). */
export const FEED_WINDOW = 4

export function encodeFeedPapers(papers: readonly SearchablePaper[]): string {
  return JSON.stringify(papers)
}

export function decodeFeedPapers(json: string): SearchablePaper[] {
  return JSON.parse(json) as SearchablePaper[]
}

/** What the feed needs of a `MessagePort` (a port, or a test double). */
export interface FeedPort<In, Out> {
  postMessage(message: Out): void
  onmessage: ((event: MessageEvent<In>) => void) | null
  close(): void
}
