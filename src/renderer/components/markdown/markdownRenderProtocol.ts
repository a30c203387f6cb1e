import type { RenderedPiece } from './markdownPieces'

/**
 * Marks the links `MarkdownText` navigates in the app for, rather than opening externally. Here,
 * not beside the renderer that sets it: the UI must not import markdown-it and KaTeX for it.
 */
export const APP_ROUTE_ATTRIBUTE = 'data-app-route'

/** One piece to render: the text from where the last piece ended, cut to a window. */
export interface MarkdownPieceRequest {
  id: number
  window: string
  maxChars: number
}

export type MarkdownPieceReply = { id: number } & (
  { type: 'rendered'; piece: RenderedPiece } | { type: 'failed'; message: string }
)
