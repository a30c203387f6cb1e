import { APP_API_GLOBAL, type AppApi } from '../../shared/api'
import { createBrowserApi } from './browserApi'

/**
 * The one place the renderer gets its host API. The desktop preload installs it on `window`;
 * in plain Chromium nothing does, and the browser implementation takes its place.
 */
function resolveAppApi(): AppApi {
  const injected = (window as unknown as Record<string, AppApi | undefined>)[APP_API_GLOBAL]
  return injected ?? createBrowserApi()
}

export const appApi: AppApi = resolveAppApi()
