/** Where in a file a problem was found. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string
  line?: number
  column?: number
}

/**
 * A problem the user can fix: bad input, a bad config entry, a policy that says no.
 * It is reported as one line (an annotation on GitHub), never with a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation
  ) {
    super(message)
    this.name = 'UserError'
  }
}

/**
 * Input that cannot be read at all: not found, not a regular file, too big, not parseable.
 * The CLI exits 2 on it (bad input), where 1 means a gate or an operation said no.
 */
export class InputError extends UserError {
  constructor(message: string, location?: SourceLocation) {
    super(message, location)
    this.name = 'InputError'
  }
}

/** True when `error` is, or holds, an InputError. */
export function isInputError(error: unknown): boolean {
  if (error instanceof UserErrors) return error.errors.some(isInputError)
  return error instanceof InputError
}

/** Several user errors found in one pass, so the user can fix them all at once. */
export class UserErrors extends UserError {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => formatUserError(e)).join('\n'))
    this.name = 'UserErrors'
  }
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return ''
  const line = location.line ? `:${location.line}` : ''
  const column = location.line && location.column ? `:${location.column}` : ''
  return `${location.file}${line}${column}`
}

/** `file:line: message`, the form compilers and linters print. */
export function formatUserError(error: UserError): string {
  const where = formatLocation(error.location)
  return where ? `${where}: ${error.message}` : error.message
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
