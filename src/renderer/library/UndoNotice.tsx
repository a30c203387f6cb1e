import { useCallback, useEffect, useState, type ReactNode } from 'react'

/** How long "Undo" stays offered: long enough to notice a slip, short enough not to linger. */
const UNDO_WINDOW_MS = 15_000

export interface UndoOffer {
  id: number
  message: string
  undo: () => Promise<void>
}

let offers = 0

/**
 * One pending "Undo" at a time: a deletion keeps what it removed in memory (in the `undo`
 * closure), and the offer lapses after a while or when the next deletion replaces it.
 */
export function useUndo(): {
  offer: UndoOffer | null
  offerUndo: (message: string, undo: () => Promise<void>) => void
  dismiss: () => void
} {
  const [offer, setOffer] = useState<UndoOffer | null>(null)
  useEffect(() => {
    if (offer === null) return
    const timer = window.setTimeout(
      () => setOffer((current) => (current?.id === offer.id ? null : current)),
      UNDO_WINDOW_MS
    )
    return () => window.clearTimeout(timer)
  }, [offer])
  const offerUndo = useCallback((message: string, undo: () => Promise<void>) => {
    offers += 1
    setOffer({ id: offers, message, undo })
  }, [])
  const dismiss = useCallback(() => setOffer(null), [])
  return { offer, offerUndo, dismiss }
}

export function UndoNotice({ offer, dismiss }: { offer: UndoOffer | null; dismiss: () => void }): ReactNode {
  return (
    <div className="undo-notice" role="status" aria-live="polite">
      {offer && (
        <div className="undo-notice__body">
          <span>{offer.message}</span>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              dismiss()
              void offer.undo()
            }}
          >
            Undo
          </button>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  )
}
