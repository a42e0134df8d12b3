import * as core from '@actions/core'
import path from 'node:path'
import { loadConfig, type Config } from '../../core/config/index.js'
import { UserError } from '../../core/errors.js'
import { optionalInput } from './inputs.js'

/** The workspace root: the checkout on a runner, the current folder elsewhere. */
export function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd()
}

/** Loads slipway.yaml from the `config` input (relative to the workspace). */
export async function configFromInput(): Promise<{ config: Config; file: string }> {
  const file = path.resolve(workspace(), optionalInput('config') ?? 'slipway.yaml')
  const config = await loadConfig(file)
  core.debug(`loaded ${file}`)
  return { config, file }
}

export function environmentFromInput(config: Config, name: string): string {
  if (!Object.hasOwn(config.environments, name)) {
    const known = Object.keys(config.environments).join(', ')
    throw new UserError(
      `input "environment": "${name}" is not defined in slipway.yaml (known: ${known})`
    )
  }
  return name
}
