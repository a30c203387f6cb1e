import { useLayoutEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react'
import { useNavigate } from 'react-router-dom'
import 'katex/dist/katex.min.css'
import { appApi } from '../../platform/appApi'
import { RevealControl } from '../RevealControl'
import { useShownText, type ArchiveTextRef } from '../useShownText'
import { APP_ROUTE_ATTRIBUTE } from './markdownRenderProtocol'
import { useMarkdownPieces } from './useMarkdownPieces'

/**
 * Archive Markdown, rendered safely and within bounds (issue #13). The worker renders it piece
 * by piece; until the reader asks for more, only the first piece shows, and its height is capped
 * by CSS (`.markdown--preview`) because even a short text of bounded TeX can stack tall boxes.
 * Links to pages the app has (rewritten by `renderArchiveMarkdown`) navigate in the app; every
 * other link leaves through the external-link policy. An archive text stored apart (longText.ts)
 * shows from its record's preview; the rest is read as the reader reveals it.
 */
export function MarkdownText({
  text: source,
  className
}: {
  text: string | ArchiveTextRef
  className?: string
}): ReactNode {
  const shownText = useShownText(source)
  const { text, total } = shownText
  const { pieces, shown, busy, expanded, revealMore } = useMarkdownPieces(shownText)
  const [clipped, setClipped] = useState(false)
  const container = useRef<HTMLDivElement>(null)
  const navigate = useNavigate()

  useLayoutEffect(() => {
    const element = container.current
    setClipped(!expanded && element !== null && element.scrollHeight > element.clientHeight)
  }, [pieces, expanded])

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as HTMLElement).closest('a')
    if (!anchor) return
    event.preventDefault()
    const href = anchor.getAttribute('href') ?? ''
    if (anchor.hasAttribute(APP_ROUTE_ATTRIBUTE)) navigate(href)
    else void appApi.openExternal(href)
  }

  return (
    <>
      <div
        ref={container}
        className={`markdown ${expanded ? '' : 'markdown--preview'} ${className ?? ''}`}
        aria-busy={busy}
        onClick={onClick}
      >
        {pieces.map((piece) =>
          piece.html === null ? (
            // The worker failed or overran its budget: the source, as inert text.
            <p key={piece.start} className="markdown__source">
              {text.slice(piece.start, piece.end)}
            </p>
          ) : (
            // The HTML comes from markdown-it with raw HTML disabled and KaTeX with trust off.
            <div key={piece.start} dangerouslySetInnerHTML={{ __html: piece.html }} />
          )
        )}
      </div>
      {pieces.length > 0 && (
        <RevealControl shown={shown} total={total} clipped={clipped} busy={busy} onReveal={revealMore} />
      )}
    </>
  )
}
