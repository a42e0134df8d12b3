// Registry copy: `slipway image copy` against `skopeo copy --all`, in one run, on a ~300 MB
// image of 3 layers of random (incompressible, gzip-wrapped) data, in three modes:
//   retag            same repository, new tag
//   cross-repository same registry, new repository (both tools mount the blobs)
//   cross-registry   to a second registry, a fresh one for every run (nothing to reuse there)
// Every CLI and skopeo run is a new process, as a user runs it. Prints median wall times and
// ratios to skopeo.
//
// Each mode runs on plain loopback, and again behind a proxy that delays every packet by half of
// --rtt each way (bench/delay-proxy.mjs): a registry is never on loopback in real use, and there
// each request a tool makes costs a round trip.
//
//   npm run services start && source .cache/services/env && node bench/copy.mjs [--reps N] [--size MB]
//     [--node PATH]   the Node that runs slipway (default: the one running the bench)
//     [--rtt 0,10]    the round trips to run with, in ms (0: loopback without a proxy)
//
// Two slipway columns:
//   cli   the bundled CLI: dist/cli/index.js when it knows `image copy`, else a bundle of src this
//         bench makes in .cache/bench/cli (tsc to JavaScript, then ncc, as scripts/bundle.mjs does;
//         dist/ is left alone). It includes loading every command's code.
//   core  copyImage() from src/core/image (the tsc output) called in the bench's own Node process,
//         with a new RegistryClient each time: the copy as the promote action runs it, in a Node
//         that is already running, so no process start-up is counted.
/* global fetch */
import { Buffer } from 'node:buffer'
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { startDelayProxy } from './delay-proxy.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const cache = path.join(root, '.cache/bench')
const require = createRequire(import.meta.url)
const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    size: { type: 'string', default: '300' },
    // the Node that runs slipway, e.g. .cache/node24/bin/node (the runner's runtime)
    node: { type: 'string', default: process.execPath },
    // round trips to simulate, in ms, comma-separated; 0 is plain loopback
    rtt: { type: 'string', default: '0,10' }
  }
})
const node = path.resolve(values.node)
const reps = Number(values.reps)
const megabytes = Number(values.size)
const rtts = values.rtt.split(',').map(Number)
const registry = process.env.SLIPWAY_TEST_REGISTRY
if (!registry) {
  console.error(
    'SLIPWAY_TEST_REGISTRY is not set: npm run services start && source .cache/services/env'
  )
  process.exit(2)
}
const registryBinary = process.env.SLIPWAY_TEST_REGISTRY_BINARY ?? '/usr/bin/docker-registry'
const skopeo = process.env.SKOPEO ?? 'skopeo'
for (const program of [skopeo, registryBinary]) {
  if (spawnSync(program, ['--version']).status !== 0) {
    console.error(`${program} is missing (Debian packages skopeo and docker-registry)`)
    process.exit(2)
  }
}
const log = (text) => console.error(`bench/copy: ${text}`)

// --- slipway: the core in process, and the CLI --------------------------------------------------

// tsc emits JavaScript even while files others are still writing do not type-check.
const build = path.join(cache, 'build')
log('compiling src with tsc into .cache/bench/build')
rmSync(build, { recursive: true, force: true })
spawnSync(
  process.execPath,
  [
    require.resolve('typescript/bin/tsc'),
    '-p',
    'tsconfig.json',
    '--noEmit',
    'false',
    '--outDir',
    build,
    '--rootDir',
    '.'
  ],
  { cwd: root, stdio: 'ignore' }
)
const coreModule = (name) => pathToFileURL(path.join(build, 'src/core/image', name)).href
if (!existsSync(fileURLToPath(coreModule('copy.js')))) {
  console.error('tsc emitted no src/core/image/copy.js')
  process.exit(1)
}
// In process: how the promote action calls the copy, in a Node that is already running.
const { copyImage } = await import(coreModule('copy.js'))
const { parseReference } = await import(coreModule('reference.js'))
const { RegistryClient } = await import(coreModule('registry.js'))

async function inProcess(src, dst) {
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  await copyImage(parseReference(src), parseReference(dst), new RegistryClient())
  const ms = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  return { ms, cpu: (cpu.user + cpu.system) / 1000 }
}

function knowsImageCopy(file) {
  if (!existsSync(file)) return false
  return spawnSync(process.execPath, [file, 'help', 'image'], { encoding: 'utf8' }).stdout.includes(
    'slipway image copy'
  )
}

let cli = path.join(root, 'dist/cli/index.js')
let cliNote = 'dist/cli/index.js'
if (!knowsImageCopy(cli)) {
  const out = path.join(cache, 'cli')
  log('dist/cli has no `image copy` yet: bundling the tsc output with ncc into .cache/bench/cli')
  rmSync(out, { recursive: true, force: true })
  const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js')
  spawnSync(
    process.execPath,
    [ncc, 'build', path.join(build, 'src/entries/cli.js'), '-o', out, '--quiet'],
    {
      cwd: root,
      stdio: 'inherit'
    }
  )
  cli = path.join(out, 'index.js')
  cliNote = '.cache/bench/cli/index.js, bundled from src by this bench (dist/ is stale)'
  if (!knowsImageCopy(cli)) {
    console.error('bundling the CLI failed')
    process.exit(1)
  }
}

// --- registries and the image ------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function startRegistry() {
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-bench-registry-'))
  const host = `127.0.0.1:${await freePort()}`
  writeFileSync(
    path.join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n` +
      `storage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: ${host}\n`
  )
  const child = spawn(registryBinary, ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' })
  const closed = new Promise((resolve) => child.once('close', resolve))
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://${host}/v2/`)).ok) break
    } catch {
      // not listening yet
    }
    if (i > 200) throw new Error(`registry on ${host} did not start`)
    await sleep(50)
  }
  return {
    host,
    async stop() {
      child.kill('SIGTERM')
      await closed
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

const sha256 = (data) => `sha256:${createHash('sha256').update(data).digest('hex')}`
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const SOURCE = { repository: 'bench/copy-source', tag: `gz-${megabytes}mb` }
const source = `${registry}/${SOURCE.repository}:${SOURCE.tag}`

async function pushBlob(data) {
  const base = `http://${registry}/v2/${SOURCE.repository}/blobs`
  const start = await fetch(`${base}/uploads/`, { method: 'POST' })
  if (start.status !== 202) throw new Error(`POST upload: HTTP ${start.status}`)
  const location = new URL(start.headers.get('location'), `http://${registry}`)
  location.searchParams.set('digest', sha256(data))
  const put = await fetch(location, { method: 'PUT', body: data })
  if (put.status !== 201) throw new Error(`PUT blob: HTTP ${put.status} ${await put.text()}`)
  return { digest: sha256(data), size: data.length }
}

async function headDigest(host, repository, tag) {
  const response = await fetch(`http://${host}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { accept: MANIFEST }
  })
  return response.status === 200 ? response.headers.get('docker-content-digest') : undefined
}

/** The image: pushed once, found by its tag on later runs. */
async function sourceImage() {
  const known = await headDigest(registry, SOURCE.repository, SOURCE.tag)
  if (known) return known
  log(`pushing a ${megabytes} MB image of 3 random layers to ${source}`)
  const layers = []
  for (let i = 0; i < 3; i++) {
    // gzip around random bytes: a real compressed layer (no tool recompresses it), incompressible
    const data = gzipSync(randomBytes(Math.floor((megabytes * 1024 * 1024) / 3)), { level: 1 })
    layers.push({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      ...(await pushBlob(data))
    })
  }
  const rootfs = { type: 'layers', diff_ids: layers.map((l) => l.digest) }
  const config = {
    mediaType: 'application/vnd.oci.image.config.v1+json',
    ...(await pushBlob(Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs }))))
  }
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config, layers })
  )
  const put = await fetch(`http://${registry}/v2/${SOURCE.repository}/manifests/${SOURCE.tag}`, {
    method: 'PUT',
    body: manifest,
    headers: { 'content-type': MANIFEST }
  })
  if (put.status !== 201) throw new Error(`PUT manifest: HTTP ${put.status} ${await put.text()}`)
  return sha256(manifest)
}

// --- the runs -------------------------------------------------------------------------------------

const dockerConfig = mkdtempSync(path.join(tmpdir(), 'slipway-bench-docker-')) // no credentials
const runId = randomBytes(3).toString('hex')

// GNU time, when there, gives each run's CPU time (user + system): steadier than wall time on a
// busy machine, though it leaves out the registries' own work.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

/** Runs a program; its wall time and CPU time in ms (cpu undefined without GNU time). */
function timed(program, args) {
  const cpuFile = path.join(dockerConfig, `cpu-${randomBytes(4).toString('hex')}`)
  const [command, argv] = gnuTime
    ? [gnuTime, ['-f', '%U %S', '-o', cpuFile, program, ...args]]
    : [program, args]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, argv, {
      env: { ...process.env, DOCKER_CONFIG: dockerConfig },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - started
      if (code !== 0) {
        reject(new Error(`${program} ${args.join(' ')} exited with ${code}:\n${output}`))
        return
      }
      let cpu
      if (gnuTime) {
        const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number)
        cpu = (user + system) * 1000
        rmSync(cpuFile, { force: true })
      }
      resolve({ ms, cpu })
    })
  })
}

const tools = {
  cli: (src, dst) => timed(node, [cli, 'image', 'copy', src, dst]),
  core: inProcess,
  skopeo: (src, dst) =>
    timed(skopeo, [
      'copy',
      '--all',
      '--preserve-digests', // a guard: the digest must not change (it does not, the layers are gzip)
      '--quiet',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${src}`,
      `docker://${dst}`
    ])
}

/**
 * Each mode runs one copy with a tool: its times, and where DST is (to check its digest).
 * `via(host)` is the address the tools are given for a registry: the registry itself, or a
 * delay proxy in front of it.
 */
const modes = {
  retag: async (tool, run, via) => {
    const tag = `retag-${tool}-${runId}-${run}`
    const host = await via(registry)
    const time = await tools[tool](
      `${host}/${SOURCE.repository}:${SOURCE.tag}`,
      `${host}/${SOURCE.repository}:${tag}`
    )
    return { ...time, digest: await headDigest(registry, SOURCE.repository, tag) }
  },
  'cross-repository': async (tool, run, via) => {
    const repository = `bench/promoted-${tool}-${runId}-${run}`
    const host = await via(registry)
    const time = await tools[tool](
      `${host}/${SOURCE.repository}:${SOURCE.tag}`,
      `${host}/${repository}:v1`
    )
    return { ...time, digest: await headDigest(registry, repository, 'v1') }
  },
  'cross-registry': async (tool, run, via) => {
    const target = await startRegistry()
    try {
      const repository = `bench/mirror-${tool}`
      const time = await tools[tool](
        `${await via(registry)}/${SOURCE.repository}:${SOURCE.tag}`,
        `${await via(target.host)}/${repository}:v1`
      )
      return { ...time, digest: await headDigest(target.host, repository, 'v1') }
    } finally {
      await target.stop()
    }
  }
}

/** The networks: loopback as it is, and loopback behind delay proxies of each --rtt. */
function network(rtt) {
  if (rtt === 0) return { name: 'loopback', via: async (host) => host, close: async () => {} }
  const proxies = new Map()
  return {
    name: `${rtt} ms RTT`,
    async via(host) {
      if (!proxies.has(host)) proxies.set(host, await startDelayProxy(host, rtt))
      return proxies.get(host).host
    },
    async close() {
      await Promise.all([...proxies.values()].map((proxy) => proxy.close()))
      proxies.clear()
    }
  }
}

const median = (list) => {
  if (list.length === 0 || list.some((v) => v === undefined)) return undefined
  const sorted = [...list].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// The floor for any copy by a new Node process: start, load node:http, make one request.
const oneGet = `require('node:http').get('http://${registry}/v2/', (r) => r.resume())`
const startup = []
const bareNode = []
const nodeGet = []
for (let i = 0; i < 5; i++) {
  startup.push((await timed(node, [cli, 'version'])).ms)
  bareNode.push((await timed(node, ['-e', '0'])).ms)
  nodeGet.push((await timed(node, ['-e', oneGet])).ms)
}

const digest = await sourceImage()
log(`source ${source} is ${digest}`)
const names = Object.keys(tools)
const runs = {}
for (const rtt of rtts) {
  const net = network(rtt)
  for (const [mode, copy] of Object.entries(modes)) {
    const key = `${mode}, ${net.name}`
    log(key)
    runs[key] = Object.fromEntries(names.map((tool) => [tool, { ms: [], cpu: [] }]))
    for (const tool of names) await copy(tool, `warmup-${rtt}`, net.via) // not timed
    for (let run = 0; run < reps; run++) {
      // rotate which tool goes first, against drift on a noisy machine
      const order = names.map((_, i) => names[(i + run) % names.length])
      for (const tool of order) {
        const result = await copy(tool, `${rtt}-${run}`, net.via)
        if (result.digest !== digest) {
          throw new Error(`${tool} ${key}: DST is ${result.digest}, expected ${digest}`)
        }
        runs[key][tool].ms.push(result.ms)
        runs[key][tool].cpu.push(result.cpu)
      }
    }
    await net.close() // cross-registry's targets come and go; proxies are made per mode
  }
}
rmSync(dockerConfig, { recursive: true, force: true })

const rows = Object.entries(runs).map(([mode, r]) => {
  const row = { mode }
  for (const measure of ['ms', 'cpu']) {
    for (const tool of names) row[`${tool}_${measure}`] = median(r[tool][measure])
    row[`cli_${measure}_ratio`] = row[`cli_${measure}`] / row[`skopeo_${measure}`]
    row[`core_${measure}_ratio`] = row[`core_${measure}`] / row[`skopeo_${measure}`]
  }
  return row
})
const num = (value, width, digits = 0) =>
  (value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits)).padStart(width)
const version = (program) => spawnSync(program, ['--version'], { encoding: 'utf8' }).stdout.trim()
console.log(
  `\ncopy of a ${megabytes} MB image (3 layers); medians of ${reps} runs, each a new process`
)
console.log(`slipway cli: ${cliNote}`)
console.log(
  `slipway core: copyImage() in this running node (${process.version}), as the promote action calls it`
)
console.log(
  `${version(skopeo)}; slipway on node ${version(node)}; start-up alone: ` +
    `\`slipway version\` ${median(startup).toFixed(0)} ms, \`node -e 0\` ${median(bareNode).toFixed(0)} ms, ` +
    `node making one HTTP request to the registry ${median(nodeGet).toFixed(0)} ms`
)
console.log('wall: time to DST holding the image; CPU: user + system of the copying process only\n')
console.log(
  '| mode, network                 | wall ms: cli | core | skopeo | cli/skopeo | core/skopeo | CPU ms: cli | core | skopeo | cli/skopeo | core/skopeo |'
)
console.log(
  '| ----------------------------- | -----------: | ---: | -----: | ---------: | ----------: | ----------: | ---: | -----: | ---------: | ----------: |'
)
for (const r of rows) {
  console.log(
    `| ${r.mode.padEnd(29)} | ${num(r.cli_ms, 12)} | ${num(r.core_ms, 4)} | ${num(r.skopeo_ms, 6)} | ` +
      `${num(r.cli_ms_ratio, 10, 2)} | ${num(r.core_ms_ratio, 11, 2)} | ${num(r.cli_cpu, 11)} | ` +
      `${num(r.core_cpu, 4)} | ${num(r.skopeo_cpu, 6)} | ${num(r.cli_cpu_ratio, 10, 2)} | ${num(r.core_cpu_ratio, 11, 2)} |`
  )
}
console.log(
  `\n${JSON.stringify({ bench: 'copy', megabytes, reps, rtts, startupMs: median(startup), nodeMs: median(bareNode), nodeGetMs: median(nodeGet), rows, runs })}`
)
