import type { ReactNode } from 'react'

/** A page's busy state; tests and screenshots wait for `aria-busy` to go away. */
export function Loading({ label = 'Loading…' }: { label?: string }): ReactNode {
  return (
    <div className="loading" aria-busy="true" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </div>
  )
}
