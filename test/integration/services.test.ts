import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCommand } from '../../src/core/process.js'
import {
  addScrapeTarget,
  dockerEnv,
  eventually,
  freePort,
  prometheusQuery,
  removeScrapeTarget,
  services
} from '../support/services.js'

// The real services of scripts/services.sh: build the example image with the real dockerd, push
// it to the real registry, run it, and have the real Prometheus scrape the example service.

const root = fileURLToPath(new URL('../..', import.meta.url))
const example = path.join(root, 'examples/hello')
const binary = path.join(example, 'build/hello')
const id = `${process.pid}-${Date.now().toString(36)}`
const repository = 'slipway-test/hello'
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
]

let dockerConfig: string
let image: string | undefined
const containers: string[] = []
const processes: ChildProcess[] = []
const targets: string[] = []

async function run(program: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const result = await runCommand(program, args, { cwd: root, env })
  if (result.exitCode !== 0) {
    throw new Error(
      `${program} ${args.join(' ')} exited with ${result.exitCode}:\n${result.stderr}${result.stdout}`
    )
  }
  return result.stdout
}

function docker(...args: string[]): Promise<string> {
  return run(services().docker.bin, args, dockerEnv(dockerConfig))
}

/** GET http://127.0.0.1:port/route */
async function get(port: number, route: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    signal: AbortSignal.timeout(5_000)
  })
  return { status: response.status, text: await response.text() }
}

beforeAll(async () => {
  services() // fails every test at once, with the reason, when the services are not running
  dockerConfig = await mkdtemp(path.join(tmpdir(), 'slipway-docker-config-'))
  await run('bash', [path.join(example, 'build.sh')])
}, 120_000)

afterAll(async () => {
  for (const child of processes) child.kill('SIGTERM')
  for (const name of targets) await removeScrapeTarget(name)
  for (const container of containers) await docker('rm', '--force', container).catch(() => {})
  if (image) await docker('image', 'rm', '--force', image).catch(() => {})
  if (dockerConfig) await rm(dockerConfig, { recursive: true, force: true })
}, 120_000)

describe('real test services', () => {
  test('builds the example image with dockerd and pushes it to the registry', async () => {
    const { registry } = services()
    const tag = `t-${id}`
    image = `${registry}/${repository}:${tag}`
    await docker('build', '--network', 'host', '--tag', image, example)
    const pushed = await docker('push', image)
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed)?.[1]
    expect(digest).toBeDefined()
    const repoDigests = JSON.parse(
      await docker('image', 'inspect', '--format', '{{json .RepoDigests}}', image)
    ) as string[]
    expect(repoDigests).toContain(`${registry}/${repository}@${digest}`)

    const response = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, {
      headers: { Accept: MANIFEST_TYPES.join(', ') }
    })
    expect(response.status).toBe(200)
    const bytes = Buffer.from(await response.arrayBuffer())
    const sha256 = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    expect(response.headers.get('docker-content-digest')).toBe(sha256)
    expect(sha256).toBe(digest)

    const manifest = JSON.parse(bytes.toString('utf8')) as {
      schemaVersion: number
      mediaType: string
      config: { digest: string }
      layers: { digest: string }[]
    }
    expect(manifest.schemaVersion).toBe(2)
    expect(MANIFEST_TYPES).toContain(manifest.mediaType)
    expect(manifest.layers.length).toBeGreaterThan(0)
    // The image ID is the digest of its config, which the registry serves as a blob.
    const imageId = (await docker('image', 'inspect', '--format', '{{.Id}}', image)).trim()
    expect(manifest.config.digest).toBe(imageId)
    const config = await fetch(`http://${registry}/v2/${repository}/blobs/${imageId}`)
    expect(config.status).toBe(200)
    const configBytes = Buffer.from(await config.arrayBuffer())
    expect(`sha256:${createHash('sha256').update(configBytes).digest('hex')}`).toBe(imageId)
    const { config: runConfig } = JSON.parse(configBytes.toString('utf8')) as {
      config: { User: string; Entrypoint: string[] }
    }
    expect(runConfig).toMatchObject({ User: '65532:65532', Entrypoint: ['/hello'] })
  }, 120_000)

  test('the image serves on the host network', async () => {
    expect(image).toBeDefined() // built by the test above
    const port = await freePort()
    const container = (
      await docker(
        'run',
        '--detach',
        '--name',
        `slipway-test-hello-${id}`,
        '--network',
        'host',
        '--env',
        'BIND=127.0.0.1',
        '--env',
        `PORT=${port}`,
        '--env',
        'VERSION=in-a-container',
        image!
      )
    ).trim()
    containers.push(container)

    await eventually('the container to answer', () => get(port, '/healthz'))
    expect(await get(port, '/')).toEqual({ status: 200, text: 'hello from in-a-container\n' })
    const metrics = await get(port, '/metrics')
    expect(metrics.text).toContain('http_requests_total{route="/",code="200"} 1')

    await docker('rm', '--force', container)
    containers.splice(containers.indexOf(container), 1)
  }, 120_000)

  test('Prometheus scrapes the example service', async () => {
    const port = await freePort()
    const version = `v-${id}`
    const child = spawn(binary, [], {
      env: { PORT: String(port), BIND: '127.0.0.1', VERSION: version },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    processes.push(child)
    let log = ''
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
    await eventually('hello to listen', () =>
      get(port, '/healthz').catch((error: Error) => {
        if (child.exitCode !== null) throw new Error(`hello exited: ${log}`)
        throw error
      })
    )

    const target = `hello-${id}`
    targets.push(target)
    await addScrapeTarget(target, `127.0.0.1:${port}`, { slipway_test: id })
    expect((await get(port, '/missing')).status).toBe(404)
    for (let i = 0; i < 5; i++) expect((await get(port, '/')).status).toBe(200)

    const selector = `slipway_test="${id}"`
    const served = await eventually('Prometheus to have scraped the requests', async () => {
      const samples = await prometheusQuery(`http_requests_total{${selector},route="/"}`)
      const ok = samples.find((s) => s.metric.code === '200')
      return ok && ok.value >= 5 ? samples : undefined
    })
    expect(served.find((s) => s.metric.code === '500')?.value).toBe(0)
    expect(served[0].metric).toMatchObject({ job: 'slipway-test', instance: `127.0.0.1:${port}` })

    const [info] = await prometheusQuery(`app_info{${selector}}`)
    expect(info).toMatchObject({ metric: { version }, value: 1 })
    const missing = await prometheusQuery(`http_requests_total{${selector},code="404"}`)
    expect(missing).toEqual([expect.objectContaining({ value: 1 })])
    const histogram = await prometheusQuery(
      `http_request_duration_seconds_count{${selector},route="/"}`
    )
    expect(histogram[0]?.value).toBeGreaterThanOrEqual(5)
  }, 120_000)
})
