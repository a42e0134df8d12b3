import { formatDate } from './allowlist.js'
import { publicFinding, SEVERITIES, type Counts } from './findings.js'
import type { GateResult } from './gate.js'

/** `slipway scan gate --format json`: exactly verdict, counts, blocking and suppressed. */
export function gateJson(result: GateResult) {
  return {
    verdict: result.verdict,
    counts: result.counts,
    blocking: result.blocking.map(publicFinding),
    suppressed: result.suppressed.map((s) => ({
      ...publicFinding(s.finding),
      suppressedBy: s.by,
      reason: s.reason,
      ...(s.source ? { source: s.source } : {})
    }))
  }
}

export function countsText(counts: Counts): string {
  return SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')
}

/** The one line that says why the gate failed (or that it passed). */
export function verdictLine(result: GateResult): string {
  if (result.failClosed) return `scan gate failed closed: ${result.failClosed}`
  const threshold = result.policy.failOn
  if (result.verdict === 'pass') {
    return `scan gate passed: no findings at or above ${threshold} (${countsText(result.counts)})`
  }
  const n = result.blocking.length
  const bySeverity = SEVERITIES.map(
    (s) => [s, result.blocking.filter((f) => f.severity === s).length] as const
  )
    .filter(([, count]) => count > 0)
    .map(([s, count]) => `${count} ${s}`)
    .join(', ')
  const ids = result.blocking
    .slice(0, 3)
    .map((f) => `${f.id} (${f.package})`)
    .join(', ')
  const more = n > 3 ? `, and ${n - 3} more` : ''
  return `scan gate failed: ${n} finding${n === 1 ? '' : 's'} at or above ${threshold} (${bySeverity}): ${ids}${more}`
}

/** The human output of `slipway scan gate`. */
export function gateText(result: GateResult, limit = 50): string {
  const lines = [verdictLine(result)]
  if (!result.failClosed || result.findings.length > 0)
    lines.push(`counts: ${countsText(result.counts)}`)
  if (result.blocking.length > 0) {
    lines.push('blocking:')
    for (const f of result.blocking.slice(0, limit)) {
      lines.push(
        `  ${f.severity.padEnd(8)} ${f.id} ${f.package} ${f.installed} -> ${f.fixed ?? 'no fix'}`
      )
    }
    if (result.blocking.length > limit)
      lines.push(`  ... and ${result.blocking.length - limit} more`)
  }
  if (result.inBaseline.length > 0) {
    lines.push(`not blocking, already in the baseline (only-new): ${result.inBaseline.length}`)
  }
  if (result.suppressed.length > 0) {
    lines.push('suppressed:')
    for (const s of result.suppressed.slice(0, limit)) {
      lines.push(`  ${s.finding.id} ${s.finding.package} ${s.finding.installed}: ${s.reason}`)
    }
    if (result.suppressed.length > limit)
      lines.push(`  ... and ${result.suppressed.length - limit} more`)
  }
  for (const { entry, matches } of result.expired) {
    const date = entry.expires ? formatDate(entry.expires) : ''
    const effect = matches > 0 ? `; ${matches} finding${matches === 1 ? '' : 's'} count again` : ''
    lines.push(
      `expired allowlist entry: ${entry.id} (expired ${date}, ${entry.source.file}:${entry.source.line ?? 1})${effect}`
    )
  }
  return lines.join('\n') + '\n'
}
