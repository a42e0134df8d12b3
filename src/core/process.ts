import { spawn } from 'node:child_process'
import { UserError } from './errors.js'

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** Runs a program without a shell and collects its output. A missing program is a UserError. */
export function runCommand(
  program: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, env: options.env ?? process.env })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
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
