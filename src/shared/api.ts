/**
 * The one contract between the renderer and whatever hosts it.
 *
 * In the desktop app the preload script implements it over IPC; in browser mode
 * (`npm run web`, our end-to-end tests) `src/renderer/platform/browserApi.ts` implements it
 * with web APIs. The React app imports it from `src/renderer/platform/appApi.ts` and cannot
 * tell which one it got.
 */

/** Where the renderer is running. */
export type HostKind = 'electron' | 'browser'

/** Facts about the running app, for the About page and diagnostics. */
export interface AppInfo {
  /** The app's version from package.json. */
  version: string
  /** Which implementation of this API is answering. */
  host: HostKind
  /** Operating system family as reported by the host (`linux`, `darwin`, `win32`, or `web`). */
  platform: string
}

/** One dump file the sync engine can stream, wherever it lives. */
export interface ArchiveFileRef {
  /** The file's name, e.g. `jul-28-methods.json.gz`; the engine infers the dump kind from it. */
  name: string
  /** A URL the renderer can `fetch` (an `app://` URL in Electron, a same-origin path in browser mode). */
  url: string
  /** Size in bytes when known, for progress and ETA. */
  size: number | null
}

/** A request to download archive files into the local cache. */
export interface DownloadRequest {
  /** Base URL the file names are appended to; configurable for mirrors. */
  baseUrl: string
  /** Download names, e.g. `jul-28-evaluation-tables.json.gz`. */
  names: string[]
}

/** Progress of one file in a download. */
export interface DownloadProgress {
  name: string
  bytesReceived: number
  bytesTotal: number | null
  /** `cached` means a complete, size-checked copy was already on disk and nothing was fetched. */
  state: 'downloading' | 'resumed' | 'cached' | 'done' | 'error' | 'cancelled'
  message?: string
}

/** A file the user asked to save (exports). */
export interface SaveFileRequest {
  suggestedName: string
  mimeType: string
  data: string | Uint8Array
}

/** Commands the host's menu sends to the renderer. */
export type MenuCommand =
  | { kind: 'navigate'; path: string }
  | { kind: 'focus-search' }
  | { kind: 'toggle-theme' }
  | { kind: 'go-to-url' }

/** Removes a listener that an `on…` method added. */
export type Unsubscribe = () => void

export interface AppApi {
  /** Which host implements this API; lets the UI word things ("Quit" vs "Close tab"). */
  readonly host: HostKind

  /** Version and platform of the running app. */
  getAppInfo(): Promise<AppInfo>

  /**
   * Opens an http(s) URL in the system browser. Anything else is refused by the host's
   * link policy. Resolves to whether the URL was opened.
   */
  openExternal(url: string): Promise<boolean>

  /** The real archive sample shipped in `resources/`, imported on first launch. */
  listBundledSample(): Promise<ArchiveFileRef[]>

  /**
   * Downloads archive files into the local cache (resuming partial files with HTTP Range,
   * skipping complete ones) and resolves to refs the sync engine can stream.
   */
  downloadArchiveFiles(request: DownloadRequest): Promise<ArchiveFileRef[]>

  /** Cancels a running download; partial files stay in the cache for a later resume. */
  cancelDownload(): Promise<void>

  /** Subscribes to download progress. */
  onDownloadProgress(listener: (progress: DownloadProgress) => void): Unsubscribe

  /** Saves a file the user exported; resolves to false if they cancelled. */
  saveFile(request: SaveFileRequest): Promise<boolean>

  /** Subscribes to commands from the host's menu. */
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe
}

/**
 * IPC channel names, declared once. `domain:verb`, kebab case.
 * Invoke channels go renderer → main; event channels go main → renderer.
 */
export const IpcChannel = {
  getAppInfo: 'app:get-info',
  openExternal: 'shell:open-external',
  listBundledSample: 'archive:list-bundled-sample',
  downloadArchiveFiles: 'archive:download',
  cancelDownload: 'archive:cancel-download',
  saveFile: 'file:save',
  downloadProgress: 'archive:download-progress',
  menuCommand: 'menu:command'
} as const

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel]

/** The global name the preload exposes the API under. */
export const APP_API_GLOBAL = 'pwc'
