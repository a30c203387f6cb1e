import type { ReactNode } from 'react'

/** `text` with the words that start with a matched index term marked. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }): ReactNode {
  if (terms.length === 0) return text
  const lowered = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0)
  const parts = text.split(/([\p{L}\p{N}]+)/u)
  return parts.map((part, i) => {
    const word = part.toLowerCase()
    const hit = /[\p{L}\p{N}]/u.test(part) && lowered.some((term) => word.startsWith(term))
    return hit ? <mark key={i}>{part}</mark> : part
  })
}
