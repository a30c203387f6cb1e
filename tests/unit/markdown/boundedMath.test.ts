import { describe, expect, it } from 'vitest'
import {
  BOUNDED_KATEX_OPTIONS,
  clampStyleLengths,
  MAX_STYLE_EM,
  MAX_TEX_CHARS,
  renderBoundedMath,
  texNestingDepth
} from '../../../src/renderer/components/markdown/boundedMath'
import { realTexExpressions } from './realDescriptions'

/** The largest em length in the inline styles of KaTeX HTML. */
function largestStyleEm(html: string): number {
  const lengths = [...html.matchAll(/style="([^"]*)"/g)].flatMap(([, style]) =>
    [...style.matchAll(/(-?\d+(?:\.\d+)?)em/g)].map(([, value]) => Math.abs(Number(value)))
  )
  return Math.max(0, ...lengths)
}

describe('KaTeX within bounds', () => {
  it('caps user sizes and macro expansion, and trusts nothing', () => {
    expect(BOUNDED_KATEX_OPTIONS).toMatchObject({
      maxSize: 10,
      maxExpand: 100,
      trust: false,
      throwOnError: false
    })
  })

  it('renders \\rule{10000em}{10000em} at most 10 em high and wide', () => {
    const html = renderBoundedMath('\\rule{10000em}{10000em}', true)
    expect(html).toContain('katex')
    expect(largestStyleEm(html ?? '')).toBeLessThanOrEqual(BOUNDED_KATEX_OPTIONS.maxSize)
  })

  it('clamps the negative sizes maxSize leaves alone', () => {
    for (const tex of ['\\raisebox{-10000em}{x}', '\\rule[-10000em]{1em}{1em}', '\\kern-10000em x']) {
      expect(largestStyleEm(renderBoundedMath(tex, false) ?? ''), tex).toBeLessThanOrEqual(MAX_STYLE_EM)
    }
    expect(clampStyleLengths('<span style="top:-9999.5em;height:1.2em">-9999em</span>')).toBe(
      '<span style="top:-20em;height:1.2em">-9999em</span>'
    )
  })

  it('stops a \\def bomb at the expansion limit', () => {
    const bomb =
      '\\def\\a{xxxxxxxxxx}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b\\b\\b}\\c\\c'
    expect(renderBoundedMath(bomb, false)).toContain('Too many expansions')
  })

  it('refuses TeX too deep or too long instead of overflowing the stack', () => {
    const deep = `${'{'.repeat(6000)}x${'}'.repeat(6000)}`
    expect(texNestingDepth(deep)).toBe(6000)
    expect(texNestingDepth('\\left( \\{ x \\} \\right)')).toBe(1)
    expect(renderBoundedMath(`${'{'.repeat(100)}x${'}'.repeat(100)}`, false)).toBeNull()
    expect(renderBoundedMath(deep, false)).toBeNull()
    expect(renderBoundedMath('x+'.repeat(MAX_TEX_CHARS), false)).toBeNull()
  })

  it('renders every real expression of the methods and datasets dumps as before', () => {
    const expressions = realTexExpressions()
    expect(expressions.length).toBeGreaterThan(1_000)
    const refused = expressions.filter((tex) => {
      const html = renderBoundedMath(tex, false)
      return html === null || html.includes('Too many expansions')
    })
    expect(refused).toEqual([])
  })
})
