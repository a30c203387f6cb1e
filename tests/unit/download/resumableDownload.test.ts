import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadArchiveFiles } from '../../../src/main/archive/downloadArchiveFiles'
import type { DownloadProgress } from '../../../src/shared/api'
import { startRangeFileServer, type RangeFileServer } from '../../support/rangeFileServer'

const dataDir = path.resolve(__dirname, '../../../../shared/data')
const NAME = 'pwc-dump-2022-06_methods.json.gz'

describe('archive download with resume (Node cache)', () => {
  let server: RangeFileServer
  beforeAll(async () => {
    server = await startRangeFileServer(dataDir)
  })
  afterAll(() => server.close())

  const download = (cacheDir: string, events: DownloadProgress[] = []) =>
    downloadArchiveFiles({ baseUrl: server.baseUrl, names: [NAME] }, cacheDir, {
      signal: new AbortController().signal,
      onProgress: (p) => events.push(p)
    })

  it('downloads, resumes an interrupted transfer with Range, and skips an unchanged file', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'pwc-cache-'))
    const original = readFileSync(path.join(dataDir, NAME))

    server.cutNextResponseAfter(200_000)
    await expect(download(cacheDir)).rejects.toThrow(
      /size check failed|terminated|other side closed|aborted/i
    )
    const partial = statSync(path.join(cacheDir, `${NAME}.part`)).size
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(original.length)

    const events: DownloadProgress[] = []
    const [file] = await download(cacheDir, events)
    expect(events.some((e) => e.state === 'resumed')).toBe(true)
    expect(server.requests.at(-1)?.range).toBe(`bytes=${partial}-`)
    expect(file.size).toBe(original.length)
    expect(readFileSync(file.path).equals(original)).toBe(true)
    expect(existsSync(path.join(cacheDir, `${NAME}.part`))).toBe(false)

    const before = server.requests.length
    const again: DownloadProgress[] = []
    await download(cacheDir, again)
    expect(again.map((e) => e.state)).toEqual(['cached'])
    expect(server.requests.slice(before).map((r) => r.method)).toEqual(['HEAD'])
  })

  it('reports a missing file as an error naming it', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'pwc-cache-'))
    const events: DownloadProgress[] = []
    await expect(
      downloadArchiveFiles({ baseUrl: server.baseUrl, names: ['jul-29-nothing.json.gz'] }, cacheDir, {
        signal: new AbortController().signal,
        onProgress: (p) => events.push(p)
      })
    ).rejects.toThrow(/HTTP 404/)
    expect(events.at(-1)).toMatchObject({ name: 'jul-29-nothing.json.gz', state: 'error' })
  })
})
