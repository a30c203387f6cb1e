import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import {
  StorageFullError,
  asStorageFullError,
  isQuotaExceeded,
  mapStorageFull,
  storageFullMessage,
  storageUsageText
} from '../../../src/shared/storage/storageFull'

const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

describe('storage-full mapping', () => {
  it.each([
    ['the DOMException itself', quota()],
    [
      'Firefox’s older name',
      { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached' }
    ],
    ['Dexie’s re-wrapped error', new Dexie.QuotaExceededError('quota', quota())],
    ['an aborted transaction holding it', new Dexie.AbortError('Transaction aborted', quota())],
    ['a bulk write whose failures hold it', new Dexie.BulkError('1 of 3 failed', [quota()])],
    ['a bulk write by position', Object.assign(new Error('bulk'), { failuresByPos: { 2: quota() } })],
    ['an error caused by it', new Error('write failed', { cause: quota() })],
    ['a storage-full error already mapped', new StorageFullError(10)]
  ])('recognises %s', (_name, error) => {
    expect(isQuotaExceeded(error)).toBe(true)
  })

  it.each([
    ['a constraint error', new DOMException('Key already exists', 'ConstraintError')],
    ['Dexie’s aborted transaction for another reason', new Dexie.AbortError('aborted', new Error('bug'))],
    ['a type error', new TypeError('x is undefined')],
    ['a message that merely mentions quota', new Error('QuotaExceededError')],
    ['a string', 'QuotaExceededError'],
    ['nothing', null]
  ])('does not take %s for a full disk', (_name, error) => {
    expect(isQuotaExceeded(error)).toBe(false)
    expect(asStorageFullError(error, 5)).toBeNull()
  })

  it('stops at cyclic causes', () => {
    const a: { name: string; cause?: unknown } = { name: 'Error' }
    a.cause = { name: 'Error', cause: a }
    expect(isQuotaExceeded(a)).toBe(false)
  })

  it('keeps the original error as the cause and says how much is needed', () => {
    const original = quota()
    const mapped = asStorageFullError(original, 2_400_000)
    expect(mapped).toBeInstanceOf(StorageFullError)
    expect(mapped?.cause).toBe(original)
    expect(mapped?.bytesNeeded).toBe(2_400_000)
    expect(mapped?.message).toBe('storage is full: about 2.4 MB more is needed')
    expect(new StorageFullError(null).message).toBe('storage is full')
  })

  it('rethrows a full disk as StorageFullError and anything else unchanged', async () => {
    await expect(mapStorageFull(12, () => Promise.reject(quota()))).rejects.toMatchObject({
      name: 'StorageFullError',
      bytesNeeded: 12
    })
    const other = new Error('bug')
    await expect(mapStorageFull(12, () => Promise.reject(other))).rejects.toBe(other)
    await expect(mapStorageFull(12, async () => 'saved')).resolves.toBe('saved')
  })

  it('words the message with what is needed and what is in use', () => {
    const usage = { usage: 1_234_000_000, quota: 40_000_000_000 }
    expect(storageUsageText(usage)).toBe('Using 1.2 GB of 40.0 GB')
    expect(storageFullMessage(3_500, usage)).toBe(
      'Storage is full. About 3.5 KB more is needed. Using 1.2 GB of 40.0 GB available to this app.'
    )
    expect(storageFullMessage(null, null)).toBe('Storage is full.')
  })
})
