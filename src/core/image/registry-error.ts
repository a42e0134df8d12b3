import { UserError } from '../errors.js'

export interface RegistryErrorDetails {
  /** The HTTP status, when a registry answered. */
  status?: number
  /** The distribution error code (MANIFEST_UNKNOWN, DENIED, ...). */
  code?: string
  /** Whether trying the whole operation again may succeed (a broken stream, a 503). */
  retryable?: boolean
  /** How long the registry asked to wait (Retry-After). */
  retryAfterMs?: number
}

/**
 * A registry said no, or could not be reached. One line that names the registry and what was
 * asked, plus what is known about the failure.
 */
export class RegistryError extends UserError {
  readonly status?: number
  readonly code?: string
  readonly retryable: boolean
  readonly retryAfterMs?: number

  constructor(message: string, details: RegistryErrorDetails = {}) {
    super(oneLine(message, 500))
    this.name = 'RegistryError'
    this.status = details.status
    this.code = details.code
    this.retryable = details.retryable ?? false
    this.retryAfterMs = details.retryAfterMs
  }
}

/** Whitespace collapsed, and at most `max` characters: server text goes into one-line errors. */
export function oneLine(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/**
 * The first error of a distribution error body ({"errors":[{"code","message","detail"}]}),
 * as "CODE: message"; or the start of whatever else the body is.
 */
export function describeErrorBody(body: string): { code?: string; text: string } {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: string; message?: string }[] }
    const first = parsed.errors?.[0]
    if (first) {
      const text = [first.code, first.message].filter(Boolean).join(': ')
      return { code: first.code, text: oneLine(text, 200) }
    }
  } catch {
    // not JSON: fall through
  }
  return { text: oneLine(body, 200) }
}
