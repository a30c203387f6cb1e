import { describe, expect, it } from 'vitest'
import {
  InvalidPayloadError,
  parseDownloadRequest,
  parseSaveFileRequest
} from '../../../src/main/ipc/validatePayload'

describe('IPC payload validation', () => {
  it('accepts a real download request', () => {
    const request = {
      baseUrl: 'https://huggingface.co/datasets/pwc-archive/files/resolve/main/',
      names: ['jul-28-methods.json.gz']
    }
    expect(parseDownloadRequest('archive:download', request)).toEqual(request)
  })

  it.each([
    null,
    'https://x.org',
    { baseUrl: 'file:///etc', names: ['a.json.gz'] },
    { baseUrl: 'https://x.org/', names: [] },
    { baseUrl: 'https://x.org/', names: ['../../.bashrc'] },
    { baseUrl: 'https://x.org/', names: ['dir/file.json.gz'] },
    { baseUrl: 'https://x.org/', names: [42] }
  ])('refuses download payload %#', (payload) => {
    expect(() => parseDownloadRequest('archive:download', payload)).toThrow(InvalidPayloadError)
  })

  it('refuses a save request that names a path', () => {
    expect(() =>
      parseSaveFileRequest('file:save', { suggestedName: '../x.csv', mimeType: 'text/csv', data: 'a' })
    ).toThrow(InvalidPayloadError)
    expect(
      parseSaveFileRequest('file:save', { suggestedName: 'list.csv', mimeType: 'text/csv', data: 'a' })
    ).toEqual({ suggestedName: 'list.csv', mimeType: 'text/csv', data: 'a' })
  })
})
