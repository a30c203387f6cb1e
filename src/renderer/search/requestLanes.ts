/** Why a request in a lane was dropped: a newer one took its place before it was sent. */
export class SupersededRequest extends Error {
  constructor() {
    super('a newer request replaced this one')
  }
}

interface Waiting<R> {
  request: R
  resolve: (value: never) => void
  reject: (error: Error) => void
}

/**
 * Requests of which only the newest matters (search as you type asks once per key press, and
 * the worker answers in order: at full scale the last letter's answer waited behind every
 * earlier prefix's). Each lane keeps one request sent and at most one waiting; a newer request
 * replaces the waiting one, which rejects with SupersededRequest.
 */
export class RequestLanes<R> {
  /** Lanes with a request sent; one not in the map is idle. */
  private readonly busy = new Map<string, { waiting: Waiting<R> | null }>()

  constructor(private readonly send: (request: R) => Promise<unknown>) {}

  ask<T>(lane: string, request: R): Promise<T> {
    const busy = this.busy.get(lane)
    if (!busy) {
      this.busy.set(lane, { waiting: null })
      return (this.send(request) as Promise<T>).finally(() => this.sendWaiting(lane))
    }
    busy.waiting?.reject(new SupersededRequest())
    return new Promise<T>((resolve, reject) => {
      busy.waiting = { request, resolve: resolve as (value: never) => void, reject }
    })
  }

  private sendWaiting(lane: string): void {
    const state = this.busy.get(lane)
    const waiting = state?.waiting
    if (!state || !waiting) {
      this.busy.delete(lane)
      return
    }
    state.waiting = null
    this.send(waiting.request)
      .then(waiting.resolve as (value: unknown) => void, waiting.reject)
      .finally(() => this.sendWaiting(lane))
  }
}
