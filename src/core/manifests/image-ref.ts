import { UserError } from '../errors.js'
import { parseReference } from '../image/reference.js'

/** A container image reference, `[registry/]path[:tag][@digest]`, as written. */
export interface ImageRef {
  /** The repository as written, without tag or digest: `nginx`, `ghcr.io/acme/hello`. */
  repository: string
  tag?: string
  digest?: string
}

const DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/
const TAG = /^[\w][\w.-]{0,127}$/
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/

export function isDigest(text: string): boolean {
  return DIGEST.test(text)
}

/**
 * Parses an image reference as written; undefined when the distribution spec's grammar says it
 * is not one (validation/image-references.ts makes that an error of its own).
 */
export function parseImageRef(text: string): ImageRef | undefined {
  try {
    parseReference(text)
  } catch {
    return undefined
  }
  const at = text.indexOf('@')
  const named = at < 0 ? text : text.slice(0, at)
  const digest = at < 0 ? undefined : text.slice(at + 1)
  const lastSlash = named.lastIndexOf('/')
  const colon = named.indexOf(':', lastSlash + 1)
  const repository = colon < 0 ? named : named.slice(0, colon)
  const tag = colon < 0 ? undefined : named.slice(colon + 1)
  if (!repository || (tag !== undefined && !TAG.test(tag))) return undefined
  if (digest !== undefined && !/^[a-z0-9]+:[a-zA-Z0-9=_-]+$/.test(digest)) return undefined
  const [first, ...rest] = repository.split('/')
  const path = isRegistry(first, rest.length) ? rest : [first, ...rest]
  if (path.length === 0 || !path.every((c) => PATH_COMPONENT.test(c))) return undefined
  return { repository, tag, digest }
}

/**
 * The repository in the form registries use, so that `nginx`, `docker.io/nginx` and
 * `index.docker.io/library/nginx` compare equal.
 */
export function canonicalRepository(repository: string): string {
  const [first, ...rest] = repository.split('/')
  if (isRegistry(first, rest.length)) {
    const registry = first === 'index.docker.io' ? 'docker.io' : first
    const path = registry === 'docker.io' && rest.length === 1 ? ['library', ...rest] : rest
    return [registry, ...path].join('/')
  }
  return ['docker.io', ...(rest.length === 0 ? ['library', first] : [first, ...rest])].join('/')
}

export function formatImageRef(ref: ImageRef): string {
  return `${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`
}

/**
 * The image being released: `repository[:tag]@sha256:...`, or a bare digest that belongs to
 * `defaultRepository`. Anything without a well-formed digest is refused: pinning to a tag
 * would not pin anything.
 */
export function parseReleaseImage(text: string, defaultRepository: string, what: string): ImageRef {
  const value = text.trim()
  if (isDigest(value)) return { repository: defaultRepository, digest: value }
  try {
    parseReference(value)
  } catch (error) {
    throw new UserError(`${what}: ${(error as Error).message}`)
  }
  const ref = parseImageRef(value)!
  if (!ref.digest || !isDigest(ref.digest)) {
    throw new UserError(
      `${what}: "${value}" has no digest; expected repository@sha256:<64 hex digits>`
    )
  }
  return ref
}

function isRegistry(first: string, restLength: number): boolean {
  return restLength > 0 && (first.includes('.') || first.includes(':') || first === 'localhost')
}
