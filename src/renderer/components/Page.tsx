import { useEffect, type ReactNode } from 'react'

/** Title block of every page; also sets the window title so history and tabs read well. */
export function PageHeader({
  title,
  kicker,
  children
}: {
  title: string
  kicker?: string
  children?: ReactNode
}): ReactNode {
  useEffect(() => {
    document.title = `${title} — Papers With Code 2`
  }, [title])
  return (
    <div className="page-header">
      {kicker && <p className="page-header__kicker">{kicker}</p>}
      <h1>{title}</h1>
      {children && <div className="page-header__lede">{children}</div>}
    </div>
  )
}

export interface EmptyStateProps {
  title: string
  children?: ReactNode
  action?: ReactNode
}

/** What a page shows when the local archive has nothing for it yet, and what to do about it. */
export function EmptyState({ title, children, action }: EmptyStateProps): ReactNode {
  return (
    <section className="empty-state" aria-label={title}>
      <div className="empty-state__art" aria-hidden="true">
        ∅
      </div>
      <h2>{title}</h2>
      {children && <div className="empty-state__body">{children}</div>}
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  )
}
