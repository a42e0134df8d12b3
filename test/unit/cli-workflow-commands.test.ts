import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { runCli } from '../support/cli.js'
import { forgedCommands, HOSTILE_LINES, HOSTILE_TEXT } from '../support/workflow-commands.js'

// On a runner (GITHUB_ACTIONS=true) the runner reads what the CLI prints for workflow commands.
// Names and values from the repository, a report or samples must not forge any.

let dir: string
const previousEnv = process.env.GITHUB_ACTIONS

const config = `image:
  repository: ghcr.io/acme/app
manifests:
  path: k8s
environments:
  staging:
    namespace: app-staging
`

/** A ConfigMap whose data holds every command form, and a Deployment whose image is not pinned. */
function manifests(hostile: string): string {
  return [
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  script: ${JSON.stringify(hostile)}\n  ${JSON.stringify(hostile)}: key\n`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    note: ${JSON.stringify(hostile)}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`
  ].join('---\n')
}

function trivyReport(hostile: string): string {
  const vulnerability = (pkg: string) => ({
    VulnerabilityID: 'CVE-2024-0001',
    PkgName: pkg,
    InstalledVersion: `1.0\n${hostile}`,
    FixedVersion: '1.1',
    Severity: 'CRITICAL',
    Title: hostile
  })
  return JSON.stringify({
    SchemaVersion: 2,
    ArtifactName: `app\n${hostile}`,
    ArtifactType: 'container_image',
    Results: [
      {
        Target: `alpine\n${hostile}`,
        Class: 'os-pkgs',
        Type: 'alpine',
        Vulnerabilities: HOSTILE_LINES.map((line) => vulnerability(line))
      }
    ]
  })
}

async function slipway(...argv: string[]) {
  const result = await runCli(argv, dir)
  return { ...result, forged: forgedCommands(result.out, result.err) }
}

beforeAll(async () => {
  process.env.GITHUB_ACTIONS = 'true'
  dir = await mkdtemp(path.join(tmpdir(), 'slipway-cli-commands-'))
  await mkdir(path.join(dir, 'k8s'))
  await mkdir(path.join(dir, 'previous'))
  await writeFile(path.join(dir, 'slipway.yaml'), config)
  await writeFile(path.join(dir, 'k8s', 'app.yaml'), manifests(HOSTILE_TEXT))
  await writeFile(path.join(dir, 'previous', 'app.yaml'), manifests('before'))
  await mkdir(path.join(dir, 'k8s-names'))
  await writeFile(path.join(dir, 'names.yaml'), config.replace('path: k8s', 'path: k8s-names'))
  const named = HOSTILE_LINES.map(
    (line) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${JSON.stringify(`x\n${line}`)}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`
  )
  await writeFile(path.join(dir, 'k8s-names', 'named.yaml'), named.join('---\n'))
  await mkdir(path.join(dir, 'current'))
  await writeFile(path.join(dir, 'current', 'app.yaml'), manifests(HOSTILE_TEXT))
  await writeFile(path.join(dir, 'current', 'named.yaml'), named.join('---\n'))
  await writeFile(
    path.join(dir, 'bad.yaml'),
    `${config}  ${JSON.stringify(HOSTILE_TEXT)}: {}\n  "##[error]forged": {}\n`
  )
  await writeFile(path.join(dir, 'trivy.json'), trivyReport(HOSTILE_TEXT))
  const samples = (value: number) =>
    JSON.stringify({
      metrics: Object.fromEntries(
        [...HOSTILE_LINES, HOSTILE_TEXT].map((name) => [name, [value, value + 1, value + 2]])
      )
    })
  await writeFile(path.join(dir, 'baseline.json'), samples(1))
  await writeFile(path.join(dir, 'canary.json'), samples(50))
})

afterAll(async () => {
  if (previousEnv === undefined) delete process.env.GITHUB_ACTIONS
  else process.env.GITHUB_ACTIONS = previousEnv
  await rm(dir, { recursive: true, force: true })
})

describe('the CLI on a runner forges no workflow command from data', () => {
  it.each([['yaml'], ['json']])('render --format %s', async (format) => {
    const result = await slipway('render', '--env', 'staging', '--format', format)
    expect(result.code).toBe(0)
    expect(result.forged).toEqual([])
    const objects =
      format === 'json'
        ? JSON.parse(result.out)
        : parseAllDocuments(result.out).map((d) => d.toJS())
    expect(objects[0].data.script).toBe(HOSTILE_TEXT)
    expect(objects[0].data[HOSTILE_TEXT]).toBe('key')
  })

  it.each([['yaml'], ['json']])(
    'render --out --format %s: findings that name objects',
    async (format) => {
      const result = await slipway(
        'render',
        '--config',
        'names.yaml',
        '--env',
        'staging',
        '--out',
        'out',
        '--format',
        format
      )
      expect(result.forged).toEqual([])
      expect(result.err).toContain('forged')
    }
  )

  it.each([['text'], ['json']])('validate --format %s: config keys', async (format) => {
    const bad = path.join(dir, 'bad.yaml')
    const result = await slipway('validate', '--config', bad, '--format', format)
    expect(result.code).toBe(1)
    expect(result.forged).toEqual([])
    expect(result.out + result.err).toContain('forged')
  })

  it.each([['text'], ['json']])('scan gate --format %s: package names', async (format) => {
    const result = await slipway('scan', 'gate', '--report', 'trivy.json', '--format', format)
    expect(result.code).toBe(1)
    expect(result.forged).toEqual([])
    expect(result.out).toContain('CVE-2024-0001')
  })

  it.each([['markdown'], ['json']])('diff --format %s: names and values', async (format) => {
    const result = await slipway(
      'diff',
      '--current',
      'current',
      '--previous',
      'previous',
      '--format',
      format
    )
    expect(result.forged).toEqual([])
    expect(result.out).toContain('forged')
  })

  it.each([['markdown'], ['json']])('canary judge --format %s: metric names', async (format) => {
    const result = await slipway(
      'canary',
      'judge',
      '--baseline',
      'baseline.json',
      '--canary',
      'canary.json',
      '--format',
      format
    )
    expect(result.forged).toEqual([])
    expect(result.out).toContain('forged')
  })
})
