import type { Finding, FixStatus, Severity } from './findings.js'
import {
  describeValue,
  expectId,
  expectObject,
  expectObjectList,
  expectOptionalObject,
  expectStringList,
  expectStrings,
  ShapeError
} from './report-shape.js'
import { shortText, titleFrom } from './text.js'

// Grype's JSON report (grype/presenter/models): one flat matches[] list, camelCase keys.
// Reports from grype before 1.0 (e.g. 0.7.0) have no fix block, links instead of urls and
// cvssV2/cvssV3 objects instead of a cvss list; they are read with every fix state unknown.

interface GrypeCvss {
  type?: string
  version?: string
  metrics?: { baseScore?: number }
}

interface GrypeVulnerability {
  id?: string
  dataSource?: string
  namespace?: string
  severity?: string
  description?: string
  urls?: string[]
  links?: string[]
  cvss?: GrypeCvss[]
  cvssV2?: { baseScore?: number }
  cvssV3?: { baseScore?: number }
  fix?: { versions?: string[]; state?: string }
}

export interface GrypeMatch {
  vulnerability?: GrypeVulnerability
  relatedVulnerabilities?: GrypeVulnerability[]
  artifact?: {
    name?: string
    version?: string
    type?: string
    purl?: string
    locations?: { path?: string }[]
  }
}

export interface GrypeIgnoredMatch extends GrypeMatch {
  appliedIgnoreRules?: {
    vulnerability?: string
    reason?: string
    'vex-status'?: string
    'vex-justification'?: string
    'fix-state'?: string
  }[]
}

export interface GrypeDescriptor {
  name?: string
  version?: string
  timestamp?: string
  db?: { built?: string; status?: { built?: string } }
}

export interface GrypeSource {
  type?: string
  target?:
    | string
    | {
        userInput?: string
        manifestDigest?: string
        repoDigests?: string[]
        tags?: string[]
      }
}

/** The severities Grype writes (grype/vulnerability/severity.go), exactly so; Negligible counts as low. */
const GRYPE_SEVERITIES = new Map<unknown, Severity>([
  ['Critical', 'critical'],
  ['High', 'high'],
  ['Medium', 'medium'],
  ['Low', 'low'],
  ['Negligible', 'low'],
  ['Unknown', 'unknown']
])

function checkGrypeVulnerability(raw: unknown, at: (string | number)[]): void {
  try {
    const object = expectObject(raw)
    expectId(object, 'id')
    expectStrings(object, ['dataSource', 'namespace', 'description'])
    expectStringList(object, 'urls')
    expectStringList(object, 'links')
    expectObjectList(object, 'cvss')
    expectOptionalObject(object, 'fix')
    if (object.fix) {
      expectStringList(object.fix as Record<string, unknown>, 'versions')
      expectStrings(object.fix as Record<string, unknown>, ['state'])
    }
  } catch (error) {
    if (error instanceof ShapeError) throw new ShapeError([...at, ...error.at], error.message)
    throw error
  }
}

/** A match as Grype writes it, or a ShapeError naming the field that is not. */
export function checkGrypeMatch(raw: unknown): GrypeMatch {
  const match = expectObject(raw)
  checkGrypeVulnerability(match.vulnerability, ['vulnerability'])
  const severity = (match.vulnerability as Record<string, unknown>).severity
  if (!GRYPE_SEVERITIES.has(severity)) {
    throw new ShapeError(
      ['vulnerability', 'severity'],
      `${describeValue(severity)} is not a severity Grype writes (Critical, High, Medium, Low, Negligible or Unknown)`
    )
  }
  expectObjectList(match, 'relatedVulnerabilities')
  ;(match.relatedVulnerabilities as unknown[] | undefined)?.forEach((related, index) =>
    checkGrypeVulnerability(related, ['relatedVulnerabilities', index])
  )
  if (match.artifact !== undefined) {
    const artifact = expectObject(match.artifact, ['artifact'])
    try {
      expectStrings(artifact, ['name', 'version', 'type', 'purl'])
      expectObjectList(artifact, 'locations')
    } catch (error) {
      if (error instanceof ShapeError)
        throw new ShapeError(['artifact', ...error.at], error.message)
      throw error
    }
  }
  return match as GrypeMatch
}

export function grypeFinding(raw: GrypeMatch, fallbackTarget: string): Finding {
  const match = checkGrypeMatch(raw)
  const vulnerability = match.vulnerability!
  const id = vulnerability.id!
  const artifact = match.artifact ?? {}
  const related = match.relatedVulnerabilities ?? []
  const fixVersions = (vulnerability.fix?.versions ?? []).filter((v) => v.trim().length > 0)
  const description =
    vulnerability.description ?? related.find((r) => r.description)?.description ?? undefined
  const location = artifact.locations?.find((l) => l.path)?.path
  const url = vulnerability.dataSource ?? vulnerability.urls?.[0] ?? vulnerability.links?.[0]
  const score = scoreOf(vulnerability) ?? related.map(scoreOf).find((s) => s !== undefined)
  return {
    id,
    aliases: [...new Set(related.map((r) => r.id).filter((r): r is string => !!r && r !== id))],
    package: artifact.name ?? '',
    installed: artifact.version ?? '',
    ...(fixVersions.length > 0 ? { fixed: fixVersions.join(', ') } : {}),
    severity: GRYPE_SEVERITIES.get(vulnerability.severity)!,
    status: grypeStatus(vulnerability.fix, fixVersions.length > 0),
    target: location ?? fallbackTarget,
    title: titleFrom(description),
    ...(url ? { url } : {}),
    ...(vulnerability.namespace ? { dataSource: vulnerability.namespace } : {}),
    ...(artifact.purl ? { purl: artifact.purl } : {}),
    ...(location ? { path: location } : {}),
    ...(score !== undefined ? { score } : {}),
    ...(description ? { description: shortText(description, 1000) } : {})
  }
}

/** fixed, not-fixed, wont-fix, unknown, or "" (older presenters) onto Trivy's statuses. */
function grypeStatus(fix: GrypeVulnerability['fix'], hasVersions: boolean): FixStatus {
  switch (fix?.state) {
    case 'fixed':
      return 'fixed'
    case 'not-fixed':
      return 'affected'
    case 'wont-fix':
      return 'will_not_fix'
    default:
      return hasVersions ? 'fixed' : 'unknown'
  }
}

function scoreOf(vulnerability: GrypeVulnerability): number | undefined {
  const entries = vulnerability.cvss ?? []
  const ordered = [
    ...entries.filter((c) => c.type === 'Primary' && c.version?.startsWith('3')),
    ...entries.filter((c) => c.version?.startsWith('3')),
    ...entries
  ]
  const score =
    ordered.map((c) => c.metrics?.baseScore).find((s) => typeof s === 'number') ??
    vulnerability.cvssV3?.baseScore ??
    vulnerability.cvssV2?.baseScore
  return typeof score === 'number' ? score : undefined
}

export function grypeIgnoredReason(match: GrypeIgnoredMatch): string {
  const rule = match.appliedIgnoreRules?.[0]
  if (rule?.['vex-status']) {
    const why = rule['vex-justification'] ? `: ${rule['vex-justification']}` : ''
    return `suppressed by Grype, VEX ${rule['vex-status']}${why}`
  }
  return `suppressed by Grype${rule?.reason ? `: ${shortText(rule.reason, 200)}` : ' ignore rule'}`
}

export function grypeHasFixBlock(match: GrypeMatch): boolean {
  return match.vulnerability?.fix !== undefined
}
