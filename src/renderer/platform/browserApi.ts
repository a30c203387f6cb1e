import type { AppApi, ArchiveFileRef, DownloadProgress, MenuCommand } from '../../shared/api'
import { downloadResumable } from '../../shared/download/resumableDownload'
import { parseSampleManifest, SAMPLE_MANIFEST_PATH } from '../../shared/sampleManifest'
import { openExternalUrl } from '../../shared/security/externalLinks'
import { cachedFileUrl, createOpfsDownloadSink } from './opfsDownloadSink'

type Listener<T> = (value: T) => void

function listenerSet<T>(): { add(listener: Listener<T>): () => void; emit(value: T): void } {
  const listeners = new Set<Listener<T>>()
  return {
    add(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    emit(value) {
      for (const listener of listeners) listener(value)
    }
  }
}

/** The AppApi over plain web APIs: what runs in Chromium without Electron. */
export function createBrowserApi(): AppApi {
  const downloadProgress = listenerSet<DownloadProgress>()
  const menuCommands = listenerSet<MenuCommand>()
  let download: AbortController | null = null

  return {
    host: 'browser',
    getAppInfo: async () => ({ version: __APP_VERSION__, host: 'browser', platform: 'web' }),
    openExternal: (url) =>
      openExternalUrl(url, (allowed) => {
        window.open(allowed, '_blank', 'noopener,noreferrer')
      }),
    listBundledSample: async (): Promise<ArchiveFileRef[]> => {
      const response = await fetch(SAMPLE_MANIFEST_PATH)
      if (!response.ok) throw new Error(`The bundled sample is missing (HTTP ${response.status})`)
      const manifest = parseSampleManifest(await response.json())
      const base = SAMPLE_MANIFEST_PATH.replace(/manifest\.json$/, '')
      return manifest.files.map((file) => ({
        name: file.name,
        size: file.size,
        url: `${base}${encodeURIComponent(file.name)}`
      }))
    },
    downloadArchiveFiles: async (request) => {
      download?.abort()
      const controller = new AbortController()
      download = controller
      const base = request.baseUrl.endsWith('/') ? request.baseUrl : `${request.baseUrl}/`
      const refs: ArchiveFileRef[] = []
      try {
        for (const name of request.names) {
          try {
            await downloadResumable({
              url: new URL(encodeURIComponent(name), base).href,
              sink: await createOpfsDownloadSink(name),
              fetch: (url, init) => fetch(url, init),
              signal: controller.signal,
              onProgress: (event) => downloadProgress.emit({ name, ...event })
            })
          } catch (error) {
            downloadProgress.emit({
              name,
              bytesReceived: 0,
              bytesTotal: null,
              state: controller.signal.aborted ? 'cancelled' : 'error',
              message: error instanceof Error ? error.message : String(error)
            })
            throw error
          }
          const cached = await cachedFileUrl(name)
          refs.push({ name, url: cached.url, size: cached.size })
        }
        return refs
      } finally {
        if (download === controller) download = null
      }
    },
    cancelDownload: async () => {
      download?.abort()
    },
    onDownloadProgress: (listener) => downloadProgress.add(listener),
    saveFile: async (request) => {
      const blob = new Blob([request.data as BlobPart], { type: request.mimeType })
      const url = URL.createObjectURL(blob)
      const anchor = document.createElement('a')
      anchor.href = url
      anchor.download = request.suggestedName
      anchor.click()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      return true
    },
    onMenuCommand: (listener) => menuCommands.add(listener)
  }
}
