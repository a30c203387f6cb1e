import { describe, expect, it } from 'vitest'
import { resolveOldSiteUrl } from '../../../src/shared/routes'

describe('old paperswithcode.com links', () => {
  it.each([
    [
      'https://paperswithcode.com/paper/electra-pre-training-text-encoders-as-1',
      '/paper/electra-pre-training-text-encoders-as-1'
    ],
    ['paperswithcode.com/task/image-classification', '/task/image-classification'],
    ['https://www.paperswithcode.com/dataset/imagenet', '/dataset/imagenet'],
    ['https://paperswithcode.com/method/adam', '/method/adam'],
    [
      'https://paperswithcode.com/sota/image-classification-on-imagenet',
      '/sota/image-classification-on-imagenet'
    ],
    ['https://paperswithcode.com/sota', '/sota'],
    ['https://paperswithcode.com/search?q_meta=&q_type=&q=electra', '/search?q=electra'],
    ['https://paperswithcode.com/', '/']
  ])('%s → %s', (input, path) => {
    expect(resolveOldSiteUrl(input)).toEqual({ kind: 'route', path })
  })

  it('explains pages the archive never held', () => {
    const result = resolveOldSiteUrl('https://paperswithcode.com/accounts/login')
    expect(result.kind).toBe('unsupported')
  })

  it('leaves ordinary queries and other sites alone', () => {
    expect(resolveOldSiteUrl('electra discriminator')).toEqual({ kind: 'not-pwc' })
    expect(resolveOldSiteUrl('https://arxiv.org/abs/2003.10555')).toEqual({ kind: 'not-pwc' })
  })
})
