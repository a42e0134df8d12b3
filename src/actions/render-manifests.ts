import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { renderSource } from '../core/manifests/render.js'
import { resolveSource } from '../core/manifests/source.js'
import { configFromInput, environmentFromInput, workspace } from './lib/config.js'
import { optionalInput, requiredInput } from './lib/inputs.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const envName = environmentFromInput(config, requiredInput('environment'))
  const outDir = path.resolve(
    workspace(),
    optionalInput('output-dir') ?? path.join(process.env.RUNNER_TEMP ?? '.', 'slipway', envName)
  )
  const source = resolveSource(config, envName, workspace())
  const rendered = await renderSource(source, config.environments[envName].namespace)
  const objects = parseAllDocuments(rendered)
    .map((doc) => doc.toJS() as { kind?: string; metadata?: { name?: string } } | null)
    .filter((o) => o !== null)

  await mkdir(outDir, { recursive: true })
  const file = path.join(outDir, 'manifests.yaml')
  await writeFile(file, rendered)

  core.setOutput('manifests', file)
  core.setOutput('objects', JSON.stringify(objects.map((o) => `${o.kind}/${o.metadata?.name}`)))
  await core.summary
    .addHeading(`Rendered ${envName}`, 3)
    .addTable([
      [
        { data: 'Kind', header: true },
        { data: 'Name', header: true }
      ],
      ...objects.map((o) => [o.kind ?? '', o.metadata?.name ?? ''])
    ])
    .write()
}
