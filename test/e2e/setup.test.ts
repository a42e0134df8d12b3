import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { runSlipwayAction, VERSION } from '../support/actions.js'
import { APP_CONFIG, expectNoCrash, expectOneError, insertAfter } from '../support/contract.js'
import { cleanupRuns } from '../support/runner.js'
import { makeWorkspace } from '../support/workspace.js'
import { HOSTILE_TEXT } from '../support/workflow-commands.js'

/** slipway.yaml with four mistakes, and the line of each. */
function configWithMistakes() {
  const unknown = insertAfter(
    APP_CONFIG,
    '  repository: ghcr.io/acme/hello',
    '  platform: linux/amd64'
  )
  const wrongType = insertAfter(unknown.text, '    namespace: hello-staging', '    order: first')
  const text = wrongType.text
    .replace('      soak: 1h', '      soak: an hour')
    .replace('    promote-to: production', '    promote-to: prod')
  const lineOf = (line: string) => text.split('\n').indexOf(line) + 1
  return {
    text,
    expected: [
      { line: lineOf('  platform: linux/amd64'), message: 'image.platform: unknown key' },
      {
        line: lineOf('    order: first'),
        message: 'environments.staging.order: expected number, received string'
      },
      {
        line: lineOf('    promote-to: prod'),
        message:
          'environments.staging.promote-to: environment "prod" is not defined under environments'
      },
      {
        line: lineOf('      soak: an hour'),
        message: 'environments.production.gates.soak: expected a duration such as 30s, 5m or 1h30m'
      }
    ]
  }
}

afterAll(cleanupRuns)

/** A Deployment with findings (no probes, no limits): slipway annotates it. */
const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`

describe('setup (root action)', () => {
  it('puts a working slipway command on PATH for later steps', async () => {
    const workspace = makeWorkspace('app')
    const result = await runSlipwayAction('setup', { workspace })
    expect(result.exitCode).toBe(0)
    expect(result.annotations).toEqual([])
    const binDir = path.join(result.runnerTemp, 'slipway-bin')
    expect(result.path).toEqual([binDir])
    expect(result.outputs.path).toBe(path.join(binDir, 'slipway'))
    expect(result.outputs.version).toBe(VERSION)
    expect(result.log).toContain('slipway.yaml: ok')

    // A later step: only the runner's PATH entry, no node of its own on PATH.
    const laterStep = {
      cwd: workspace,
      env: { PATH: result.path.join(':') },
      encoding: 'utf8' as const
    }
    expect(execFileSync('slipway', ['--version'], laterStep)).toBe(`${VERSION}\n`)
    expect(execFileSync('slipway', ['validate'], laterStep)).toBe('slipway.yaml: ok\n')
  })

  it('annotates every mistake in slipway.yaml on its line, without a stack trace', async () => {
    const { text, expected } = configWithMistakes()
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app', { 'slipway.yaml': text })
    })
    expect(result.exitCode).toBe(1)
    const errors = result.annotations.map(({ level, file, line, message }) => ({
      level,
      file,
      line,
      message
    }))
    const byLine = (a: { line?: number }, b: { line?: number }) => (a.line ?? 0) - (b.line ?? 0)
    expect(errors.sort(byLine)).toEqual(
      expected.map((e) => ({ level: 'error', file: 'slipway.yaml', ...e })).sort(byLine)
    )
    expectNoCrash(result)
  })

  it('skips validation when validate is false', async () => {
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace(),
      inputs: { validate: 'false' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.version).toBe(VERSION)
  })

  it('names an invalid validate input', async () => {
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app'),
      inputs: { validate: 'maybe' }
    })
    expectOneError(result, { message: 'input "validate" must be true or false, got "maybe"' })
  })

  it('runs args and sets the stdout and exit-code outputs', async () => {
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app'),
      inputs: { args: 'validate --format json' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['exit-code']).toBe('0')
    expect(JSON.parse(result.outputs.stdout)).toEqual({ ok: true, problems: [] })
  })

  it('fails the step when the command finds problems, with its JSON in stdout', async () => {
    const bad = insertAfter(APP_CONFIG, '  repository: ghcr.io/acme/hello', '  tag: latest')
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app', { 'slipway.yaml': bad.text }),
      inputs: { validate: 'false', args: 'validate --format json' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['exit-code']).toBe('1')
    expect(JSON.parse(result.outputs.stdout)).toEqual({
      ok: false,
      problems: [{ file: 'slipway.yaml', line: bad.line, message: 'image.tag: unknown key' }]
    })
  })

  it('says why the step failed when the command exits non-zero', async () => {
    const bad = insertAfter(APP_CONFIG, '  repository: ghcr.io/acme/hello', '  tag: latest')
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app', { 'slipway.yaml': bad.text }),
      inputs: { validate: 'false', args: 'validate --format json' }
    })
    expect(result.annotations.filter((a) => a.level === 'error')).toHaveLength(1)
  })

  it('turns problems the command prints into annotations on their file and line', async () => {
    const bad = insertAfter(APP_CONFIG, '  repository: ghcr.io/acme/hello', '  tag: latest')
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app', { 'slipway.yaml': bad.text }),
      inputs: { validate: 'false', args: 'validate' }
    })
    // The problem on its line, then why the step failed, as a `run:` step would say it.
    expect(result.exitCode).toBe(1)
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([
      expect.objectContaining({
        message: 'image.tag: unknown key',
        file: 'slipway.yaml',
        line: bad.line
      }),
      expect.objectContaining({ message: 'slipway validate exited with code 1' })
    ])
    expect(result.outputs['exit-code']).toBe('1')
  })

  it('splits args like a shell: quoted words keep their spaces', async () => {
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app', { 'ci config/slipway.yaml': APP_CONFIG }),
      inputs: { validate: 'false', args: 'validate --config "ci config/slipway.yaml"' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.stdout).toBe('ci config/slipway.yaml: ok\n')
  })

  it('renders through args, for a later step to use', async () => {
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app'),
      inputs: { args: 'render --env production' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.stdout).toContain('kind: PodDisruptionBudget')
    expect(result.outputs.stdout).toContain('replicas: 3')
  })

  it('reports a usage error of args as exit-code 2 and fails the step', async () => {
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace('app'),
      inputs: { args: 'validate --bogus' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['exit-code']).toBe('2')
    expect(result.log).toMatch(/slipway validate: .*--bogus/)
  })

  it('echoes the command output without letting it run workflow commands', async () => {
    const config =
      'image:\n  repository: ghcr.io/acme/app\nmanifests:\n  path: k8s\nenvironments:\n  staging:\n    namespace: app\n'
    const configMap = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  script: |\n${HOSTILE_TEXT.split(
      '\n'
    )
      .map((l) => `    ${l}`)
      .join('\n')}\n`
    const result = await runSlipwayAction('setup', {
      workspace: makeWorkspace(undefined, {
        'slipway.yaml': config,
        'k8s/app.yaml': configMap,
        'k8s/web.yaml': WEB_DEPLOYMENT
      }),
      inputs: { args: 'render --env staging' }
    })
    expect(result.exitCode).toBe(0)
    // The runner acted on nothing the ConfigMap says: no mask, no output, no forged annotation.
    expect(result.masked).toEqual([])
    expect(result.outputs.verdict).toBeUndefined()
    expect(result.annotations.filter((a) => a.message.startsWith('forged'))).toEqual([])
    expect(result.commands.map((c) => c.command)).not.toContain('set-output')
    // slipway's own warnings still annotate the manifest, after the echoed output.
    expect(result.annotations.length).toBeGreaterThan(0)
    expect(result.annotations.every((a) => a.file === 'k8s/web.yaml')).toBe(true)
    expect(result.outputs.stdout).toContain('kind: ConfigMap')
  })
})
