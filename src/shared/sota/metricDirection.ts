/**
 * Which way is "better" for a leaderboard metric, guessed from its name.
 *
 * The dumps never say whether a metric is minimised: a metric is only a free-text column name
 * ("Top 1 Accuracy", "Test perplexity", "MAE (10% missing)", "AUC (horizon error)"), and 966
 * distinct names occur in the 2020 evaluation tables alone (see docs/metric-directions.md).
 * Getting it wrong silently turns a SotA chart upside down, so the guess is explainable (the
 * rule that decided it is returned) and a leaderboard can override it.
 *
 * How a name is read:
 * 1. The head (the name without its bracketed qualifiers) is tried first, so a qualifier cannot
 *    flip the metric it qualifies: "AUC (horizon error)" is an AUC, "Accuracy (error)" an accuracy.
 * 2. Only when the head says nothing are the qualifiers read: "Speed (ms/f)" vs "Speed (FPS)".
 * 3. Within one text, the match that ends last wins (in English compounds the last noun is the
 *    head: "Top-1 Error" is an error, "Error-free accuracy" an accuracy); between matches ending
 *    at the same place the longer one wins ("negative log-likelihood" over "log-likelihood").
 * 4. Nothing matched: higher is better, which is true of the large majority of metrics.
 */

export type MetricDirection = 'higher-is-better' | 'lower-is-better'

export interface MetricDirectionInference {
  direction: MetricDirection
  /** The rule that decided, for review tables and tooltips; `'default'` when no rule matched. */
  rule: string
}

export interface ResolvedMetricDirection extends MetricDirectionInference {
  /** `'override'` when a leaderboard-level choice replaced the inference. */
  source: 'inferred' | 'override'
}

interface DirectionRule {
  rule: string
  direction: MetricDirection
  pattern: RegExp
}

const LOWER: MetricDirection = 'lower-is-better'
const HIGHER: MetricDirection = 'higher-is-better'

// Patterns run on a lower-cased name with collapsed whitespace. They carry the `g` flag only
// because `matchAll` needs it; each is used through `matchAll`, never through stateful `exec`.
const RULES: readonly DirectionRule[] = [
  // --- lower is better -------------------------------------------------------------------
  { rule: 'error', direction: LOWER, pattern: /\berr(or|ors)?\b/g },
  { rule: 'relative rotation/translation error (Rerr, Terr)', direction: LOWER, pattern: /\b[rt]err\b/g },
  { rule: 'loss', direction: LOWER, pattern: /loss\b/g },
  { rule: 'perplexity', direction: LOWER, pattern: /\b(perplexity|ppl)\b/g },
  { rule: 'word/character/phoneme error rate', direction: LOWER, pattern: /\b(wer|cer|der)\b/g },
  {
    rule: 'bits or nats per unit',
    direction: LOWER,
    pattern: /\b(bits?|nats)\b|\b(bpc|bpd|bpb|bpsp|bits\/dim(ension)?)\b/g
  },
  {
    rule: 'negative log-likelihood',
    direction: LOWER,
    pattern: /\b(nll|negll)\b|\bneg(ative)?[ -]*(log[ -]?likelihood|elbo)\b/g
  },
  {
    rule: 'squared/absolute error (MSE, RMSE, MAE)',
    direction: LOWER,
    pattern: /(rmse|mse|mae|msle)\b|\brms\b/g
  },
  {
    rule: 'equal/false error or miss rate (EER, HTER, ACER, BER, MR)',
    direction: LOWER,
    pattern: /\b(eer|hter|acer|apcer|bpcer|ber|fpr\d*|fnr|m?mr|miss rate)\b/g
  },
  { rule: 'distance', direction: LOWER, pattern: /\b(distance|chamfer|hausdorff)\b/g },
  { rule: 'L1/L2 distance', direction: LOWER, pattern: /\bl[12]\b/g },
  {
    rule: 'distribution distance (FID, KID, MMD, KL, EMD, CD, LPIPS)',
    direction: LOWER,
    pattern: /fid\b|\b(kid|frd|mmd|kl|emd|cd|lpips|1-nna)\b/g
  },
  {
    rule: 'no-reference quality where lower is better (NIQE, MOVIE)',
    direction: LOWER,
    pattern: /\b(niqe|movie)\b/g
  },
  {
    rule: 'displacement/landmark/pose error (ADE, FDE, NME, MPJPE, EPE)',
    direction: LOWER,
    pattern: /\b(ade|fde|nme|mace|a?epe|mpjpe|mjpe|mpvpe|pa-mpjpe|pa-mpvpe|gte|cvgtce|lmd|ld|avd|msd|sad)\b/g
  },
  { rule: 'target registration error (TRE)', direction: LOWER, pattern: /\b(am|mm)?r?tre\b/g },
  { rule: 'mean angle error in motion forecasting (MAR)', direction: LOWER, pattern: /^mar\b/g },
  {
    rule: 'segmentation disagreement (VOI, variation of information, CREMI)',
    direction: LOWER,
    pattern: /\b(voi|vi merge|vi split|variation of information|cremi( score)?)\b/g
  },
  { rule: 'mean or median rank', direction: LOWER, pattern: /\b(mean|median|avg|average) rank\b/g },
  {
    rule: 'failure/outlier rate (Fl-all, BadPix, OOB, FR)',
    direction: LOWER,
    pattern: /\b(fl-all|d1-all|badpix|oob|failure|outliers?|fr@)\b/g
  },
  { rule: 'mean error (ME)', direction: LOWER, pattern: /^me\b/g },
  {
    rule: 'folding or mesh defects (negative Jacobian determinant)',
    direction: LOWER,
    pattern: /det-?jac|jacob(ian)? det/g
  },
  { rule: 'clicks needed (NoC)', direction: LOWER, pattern: /\bnoc\b/g },
  { rule: 'regret', direction: LOWER, pattern: /\bregret\b/g },
  { rule: 'duplicates', direction: LOWER, pattern: /\bduplicate\b/g },
  { rule: 'spread (stdev)', direction: LOWER, pattern: /\b(stdev|std|variance)\b/g },
  { rule: 'ABX discrimination error', direction: LOWER, pattern: /\babx\b/g },
  {
    rule: 'imputed trajectory statistics (step change, path length/difference)',
    direction: LOWER,
    pattern: /\b(step change|path length|path difference)\b/g
  },
  {
    rule: 'compute or model size (params, FLOPs, MACs, size)',
    direction: LOWER,
    pattern: /\b(params?|parameters|g?flops|macs|model size|size|memory)\b/g
  },
  { rule: 'time or latency', direction: LOWER, pattern: /(?<![\w-])(run[- ]?time|time|latency)(?![\w-])/g },
  {
    rule: 'time unit',
    direction: LOWER,
    pattern: /\b(ms\/f(rame)?|s\/img|sec|secs|seconds|gpu[- ]?(days|hours))\b|\((ms|s|min|h)\)/g
  },
  {
    rule: 'entropy (bits per dimension under another name)',
    direction: LOWER,
    pattern: /\b(cross-)?entropy\b/g
  },
  // 300W face alignment names its NME columns after the split ("Fullset (public)").
  { rule: '300W split reporting NME', direction: LOWER, pattern: /^full ?set\b/g },
  {
    rule: 'PROBA-V normalized cPSNR (a ratio to a baseline, lower is better)',
    direction: LOWER,
    pattern: /normalized cpsnr/g
  },

  // --- higher is better ------------------------------------------------------------------
  // Listed so that a qualifier cannot overrule them (rule 1) and so reviews show why.
  { rule: 'error-free', direction: HIGHER, pattern: /\berror[- ]free\b/g },
  { rule: 'expected reciprocal rank (ERR@k)', direction: HIGHER, pattern: /\berr@\d+/g },
  { rule: 'log-likelihood', direction: HIGHER, pattern: /\blog[ -]?likelihood\b|\belbo\b/g },
  { rule: 'accuracy', direction: HIGHER, pattern: /\b(accuracy|acc|[a-z]?acc|correct)\b|\bacc(@|-)/g },
  { rule: 'top-k or rank-k', direction: HIGHER, pattern: /\b(top|rank)[- ]?\d+\b/g },
  {
    rule: 'precision, recall, F-measure, accept rate',
    direction: HIGHER,
    pattern:
      /\b(precision|recall|f\d?(\.\d)?|f1|f-?measure|f-?score|micro-f1|macro-f1|h-mean|sensitivity|specificity|ppv|gar|tar)\b/g
  },
  {
    rule: 'retrieval (R@k, P@k, hits, MRR, NDCG)',
    direction: HIGHER,
    pattern: /\b(r\d*@\d+|p@\d+%?|hits?@\d+|mrr|(inf)?ndcg(@\d+)?|recall@\w+)/g
  },
  {
    rule: 'average precision/recall (AP, mAP, AR)',
    direction: HIGHER,
    pattern: /\b(m?ap|ap\d+|ar\d*|ar@\d+|ap[sml]|ar[sml]|map@[\w.:()]+|box ap|mask ap|mesh ap|aph\/l2)\b/g
  },
  {
    rule: 'area under a curve (AUC, AUROC, AUPR)',
    direction: HIGHER,
    pattern: /\b(auc\w*|auroc|aupr\w*|roc)\b/g
  },
  {
    rule: 'overlap (IoU, Dice, Jaccard, PQ)',
    direction: HIGHER,
    pattern: /\b(m?iou\w*|iou\d*|dice|jaccard|j&f|pq\w*|sq\w*|rq\w*|overlap|eao)\b/g
  },
  {
    rule: 'text generation overlap (BLEU, ROUGE, METEOR, CIDEr)',
    direction: HIGHER,
    pattern: /(bleu|rouge|meteor|cide?r|spice|nist|parent)/g
  },
  {
    rule: 'signal/image fidelity (PSNR, SSIM, SDR, PESQ)',
    direction: HIGHER,
    pattern: /(psnr|ssim|fsim|uiqm|sdr|pesq|stoi)/g
  },
  { rule: 'exact match', direction: HIGHER, pattern: /\b(em|exact match)\b/g },
  { rule: 'keypoint correctness (PCK, PCP)', direction: HIGHER, pattern: /\b(pck\w*|pcp\w*|pdj\w*)/g },
  { rule: 'tracking accuracy (MOTA, MOTP, IDF1)', direction: HIGHER, pattern: /\b(mota|motp|amota|idf1)\b/g },
  { rule: 'inception score', direction: HIGHER, pattern: /\binception score\b|^(mask-)?c?is$/g },
  { rule: 'frame rate', direction: HIGHER, pattern: /\bfps\b/g },
  {
    rule: 'correlation or agreement',
    direction: HIGHER,
    pattern: /\b(correlation|kappa|tau|r\^2|ari|nmi|modularity)\b/g
  },
  {
    rule: 'score, reward, success',
    direction: HIGHER,
    pattern: /\b(score|rating|reward|returns?|success|hit@\d+|mos|opinion)\b/g
  }
]

function normalizeMetricName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The name without `(…)` and `[…]` qualifiers; the full name when it is all qualifier. */
function headOf(normalized: string): string {
  const head = normalized
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return head.length > 0 ? head : normalized
}

function decide(text: string): DirectionRule | null {
  let best: { rule: DirectionRule; start: number; end: number } | null = null
  for (const candidate of RULES) {
    for (const match of text.matchAll(candidate.pattern)) {
      const start = match.index
      const end = start + match[0].length
      // Rule 3 of the file comment: last end wins, then the longer match, then list order.
      if (best === null || end > best.end || (end === best.end && start < best.start)) {
        best = { rule: candidate, start, end }
      }
    }
  }
  return best?.rule ?? null
}

/** Infers the direction of `metricName`. Total: every string gets an answer. */
export function inferMetricDirection(metricName: string): MetricDirectionInference {
  const normalized = normalizeMetricName(metricName)
  const decided = decide(headOf(normalized)) ?? decide(normalized)
  if (decided === null) return { direction: HIGHER, rule: 'default' }
  return { direction: decided.direction, rule: decided.rule }
}

export function isLowerBetter(metricName: string): boolean {
  return inferMetricDirection(metricName).direction === LOWER
}

/**
 * The direction a leaderboard should use for `metricName`: the leaderboard's own override when
 * it has one (set by a user who knows the benchmark), the inference otherwise.
 */
export function resolveMetricDirection(
  metricName: string,
  override?: MetricDirection | null
): ResolvedMetricDirection {
  if (override === 'higher-is-better' || override === 'lower-is-better') {
    return { direction: override, rule: 'leaderboard override', source: 'override' }
  }
  return { ...inferMetricDirection(metricName), source: 'inferred' }
}
