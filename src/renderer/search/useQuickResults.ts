import { useEffect, useId, useState } from 'react'
import type { EntityKind } from '../../shared/search/searchDocuments'
import { routes } from '../../shared/routes'
import { appDatabase } from '../data/appDatabase'
import { searchEntities, searchPapers, useSearchIndexVersion } from './searchClient'

export interface QuickResult {
  key: string
  kind: EntityKind | 'paper'
  label: string
  path: string
  terms: string[]
}

const ENTITY_ROUTE: Record<EntityKind, (id: string) => string> = {
  task: routes.task,
  dataset: routes.dataset,
  method: routes.method,
  leaderboard: routes.leaderboard
}

/** Jump targets for a few typed letters: entities by name, then papers; for the palette and header. */
export function useQuickResults(query: string, limits = { entities: 8, papers: 6 }): QuickResult[] {
  const [results, setResults] = useState<{ query: string; items: QuickResult[] }>({ query: '', items: [] })
  // Asked again as the index fills in: papers answer before the entity index is read at start-up.
  const indexVersion = useSearchIndexVersion()
  // One lane per box: each key press replaces the previous letters' query if it has not reached
  // the worker yet.
  const lane = useId()
  useEffect(() => {
    const text = query.trim()
    if (text.length < 2) return
    let live = true
    // One failing half (a query the entity index rejects) must not hide the other.
    void Promise.all([
      searchEntities(text, { limit: limits.entities }, `${lane}:entities`).catch(() => []),
      searchPapers(text, { limit: limits.papers, facets: false }, `${lane}:papers`).catch(() => ({
        hits: []
      }))
    ]).then(async ([entities, papers]) => {
      const records = await appDatabase.papers.bulkGet(papers.hits.map((h) => h.id))
      const items: QuickResult[] = [
        ...entities.map((e) => ({
          key: `${e.kind}:${e.id}`,
          kind: e.kind,
          label: e.name,
          path: ENTITY_ROUTE[e.kind](e.id),
          terms: e.terms
        })),
        ...papers.hits.flatMap((hit, i) => {
          const paper = records[i]
          return paper
            ? [
                {
                  key: `paper:${hit.id}`,
                  kind: 'paper' as const,
                  label: paper.title,
                  path: routes.paper(hit.id),
                  terms: hit.matches.map((m) => m.term)
                }
              ]
            : []
        })
      ]
      if (live) setResults({ query: text, items })
    })
    return () => {
      live = false
    }
  }, [query, limits.entities, limits.papers, indexVersion, lane])
  return query.trim().length < 2 || results.query !== query.trim() ? [] : results.items
}
