import os from 'node:os'
import { loadConfig } from '../core/config/index.js'
import { deploy } from '../core/deploy/deploy.js'
import { ReleaseStore } from '../core/deploy/release-store.js'
import { deploySettings } from '../core/deploy/settings.js'
import { parseDuration } from '../core/duration.js'
import { UserError } from '../core/errors.js'
import { copyImage } from '../core/image/copy.js'
import { parseReference } from '../core/image/reference.js'
import { RegistryClient } from '../core/image/registry.js'
import { gatesSchema } from '../core/config/schema.js'
import { promote, type PromoteOutcome, type TargetImage } from '../core/promote/promote.js'
import { formatOption, parseOptions, UsageError, type Io } from './io.js'
import { clientOf, holderName, releaseSummary } from './deploy.js'
import { configFileOf, render, reportFindings } from './render.js'

export const PROMOTE_HELP = `Usage: slipway promote --from ENV --to ENV [--digest DIGEST | --release N] [--plan]
                       [--override-reason TEXT] [--allow-downgrade] [--config FILE]
                       [--kubeconfig FILE] [--format text|json]

Promotes the release that proved itself in one environment to the next, never rebuilding:
chooses the release of --from (the live one, or one named by digest or number), evaluates the
gates of --to (provenance, soak, scan, analysis, deploy windows), copies the digest to the
target's own image repository when it has one (environments.<to>.image), deploys it to --to
with the deploy core, and then moves the target's tag. A digest already live in --to is left
as it is.

Options:
  --from ENV             the environment the release proved itself in (required)
  --to ENV               the environment to promote to (default: --from's promote-to)
  --digest DIGEST        promote this digest (sha256:...) instead of the live release
  --release N            promote this release number of --from
  --plan                 print every gate and what would change; change nothing
  --override-reason TEXT go through a closed deploy window or freeze; recorded in the release
  --allow-downgrade      deploy a digest older (in --from) than the one live in --to
  --format text|json     the outcome as lines or as JSON (default: text)

Exit codes: 0 promoted (or already live; a plan that would promote), 1 refused by a gate,
failed (the target's previous release is live again), or a plan that would be refused,
2 usage error.
`

export async function promoteCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    digest: { type: 'string' },
    release: { type: 'string' },
    plan: { type: 'boolean' },
    'override-reason': { type: 'string' },
    'allow-downgrade': { type: 'boolean' },
    config: { type: 'string' },
    kubeconfig: { type: 'string' },
    format: { type: 'string' }
  })
  const format = formatOption(values.format, ['text', 'json'])
  if (!values.from) throw new UsageError('--from is required')
  if (values.digest && values.release) throw new UsageError('give --digest or --release, not both')
  const number = values.release === undefined ? undefined : Number(values.release)
  if (number !== undefined && !Number.isSafeInteger(number)) {
    throw new UsageError(`--release must be a release number, got "${values.release}"`)
  }
  const overrideReason = values['override-reason']?.trim()
  if (values['override-reason'] !== undefined && !overrideReason) {
    throw new UsageError('--override-reason must say why')
  }
  const config = await loadConfig(configFileOf(values, io))
  const from = values.from
  const source = config.environments[from]
  if (!source) throw new UserError(`environment "${from}" is not defined in slipway.yaml`)
  const to = values.to ?? source['promote-to']
  if (!to) throw new UsageError(`--to is required: environment ${from} has no promote-to`)
  const target = config.environments[to]
  if (!target) throw new UserError(`environment "${to}" is not defined in slipway.yaml`)
  if (target.strategy !== 'rolling') {
    throw new UserError(
      `environment ${to} uses the ${target.strategy} strategy, which slipway promote does not carry out in this release; set strategy: rolling for it`
    )
  }

  const sourceClient = await clientOf({ ...values, env: from }, io)
  const targetClient = await clientOf({ ...values, env: to }, io)
  const registry = new RegistryClient()
  const log = format === 'text' ? (line: string) => io.err(`${line}\n`) : undefined
  const gates = target.gates ?? gatesSchema.parse({})
  const outcome = await promote({
    from,
    to,
    sourceReleases: await new ReleaseStore(sourceClient, from, source.namespace).list(),
    targetReleases: await new ReleaseStore(targetClient, to, target.namespace)
      .list()
      .catch(() => []),
    selector: { digest: values.digest, number },
    gates,
    soakMs: gates.soak === undefined ? undefined : parseDuration(gates.soak),
    windows: target.windows,
    overrideReason,
    allowDowngrade: values['allow-downgrade'],
    plan: values.plan,
    targetImage: target.image ? targetImage(target.image, to) : undefined,
    copy: (src, dst) => copyImage(parseReference(src), parseReference(dst), registry),
    deploy: async (image, options) => {
      if (options.dryRun && !(await targetClient.get('v1', 'Namespace', target.namespace))) {
        throw new UserError(
          `namespace ${target.namespace} does not exist yet: it would be created; the server cannot dry-run objects in it before`
        )
      }
      const rendered = await render(
        { config: values.config, env: to, image, commit: options.commit },
        io
      )
      if (!reportFindings(rendered.findings, io)) {
        throw new UserError(`the render of ${to} has errors (above); nothing was deployed`)
      }
      return deploy(targetClient, {
        environment: to,
        namespace: target.namespace,
        objects: rendered.objects.map((o) => o.object),
        renderHash: rendered.hash,
        image: rendered.release.image,
        commit: rendered.release.commit,
        actor: process.env.GITHUB_ACTOR ?? `${os.userInfo().username}@${os.hostname()}`,
        reason: options.reason,
        scanVerdict: options.scanVerdict,
        strategy: 'rolling',
        holder: holderName(),
        settings: deploySettings(config, to),
        dryRun: options.dryRun,
        log
      })
    },
    log
  })
  io.out(format === 'json' ? JSON.stringify(outcomeJson(outcome), null, 2) + '\n' : text(outcome))
  const ok =
    outcome.result === 'promoted' ||
    outcome.result === 'unchanged' ||
    (outcome.result === 'plan' && outcome.wouldPromote)
  return ok ? 0 : 1
}

/** `repository[:tag]`; the tag defaults to the environment's name. */
function targetImage(text: string, environment: string): TargetImage {
  const ref = parseReference(text)
  if (ref.digest) {
    throw new UserError(
      `environments.${environment}.image names a digest (${text}): give a repository, with a tag if wanted`
    )
  }
  return { repository: `${ref.registry}/${ref.repository}`, tag: ref.tag ?? environment }
}

function text(outcome: PromoteOutcome): string {
  const lines = [
    `${outcome.from} release ${outcome.source.number} (${outcome.source.digest ?? 'no digest'}) -> ${outcome.to}`
  ]
  const width = Math.max(...outcome.gates.map((g) => g.gate.length))
  for (const gate of outcome.gates) {
    lines.push(`  ${gate.gate.padEnd(width)}  ${gate.verdict.padEnd(12)}  ${gate.reason}`)
  }
  if (outcome.result === 'plan') {
    lines.push(outcome.wouldPromote ? 'would change:' : 'would change, if allowed:')
    lines.push(...outcome.changes.map((c) => `  ${c}`))
  }
  lines.push(outcome.message)
  return lines.join('\n') + '\n'
}

function outcomeJson(outcome: PromoteOutcome) {
  return {
    result: outcome.result,
    wouldPromote: outcome.wouldPromote,
    message: outcome.message,
    from: outcome.from,
    to: outcome.to,
    source: releaseSummary(outcome.source),
    image: outcome.image,
    gates: outcome.gates,
    changes: outcome.changes,
    targetBefore: outcome.targetBefore ? releaseSummary(outcome.targetBefore) : null,
    targetRelease: outcome.targetRelease ? releaseSummary(outcome.targetRelease) : null,
    copy: outcome.copy ?? null
  }
}
