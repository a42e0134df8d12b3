import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { VERSION } from '../support/actions.js'
import { APP_CONFIG, insertAfter } from '../support/contract.js'
import { cleanupRuns, nodeBinary, REPO_ROOT } from '../support/runner.js'
import { processOutput } from '../support/workflow-commands.js'
import { makeWorkspace } from '../support/workspace.js'

const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'index.js')

/** `slipway ...args` in `cwd`, with only PATH and HOME from the developer's environment. */
function slipway(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(nodeBinary(), [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000
  })
  if (result.error) throw result.error
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const badConfig = insertAfter(APP_CONFIG, '  repository: ghcr.io/acme/hello', '  tag: latest')

afterAll(cleanupRuns)

describe('slipway CLI', () => {
  describe('help and usage', () => {
    it('prints help with --help and exits 0', () => {
      const { code, stdout } = slipway(['--help'], makeWorkspace())
      expect(code).toBe(0)
      expect(stdout).toContain(`slipway ${VERSION}`)
      expect(stdout).toMatch(/^\s+validate\s/m)
      expect(stdout).toMatch(/^\s+render\s/m)
      expect(stdout).toContain(
        'Exit codes: 0 ok; 1 findings, a failed gate or operation; 2 usage error'
      )
    })

    it('prints a command help', () => {
      const { code, stdout } = slipway(['render', '--help'], makeWorkspace())
      expect(code).toBe(0)
      expect(stdout).toContain('Usage: slipway render --env NAME')
    })

    it('prints its version', () => {
      expect(slipway(['--version'], makeWorkspace())).toMatchObject({
        code: 0,
        stdout: `${VERSION}\n`
      })
    })

    it.each([
      ['no command', []],
      ['an unknown command', ['deploy-everything']],
      ['an unknown option', ['validate', '--bogus']],
      ['an unknown format', ['validate', '--format', 'xml']],
      ['render without --env', ['render']]
    ])('exits 2 for %s', (_label, args) => {
      const { code, stdout, stderr } = slipway(args, makeWorkspace('app'))
      expect(code).toBe(2)
      expect(stdout + stderr).not.toMatch(/^\s+at /m)
    })

    it('says what was wrong with the usage', () => {
      expect(slipway(['render'], makeWorkspace('app')).stderr).toBe(
        'slipway render: --env is required\n'
      )
      expect(slipway(['validate', '--format', 'xml'], makeWorkspace('app')).stderr).toBe(
        'slipway validate: --format must be one of text, json, got "xml"\n'
      )
    })
  })

  describe('validate', () => {
    it('exits 0 for a valid slipway.yaml', () => {
      expect(slipway(['validate'], makeWorkspace('app'))).toEqual({
        code: 0,
        stdout: 'slipway.yaml: ok\n',
        stderr: ''
      })
    })

    it('exits 1 and prints file:line: message for each mistake', () => {
      const { code, stdout, stderr } = slipway(
        ['validate'],
        makeWorkspace('app', { 'slipway.yaml': badConfig.text })
      )
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toBe(`slipway.yaml:${badConfig.line}: image.tag: unknown key\n`)
    })

    it('reads --config', () => {
      const cwd = makeWorkspace(undefined, { 'deploy/slipway.yaml': badConfig.text })
      const { code, stderr } = slipway(['validate', '--config', 'deploy/slipway.yaml'], cwd)
      expect(code).toBe(1)
      expect(stderr).toBe(`deploy/slipway.yaml:${badConfig.line}: image.tag: unknown key\n`)
    })

    it('prints JSON with --format json', () => {
      const ok = slipway(['validate', '--format', 'json'], makeWorkspace('app'))
      expect(ok.code).toBe(0)
      expect(JSON.parse(ok.stdout)).toEqual({ ok: true, problems: [] })

      const bad = slipway(
        ['validate', '--format', 'json'],
        makeWorkspace('app', { 'slipway.yaml': badConfig.text })
      )
      expect(bad.code).toBe(1)
      expect(JSON.parse(bad.stdout)).toEqual({
        ok: false,
        problems: [
          { file: 'slipway.yaml', line: badConfig.line, message: 'image.tag: unknown key' }
        ]
      })
    })

    it("checks workflow files with GitHub's parser, with file and line", () => {
      const workflow = [
        'on: push',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: make',
        '        shel: bash',
        ''
      ].join('\n')
      const cwd = makeWorkspace('app', { '.github/workflows/ci.yml': workflow })
      const { code, stderr } = slipway(['validate'], cwd)
      expect(code).toBe(1)
      expect(stderr).toMatch(/^\.github\/workflows\/ci\.yml:7(:\d+)?: .*shel/m)
    })

    it('rejects a promote-to naming an environment inherited from Object.prototype', () => {
      const cwd = makeWorkspace('app', {
        'slipway.yaml': APP_CONFIG.replace('promote-to: production', 'promote-to: constructor')
      })
      expect(slipway(['validate'], cwd).code).toBe(1)
    })

    it('on a GitHub runner, also prints an error annotation per problem', () => {
      const { code, stdout, stderr } = slipway(
        ['validate'],
        makeWorkspace('app', { 'slipway.yaml': badConfig.text }),
        { GITHUB_ACTIONS: 'true' }
      )
      expect(code).toBe(1)
      // On stderr, which the runner reads too: stdout stays the command's data.
      expect(stdout).toBe('')
      expect(processOutput(stderr.split('\n'), false).annotations).toEqual([
        {
          level: 'error',
          message: 'image.tag: unknown key',
          file: 'slipway.yaml',
          line: badConfig.line
        }
      ])
    })
  })

  describe('render', () => {
    it("renders an environment's kustomize overlay as YAML", () => {
      const { code, stdout, stderr } = slipway(['render', '--env', 'staging'], makeWorkspace('app'))
      // No --image: the released image stays as the manifests name it, and slipway says so.
      expect(stderr).toBe(
        'image ghcr.io/acme/hello:latest left as it is in Deployment hello-staging/hello: the released image, but no --image was given\n'
      )
      expect(code).toBe(0)
      const objects = parseAllDocuments(stdout).map(
        (d) => d.toJS() as { kind: string; metadata: { namespace: string } }
      )
      expect(objects.map((o) => [o.kind, o.metadata.namespace])).toEqual([
        ['Service', 'hello-staging'],
        ['Deployment', 'hello-staging']
      ])
    })

    it('renders JSON with --format json', () => {
      const { code, stdout } = slipway(
        ['render', '--env', 'production', '--format', 'json'],
        makeWorkspace('app')
      )
      expect(code).toBe(0)
      const objects = JSON.parse(stdout) as { kind: string; spec: { replicas?: number } }[]
      expect(objects.map((o) => o.kind)).toEqual(['PodDisruptionBudget', 'Service', 'Deployment'])
      expect(objects[2].spec.replicas).toBe(3)
    })

    it('exits 1 naming an environment that is not defined', () => {
      const { code, stdout, stderr } = slipway(['render', '--env', 'qa'], makeWorkspace('app'))
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toMatch(/environment "qa" is not defined .*known: staging, production/)
    })

    it('refuses an environment name inherited from Object.prototype', () => {
      const cwd = makeWorkspace('app', {
        'slipway.yaml': APP_CONFIG.replace('deploy/overlays/{env}', 'deploy/overlays/staging')
      })
      expect(slipway(['render', '--env', 'toString'], cwd).code).toBe(1)
    })
  })
})
