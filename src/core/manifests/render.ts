import { accessSync, constants } from 'node:fs'
import path from 'node:path'
import { UserError, UserErrors } from '../errors.js'
import { INPUT_LIMITS, readInputFile } from '../input-file.js'
import { runCommand, type CommandResult } from '../process.js'
import { parseHelmOutput } from './helm-output.js'
import { readKustomizeTree } from './kustomize-tree.js'
import { idOf, type KubeObject, type Manifest } from './manifest.js'
import type { ResolvedSource } from './source.js'
import { manifestFrom, parseObjects } from './yaml-documents.js'
import { yamlFilesUnder } from './yaml-folder.js'

/**
 * Renders a source with its own tool and parses the result into objects that remember where
 * they were defined. `root` is the repository: nothing outside it is read.
 */
export async function renderManifests(
  source: ResolvedSource,
  namespace: string,
  root: string,
  /** Work to do while the renderer runs (it is a separate process: another core can be busy). */
  alongside: () => Promise<void> = async () => {}
): Promise<Manifest[]> {
  switch (source.kind) {
    case 'path': {
      const [manifests] = await Promise.all([readYamlFolder(source.dir, root), alongside()])
      return manifests
    }
    case 'kustomize':
      return kustomize(source.dir, root, alongside)
    case 'helm': {
      const [output] = await Promise.all([helmTemplate(source, namespace), alongside()])
      return parseHelmOutput(output, source.chart)
    }
  }
}

async function readYamlFolder(dir: string, root: string): Promise<Manifest[]> {
  const { files, errors } = await yamlFilesUnder(dir, root)
  const manifests: Manifest[] = []
  for (const file of files) {
    try {
      const text = readInputFile(file, INPUT_LIMITS.manifestFileBytes, 'manifest file')
      for (const parsed of parseObjects(text, file)) {
        if (!isKustomization(parsed.object)) manifests.push(manifestFrom(parsed))
      }
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      for (const each of error instanceof UserErrors ? error.errors : [error]) errors.push(each)
    }
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0] : new UserErrors(errors)
  return manifests
}

// A kustomization file beside plain manifests describes them; it is not applied itself.
function isKustomization(object: KubeObject): boolean {
  return String(object.apiVersion).startsWith('kustomize.config.k8s.io/')
}

async function kustomize(
  dir: string,
  root: string,
  alongside: () => Promise<void>
): Promise<Manifest[]> {
  // kustomize is the long pole: start it first, and read the kustomization tree while it runs.
  const rendering = runKustomize(dir)
  let tree: ReturnType<typeof readKustomizeTree>
  try {
    tree = readKustomizeTree(dir, root)
  } catch (error) {
    await rendering.catch(() => undefined)
    throw error
  }
  tree.prepare()
  await alongside()
  const result = await rendering
  if (result.exitCode !== 0) {
    const folder = path.relative(root, dir) || '.'
    throw new UserError(`kustomize failed on ${folder}: ${kustomizeErrorLine(result.stderr)}`, {
      file: dir
    })
  }
  return parseObjects(result.stdout, dir, { positions: false }).map(({ object }) => {
    const id = idOf(object)
    return { object, where: (fieldPath) => tree.locate(id, fieldPath) ?? { file: dir } }
  })
}

/**
 * kustomize's reason on one line. kubectl prints deprecation warnings before the error; newer
 * kubectl logs it through klog as `"command failed" err=<` and tab-indented lines up to ` >`;
 * kustomize itself prints `Error: ...`.
 */
export function kustomizeErrorLine(stderr: string): string {
  const klog = /err=<\n([\s\S]*?)\n >/.exec(stderr)
  if (klog) return oneLine(klog[1].replace(/\n\t/g, ''))
  // kubectl's klog line on one line: E1208 01:36:41.578 16713 run.go:72] "command failed" err="..."
  const quoted = /\] "command failed" err="((?:[^"\\]|\\.)*)"/.exec(stderr)
  if (quoted) return oneLine(quoted[1].replace(/\\(.)/g, '$1'))
  const lines = stderr.trim().split('\n')
  const error = lines.find((line) => /^error:/i.test(line))
  return oneLine(error ? error.replace(/^error:\s*/i, '') : (lines.at(-1) ?? ''))
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ :/g, ':').trim()
}

/** The standalone `kustomize` when it is installed (usually newer), else kubectl's built-in one. */
function runKustomize(dir: string): Promise<CommandResult> {
  const limit = { maxOutputBytes: INPUT_LIMITS.renderOutputBytes }
  return onPath('kustomize')
    ? runCommand('kustomize', ['build', dir], limit)
    : runCommand('kubectl', ['kustomize', dir], limit)
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, program), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/** The `helm template` command line slipway runs for a chart source. */
export function helmTemplateArgs(
  source: Extract<ResolvedSource, { kind: 'helm' }>,
  namespace: string
): string[] {
  const args = ['template', source.release, source.chart, '--namespace', namespace]
  // CRDs are part of what gets applied; chart tests are not.
  args.push('--include-crds', '--skip-tests')
  for (const file of source.values) args.push('--values', file)
  for (const key of Object.keys(source.set).sort()) args.push('--set', `${key}=${source.set[key]}`)
  return args
}

async function helmTemplate(
  source: Extract<ResolvedSource, { kind: 'helm' }>,
  namespace: string
): Promise<string> {
  const result = await runCommand('helm', helmTemplateArgs(source, namespace), {
    maxOutputBytes: INPUT_LIMITS.renderOutputBytes
  })
  if (result.exitCode !== 0) {
    throw new UserError(`helm template failed: ${result.stderr.trim().split('\n')[0]}`, {
      file: source.chart
    })
  }
  return result.stdout
}
