import { parseArgs, type ParseArgsConfig } from 'node:util'
import { errorMessage, formatUserError, type UserError } from '../core/errors.js'

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out: (text: string) => void
  err: (text: string) => void
  cwd: string
  /**
   * On a GitHub runner: writes one of slipway's own workflow commands (an annotation) on
   * stderr, which the runner reads too, so that stdout stays the command's data. Undefined
   * elsewhere.
   */
  command?: (line: string) => void
}

/** A mistake in the command line: exit code 2 and the command's name in the message. */
export class UsageError extends Error {}

/** The values of a command's options; a mistake in them is a UsageError. */
export function parseOptions<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError(errorMessage(error))
  }
}

/** The value of --format: one of `allowed`, the first when not given. */
export function formatOption(value: unknown, allowed: string[]): string {
  const format = typeof value === 'string' ? value : allowed[0]
  if (!allowed.includes(format)) {
    throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${format}"`)
  }
  return format
}

/**
 * One line per problem on stderr; on a GitHub runner also the workflow command that
 * turns it into an annotation on the file and line.
 */
export function printProblem(io: Io, problem: UserError): void {
  io.err(`${formatUserError(problem)}\n`)
  io.command?.(annotation('error', problem))
}

/** The workflow command that shows `problem` as an annotation on its file and line. */
export function annotation(level: 'error' | 'warning', problem: UserError): string {
  const where = problem.location
  const props = where
    ? ` file=${escapeProperty(where.file)}${where.line ? `,line=${where.line}` : ''}${where.column ? `,col=${where.column}` : ''}`
    : ''
  return `::${level}${props}::${escapeData(problem.message)}\n`
}

// The runner's escaping for workflow command data and properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
