import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../support/cli.js'

let dir: string

async function slipway(...argv: string[]) {
  const previous = process.cwd()
  process.chdir(dir)
  try {
    return await runCli(argv, dir)
  } finally {
    process.chdir(previous)
  }
}

const goodConfig = `image:
  repository: ghcr.io/acme/app
manifests:
  path: k8s
environments:
  staging:
    namespace: app-staging
`

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slipway-cli-'))
  await mkdir(path.join(dir, 'k8s'))
  await writeFile(path.join(dir, 'slipway.yaml'), goodConfig)
  await writeFile(
    path.join(dir, 'k8s', 'b-service.yaml'),
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n'
  )
  await writeFile(
    path.join(dir, 'k8s', 'a-config.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n'
  )
  await writeFile(
    path.join(dir, 'bad.yaml'),
    'image:\n  repository: ghcr.io/acme/app\n  tag: 1\nmanifests:\n  path: k8s\nenvironments:\n  staging:\n    namespace: Staging\n'
  )
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('slipway validate', () => {
  it('exits 0 for a valid config', async () => {
    const result = await slipway('validate')
    expect(result).toMatchObject({ code: 0, out: 'slipway.yaml: ok\n', err: '' })
  })

  it('exits 1 with one file:line per mistake', async () => {
    const result = await slipway('validate', '--config', 'bad.yaml')
    expect(result.code).toBe(1)
    expect(result.err.trim().split('\n')).toEqual([
      'bad.yaml:3: image.tag: unknown key',
      'bad.yaml:8: environments.staging.namespace: expected lower-case letters, digits and hyphens'
    ])
  })

  it('prints JSON with --format json', async () => {
    const result = await slipway('validate', '--config', 'bad.yaml', '--format', 'json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.out)
    expect(report.ok).toBe(false)
    expect(report.problems).toContainEqual({
      file: 'bad.yaml',
      line: 3,
      message: 'image.tag: unknown key'
    })
  })

  it('checks workflow files with GitHub workflow parser', async () => {
    await mkdir(path.join(dir, 'wf'), { recursive: true })
    await writeFile(
      path.join(dir, 'wf', 'ci.yml'),
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo hi\n'
    )
    const result = await slipway('validate', '--workflows', 'wf')
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^wf\/ci\.yml:5:\d+: .*stepz/m)
  })

  it('says a missing config file is missing', async () => {
    const result = await slipway('validate', '--config', 'nope.yaml')
    expect(result).toMatchObject({ code: 2, err: 'nope.yaml: config file not found\n' })
  })
})

describe('slipway usage', () => {
  it('exits 2 for an unknown command, an unknown flag or a bad format', async () => {
    expect((await slipway('deploy-everything')).code).toBe(2)
    const flag = await slipway('validate', '--colour')
    expect(flag.code).toBe(2)
    expect(flag.err).toMatch(/^slipway validate: .*--colour/)
    expect((await slipway('validate', '--format', 'xml')).code).toBe(2)
    expect((await slipway()).code).toBe(2)
  })

  it('prints help for --help and for a command', async () => {
    expect((await slipway('--help')).out).toMatch(/^slipway \S+: /)
    expect((await slipway('render', '--help')).out).toMatch(/^Usage: slipway render --env NAME/)
  })
})

describe('slipway promote', () => {
  it('exits 2 for a usage mistake, before reading a cluster', async () => {
    const both = await slipway(
      'promote',
      '--from',
      'staging',
      '--digest',
      'sha256:a',
      '--release',
      '1'
    )
    expect(both).toMatchObject({ code: 2 })
    expect(both.err).toMatch(/give --digest or --release, not both/)
    expect((await slipway('promote', '--to', 'staging')).err).toMatch(/--from is required/)
    expect((await slipway('promote', '--from', 'staging', '--release', 'two')).code).toBe(2)
    const reason = await slipway('promote', '--from', 'staging', '--override-reason', ' ')
    expect(reason.err).toMatch(/--override-reason must say why/)
  })

  it('says which environments it does not know', async () => {
    const result = await slipway('promote', '--from', 'staging', '--to', 'prod')
    expect(result).toMatchObject({
      code: 1,
      err: 'environment "prod" is not defined in slipway.yaml\n'
    })
    expect((await slipway('promote', '--help')).out).toMatch(/^Usage: slipway promote --from ENV/)
  })
})

describe('slipway render', () => {
  it('renders a plain folder in a stable order', async () => {
    const result = await slipway('render', '--env', 'staging')
    expect(result.code).toBe(0)
    expect(result.out.indexOf('kind: ConfigMap')).toBeLessThan(result.out.indexOf('kind: Service'))
  })

  it('names the environment that does not exist', async () => {
    const result = await slipway('render', '--env', 'prod')
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/environment "prod" is not defined .*known: staging/)
  })

  it('prints JSON objects with --format json', async () => {
    const result = await slipway('render', '--env', 'staging', '--format', 'json')
    expect(JSON.parse(result.out).map((o: { kind: string }) => o.kind)).toEqual([
      'ConfigMap',
      'Service'
    ])
  })
})
