import * as core from '@actions/core'
import * as exec from '@actions/exec'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { UserError } from '../core/errors.js'
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
    core.info(`${path.relative(process.env.GITHUB_WORKSPACE || process.cwd(), file)}: ok`)
  }

  const args = optionalInput('args')
  if (args) {
    let stdout = ''
    const exitCode = await exec.exec(shim, splitArgs(args), {
      ignoreReturnCode: true,
      listeners: { stdout: (data: Buffer) => (stdout += data.toString()) }
    })
    core.setOutput('stdout', stdout)
    core.setOutput('exit-code', String(exitCode))
    if (exitCode !== 0) throw new UserError(`slipway ${args} exited with code ${exitCode}`)
  }
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
