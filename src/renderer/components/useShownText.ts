import { useCallback, useState } from 'react'
import type { ArchiveEntityTable } from '../../shared/archive/entities'
import {
  LONG_TEXT_CHUNK_CHARS,
  type LongTextHolder,
  type LongTextMarker
} from '../../shared/archive/longText'
import { appDatabase } from '../data/appDatabase'
import { readLongTextChunks } from '../data/longTextStore'

/** An archive record's text field: its stored value, and its marker when the rest is stored apart. */
export interface ArchiveTextRef {
  table: ArchiveEntityTable
  id: string
  field: string
  /** The whole text, or its start when `marker` is set (longText.ts). */
  stored: string
  marker: LongTextMarker | undefined
}

export function archiveText<T extends LongTextHolder & { id: string }>(
  table: ArchiveEntityTable,
  record: T,
  field: keyof T & string
): ArchiveTextRef {
  const stored = record[field]
  return {
    table,
    id: record.id,
    field,
    stored: typeof stored === 'string' ? stored : '',
    marker: record.longText?.[field]
  }
}

/** A text a page shows in pieces: all of it, or a start that grows as the reader asks for more. */
export interface ShownText {
  /** Changes when the text does: what was shown of the old one starts again. */
  key: string
  /** What is loaded: the whole text, or its first characters. */
  text: string
  /** The whole text's length. */
  total: number
  /** Loads at least `chars` characters (all of them if the text is shorter), a few chunks at a time. */
  request: (chars: number) => void
}

interface LoadState {
  key: string
  text: string
  /** Chunks joined into `text`; 0 while it is the record's stored start. */
  chunks: number
  loading: boolean
  /** A chunk was missing: `text` is all there is. */
  broken: boolean
}

function keyOf(source: string | ArchiveTextRef): string {
  if (typeof source === 'string') return source
  const { table, id, field, marker, stored } = source
  return marker ? `${table}|${id}|${field}|${marker.hash}` : stored
}

/**
 * The text behind `source`: a plain string is all there already; a long archive text starts as
 * the preview its record keeps and reads its chunks only when `request` asks for more, so opening
 * a page never deserializes a crafted 20 MB string on the UI thread (issue #13).
 */
export function useShownText(source: string | ArchiveTextRef): ShownText {
  const key = keyOf(source)
  const initial = (): LoadState => ({
    key,
    text: typeof source === 'string' ? source : source.stored,
    chunks: 0,
    loading: false,
    broken: false
  })
  const [state, setState] = useState(initial)
  const current = state.key === key ? state : initial()
  if (current !== state) setState(current)

  const marker = typeof source === 'string' ? undefined : source.marker
  const total = marker && !current.broken ? marker.length : current.text.length
  const ref = typeof source === 'string' ? null : source
  const { text, chunks, loading } = current

  const request = useCallback(
    (chars: number): void => {
      if (ref === null || marker === undefined || loading || text.length >= Math.min(chars, total)) return
      const from = chunks
      const to = Math.min(
        marker.chunks,
        from + Math.max(1, Math.ceil((chars - (from === 0 ? 0 : text.length)) / LONG_TEXT_CHUNK_CHARS))
      )
      setState((s) => (s.key === key ? { ...s, loading: true } : s))
      void readLongTextChunks(appDatabase.longTexts, ref.table, ref.id, ref.field, from, to).then(
        (more) => {
          setState((s) => {
            if (s.key !== key) return s
            if (more === null) return { ...s, loading: false, broken: true }
            return { key, text: (from === 0 ? '' : s.text) + more, chunks: to, loading: false, broken: false }
          })
        },
        () => setState((s) => (s.key === key ? { ...s, loading: false, broken: true } : s))
      )
    },
    // `ref` is rebuilt on every render; what it names is in `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, marker, loading, text, chunks, total]
  )
  return { key, text, total, request }
}
