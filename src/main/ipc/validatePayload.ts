import type { DownloadRequest, SaveFileRequest } from '../../shared/api'

/**
 * Payload checks for IPC handlers. A renderer is untrusted input: a type annotation on the
 * handler proves nothing about what arrives over the wire.
 */

export class InvalidPayloadError extends Error {
  constructor(channel: string, what: string) {
    super(`Invalid payload on ${channel}: ${what}`)
    this.name = 'InvalidPayloadError'
  }
}

const DOWNLOAD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/

export function parseDownloadRequest(channel: string, value: unknown): DownloadRequest {
  if (typeof value !== 'object' || value === null) throw new InvalidPayloadError(channel, 'not an object')
  const { baseUrl, names } = value as Record<string, unknown>
  if (typeof baseUrl !== 'string' || !/^https?:\/\//.test(baseUrl))
    throw new InvalidPayloadError(channel, 'baseUrl must be an http(s) URL')
  if (!Array.isArray(names) || names.length === 0 || names.length > 10)
    throw new InvalidPayloadError(channel, 'names must be 1–10 file names')
  for (const name of names) {
    // Names become cache file names: no separators, no dot-dot.
    if (typeof name !== 'string' || !DOWNLOAD_NAME.test(name) || name.includes('..'))
      throw new InvalidPayloadError(channel, `bad file name ${JSON.stringify(name)}`)
  }
  return { baseUrl, names: names as string[] }
}

export function parseSaveFileRequest(channel: string, value: unknown): SaveFileRequest {
  if (typeof value !== 'object' || value === null) throw new InvalidPayloadError(channel, 'not an object')
  const { suggestedName, mimeType, data } = value as Record<string, unknown>
  if (typeof suggestedName !== 'string' || suggestedName.length > 255 || /[\\/]/.test(suggestedName))
    throw new InvalidPayloadError(channel, 'suggestedName must be a plain file name')
  if (typeof mimeType !== 'string') throw new InvalidPayloadError(channel, 'mimeType must be a string')
  if (typeof data !== 'string' && !(data instanceof Uint8Array))
    throw new InvalidPayloadError(channel, 'data must be a string or bytes')
  return { suggestedName, mimeType, data }
}
