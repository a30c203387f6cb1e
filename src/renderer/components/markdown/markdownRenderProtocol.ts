import type { RenderedPiece } from './markdownPieces'

/** One piece to render: the text from where the last piece ended, cut to a window. */
export interface MarkdownPieceRequest {
  id: number
  window: string
  maxChars: number
}

export type MarkdownPieceReply = { id: number } & (
  { type: 'rendered'; piece: RenderedPiece } | { type: 'failed'; message: string }
)
