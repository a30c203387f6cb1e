import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { archiveLinkTarget } from '../../shared/archiveLinkTarget'
import { ExternalLink, type LinkProps } from './ExternalLink'

/** A URL from the archive: an old-site page the app renders opens here, anything else outside. */
export function ArchiveLink({ href, children, className }: LinkProps): ReactNode {
  const target = archiveLinkTarget(href)
  return target.kind === 'route' ? (
    <Link to={target.path} className={className}>
      {children}
    </Link>
  ) : (
    <ExternalLink href={target.url} className={className}>
      {children}
    </ExternalLink>
  )
}
