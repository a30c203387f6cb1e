import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  APP_API_GLOBAL,
  IpcChannel,
  type AppApi,
  type DownloadProgress,
  type MenuCommand
} from '../shared/api'

// A sandboxed preload is one CommonJS file that may require only `electron`: everything
// here must come from `electron` or be inlined from src/shared at build time.

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  // The IpcRendererEvent carries `sender`, a handle to ipcRenderer: never let it reach the page.
  const wrapped = (_event: IpcRendererEvent, payload: T): void => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

const api = {
  host: 'electron',
  getAppInfo: () => ipcRenderer.invoke(IpcChannel.getAppInfo),
  openExternal: (url) => ipcRenderer.invoke(IpcChannel.openExternal, url),
  listBundledSample: () => ipcRenderer.invoke(IpcChannel.listBundledSample),
  downloadArchiveFiles: (request) => ipcRenderer.invoke(IpcChannel.downloadArchiveFiles, request),
  cancelDownload: () => ipcRenderer.invoke(IpcChannel.cancelDownload),
  onDownloadProgress: (listener) => subscribe<DownloadProgress>(IpcChannel.downloadProgress, listener),
  saveFile: (request) => ipcRenderer.invoke(IpcChannel.saveFile, request),
  onMenuCommand: (listener) => subscribe<MenuCommand>(IpcChannel.menuCommand, listener)
} satisfies AppApi

contextBridge.exposeInMainWorld(APP_API_GLOBAL, api)
