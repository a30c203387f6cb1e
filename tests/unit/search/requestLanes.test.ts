import { describe, expect, it } from 'vitest'
import { RequestLanes, SupersededRequest } from '../../../src/renderer/search/requestLanes'

/** A worker stand-in that answers only when told, so the test decides the order. */
function controlledWorker() {
  const sent: { request: string; answer: (value: string) => void }[] = []
  const lanes = new RequestLanes<string>(
    (request) => new Promise<string>((resolve) => sent.push({ request, answer: resolve }))
  )
  return { sent, lanes }
}

const settled = async <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error })
  )

describe('RequestLanes', () => {
  it('sends the first request at once and holds later ones until it is answered', async () => {
    const { sent, lanes } = controlledWorker()
    const first = lanes.ask<string>('box', 'qu')
    const last = lanes.ask<string>('box', 'qua')
    expect(sent.map((s) => s.request)).toEqual(['qu'])
    sent[0].answer('answer to qu')
    expect(await first).toBe('answer to qu')
    await Promise.resolve()
    expect(sent.map((s) => s.request)).toEqual(['qu', 'qua'])
    sent[1].answer('answer to qua')
    expect(await last).toBe('answer to qua')
  })

  it('drops a waiting request when a newer one comes: only the newest is sent', async () => {
    const { sent, lanes } = controlledWorker()
    void lanes.ask('box', 'qu')
    const dropped = settled(lanes.ask('box', 'qua'))
    const alsoDropped = settled(lanes.ask('box', 'qual'))
    const newest = lanes.ask<string>('box', 'quali')
    expect((await dropped) as { error: unknown }).toEqual({ error: expect.any(SupersededRequest) })
    expect((await alsoDropped) as { error: unknown }).toEqual({ error: expect.any(SupersededRequest) })
    sent[0].answer('answer to qu')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(sent.map((s) => s.request)).toEqual(['qu', 'quali'])
    sent[1].answer('answer to quali')
    expect(await newest).toBe('answer to quali')
  })

  it('keeps lanes apart, and an idle lane sends at once again', async () => {
    const { sent, lanes } = controlledWorker()
    const papers = lanes.ask<string>('papers', 'a')
    const entities = lanes.ask<string>('entities', 'a')
    expect(sent.map((s) => s.request)).toEqual(['a', 'a'])
    sent[0].answer('papers for a')
    sent[1].answer('entities for a')
    expect([await papers, await entities]).toEqual(['papers for a', 'entities for a'])
    await new Promise((resolve) => setTimeout(resolve, 0))
    void lanes.ask('papers', 'ab')
    expect(sent.map((s) => s.request)).toEqual(['a', 'a', 'ab'])
  })

  it('a failed request still lets the waiting one go', async () => {
    const failing = new RequestLanes<string>((request) =>
      request === 'bad' ? Promise.reject(new Error('index failed')) : Promise.resolve(`ok ${request}`)
    )
    const bad = settled(failing.ask('box', 'bad'))
    const next = failing.ask<string>('box', 'good')
    expect(((await bad) as { error: Error }).error.message).toBe('index failed')
    expect(await next).toBe('ok good')
  })
})
