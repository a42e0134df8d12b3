import { formatUserError, type UserError } from '../core/errors.js'

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out: (text: string) => void
  err: (text: string) => void
  cwd: string
}

/** A mistake in the command line: exit code 2 and the command's name in the message. */
export class UsageError extends Error {}

/**
 * One line per problem on stderr; on a GitHub runner also the workflow command that
 * turns it into an annotation on the file and line.
 */
export function printProblem(io: Io, problem: UserError): void {
  io.err(`${formatUserError(problem)}\n`)
  if (process.env.GITHUB_ACTIONS !== 'true') return
  const where = problem.location
  const props = where
    ? ` file=${escapeProperty(where.file)}${where.line ? `,line=${where.line}` : ''}${where.column ? `,col=${where.column}` : ''}`
    : ''
  const message = escapeData(problem.message)
  io.out(`::error${props}::${message}\n`)
}

// The runner's escaping for workflow command data and properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
