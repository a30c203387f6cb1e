import { describe, expect, it } from 'vitest'
import { nextPieceEnd, PREVIEW_CHARS } from '../../../src/shared/text/textPieces'
import { realDescription, realMethods } from './realDescriptions'

const adam = realDescription('https://paperswithcode.com/method/adam')

/** Splits `text` into consecutive pieces of at most `maxChars`, as the pages do. */
function pieces(text: string, maxChars: number): string[] {
  const result: string[] = []
  for (let start = 0; start < text.length;) {
    const end = nextPieceEnd(text, start, maxChars)
    expect(end).toBeGreaterThan(start)
    expect(end - start).toBeLessThanOrEqual(maxChars)
    result.push(text.slice(start, end))
    start = end
  }
  return result
}

/** Whether a piece leaves `$…$` or `$$…$$` open (escaped `\$` is not math). */
function leavesMathOpen(piece: string): boolean {
  const delimiters = piece.replace(/\\./g, '').match(/\$\$|\$/g) ?? []
  return (
    delimiters.filter((d) => d === '$$').length % 2 === 1 ||
    delimiters.filter((d) => d === '$').length % 2 === 1
  )
}

describe('cutting long archive text into pieces', () => {
  it('keeps every real description whole in the first piece', () => {
    const longest = Math.max(...realMethods.map((record) => record.description?.length ?? 0))
    expect(longest).toBeLessThan(PREVIEW_CHARS)
    expect(nextPieceEnd(adam, 0, PREVIEW_CHARS)).toBe(adam.length)
  })

  it('cuts a 20 MB description at paragraph breaks, losing nothing', () => {
    const huge = `${adam}\n\n`.repeat(Math.ceil((20 * 1024 * 1024) / adam.length))
    const start = huge.length - 5 * PREVIEW_CHARS
    const tail = pieces(huge.slice(start), PREVIEW_CHARS)
    expect(tail.join('')).toBe(huge.slice(start))
    for (const piece of tail.slice(0, -1)) expect(piece.endsWith('\n\n')).toBe(true)
  })

  it('never cuts inside math when the text has no paragraph breaks', () => {
    // One endless paragraph of Adam's TeX: every cut falls at a line break or a space.
    const oneParagraph = adam.replace(/\n+/g, ' ').repeat(20)
    const cut = pieces(oneParagraph, 2_000)
    expect(cut.join('')).toBe(oneParagraph)
    expect(cut.filter(leavesMathOpen)).toEqual([])
  })

  it('does not leave a code fence open', () => {
    const fenced = `${adam}\n\n\`\`\`\n${'x = 1\n\n'.repeat(400)}\`\`\`\n\n${adam}`
    const first = fenced.slice(0, nextPieceEnd(fenced, 0, adam.length + 1_000))
    expect(first.match(/^```/gm) ?? []).toHaveLength(0)
  })

  it('cuts a text without spaces hard, but never through a surrogate pair', () => {
    const emoji = '😀'.repeat(30_000)
    for (const piece of pieces(emoji, 1_001)) expect(piece).toMatch(/^(?:\ud83d\ude00)+$/)
  })
})
