import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import {
  cleanupRuns,
  FAKE_TOKEN,
  inputEnvName,
  nodeBinary,
  REPO_ROOT,
  runAction
} from '../support/runner.js'
import { parseCommandLine, parseFileCommand } from '../support/workflow-commands.js'
import { makeWorkspace } from '../support/workspace.js'

const fixture = (name: string) => `test/fixtures/harness/${name}.mjs`
const event = (name: string) =>
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/events', `${name}.json`), 'utf8'))

afterAll(cleanupRuns)

describe('runner harness: inputs and file commands', () => {
  it('maps input names the way the runner does: spaces to underscores, hyphens kept', async () => {
    expect(inputEnvName('image ref')).toBe('INPUT_IMAGE_REF')
    expect(inputEnvName('dry-run')).toBe('INPUT_DRY-RUN')
    const result = await runAction(fixture('io'), {
      inputs: { 'image ref': 'ghcr.io/acme/hello@sha256:1234', 'dry-run': 'true' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['input-names']).toBe('INPUT_DRY-RUN,INPUT_IMAGE_REF')
    expect(result.outputs['image-ref']).toBe('ghcr.io/acme/hello@sha256:1234')
    expect(result.outputs['dry-run']).toBe('true')
  })

  it('reads outputs, including multi-line values core writes as heredocs', async () => {
    const result = await runAction(fixture('io'), {
      inputs: { 'image ref': 'hello', 'dry-run': 'false' }
    })
    expect(result.outputs.notes).toBe('line one\nline two\n\nline four')
    expect(result.outputs.tricky).toBe('a=b<<c')
  })

  it('reads GITHUB_ENV, GITHUB_PATH and the job summary', async () => {
    const result = await runAction(fixture('io'), {
      inputs: { 'image ref': 'hello', 'dry-run': 'false' }
    })
    expect(result.env).toEqual({ SLIPWAY_ENVIRONMENT: 'staging\nand more' })
    expect(result.path).toEqual(['/opt/slipway/bin'])
    expect(result.summary).toContain('<h3>Deployed</h3>')
    expect(result.summary).toContain('<th>Environment</th>')
  })

  it('fills in input defaults from action.yml, as the runner does', async () => {
    const withoutDefaults = await runAction(fixture('io'), { inputs: { 'image ref': 'hello' } })
    expect(withoutDefaults.exitCode).toBe(1)
    expect(withoutDefaults.stderr).toMatch(/YAML 1.2 "Core Schema" specification: dry-run/)

    const result = await runAction(fixture('io'), {
      actionYml: 'test/fixtures/harness/action.yml',
      inputs: { 'image ref': 'hello' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['dry-run']).toBe('false')
    expect(result.outputs['input-names']).toBe('INPUT_DRY-RUN,INPUT_IMAGE_REF,INPUT_TOKEN')
  })

  it('parses name=value lines and heredocs with CRLF line ends', () => {
    const text = 'a=1\r\nb<<EOF\r\nx=y\r\n\r\nz\r\nEOF\r\nc=\r\n'
    expect(parseFileCommand(text)).toEqual({ a: '1', b: 'x=y\n\nz', c: '' })
  })

  it('rejects a heredoc without its closing delimiter, as the runner fails the step', () => {
    expect(() => parseFileCommand('notes<<ghadelimiter_1\nline\n')).toThrow(/no closing/)
    expect(() => parseFileCommand('no separator\n')).toThrow(/invalid line/)
  })
})

describe('runner harness: workflow commands', () => {
  it('reports annotations with file, line, column and title, unescaped', async () => {
    const result = await runAction(fixture('annotate'))
    expect(result.annotations).toEqual([
      {
        level: 'error',
        message: 'image.platform: unknown key',
        title: 'slipway.yaml:3, image',
        file: 'slipway.yaml',
        line: 3,
        col: 3
      },
      {
        level: 'warning',
        message: 'replicas below 2\n100% of traffic on one pod',
        file: 'deploy/app, v2.yaml',
        line: 7,
        endLine: 9
      },
      { level: 'notice', message: 'rendered 3 objects' }
    ])
  })

  it('decodes each escape once (%250A is a literal %0A)', () => {
    expect(parseCommandLine('::error file=a%2Cb%3A.yaml,line=2::100%25 done%0Anext %250A')).toEqual(
      {
        command: 'error',
        properties: { file: 'a,b:.yaml', line: '2' },
        data: '100% done\nnext %0A'
      }
    )
    expect(parseCommandLine('plain :: text')).toBeUndefined()
  })

  it('shows the log as the runner does: debug lines only with step debugging on', async () => {
    const quiet = await runAction(fixture('annotate'))
    expect(quiet.log).toContain('##[error]image.platform: unknown key')
    expect(quiet.log).toContain('##[group]kubectl kustomize\ninside the group\n##[endgroup]')
    expect(quiet.log).not.toContain('resolved deploy/overlays/staging')
    expect(quiet.stdout).toContain('::debug::resolved deploy/overlays/staging')

    const debug = await runAction(fixture('annotate'), { debug: true })
    expect(debug.log).toContain('##[debug]resolved deploy/overlays/staging')
  })

  it('reports masked values and masks them in the log from then on', async () => {
    const password = 'hunter2-Z9x!q'
    const result = await runAction(fixture('mask'), {
      inputs: { password, 'print-first': 'false' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.masked).toEqual([password])
    expect(result.log).toContain('password is ***')
    expect(result.leaked).toEqual([])
  })

  it('tells when a secret was printed before it was masked', async () => {
    const password = 'hunter2-Z9x!q'
    const result = await runAction(fixture('mask'), { inputs: { password, 'print-first': 'true' } })
    expect(result.masked).toEqual([password])
    expect(result.leaked).toEqual([password])
    expect(result.log).toContain(`connecting with ${password}`)
  })

  it('returns the exit code of core.setFailed with its message as an error annotation', async () => {
    const result = await runAction(fixture('fail'))
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toEqual([
      { level: 'error', message: 'deployment failed: 2 pods in CrashLoopBackOff' }
    ])
  })
})

describe('runner harness: post step', () => {
  it('passes the state saved in main to the post step, with its env and PATH', async () => {
    const result = await runAction(fixture('lifecycle'), { post: true })
    expect(result.outputs.phase).toBe('main')
    expect(result.state).toEqual({ isPost: 'true', lease: 'lease-1234\nheld by deploy' })
    expect(result.post?.exitCode).toBe(0)
    expect(result.post?.outputs).toEqual({
      phase: 'post',
      lease: 'lease-1234\nheld by deploy',
      'from-main': 'yes',
      'first-path': '/opt/from-main'
    })
  })

  it('runs a separate post bundle with the main step state', async () => {
    const result = await runAction(fixture('lifecycle'), { post: fixture('release') })
    expect(result.post?.outputs.released).toBe('lease-1234\nheld by deploy')
    expect(result.post?.log).toContain('releasing lease-1234')
  })
})

describe('runner harness: environment', () => {
  it('runs under Node 24 in the workspace, with a clean environment', async () => {
    process.env.SLIPWAY_HARNESS_CANARY = 'from the developer shell'
    try {
      const workspace = makeWorkspace()
      const result = await runAction(fixture('context'), { workspace })
      const env = JSON.parse(result.outputs.env) as Record<string, string>
      expect(result.outputs.node).toMatch(/^v24\./)
      expect(realpathSync(result.outputs.cwd)).toBe(realpathSync(workspace))
      expect(env.GITHUB_WORKSPACE).toBe(workspace)
      expect(env.SLIPWAY_HARNESS_CANARY).toBeUndefined()
      expect(env.PATH).toBe(process.env.PATH)
      expect(env).toMatchObject({ GITHUB_ACTIONS: 'true', CI: 'true', RUNNER_OS: 'Linux' })
      expect(env.GITHUB_TOKEN).toBe(FAKE_TOKEN)
      expect(env.RUNNER_TEMP).toBe(result.runnerTemp)
    } finally {
      delete process.env.SLIPWAY_HARNESS_CANARY
    }
  })

  it('gives a push event whose payload agrees with the github context', async () => {
    const push = event('push')
    const result = await runAction(fixture('context'))
    expect(JSON.parse(result.outputs.context)).toEqual({
      eventName: 'push',
      sha: push.after,
      ref: 'refs/heads/main',
      repo: { owner: 'acme', repo: 'hello' },
      actor: 'octocat',
      apiUrl: 'http://127.0.0.1:9',
      headSha: push.head_commit.id
    })
  })

  it('gives a pull_request event with the merge ref, head sha and number', async () => {
    const pr = event('pull_request')
    const result = await runAction(fixture('context'), {
      event: 'pull_request',
      apiUrl: 'http://127.0.0.1:8123'
    })
    const env = JSON.parse(result.outputs.env) as Record<string, string>
    expect(JSON.parse(result.outputs.context)).toMatchObject({
      eventName: 'pull_request',
      sha: pr.pull_request.merge_commit_sha,
      ref: 'refs/pull/42/merge',
      issueNumber: 42,
      headSha: pr.pull_request.head.sha,
      apiUrl: 'http://127.0.0.1:8123'
    })
    expect(env).toMatchObject({ GITHUB_HEAD_REF: 'metrics-latency', GITHUB_BASE_REF: 'main' })
  })

  it('applies step env overrides, including removing a variable', async () => {
    const result = await runAction(fixture('context'), {
      env: { SLIPWAY_LOG: 'json', GITHUB_TOKEN: undefined }
    })
    const env = JSON.parse(result.outputs.env) as Record<string, string>
    expect(env.SLIPWAY_LOG).toBe('json')
    expect(env.GITHUB_TOKEN).toBeUndefined()
  })

  it('stops a bundle that does not finish in time', async () => {
    await expect(runAction(fixture('hang'), { timeoutMs: 500 })).rejects.toThrow(
      /timed out after 500 ms/
    )
  })

  it('fails loudly when the chosen node does not exist, instead of using another', () => {
    process.env.SLIPWAY_TEST_NODE = '/nonexistent/node'
    try {
      expect(() => nodeBinary()).toThrow(/SLIPWAY_TEST_NODE=\/nonexistent\/node does not exist/)
    } finally {
      delete process.env.SLIPWAY_TEST_NODE
    }
  })

  it('refuses a bundle that does not exist', async () => {
    await expect(runAction('no-such-action')).rejects.toThrow(/no bundle at .*no-such-action/)
  })
})
