import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors.js'
import { runCommand } from '../process.js'
import type { ResolvedSource } from './source.js'

/** Renders a source to multi-document YAML, exactly as its own tool would. */
export async function renderSource(source: ResolvedSource, namespace: string): Promise<string> {
  switch (source.kind) {
    case 'path':
      return readYamlFolder(source.dir)
    case 'kustomize':
      return kustomize(source.dir)
    case 'helm':
      return helmTemplate(source, namespace)
  }
}

async function readYamlFolder(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.ya?ml$/.test(f)).sort()
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))
  return texts.map((t) => t.replace(/^---\s*\n/, '').trimEnd()).join('\n---\n') + '\n'
}

async function kustomize(dir: string): Promise<string> {
  const result = await runCommand('kubectl', ['kustomize', dir])
  if (result.exitCode !== 0) {
    throw new UserError(`kustomize failed: ${result.stderr.trim().split('\n')[0]}`, { file: dir })
  }
  return result.stdout
}

async function helmTemplate(
  source: Extract<ResolvedSource, { kind: 'helm' }>,
  namespace: string
): Promise<string> {
  const args = ['template', source.release, source.chart, '--namespace', namespace]
  for (const file of source.values) args.push('--values', file)
  for (const [key, value] of Object.entries(source.set)) args.push('--set', `${key}=${value}`)
  const result = await runCommand('helm', args)
  if (result.exitCode !== 0) {
    throw new UserError(`helm template failed: ${result.stderr.trim().split('\n')[0]}`, {
      file: source.chart
    })
  }
  return result.stdout
}
