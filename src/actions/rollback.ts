import * as core from '@actions/core'
import path from 'node:path'
import { UserError } from '../core/errors.js'
import { rollback } from '../core/deploy/rollback.js'
import { deploySettings } from '../core/deploy/settings.js'
import { KubeClient } from '../core/kube/client.js'
import { credentialsOf, loadCluster } from '../core/kube/cluster.js'
import { summaryText } from '../core/summary-text.js'
import { VERSION } from '../core/version.js'
import { configFromInput, environmentFromInput, workspace } from './lib/config.js'
import { GitHubDeployment } from './lib/github-deployment.js'
import { info } from './lib/log.js'
import { booleanInput, optionalInput, requiredInput } from './lib/inputs.js'

export async function run(): Promise<void> {
  const token = optionalInput('github-token')
  if (token) core.setSecret(token)
  const { config } = await configFromInput()
  const environment = environmentFromInput(config, requiredInput('environment'))
  const reason = requiredInput('reason')
  const env = config.environments[environment]
  const kubeconfig = optionalInput('kubeconfig')
  const cluster = loadCluster({
    kubeconfig: kubeconfig && path.resolve(workspace(), kubeconfig),
    context: optionalInput('context') ?? env.context
  })
  for (const secret of credentialsOf(cluster)) core.setSecret(secret)
  const runUrl = process.env.GITHUB_RUN_ID
    ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`
    : undefined

  // The cluster's records decide; GitHub only mirrors them, so it is written after the fact.
  const outcome = await rollback(new KubeClient(cluster), {
    environment,
    namespace: env.namespace,
    to: optionalInput('to'),
    reason,
    actor: process.env.GITHUB_ACTOR,
    runUrl,
    holder: `${runUrl ?? 'a GitHub run'} (job ${process.env.GITHUB_JOB ?? '?'}, attempt ${process.env.GITHUB_RUN_ATTEMPT ?? '1'})`,
    settings: deploySettings(config, environment),
    force: booleanInput('force', false),
    log: (line) => info(line)
  })
  const { from, to } = outcome
  if (!to.image) throw new UserError(`release ${to.number} has no image recorded`)
  core.setOutput('release', String(to.number))
  core.setOutput('image-ref', to.image)
  core.setOutput('digest', to.digest ?? '')

  if (token && booleanInput('record-deployment', true)) {
    const record = new GitHubDeployment(token, {
      environment,
      ref: to.commit ?? process.env.GITHUB_SHA ?? 'HEAD',
      payload: {
        digest: to.digest,
        image: to.image,
        release: to.number,
        rollbackFrom: from.number,
        slipway: VERSION
      },
      description: `rollback to release ${to.number}: ${reason}`,
      environmentUrl: env.url
    })
    if ((await record.start()) !== undefined) {
      await record.status(
        'success',
        `rolled back from release ${from.number} to release ${to.number}: ${reason}`
      )
    }
  }

  const row = (label: string, value: string) => [summaryText(label), summaryText(value)]
  await core.summary
    .addHeading(summaryText(`Rolled ${environment} back to release ${to.number}`), 3)
    .addRaw(
      `<p>${summaryText(outcome.message)}. Canary steps and analysis were skipped, as for every rollback.</p>`,
      true
    )
    .addTable([
      [
        { data: '', header: true },
        { data: 'From', header: true },
        { data: 'To', header: true }
      ],
      [summaryText('Release'), String(from.number), String(to.number)],
      [summaryText('Digest'), summaryText(from.digest ?? '-'), summaryText(to.digest ?? '-')],
      [
        summaryText('Commit'),
        summaryText(from.commit?.slice(0, 12) ?? '-'),
        summaryText(to.commit?.slice(0, 12) ?? '-')
      ]
    ])
    .addTable([
      row('Who', process.env.GITHUB_ACTOR ?? '-'),
      row('Why', reason),
      row('Took', `${Math.round(outcome.durationMs / 1000)} s`)
    ])
    .write()
  info(outcome.message)
}
