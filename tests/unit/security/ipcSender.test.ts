import { describe, expect, it } from 'vitest'
import { isInAppUrl, isTrustedSender } from '../../../src/main/security/ipcSender'

describe('IPC sender check', () => {
  it('trusts the app main frame on app://pwc', () => {
    expect(isTrustedSender({ frameUrl: 'app://pwc/paper/electra', isMainFrame: true })).toBe(true)
  })

  it.each([
    ['a sub-frame of the app', { frameUrl: 'app://pwc/', isMainFrame: false }],
    ['another host on the app scheme', { frameUrl: 'app://evil/', isMainFrame: true }],
    ['a web page', { frameUrl: 'https://paperswithcode.com/', isMainFrame: true }],
    ['a lookalike host', { frameUrl: 'https://pwc.evil.example/', isMainFrame: true }],
    ['a file URL', { frameUrl: 'file:///tmp/index.html', isMainFrame: true }],
    ['a data URL', { frameUrl: 'data:text/html,hi', isMainFrame: true }],
    ['no URL (destroyed frame)', { frameUrl: undefined, isMainFrame: true }],
    ['garbage', { frameUrl: 'not a url', isMainFrame: true }]
  ])('refuses %s', (_name, facts) => {
    expect(isTrustedSender(facts)).toBe(false)
  })

  it('trusts the dev server origin only when one is configured', () => {
    const facts = { frameUrl: 'http://localhost:5173/papers', isMainFrame: true }
    expect(isTrustedSender(facts)).toBe(false)
    expect(isTrustedSender(facts, 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender({ ...facts, frameUrl: 'http://localhost:5174/' }, 'http://localhost:5173')).toBe(
      false
    )
  })

  it('keeps navigation inside the app', () => {
    expect(isInAppUrl('app://pwc/sota/image-classification-on-imagenet')).toBe(true)
    expect(isInAppUrl('https://github.com/')).toBe(false)
  })
})
