import { describe, expect, it } from 'vitest'
import { renderArchiveMarkdown } from '../../../src/renderer/components/markdown/archiveMarkdown'
import {
  MAX_PIECE_HTML_CHARS,
  renderMarkdownPiece
} from '../../../src/renderer/components/markdown/markdownPieces'
import { PREVIEW_CHARS } from '../../../src/shared/text/textPieces'
import { realDescription } from './realDescriptions'

const adam = realDescription('https://paperswithcode.com/method/adam')

describe('rendering archive Markdown piece by piece', () => {
  it('renders a real description in one piece, exactly as a whole', () => {
    expect(renderMarkdownPiece(adam, PREVIEW_CHARS)).toEqual({
      html: renderArchiveMarkdown(adam),
      end: adam.length
    })
  })

  it('renders the real description with the most markup in one piece too', () => {
    const asff = realDescription('https://paperswithcode.com/method/asff')
    expect(renderMarkdownPiece(asff.slice(0, PREVIEW_CHARS + 1), PREVIEW_CHARS).end).toBe(
      Math.min(asff.length, PREVIEW_CHARS)
    )
  })

  it('renders fewer characters when their KaTeX markup would exceed the HTML cap', () => {
    // Adam's own update rule, repeated into one dense paragraph of math.
    const rule = adam.match(/\$\$[^$]+\$\$/)?.[0] ?? ''
    expect(rule).not.toBe('')
    const dense = `${rule} `.repeat(Math.ceil((2 * PREVIEW_CHARS) / rule.length))
    const piece = renderMarkdownPiece(dense.slice(0, PREVIEW_CHARS + 1), PREVIEW_CHARS)
    expect(piece.html.length).toBeLessThanOrEqual(MAX_PIECE_HTML_CHARS)
    expect(piece.end).toBeGreaterThan(0)
    expect(piece.html).toContain('katex-display')
  })

  it('shows TeX nested too deep as its source instead of failing the page', () => {
    const hostile = `${adam}\n\nNested: $${'{'.repeat(6000)}x${'}'.repeat(6000)}$`
    const html = renderArchiveMarkdown(hostile)
    expect(html).toContain('<code class="math-source">$')
    expect(html).toContain('class="katex"')
  })
})
