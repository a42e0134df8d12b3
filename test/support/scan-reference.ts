import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './runner.js'

// An independent, deliberately plain reading of Trivy and Grype JSON reports, for checking the
// gate's counts: JSON.parse the whole file, one occurrence per Trivy vulnerability entry or Grype
// match, grouped by (vulnerability, package, installed version), highest severity kept.

/**
 * CI clones the repository with shared/ beside it; a git worktree sits one level deeper, so the
 * nearest shared/fixtures/scan above the repository is used (SLIPWAY_SHARED overrides).
 */
export const SCAN_FIXTURES = findFixtures()

function findFixtures(): string {
  if (process.env.SLIPWAY_SHARED) return path.join(process.env.SLIPWAY_SHARED, 'fixtures', 'scan')
  for (let dir = path.dirname(REPO_ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'fixtures', 'scan')
    if (existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) throw new Error('no shared/fixtures/scan above the repository')
  }
}

/** Every report under the fixtures (Trivy and Grype, extra/ included), relative paths. */
export function allScanReports(): string[] {
  const reports: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(SCAN_FIXTURES, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(relative)
      else if (entry.name.endsWith('.json')) reports.push(relative)
    }
  }
  walk('trivy')
  walk('grype')
  return reports.sort()
}

export const LEVELS = ['critical', 'high', 'medium', 'low', 'unknown'] as const
export type Level = (typeof LEVELS)[number]

export interface RefOccurrence {
  id: string
  ids: string[]
  pkg: string
  version: string
  severity: Level
  fixed: boolean
  purl?: string
}

export interface RefFinding {
  key: string
  id: string
  ids: string[]
  pkg: string
  version: string
  severity: Level
}

function level(value: unknown): Level {
  const text = String(value ?? '').toLowerCase()
  if (text === 'negligible') return 'low'
  return (LEVELS as readonly string[]).includes(text) ? (text as Level) : 'unknown'
}

const isCve = (id: string) => /^CVE-\d+-\d+$/i.test(id)

/** A GHSA with exactly one related CVE is counted under the CVE. */
function countedId(id: string, others: string[]): string {
  if (isCve(id)) return id.toUpperCase()
  const cves = [...new Set(others.filter(isCve).map((c) => c.toUpperCase()))]
  return cves.length === 1 ? cves[0] : id
}

/** A fixture report as plain JSON. */
function readReport(file: string) {
  return JSON.parse(readFileSync(path.join(SCAN_FIXTURES, file), 'utf8'))
}

/** A Trivy report that lists no Results: the scan checked nothing. */
export function referenceScannedNothing(file: string): boolean {
  const raw = readReport(file)
  return 'SchemaVersion' in raw && (raw.Results ?? []).length === 0
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export function referenceOccurrences(file: string): RefOccurrence[] {
  const raw = readReport(file)
  const out: RefOccurrence[] = []
  if ('SchemaVersion' in raw) {
    for (const result of raw.Results ?? []) {
      for (const v of result.Vulnerabilities ?? []) {
        if (v.Status === 'not_affected') continue
        const others: string[] = v.VendorIDs ?? []
        out.push({
          id: countedId(v.VulnerabilityID, others),
          ids: [v.VulnerabilityID, ...others].map((i: string) => i.toUpperCase()),
          pkg: v.PkgName ?? '',
          version: v.InstalledVersion ?? '',
          severity: level(v.Severity),
          fixed: v.Status === 'fixed' || (!v.Status && !!v.FixedVersion),
          purl: v.PkgIdentifier?.PURL
        })
      }
    }
  } else {
    for (const m of raw.matches ?? []) {
      const others: string[] = (m.relatedVulnerabilities ?? []).map((r: any) => r.id)
      const fix = m.vulnerability.fix
      const versions = (fix?.versions ?? []).filter((x: string) => x.trim())
      out.push({
        id: countedId(m.vulnerability.id, others),
        ids: [m.vulnerability.id, ...others].map((i: string) => i.toUpperCase()),
        pkg: m.artifact.name ?? '',
        version: m.artifact.version ?? '',
        severity: level(m.vulnerability.severity),
        fixed: fix?.state === 'fixed' || ((!fix?.state || fix.state === '') && versions.length > 0),
        purl: m.artifact.purl
      })
    }
  }
  return out
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function group(occurrences: RefOccurrence[]): Map<string, RefFinding> {
  const byKey = new Map<string, RefFinding>()
  for (const o of occurrences) {
    const key = `${o.id}|${o.pkg}|${o.version}`
    const seen = byKey.get(key)
    if (!seen) {
      byKey.set(key, {
        key,
        id: o.id,
        ids: [...o.ids],
        pkg: o.pkg,
        version: o.version,
        severity: o.severity
      })
    } else {
      seen.ids.push(...o.ids)
      if (LEVELS.indexOf(o.severity) < LEVELS.indexOf(seen.severity)) seen.severity = o.severity
    }
  }
  return byKey
}

export function referenceCounts(findings: Iterable<RefFinding>): Record<Level, number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

/** Whether `severity` is at or above `failOn` (unknown never is). */
/** As docs/scan.md says: unknown blocks only under fail-on low ("any finding"). */
export function refAtOrAbove(severity: Level, failOn: Exclude<Level, 'unknown'>): boolean {
  if (severity === 'unknown') return failOn === 'low'
  return LEVELS.indexOf(severity) <= LEVELS.indexOf(failOn)
}

const TRIVY_WRITES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN']
const GRYPE_WRITES = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown']

/** Where a finding has a severity its scanner never writes (a real Grype report has one without). */
export function referenceBadSeverity(file: string): string | undefined {
  const raw = readReport(file)
  if ('SchemaVersion' in raw) {
    for (const [r, result] of (raw.Results ?? []).entries()) {
      for (const [v, vulnerability] of (result.Vulnerabilities ?? []).entries()) {
        if (!TRIVY_WRITES.includes(vulnerability.Severity)) {
          return `Results[${r}].Vulnerabilities[${v}].Severity`
        }
      }
    }
    return undefined
  }
  for (const [m, match] of (raw.matches ?? []).entries()) {
    if (!GRYPE_WRITES.includes(match.vulnerability.severity)) {
      return `matches[${m}].vulnerability.severity`
    }
  }
  return undefined
}

export function keyOf(f: { id: string; package: string; installed: string }): string {
  return `${f.id}|${f.package}|${f.installed}`
}
