import { UserError } from '../errors.js'
import { parseReference } from '../image/reference.js'
import type { GitContext } from './git-context.js'

// Tags and OCI labels of an image, computed from the git context: a pure function, so the rules
// below are a table of tests (test/unit/build-metadata.test.ts). Where docker/metadata-action
// surprises its users, the default here is the unsurprising one:
//   - sha-<short> names the commit the image is of: the pull request's head, not the merge
//     commit GitHub runs on (metadata-action#206), and so does the revision label.
//   - semver tags: v1.2.3 gives 1.2.3, 1.2 and 1; a pre-release (v1.2.3-rc.1) gives only
//     1.2.3-rc.1, never 1, 1.2 or latest. 0.x.y gives no bare 0.
//   - latest only for a stable semver tag (the default), or for the default branch when asked;
//     the default branch comes from the event, which tag pushes carry too (metadata-action PR #197).
//   - a template that uses a value the event does not have ({{version}} on a branch push) gives
//     no tag at all, never a tag with a hole in it such as "-4f2a9c7" (metadata-action#144).

/** The Docker/OCI tag grammar: up to 128 characters, not starting with "." or "-". */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export const LATEST_POLICIES = ['release', 'default-branch', 'never'] as const
/** When `latest` is given: for stable releases, for the default branch, or never. */
export type LatestPolicy = (typeof LATEST_POLICIES)[number]

export interface MetadataOptions {
  /** The repository the tags belong to, without tag or digest, e.g. ghcr.io/acme/hello. */
  image: string
  git: GitContext
  /** Default release. */
  latest?: LatestPolicy
  /** Overrides the event's default branch (schedule events do not carry one). */
  defaultBranch?: string
  /** Extra tags: literal names or templates such as {{branch}}-{{sha}}. */
  templates?: string[]
  /** Extra labels; they override computed ones of the same name. */
  labels?: Record<string, string>
}

export interface ImageMetadata {
  /** The normalised repository, e.g. ghcr.io/acme/hello or docker.io/library/hello. */
  image: string
  /** sha-<short>: the tag that identifies the commit; build-once looks for it. */
  shaTag: string
  /** Tag names, most specific first, without duplicates. */
  tags: string[]
  /** image:tag for each tag. */
  refs: string[]
  /** The most specific human tag: the release version, git tag, pr-<n>, branch, else sha-<short>. */
  version: string
  labels: Record<string, string>
  /** What a user may want to know: a branch name changed to be a tag, a template skipped. */
  notes: string[]
}

export interface SemVer {
  major: number
  minor: number
  patch: number
  prerelease?: string
  build?: string
  /** major.minor.patch[-prerelease]: the tag (tags cannot hold the "+" of build metadata). */
  version: string
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

/** Semantic Versioning 2.0.0, with an optional leading "v". */
export function parseSemver(text: string): SemVer | undefined {
  const match = SEMVER.exec(text)
  if (!match) return undefined
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number)
  const prerelease = match[4]
  const version = `${major}.${minor}.${patch}${prerelease ? `-${prerelease}` : ''}`
  return { major, minor, patch, prerelease, build: match[5], version }
}

/** Why `tag` is not a valid tag, or undefined when it is. */
export function tagProblem(tag: string): string | undefined {
  if (tag === '') return 'it is empty'
  if (tag.length > 128) return `it is ${tag.length} characters long; a tag has at most 128`
  if (/^[.-]/.test(tag)) return 'a tag may not start with "." or "-"'
  const bad = /[^A-Za-z0-9_.-]/.exec(tag)
  if (bad) return `"${bad[0]}" is not allowed; a tag has only letters, digits, "_", "." and "-"`
  return undefined
}

/**
 * A branch or git tag name as a valid tag: each run of other characters becomes "-"
 * (feature/login -> feature-login), leading "." and "-" go, and it is cut at 128 characters.
 * Undefined when nothing is left.
 */
export function sanitizeTag(name: string): string | undefined {
  const tag = name
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128)
  return tag === '' ? undefined : tag
}

/** The short form of a commit SHA used in tags: its first 7 characters. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}

export function computeMetadata(options: MetadataOptions): ImageMetadata {
  const { git } = options
  const image = repositoryOf(options.image)
  if (!/^[0-9a-f]{7,64}$/i.test(git.sha)) {
    throw new UserError(`the commit SHA "${git.sha}" is not a git object name`)
  }
  const notes: string[] = []
  const tags: string[] = []
  const add = (tag: string | undefined) => {
    if (tag !== undefined && !tags.includes(tag)) tags.push(tag)
  }

  const short = shortSha(git.sha).toLowerCase()
  const shaTag = `sha-${short}`
  add(shaTag)

  const semver = git.tag !== undefined ? parseSemver(git.tag) : undefined
  const gitTag = git.tag !== undefined ? sanitizedWithNote(git.tag, 'git tag', notes) : undefined
  if (semver) {
    add(semver.version)
    if (!semver.prerelease) {
      add(`${semver.major}.${semver.minor}`)
      if (semver.major > 0) add(String(semver.major))
    }
  } else {
    add(gitTag)
  }

  const branch =
    git.branch !== undefined ? sanitizedWithNote(git.branch, 'branch', notes) : undefined
  const prTag = git.pullRequest !== undefined ? `pr-${git.pullRequest}` : undefined
  // A pull request is tagged pr-<n>, never with its branch: a fork's "main" would overwrite ours.
  if (prTag) add(prTag)
  else add(branch)
  if (git.event === 'schedule') add('nightly')

  if (wantsLatest(options, semver, notes)) add('latest')

  const values: TemplateValues = {
    branch,
    tag: gitTag,
    sha: short,
    version: semver?.version,
    major: semver ? String(semver.major) : undefined,
    minor: semver ? `${semver.major}.${semver.minor}` : undefined,
    pr: git.pullRequest !== undefined ? String(git.pullRequest) : undefined,
    time: git.time
  }
  for (const template of options.templates ?? []) {
    const rendered = renderTemplate(template, values)
    if (rendered.tag === undefined) {
      notes.push(`tag template "${template}" skipped: ${rendered.missing} has no value here`)
      continue
    }
    const problem = tagProblem(rendered.tag)
    if (problem) {
      throw new UserError(
        `tag template "${template}" gives "${rendered.tag}", which is not a valid tag: ${problem}`
      )
    }
    add(rendered.tag)
  }

  const version = semver?.version ?? gitTag ?? prTag ?? branch ?? shaTag
  const labels: Record<string, string> = {
    'org.opencontainers.image.created': rfc3339(git.time),
    'org.opencontainers.image.revision': git.sha,
    'org.opencontainers.image.source': git.repositoryUrl,
    'org.opencontainers.image.url': git.repositoryUrl,
    'org.opencontainers.image.version': version,
    'org.opencontainers.image.title': git.repository.split('/').pop() || image.split('/').pop()!
  }
  if (git.license) labels['org.opencontainers.image.licenses'] = git.license
  for (const [name, value] of Object.entries(options.labels ?? {})) {
    if (!name.trim()) throw new UserError(`label "${name}=${value}" has no name`)
    labels[name] = value
  }

  return {
    image,
    shaTag,
    tags,
    refs: tags.map((tag) => `${image}:${tag}`),
    version,
    labels,
    notes
  }
}

/** The normalised repository name; a tag or digest in it is a mistake worth naming. */
function repositoryOf(text: string): string {
  const reference = parseReference(text)
  if (reference.tag !== undefined || reference.digest !== undefined) {
    throw new UserError(
      `image "${text}" must be a repository without a tag or digest (tags are computed; add more with the tags input)`
    )
  }
  return reference.name
}

function sanitizedWithNote(name: string, what: string, notes: string[]): string | undefined {
  const tag = sanitizeTag(name)
  if (tag === undefined) notes.push(`${what} "${name}" has nothing a tag can hold; no tag for it`)
  else if (tag !== name) notes.push(`${what} "${name}" is tagged "${tag}"`)
  return tag
}

function wantsLatest(
  options: MetadataOptions,
  semver: SemVer | undefined,
  notes: string[]
): boolean {
  const policy = options.latest ?? 'release'
  if (policy === 'never') return false
  if (policy === 'release') return semver !== undefined && semver.prerelease === undefined
  const { git } = options
  if (git.pullRequest !== undefined || git.branch === undefined) return false
  const defaultBranch = options.defaultBranch ?? git.defaultBranch
  if (defaultBranch === undefined) {
    notes.push(
      'latest: default-branch, but the event does not name the default branch; set default-branch'
    )
    return false
  }
  return git.branch === defaultBranch
}

interface TemplateValues {
  branch?: string
  tag?: string
  sha: string
  version?: string
  major?: string
  minor?: string
  pr?: string
  time: Date
}

const TEMPLATE_NAMES = ['branch', 'tag', 'sha', 'version', 'major', 'minor', 'pr', 'date']
const PLACEHOLDER = /\{\{\s*([A-Za-z_]+)(?:\s+(?:'([^']*)'|"([^"]*)"))?\s*\}\}/g

/**
 * Fills in {{name}} placeholders. Returns the tag, or which value was missing. Unknown names and
 * broken braces are user errors: a typo must not silently drop a tag.
 */
export function renderTemplate(
  template: string,
  values: TemplateValues
): { tag: string; missing?: undefined } | { tag?: undefined; missing: string } {
  let missing: string | undefined
  const tag = template.replace(
    PLACEHOLDER,
    (whole, name: string, single?: string, double?: string) => {
      const argument = single ?? double
      if (!TEMPLATE_NAMES.includes(name)) {
        throw new UserError(
          `tag template "${template}": unknown {{${name}}}; known: ${TEMPLATE_NAMES.map((n) => `{{${n}}}`).join(', ')}`
        )
      }
      if (name === 'date') return formatDate(values.time, argument ?? 'YYYYMMDD')
      if (argument !== undefined) {
        throw new UserError(`tag template "${template}": {{${name}}} takes no argument`)
      }
      const value = values[name as Exclude<keyof TemplateValues, 'time'>]
      if (value === undefined) missing ??= whole
      return value ?? ''
    }
  )
  if (/\{\{|\}\}/.test(template.replace(PLACEHOLDER, ''))) {
    throw new UserError(
      `tag template "${template}": cannot read a placeholder; write {{name}} or {{date 'YYYYMMDD'}}`
    )
  }
  return missing !== undefined ? { missing } : { tag }
}

/** YYYY, MM, DD, HH, mm and ss in UTC; everything else as written. */
export function formatDate(date: Date, format: string): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const parts: Record<string, string> = {
    YYYY: String(date.getUTCFullYear()),
    MM: pad(date.getUTCMonth() + 1),
    DD: pad(date.getUTCDate()),
    HH: pad(date.getUTCHours()),
    mm: pad(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds())
  }
  return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => parts[token])
}

/** 2026-11-25T09:40:00Z: RFC 3339 in UTC, whole seconds, as the OCI created label wants. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
