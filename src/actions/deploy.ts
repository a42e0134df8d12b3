import * as core from '@actions/core'
import path from 'node:path'
import { UserError, UserErrors } from '../core/errors.js'
import { deploy, type DeployOutcome } from '../core/deploy/deploy.js'
import { deploySettings } from '../core/deploy/settings.js'
import { parseDuration } from '../core/duration.js'
import { KubeClient } from '../core/kube/client.js'
import { credentialsOf, loadCluster } from '../core/kube/cluster.js'
import { errorsOf, findingError } from '../core/manifests/findings.js'
import { describeId } from '../core/manifests/manifest.js'
import { renderEnvironment } from '../core/manifests/pipeline.js'
import { summaryCode, summaryText } from '../core/summary-text.js'
import { VERSION } from '../core/version.js'
import { configFromInput, environmentFromInput, workspace } from './lib/config.js'
import { GitHubDeployment } from './lib/github-deployment.js'
import { info } from './lib/log.js'
import { booleanInput, optionalInput, requiredInput } from './lib/inputs.js'

export async function run(): Promise<void> {
  const token = optionalInput('github-token')
  if (token) core.setSecret(token)
  const { config, file: configFile } = await configFromInput()
  const environment = environmentFromInput(config, requiredInput('environment'))
  const env = config.environments[environment]
  if (env.strategy !== 'rolling') {
    throw new UserError(
      `environment ${environment} uses the ${env.strategy} strategy, which this release of the deploy action does not carry out; set strategy: rolling (docs/deploy.md)`
    )
  }
  const imageRef = requiredInput('image-ref')
  if (!imageRef.includes('@sha256:')) {
    throw new UserError(
      `input "image-ref" must name the image by digest (repository@sha256:...), got "${imageRef}"`
    )
  }
  const settings = deploySettings(config, environment)
  const timeout = optionalInput('timeout')
  if (timeout) {
    const ms = parseDuration(timeout)
    if (ms === undefined) {
      throw new UserError(
        `input "timeout" must be a duration such as 30s, 5m or 1h, got "${timeout}"`
      )
    }
    settings.timeoutMs = ms
  }
  const dryRun = booleanInput('dry-run', false)
  const root = workspace()

  const kubeconfig = optionalInput('kubeconfig')
  const cluster = loadCluster({
    kubeconfig: kubeconfig && path.resolve(root, kubeconfig),
    context: optionalInput('context') ?? env.context
  })
  for (const secret of credentialsOf(cluster)) core.setSecret(secret)

  const result = await renderEnvironment({
    config,
    environment,
    root,
    configFile,
    image: imageRef,
    commit: process.env.GITHUB_SHA
  })
  const errors = errorsOf(result.findings)
  if (errors.length > 0) throw new UserErrors(errors.map(findingError))

  const record =
    token && !dryRun && booleanInput('record-deployment', true)
      ? new GitHubDeployment(token, {
          environment,
          ref: process.env.GITHUB_SHA ?? process.env.GITHUB_REF ?? 'HEAD',
          payload: {
            digest: result.release.image?.split('@')[1],
            image: result.release.image,
            renderHash: result.hash,
            slipway: VERSION
          },
          description: `slipway deploy of ${result.release.image ?? imageRef}`,
          environmentUrl: env.url
        })
      : undefined
  const runUrl = process.env.GITHUB_RUN_ID
    ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`
    : undefined
  await record?.start()
  info(
    `deploying ${result.release.image} to ${environment} (${cluster.server}, context ${cluster.context})`
  )
  let outcome: DeployOutcome
  try {
    outcome = await deploy(new KubeClient(cluster), {
      environment,
      namespace: result.namespace,
      objects: result.objects.map((o) => o.object),
      renderHash: result.hash,
      image: result.release.image,
      commit: result.release.commit,
      actor: process.env.GITHUB_ACTOR,
      reason: optionalInput('reason'),
      runUrl,
      strategy: 'rolling',
      holder: `${runUrl ?? 'a GitHub run'} (job ${process.env.GITHUB_JOB ?? '?'}, attempt ${process.env.GITHUB_RUN_ATTEMPT ?? '1'})`,
      settings,
      dryRun,
      log: (line) => info(line)
    })
  } catch (error) {
    await record?.status('error', 'slipway could not deploy; see the run')
    throw error
  }
  if (record) {
    await record.status(
      outcome.result === 'deployed' ? 'success' : 'failure',
      outcome.result === 'deployed'
        ? `release ${outcome.release.number} is live`
        : `release ${outcome.release.number} failed${outcome.restored ? `; release ${outcome.restored.number} restored` : ''}`
    )
  }
  core.setOutput('release', String(outcome.release.number))
  core.setOutput('result', outcome.result)
  if (outcome.release.digest) core.setOutput('digest', outcome.release.digest)
  if (record?.deploymentId !== undefined)
    core.setOutput('deployment-id', String(record.deploymentId))
  if (env.url) core.setOutput('url', env.url)
  await writeSummary(environment, outcome)
  if (outcome.result === 'failed') throw new UserError(outcome.message)
  info(outcome.message)
}

async function writeSummary(environment: string, outcome: DeployOutcome): Promise<void> {
  const title =
    outcome.result === 'deployed'
      ? `Deployed release ${outcome.release.number} to ${environment}`
      : outcome.result === 'dry-run'
        ? `Dry run of a deploy to ${environment}`
        : `Deploy of release ${outcome.release.number} to ${environment} failed`
  const from = outcome.previous
    ? `release ${outcome.previous.number} (${outcome.previous.digest ?? 'no digest'})`
    : 'nothing'
  const rows = [
    [
      { data: 'Step', header: true },
      { data: 'When', header: true },
      { data: 'What', header: true }
    ],
    ...outcome.timeline.map((t) => [
      summaryText(t.step),
      summaryText(t.at.slice(11, 19)),
      summaryText(t.detail)
    ])
  ]
  const summary = core.summary
    .addHeading(summaryText(title), 3)
    .addRaw(
      `<p>${summaryText(outcome.message)}</p><p>From ${summaryText(from)} to release ${outcome.release.number} (${summaryText(outcome.release.digest ?? 'no digest')}); ` +
        `${outcome.applied.length} objects applied, ${outcome.pruned.length} pruned.</p>`,
      true
    )
    .addTable(rows)
  if (outcome.pruned.length > 0) {
    summary.addRaw(
      `<p>Pruned: ${outcome.pruned.map((id) => summaryCode(describeId(id))).join(', ')}</p>`,
      true
    )
  }
  await summary.write()
}
