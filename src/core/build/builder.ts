import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.js'
import type { BuildPlan, Builder, Command } from './build-plan.js'

// Runs a build plan with the docker CLI: finds out which builder there is, runs the build with
// its log streamed line by line, pushes, and reads back what the build produced.

export interface DockerCli {
  /** The docker program: `docker` from PATH, or a path. */
  program: string
  /** The environment docker runs in (DOCKER_HOST, DOCKER_CONFIG, ...). */
  env: NodeJS.ProcessEnv
  cwd?: string
}

export interface CacheStats {
  /** Dockerfile steps BuildKit took from its cache. */
  cached: number
  /** Dockerfile steps in the build (FROM scratch has none of its own). */
  steps: number
}

export interface BuildResult {
  /** The image ID (config digest) from the iidfile. */
  imageId?: string
  /** The pushed manifest (or index) digest; undefined when nothing was pushed. */
  digest?: string
  cache: CacheStats
  /** Wall time of the build and the pushes. */
  durationMs: number
  /** buildx's metadata file, as written. */
  metadata?: Record<string, unknown>
}

/** buildx when `docker buildx version` works (and its driver), else docker build with BuildKit. */
export async function detectBuilder(cli: DockerCli): Promise<Builder> {
  const buildx = await execute(cli, { args: ['buildx', 'version'], env: {} })
  if (buildx.exitCode === 0) {
    const version = /\bv?(\d+\.\d+\.\d+[^\s]*)/.exec(buildx.stdout)?.[1]
    const inspect = await execute(cli, { args: ['buildx', 'inspect'], env: {} })
    const driver =
      inspect.exitCode === 0 ? /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1] : undefined
    return { kind: 'buildx', version, driver }
  }
  const client = await execute(cli, {
    args: ['version', '--format', '{{.Client.Version}}'],
    env: {}
  })
  const version = client.exitCode === 0 ? client.stdout.trim() || undefined : undefined
  return { kind: 'docker', version }
}

/**
 * Runs the plan: the build (each output line to `log`), then the pushes. Throws a UserError
 * naming the failing command and its last error line; the full log has been shown already.
 */
export async function runBuild(
  plan: BuildPlan,
  cli: DockerCli,
  log: (line: string) => void
): Promise<BuildResult> {
  const started = Date.now()
  const cache = new CacheCounter()
  await runStreaming(cli, plan.build, (line) => {
    cache.read(line)
    log(line)
  })

  const pushed: string[] = []
  for (const push of plan.pushes) {
    const lines: string[] = []
    await runStreaming(cli, push, (line) => {
      lines.push(line)
      log(line)
    })
    const digest = lines.map((l) => /\bdigest: (sha256:[0-9a-f]{64})\b/.exec(l)?.[1]).find(Boolean)
    if (digest) pushed.push(digest)
  }

  const imageId = (await readFile(plan.iidFile, 'utf8').catch(() => '')).trim() || undefined
  let metadata: Record<string, unknown> | undefined
  if (plan.metadataFile) {
    const text = await readFile(plan.metadataFile, 'utf8').catch(() => '')
    metadata = text ? (JSON.parse(text) as Record<string, unknown>) : undefined
  }

  let digest: string | undefined
  if (plan.builder === 'buildx') {
    const value = metadata?.['containerimage.digest']
    if (plan.build.args.includes('--push') && typeof value === 'string') digest = value
  } else if (pushed.length > 0) {
    const distinct = [...new Set(pushed)]
    if (distinct.length > 1) {
      throw new UserError(
        `the tags were pushed with different digests (${distinct.join(', ')}): another build pushed to them at the same time`
      )
    }
    digest = distinct[0]
  }
  return { imageId, digest, cache: cache.stats(), durationMs: Date.now() - started, metadata }
}

const BUILDX_MISSING = /BuildKit is enabled but the buildx component is missing or broken/

/** Runs one docker command, passing each output line on, and fails with its last error line. */
async function runStreaming(
  cli: DockerCli,
  command: Command,
  onLine: (line: string) => void
): Promise<void> {
  const { exitCode, tail } = await execute(cli, command, onLine)
  if (exitCode === 0) return
  const what = `${cli.program} ${command.args.slice(0, command.args[0] === 'buildx' ? 2 : 1).join(' ')}`
  if (tail.some((line) => BUILDX_MISSING.test(line))) {
    throw new UserError(
      `${what} failed: this docker client (${cli.program}) refuses BuildKit builds without the buildx component; ` +
        'install buildx (docker/setup-buildx-action), or put a docker client with BuildKit built in first on PATH'
    )
  }
  throw new UserError(`${what} failed (exit code ${exitCode}): ${lastError(tail)}`)
}

interface Execution {
  exitCode: number
  stdout: string
  /** The last 200 lines of stdout and stderr, in the order they ended. */
  tail: string[]
}

/** Runs docker without a shell and with no stdin, line by line. A missing program is a UserError. */
function execute(
  cli: DockerCli,
  command: Command,
  onLine: (line: string) => void = () => {}
): Promise<Execution> {
  return new Promise((resolve, reject) => {
    const tail: string[] = []
    let stdout = ''
    const child = spawn(cli.program, command.args, {
      cwd: cli.cwd,
      env: { ...cli.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const pending = { stdout: '', stderr: '' }
    const emit = (line: string) => {
      tail.push(line)
      if (tail.length > 200) tail.shift()
      onLine(line)
    }
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      if (stream === 'stdout') stdout += text
      const parts = (pending[stream] + text).split(/\r?\n/)
      pending[stream] = parts.pop() ?? ''
      for (const line of parts) emit(line)
    }
    child.stdout.on('data', collect('stdout'))
    child.stderr.on('data', collect('stderr'))
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new UserError(`${cli.program} is not installed or not on PATH`)
          : error
      )
    )
    child.on('close', (code) => {
      for (const rest of [pending.stdout, pending.stderr]) if (rest) emit(rest)
      resolve({ exitCode: code ?? 1, stdout, tail })
    })
  })
}

/** The line that says what went wrong: the last one mentioning an error, else the last one. */
function lastError(lines: string[]): string {
  const meaningful = lines.map((l) => l.trim()).filter((l) => l.length > 0)
  const error = [...meaningful]
    .reverse()
    .find((l) => /\berror\b|failed to|denied|unauthorized/i.test(l))
  return (error ?? meaningful.at(-1) ?? 'no output').replace(/^#\d+\s+/, '')
}

/**
 * Counts Dockerfile steps and cache hits in BuildKit's plain progress output: a step is a vertex
 * named like `[2/3] COPY ...` or `[build 2/3] RUN ...`, a hit is the line `#<n> CACHED`.
 */
export class CacheCounter {
  private readonly steps = new Set<string>()
  private readonly cached = new Set<string>()

  read(line: string): void {
    const vertex = /^#(\d+) \[(?:[^\]]*\s)?\d+\/\d+\]/.exec(line)
    if (vertex) this.steps.add(vertex[1])
    const hit = /^#(\d+) CACHED\s*$/.exec(line)
    if (hit) this.cached.add(hit[1])
  }

  stats(): CacheStats {
    const cached = [...this.cached].filter((id) => this.steps.has(id)).length
    return { cached, steps: this.steps.size }
  }
}
