import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import { readParams, writeParams, type ParamSchema } from '../../shared/urlParams'

export type UrlStateUpdate<T> = T | ((current: T) => T)

/**
 * View settings that live in the URL's query string (see `urlParams.ts`). Changes replace the
 * history entry rather than pushing one: Back leaves the page (and coming back restores the view)
 * instead of stepping through every keystroke typed into a filter.
 */
export function useUrlState<T>(schema: ParamSchema<T>): [T, (update: UrlStateUpdate<T>) => void] {
  const [params, setParams] = useSearchParams()
  const values = useMemo(() => readParams(schema, params), [schema, params])
  const update = useCallback(
    (next: UrlStateUpdate<T>) =>
      setParams(
        (current) => {
          const value = typeof next === 'function' ? (next as (c: T) => T)(readParams(schema, current)) : next
          return writeParams(schema, value, current)
        },
        { replace: true }
      ),
    [schema, setParams]
  )
  return [values, update]
}
