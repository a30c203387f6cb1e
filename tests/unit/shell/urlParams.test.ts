import { describe, expect, it } from 'vitest'
import { LEADERBOARD_VIEW_PARAMS } from '../../../src/renderer/pages/leaderboard/leaderboardViewParams'
import { PAPER_FILTER_PARAMS } from '../../../src/renderer/pages/papers/paperFilterParams'
import { NO_FILTERS as NO_PAPER_FILTERS } from '../../../src/renderer/data/queries/paperListQueries'
import { NO_FILTERS as NO_BOARD_FILTERS } from '../../../src/shared/sota/leaderboardExport'
import { readParams, writeParams } from '../../../src/shared/urlParams'

describe('view settings in the URL', () => {
  it('leave an untouched page at its plain address, and read it back as the defaults', () => {
    expect(writeParams(PAPER_FILTER_PARAMS, NO_PAPER_FILTERS, new URLSearchParams()).toString()).toBe('')
    expect(readParams(PAPER_FILTER_PARAMS, new URLSearchParams())).toEqual(NO_PAPER_FILTERS)
    expect(readParams(LEADERBOARD_VIEW_PARAMS, new URLSearchParams())).toEqual({
      ...NO_BOARD_FILTERS,
      scale: 'linear'
    })
  })

  it('round-trip the papers filters', () => {
    const filters = {
      ...NO_PAPER_FILTERS,
      year: 2019,
      taskId: 'image-classification',
      framework: 'pytorch',
      venue: 'NeurIPS 2018',
      hasCode: true,
      includeStubs: true
    }
    const params = writeParams(PAPER_FILTER_PARAMS, filters, new URLSearchParams())
    expect(params.toString()).toBe(
      'year=2019&task=image-classification&framework=pytorch&venue=NeurIPS+2018&code=1&stubs=1'
    )
    expect(readParams(PAPER_FILTER_PARAMS, new URLSearchParams(params.toString()))).toEqual(filters)
  })

  it('keep the parameters they do not own, and drop a setting put back to its default', () => {
    const shared = new URLSearchParams('metric=Top+5+Accuracy&scale=log&from=2016')
    const view = readParams(LEADERBOARD_VIEW_PARAMS, shared)
    expect(view).toMatchObject({ scale: 'log', fromYear: 2016, toYear: null })
    const next = writeParams(
      LEADERBOARD_VIEW_PARAMS,
      { ...view, scale: 'linear', onlyWithCode: true },
      shared
    )
    expect(next.toString()).toBe('metric=Top+5+Accuracy&from=2016&code=1')
  })

  it('fall back to the default for a value they cannot read (a hand-edited link)', () => {
    const view = readParams(LEADERBOARD_VIEW_PARAMS, new URLSearchParams('scale=cubic&from=20x6&code=yes'))
    expect(view).toEqual({ ...NO_BOARD_FILTERS, scale: 'linear' })
  })
})
