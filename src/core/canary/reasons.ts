import type { ComparisonOutcome } from './classify.js'
import type { ComparisonDetails, MetricSettings, SampleCounts, ThresholdDetails } from './types.js'

/** Four significant digits, without exponent noise for ordinary magnitudes. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'n/a'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (value === 0) return '0'
  return String(Number(value.toPrecision(4)))
}

export function formatSigned(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value)
}

export function formatPValue(p: number): string {
  if (Number.isNaN(p)) return 'n/a'
  return p < 0.001 ? p.toExponential(1) : String(Number(p.toPrecision(2)))
}

export function formatInterval(details: ComparisonDetails): string {
  const level = `${formatNumber(details.confidenceLevel * 100)}%`
  return `${formatSigned(details.estimate)} [${formatNumber(details.ciLower)}, ${formatNumber(details.ciUpper)}] at ${level}`
}

function effectName(details: ComparisonDetails): string {
  return details.effectSizeMeasure === 'cles' ? 'CLES' : 'ratio'
}

function effectValue(details: ComparisonDetails): string {
  if (!Number.isNaN(details.effectSize))
    return `${effectName(details)} ${formatNumber(details.effectSize)}`
  return `${effectName(details)} n/a (a mean is 0)`
}

export function comparisonReason(outcome: ComparisonOutcome, settings: MetricSettings): string {
  const reason = decisionReason(outcome, settings)
  const d = outcome.details
  return d?.coarse
    ? `${reason}; coarse interval: the values span less than 0.01, scale the metric`
    : reason
}

function decisionReason(outcome: ComparisonOutcome, settings: MetricSettings): string {
  const d = outcome.details
  switch (outcome.decision) {
    case 'identical':
      return 'canary and baseline samples are identical'
    case 'single-value':
      return 'every canary and baseline sample has the same value'
    case 'error':
      return `cannot compare: ${outcome.error}`
  }
  if (!d) return outcome.decision
  const p = `p = ${formatPValue(d.pValue)}`
  const { allowedIncrease, allowedDecrease } = settings.effectSize
  const critical = outcome.critical ? '; critical failure' : ''
  switch (outcome.decision) {
    case 'high': {
      const gate = Number.isNaN(d.effectSize)
        ? effectValue(d)
        : `${effectValue(d)} ≥ allowed ${formatNumber(allowedIncrease)}`
      return `canary higher: shift ${formatInterval(d)}, ${gate}, ${p}${critical}`
    }
    case 'low': {
      const gate = Number.isNaN(d.effectSize)
        ? effectValue(d)
        : `${effectValue(d)} ≤ allowed ${formatNumber(allowedDecrease)}`
      return `canary lower: shift ${formatInterval(d)}, ${gate}, ${p}${critical}`
    }
    case 'below-effect-size': {
      const higher = d.ciLower > d.band
      const gate = higher
        ? `${effectValue(d)} < allowed ${formatNumber(allowedIncrease)}`
        : `${effectValue(d)} > allowed ${formatNumber(allowedDecrease)}`
      return `canary ${higher ? 'higher' : 'lower'} (shift ${formatInterval(d)}) but ${gate}, ${p}`
    }
    case 'allowed-direction': {
      const higher = d.ciLower > d.band
      return `canary ${higher ? 'higher' : 'lower'} (shift ${formatInterval(d)}), not a regression for direction ${settings.direction}, ${p}`
    }
    default:
      return `no clear shift: ${formatInterval(d)} does not clear ±${formatNumber(d.band)}, ${effectValue(d)}, ${p}`
  }
}

export function thresholdReason(
  classification: string,
  details: ThresholdDetails,
  used: number
): string {
  const what = `${details.aggregate} ${formatNumber(details.value)} of ${used} canary sample${used === 1 ? '' : 's'}`
  if (classification === 'High') return `${what} > max ${formatNumber(details.max!)}`
  if (classification === 'Low') return `${what} < min ${formatNumber(details.min!)}`
  const bounds = [
    details.min !== undefined ? `min ${formatNumber(details.min)}` : '',
    details.max !== undefined ? `max ${formatNumber(details.max)}` : ''
  ]
    .filter(Boolean)
    .join(', ')
  return `${what} within ${bounds || 'no bounds'}`
}

function sideText(side: string, counts: SampleCounts): string {
  const dropped = [
    counts.missing > 0 ? `${counts.missing} missing` : '',
    counts.warmup > 0 ? `${counts.warmup} warm-up` : '',
    counts.outliers > 0 ? `${counts.outliers} outliers` : ''
  ].filter(Boolean)
  return `${side} ${counts.used}${dropped.length > 0 ? ` (${dropped.join(', ')} dropped)` : ''}`
}

export function noDataReason(
  canary: SampleCounts,
  baseline: SampleCounts | undefined,
  settings: MetricSettings
): string {
  const sides = [sideText('canary', canary), baseline ? sideText('baseline', baseline) : ''].filter(
    Boolean
  )
  const empty = canary.used === 0 || (baseline !== undefined && baseline.used === 0)
  const head = empty ? 'no data' : `too few samples (min-samples ${settings.minSamples})`
  const policy = {
    fail: 'counted as a failure (on-no-data: fail)',
    inconclusive: 'inconclusive (on-no-data: inconclusive)',
    pass: 'counted as pass (on-no-data: pass)'
  }[settings.onNoData]
  return `${head}: ${sides.join(', ')}; ${policy}`
}
