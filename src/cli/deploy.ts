import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { loadConfig, type Config, type Environment } from '../core/config/index.js'
import { deploy, type DeployOutcome } from '../core/deploy/deploy.js'
import type { Release } from '../core/deploy/release-record.js'
import { liveRelease, ReleaseStore } from '../core/deploy/release-store.js'
import { rollback } from '../core/deploy/rollback.js'
import { deploySettings } from '../core/deploy/settings.js'
import { parseDuration } from '../core/duration.js'
import { UserError } from '../core/errors.js'
import { KubeClient } from '../core/kube/client.js'
import { loadCluster } from '../core/kube/cluster.js'
import { describeId } from '../core/manifests/manifest.js'
import { formatOption, parseOptions, UsageError, type Io } from './io.js'
import { configFileOf, render, reportFindings } from './render.js'

export const DEPLOY_HELP = `Usage: slipway deploy --env NAME --image REF@DIGEST [--config FILE] [--kubeconfig FILE]
                      [--context NAME] [--timeout DURATION] [--reason TEXT] [--dry-run]
                      [--scan-verdict TEXT] [--format text|json]

Renders the environment (as slipway render does), then deploys it: takes the environment's
lock (a Lease), records a new numbered release in the namespace, runs pre-rollout Jobs, applies
every object with server-side apply as the environment's ApplySet (pruning what the previous
release had and this one has not), and waits for every workload to roll out. When anything
fails after the first change, the previous release is restored from its record and waited for.

Options:
  --env NAME           the environment (required)
  --image REF@DIGEST   the released image (required unless --dry-run)
  --config FILE        the config file (default: slipway.yaml)
  --kubeconfig FILE    the kubeconfig (default: $KUBECONFIG, else ~/.kube/config)
  --context NAME       its context (default: the environment's context, else the current one)
  --timeout DURATION   how long workloads have to roll out (default: deploy.timeout, 10m)
  --reason TEXT        why, recorded in the release
  --scan-verdict TEXT  the image's scan verdict (pass, fail), recorded for promotion gates
  --dry-run            apply with the server's dry run: shows what would change, changes nothing
  --format text|json   the outcome as lines or as JSON (default: text)

Exit codes: 0 deployed (or dry run done), 1 failed (the previous release is restored when
there is one), 2 usage error.
`

export const HISTORY_HELP = `Usage: slipway history --env NAME [--config FILE] [--kubeconfig FILE] [--context NAME]
                       [--format text|json]

Lists the releases of an environment as the cluster records them, newest first: number,
state, digest, when, who and why.

Exit codes: 0 listed, 1 the cluster could not be read, 2 usage error.
`

export const STATUS_HELP = `Usage: slipway status --env NAME [--config FILE] [--kubeconfig FILE] [--context NAME]
                      [--format text|json]

Says which release is live in an environment, from the cluster's release records.

Exit codes: 0 a release is live, 1 none is (or the cluster could not be read), 2 usage error.
`

export const ROLLBACK_HELP = `Usage: slipway rollback --env NAME --reason TEXT [--to RELEASE|DIGEST] [--force]
                        [--config FILE] [--kubeconfig FILE] [--context NAME] [--format text|json]

Puts an environment back on an earlier release, exactly as the cluster recorded it (not a
re-render of the repository as it is today), without canary steps or analysis, and waits for
it. The release it replaces is marked rolled-back; the target is deployed again, with who and
why. Needs only the cluster: no GitHub, no registry.

Options:
  --env NAME           the environment (required)
  --reason TEXT        why (required): recorded in both releases
  --to RELEASE|DIGEST  a release number, or a digest (sha256:...) or image by digest; default:
                       the newest release before the live one that reached deployed
  --force              allow a target that never reached deployed
  --format text|json   the outcome as a line or as JSON (default: text)

Exit codes: 0 rolled back, 1 failed (the release that was live is restored), 2 usage error.
`

const CLUSTER_OPTIONS = {
  env: { type: 'string' },
  config: { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  format: { type: 'string' }
} as const

export async function deployCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, {
    ...CLUSTER_OPTIONS,
    image: { type: 'string' },
    timeout: { type: 'string' },
    reason: { type: 'string' },
    'dry-run': { type: 'boolean' },
    commit: { type: 'string' },
    'scan-verdict': { type: 'string' }
  })
  const format = formatOption(values.format, ['text', 'json'])
  if (!values.env) throw new UsageError('--env is required')
  if (!values.image && !values['dry-run']) throw new UsageError('--image is required')
  const config = await loadConfig(configFileOf(values, io))
  const strategy = environmentOf(config, values.env).strategy
  if (strategy !== 'rolling') {
    throw new UserError(
      `environment ${values.env} uses the ${strategy} strategy, which slipway deploy does not carry out in this release; ` +
        'set strategy: rolling for it (docs/deploy.md)'
    )
  }
  const settings = deploySettings(config, values.env)
  if (values.timeout !== undefined) {
    const ms = parseDuration(values.timeout)
    if (ms === undefined)
      throw new UsageError(`--timeout must be a duration such as 5m, got "${values.timeout}"`)
    settings.timeoutMs = ms
  }
  const result = await render({ ...values, format: undefined }, io)
  if (!reportFindings(result.findings, io)) return 1
  const client = clientOf(values, io, config)
  const outcome = await deploy(client, {
    environment: result.environment,
    namespace: result.namespace,
    objects: result.objects.map((o) => o.object),
    renderHash: result.hash,
    image: result.release.image,
    commit: result.release.commit,
    actor: process.env.GITHUB_ACTOR ?? `${os.userInfo().username}@${os.hostname()}`,
    reason: values.reason,
    scanVerdict: values['scan-verdict'],
    strategy: 'rolling',
    holder: holderName(),
    settings,
    dryRun: values['dry-run'],
    log: format === 'text' ? (line) => io.err(`${line}\n`) : undefined
  })
  io.out(
    format === 'json'
      ? JSON.stringify(outcomeJson(outcome), null, 2) + '\n'
      : `${outcome.message}\n`
  )
  return outcome.result === 'failed' ? 1 : 0
}

export async function rollbackCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, {
    ...CLUSTER_OPTIONS,
    to: { type: 'string' },
    reason: { type: 'string' },
    force: { type: 'boolean' }
  })
  const format = formatOption(values.format, ['text', 'json'])
  if (!values.env) throw new UsageError('--env is required')
  if (!values.reason?.trim())
    throw new UsageError('--reason is required: it is recorded in the release')
  const config = await loadConfig(configFileOf(values, io))
  const environment = environmentOf(config, values.env)
  const outcome = await rollback(clientOf(values, io, config), {
    environment: values.env,
    namespace: environment.namespace,
    to: values.to,
    reason: values.reason,
    actor: process.env.GITHUB_ACTOR ?? `${os.userInfo().username}@${os.hostname()}`,
    holder: holderName(),
    settings: deploySettings(config, values.env),
    force: values.force,
    log: format === 'text' ? (line) => io.err(`${line}\n`) : undefined
  })
  io.out(
    format === 'json'
      ? JSON.stringify(
          {
            from: releaseSummary(outcome.from),
            to: releaseSummary(outcome.to),
            durationMs: outcome.durationMs,
            message: outcome.message
          },
          null,
          2
        ) + '\n'
      : `${outcome.message}\n`
  )
  return 0
}

export async function historyCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, CLUSTER_OPTIONS)
  const format = formatOption(values.format, ['text', 'json'])
  const releases = await releasesOf(values, io)
  if (format === 'json') {
    io.out(JSON.stringify(releases.map(releaseSummary), null, 2) + '\n')
    return 0
  }
  if (releases.length === 0) {
    io.out(`no releases of ${values.env} recorded in the cluster\n`)
    return 0
  }
  const rows = releases.map((r) => [
    String(r.number),
    r.state,
    r.digest ? r.digest.slice(0, 19) : '-',
    r.finishedAt ?? r.startedAt,
    r.actor ?? '-',
    oneLine(r.reason ?? r.message ?? '')
  ])
  io.out(table(['RELEASE', 'STATE', 'DIGEST', 'WHEN', 'WHO', 'WHY'], rows))
  return 0
}

export async function statusCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, CLUSTER_OPTIONS)
  const format = formatOption(values.format, ['text', 'json'])
  const releases = await releasesOf(values, io)
  const live = liveRelease(releases)
  if (format === 'json') {
    io.out(
      JSON.stringify(
        { environment: values.env, live: live ? releaseSummary(live) : null },
        null,
        2
      ) + '\n'
    )
  } else if (live) {
    io.out(
      `${values.env}: release ${live.number} is live${live.image ? `, ${live.image}` : ''}` +
        `${live.commit ? ` (commit ${live.commit.slice(0, 12)})` : ''}, deployed ${live.finishedAt ?? live.startedAt}\n`
    )
  } else {
    io.out(`${values.env}: no release is live\n`)
  }
  return live ? 0 : 1
}

async function releasesOf(
  values: { env?: string } & Record<string, unknown>,
  io: Io
): Promise<Release[]> {
  if (!values.env) throw new UsageError('--env is required')
  const config = await loadConfig(configFileOf(values, io))
  const environment = environmentOf(config, values.env)
  return new ReleaseStore(clientOf(values, io, config), values.env, environment.namespace).list()
}

function environmentOf(config: Config, name: string): Environment {
  if (!Object.hasOwn(config.environments, name)) {
    throw new UserError(`environment "${name}" is not defined in slipway.yaml`)
  }
  return config.environments[name]
}

/** The cluster of the environment `values.env`: --kubeconfig, and --context or its context. */
export function clientOf(values: Record<string, unknown>, io: Io, config: Config): KubeClient {
  const env = config.environments[String(values.env)]
  const kubeconfig = values.kubeconfig as string | undefined
  const cluster = loadCluster({
    kubeconfig: kubeconfig && path.resolve(io.cwd, kubeconfig),
    context: (values.context as string | undefined) ?? env?.context
  })
  return new KubeClient(cluster)
}

/**
 * Who holds the environment's lock: the CI run when there is one, else user@host; with a token
 * of this deploy, since two jobs of one run (or two deploys of one process) are two holders.
 */
export function holderName(env = process.env): string {
  const token = randomBytes(4).toString('hex')
  if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
    const job = env.GITHUB_JOB ? `, job ${env.GITHUB_JOB}` : ''
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID} (${token}${job})`
  }
  return `${os.userInfo().username}@${os.hostname()} (pid ${process.pid}, ${token})`
}

export function releaseSummary(r: Release) {
  return {
    number: r.number,
    state: r.state,
    image: r.image ?? null,
    digest: r.digest ?? null,
    commit: r.commit ?? null,
    strategy: r.strategy,
    actor: r.actor ?? null,
    reason: r.reason ?? null,
    message: r.message ?? null,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt ?? null,
    renderHash: r.renderHash,
    objects: r.objects.length
  }
}

function outcomeJson(outcome: DeployOutcome) {
  return {
    result: outcome.result,
    message: outcome.message,
    release: releaseSummary(outcome.release),
    previous: outcome.previous ? releaseSummary(outcome.previous) : null,
    restored: outcome.restored ? releaseSummary(outcome.restored) : null,
    applied: outcome.applied.map(describeId),
    pruned: outcome.pruned.map(describeId),
    timeline: outcome.timeline
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 77)}...` : line
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd() + '\n'
  return [header, ...rows].map(line).join('')
}
