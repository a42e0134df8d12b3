import { chartLabel } from '../summary-text.js'
import type { Samples } from './live.js'

/**
 * A Mermaid xychart of canary against baseline for one metric, which GitHub renders in job
 * summaries. Steps where either side has no sample are left out, since a line cannot skip.
 */
export function metricChart(
  name: string,
  canary: Samples,
  baseline: Samples,
  stepSeconds: number
): string {
  const c = canary.get(name) ?? []
  const b = baseline.get(name) ?? []
  const points: { t: number; canary: number; baseline: number }[] = []
  for (let i = 0; i < Math.min(c.length, b.length); i++) {
    if (Number.isFinite(c[i]) && Number.isFinite(b[i])) {
      points.push({ t: i * stepSeconds, canary: c[i], baseline: b[i] })
    }
  }
  if (points.length === 0) return ''
  const round = (v: number) => Number(v.toPrecision(4))
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${chartLabel(name)}: canary (first line) vs baseline"`,
    `  x-axis "seconds" [${points.map((p) => p.t).join(', ')}]`,
    `  line [${points.map((p) => round(p.canary)).join(', ')}]`,
    `  line [${points.map((p) => round(p.baseline)).join(', ')}]`,
    '```'
  ].join('\n')
}
