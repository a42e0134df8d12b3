import { UserError } from '../errors.js'
import { hasUserinfo, redactUserinfo } from './redact.js'
import { parseDigest } from './digest.js'

// Image references, parsed and normalised as Docker does (github.com/distribution/reference):
//
//   reference  := name [ ":" tag ] [ "@" digest ]
//   name       := [domain "/"] path-component ["/" path-component]*
//   domain     := host [":" port]      host: DNS name, IPv4, or [IPv6] without zone
//
// "alpine" is docker.io/library/alpine; index.docker.io is docker.io; a first component is a
// registry when it holds a "." or ":", is "localhost", or has upper-case letters.

/** Docker Hub's canonical name, and the host that serves its registry API. */
export const DOCKER_HUB = 'docker.io'
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io'
const LEGACY_DOCKER_HUB = 'index.docker.io'
const OFFICIAL_PREFIX = 'library/'
/** Docker's limit on the repository path (without the registry). */
const MAX_PATH_LENGTH = 255

const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const path = `${pathComponent}(?:/${pathComponent})*`
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domainName = `${domainComponent}(?:\\.${domainComponent})*`
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]'
const domain = `(?:${domainName}|${ipv6})(?::[0-9]+)?`
const tag = '[\\w][\\w.-]{0,127}'
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'

const REFERENCE = new RegExp(`^((?:${domain}/)?${path})(?::(${tag}))?(?:@(${digest}))?$`)
const DOMAIN = new RegExp(`^${domain}$`)
const PATH = new RegExp(`^${path}$`)
const TAG = new RegExp(`^${tag}$`)
const IDENTIFIER = /^[a-f0-9]{64}$/

/** A parsed, normalised image reference: registry/repository[:tag][@digest]. */
export class ImageReference {
  constructor(
    /** docker.io, ghcr.io, 127.0.0.1:5000, [::1]:5000 */
    readonly registry: string,
    /** library/alpine, acme/app */
    readonly repository: string,
    readonly tag?: string,
    readonly digest?: string
  ) {}

  /** registry/repository, without tag or digest */
  get name(): string {
    return `${this.registry}/${this.repository}`
  }

  /** The host (and port) that serves the registry API: registry-1.docker.io for docker.io. */
  get apiHost(): string {
    return registryApiHost(this.registry)
  }

  /** What to ask the registry for: the digest when there is one, else the tag, else latest. */
  get identifier(): string {
    return this.digest ?? this.tag ?? 'latest'
  }

  withTag(tag: string): ImageReference {
    if (!TAG.test(tag)) throw new UserError(`invalid tag "${tag}"`)
    return new ImageReference(this.registry, this.repository, tag, this.digest)
  }

  withDigest(digest: string | undefined): ImageReference {
    if (digest !== undefined) parseDigest(digest)
    return new ImageReference(this.registry, this.repository, this.tag, digest)
  }

  /** The same repository, addressed by digest only (what a copy writes children under). */
  atDigest(digest: string): ImageReference {
    return new ImageReference(this.registry, this.repository, undefined, digest)
  }

  toString(): string {
    return `${this.name}${this.tag ? `:${this.tag}` : ''}${this.digest ? `@${this.digest}` : ''}`
  }

  toJSON(): string {
    return this.toString()
  }
}

/** registry-1.docker.io for Docker Hub, the registry itself otherwise. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB || registry === LEGACY_DOCKER_HUB ? DOCKER_HUB_API_HOST : registry
}

function invalid(text: string, reason: string): UserError {
  return new UserError(redactUserinfo(`invalid image reference "${text}": ${reason}`))
}

/**
 * Parses an image reference like `docker pull` does. Throws a UserError naming the reason
 * when the reference is invalid.
 */
export function parseReference(text: string): ImageReference {
  if (typeof text !== 'string' || text.trim() === '') throw invalid(String(text), 'it is empty')
  if (hasUserinfo(text)) {
    throw invalid(text, 'credentials do not belong in an image reference: use docker login')
  }
  if (text !== text.trim()) throw invalid(text, 'it has leading or trailing spaces')
  if (IDENTIFIER.test(text)) {
    throw invalid(text, 'a 64-character hexadecimal string is an image ID, not a repository name')
  }

  const [registry, remainder] = splitRegistry(text)
  const remote = remainder.split(/[:@]/, 1)[0]
  if (remote.toLowerCase() !== remote) {
    throw invalid(text, `repository name "${remote}" must be lowercase`)
  }
  const full = `${registry}/${remainder}`
  const match = REFERENCE.exec(full)
  if (!match) throw invalid(text, explain(registry, remainder))

  const repository = remainder.slice(0, match[1].length - registry.length - 1)
  if (repository.length > MAX_PATH_LENGTH) {
    throw invalid(text, `repository name is longer than ${MAX_PATH_LENGTH} characters`)
  }
  const digestText = match[3]
  if (digestText !== undefined) {
    try {
      parseDigest(digestText)
    } catch (error) {
      throw invalid(text, (error as Error).message)
    }
  }
  return new ImageReference(registry, repository, match[2], digestText)
}

/** Docker's splitDockerDomain: which part names the registry. */
function splitRegistry(text: string): [string, string] {
  const slash = text.indexOf('/')
  if (slash === -1) return [DOCKER_HUB, OFFICIAL_PREFIX + text]
  const first = text.slice(0, slash)
  let rest = text.slice(slash + 1)
  let registry: string
  if (first === LEGACY_DOCKER_HUB) registry = DOCKER_HUB
  else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
    registry = first
  } else {
    return [DOCKER_HUB, text]
  }
  if (registry === DOCKER_HUB && !rest.includes('/')) rest = OFFICIAL_PREFIX + rest
  return [registry, rest]
}

/** The most specific reason a reference does not match the grammar. */
function explain(registry: string, remainder: string): string {
  if (!DOMAIN.test(registry)) return `"${registry}" is not a valid registry host`
  const at = remainder.indexOf('@')
  const beforeDigest = at === -1 ? remainder : remainder.slice(0, at)
  const colon = beforeDigest.lastIndexOf(':')
  const repository = colon === -1 ? beforeDigest : beforeDigest.slice(0, colon)
  if (repository === '') return 'the repository name is missing'
  if (!PATH.test(repository)) {
    return (
      `"${repository}" is not a valid repository name (lowercase letters, digits and ` +
      'separators ".", "_", "__", "-" between them, components joined by "/")'
    )
  }
  if (colon !== -1 && !TAG.test(beforeDigest.slice(colon + 1))) {
    return `"${beforeDigest.slice(colon + 1)}" is not a valid tag (up to 128 of [A-Za-z0-9_.-], not starting with "." or "-")`
  }
  if (at !== -1) return `"${remainder.slice(at + 1)}" is not a valid digest (algorithm:hex)`
  return 'it does not match name[:tag][@digest]'
}
