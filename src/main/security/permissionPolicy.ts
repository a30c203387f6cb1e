/**
 * Which web permissions the app's pages get: Electron grants every request unless a handler
 * says otherwise. The app needs one, `persistent-storage`, so Chromium keeps the archive, lists
 * and notes under storage pressure, and only for its own pages; a frame that escaped the app
 * (or anything it embeds) gets nothing: no camera, microphone, notifications or geolocation.
 */
import { isInAppUrl } from './ipcSender'

const GRANTED_TO_THE_APP: ReadonlySet<string> = new Set(['persistent-storage'])

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  devServerUrl?: string
): boolean {
  return (
    GRANTED_TO_THE_APP.has(permission) &&
    requestingUrl !== undefined &&
    isInAppUrl(requestingUrl, devServerUrl)
  )
}

/** The part of Electron's `Session` the policy is installed on (a narrow type keeps it testable). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string }
    ) => void
  ): void
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean
  ): void
}

/** Requests (`persist()`) and checks (`persisted()`) answer the same way. */
export function installPermissionPolicy(session: PermissionSession, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, devServerUrl))
  )
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devServerUrl)
  )
}
