import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { kustomizeErrorLine } from '../../src/core/manifests/render.js'
import { runCli } from '../support/cli.js'

// A failed kustomize build is one line with kustomize's own reason and the folder.

// Captured from kubectl 1.3x (klog's structured error) for a remote base that cannot be fetched.
const KLOG = `E1208 00:22:19.763010   30540 run.go:72] "command failed" err=<
\taccumulating resources: accumulation err='accumulating resources from 'https://github.com/acme/does-not-exist//deploy?ref=v1': Get "https://github.com/acme/does-not-exist//deploy?ref=v1": dial tcp: lookup github.com on 10.255.255.53:53: no such host': failed to run '/usr/bin/git fetch --depth=1 https://github.com/acme/does-not-exist v1': fatal: unable to access 'https://github.com/acme/does-not-exist/': Could not resolve host: github.com
\t: exit status 128
 >
`

describe('kustomizeErrorLine', () => {
  it("reads klog's multi-line err=< ... > block as one line", () => {
    const line = kustomizeErrorLine(KLOG)
    expect(line).toMatch(
      /^accumulating resources: .*Could not resolve host: github\.com: exit status 128$/
    )
    expect(line).not.toContain('\n')
  })

  it('reads klog\'s one-line err="..." form, quotes unescaped', () => {
    // Captured from kubectl 1.32 here for an overlay naming a file that does not exist.
    const stderr =
      'E1208 01:36:41.578527   16713 run.go:72] "command failed" err="accumulating resources: accumulation err=\'accumulating resources from \'missing.yaml\': evalsymlink failure on \'/tmp/ws/deploy/overlays/staging/missing.yaml\' : lstat /tmp/ws/deploy/overlays/staging/missing.yaml: no such file or directory\': must build at directory: \\"/tmp/ws\\": file is not directory"\n'
    expect(kustomizeErrorLine(stderr)).toBe(
      "accumulating resources: accumulation err='accumulating resources from 'missing.yaml': evalsymlink failure on '/tmp/ws/deploy/overlays/staging/missing.yaml': lstat /tmp/ws/deploy/overlays/staging/missing.yaml: no such file or directory': must build at directory: \"/tmp/ws\": file is not directory"
    )
  })

  it('reads the error: line of older kubectl and the Error: line of kustomize', () => {
    expect(
      kustomizeErrorLine('Warning: x is deprecated\nerror: missing.yaml: no such file\n')
    ).toBe('missing.yaml: no such file')
    expect(kustomizeErrorLine('Error: accumulating resources: boom\n')).toBe(
      'accumulating resources: boom'
    )
  })
})

describe('slipway render with a remote base that cannot be fetched', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'slipway-kustomize-'))
    mkdirSync(path.join(dir, 'deploy', 'staging'), { recursive: true })
    writeFileSync(
      path.join(dir, 'slipway.yaml'),
      'image:\n  repository: ghcr.io/acme/app\nmanifests:\n  kustomize: deploy/{env}\nenvironments:\n  staging:\n    namespace: app\n'
    )
    writeFileSync(
      path.join(dir, 'deploy', 'staging', 'kustomization.yaml'),
      // .invalid never resolves (RFC 2606): the fetch fails offline and online alike.
      'resources:\n  - https://git.example.invalid/acme/base//deploy?ref=v1\n'
    )
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints one line with the folder and the reason', async () => {
    const result = await runCli(['render', '--env', 'staging'], dir)
    expect(result.code).toBe(1)
    const lines = result.err.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /deploy\/staging: kustomize failed on deploy\/staging: .*git\.example\.invalid/
    )
    expect(lines[0]).not.toMatch(/>$/)
  }, 60_000)
})
