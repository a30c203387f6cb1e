import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useArchiveQuery } from '../components/useArchiveQuery'
import { storedKeys } from '../data/queries/storedKeys'

/** Of the papers asked about, those the archive tables still hold. */
export interface ArchivePresence {
  asked: ReadonlySet<string>
  stored: ReadonlySet<string>
}

/** `true`/`false` once asked, `undefined` for the moment a paper's batch is being asked. */
export function isInArchive(presence: ArchivePresence, paperId: string): boolean | undefined {
  return presence.asked.has(paperId) ? presence.stored.has(paperId) : undefined
}

/** One batch of papers asked live (a sync may drop or add them), its answer handed up. */
function PresenceBatch({
  index,
  paperIds,
  onAnswer
}: {
  index: number
  paperIds: readonly string[]
  onAnswer: (index: number, answer: ArchivePresence) => void
}): ReactNode {
  const key = paperIds.join('\n')
  const answer = useArchiveQuery(
    async (db) => ({ asked: new Set(paperIds), stored: await storedKeys(db.papers, paperIds) }),
    // The ids by value: a re-render with the same papers must not ask again.
    [key]
  )
  useEffect(() => {
    if (answer !== undefined) onAnswer(index, answer)
  }, [answer, index, onAnswer])
  return null
}

/**
 * Which of these papers (the cards rendered, in order) the archive still has, asked in batches
 * of `batchSize`: a batch is asked once, when its cards are first rendered, so revealing the
 * next page asks about that page only, and nothing reads 10,000 papers to flag the few a sync
 * dropped. `batches` must be rendered for the answers to come.
 */
export function useArchivePresence(
  paperIds: readonly string[],
  batchSize: number
): { presence: ArchivePresence | undefined; batches: ReactNode } {
  const [answers, setAnswers] = useState<ReadonlyMap<number, ArchivePresence>>(new Map())
  const onAnswer = useMemo(
    () => (index: number, answer: ArchivePresence) =>
      setAnswers((current) => new Map(current).set(index, answer)),
    []
  )
  const batchCount = Math.ceil(paperIds.length / batchSize)
  const presence = useMemo(() => {
    if (batchCount > 0 && !answers.has(0)) return undefined
    const asked = new Set<string>()
    const stored = new Set<string>()
    for (const [index, answer] of answers) {
      if (index >= batchCount) continue
      for (const id of answer.asked) asked.add(id)
      for (const id of answer.stored) stored.add(id)
    }
    return { asked, stored }
  }, [answers, batchCount])
  const batches = Array.from({ length: batchCount }, (_, index) => (
    <PresenceBatch
      key={index}
      index={index}
      paperIds={paperIds.slice(index * batchSize, (index + 1) * batchSize)}
      onAnswer={onAnswer}
    />
  ))
  return { presence, batches }
}
