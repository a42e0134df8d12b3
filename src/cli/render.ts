import os from 'node:os'
import path from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import { DEFAULT_CONFIG_FILE, loadConfig } from '../core/config/index.js'
import { formatUserError, UserError } from '../core/errors.js'
import { loadCluster } from '../core/kube/cluster.js'
import { diffLive } from '../core/kube/live-diff.js'
import {
  diffObjects,
  hasChanges,
  readRenderedObjects,
  type ManifestDiff
} from '../core/manifests/diff.js'
import { diffMarkdown } from '../core/manifests/diff-markdown.js'
import { errorsOf, findingError, type Finding } from '../core/manifests/findings.js'
import { renderAtRef } from '../core/manifests/git-ref.js'
import { renderEnvironment, type RenderResult } from '../core/manifests/pipeline.js'
import { manifestsJson } from '../core/manifests/serialize.js'
import { objectList, writeRenderOutput } from '../core/manifests/write-output.js'
import { imageReport, imageReportLines } from '../core/manifests/image-report.js'
import { checkOutputDir } from '../core/output-path.js'
import { annotation, formatOption, parseOptions, UsageError, type Io } from './io.js'

export const RENDER_HELP = `Usage: slipway render --env NAME [--config FILE] [--image REF@DIGEST] [--out DIR] [--format yaml|json]

Renders the manifests of an environment from its source in slipway.yaml (plain YAML folder,
kustomize or helm), then pins the released image to its digest, adds the release's labels and
annotations, defaults namespaces, sorts into install order, validates every object against the
Kubernetes schemas and runs the policy checks.

Options:
  --env NAME           the environment to render (required)
  --config FILE        the config file (default: slipway.yaml)
  --image REF@DIGEST   the released image, repository[:tag]@sha256:..., or a bare digest of
                       image.repository; pinned wherever the manifests use its repository
  --app-version TEXT   the app.kubernetes.io/version label (default: the image's tag)
  --commit SHA         the commit annotation (default: $GITHUB_SHA)
  --release-id ID      the release annotation (default: <env>-<first 12 digits of the digest>)
  --allow-empty        a render of zero objects is not an error (default: manifests.allow-empty,
                       else an error: deployed with pruning, an empty render deletes everything)
  --out DIR            write DIR/manifests.yaml, DIR/objects/ (one file per object) and
                       DIR/objects.json instead of printing the manifests
  --format yaml|json   the manifests as YAML or a JSON list; with --out, the summary as
                       text or JSON (default: yaml)

Problems go to stderr as file:line: message. Exit codes: 0 rendered (warnings allowed),
1 errors (nothing is printed or written), 2 usage error or input that cannot be read
(docs/cli.md).
`

export const DIFF_HELP = `Usage: slipway diff --env NAME --previous PATH [--config FILE] [--image REF@DIGEST]
       slipway diff --env NAME --previous-ref REF [--config FILE] [--image REF@DIGEST]
       slipway diff --previous PATH --current PATH
       slipway diff --env NAME --live [--kubeconfig FILE] [--context NAME]

Compares a render with an earlier one (its manifests.yaml or its folder), object by object:
added, changed (with the fields that changed) and removed. The first form renders the
environment as slipway render does; the second also renders it from the repository as it was
at a git ref (with the same image), and compares the two; the third compares two renders
already written. The fourth compares the render with the live objects of the cluster: only
the fields the render sets (what the server adds is not a change), plus fields slipway applied
last time and the render no longer sets; removed objects are those with the environment's
label that the render no longer has.

Options:
  --previous PATH        the earlier render: a multi-document YAML file or a folder
  --previous-ref REF     a branch, tag or commit of the repository to render and compare with
  --current PATH         compare with this render instead of rendering
  --live                 compare with the live objects of the cluster
  --kubeconfig FILE      the kubeconfig for --live (default: $KUBECONFIG, else ~/.kube/config)
  --context NAME         its context (default: the environment's context in slipway.yaml,
                         else the kubeconfig's current context)
  --env NAME, --config FILE, --image REF@DIGEST, --app-version, --commit, --release-id,
  --allow-empty          as for slipway render
  --format markdown|json output format (default: markdown)
  --exit-code            exit 1 when there are changes

Exit codes: 0 compared (1 with --exit-code and changes), 1 errors, 2 usage error.
`

const RENDER_OPTIONS = {
  env: { type: 'string' },
  config: { type: 'string' },
  image: { type: 'string' },
  'app-version': { type: 'string' },
  commit: { type: 'string' },
  'release-id': { type: 'string' },
  'allow-empty': { type: 'boolean' },
  format: { type: 'string' }
} satisfies ParseArgsConfig['options']

export async function renderCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, { ...RENDER_OPTIONS, out: { type: 'string' } })
  const format = formatOption(values.format, ['yaml', 'json'])
  const out = values.out === undefined ? undefined : await outputDir(values.out, values, io)
  const result = await render(values, io)
  if (!reportFindings(result.findings, io)) return 1
  const images = imageReport(result, 'no --image was given')
  for (const line of imageReportLines(images)) io.err(`${line}\n`)
  if (!out || !values.out) {
    const objects = result.objects.map((o) => o.object)
    io.out(format === 'json' ? manifestsJson(objects) : result.yaml)
    return 0
  }
  const written = await writeRenderOutput(result, out, io.cwd)
  if (format === 'json') {
    const summary = {
      environment: result.environment,
      hash: result.hash,
      ...written,
      objects: objectList(result, io.cwd),
      images,
      findings: result.findings
    }
    io.out(JSON.stringify(summary, null, 2) + '\n')
  } else {
    const count = `${result.objects.length} object${result.objects.length === 1 ? '' : 's'}`
    io.out(`${result.environment}: ${count} written to ${values.out} (${result.hash})\n`)
  }
  return 0
}

export async function diffCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, {
    ...RENDER_OPTIONS,
    previous: { type: 'string' },
    'previous-ref': { type: 'string' },
    current: { type: 'string' },
    live: { type: 'boolean' },
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    'exit-code': { type: 'boolean' }
  })
  const format = formatOption(values.format, ['markdown', 'json'])
  const print = (diff: ManifestDiff, environment: string, against: string) => {
    io.out(
      format === 'json'
        ? JSON.stringify(diff, null, 2) + '\n'
        : diffMarkdown(diff, { environment, against })
    )
    return values['exit-code'] && hasChanges(diff) ? 1 : 0
  }
  if (values.live) {
    if (values.previous || values['previous-ref'] || values.current) {
      throw new UsageError(
        '--live compares with the cluster: leave out --previous, --previous-ref and --current'
      )
    }
    const result = await render(values, io)
    if (!reportFindings(result.findings, io)) return 1
    const config = await loadConfig(configFileOf(values, io))
    const cluster = loadCluster({
      kubeconfig: values.kubeconfig && path.resolve(io.cwd, values.kubeconfig),
      context: values.context ?? config.environments[result.environment].context
    })
    const live = await diffLive({
      cluster,
      objects: result.objects.map((o) => o.object),
      environment: result.environment,
      namespace: result.namespace
    })
    return print(live.diff, result.environment, live.against)
  }
  if (values.kubeconfig || values.context) {
    throw new UsageError('--kubeconfig and --context go with --live')
  }
  const ref = values['previous-ref']
  if (!values.previous && !ref)
    throw new UsageError('--previous, --previous-ref or --live is required')
  if (values.previous && ref) {
    throw new UsageError('give either --previous or --previous-ref, not both')
  }
  if (values.current && values.env) {
    throw new UsageError('give either --env (render now) or --current, not both')
  }
  if (ref && !values.env) throw new UsageError('--previous-ref needs --env')
  let current
  let environment = values.env ?? path.basename(path.resolve(io.cwd, values.current ?? '.'))
  let result: RenderResult | undefined
  if (values.current) {
    current = await readRenderedObjects(path.resolve(io.cwd, values.current))
  } else {
    result = await render(values, io)
    if (!reportFindings(result.findings, io)) return 1
    current = result.objects.map((o) => o.object)
    environment = result.environment
  }
  let previous
  let against = values.previous ?? ''
  if (ref && result) {
    const atRef = await renderAtRef({
      root: io.cwd,
      configFile: configFileOf(values, io),
      environment,
      ref,
      image: values.image,
      version: result.release.version,
      commit: result.release.commit,
      releaseId: result.release.releaseId
    })
    previous = atRef.objects
    against = atRef.label
  } else {
    previous = await readRenderedObjects(path.resolve(io.cwd, values.previous!))
  }
  return print(diffObjects(previous, current), environment, against)
}

export async function render(values: Record<string, unknown>, io: Io): Promise<RenderResult> {
  const environment = values.env
  if (typeof environment !== 'string') throw new UsageError('--env is required')
  const configFile = configFileOf(values, io)
  const config = await loadConfig(configFile)
  return renderEnvironment({
    config,
    environment,
    root: io.cwd,
    configFile,
    image: values.image as string | undefined,
    version: values['app-version'] as string | undefined,
    commit: (values.commit as string | undefined) ?? process.env.GITHUB_SHA,
    releaseId: values['release-id'] as string | undefined,
    allowEmpty: values['allow-empty'] === true
  })
}

/**
 * The --out folder, resolved: inside the current folder or the temp folder, and neither in
 * .git nor in a manifests source.
 */
async function outputDir(out: string, values: Record<string, unknown>, io: Io): Promise<string> {
  const config = await loadConfig(configFileOf(values, io))
  try {
    return checkOutputDir(path.resolve(io.cwd, out), {
      subject: `--out ${out}`,
      allowed: [
        { dir: io.cwd, name: 'the current folder' },
        // os.tmpdir() reads the same variables, but those of the process it was loaded in.
        { dir: process.env.TMPDIR || os.tmpdir(), name: 'the temp folder' }
      ],
      root: io.cwd,
      config
    })
  } catch (error) {
    throw error instanceof UserError ? new UsageError(error.message) : error
  }
}

export function configFileOf(values: Record<string, unknown>, io: Io): string {
  return path.resolve(io.cwd, (values.config as string | undefined) ?? DEFAULT_CONFIG_FILE)
}

/**
 * Prints every finding as `file:line: level: message [check]` on stderr (on a runner, also as
 * an annotation); false when one of them is an error.
 */
export function reportFindings(findings: Finding[], io: Io): boolean {
  for (const finding of findings) {
    const error = findingError({ ...finding, location: relativeTo(io.cwd, finding) })
    const text = formatUserError(error)
    const where = text.slice(0, text.length - error.message.length)
    io.err(`${where}${finding.level}: ${error.message} [${finding.check}]\n`)
    io.command?.(annotation(finding.level, error))
  }
  return errorsOf(findings).length === 0
}

function relativeTo(root: string, finding: Finding) {
  const location = finding.location
  if (!location || !path.isAbsolute(location.file)) return location
  const relative = path.relative(root, location.file)
  return { ...location, file: relative.startsWith('..') ? location.file : relative }
}
