// Bad input to the CLI is one line naming the file and exit code 2 (docs/cli.md), never an
// internal error, and never exit 1, which means a failed gate or operation.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main, type Io } from '../../src/cli/main.js'

function run(args: string[], cwd: string) {
  let err = ''
  let out = ''
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), cwd }
  return main(args, io).then((code) => ({ code, err, out }))
}

const temp = () => mkdtempSync(path.join(tmpdir(), 'slipway-cli-input-'))

function repository(): string {
  const root = temp()
  mkdirSync(path.join(root, 'deploy'))
  writeFileSync(
    path.join(root, 'deploy', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: b\n'
  )
  writeFileSync(
    path.join(root, 'slipway.yaml'),
    'image:\n  repository: ghcr.io/acme/hello\nmanifests:\n  path: deploy/{env}\nenvironments:\n  staging:\n    namespace: s\n'
  )
  return root
}

describe('bad input to the CLI', () => {
  it('canary judge: deeply nested JSON is one line and exit 2', async () => {
    const root = temp()
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    writeFileSync(path.join(root, 'b.json'), `{"metrics": {"x": [1, ${deep}]}}`)
    writeFileSync(path.join(root, 'c.json'), '{"metrics": {"x": [1]}}')
    const { code, err } = await run(
      ['canary', 'judge', '--baseline', 'b.json', '--canary', 'c.json'],
      root
    )
    expect(err).not.toMatch(/internal error/)
    expect(err.trim().split('\n')).toHaveLength(1)
    expect(err).toMatch(/b\.json/)
    expect(code).toBe(2)
  })

  it('canary judge: a FIFO as samples is one line and exit 2', async () => {
    const root = temp()
    execFileSync('mkfifo', [path.join(root, 'b.json')])
    writeFileSync(path.join(root, 'c.json'), '{"metrics": {"x": [1]}}')
    const { code, err } = await run(
      ['canary', 'judge', '--baseline', 'b.json', '--canary', 'c.json'],
      root
    )
    expect(err.trim()).toBe('slipway canary judge: b.json: samples file is not a regular file')
    expect(code).toBe(2)
  })

  it('diff --previous /dev/urandom is one line and exit 2', async () => {
    const root = repository()
    mkdirSync(path.join(root, 'deploy', 'staging'))
    writeFileSync(
      path.join(root, 'deploy', 'staging', 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n'
    )
    const { code, err } = await run(
      ['diff', '--env', 'staging', '--previous', '/dev/urandom'],
      root
    )
    expect(err.trim()).toBe('/dev/urandom: the previous render is not a regular file or a folder')
    expect(code).toBe(2)
  })

  it('render of an environment whose deploy/<env> folder is missing is one line and exit 2', async () => {
    const root = repository()
    const { code, err } = await run(['render', '--env', 'staging'], root)
    expect(err.trim()).toBe(
      `${path.join(root, 'deploy', 'staging')}: the manifests folder does not exist`
    )
    expect(code).toBe(2)
  })

  it('render --out naming a file is one line and exit 2', async () => {
    const root = repository()
    mkdirSync(path.join(root, 'deploy', 'staging'))
    writeFileSync(
      path.join(root, 'deploy', 'staging', 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n'
    )
    writeFileSync(path.join(root, 'out'), 'a file\n')
    const { code, err } = await run(['render', '--env', 'staging', '--out', 'out'], root)
    expect(err.trim()).toBe(`${path.join(root, 'out')}: the output folder is a file`)
    expect(code).toBe(2)
  })

  it('validate --config on a FIFO is one line and exit 2', async () => {
    const root = temp()
    execFileSync('mkfifo', [path.join(root, 'slipway.yaml')])
    const { code, err } = await run(
      ['validate', '--config', path.join(root, 'slipway.yaml'), '--workflows', temp()],
      root
    )
    expect(err.trim()).toBe(`${path.join(root, 'slipway.yaml')}: config file is not a regular file`)
    expect(code).toBe(2)
  })

  it('validate: an alias bomb in a workflow file is one line, not a hang', async () => {
    const root = temp()
    const workflows = path.join(root, 'wf')
    mkdirSync(workflows)
    const lines = ['on: push', 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i)
      lines.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`
      )
    }
    writeFileSync(path.join(workflows, 'ci.yml'), lines.join('\n') + '\n')
    writeFileSync(
      path.join(root, 'slipway.yaml'),
      'image:\n  repository: ghcr.io/acme/hello\nmanifests:\n  path: deploy\nenvironments:\n  staging:\n    namespace: s\n'
    )
    const { code, err } = await run(
      ['validate', '--config', path.join(root, 'slipway.yaml'), '--workflows', workflows],
      root
    )
    expect(err.trim()).toBe(
      `${path.join(workflows, 'ci.yml')}: invalid YAML: too many alias expansions (an alias bomb?)`
    )
    expect(code).toBe(2)
  }, 10_000)
})
