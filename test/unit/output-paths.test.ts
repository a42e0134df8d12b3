import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../support/cli.js'

// slipway render --out writes only inside the current folder or the temp folder, never into
// .git or a manifests source (which the next render would read back).

let base: string
let dir: string
let outside: string
const previousTmp = process.env.TMPDIR

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'slipway-out-'))
  dir = path.join(base, 'repo')
  outside = path.join(base, 'outside')
  mkdirSync(path.join(dir, 'k8s'), { recursive: true })
  mkdirSync(path.join(dir, '.git', 'hooks'), { recursive: true })
  mkdirSync(outside)
  writeFileSync(
    path.join(dir, 'slipway.yaml'),
    'image:\n  repository: ghcr.io/acme/app\nmanifests:\n  path: k8s\nenvironments:\n  staging:\n    namespace: app\n'
  )
  writeFileSync(
    path.join(dir, 'k8s', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n'
  )
  symlinkSync(outside, path.join(dir, 'link'))
  // The temp folder slipway may write to, apart from the current one.
  process.env.TMPDIR = path.join(base, 'tmp')
  mkdirSync(process.env.TMPDIR)
})

afterAll(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = previousTmp
  rmSync(base, { recursive: true, force: true })
})

const render = (out: string) => runCli(['render', '--env', 'staging', '--out', out], dir)

describe('slipway render --out', () => {
  it.each([
    [
      '../outside',
      /^slipway render: --out \.\.\/outside is outside the current folder and the temp folder$/
    ],
    ['/etc/slipway-test', /is outside the current folder and the temp folder$/],
    ['link/x', /^slipway render: --out link\/x is outside/],
    ['.git/hooks', /^slipway render: --out \.git\/hooks is inside \.git$/],
    ['k8s', /^slipway render: --out k8s overlaps the manifests source k8s, which a render reads$/],
    ['k8s/out', /overlaps the manifests source k8s/]
  ])('refuses %s with one line naming --out', async (out, message) => {
    const result = await render(out)
    expect(result.code).toBe(2)
    expect(result.err.trim()).toMatch(message)
    expect(result.err.trim().split('\n')).toHaveLength(1)
    expect(existsSync(path.join(outside, 'x'))).toBe(false)
    expect(existsSync(path.join(dir, '.git', 'hooks', 'manifests.yaml'))).toBe(false)
  })

  it('writes inside the current folder and the temp folder', async () => {
    expect((await render('out')).code).toBe(0)
    expect(existsSync(path.join(dir, 'out', 'manifests.yaml'))).toBe(true)
    const temp = path.join(process.env.TMPDIR!, 'render')
    expect((await render(temp)).code).toBe(0)
    expect(existsSync(path.join(temp, 'manifests.yaml'))).toBe(true)
  })
})
