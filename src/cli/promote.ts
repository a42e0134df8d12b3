import os from 'node:os'
import { loadConfig } from '../core/config/index.js'
import { RegistryClient } from '../core/image/registry.js'
import { promoteEnvironment, promotionTarget } from '../core/promote/promote-environment.js'
import type { PromoteOutcome } from '../core/promote/promote.js'
import { formatOption, parseOptions, UsageError, type Io } from './io.js'
import { clientOf, holderName, releaseSummary } from './deploy.js'
import { configFileOf } from './render.js'

export const PROMOTE_HELP = `Usage: slipway promote --from ENV --to ENV [--digest DIGEST | --release N] [--plan]
                       [--override-reason TEXT] [--decision TEXT] [--allow-downgrade] [--config FILE]
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
  --decision TEXT        go ahead although gates are inconclusive (who and why); only where
                         the target's gates have allow-manual-decision; recorded
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
    decision: { type: 'string' },
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
  const configFile = configFileOf(values, io)
  const config = await loadConfig(configFile)
  const to = promotionTarget(config, values.from, values.to)
  const outcome = await promoteEnvironment({
    config,
    configFile,
    root: io.cwd,
    from: values.from,
    to,
    selector: { digest: values.digest, number },
    plan: values.plan,
    overrideReason,
    decision: values.decision?.trim() || undefined,
    allowDowngrade: values['allow-downgrade'],
    source: clientOf({ ...values, env: values.from }, io, config),
    target: clientOf({ ...values, env: to }, io, config),
    registry: new RegistryClient(),
    actor: process.env.GITHUB_ACTOR ?? `${os.userInfo().username}@${os.hostname()}`,
    holder: holderName(),
    log: format === 'text' ? (line: string) => io.err(`${line}\n`) : undefined
  })
  io.out(format === 'json' ? JSON.stringify(outcomeJson(outcome), null, 2) + '\n' : text(outcome))
  const ok =
    outcome.result === 'promoted' ||
    outcome.result === 'unchanged' ||
    (outcome.result === 'plan' && outcome.wouldPromote)
  return ok ? 0 : 1
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
    decisionNeeded: outcome.decisionNeeded,
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
