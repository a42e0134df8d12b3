import * as core from '@actions/core'
import path from 'node:path'
import { UserError } from '../core/errors.js'
import { RegistryClient } from '../core/image/registry.js'
import { KubeClient } from '../core/kube/client.js'
import { credentialsOf, loadCluster } from '../core/kube/cluster.js'
import type { PromoteOutcome } from '../core/promote/promote.js'
import { promoteEnvironment, promotionTarget } from '../core/promote/promote-environment.js'
import { digestOf } from '../core/promote/source-release.js'
import { VERSION } from '../core/version.js'
import { configFromInput, environmentFromInput, workspace } from './lib/config.js'
import { GitHubDeployment } from './lib/github-deployment.js'
import { booleanInput, optionalInput, requiredInput } from './lib/inputs.js'

export async function run(): Promise<void> {
  const token = optionalInput('github-token')
  if (token) core.setSecret(token)
  const { config, file } = await configFromInput()
  const from = environmentFromInput(config, requiredInput('from'))
  const toInput = optionalInput('to')
  if (!toInput && !config.environments[from]['promote-to']) requiredInput('to')
  const to = promotionTarget(config, from, toInput && environmentFromInput(config, toInput))
  const digestInput = optionalInput('digest')
  const releaseInput = optionalInput('release')
  if (digestInput && releaseInput) throw new UserError('give input "digest" or "release", not both')
  const number = releaseInput === undefined ? undefined : Number(releaseInput)
  if (number !== undefined && !Number.isSafeInteger(number)) {
    throw new UserError(`input "release" must be a release number, got "${releaseInput}"`)
  }
  const kubeconfig = optionalInput('kubeconfig')
  const clusterOf = (environment: string) => {
    const cluster = loadCluster({
      kubeconfig: kubeconfig && path.resolve(workspace(), kubeconfig),
      context: config.environments[environment].context
    })
    for (const secret of credentialsOf(cluster)) core.setSecret(secret)
    return new KubeClient(cluster)
  }
  const runUrl = process.env.GITHUB_RUN_ID
    ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`
    : undefined
  const plan = booleanInput('plan', false)
  const overrideReason = optionalInput('override-reason')
  const decision = optionalInput('manual-decision')

  const outcome = await promoteEnvironment({
    config,
    configFile: file,
    root: workspace(),
    from,
    to,
    selector: { digest: digestInput && digestOf(digestInput), number },
    plan,
    overrideReason,
    decision,
    allowDowngrade: booleanInput('allow-downgrade', false),
    source: clusterOf(from),
    target: clusterOf(to),
    registry: new RegistryClient({ onSecret: (value) => core.setSecret(value) }),
    actor: process.env.GITHUB_ACTOR,
    runUrl,
    holder: `${runUrl ?? 'a GitHub run'} (job ${process.env.GITHUB_JOB ?? '?'}, attempt ${process.env.GITHUB_RUN_ATTEMPT ?? '1'})`,
    log: (line) => core.info(line)
  })

  core.setOutput('result', outcome.result)
  core.setOutput('to', to)
  core.setOutput('image-ref', outcome.image)
  core.setOutput('digest', outcome.source.digest ?? '')
  core.setOutput(
    'release',
    String(outcome.targetRelease?.number ?? outcome.targetBefore?.number ?? '')
  )
  core.setOutput('would-promote', String(outcome.wouldPromote))
  core.setOutput('decision-needed', String(outcome.decisionNeeded))
  core.setOutput('gates', JSON.stringify(outcome.gates))

  const deployed = outcome.result === 'promoted' || outcome.result === 'failed'
  if (token && deployed && outcome.targetRelease && booleanInput('record-deployment', true)) {
    const release = outcome.targetRelease
    const record = new GitHubDeployment(token, {
      environment: to,
      ref: outcome.source.commit ?? process.env.GITHUB_SHA ?? 'HEAD',
      payload: {
        digest: outcome.source.digest,
        image: outcome.image,
        release: release.number,
        promotedFrom: { environment: from, release: outcome.source.number },
        overrideReason: outcome.gates.find((g) => g.overridden)?.overridden,
        decision: outcome.gates.find((g) => g.decided)?.decided,
        slipway: VERSION
      },
      description: release.reason ?? `promoted from ${from}`,
      environmentUrl: config.environments[to].url
    })
    if ((await record.start()) !== undefined) {
      await record.status(outcome.result === 'promoted' ? 'success' : 'failure', outcome.message)
    }
  }

  await summary(outcome)
  const ok =
    outcome.result === 'promoted' ||
    outcome.result === 'unchanged' ||
    (outcome.result === 'plan' && (outcome.wouldPromote || outcome.decisionNeeded))
  if (ok) core.info(outcome.message)
  else core.setFailed(outcome.message)
}

async function summary(outcome: PromoteOutcome): Promise<void> {
  const { from, to, source } = outcome
  const title = {
    promoted: `Promoted ${from} → ${to}`,
    unchanged: `${to} already runs this digest`,
    blocked: `Promotion ${from} → ${to} refused`,
    failed: `Promotion ${from} → ${to} failed`,
    plan: `Plan: ${from} → ${to}`
  }[outcome.result]
  const icon = { pass: '✅', fail: '❌', inconclusive: '❔' }
  const after = outcome.targetRelease
  await core.summary
    .addHeading(html(title), 3)
    .addRaw(`<p>${html(outcome.message)}</p>`, true)
    .addTable([
      [
        { data: 'Gate', header: true },
        { data: 'Verdict', header: true },
        { data: 'Why', header: true }
      ],
      ...outcome.gates.map((g) => [
        html(g.gate),
        `${icon[g.verdict]} ${g.verdict}${g.overridden ? ' (overridden)' : g.decided ? ' (decided)' : ''}`,
        html(g.reason)
      ])
    ])
    .addTable([
      [
        { data: '', header: true },
        { data: html(from), header: true },
        { data: html(to), header: true }
      ],
      [
        'Release',
        String(source.number),
        after
          ? `${after.number} (${after.state})`
          : outcome.targetBefore
            ? String(outcome.targetBefore.number)
            : '-'
      ],
      ['Image', html(source.image ?? '-'), html(outcome.image)]
    ])
    .addList(outcome.changes.map(html))
    .write()
}

/** Text as HTML: a value from the cluster or the repository never becomes markup. */
function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
