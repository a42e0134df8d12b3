import * as core from '@actions/core'
import { parseDuration } from '../../core/duration.js'
import { UserError } from '../../core/errors.js'

// Typed readers for action inputs. Each error names the input, so the user knows what to fix.

export function requiredInput(name: string): string {
  const value = core.getInput(name).trim()
  if (!value) throw new UserError(`input "${name}" is required`)
  return value
}

export function optionalInput(name: string): string | undefined {
  const value = core.getInput(name).trim()
  return value.length > 0 ? value : undefined
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase()
  if (!value) return fallback
  if (['true', 'yes', 'on'].includes(value)) return true
  if (['false', 'no', 'off'].includes(value)) return false
  throw new UserError(`input "${name}" must be true or false, got "${value}"`)
}

/** One item per line or comma; blank lines and `#` comments are dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .flatMap((line) => (line.trim().startsWith('#') ? [] : line.split(',')))
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

export function enumInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim().toLowerCase()
  if (!value) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UserError(`input "${name}" must be one of ${allowed.join(', ')}, got "${value}"`)
}

export function durationInput(name: string, fallback: string): number {
  const value = core.getInput(name).trim() || fallback
  const ms = parseDuration(value)
  if (ms === undefined) {
    throw new UserError(`input "${name}" must be a duration such as 30s, 5m or 1h, got "${value}"`)
  }
  return ms
}
