import type { GroupScore, KayentaClassification, ScoreThresholds } from './types.js'

/** Spinnaker's documented starting points. */
export const DEFAULT_SCORE_THRESHOLDS: ScoreThresholds = { pass: 95, marginal: 75 }
/** Kayenta's ScoringHelper: this share of Nodata results or more zeroes the score. */
export const NODATA_THRESHOLD_PERCENT = 50

export interface ScoreInput {
  classification: KayentaClassification
  groups: readonly string[]
  critical: boolean
}

export interface ScoreResult {
  score: number
  groups: GroupScore[]
  /** A critical result other than Pass zeroed the score. */
  criticalFailure: boolean
  /** Half or more of the results were Nodata, which zeroed the score. */
  tooMuchNoData: boolean
}

/**
 * Kayenta's WeightedSumScorer with ScoringHelper's overrides. Per group, the share of
 * Pass among Pass, High, Low and NodataFailMetric (Nodata and Error are left out); a group
 * with nothing countable counts as 100. Groups without a weight share what the given
 * weights leave of 100. One difference, documented: when the weights of the groups in
 * play do not add up to 100 the sum is normalised (a weighted mean), so relative weights
 * such as {errors: 2, latency: 1} work; weights that add up to 100 score exactly as Kayenta.
 */
export function weightedSumScore(
  results: readonly ScoreInput[],
  groupWeights: Readonly<Record<string, number>> = {}
): ScoreResult {
  const tallies = new Map<string, { pass: number; countable: number }>()
  for (const result of results) {
    for (const group of result.groups) {
      const tally = tallies.get(group) ?? { pass: 0, countable: 0 }
      if (result.classification === 'Pass') tally.pass++
      if (result.classification !== 'Nodata' && result.classification !== 'Error') tally.countable++
      tallies.set(group, tally)
    }
  }
  // Group names are data: only the weights' own entries count (not `constructor` & co).
  const weights = new Map(Object.entries(groupWeights))
  const names = [...tallies.keys()]
  const weighted = names.filter((name) => weights.has(name))
  const given = weighted.reduce((sum, name) => sum + weights.get(name)!, 0)
  const unweightedCount = names.length - weighted.length
  const share = unweightedCount > 0 ? Math.max(0, 100 - given) / unweightedCount : 0
  const groups: GroupScore[] = names.map((name) => {
    const { pass, countable } = tallies.get(name)!
    return {
      name,
      score: countable === 0 ? 0 : (100 * pass) / countable,
      noData: countable === 0,
      weight: weights.get(name) ?? share
    }
  })

  const criticalFailure = results.some((r) => r.critical && r.classification !== 'Pass')
  const noData = results.filter((r) => r.classification === 'Nodata').length
  const tooMuchNoData =
    results.length > 0 && (100 * noData) / results.length >= NODATA_THRESHOLD_PERCENT
  if (criticalFailure || tooMuchNoData || groups.length === 0) {
    return { score: 0, groups, criticalFailure, tooMuchNoData }
  }
  const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0)
  let sum = 0
  for (const g of groups) sum += ((g.noData ? 100 : g.score) * g.weight) / 100
  const normalised = totalWeight > 0 && totalWeight !== 100 ? (sum * 100) / totalWeight : sum
  return { score: roundHalfUp(normalised, 2), groups, criticalFailure, tooMuchNoData }
}

/** Kayenta's ThresholdScoreClassifier. */
export function classifyScore(
  score: number,
  thresholds: ScoreThresholds
): 'Pass' | 'Marginal' | 'Fail' {
  if (score >= thresholds.pass) return 'Pass'
  if (score >= thresholds.marginal) return 'Marginal'
  return 'Fail'
}

/**
 * Half-up rounding of the decimal a double prints as (commons-math Precision.round, which
 * goes through the decimal string), so 1.005 becomes 1.01 and not 1.
 */
export function roundHalfUp(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value
  const text = Math.abs(value).toString()
  const [whole, fraction = ''] = text.split('.')
  if (text.includes('e') || fraction.length <= digits) return value
  const scale = 10 ** digits
  const kept = Number(whole) * scale + Number(fraction.slice(0, digits))
  const rounded = (fraction.charCodeAt(digits) >= 53 ? kept + 1 : kept) / scale
  return value < 0 ? -rounded : rounded
}

/**
 * Kayenta stand-alone analysis's final decision from the last judgement's score: it
 * fails at or below marginal (note: the judge calls a score equal to marginal Marginal)
 * and below pass; without thresholds it passes.
 */
export function standaloneDidPass(
  finalScore: number,
  thresholds: { pass?: number; marginal?: number }
): boolean {
  if (thresholds.marginal !== undefined && finalScore <= thresholds.marginal) return false
  if (thresholds.pass !== undefined && finalScore < thresholds.pass) return false
  return true
}
