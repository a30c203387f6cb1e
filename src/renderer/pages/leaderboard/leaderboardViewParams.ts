import type { LeaderboardFilters } from '../../../shared/sota/leaderboardExport'
import { choiceParam, flagParam, integerParam, type ParamSchema } from '../../../shared/urlParams'
import type { ValueScale } from '../../charts/valueAxis'

export interface LeaderboardViewSettings extends LeaderboardFilters {
  scale: ValueScale
}

/**
 * `/sota/<board>?scale=log&code=1&from=2016`: the chart's scale and the filters in the URL (the
 * metric has its own `metric` parameter, whose default depends on the board).
 */
export const LEADERBOARD_VIEW_PARAMS: ParamSchema<LeaderboardViewSettings> = {
  scale: choiceParam<ValueScale>('scale', ['linear', 'log'], 'linear'),
  onlyWithCode: flagParam('code'),
  noExtraData: flagParam('no-extra-data'),
  fromYear: integerParam('from'),
  toYear: integerParam('to')
}
