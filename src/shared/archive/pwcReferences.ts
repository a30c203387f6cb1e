/** Ids and references that several dumps read the same way: PWC URLs and `{ title, url }` papers. */
import type { PaperReference } from './entities'
import { RecordShapeError } from './dumpErrors'
import type { RawPaperReference } from './rawDumpTypes'
import { expectText, lineOrNull, rawFieldsOrNull, type RawFields } from './rawFields'
import { slugFromPwcUrl } from './slug'

/** The paper id in a PWC paper URL (`/paper/<slug>`); a shape error when the URL has no slug. */
export function paperIdFromUrl(url: string, what: string): string {
  const id = slugFromPwcUrl(url.trim())
  if (id === null) throw new RecordShapeError(`${what} has a paper_url without a /paper/<slug> path: ${url}`)
  return id
}

/** The slug of a method's or dataset's `url`; a shape error when it is missing or has none. */
export function idFromEntityUrl(record: RawFields<{ url?: string | null }>, what: string): string {
  const url = expectText(record, 'url', what)
  const id = slugFromPwcUrl(url.trim())
  if (id === null) throw new RecordShapeError(`${what} has a url without a slug: ${url}`)
  return id
}

/** A method's or dataset's `paper: { title, url }`, `null` when it names nothing. */
export function paperReferenceOrNull(value: unknown): PaperReference | null {
  const paper = rawFieldsOrNull<RawPaperReference>(value)
  if (paper === null) return null
  const reference = { title: lineOrNull(paper.title), url: lineOrNull(paper.url) }
  return reference.title === null && reference.url === null ? null : reference
}
