/**
 * Who may talk to the main process. Every IPC handler asks this first: a compromised or
 * navigated-away frame (an iframe, a page that escaped the app) must not reach privileged
 * handlers just because it shares the renderer process.
 */

export const APP_SCHEME = 'app'
export const APP_HOST = 'pwc'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export interface SenderFacts {
  /** URL of the frame that sent the message (`event.senderFrame.url`). */
  frameUrl: string | undefined
  /** Whether that frame is the window's main frame (`senderFrame === sender.mainFrame`). */
  isMainFrame: boolean
}

/** The dev server origin, when the app runs under `electron-vite dev`. */
export function isTrustedSender(facts: SenderFacts, devServerUrl?: string): boolean {
  if (!facts.isMainFrame || !facts.frameUrl) return false
  let url: URL
  try {
    url = new URL(facts.frameUrl)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/** Whether a navigation target stays inside the app (anything else is blocked). */
export function isInAppUrl(target: string, devServerUrl?: string): boolean {
  return isTrustedSender({ frameUrl: target, isMainFrame: true }, devServerUrl)
}
