import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { PaperRecord, PaperReference } from '../../shared/archive/entities'
import { routes } from '../../shared/routes'
import { ArchiveLink } from './ArchiveLink'

/**
 * An "introduced in" paper: the local page when synced; else its old-site page, which the app
 * routes to itself (it says what is missing and how to sync it); else the archive's link.
 */
export function PaperReferenceLink({
  reference,
  local
}: {
  reference: PaperReference | null
  local: PaperRecord | null
}): ReactNode {
  if (local) return <Link to={routes.paper(local.id)}>{local.title}</Link>
  if (!reference?.title) return <span className="muted">Unknown</span>
  if (reference.url) return <ArchiveLink href={reference.url}>{reference.title}</ArchiveLink>
  return <span>{reference.title}</span>
}
