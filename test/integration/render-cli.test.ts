// `slipway render` and `slipway diff` over a copy of the Online Boutique manifests.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { diffCommand, renderCommand } from '../../src/cli/render.js'
import { captureIo, runCli } from '../support/cli.js'
import { copyFixture, digest } from './render-helpers.js'

const BOUTIQUE = 'us-central1-docker.pkg.dev/google-samples/microservices-demo'
const CONFIG = `image:
  repository: ${BOUTIQUE}/frontend
manifests:
  path: manifests
  image: frontend
environments:
  staging:
    namespace: boutique-staging
policy:
  image-latest: warn
`

function repository(config = CONFIG): string {
  const root = copyFixture('microservices-demo/kubernetes-manifests')
  writeFileSync(path.join(root, 'slipway.yaml'), config)
  return root
}

function run(command: typeof renderCommand, cwd: string, ...args: string[]) {
  return captureIo(cwd, (io) => command(args, io))
}

describe('slipway render', () => {
  it('prints the pinned manifests, and the findings on stderr as file:line', async () => {
    const root = repository()
    const image = `${BOUTIQUE}/frontend@${digest('1')}`
    const result = await run(renderCommand, root, '--env', 'staging', '--image', image)
    expect(result.code).toBe(0)
    const objects = parseAllDocuments(result.out).map((d) => d.toJS())
    expect(objects).toHaveLength(35)
    expect(result.out).toContain(`image: ${image}\n`)
    expect(result.err).toContain(
      'manifests/adservice.yaml:46: warning: Deployment boutique-staging/adservice: container "server": image adservice has no tag, which means :latest [image-latest]\n'
    )
  })

  it('prints a JSON list with --format json', async () => {
    const result = await run(renderCommand, repository(), '--env', 'staging', '--format', 'json')
    const objects = JSON.parse(result.out) as { kind: string }[]
    expect(objects.map((o) => o.kind).slice(0, 2)).toEqual(['ServiceAccount', 'ServiceAccount'])
  })

  it('writes manifests.yaml, one file per object and objects.json with --out', async () => {
    const root = repository()
    const result = await run(
      renderCommand,
      root,
      '--env',
      'staging',
      '--out',
      'out',
      '--commit',
      'c0ffee'
    )
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^staging: 35 objects written to out \(sha256:[0-9a-f]{64}\)\n$/)
    const files = readdirSync(path.join(root, 'out', 'objects'))
    expect(files).toHaveLength(35)
    expect(files[0]).toBe('001-serviceaccount.boutique-staging.adservice.yaml')
    const joined = files
      .map((f) => readFileSync(path.join(root, 'out', 'objects', f), 'utf8'))
      .join('---\n')
    expect(joined).toBe(readFileSync(path.join(root, 'out', 'manifests.yaml'), 'utf8'))
    const list = JSON.parse(readFileSync(path.join(root, 'out', 'objects.json'), 'utf8'))
    expect(list[0]).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      namespace: 'boutique-staging',
      name: 'adservice',
      file: 'objects/001-serviceaccount.boutique-staging.adservice.yaml',
      source: 'manifests/adservice.yaml:85'
    })
  })

  it('exits 1 and prints nothing on stdout when there are errors', async () => {
    const root = repository(CONFIG.replace('policy:\n  image-latest: warn\n', ''))
    const result = await run(renderCommand, root, '--env', 'staging')
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expect(result.err).toMatch(/^manifests\/adservice.yaml:46: error: .* \[image-latest\]$/m)
  })

  it('exits 2 on a usage mistake', async () => {
    // Usage mistakes are the CLI's to report (main), as for every command.
    const slipway = (...argv: string[]) => runCli(['render', ...argv], repository())
    expect(await slipway('--env', 'staging', '--format', 'toml')).toEqual({
      code: 2,
      out: '',
      err: 'slipway render: --format must be one of yaml, json, got "toml"\n'
    })
    expect((await slipway()).err).toBe('slipway render: --env is required\n')
  })
})

describe('slipway diff', () => {
  it('compares a new render with the previous one, object by object', async () => {
    const root = repository()
    await run(
      renderCommand,
      root,
      '--env',
      'staging',
      '--out',
      'previous',
      '--image',
      `${BOUTIQUE}/frontend@${digest('1')}`
    )
    const frontend = path.join(root, 'manifests', 'frontend.yaml')
    writeFileSync(
      frontend,
      readFileSync(frontend, 'utf8').replace('value: "8080"', 'value: "9090"')
    )
    writeFileSync(path.join(root, 'manifests', 'loadgenerator.yaml'), '')

    const result = await run(
      diffCommand,
      root,
      '--env',
      'staging',
      '--previous',
      'previous',
      '--image',
      `${BOUTIQUE}/frontend@${digest('2')}`,
      '--exit-code'
    )
    expect(result.code).toBe(1)
    expect(result.out).toContain(
      '0 added, 1 changed, 2 removed, 32 unchanged, compared with previous.'
    )
    expect(result.out).toContain(
      '| changed | Deployment boutique-staging/frontend | `spec.template.spec.containers[server].env[PORT].value`, `spec.template.spec.containers[server].image` |'
    )
    expect(result.out).toContain('| removed | Deployment boutique-staging/loadgenerator |  |')
  })

  it('compares two written renders with --current, as JSON', async () => {
    const root = repository()
    await run(renderCommand, root, '--env', 'staging', '--out', 'a')
    await run(renderCommand, root, '--env', 'staging', '--out', 'b')
    const result = await run(
      diffCommand,
      root,
      '--previous',
      'a/manifests.yaml',
      '--current',
      'b',
      '--format',
      'json'
    )
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toEqual({ added: [], changed: [], removed: [], unchanged: 35 })
  })
})
