import { readFile } from 'node:fs/promises'
import { errorMessage, UserError } from '../errors.js'
import { isRecord } from '../records.js'
import { idsOf, type Finding } from './findings.js'
import { parsePurl, purlMatches, type Purl } from './purl.js'
import type { ScanArtifact } from './report.js'
import { shortText } from './text.js'

// VEX documents: OpenVEX (any version of the 0.x context) and CycloneDX VEX. A statement
// suppresses a finding when it names the vulnerability (ID or alias) and the finding's package,
// and its status is not_affected or fixed. Validation is lenient, as Trivy's and Grype's is:
// Trivy's own integration document has no vulnerability.name, which the OpenVEX schema requires.

export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation'

export interface VexProduct {
  purl: Purl
  subcomponents: Purl[]
}

export interface VexStatement {
  ids: string[]
  products: VexProduct[]
  status: VexStatus
  justification?: string
  impact?: string
  /** CycloneDX `affects[].versions`: then only a version listed as unaffected is covered. */
  versions?: { version: string; status: string }[]
  /** Milliseconds; the latest matching statement wins, then the later one in the input. */
  time: number
  order: number
  file: string
}

const SUPPRESSING: readonly VexStatus[] = ['not_affected', 'fixed']

export async function loadVex(file: string, order = 0): Promise<VexStatement[]> {
  let document: unknown
  try {
    document = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new UserError(
      missing ? 'VEX document not found' : `VEX document is not valid JSON: ${errorMessage(error)}`,
      { file }
    )
  }
  return parseVex(document, file, order)
}

/** `order` places the document among others: with equal times, later documents win. */
export function parseVex(document: unknown, file: string, order = 0): VexStatement[] {
  const doc = record(document)
  if (Array.isArray(doc.statements)) return openVexStatements(doc, file, order)
  if (doc.bomFormat === 'CycloneDX') return cycloneDxStatements(doc, file, order)
  throw new UserError(
    'not a VEX document: expected OpenVEX (statements) or CycloneDX (bomFormat, vulnerabilities)',
    { file }
  )
}

function openVexStatements(
  doc: Record<string, unknown>,
  file: string,
  order: number
): VexStatement[] {
  const docTime = timeOf(doc.last_updated) ?? timeOf(doc.timestamp) ?? 0
  const statements: VexStatement[] = []
  ;(doc.statements as unknown[]).forEach((raw, index) => {
    const statement = record(raw)
    const status = statement.status
    if (!isStatus(status)) {
      throw new UserError(`statements[${index}]: unknown status ${JSON.stringify(status)}`, {
        file
      })
    }
    const vulnerability = record(statement.vulnerability)
    const ids = [
      text(vulnerability.name),
      idFromAtId(text(vulnerability['@id'])),
      ...list(vulnerability.aliases).map(text)
    ].filter((id): id is string => !!id)
    if (ids.length === 0) {
      throw new UserError(`statements[${index}]: the vulnerability has no name`, { file })
    }
    statements.push({
      ids: [...new Set(ids.map((id) => id.toUpperCase()))],
      products: list(statement.products).flatMap((product) => openVexProduct(record(product))),
      status,
      ...optionalText('justification', statement.justification),
      ...optionalText('impact', statement.impact_statement ?? statement.status_notes),
      time: timeOf(statement.last_updated) ?? timeOf(statement.timestamp) ?? docTime,
      order: order * 100_000 + index,
      file
    })
  })
  return statements
}

function openVexProduct(product: Record<string, unknown>): VexProduct[] {
  const purl = purlOf(product)
  if (!purl) return []
  const subcomponents = list(product.subcomponents)
    .map((sub) => purlOf(record(sub)))
    .filter((p): p is Purl => p !== undefined)
  return [{ purl, subcomponents }]
}

/** The product's package URL: its @id, or identifiers.purl when @id is something else. */
function purlOf(component: Record<string, unknown>): Purl | undefined {
  const candidates = [text(component['@id']), text(record(component.identifiers).purl)]
  for (const candidate of candidates) {
    const purl = candidate?.startsWith('pkg:') ? parsePurl(candidate) : undefined
    if (purl) return purl
  }
  return undefined
}

const CYCLONEDX_STATES: Record<string, VexStatus> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation'
}

/** CycloneDX VEX: `affects[].ref` is a BOM-Link (urn:cdx:serial/version#bom-ref) or a purl. */
function cycloneDxStatements(
  doc: Record<string, unknown>,
  file: string,
  order: number
): VexStatement[] {
  const docTime = timeOf(record(doc.metadata).timestamp) ?? 0
  return list(doc.vulnerabilities).flatMap((raw, index) => {
    const vulnerability = record(raw)
    const analysis = record(vulnerability.analysis)
    const status = CYCLONEDX_STATES[text(analysis.state) ?? '']
    const id = text(vulnerability.id)
    if (!status || !id) return []
    const ids = [id, ...list(vulnerability.references).map((r) => text(record(r).id))].filter(
      (i): i is string => !!i
    )
    return list(vulnerability.affects).flatMap((affect, affectIndex) => {
      const ref = text(record(affect).ref) ?? ''
      const purl = parsePurl(
        ref.includes('#') ? decodeURIComponent(ref.slice(ref.indexOf('#') + 1)) : ref
      )
      if (!purl) return []
      const versions = list(record(affect).versions).map((v) => ({
        version: text(record(v).version) ?? '',
        status: text(record(v).status) ?? ''
      }))
      return [
        {
          ids: [...new Set(ids.map((i) => i.toUpperCase()))],
          products: [{ purl, subcomponents: [] }],
          status,
          ...optionalText('justification', analysis.justification),
          ...optionalText('impact', analysis.detail),
          ...(versions.length > 0 ? { versions } : {}),
          time: timeOf(analysis.lastUpdated) ?? timeOf(analysis.firstIssued) ?? docTime,
          order: order * 100_000 + index * 100 + affectIndex,
          file
        }
      ]
    })
  })
}

/** Statements by vulnerability ID, for lookups per finding. */
export type VexIndex = Map<string, VexStatement[]>

export function indexVex(statements: VexStatement[]): VexIndex {
  const index: VexIndex = new Map()
  for (const statement of statements) {
    for (const id of statement.ids) {
      const list = index.get(id)
      if (list) list.push(statement)
      else index.set(id, [statement])
    }
  }
  return index
}

/** The statement that decides a finding: the latest of those that apply to it. */
export function vexDecision(
  finding: Finding,
  index: VexIndex,
  artifact: ScanArtifact
): VexStatement | undefined {
  if (index.size === 0) return undefined
  let decision: VexStatement | undefined
  const findingPurl = finding.purl ? parsePurl(finding.purl) : undefined
  for (const id of idsOf(finding)) {
    for (const statement of index.get(id) ?? []) {
      if (!appliesTo(statement, finding, findingPurl, artifact)) continue
      if (
        !decision ||
        statement.time > decision.time ||
        (statement.time === decision.time && statement.order > decision.order)
      ) {
        decision = statement
      }
    }
  }
  return decision
}

export function suppresses(statement: VexStatement): boolean {
  return SUPPRESSING.includes(statement.status)
}

export function vexReason(statement: VexStatement): string {
  const why = [statement.justification, statement.impact && shortText(statement.impact, 200)]
    .filter(Boolean)
    .join(': ')
  return `VEX ${statement.status}${why ? ` (${why})` : ''}`
}

/**
 * An image product (pkg:oci) must be the scanned image, and then covers the subcomponents it
 * lists, or everything when it lists none. A package product covers itself, or the
 * subcomponents it lists: the report does not tell which module pulled a package in, so the
 * statement's author is trusted on that. A finding without a package URL matches nothing.
 */
function appliesTo(
  statement: VexStatement,
  finding: Finding,
  findingPurl: Purl | undefined,
  artifact: ScanArtifact
): boolean {
  if (statement.versions) {
    const listed = statement.versions.find((v) => v.version === finding.installed)
    if (!listed || listed.status !== 'unaffected') return false
  }
  return statement.products.some((product) => {
    const matchesPackage = (purl: Purl) =>
      findingPurl !== undefined && purlMatches(purl, findingPurl)
    if (product.purl.type === 'oci') {
      if (!imageMatches(product.purl, artifact)) return false
      return product.subcomponents.length === 0 || product.subcomponents.some(matchesPackage)
    }
    if (product.subcomponents.length === 0) return matchesPackage(product.purl)
    return product.subcomponents.some(matchesPackage)
  })
}

/** pkg:oci/<name>@<digest>?repository_url=<registry/path>: name, repository and digest must agree. */
export function imageMatches(product: Purl, artifact: ScanArtifact): boolean {
  const repositories = artifact.repositories.map(normaliseRepository)
  const name = product.name.toLowerCase()
  if (!repositories.some((r) => r.slice(r.lastIndexOf('/') + 1) === name)) return false
  const repositoryUrl = product.qualifiers.repository_url
  if (repositoryUrl && !repositories.includes(normaliseRepository(repositoryUrl))) return false
  if (product.version && !artifact.digests.includes(product.version.toLowerCase())) return false
  return true
}

/** Docker's defaults: `alpine` is docker.io/library/alpine, index.docker.io is docker.io. */
export function normaliseRepository(repository: string): string {
  let text = repository.toLowerCase().replace(/^[a-z]+:\/\//, '')
  const first = text.split('/')[0]
  const hasRegistry =
    text.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  if (!hasRegistry) text = `docker.io/${text}`
  text = text.replace(/^(index\.docker\.io|registry-1\.docker\.io)\//, 'docker.io/')
  if (/^docker\.io\/[^/]+$/.test(text)) text = text.replace('docker.io/', 'docker.io/library/')
  return text
}

function isStatus(value: unknown): value is VexStatus {
  return ['not_affected', 'affected', 'fixed', 'under_investigation'].includes(value as string)
}

/** `https://pkg.go.dev/vuln/GO-2024-2575` names GO-2024-2575; a plain @id is the ID itself. */
function idFromAtId(atId: string | undefined): string | undefined {
  if (!atId) return undefined
  return atId.includes('://') ? atId.slice(atId.lastIndexOf('/') + 1) || undefined : atId
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined
}

function optionalText<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  const t = text(value)
  return t ? ({ [key]: t } as Record<K, string>) : {}
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}
