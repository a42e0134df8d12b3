import { mkdirSync, symlinkSync } from 'node:fs'
import path from 'node:path'

// helm and docker buildx as scripts/tools.sh builds them from their Go modules, found through
// the variables `scripts/tools.sh env` prints (npm test sets them). A test that needs one fails
// when it is missing: integration tests never skip.

function required(name: string): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(
      `${name} is not set: run \`eval "$(bash scripts/tools.sh env)"\` first, or run \`npm test\``
    )
  }
  return value
}

/** The real helm binary. */
export function helmBinary(): string {
  return required('SLIPWAY_TEST_HELM')
}

/**
 * Puts the real helm's folder first on PATH, where slipway looks for `helm`; returns a function
 * that restores PATH.
 */
export function helmOnPath(): () => void {
  const saved = process.env.PATH
  process.env.PATH = [path.dirname(helmBinary()), saved].join(path.delimiter)
  return () => {
    process.env.PATH = saved
  }
}

/**
 * Makes `docker buildx` available in the docker config folder `configDir` (a test's own, for its
 * credentials): its cli-plugins/ gets the buildx that scripts/tools.sh built.
 */
export function addBuildx(configDir: string): void {
  const plugin = path.join(required('SLIPWAY_TEST_DOCKER_CONFIG'), 'cli-plugins', 'docker-buildx')
  mkdirSync(path.join(configDir, 'cli-plugins'), { recursive: true })
  symlinkSync(plugin, path.join(configDir, 'cli-plugins', 'docker-buildx'))
}
