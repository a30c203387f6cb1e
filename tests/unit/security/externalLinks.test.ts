import { describe, expect, it, vi } from 'vitest'
import { checkExternalUrl, openExternalUrl } from '../../../src/shared/security/externalLinks'

describe('external link policy', () => {
  it.each([
    'https://paperswithcode.com/paper/electra',
    'http://arxiv.org/abs/2003.10555v1',
    'https://github.com/google-research/electra'
  ])('opens web link %s', async (url) => {
    const open = vi.fn()
    expect(await openExternalUrl(url, open)).toBe(true)
    expect(open).toHaveBeenCalledWith(new URL(url).href)
  })

  it.each([
    ['javascript:alert(1)', /protocol javascript:/],
    ['JAVASCRIPT:alert(document.cookie)', /protocol javascript:/],
    [' javascript:alert(1)', /protocol javascript:/],
    ['file:///etc/passwd', /protocol file:/],
    ['data:text/html,<script>alert(1)</script>', /protocol data:/],
    ['vbscript:msgbox', /protocol vbscript:/],
    ['\\\\evil-server\\share\\payload.exe', /UNC/],
    ['//evil.example/share', /UNC/],
    ['smb://evil.example/share', /protocol smb:/],
    ['https://paperswithcode.com@evil.example/', /credentials/],
    ['https://user:secret@github.com/repo', /credentials/],
    ['ms-msdt:/id PCWDiagnostic', /protocol ms-msdt:/],
    ['/relative/path', /not an absolute URL/],
    ['', /empty/],
    ['https://' + 'a'.repeat(5000) + '.com', /too long/]
  ])('refuses %s', async (url, reason) => {
    const verdict = checkExternalUrl(url)
    expect(verdict.allowed).toBe(false)
    if (!verdict.allowed) expect(verdict.reason).toMatch(reason)
    const open = vi.fn()
    expect(await openExternalUrl(url, open)).toBe(false)
    expect(open).not.toHaveBeenCalled()
  })

  it.each([null, undefined, 42, { href: 'https://x.org' }, ['https://x.org']])(
    'refuses non-strings (%s)',
    (value) => {
      expect(checkExternalUrl(value)).toEqual({ allowed: false, reason: 'not a string' })
    }
  )
})
