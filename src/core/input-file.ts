import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { InputError, UserError } from './errors.js'

/** Limits on what slipway reads, so that a hostile or broken input cannot exhaust the runner. */
export const INPUT_LIMITS = {
  /** slipway.yaml */
  configBytes: 1024 * 1024,
  /** One file of manifests (plain YAML folder, an earlier render, CRD schemas). */
  manifestFileBytes: 16 * 1024 * 1024,
  /** What kustomize or helm print for one render. */
  renderOutputBytes: 64 * 1024 * 1024,
  /** YAML documents in one file or one render. */
  documents: 10_000,
  /** Flow collections (`[`, `{`) open at once in a YAML file. */
  flowNesting: 1000,
  /** Metric samples files of canary judge. */
  samplesBytes: 16 * 1024 * 1024
} as const

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`
}

/**
 * Reads a regular file of at most `limit` bytes as UTF-8. Anything else (a FIFO, a device such
 * as /dev/urandom, a folder, a file too big) is a UserError on the file, before any of it is read.
 */
export function readInputFile(
  path: string,
  limit: number,
  what = 'file',
  /** How the file is named in messages, when not as `path` (as the user wrote it, say). */
  file = path
): string {
  let size: number
  try {
    size = regularFileSize(statSync(path), file, what)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new InputError(`${what} ${reason(error)}`, { file })
  }
  if (size > limit) throw tooBig(file, what, limit)
  let fd: number
  try {
    // O_NONBLOCK: should the file have been swapped for a FIFO since, opening it cannot hang.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    throw new InputError(`${what} ${reason(error)}`, { file })
  }
  try {
    regularFileSize(fstatSync(fd), file, what)
    const buffer = Buffer.alloc(Math.min(size, limit) + 1)
    let length = 0
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
      if (length > limit) throw tooBig(file, what, limit)
    }
    return buffer.toString('utf8', 0, length)
  } finally {
    closeSync(fd)
  }
}

function regularFileSize(info: { isFile(): boolean; size: number }, file: string, what: string) {
  if (!info.isFile()) throw new InputError(`${what} is not a regular file`, { file })
  return info.size
}

function tooBig(file: string, what: string, limit: number): UserError {
  return new InputError(`${what} is larger than the limit of ${formatBytes(limit)}`, { file })
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not found'
  if (code === 'EACCES' || code === 'EPERM') return 'not readable (permission denied)'
  return 'unreadable'
}
