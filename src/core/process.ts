import { spawn } from 'node:child_process'
import { UserError } from './errors.js'
import { formatBytes } from './input-file.js'

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** Runs a program without a shell and collects its output. A missing program is a UserError. */
export function runCommand(
  program: string,
  args: string[],
  options: {
    cwd?: string
    env?: NodeJS.ProcessEnv
    input?: string
    /** Stop the program (and reject with a UserError) once stdout and stderr pass this. */
    maxOutputBytes?: number
  } = {}
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, env: options.env ?? process.env })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let size = 0
    let overflowed = false
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      if (overflowed) return
      size += chunk.length
      if (options.maxOutputBytes !== undefined && size > options.maxOutputBytes) {
        overflowed = true
        child.kill('SIGKILL')
        reject(
          new UserError(
            `${program} printed more than ${formatBytes(options.maxOutputBytes)}: stopped`
          )
        )
        return
      }
      into.push(chunk)
    }
    child.stdout.on('data', collect(stdout))
    child.stderr.on('data', collect(stderr))
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new UserError(`${program} is not installed or not on PATH`)
          : error
      )
    )
    child.on('close', (code) =>
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: code ?? 1
      })
    )
    // A program that exits without reading its input closes the pipe first: not our error.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}
