/**
 * The search worker's end of the import feed (importFeedProtocol.ts): applies what the sync
 * hands over to an `ImportIndexSession`, in the order it was sent, acknowledging each batch
 * (the sync waits when too many are unapplied), and finishes the session when the sync ends.
 */
import {
  decodeFeedPapers,
  type FeedPort,
  type ImportFeedMessage,
  type ImportFeedReply
} from './importFeedProtocol'
import type { ImportIndexSession, SessionStart } from './importIndexSession'
import type { SearchIndexUpdate } from './searchIndexStore'

export interface ImportFeedHandlers {
  /** The session, once the worker's index is loaded (or built) and nothing else runs on it. */
  open(start: SessionStart): Promise<ImportIndexSession>
  /** After each applied batch: the index answers from more papers. */
  grew(): void
  /**
   * The sync ended, and the session with it: `result` is the finished index; `rebuild` when it
   * must be built from the tables instead; `reload` when the sync stopped (what the session
   * added may not all be stored); `untouched` when no session began (the sync wrote no papers).
   * `finishMs`: how long the session's end-of-sync pass took.
   */
  ended(result: SearchIndexUpdate | 'rebuild' | 'reload' | 'untouched', finishMs: number): Promise<void>
}

/** Resolves once the feed has ended and `handlers.ended` has run. */
export function receiveImportFeed(
  port: FeedPort<ImportFeedMessage, ImportFeedReply>,
  handlers: ImportFeedHandlers
): Promise<void> {
  let session: ImportIndexSession | null = null
  // A batch that could not be applied leaves the session inexact: the end falls back.
  let broken = false
  let chain = Promise.resolve()
  return new Promise((resolve) => {
    const handle = async (message: ImportFeedMessage): Promise<void> => {
      if (message.type === 'begin') {
        session = await handlers.open({
          unfinishedSyncBefore: message.unfinishedSyncBefore,
          papersBefore: message.papersBefore,
          taskNamesBefore: new Map(message.taskNamesBefore)
        })
        return
      }
      if (message.type === 'end') {
        port.onmessage = null
        port.close()
        const started = performance.now()
        const opened = session as ImportIndexSession | null
        let result: SearchIndexUpdate | 'rebuild' | 'reload' | 'untouched' = 'untouched'
        if (opened !== null && !message.completed) result = 'reload'
        else if (opened !== null) {
          // A session that fails to finish falls back like an inexact one.
          const finished = broken ? null : await opened.finish(new Map(message.taskNames)).catch(() => null)
          result = finished ?? 'rebuild'
        }
        await handlers.ended(result, performance.now() - started).finally(resolve)
        return
      }
      try {
        if (message.type === 'papers') session?.add(decodeFeedPapers(message.papers))
        else session?.remove(message.ids)
        handlers.grew()
      } catch {
        broken = true
      } finally {
        port.postMessage({ type: 'applied', batch: message.batch })
      }
    }
    port.onmessage = (event) => {
      const message = event.data
      chain = chain
        .then(() => handle(message))
        .catch(() => {
          broken = true
        })
    }
  })
}
