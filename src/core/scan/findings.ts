// The scanner-independent shape of a vulnerability finding, and how findings are counted.

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const
export type Severity = (typeof SEVERITIES)[number]

/**
 * The severities `fail-on` accepts. A finding of unknown severity (the scanner's data has
 * none yet) blocks under `low` only, the level that means "any finding": under higher levels
 * it is counted and listed but does not block, as with Grype's --fail-on (docs/scan.md).
 */
export const FAIL_ON = ['critical', 'high', 'medium', 'low'] as const
export type FailOn = (typeof FAIL_ON)[number]

/**
 * Whether a fix exists, in Trivy's vocabulary (Grype's fix states map onto it). Only `fixed`
 * counts as fixable for ignore-unfixed, as with Trivy's --ignore-unfixed.
 */
export type FixStatus =
  | 'fixed'
  | 'affected'
  | 'will_not_fix'
  | 'fix_deferred'
  | 'end_of_life'
  | 'under_investigation'
  | 'not_affected'
  | 'unknown'

export interface Finding {
  id: string
  /** Other IDs of the same vulnerability (a GHSA's CVE, Grype's related vulnerabilities). */
  aliases: string[]
  package: string
  installed: string
  fixed?: string
  severity: Severity
  status: FixStatus
  /** Where the scanner found it: Trivy's Result target, Grype's first location. */
  target: string
  title: string
  url?: string
  dataSource?: string
  purl?: string
  /** The package's own path inside the image (Trivy PkgPath, Grype location), when known. */
  path?: string
  /** CVSS base score from the severity's source, when the report has one. */
  score?: number
  description?: string
}

export type Counts = Record<Severity, number>

export function emptyCounts(): Counts {
  return { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 }
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 }

export function severityRank(severity: Severity): number {
  return RANK[severity]
}

export function atOrAbove(severity: Severity, threshold: FailOn): boolean {
  if (severity === 'unknown') return threshold === 'low'
  return RANK[severity] >= RANK[threshold]
}

/** Trivy's upper case, Grype's title case with Negligible (counted as low), or missing. */
export function normaliseSeverity(value: unknown): Severity {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : ''
  if (text === 'negligible') return 'low'
  return (SEVERITIES as readonly string[]).includes(text) ? (text as Severity) : 'unknown'
}

const CVE = /^CVE-\d{4}-\d+$/i

/**
 * The ID findings are counted under: the finding's own ID when it is a CVE, else the one CVE
 * among its aliases (Grype reports GHSA-xxxx with CVE-yyyy as related), else its own ID.
 */
export function canonicalId(finding: Pick<Finding, 'id' | 'aliases'>): string {
  if (CVE.test(finding.id)) return finding.id.toUpperCase()
  if (finding.aliases.length === 0) return finding.id
  const cves = [...new Set(finding.aliases.filter((a) => CVE.test(a)).map((a) => a.toUpperCase()))]
  return cves.length === 1 ? cves[0] : finding.id
}

/** Findings are distinct by (vulnerability, package, installed version). */
export function findingKey(finding: Finding): string {
  return `${canonicalId(finding)}\u0000${finding.package}\u0000${finding.installed}`
}

/** Every ID the finding is known by, upper-cased. */
export function idsOf(finding: Pick<Finding, 'id' | 'aliases'>): string[] {
  return [finding.id, ...finding.aliases].map((id) => id.toUpperCase())
}

/**
 * Folds occurrences of one finding (several targets, or the same vulnerability under a GHSA and
 * a CVE ID) into one: the canonical ID, the highest severity, a fix if any occurrence knows one.
 */
export function mergeFinding(into: Finding, other: Finding): Finding {
  const id = canonicalId(into)
  const aliases = uniqueIds([into.id, ...into.aliases, other.id, ...other.aliases], id)
  const fixedOne = into.status === 'fixed' ? into : other.status === 'fixed' ? other : into
  const primary = other.id.toUpperCase() === id.toUpperCase() && into.id !== id ? other : into
  return {
    ...into,
    id,
    aliases,
    severity: RANK[other.severity] > RANK[into.severity] ? other.severity : into.severity,
    status: fixedOne.status,
    fixed: fixedOne.fixed ?? into.fixed ?? other.fixed,
    title: into.title || other.title,
    url: primary.url ?? into.url ?? other.url,
    dataSource: primary.dataSource ?? into.dataSource,
    score: into.score ?? other.score,
    description: into.description ?? other.description,
    purl: into.purl ?? other.purl
  }
}

/** Distinct findings, merged, highest severity first, otherwise in the report's order. */
export function distinctFindings(occurrences: Iterable<Finding>): Finding[] {
  return bySeverity(groupFindings(occurrences).values())
}

/** Distinct findings by findingKey, merged, in the order first seen. */
export function groupFindings(occurrences: Iterable<Finding>): Map<string, Finding> {
  const byKey = new Map<string, Finding>()
  for (const finding of occurrences) {
    const key = findingKey(finding)
    const seen = byKey.get(key)
    byKey.set(key, seen ? mergeFinding(seen, finding) : withCanonicalId(finding))
  }
  return byKey
}

function withCanonicalId(finding: Finding): Finding {
  const id = canonicalId(finding)
  if (id === finding.id) return finding
  return { ...finding, id, aliases: uniqueIds([finding.id, ...finding.aliases], id) }
}

/** IDs without duplicates (ignoring case) and without `except`, in their first spelling. */
function uniqueIds(ids: string[], except: string): string[] {
  const seen = new Set([except.toUpperCase()])
  const result: string[] = []
  for (const id of ids) {
    const upper = id.toUpperCase()
    if (seen.has(upper)) continue
    seen.add(upper)
    result.push(id)
  }
  return result
}

/** Highest severity first; within a severity the order given (a stable bucket sort). */
export function bySeverity(findings: Iterable<Finding>): Finding[] {
  const buckets: Record<Severity, Finding[]> = {
    critical: [],
    high: [],
    medium: [],
    low: [],
    unknown: []
  }
  for (const finding of findings) buckets[finding.severity].push(finding)
  return SEVERITIES.flatMap((severity) => buckets[severity])
}

export function countBySeverity(findings: Iterable<Finding>): Counts {
  const counts = emptyCounts()
  for (const finding of findings) counts[finding.severity]++
  return counts
}

/** The fields a finding is printed with (JSON output, summaries); the rest is internal. */
export function publicFinding(finding: Finding) {
  return {
    id: finding.id,
    aliases: finding.aliases,
    package: finding.package,
    installed: finding.installed,
    ...(finding.fixed !== undefined ? { fixed: finding.fixed } : {}),
    severity: finding.severity,
    status: finding.status,
    target: finding.target,
    title: finding.title,
    ...(finding.url !== undefined ? { url: finding.url } : {}),
    ...(finding.dataSource !== undefined ? { dataSource: finding.dataSource } : {})
  }
}
