import { describe, expect, it } from 'vitest'
import { countLabel, pluralNoun } from '../../../src/shared/countLabel'

describe('count labels', () => {
  it('say "1 paper" and "2 papers", with thousands separated', () => {
    expect(countLabel(1, 'paper')).toBe('1 paper')
    expect(countLabel(0, 'paper')).toBe('0 papers')
    expect(countLabel(4531, 'leaderboard')).toBe('4,531 leaderboards')
  })

  it('take an irregular plural, or a verb along with the noun', () => {
    expect(countLabel(1, 'entry', 'entries')).toBe('1 entry')
    expect(countLabel(3, 'entry', 'entries')).toBe('3 entries')
    expect(countLabel(1, 'result is', 'results are')).toBe('1 result is')
    expect(pluralNoun(2, 'saved search', 'saved searches')).toBe('saved searches')
  })
})
