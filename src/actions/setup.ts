import * as core from '@actions/core'
import { info } from './lib/log.js'
import * as exec from '@actions/exec'
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { COMMANDS_FILE_ENV } from '../cli/runner-io.js'
import { UserError } from '../core/errors.js'
import { commandFence } from '../core/runner-output.js'
import { VERSION } from '../core/version.js'
import { configFromInput } from './lib/config.js'
import { booleanInput, optionalInput } from './lib/inputs.js'

/**
 * The root action: puts the `slipway` command on PATH for later steps (from the bundle
 * beside this one, nothing is downloaded), validates slipway.yaml, and runs `args` if given.
 */
export async function run(): Promise<void> {
  const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'index.js')
  const binDir = path.join(
    process.env.RUNNER_TEMP || path.join(process.cwd(), '.slipway'),
    'slipway-bin'
  )
  await mkdir(binDir, { recursive: true })
  const shim = path.join(binDir, 'slipway')
  // The runner's own node runs the CLI, whatever node (if any) the job has on PATH.
  await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`)
  await chmod(shim, 0o755)
  core.addPath(binDir)
  core.setOutput('path', shim)
  core.setOutput('version', VERSION)

  if (booleanInput('validate', true)) {
    const { file } = await configFromInput()
    info(`${path.relative(process.env.GITHUB_WORKSPACE || process.cwd(), file)}: ok`)
  }

  const args = optionalInput('args')
  if (args) {
    const { exitCode, stdout } = await runFenced(shim, splitArgs(args), binDir)
    core.setOutput('stdout', stdout)
    core.setOutput('exit-code', String(exitCode))
    if (exitCode !== 0) throw new UserError(`slipway ${args} exited with code ${exitCode}`)
  }
}

/**
 * Runs the command with its output echoed between the lines of a command fence, so that
 * nothing it prints (a ConfigMap's data, say) runs as a workflow command; its own annotations
 * go to a file and are replayed after the fence.
 */
export async function runFenced(
  shim: string,
  args: string[],
  dir: string
): Promise<{ exitCode: number; stdout: string }> {
  const commandsFile = path.join(dir, `commands-${process.pid}-${Date.now()}`)
  await writeFile(commandsFile, '')
  const fence = commandFence()
  let stdout = ''
  process.stdout.write(`${fence.start}\n`)
  let exitCode: number
  try {
    exitCode = await exec.exec(shim, args, {
      ignoreReturnCode: true,
      env: { ...(process.env as Record<string, string>), [COMMANDS_FILE_ENV]: commandsFile },
      // One stream, so that the runner sees the fence and the output in order.
      errStream: process.stdout,
      listeners: { stdout: (data: Buffer) => (stdout += data.toString()) }
    })
  } finally {
    process.stdout.write(`\n${fence.end}\n`)
  }
  process.stdout.write(await readFile(commandsFile, 'utf8'))
  await rm(commandsFile, { force: true })
  return { exitCode, stdout }
}

/** Splits `args` into words the way a shell does for quotes and backslashes, without a shell. */
export function splitArgs(text: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i]
      else word += c
    } else if (c === '"' || c === "'") {
      quote = c
      word ??= ''
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else {
      word = (word ?? '') + (c === '\\' && i + 1 < text.length ? text[++i] : c)
    }
  }
  if (quote) throw new UserError(`input "args": unterminated ${quote} quote`)
  if (word !== undefined) words.push(word)
  return words
}
