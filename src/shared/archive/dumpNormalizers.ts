/** The normalizer for each dump kind, so the engine and the CLI pick them the same way. */
import type { DumpKind } from './dumpKinds'
import type { DumpNormalizer, NormalizationContext } from './dumpNormalizer'
import { createCodeLinksNormalizer } from './normalizeCodeLinks'
import { createDatasetsNormalizer } from './normalizeDatasets'
import { createEvaluationTablesNormalizer } from './normalizeEvaluationTables'
import { createMethodsNormalizer } from './normalizeMethods'
import { createPapersNormalizer } from './normalizePapers'

/** One normalizer per kind and sync: the evaluation tables' normalizer spans all files of its kind. */
export function createDumpNormalizer(kind: DumpKind, context: NormalizationContext): DumpNormalizer {
  switch (kind) {
    case 'papers':
      return createPapersNormalizer(context)
    case 'links':
      return createCodeLinksNormalizer()
    case 'evaluation-tables':
      return createEvaluationTablesNormalizer(context)
    case 'methods':
      return createMethodsNormalizer(context)
    case 'datasets':
      return createDatasetsNormalizer(context)
  }
}
