import { formatDuration } from '../duration.js'
import {
  allowlistMatches,
  findAllowlistEntry,
  formatDate,
  indexAllowlist,
  isExpired,
  type AllowlistEntry
} from './allowlist.js'
import {
  atOrAbove,
  bySeverity,
  countBySeverity,
  distinctFindings,
  emptyCounts,
  findingKey,
  groupFindings,
  idsOf,
  severityRank,
  type Counts,
  type FailOn,
  type Finding
} from './findings.js'
import type { ScanReport } from './report.js'
import { indexVex, suppresses, vexDecision, vexReason, type VexStatement } from './vex.js'

// The policy gate: a pure function of a report, the policy and the documents that suppress
// findings. Only it decides pass or fail; the report itself is never filtered.

export interface GatePolicy {
  failOn: FailOn
  ignoreUnfixed: boolean
  /** Fail closed when the vulnerability data is older than this many milliseconds. */
  maxDbAgeMs?: number
  /**
   * Let a Trivy report without Results pass: an image in which the scanner finds nothing to
   * check (a static binary on scratch). Otherwise such a report fails closed.
   */
  allowEmptyReport?: boolean
}

export interface GateInputs {
  report: ScanReport
  policy: GatePolicy
  allowlist?: AllowlistEntry[]
  vex?: VexStatement[]
  /** only-new: findings this report also has do not block. */
  baseline?: ScanReport
  now: Date
  /** When the scanner's database was last updated, if known from outside the report (Trivy). */
  dbUpdatedAt?: Date
}

export type SuppressedBy = 'scanner' | 'vex' | 'allowlist' | 'ignore-unfixed'

export interface Suppression {
  finding: Finding
  by: SuppressedBy
  reason: string
  /** The file (and line) that suppressed it. */
  source?: string
}

export interface ExpiredEntry {
  entry: AllowlistEntry
  /** Distinct findings it would still suppress, which now count again. */
  matches: number
}

export interface DataAge {
  what: 'database updated' | 'database built' | 'report written'
  at: Date
  ageMs: number
}

export interface GateResult {
  verdict: 'pass' | 'fail'
  /** Distinct findings after suppression, by severity. */
  counts: Counts
  /** Distinct findings after suppression, highest severity first. */
  findings: Finding[]
  /** Findings at or above fail-on that fail the gate. */
  blocking: Finding[]
  suppressed: Suppression[]
  /** Findings at or above fail-on that do not block because the baseline has them. */
  inBaseline: Finding[]
  expired: ExpiredEntry[]
  dataAge?: DataAge
  /** Why the gate failed closed, in one line, when it did. */
  failClosed?: string
  policy: GatePolicy
}

export function evaluateGate(inputs: GateInputs): GateResult {
  const { report, policy, now } = inputs
  const allowlist = inputs.allowlist ?? []
  const allowed = indexAllowlist(allowlist.filter((entry) => !isExpired(entry, now)))
  const vexIndex = indexVex(inputs.vex ?? [])

  const suppressionOf = (finding: Finding): Omit<Suppression, 'finding'> | undefined => {
    if (finding.status === 'not_affected') {
      return { by: 'scanner', reason: 'the vendor says not affected (status not_affected)' }
    }
    const statement = vexDecision(finding, vexIndex, report.artifact)
    if (statement && suppresses(statement)) {
      return { by: 'vex', reason: vexReason(statement), source: statement.file }
    }
    const entry = findAllowlistEntry(allowed, finding)
    if (entry) {
      const until = entry.expires ? ` (until ${formatDate(entry.expires)})` : ''
      return { by: 'allowlist', reason: `${entry.reason}${until}`, source: where(entry) }
    }
    if (policy.ignoreUnfixed && finding.status !== 'fixed') {
      return { by: 'ignore-unfixed', reason: `no fix available (${finding.status})` }
    }
    return undefined
  }

  const remaining: Finding[] = []
  const suppressedOccurrences: Suppression[] = report.upstreamSuppressed.map((s) => ({
    finding: s.finding,
    by: 'scanner',
    reason: s.reason
  }))
  for (const finding of report.findings) {
    const suppression = suppressionOf(finding)
    if (suppression) suppressedOccurrences.push({ finding, ...suppression })
    else remaining.push(finding)
  }

  const groups = groupFindings(remaining)
  const findings = bySeverity(groups.values())
  const suppressed = distinctSuppressions(suppressedOccurrences, groups)

  const known = inputs.baseline ? baselineIds(inputs.baseline) : undefined
  const atThreshold = findings.filter((f) => atOrAbove(f.severity, policy.failOn))
  const inBaseline = known ? atThreshold.filter((f) => isKnown(f, known)) : []
  const blocking = known ? atThreshold.filter((f) => !isKnown(f, known)) : atThreshold

  const expired = allowlist
    .filter((entry) => isExpired(entry, now))
    .map((entry) => ({ entry, matches: findings.filter((f) => allowlistMatches(entry, f)).length }))

  const dataAge = dataAgeOf(inputs)
  const failClosed = failClosedReason(inputs, dataAge)
  return {
    verdict: failClosed || blocking.length > 0 ? 'fail' : 'pass',
    counts: countBySeverity(findings),
    findings,
    blocking,
    suppressed,
    inBaseline,
    expired,
    ...(dataAge ? { dataAge } : {}),
    ...(failClosed ? { failClosed } : {}),
    policy
  }
}

/** The result when there is no usable report: fail, saying why. */
export function failedGate(policy: GatePolicy, reason: string): GateResult {
  return {
    verdict: 'fail',
    counts: emptyCounts(),
    findings: [],
    blocking: [],
    suppressed: [],
    inBaseline: [],
    expired: [],
    failClosed: reason,
    policy
  }
}

function distinctSuppressions(
  occurrences: Suppression[],
  activeKeys: Map<string, Finding>
): Suppression[] {
  const byKey = new Map<string, Suppression[]>()
  for (const occurrence of occurrences) {
    const key = findingKey(occurrence.finding)
    if (activeKeys.has(key)) continue
    const list = byKey.get(key)
    if (list) list.push(occurrence)
    else byKey.set(key, [occurrence])
  }
  return [...byKey.values()]
    .map((list) => {
      const [merged] = distinctFindings(list.map((s) => s.finding))
      return { ...list[0], finding: merged }
    })
    .sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity))
}

/** Per package, every ID the baseline knows (any version: an upgrade that keeps a CVE is not new). */
function baselineIds(baseline: ScanReport): Map<string, Set<string>> {
  const known = new Map<string, Set<string>>()
  const add = (finding: Finding) => {
    let ids = known.get(finding.package)
    if (!ids) known.set(finding.package, (ids = new Set()))
    for (const id of idsOf(finding)) ids.add(id)
  }
  baseline.findings.forEach(add)
  baseline.upstreamSuppressed.forEach((s) => add(s.finding))
  return known
}

function isKnown(finding: Finding, known: Map<string, Set<string>>): boolean {
  const ids = known.get(finding.package)
  return ids !== undefined && idsOf(finding).some((id) => ids.has(id))
}

function dataAgeOf(inputs: GateInputs): DataAge | undefined {
  const { report, now, dbUpdatedAt } = inputs
  const known: [DataAge['what'], Date | undefined][] = [
    ['database updated', dbUpdatedAt],
    ['database built', report.dbBuiltAt],
    ['report written', report.createdAt]
  ]
  const [what, at] = known.find(([, date]) => date !== undefined) ?? []
  return what && at ? { what, at, ageMs: now.getTime() - at.getTime() } : undefined
}

function failClosedReason(inputs: GateInputs, dataAge: DataAge | undefined): string | undefined {
  const { report, policy } = inputs
  if (policy.maxDbAgeMs !== undefined) {
    const limit = formatDuration(policy.maxDbAgeMs)
    if (!dataAge) {
      return `cannot tell how old the vulnerability data is (the report has no database or creation time), and max-db-age is ${limit}`
    }
    if (dataAge.ageMs > policy.maxDbAgeMs) {
      const subject =
        dataAge.what === 'report written'
          ? 'the report was written'
          : `the vulnerability ${dataAge.what.replace(' ', ' was ')}`
      return `${subject} ${formatAge(dataAge.ageMs)} ago (${dataAge.at.toISOString()}), longer than max-db-age ${limit}: refresh the database or rescan`
    }
  }
  if (report.scannedTargets === 0 && !policy.allowEmptyReport) {
    return `the ${report.scanner} report has no Results: it checked no packages in ${report.artifact.name || 'the artifact'} (its OS was not detected, or every scanner was skipped), and a scan that saw nothing does not pass; set allow-empty-report if the image really has nothing to scan`
  }
  if (policy.ignoreUnfixed && !report.hasFixInfo) {
    const by = report.scannerVersion ? ` (${report.scanner} ${report.scannerVersion})` : ''
    return `the report${by} has no fix information, so ignore-unfixed cannot be applied: rescan with a current ${report.scanner}`
  }
  return undefined
}

function formatAge(ms: number): string {
  const hours = Math.floor(ms / 3_600_000)
  if (hours >= 48) return `${Math.floor(hours / 24)} days`
  if (hours >= 1) return `${hours}h`
  return `${Math.max(0, Math.floor(ms / 60_000))}m`
}

function where(entry: AllowlistEntry): string {
  return entry.source.line ? `${entry.source.file}:${entry.source.line}` : entry.source.file
}
