import path from 'node:path'
import type { DownloadProgress, DownloadRequest } from '../../shared/api'
import { downloadResumable } from '../../shared/download/resumableDownload'
import { createFileDownloadSink } from './fileDownloadSink'

export interface CachedArchiveFile {
  name: string
  path: string
  size: number
}

/** Downloads each requested file into `cacheDir`, one after another, reporting progress. */
export async function downloadArchiveFiles(
  request: DownloadRequest,
  cacheDir: string,
  options: { signal: AbortSignal; onProgress: (progress: DownloadProgress) => void }
): Promise<CachedArchiveFile[]> {
  const base = request.baseUrl.endsWith('/') ? request.baseUrl : `${request.baseUrl}/`
  const files: CachedArchiveFile[] = []
  for (const name of request.names) {
    try {
      const outcome = await downloadResumable({
        url: new URL(encodeURIComponent(name), base).href,
        sink: createFileDownloadSink(cacheDir, name),
        fetch: (url, init) => fetch(url, init),
        signal: options.signal,
        onProgress: (event) => options.onProgress({ name, ...event })
      })
      files.push({ name, path: path.join(cacheDir, name), size: outcome.bytes })
    } catch (error) {
      const cancelled = options.signal.aborted
      options.onProgress({
        name,
        bytesReceived: 0,
        bytesTotal: null,
        state: cancelled ? 'cancelled' : 'error',
        message: error instanceof Error ? error.message : String(error)
      })
      throw error
    }
  }
  return files
}
