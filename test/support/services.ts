import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'

// The real services scripts/services.sh starts, found through the env file it writes. A test
// that needs one fails when it is missing: integration tests never skip.

export interface Services {
  docker: {
    /** unix:///…/docker.sock, for DOCKER_HOST */
    host: string
    /** The Debian docker client, which builds with BuildKit against this daemon */
    bin: string
  }
  /** host:port of the distribution registry, e.g. 127.0.0.1:41234 */
  registry: string
  /** Base URL of Prometheus, e.g. http://127.0.0.1:41235 */
  prometheus: string
  /** Folder Prometheus reads scrape targets from (file_sd, *.json, refreshed every second) */
  prometheusTargets: string
}

function required(name: string): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(
      `${name} is not set: start the test services with \`npm run services start\` ` +
        'or run `npm test`'
    )
  }
  return value
}

export function services(): Services {
  return {
    docker: { host: required('SLIPWAY_TEST_DOCKER_HOST'), bin: required('SLIPWAY_TEST_DOCKER') },
    registry: required('SLIPWAY_TEST_REGISTRY'),
    prometheus: required('SLIPWAY_TEST_PROMETHEUS'),
    prometheusTargets: required('SLIPWAY_TEST_PROMETHEUS_TARGETS')
  }
}

/** Environment for the docker client: this daemon, and a config folder of its own. */
export function dockerEnv(configDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DOCKER_HOST: services().docker.host,
    DOCKER_BUILDKIT: '1'
  }
  if (configDir) env.DOCKER_CONFIG = configDir
  return env
}

function targetFile(name: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`bad scrape target name "${name}"`)
  return path.join(services().prometheusTargets, `${name}.json`)
}

/**
 * Makes Prometheus scrape `target` (host:port, /metrics) every second, with `labels` on every
 * series. Returns a function that removes the target again.
 */
export async function addScrapeTarget(
  name: string,
  target: string,
  labels: Record<string, string> = {}
): Promise<() => Promise<void>> {
  const file = targetFile(name)
  await mkdir(path.dirname(file), { recursive: true })
  // Written aside and renamed, so Prometheus never reads half a file.
  const temporary = `${file}.tmp`
  await writeFile(temporary, JSON.stringify([{ targets: [target], labels }], null, 2))
  await rename(temporary, file)
  return () => removeScrapeTarget(name)
}

export async function removeScrapeTarget(name: string): Promise<void> {
  await rm(targetFile(name), { force: true })
}

export interface Sample {
  metric: Record<string, string>
  value: number
}

/** Runs a PromQL instant query and returns its vector. */
export async function prometheusQuery(query: string, time?: Date): Promise<Sample[]> {
  const url = new URL('/api/v1/query', services().prometheus)
  url.searchParams.set('query', query)
  if (time) url.searchParams.set('time', String(time.getTime() / 1000))
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
  const body = (await response.json()) as {
    status: string
    error?: string
    data?: {
      resultType: string
      result: { metric: Record<string, string>; value: [number, string] }[]
    }
  }
  if (body.status !== 'success' || !body.data) {
    throw new Error(`Prometheus query ${query} failed (${response.status}): ${body.error}`)
  }
  if (body.data.resultType !== 'vector') {
    throw new Error(`Prometheus query ${query} returned a ${body.data.resultType}, not a vector`)
  }
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }))
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port'))
      )
    })
  })
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  intervalMs = 500
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: last error: ${lastError.message}` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
