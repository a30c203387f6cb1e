import { useSyncExternalStore } from 'react'
import type { DownloadProgress } from '../../shared/api'
import type { ArchiveSyncProgress, ArchiveSyncResult } from '../../shared/archive/syncProgress'
import { appDatabase } from '../data/appDatabase'
import { appApi } from '../platform/appApi'
import { refreshSearchIndex } from '../search/searchClient'
import { readPendingSync, writePendingSync, type PendingSync, type PlannedFile } from './pendingSync'
import type { SyncFileSpec, SyncWorkerEvent, SyncWorkerRequest } from './syncWorkerProtocol'

/** The default remote: the preserved final dumps of paperswithcode.com. */
export const DEFAULT_ARCHIVE_BASE_URL = 'https://huggingface.co/datasets/pwc-archive/files/resolve/main/'

export const FULL_ARCHIVE_FILES = [
  'jul-28-evaluation-tables.json.gz',
  'jul-28-methods.json.gz',
  'jul-28-datasets.json.gz',
  'jul-28-links-between-papers-and-code.json.gz',
  'jul-29-papers-with-abstracts.json.gz'
]

export interface ArchiveSyncState {
  /** `interrupted`: an earlier sync did not finish; `pending` says what it was. */
  status: 'starting' | 'idle' | 'downloading' | 'running' | 'interrupted'
  label: string | null
  progress: ArchiveSyncProgress | null
  downloads: Record<string, DownloadProgress>
  lastResult: ArchiveSyncResult | null
  pending: PendingSync | null
  /** A problem outside the engine's own report (a download failed, the worker broke). */
  message: string | null
}

let state: ArchiveSyncState = {
  status: 'starting',
  label: null,
  progress: null,
  downloads: {},
  lastResult: null,
  pending: null,
  message: null
}
const listeners = new Set<() => void>()

declare global {
  interface Window {
    /** Read-only view of the sync for diagnostics and `npm run bench:sync`; the app never reads it. */
    __pwcArchiveSync?: ArchiveSyncState
  }
}

/** Whether files are being fetched or imported right now (`<html data-archive-state="importing">`). */
export function isImportRunning(sync: Pick<ArchiveSyncState, 'status'>): boolean {
  return sync.status === 'running' || sync.status === 'downloading'
}

function update(patch: Partial<ArchiveSyncState>): void {
  state = { ...state, ...patch }
  window.__pwcArchiveSync = state
  const html = document.documentElement
  html.dataset.archiveState = isImportRunning(state)
    ? 'importing'
    : state.status === 'interrupted'
      ? 'interrupted'
      : state.status === 'idle'
        ? state.lastResult?.outcome === 'failed' || state.message
          ? 'error'
          : 'idle'
        : 'starting'
  for (const listener of listeners) listener()
}

export function useArchiveSync(): ArchiveSyncState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => state
  )
}

let worker: Worker | null = null

function post(request: SyncWorkerRequest): void {
  worker ??= new Worker(new URL('./syncWorker.ts', import.meta.url), { type: 'module', name: 'archive-sync' })
  worker.postMessage(request)
}

function runInWorker(files: SyncFileSpec[], plan: PendingSync): Promise<ArchiveSyncResult | null> {
  writePendingSync(plan)
  update({ status: 'running', label: plan.label, progress: null, pending: plan, message: null })
  post({ type: 'start', files })
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<SyncWorkerEvent>): void => {
      const message = event.data
      if (message.type === 'progress') {
        update({ progress: message.progress })
        return
      }
      worker?.removeEventListener('message', onMessage)
      if (message.type === 'finished') {
        // A cancelled or failed run keeps its checkpoints, but the user chose to stop or must fix the
        // input first: only a killed run is offered as "resume".
        writePendingSync(null)
        update({ status: 'idle', lastResult: message.result, pending: null, progress: null })
        if (message.result.outcome === 'completed') refreshSearchIndex()
        resolve(message.result)
      } else {
        update({ status: 'interrupted', message: `The sync stopped: ${message.message}` })
        resolve(null)
      }
    }
    worker?.addEventListener('message', onMessage)
  })
}

async function resolvePlannedFiles(files: PlannedFile[], local: File[] = []): Promise<SyncFileSpec[]> {
  const specs: SyncFileSpec[] = []
  const bundled = files.some((f) => f.origin === 'bundled') ? await appApi.listBundledSample() : []
  const downloads = files.filter(
    (f): f is Extract<PlannedFile, { origin: 'download' }> => f.origin === 'download'
  )
  if (downloads.length > 0) {
    update({ status: 'downloading', downloads: {} })
    const refs = await appApi.downloadArchiveFiles({
      baseUrl: downloads[0].baseUrl,
      names: downloads.map((d) => d.name)
    })
    for (const ref of refs) specs.push({ name: ref.name, size: ref.size, url: ref.url })
  }
  for (const file of files) {
    if (file.origin === 'bundled') {
      const ref = bundled.find((r) => r.name === file.name)
      if (!ref) throw new Error(`${file.name} is no longer in the bundled sample`)
      specs.push({ name: ref.name, size: ref.size, url: ref.url })
    } else if (file.origin === 'local') {
      const picked = local.find((f) => f.name === file.name)
      if (!picked)
        throw new Error(`Pick ${file.name} again to resume: the browser does not keep picked files`)
      specs.push({ name: picked.name, size: picked.size, file: picked })
    }
  }
  return specs
}

async function runPlan(plan: PendingSync, local: File[] = []): Promise<ArchiveSyncResult | null> {
  if (isImportRunning(state)) return null
  writePendingSync(plan)
  update({ pending: plan, label: plan.label, message: null })
  let specs: SyncFileSpec[]
  try {
    specs = await resolvePlannedFiles(plan.files, local)
  } catch (error) {
    const cancelled = Object.values(state.downloads).some((d) => d.state === 'cancelled')
    update({
      status: plan.files.some((f) => f.origin === 'download') && !cancelled ? 'interrupted' : 'idle',
      message: error instanceof Error ? error.message : String(error)
    })
    if (cancelled) writePendingSync(null)
    return null
  }
  return runInWorker(specs, plan)
}

const plan = (label: string, files: PlannedFile[]): PendingSync => ({
  label,
  files,
  startedAt: new Date().toISOString()
})

export async function syncBundledSample(): Promise<ArchiveSyncResult | null> {
  const refs = await appApi.listBundledSample()
  return runPlan(
    plan(
      'Bundled sample',
      refs.map((r) => ({ origin: 'bundled', name: r.name }))
    )
  )
}

export function syncLocalFiles(files: File[]): Promise<ArchiveSyncResult | null> {
  return runPlan(
    plan(
      files.length === 1 ? files[0].name : `${files.length} local files`,
      files.map((f) => ({ origin: 'local', name: f.name, size: f.size }))
    ),
    files
  )
}

export function syncRemoteArchive(baseUrl: string, names: string[]): Promise<ArchiveSyncResult | null> {
  return runPlan(
    plan(
      `Archive from ${new URL(baseUrl).host}`,
      names.map((name) => ({ origin: 'download', name, baseUrl }))
    )
  )
}

/** Continues an interrupted sync; picked files must be supplied again. */
export function resumeSync(local: File[] = []): Promise<ArchiveSyncResult | null> {
  const pending = state.pending ?? readPendingSync()
  if (!pending) return Promise.resolve(null)
  return runPlan(pending, local)
}

export function dismissInterruptedSync(): void {
  writePendingSync(null)
  update({ status: 'idle', pending: null, message: null })
}

export async function cancelSync(): Promise<void> {
  if (state.status === 'downloading') await appApi.cancelDownload()
  post({ type: 'cancel' })
}

appApi.onDownloadProgress((progress) =>
  update({ downloads: { ...state.downloads, [progress.name]: progress } })
)

/**
 * At start: resume what a killed run left (automatically for the bundled sample, which the app
 * needs to be useful), or import the bundled sample on a first launch.
 */
export async function startArchiveSync(): Promise<void> {
  const pending = readPendingSync()
  if (pending) {
    if (pending.files.every((f) => f.origin === 'bundled')) {
      void runPlan(pending)
    } else {
      update({ status: 'interrupted', pending, label: pending.label })
    }
    return
  }
  const archive = await appDatabase.syncMeta.get('archive')
  if (archive) {
    update({ status: 'idle' })
    return
  }
  void syncBundledSample()
}
