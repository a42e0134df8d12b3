import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml'
import { formatDuration } from '../duration.js'
import { UserError, UserErrors, type SourceLocation } from '../errors.js'
import { idsOf, type Finding } from './findings.js'
import { globToRegExp } from './glob.js'
import { parsePurl, purlMatches, type Purl } from './purl.js'

// Allowlists: slipway's own YAML file, and Trivy's .trivyignore and .trivyignore.yaml so a team
// can bring the files it has. Entries expire as Trivy's do: an entry with `expires: 2026-12-01`
// suppresses until 2026-12-01T00:00Z and not from then on.

export interface AllowlistEntry {
  /** A vulnerability ID; it also matches findings that list it as an alias. */
  id: string
  /** A package name, or a package URL (pkg:...) where a version-less one matches every version. */
  package?: string
  /** .trivyignore.yaml `purls`: any of them must match the finding's package URL. */
  purls?: Purl[]
  /** .trivyignore.yaml `paths`: globs matched against the target and the package's path. */
  paths?: string[]
  reason: string
  expires?: Date
  source: SourceLocation
  /** Position among all entries read: the first entry that matches is the one reported. */
  order: number
}

type Entry = Omit<AllowlistEntry, 'order'>

const ENTRY_KEYS = ['id', 'package', 'reason', 'expires'] as const
const TRIVY_ENTRY_KEYS = ['id', 'paths', 'purls', 'expired_at', 'statement'] as const
const TRIVY_SECTIONS = ['vulnerabilities', 'misconfigurations', 'secrets', 'licenses']

/**
 * Reads an allowlist: `.trivyignore*` files without a YAML extension are Trivy's plain format;
 * YAML with a `vulnerabilities:` key is .trivyignore.yaml; any other YAML is slipway's list.
 */
export async function loadAllowlist(file: string): Promise<AllowlistEntry[]> {
  return parseAllowlist(await readAllowlistText(file), file)
}

/** Several allowlists, in order: the first entry that matches a finding is reported. */
export async function loadAllowlists(files: string[]): Promise<AllowlistEntry[]> {
  const entries: AllowlistEntry[] = []
  for (const file of files) {
    for (const entry of await loadAllowlist(file)) entries.push({ ...entry, order: entries.length })
  }
  return entries
}

async function readAllowlistText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new UserError(`allowlist ${missing ? 'not found' : 'cannot be read'}`, { file })
  }
}

export function parseAllowlist(text: string, file: string): AllowlistEntry[] {
  return parseEntries(text, file).map((entry, order) => ({ ...entry, order }))
}

function parseEntries(text: string, file: string): Entry[] {
  const base = path.basename(file)
  if (base.startsWith('.trivyignore') && !/\.ya?ml$/i.test(base))
    return parseTrivyIgnore(text, file)
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const at = (node: unknown): SourceLocation => ({ file, line: lineOf(node, lines) })
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    throw new UserError(`invalid YAML: ${error.message.split('\n')[0]}`, {
      file,
      line: lines.linePos(error.pos[0]).line
    })
  }
  const root = doc.contents
  if (root === null || (isScalar(root) && root.value === null)) return []
  if (isSeq(root)) return collect(root.items.map((item) => () => slipwayEntry(item, at)))
  if (isMap(root) && root.items.every((pair) => TRIVY_SECTIONS.includes(keyText(pair.key)))) {
    return trivyYamlEntries(root, at)
  }
  throw new UserError(
    'an allowlist is a list of entries (id, package, reason, expires), or a .trivyignore.yaml document',
    at(root)
  )
}

function slipwayEntry(item: unknown, at: (node: unknown) => SourceLocation): Entry {
  if (!isMap(item)) throw new UserError('expected an entry with id, reason and expires', at(item))
  const fields = fieldsOf(item, ENTRY_KEYS, at)
  const id = requiredText(fields, 'id', item, at)
  const reason = requiredText(fields, 'reason', item, at)
  if (!fields.expires) {
    throw new UserError(
      `${id}: expires is required (a date, YYYY-MM-DD); every exception gets a review date`,
      at(item)
    )
  }
  const pkg = fields.package ? text(fields.package, 'package', at) : undefined
  if (pkg?.startsWith('pkg:') && !parsePurl(pkg)) {
    throw new UserError(`package: "${pkg}" is not a valid package URL`, at(fields.package))
  }
  return {
    id,
    ...(pkg ? { package: pkg } : {}),
    reason,
    expires: dateOf(fields.expires, 'expires', at),
    source: at(item)
  }
}

function trivyYamlEntries(root: YAMLMap, at: (node: unknown) => SourceLocation): Entry[] {
  const section = root.items.find((pair) => keyText(pair.key) === 'vulnerabilities')?.value
  if (!section || (isScalar(section) && section.value === null)) return []
  if (!isSeq(section)) throw new UserError('vulnerabilities: expected a list', at(section))
  return collect(
    section.items.map((item) => () => {
      if (!isMap(item)) throw new UserError('expected an entry with an id', at(item))
      const fields = fieldsOf(item, TRIVY_ENTRY_KEYS, at)
      const id = requiredText(fields, 'id', item, at)
      const purls = fields.purls ? textList(fields.purls, 'purls', at) : undefined
      const paths = fields.paths ? textList(fields.paths, 'paths', at) : undefined
      const parsed = purls?.map((p) => {
        const purl = parsePurl(p)
        if (!purl) throw new UserError(`purls: "${p}" is not a valid package URL`, at(fields.purls))
        return purl
      })
      return {
        id,
        ...(parsed ? { purls: parsed } : {}),
        ...(paths ? { paths } : {}),
        reason: fields.statement
          ? text(fields.statement, 'statement', at)
          : `listed in ${path.basename(at(item).file)}`,
        ...(fields.expired_at ? { expires: dateOf(fields.expired_at, 'expired_at', at) } : {}),
        source: at(item)
      }
    })
  )
}

/** One ID per line, `exp:YYYY-MM-DD` after it; `#` comments. A bad date is an error, not a skip. */
function parseTrivyIgnore(content: string, file: string): Entry[] {
  const entries: Entry[] = []
  const errors: UserError[] = []
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const [id, ...rest] = line.split(/\s+/)
    const source = { file, line: index + 1 }
    const exp = rest.find((field) => field.startsWith('exp:'))?.slice(4)
    let expires: Date | undefined
    if (exp !== undefined) {
      expires = parseDate(exp)
      if (!expires) {
        errors.push(new UserError(`${id}: exp:${exp} is not a date (exp:YYYY-MM-DD)`, source))
        return
      }
    }
    entries.push({
      id,
      reason: `listed in ${path.basename(file)}`,
      ...(expires ? { expires } : {}),
      source
    })
  })
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new UserErrors(errors)
  return entries
}

/** How far ahead an entry may expire unless scan.allowlist-max-expiry says otherwise. */
export const DEFAULT_ALLOWLIST_MAX_EXPIRY_MS = 365 * 86_400_000

/**
 * An exception needs a review date that comes: an entry expiring further than `maxMs` after
 * `now` (9999-12-31, say) is refused, one line per entry at its file and line.
 */
export function checkExpiryHorizon(entries: AllowlistEntry[], now: Date, maxMs: number): void {
  const latest = new Date(now.getTime() + maxMs)
  const errors = entries
    .filter((entry) => entry.expires !== undefined && entry.expires.getTime() > latest.getTime())
    .map(
      (entry) =>
        new UserError(
          `${entry.id}: expires ${formatDate(entry.expires!)} is more than ${inDays(maxMs)} after today (${formatDate(now)}): the latest allowed is ${formatDate(latest)} (scan.allowlist-max-expiry)`,
          entry.source
        )
    )
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new UserErrors(errors)
}

function inDays(ms: number): string {
  return ms % 86_400_000 === 0 ? `${ms / 86_400_000}d` : formatDuration(ms)
}

export function isExpired(entry: AllowlistEntry, now: Date): boolean {
  return entry.expires !== undefined && now.getTime() >= entry.expires.getTime()
}

/** Entries by upper-cased ID, so a finding is checked against the entries for its IDs only. */
export function indexAllowlist(entries: AllowlistEntry[]): Map<string, AllowlistEntry[]> {
  const index = new Map<string, AllowlistEntry[]>()
  for (const entry of entries) {
    const id = entry.id.toUpperCase()
    const list = index.get(id)
    if (list) list.push(entry)
    else index.set(id, [entry])
  }
  return index
}

/** The first entry (in file order) that covers the finding. */
export function findAllowlistEntry(
  index: Map<string, AllowlistEntry[]>,
  finding: Finding
): AllowlistEntry | undefined {
  if (index.size === 0) return undefined
  let first: AllowlistEntry | undefined
  for (const id of idsOf(finding)) {
    for (const entry of index.get(id) ?? []) {
      if (!coversPackage(entry, finding)) continue
      if (!first || entry.order < first.order) first = entry
    }
  }
  return first
}

export function allowlistMatches(entry: AllowlistEntry, finding: Finding): boolean {
  return idsOf(finding).includes(entry.id.toUpperCase()) && coversPackage(entry, finding)
}

function coversPackage(entry: AllowlistEntry, finding: Finding): boolean {
  if (entry.package !== undefined && !packageMatches(entry.package, finding)) return false
  if (entry.purls && !entry.purls.some((purl) => purlOfFindingMatches(purl, finding))) return false
  if (entry.paths) {
    const candidates = [finding.target, finding.path].filter((p): p is string => !!p)
    const globs = entry.paths.map(compiledGlob)
    if (!globs.some((glob) => candidates.some((candidate) => glob.test(candidate)))) return false
  }
  return true
}

const globs = new Map<string, RegExp>()

function compiledGlob(glob: string): RegExp {
  let regexp = globs.get(glob)
  if (!regexp) globs.set(glob, (regexp = globToRegExp(glob)))
  return regexp
}

function packageMatches(pkg: string, finding: Finding): boolean {
  if (!pkg.startsWith('pkg:')) return pkg === finding.package
  const pattern = parsePurl(pkg)
  return pattern !== undefined && purlOfFindingMatches(pattern, finding)
}

/** A finding without a package URL never matches a URL-scoped entry (Trivy's does: fail open). */
function purlOfFindingMatches(pattern: Purl, finding: Finding): boolean {
  const target = finding.purl ? parsePurl(finding.purl) : undefined
  return target !== undefined && purlMatches(pattern, target)
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

// YAML helpers: every error names the file and line of the offending key or entry.

function collect(makers: (() => Entry)[]): Entry[] {
  const entries: Entry[] = []
  const errors: UserError[] = []
  for (const make of makers) {
    try {
      entries.push(make())
    } catch (error) {
      if (error instanceof UserErrors) errors.push(...error.errors)
      else if (error instanceof UserError) errors.push(error)
      else throw error
    }
  }
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new UserErrors(errors)
  return entries
}

function fieldsOf(
  map: YAMLMap,
  allowed: readonly string[],
  at: (node: unknown) => SourceLocation
): Record<string, Node | undefined> {
  const fields: Record<string, Node | undefined> = {}
  const unknown: UserError[] = []
  for (const pair of map.items) {
    const key = keyText(pair.key)
    if (!allowed.includes(key)) {
      unknown.push(
        new UserError(`${key}: unknown key (expected ${allowed.join(', ')})`, at(pair.key))
      )
    } else {
      fields[key] = (pair.value ?? undefined) as Node | undefined
    }
  }
  if (unknown.length === 1) throw unknown[0]
  if (unknown.length > 1) throw new UserErrors(unknown)
  return fields
}

function requiredText(
  fields: Record<string, Node | undefined>,
  key: string,
  entry: unknown,
  at: (node: unknown) => SourceLocation
): string {
  const node = fields[key]
  if (!node || (isScalar(node) && (node.value === null || node.value === ''))) {
    throw new UserError(`${key} is required`, at(entry))
  }
  return text(node, key, at)
}

function text(node: Node, key: string, at: (node: unknown) => SourceLocation): string {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
    throw new UserError(`${key}: expected text`, at(node))
  }
  return String(node.value).trim()
}

function textList(node: Node, key: string, at: (node: unknown) => SourceLocation): string[] {
  if (!isSeq(node)) throw new UserError(`${key}: expected a list`, at(node))
  return node.items.map((item) => text(item as Node, key, at))
}

function dateOf(node: Node, key: string, at: (node: unknown) => SourceLocation): Date {
  const value = isScalar(node) ? node.value : undefined
  const date =
    value instanceof Date ? value : typeof value === 'string' ? parseDate(value) : undefined
  if (!date) {
    throw new UserError(
      `${key}: expected a date YYYY-MM-DD, got ${JSON.stringify(value ?? null)}`,
      at(node)
    )
  }
  return date
}

/** YYYY-MM-DD (midnight UTC) or an RFC 3339 time; undefined when not a real date. */
export function parseDate(value: string): Date | undefined {
  const text = value.trim()
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])]
    const time = new Date(Date.UTC(year, month - 1, date))
    const valid =
      time.getUTCFullYear() === year &&
      time.getUTCMonth() === month - 1 &&
      time.getUTCDate() === date
    return valid ? time : undefined
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return undefined
  const time = Date.parse(text)
  return Number.isNaN(time) ? undefined : new Date(time)
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key)
}

function lineOf(node: unknown, lines: LineCounter): number | undefined {
  const offset = (node as { range?: [number] } | null | undefined)?.range?.[0]
  return offset === undefined ? undefined : lines.linePos(offset).line
}
