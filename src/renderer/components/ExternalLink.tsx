import type { MouseEvent, ReactNode } from 'react'
import { appApi } from '../platform/appApi'

/**
 * Every link that leaves the app goes through the host's external-link policy: archive URLs
 * are untrusted text and must never navigate the app window or run as `javascript:`.
 */
export interface LinkProps {
  href: string
  children: ReactNode
  className?: string
}

export function ExternalLink({ href, children, className }: LinkProps): ReactNode {
  const open = (event: MouseEvent): void => {
    event.preventDefault()
    void appApi.openExternal(href)
  }
  return (
    <a href={href} className={className} onClick={open} rel="noopener noreferrer" target="_blank">
      {children}
    </a>
  )
}
