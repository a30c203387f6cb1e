import {
  flagParam,
  integerParam,
  optionalTextParam,
  textParam,
  type ParamSchema
} from '../../../shared/urlParams'
import type { PaperListFilters } from '../../data/queries/paperListQueries'

/** `/papers?year=2019&task=image-classification&code=1`: the papers index's filters in its URL. */
export const PAPER_FILTER_PARAMS: ParamSchema<PaperListFilters> = {
  year: integerParam('year'),
  taskId: optionalTextParam('task'),
  framework: optionalTextParam('framework'),
  venue: textParam('venue'),
  hasCode: flagParam('code'),
  officialCode: flagParam('official'),
  includeStubs: flagParam('stubs')
}
