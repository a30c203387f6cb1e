import { useSyncExternalStore } from 'react'
import type { DownloadProgress } from '../../shared/api'
import type { DumpKind } from '../../shared/archive/dumpKinds'
import { hasRemovals } from '../../shared/archive/removalPlan'
import type { RemovalCounts } from '../../shared/archive/removalPlan'
import type { ArchiveSyncProgress, ArchiveSyncResult } from '../../shared/archive/syncProgress'
import { appDatabase } from '../data/appDatabase'
import { appApi } from '../platform/appApi'
import { openSearchFeed, refreshSearchIndex } from '../search/searchClient'
import { readPendingSync, writePendingSync, type PendingSync, type PlannedFile } from './pendingSync'
import type { SyncChoices, SyncFileSpec, SyncWorkerEvent, SyncWorkerRequest } from './syncWorkerProtocol'

/** The default remote: the preserved final dumps of paperswithcode.com. */
export const DEFAULT_ARCHIVE_BASE_URL = 'https://huggingface.co/datasets/pwc-archive/files/resolve/main/'

export const FULL_ARCHIVE_FILES = [
  'jul-28-evaluation-tables.json.gz',
  'jul-28-methods.json.gz',
  'jul-28-datasets.json.gz',
  'jul-28-links-between-papers-and-code.json.gz',
  'jul-29-papers-with-abstracts.json.gz'
]

/** A replace whose preview found records to remove: nothing is written until the user says. */
export interface ReplaceConfirmation {
  plan: PendingSync
  files: SyncFileSpec[]
  removals: RemovalCounts
}

export interface ArchiveSyncState {
  /**
   * `interrupted`: an earlier sync did not finish; `pending` says what it was. `confirming`: a
   * replace waits for the user to accept its removals (`confirmation`).
   */
  status: 'starting' | 'idle' | 'downloading' | 'running' | 'interrupted' | 'confirming'
  /** While `running`: reading the files for a replace's preview, writing nothing. */
  previewing: boolean
  confirmation: ReplaceConfirmation | null
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
  previewing: false,
  confirmation: null,
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
    : state.status === 'interrupted' || state.status === 'confirming'
      ? state.status
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

function post(request: SyncWorkerRequest, transfer: Transferable[] = []): void {
  worker ??= new Worker(new URL('./syncWorker.ts', import.meta.url), { type: 'module', name: 'archive-sync' })
  worker.postMessage(request, transfer)
}

function runInWorker(
  files: SyncFileSpec[],
  plan: PendingSync,
  preview = false
): Promise<ArchiveSyncResult | null> {
  writePendingSync(plan)
  update({
    status: 'running',
    previewing: preview,
    confirmation: null,
    label: plan.label,
    progress: null,
    pending: plan,
    message: null
  })
  // The search index grows with what the import writes; a preview writes nothing.
  const searchFeed = preview ? undefined : openSearchFeed()
  post({ type: 'start', files, choices: plan.choices, preview, searchFeed }, searchFeed ? [searchFeed] : [])
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
        update({
          status: 'idle',
          previewing: false,
          lastResult: message.result,
          pending: null,
          progress: null
        })
        if (message.result.outcome === 'completed' && !preview) refreshSearchIndex()
        resolve(message.result)
      } else {
        update({ status: 'interrupted', previewing: false, message: `The sync stopped: ${message.message}` })
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
      specs.push({ name: picked.name, size: picked.size, file: picked, kind: file.kind })
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
  const replaces = plan.choices !== undefined && plan.choices.replaceKinds.length > 0
  if (replaces && !plan.removalsConfirmed) {
    // Issue #13: a replace shows what it would remove before anything is written.
    const preview = await runInWorker(specs, plan, true)
    if (preview === null || preview.outcome !== 'completed') return preview
    const removals = preview.summary.removals
    if (removals !== null && hasRemovals(removals)) {
      writePendingSync(null)
      update({ status: 'confirming', confirmation: { plan, files: specs, removals }, lastResult: null })
      return null
    }
  }
  return runInWorker(specs, plan)
}

/** Carries out the replace the user confirmed, removals included. */
export function confirmReplace(): Promise<ArchiveSyncResult | null> {
  const confirmation = state.confirmation
  if (state.status !== 'confirming' || confirmation === null) return Promise.resolve(null)
  return runInWorker(confirmation.files, { ...confirmation.plan, removalsConfirmed: true })
}

/** Imports the files of a previewed replace as an add: nothing is removed. */
export function importWithoutRemoving(): Promise<ArchiveSyncResult | null> {
  const confirmation = state.confirmation
  if (state.status !== 'confirming' || confirmation === null) return Promise.resolve(null)
  const { plan } = confirmation
  const choices: SyncChoices = { force: plan.choices?.force ?? false, replaceKinds: [] }
  return runInWorker(confirmation.files, { ...plan, choices })
}

export function cancelReplace(): void {
  update({ status: 'idle', confirmation: null, pending: null })
}

const ADD_ONLY: SyncChoices = { force: false, replaceKinds: [] }

const plan = (label: string, files: PlannedFile[], choices: SyncChoices = ADD_ONLY): PendingSync => ({
  label,
  files,
  startedAt: new Date().toISOString(),
  choices
})

export async function syncBundledSample(force = false): Promise<ArchiveSyncResult | null> {
  const refs = await appApi.listBundledSample()
  return runPlan(
    plan(
      'Bundled sample',
      refs.map((r) => ({ origin: 'bundled', name: r.name })),
      { force, replaceKinds: [] }
    )
  )
}

/** A picked file and the kind to read it as (the user's pick, or `null` to go by its name). */
export interface LocalFileChoice {
  file: File
  kind: DumpKind | null
}

export function syncLocalFiles(
  files: LocalFileChoice[],
  choices: SyncChoices = ADD_ONLY
): Promise<ArchiveSyncResult | null> {
  return runPlan(
    plan(
      files.length === 1 ? files[0].file.name : `${files.length} local files`,
      files.map(({ file, kind }) => ({
        origin: 'local',
        name: file.name,
        size: file.size,
        ...(kind === null ? {} : { kind })
      })),
      choices
    ),
    files.map((f) => f.file)
  )
}

/**
 * Downloads and imports the archive's files. They are its full snapshot, so each kind they hold
 * is replaced, after the preview the user confirms.
 */
export function syncRemoteArchive(
  baseUrl: string,
  names: string[],
  force = false
): Promise<ArchiveSyncResult | null> {
  return runPlan(
    plan(
      `Archive from ${new URL(baseUrl).host}`,
      names.map((name) => ({ origin: 'download', name, baseUrl })),
      { force, replaceKinds: 'all' }
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
