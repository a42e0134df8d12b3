import type { Finding, FixStatus, Severity } from './findings.js'
import {
  describeValue,
  expectId,
  expectObject,
  expectOptionalObject,
  expectStringList,
  expectStrings,
  ShapeError
} from './report-shape.js'
import { shortText } from './text.js'

// Trivy's JSON report, SchemaVersion 2 (pkg/types/report.go, vulnerability.go, finding.go and
// trivy-db's types.go). Keys are PascalCase and nearly every one may be absent.

export interface TrivyVulnerability {
  VulnerabilityID?: string
  VendorIDs?: string[]
  PkgName?: string
  PkgPath?: string
  PkgIdentifier?: { PURL?: string }
  InstalledVersion?: string
  FixedVersion?: string
  Status?: string
  Severity?: string
  SeveritySource?: string
  Title?: string
  Description?: string
  PrimaryURL?: string
  DataSource?: { ID?: string; Name?: string; URL?: string }
  CVSS?: Record<string, { V2Score?: number; V3Score?: number; V40Score?: number }>
}

/** One entry of Results[].ExperimentalModifiedFindings (written with --show-suppressed). */
export interface TrivyModifiedFinding {
  Type?: string
  Status?: string
  Statement?: string
  Source?: string
  Finding?: TrivyVulnerability
}

export interface TrivyMetadata {
  RepoTags?: string[]
  RepoDigests?: string[]
  ImageID?: string
}

const STATUSES: readonly FixStatus[] = [
  'fixed',
  'affected',
  'will_not_fix',
  'fix_deferred',
  'end_of_life',
  'under_investigation',
  'not_affected',
  'unknown'
]

/** The severities Trivy writes (trivy-db pkg/types SeverityNames), exactly so. */
const TRIVY_SEVERITIES = new Map<unknown, Severity>([
  ['CRITICAL', 'critical'],
  ['HIGH', 'high'],
  ['MEDIUM', 'medium'],
  ['LOW', 'low'],
  ['UNKNOWN', 'unknown']
])

/** A vulnerability entry as Trivy writes it, or a ShapeError naming the field that is not. */
export function checkTrivyVulnerability(raw: unknown): TrivyVulnerability {
  const object = expectObject(raw)
  expectId(object, 'VulnerabilityID')
  expectStrings(object, [
    'PkgName',
    'PkgPath',
    'InstalledVersion',
    'FixedVersion',
    'Status',
    'SeveritySource',
    'Title',
    'Description',
    'PrimaryURL'
  ])
  expectStringList(object, 'VendorIDs')
  for (const key of ['PkgIdentifier', 'DataSource', 'CVSS']) expectOptionalObject(object, key)
  if (object.PkgIdentifier) expectStrings(object.PkgIdentifier as Record<string, unknown>, ['PURL'])
  if (!TRIVY_SEVERITIES.has(object.Severity)) {
    throw new ShapeError(
      ['Severity'],
      `${describeValue(object.Severity)} is not a severity Trivy writes (CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)`
    )
  }
  return object as TrivyVulnerability
}

/**
 * A Trivy vulnerability as a finding. `describe` lets the reader share one copy of the long texts
 * of a vulnerability ID among all the packages it affects.
 */
export function trivyFinding(
  raw: TrivyVulnerability,
  target: string,
  describe: (id: string, raw: TrivyVulnerability) => Texts
): Finding {
  const id = checkTrivyVulnerability(raw).VulnerabilityID!
  const fixed = raw.FixedVersion?.trim() || undefined
  const texts = describe(id, raw)
  // Built field by field: this runs once per finding, 100,000 times for a large report.
  const finding: Finding = {
    id,
    aliases: raw.VendorIDs ? raw.VendorIDs.filter((vendorId) => vendorId !== id) : [],
    package: raw.PkgName ?? '',
    installed: raw.InstalledVersion ?? '',
    severity: TRIVY_SEVERITIES.get(raw.Severity)!,
    status: trivyStatus(raw.Status, fixed),
    target,
    title: texts.title
  }
  if (fixed) finding.fixed = fixed
  const url = raw.PrimaryURL ?? texts.url
  if (url) finding.url = url
  const dataSource = raw.DataSource?.Name ?? raw.DataSource?.ID
  if (dataSource) finding.dataSource = dataSource
  if (raw.PkgIdentifier?.PURL) finding.purl = raw.PkgIdentifier.PURL
  if (raw.PkgPath) finding.path = raw.PkgPath
  const score = raw.CVSS ? scoreOf(raw) : texts.score
  if (score !== undefined) finding.score = score
  if (texts.description) finding.description = texts.description
  return finding
}

/**
 * What Trivy repeats for every package a vulnerability ID affects, kept once per ID: the reader
 * does not decode these members again for an ID it has seen (the CVSS score of the first
 * occurrence stands for the others; it only ranks SARIF rules).
 */
export interface Texts {
  title: string
  description?: string
  url?: string
  score?: number
}

/** The Texts of the first occurrence of an ID. */
export function textsOf(raw: TrivyVulnerability): Texts {
  const texts: Texts = { title: raw.Title ?? '' }
  const description = raw.Description
  if (description) {
    texts.description = description.length > 1000 ? `${description.slice(0, 999)}…` : description
  }
  if (raw.PrimaryURL) texts.url = raw.PrimaryURL
  const score = scoreOf(raw)
  if (score !== undefined) texts.score = score
  return texts
}

/** Reports from before Trivy 0.29 have no Status: a fixed version then means fixable. */
function trivyStatus(status: string | undefined, fixed: string | undefined): FixStatus {
  if (status && (STATUSES as readonly string[]).includes(status)) return status as FixStatus
  if (status) return 'unknown'
  return fixed ? 'fixed' : 'unknown'
}

/** The CVSS score Trivy's own SARIF uses: the V3 score of the severity's source, else any. */
function scoreOf(raw: TrivyVulnerability): number | undefined {
  const cvss = raw.CVSS
  if (!cvss) return undefined
  for (const source of [raw.SeveritySource, 'nvd', ...Object.keys(cvss)]) {
    const entry = source ? cvss[source] : undefined
    const score = entry?.V3Score ?? entry?.V40Score ?? entry?.V2Score
    if (typeof score === 'number') return score
  }
  return undefined
}

export function trivyModifiedReason(entry: TrivyModifiedFinding): string {
  const status = entry.Status ?? 'ignored'
  const statement = entry.Statement ? `: ${shortText(entry.Statement, 200)}` : ''
  const source = entry.Source ? ` (${entry.Source})` : ''
  return `suppressed by Trivy, ${status}${statement}${source}`
}

/** `ghcr.io/acme/app` from `ghcr.io/acme/app@sha256:...` or `ghcr.io/acme/app:1.2`. */
export function repositoryOf(reference: string): string {
  const at = reference.indexOf('@')
  const withoutDigest = at >= 0 ? reference.slice(0, at) : reference
  const slash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.lastIndexOf(':')
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest
}

export function digestOf(reference: string): string | undefined {
  const match = /@(sha256:[a-f0-9]{64})$/i.exec(reference)
  return match?.[1].toLowerCase()
}
