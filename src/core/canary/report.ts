import { formatInterval, formatNumber, formatPValue } from './reasons.js'
import { formatSequentialInterval } from './sequential-metric.js'
import type { Judgement, MetricResult } from './types.js'
import { summaryText } from '../summary-text.js'

const MARK: Record<MetricResult['classification'], string> = {
  Pass: '✅ Pass',
  High: '❌ High',
  Low: '❌ Low',
  NoData: '⚠️ NoData',
  Error: '⚠️ Error'
}

/** The judgement as JSON; NaN (a mean ratio with a zero mean, an empty side) becomes null. */
export function judgementJson(judgement: Judgement): string {
  return JSON.stringify(judgement, null, 2) + '\n'
}

/** A per-metric table for a job summary or a pull-request comment. */
export function judgementMarkdown(judgement: Judgement): string {
  const lines = [
    `### Canary analysis: ${judgement.verdict} (score ${formatNumber(judgement.score)})`,
    '',
    escape(judgement.reason),
    '',
    '| Metric | Result | Canary median | Baseline median | Shift [interval] | p-value | Reason |',
    '| --- | --- | ---: | ---: | --- | ---: | --- |'
  ]
  for (const m of judgement.metrics) {
    const critical = m.critical ? ' (critical)' : ''
    lines.push(
      '| ' +
        [
          `${escape(m.name)}${critical}`,
          MARK[m.classification],
          formatNumber(m.canary.median),
          m.baseline ? formatNumber(m.baseline.median) : '—',
          shiftCell(m),
          m.comparison ? formatPValue(m.comparison.pValue) : '—',
          escape(m.reason)
        ].join(' | ') +
        ' |'
    )
  }
  const { pass, marginal } = judgement.thresholds
  lines.push('', `Pass at score ≥ ${formatNumber(pass)}, marginal at ≥ ${formatNumber(marginal)}.`)
  return lines.join('\n') + '\n'
}

function shiftCell(m: MetricResult): string {
  if (m.comparison) return formatInterval(m.comparison)
  if (m.sequential) {
    const d = m.sequential
    return `${formatSequentialInterval(d)}, ${formatNumber(d.effectiveSamples)} effective of ${d.pairs}`
  }
  if (m.threshold) {
    const bounds = [
      m.threshold.min !== undefined ? `min ${formatNumber(m.threshold.min)}` : '',
      m.threshold.max !== undefined ? `max ${formatNumber(m.threshold.max)}` : ''
    ].filter(Boolean)
    return `${m.threshold.aggregate} ${formatNumber(m.threshold.value)} vs ${bounds.join(', ') || 'no bounds'}`
  }
  return '—'
}

const escape = summaryText
