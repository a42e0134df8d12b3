import { stat } from 'node:fs/promises'
import { errorMessage, UserError } from '../errors.js'
import type { Finding } from './findings.js'
import {
  grypeFinding,
  grypeHasFixBlock,
  grypeIgnoredReason,
  type GrypeDescriptor,
  type GrypeIgnoredMatch,
  type GrypeMatch,
  type GrypeSource
} from './grype.js'
import {
  ParseWithout,
  streamJsonFile,
  type JsonPath,
  type JsonVisit,
  type JsonVisitor
} from './json-stream.js'
import { describeValue, jsonPathText, misspelledKey, ShapeError } from './report-shape.js'
import {
  digestOf,
  repositoryOf,
  trivyFinding,
  textsOf,
  trivyModifiedReason,
  type Texts,
  type TrivyMetadata,
  type TrivyModifiedFinding,
  type TrivyVulnerability
} from './trivy.js'

export const SCANNERS = ['trivy', 'grype'] as const
export type ScannerName = (typeof SCANNERS)[number]

/** What was scanned, as far as the report tells: used to match VEX products (pkg:oci). */
export interface ScanArtifact {
  name: string
  /** Repositories the image is known under, e.g. ghcr.io/acme/app. */
  repositories: string[]
  /** Its manifest digests, sha256:... */
  digests: string[]
}

/** A finding the scanner itself already suppressed (Trivy --show-suppressed, Grype ignores). */
export interface UpstreamSuppression {
  finding: Finding
  reason: string
}

export interface ScanReport {
  scanner: ScannerName
  scannerVersion?: string
  file: string
  artifact: ScanArtifact
  /** When the report was written. */
  createdAt?: Date
  /** When the vulnerability database was built, where the report says (Grype). */
  dbBuiltAt?: Date
  /** Every finding as reported: one per Trivy vulnerability entry or Grype match. */
  findings: Finding[]
  upstreamSuppressed: UpstreamSuppression[]
  /** False for reports without fix information (grype before 1.0). */
  hasFixInfo: boolean
  /**
   * Trivy: how many targets (OS packages, lock files, binaries) the scan covered, its Results.
   * Grype's report does not say, so undefined there.
   */
  scannedTargets?: number
}

/** A report that cannot be used; the gate fails closed on it. */
export class ReportError extends UserError {}

/**
 * Reads a Trivy (SchemaVersion 2) or Grype JSON report, streaming, whichever it is; `expected`
 * makes the other scanner's report an error.
 */
export async function readReport(file: string, expected?: ScannerName): Promise<ScanReport> {
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new ReportError('the report is not a file', { file })
  } catch (error) {
    if (error instanceof ReportError) throw error
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new ReportError(missing ? 'the report does not exist' : 'the report cannot be read', {
      file
    })
  }
  const collector = new ReportCollector()
  try {
    await streamJsonFile(file, collector)
  } catch (error) {
    if (error instanceof ReportError) throw new ReportError(error.message, { file })
    throw new ReportError(`the report is not valid JSON: ${errorMessage(error)}`, { file })
  }
  const report = collector.report(file)
  if (expected && report.scanner !== expected) {
    throw new ReportError(
      `the report was written by ${report.scanner}, not ${expected} as the scanner option says`,
      { file }
    )
  }
  return report
}

/** Collects both formats in one pass: their top-level keys differ (PascalCase vs camelCase). */
class ReportCollector implements JsonVisitor {
  private readonly top: Record<string, unknown> = Object.create(null)
  /** Top-level keys whose value was a list (entered, so not in `top`). */
  private readonly lists = new Set<string>()
  private readonly findings: Finding[] = []
  private readonly upstream: UpstreamSuppression[] = []
  private readonly texts = new Map<string, Texts>()
  /** The texts of an ID already read are not decoded again. */
  private readonly vulnerabilityVisit = new ParseWithout(UNUSED_VULNERABILITY_FIELDS, {
    key: 'VulnerabilityID',
    seen: (id) => this.texts.has(id),
    omit: ['Title', 'Description', 'PrimaryURL', 'CVSS']
  })
  private resultTarget: string | undefined
  private results = 0
  private resultStart = 0
  private upstreamStart = 0
  private grypeMatches = 0
  private grypeWithFix = 0

  visit(path: JsonPath): JsonVisit {
    const [key, , field, item] = path
    switch (path.length) {
      case 0:
        return 'enter'
      case 1:
        refuseMisspelled(path, KNOWN_TOP_LEVEL)
        if (LISTS.has(key as string)) return 'enter'
        return TOP_LEVEL.has(key as string) ? 'parse' : 'skip'
      case 2:
        if (key === 'Results') return 'enter'
        return key === 'matches' || key === 'ignoredMatches' ? 'parse' : 'skip'
      case 3:
        if (key !== 'Results') return 'skip'
        refuseMisspelled(path, TRIVY_RESULT_KEYS)
        if (field === 'Vulnerabilities' || field === 'ExperimentalModifiedFindings') return 'enter'
        return field === 'Target' ? 'parse' : 'skip'
      case 4:
        if (typeof item !== 'number') return 'skip'
        return field === 'Vulnerabilities' ? this.vulnerabilityVisit : 'parse'
      default:
        return 'skip'
    }
  }

  enter(path: JsonPath, kind: 'object' | 'array'): void {
    if (path.length === 0 && kind === 'array') {
      throw new ReportError(
        'a Trivy report from before SchemaVersion 2 (a bare list of results) is not supported: rerun with Trivy 0.20 or newer'
      )
    }
    // Lists at the top and in each result, objects for each result: what the scanners write.
    const wanted = path.length === 2 ? 'object' : 'array'
    if (path.length > 0 && kind !== wanted) {
      const name = { object: 'an object', array: 'a list' }
      throw shapeError(path, `expected ${name[wanted]}, got ${name[kind]}`)
    }
    if (path.length === 1) this.lists.add(path[0] as string)
    if (path.length === 2 && path[0] === 'Results') {
      this.results++
      this.resultTarget = undefined
      this.resultStart = this.findings.length
      this.upstreamStart = this.upstream.length
    }
  }

  leave(path: JsonPath): void {
    if (path.length === 2 && path[0] === 'Results') {
      // Target may come after the vulnerabilities (a re-serialised report with sorted keys).
      const target = this.resultTarget ?? ''
      for (let i = this.resultStart; i < this.findings.length; i++) this.findings[i].target = target
      for (let i = this.upstreamStart; i < this.upstream.length; i++) {
        this.upstream[i].finding.target = target
      }
    }
  }

  value(path: JsonPath, value: unknown): void {
    const [key, , field] = path
    if (path.length === 1 && LISTS.has(key as string)) {
      throw shapeError(path, `expected a list, got ${describeValue(value)}`)
    }
    if (path.length === 2 && key === 'Results') {
      throw shapeError(path, `expected an object, got ${describeValue(value)}`)
    }
    if (
      path.length === 3 &&
      (field === 'Vulnerabilities' || field === 'ExperimentalModifiedFindings')
    ) {
      throw shapeError(path, `expected a list, got ${describeValue(value)}`)
    }
    if (path.length === 1) {
      this.top[key as string] = value
    } else if (key === 'matches') {
      this.addGrypeMatch(value as GrypeMatch, path)
    } else if (key === 'ignoredMatches') {
      const match = value as GrypeIgnoredMatch
      this.upstream.push({ finding: this.grype(match, path), reason: grypeIgnoredReason(match) })
    } else if (field === 'Target') {
      if (typeof value !== 'string') {
        throw shapeError(path, `expected a string, got ${describeValue(value)}`)
      }
      this.resultTarget = value
    } else if (field === 'Vulnerabilities') {
      this.findings.push(this.trivy(value as TrivyVulnerability, path))
    } else if (field === 'ExperimentalModifiedFindings') {
      if (!isObject(value))
        throw shapeError(path, `expected an object, got ${describeValue(value)}`)
      const entry = value as TrivyModifiedFinding
      if (entry.Type === 'vulnerability') {
        this.upstream.push({
          finding: this.trivy(entry.Finding, path),
          reason: trivyModifiedReason(entry)
        })
      }
    }
  }

  private addGrypeMatch(match: GrypeMatch, path: JsonPath): void {
    const finding = this.grype(match, path)
    this.grypeMatches++
    if (grypeHasFixBlock(match)) this.grypeWithFix++
    this.findings.push(finding)
  }

  private grype(match: GrypeMatch, path: JsonPath): Finding {
    try {
      return grypeFinding(match, '')
    } catch (error) {
      if (error instanceof ShapeError) throw new ReportError(error.describe(path))
      throw new ReportError(`${jsonPathText(path)}: ${errorMessage(error)}`)
    }
  }

  private trivy(raw: TrivyVulnerability | undefined, path: JsonPath): Finding {
    try {
      return trivyFinding(raw as TrivyVulnerability, '', this.describe)
    } catch (error) {
      const at = path[2] === 'ExperimentalModifiedFindings' ? [...path, 'Finding'] : path
      if (error instanceof ShapeError) throw new ReportError(error.describe(at))
      throw new ReportError(`${jsonPathText(at)}: ${errorMessage(error)}`)
    }
  }

  /** One copy of the long texts per vulnerability ID; 100,000 findings share a few thousand. */
  private readonly describe = (id: string, raw: TrivyVulnerability): Texts => {
    const known = this.texts.get(id)
    if (known) return known
    const texts = textsOf(raw)
    this.texts.set(id, texts)
    return texts
  }

  report(file: string): ScanReport {
    const top = this.top
    if ('SchemaVersion' in top || 'Results' in top) return this.trivyReport(file)
    if (this.lists.has('matches') || 'descriptor' in top) return this.grypeReport(file)
    throw new ReportError(
      'not a Trivy or Grype JSON report (no SchemaVersion, Results or matches); write it with --format json (Trivy) or -o json (Grype)',
      { file }
    )
  }

  private trivyReport(file: string): ScanReport {
    const top = this.top
    if (top.SchemaVersion !== 2) {
      throw new ReportError(
        `Trivy report SchemaVersion ${JSON.stringify(top.SchemaVersion ?? null)} is not supported (expected 2)`,
        { file }
      )
    }
    for (const key of ['Metadata', 'Trivy']) {
      if (top[key] !== undefined && !isObject(top[key])) {
        throw new ReportError(`${key}: expected an object, got ${describeValue(top[key])}`, {
          file
        })
      }
    }
    checkMetadata(top, file, [
      [['Metadata', 'RepoDigests'], 'list'],
      [['Metadata', 'RepoTags'], 'list'],
      [['Trivy', 'Version'], 'string'],
      [['ArtifactName'], 'string']
    ])
    const metadata = (top.Metadata ?? {}) as TrivyMetadata
    const name = typeof top.ArtifactName === 'string' ? top.ArtifactName : ''
    const references = [...(metadata.RepoDigests ?? []), ...(metadata.RepoTags ?? [])].filter(
      (r) => r.length > 0
    )
    if (top.ArtifactType === 'container_image' && name) references.push(name)
    const version = (top.Trivy as { Version?: string } | undefined)?.Version
    return {
      scanner: 'trivy',
      ...(version ? { scannerVersion: version } : {}),
      file,
      artifact: artifactOf(name, references),
      ...dateField('createdAt', top.CreatedAt),
      findings: this.findings,
      upstreamSuppressed: this.upstream,
      hasFixInfo: true,
      scannedTargets: this.results
    }
  }

  private grypeReport(file: string): ScanReport {
    const top = this.top
    if (!isObject(top.descriptor)) {
      throw new ReportError(
        `descriptor: expected the object Grype writes, got ${describeValue(top.descriptor)}`,
        { file }
      )
    }
    if (top.descriptor.name !== 'grype') {
      throw new ReportError(
        `descriptor.name: expected "grype", got ${describeValue(top.descriptor.name)}`,
        { file }
      )
    }
    if (!this.lists.has('matches')) {
      throw new ReportError(
        'matches: missing (Grype writes a list of matches, empty when it found nothing)',
        { file }
      )
    }
    if (top.source !== undefined && !isObject(top.source)) {
      throw new ReportError(`source: expected an object, got ${describeValue(top.source)}`, {
        file
      })
    }
    checkMetadata(top, file, [
      [['descriptor', 'version'], 'string'],
      [['descriptor', 'timestamp'], 'string'],
      [['source', 'type'], 'string'],
      [['source', 'target', 'userInput'], 'string'],
      [['source', 'target', 'manifestDigest'], 'string'],
      [['source', 'target', 'repoDigests'], 'list'],
      [['source', 'target', 'tags'], 'list']
    ])
    const descriptor = top.descriptor as GrypeDescriptor
    const source = (top.source ?? {}) as GrypeSource
    const target = source.target
    const name = typeof target === 'string' ? target : (target?.userInput ?? '')
    const references =
      typeof target === 'object' && target
        ? [
            ...(target.repoDigests ?? []),
            ...(target.tags ?? []),
            ...(target.userInput ? [target.userInput] : [])
          ]
        : []
    const artifact = artifactOf(name, source.type === 'image' ? references : [])
    if (typeof target === 'object' && target?.manifestDigest) {
      artifact.digests.push(target.manifestDigest.toLowerCase())
    }
    for (const finding of this.findings) if (!finding.target) finding.target = name
    const version =
      descriptor.version && !descriptor.version.startsWith('[') ? descriptor.version : undefined
    return {
      scanner: 'grype',
      ...(version ? { scannerVersion: version } : {}),
      file,
      artifact,
      ...dateField('createdAt', descriptor.timestamp),
      ...dateField('dbBuiltAt', descriptor.db?.built ?? descriptor.db?.status?.built),
      findings: this.findings,
      upstreamSuppressed: this.upstream,
      hasFixInfo: this.grypeWithFix === this.grypeMatches
    }
  }
}

/** Fields of a Trivy vulnerability no finding uses: References alone is a third of a report. */
const UNUSED_VULNERABILITY_FIELDS = [
  'References',
  'CweIDs',
  'VendorSeverity',
  'Layer',
  'PublishedDate',
  'LastModifiedDate',
  'PkgID',
  'Fingerprint'
]

/** Top-level lists: Trivy's Results, Grype's matches and ignoredMatches. */
const LISTS = new Set(['Results', 'matches', 'ignoredMatches'])

/** Every key Trivy (pkg/types/report.go) or Grype (presenter/models/document.go) writes at the top. */
const KNOWN_TOP_LEVEL = [
  'SchemaVersion',
  'ReportID',
  'CreatedAt',
  'ArtifactID',
  'ArtifactName',
  'ArtifactType',
  'Metadata',
  'Results',
  'Trivy',
  'matches',
  'ignoredMatches',
  'source',
  'distro',
  'descriptor',
  'alertsByPackage'
]

/** The keys of a Trivy Result (pkg/types/report.go). */
const TRIVY_RESULT_KEYS = [
  'Target',
  'Class',
  'Type',
  'Packages',
  'Vulnerabilities',
  'MisconfSummary',
  'Misconfigurations',
  'Secrets',
  'Licenses',
  'CustomResources',
  'ExperimentalModifiedFindings'
]

function refuseMisspelled(path: JsonPath, known: readonly string[]): void {
  const key = path[path.length - 1]
  const meant = typeof key === 'string' ? misspelledKey(key, known) : undefined
  if (meant) throw shapeError(path, `not a key the scanner writes (it writes ${meant})`)
}

/**
 * What names the artifact (matched against VEX products) and the scanner: strings, and lists of
 * strings, where present. The scanner writes nothing else there.
 */
function checkMetadata(
  top: Record<string, unknown>,
  file: string,
  fields: [string[], 'string' | 'list'][]
): void {
  for (const [path, kind] of fields) {
    let value: unknown = top
    for (const key of path) value = isObject(value) ? value[key] : undefined
    if (value === undefined) continue
    const ok =
      kind === 'string'
        ? typeof value === 'string'
        : Array.isArray(value) && value.every((item) => typeof item === 'string')
    if (!ok) {
      const wanted = kind === 'string' ? 'a string' : 'a list of strings'
      throw new ReportError(
        `${jsonPathText(path)}: expected ${wanted}, got ${describeValue(value)}`,
        {
          file
        }
      )
    }
  }
}

function shapeError(path: JsonPath, message: string): ReportError {
  return new ReportError(`${jsonPathText(path)}: ${message}`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const TOP_LEVEL = new Set([
  'SchemaVersion',
  'CreatedAt',
  'ArtifactName',
  'ArtifactType',
  'Trivy',
  'Metadata',
  'descriptor',
  'source',
  'distro'
])

function artifactOf(name: string, references: string[]): ScanArtifact {
  const repositories = [...new Set(references.map(repositoryOf).filter((r) => r.length > 0))]
  const digests = [...new Set(references.map(digestOf).filter((d): d is string => d !== undefined))]
  return { name, repositories, digests }
}

function dateField<K extends string>(key: K, value: unknown): Partial<Record<K, Date>> {
  if (typeof value !== 'string' || value.length === 0) return {}
  const time = Date.parse(value)
  return Number.isNaN(time) ? {} : ({ [key]: new Date(time) } as Record<K, Date>)
}
