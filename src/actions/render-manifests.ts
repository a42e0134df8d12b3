import * as core from '@actions/core'
import { info } from './lib/log.js'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError, UserErrors } from '../core/errors.js'
import type { Config } from '../core/config/index.js'
import { credentialsOf, loadCluster } from '../core/kube/cluster.js'
import { diffLive } from '../core/kube/live-diff.js'
import {
  diffObjects,
  hasChanges,
  readRenderedObjects,
  type ManifestDiff
} from '../core/manifests/diff.js'
import { diffMarkdown } from '../core/manifests/diff-markdown.js'
import { diffCommentBody } from '../core/manifests/pr-comment.js'
import { errorsOf, findingError, type Finding } from '../core/manifests/findings.js'
import { renderAtRef } from '../core/manifests/git-ref.js'
import type { KubeObject } from '../core/manifests/manifest.js'
import { renderEnvironment, type RenderResult } from '../core/manifests/pipeline.js'
import { writeRenderOutput } from '../core/manifests/write-output.js'
import { checkOutputDir } from '../core/output-path.js'
import { imageReport, imageReportLines, type ImageEntry } from '../core/manifests/image-report.js'
import { summaryCode, summaryText } from '../core/summary-text.js'
import { configFromInput, environmentFromInput, workspace } from './lib/config.js'
import { booleanInput, optionalInput, requiredInput } from './lib/inputs.js'
import { commentOnPullRequest, pullRequestHead } from './lib/pr-comment.js'

export async function run(): Promise<void> {
  const comment = booleanInput('comment', false)
  const token = optionalInput('github-token')
  if (token) core.setSecret(token)
  const { config, file: configFile } = await configFromInput()
  const environment = environmentFromInput(config, requiredInput('environment'))
  const root = workspace()
  const outDir = outputDirFromInput(config, environment, root)
  const result = await renderEnvironment({
    config,
    environment,
    root,
    configFile,
    image: optionalInput('image'),
    version: optionalInput('app-version'),
    commit: process.env.GITHUB_SHA,
    releaseId: optionalInput('release-id'),
    allowEmpty: booleanInput('allow-empty', false)
  })
  const previous =
    (await liveComparison(config, environment, root, result)) ??
    (await previousRender(root, configFile, environment, result))
  const diff =
    previous &&
    ('diff' in previous
      ? previous.diff
      : diffObjects(
          previous.objects,
          result.objects.map((o) => o.object)
        ))
  const diffText = diff && diffMarkdown(diff, { environment, against: previous.label })

  for (const finding of result.findings.filter((f) => f.level === 'warning')) warn(finding, root)
  const images = imageReport(result, 'input "image" is empty')
  for (const line of imageReportLines(images)) info(line)
  await writeSummary(result, root, images, diffText)
  const errors = errorsOf(result.findings)
  if (errors.length > 0) throw new UserErrors(errors.map(findingError))

  const written = await writeRenderOutput(result, outDir, root)
  core.setOutput('manifests', written.manifestsFile)
  core.setOutput('objects-dir', written.objectsDir)
  core.setOutput('objects-file', written.objectsFile)
  core.setOutput('objects', JSON.stringify(result.objects.map((o) => `${o.id.kind}/${o.id.name}`)))
  core.setOutput('hash', result.hash)
  core.setOutput('findings', JSON.stringify(result.findings.map((f) => findingJson(f, root))))
  if (result.release.image) core.setOutput('image', result.release.image)
  if (diff && diffText) {
    const diffFile = path.join(outDir, 'diff.md')
    await writeFile(diffFile, diffText)
    core.setOutput('diff', diffFile)
    core.setOutput('changed', String(hasChanges(diff)))
  }
  if (comment) {
    if (!diff) {
      info('comment: no previous render to compare with, no comment posted')
    } else if (!token) {
      core.warning('comment: input "github-token" is empty, no comment posted')
    } else {
      const body = diffCommentBody(diff, {
        environment,
        against: previous!.label,
        commit: pullRequestHead() ?? process.env.GITHUB_SHA
      })
      const posted = await commentOnPullRequest(body, token)
      if ('url' in posted) core.setOutput('comment-url', posted.url)
    }
  }
}

/**
 * Input `output-dir` (default RUNNER_TEMP/slipway/<environment>), resolved: inside the
 * workspace or RUNNER_TEMP, and neither in .git nor in a manifests source.
 */
function outputDirFromInput(config: Config, environment: string, root: string): string {
  const given = optionalInput('output-dir')
  const temp = process.env.RUNNER_TEMP
  const dir = path.resolve(root, given ?? path.join(temp ?? '.', 'slipway', environment))
  return checkOutputDir(dir, {
    subject: `input "output-dir": ${given ?? dir}`,
    allowed: [
      { dir: root, name: 'the workspace' },
      ...(temp ? [{ dir: temp, name: 'RUNNER_TEMP' }] : [])
    ],
    root,
    config
  })
}

/**
 * The diff against the live objects of the cluster, when input `kubeconfig` is given or `live`
 * is true (KUBECONFIG then), with the environment's context from slipway.yaml.
 */
async function liveComparison(
  config: Config,
  environment: string,
  root: string,
  current: RenderResult
): Promise<{ diff: ManifestDiff; label: string } | undefined> {
  const kubeconfig = optionalInput('kubeconfig')
  if (!kubeconfig && !booleanInput('live', false)) return undefined
  if (optionalInput('previous') || optionalInput('previous-ref')) {
    throw new UserError(
      'give either input "previous" or "previous-ref", or a live diff ("kubeconfig" or "live"), not both'
    )
  }
  const cluster = loadCluster({
    kubeconfig: kubeconfig && path.resolve(root, kubeconfig),
    context: config.environments[environment].context
  })
  for (const secret of credentialsOf(cluster)) core.setSecret(secret)
  const live = await diffLive({
    cluster,
    objects: current.objects.map((o) => o.object),
    environment,
    namespace: current.namespace
  })
  info(`compared with the live objects at ${cluster.server} (context ${cluster.context})`)
  return { diff: live.diff, label: live.against }
}

/** The render to compare with: `previous` (files) or `previous-ref` (the repository at a ref). */
async function previousRender(
  root: string,
  configFile: string,
  environment: string,
  current: RenderResult
): Promise<{ objects: KubeObject[]; label: string } | undefined> {
  const previous = optionalInput('previous')
  const ref = optionalInput('previous-ref')
  if (previous && ref)
    throw new UserError('give either input "previous" or "previous-ref", not both')
  if (previous) {
    return { objects: await readRenderedObjects(path.resolve(root, previous)), label: previous }
  }
  if (!ref) return undefined
  const atRef = await renderAtRef({
    root,
    configFile,
    environment,
    ref,
    image: optionalInput('image'),
    version: current.release.version,
    commit: current.release.commit,
    releaseId: current.release.releaseId
  })
  if (atRef.newEnvironment)
    info(`${environment} is not defined at ${atRef.label}: all objects are new`)
  return atRef
}

async function writeSummary(
  result: RenderResult,
  root: string,
  images: ImageEntry[],
  diffText?: string
): Promise<void> {
  const summary = core.summary.addHeading(`Rendered ${summaryText(result.environment)}`, 3)
  const pinned = result.release.image
    ? `, ${summaryCode(result.release.image)} pinned in ${result.pinned.length} container${result.pinned.length === 1 ? '' : 's'}`
    : ''
  summary.addRaw(
    `<p>${result.objects.length} objects for namespace ${summaryCode(result.namespace)}${pinned}. Content hash ${summaryCode(result.hash)}.</p>`,
    true
  )
  const namespaces = new Set(result.objects.map((o) => o.id.namespace ?? ''))
  const withNamespace = namespaces.size > 1
  summary.addTable([
    [
      { data: 'Kind', header: true },
      { data: 'Name', header: true },
      ...(withNamespace ? [{ data: 'Namespace', header: true }] : [])
    ],
    ...result.objects.map((o) =>
      [o.id.kind, o.id.name, ...(withNamespace ? [o.id.namespace ?? ''] : [])].map(summaryText)
    )
  ])
  if (images.length > 0) {
    summary.addHeading('Images', 4).addTable([
      ['Image', 'Pinned to', 'In', 'Left as it is because'].map((data) => ({
        data,
        header: true
      })),
      ...images.map((e) =>
        [e.image, e.pinnedTo ?? '—', e.objects.join(', '), e.reason ?? '—'].map(summaryText)
      )
    ])
  }
  if (result.findings.length > 0) {
    summary.addHeading('Findings', 4).addTable([
      ['Level', 'Check', 'Object', 'Where', 'Message'].map((data) => ({ data, header: true })),
      ...result.findings.map((f) => {
        const json = findingJson(f, root)
        const where = json.file ? `${json.file}${json.line ? `:${json.line}` : ''}` : ''
        return [f.level, f.check, f.object ?? '', where, f.message].map(summaryText)
      })
    ])
  }
  if (diffText) summary.addRaw(`\n\n${diffText}`, true)
  await summary.write()
}

function warn(finding: Finding, root: string): void {
  const json = findingJson(finding, root)
  const message = finding.object ? `${finding.object}: ${finding.message}` : finding.message
  core.warning(message, {
    title: `slipway ${finding.check}`,
    file: json.file,
    startLine: json.line
  })
}

function findingJson(finding: Finding, root: string) {
  const location = finding.location
  const file =
    location && path.isAbsolute(location.file) ? relative(root, location.file) : location?.file
  return {
    level: finding.level,
    check: finding.check,
    object: finding.object,
    message: finding.message,
    file,
    line: location?.line
  }
}

function relative(root: string, file: string): string {
  const back = path.relative(root, file)
  return back.startsWith('..') ? file : back
}
