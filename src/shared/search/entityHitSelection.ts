/**
 * Which of the ranked entity hits the palette shows. Scores alone let one kind fill every slot:
 * "imagenet" ranks ImageNet and seven ImageNet-* datasets above all 61 ImageNet leaderboards,
 * because a short dataset name scores higher than "Image Classification on ImageNet". So no kind
 * takes more than its share of the slots while another kind has hits to show.
 */

/** The most of the slots one kind takes while others have hits left. */
export const KIND_SHARE = 0.5

/**
 * The best `limit` hits, at most `ceil(limit × share)` of one kind unless no other kind has a
 * hit for the slot; the hits keep their rank order.
 */
export function selectAcrossKinds<Hit extends { kind: string }>(
  ranked: readonly Hit[],
  limit: number,
  share = KIND_SHARE
): Hit[] {
  const perKind = Math.max(1, Math.ceil(limit * share))
  const taken = new Set<number>()
  const counts = new Map<string, number>()
  for (const [rank, hit] of ranked.entries()) {
    if (taken.size >= limit) break
    const count = counts.get(hit.kind) ?? 0
    if (count >= perKind) continue
    counts.set(hit.kind, count + 1)
    taken.add(rank)
  }
  // Slots left over once every other kind ran out go back to the best remaining hits.
  for (let rank = 0; rank < ranked.length && taken.size < limit; rank += 1) taken.add(rank)
  return [...taken].sort((a, b) => a - b).map((rank) => ranked[rank])
}
