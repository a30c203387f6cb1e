/**
 * The sync's end of the import feed: documents in the read-back's projection, and a bounded
 * number of batches between the two workers (the sync waits rather than the search worker's
 * queue growing with the import).
 */
import { describe, expect, it } from 'vitest'
import type { PaperRecord } from '../../../src/shared/archive/entities'
import {
  decodeFeedPapers,
  FEED_WINDOW,
  type FeedPort,
  type ImportFeedMessage,
  type ImportFeedReply
} from '../../../src/renderer/search/importFeedProtocol'
import { toSearchablePaper } from '../../../src/renderer/search/searchableRecords'
import { SearchFeed } from '../../../src/renderer/sync/searchFeed'

const PAPER: PaperRecord = {
  id: 'optimization-by-simulated-annealing',
  arxivId: null,
  title: 'Optimization by Simulated Annealing',
  titleKey: null,
  abstract: 'There is a deep and useful connection between statistical mechanics and optimization.',
  authors: ['S. Kirkpatrick', 'C. D. Gelatt', 'M. P. Vecchi'],
  taskIds: ['combinatorial-optimization', 'an-unnamed-task'],
  date: '1983-05-13',
  proceeding: null,
  conference: null,
  urlAbs: null,
  urlPdf: null,
  methodIds: [],
  isStub: false
}

class RecordingPort implements FeedPort<ImportFeedReply, ImportFeedMessage> {
  readonly sent: ImportFeedMessage[] = []
  onmessage: ((event: MessageEvent<ImportFeedReply>) => void) | null = null
  closed = false
  postMessage(message: ImportFeedMessage): void {
    this.sent.push(message)
  }
  close(): void {
    this.closed = true
  }
  apply(batch: number): void {
    this.onmessage?.({ data: { type: 'applied', batch } } as MessageEvent<ImportFeedReply>)
  }
}

const taskName = (id: string): string | undefined =>
  id === 'combinatorial-optimization' ? 'Combinatorial Optimization' : undefined

describe('the search feed of a sync', () => {
  it('hands over the documents a read-back would index, and the task names it gave them', () => {
    const port = new RecordingPort()
    const feed = new SearchFeed(port)
    feed.begin({
      taskName,
      unfinishedSyncBefore: false,
      papersBefore: 3,
      taskNamesBefore: new Map([['t', 'T']])
    })
    feed.written([PAPER])
    feed.deleted(['a-removed-paper'])
    feed.end(true)
    const [begin, papers, removed, end] = port.sent
    expect(begin).toEqual({
      type: 'begin',
      unfinishedSyncBefore: false,
      papersBefore: 3,
      taskNamesBefore: [['t', 'T']]
    })
    expect(papers.type === 'papers' && decodeFeedPapers(papers.papers)).toEqual([
      toSearchablePaper(PAPER, taskName)
    ])
    expect(removed).toEqual({ type: 'removed', batch: 2, ids: ['a-removed-paper'] })
    expect(end).toEqual({
      type: 'end',
      completed: true,
      taskNames: [
        ['combinatorial-optimization', 'Combinatorial Optimization'],
        ['an-unnamed-task', 'an-unnamed-task']
      ]
    })
    expect(port.closed).toBe(true)
  })

  it('holds the sync back once too many batches wait, and lets it go when they are applied', async () => {
    const port = new RecordingPort()
    const feed = new SearchFeed(port)
    feed.begin({ taskName, unfinishedSyncBefore: false, papersBefore: 0, taskNamesBefore: new Map() })
    for (let i = 0; i < FEED_WINDOW; i += 1) feed.written([PAPER])
    await feed.caughtUp()
    feed.written([PAPER])
    let released = false
    const waiting = feed.caughtUp().then(() => {
      released = true
    })
    await Promise.resolve()
    expect(released).toBe(false)
    port.apply(1)
    await waiting
    expect(released).toBe(true)
  })

  it('ends a feed that never began as one the search worker can ignore', () => {
    const port = new RecordingPort()
    new SearchFeed(port).end(true)
    expect(port.sent).toEqual([{ type: 'end', completed: false, taskNames: [] }])
  })
})
