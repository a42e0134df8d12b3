import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { runSlipwayAction } from '../support/actions.js'
import { expectOneError } from '../support/contract.js'
import { cleanupRuns, tempDir } from '../support/runner.js'
import { makeWorkspace } from '../support/workspace.js'

// render-manifests writes only inside RUNNER_TEMP or the workspace, never into .git or the
// manifests source; scan-image reads a report only from the workspace (#10 item 16).

afterAll(cleanupRuns)

const CONFIG = `image:
  repository: ghcr.io/acme/app
manifests:
  path: k8s
environments:
  staging:
    namespace: app
`

function workspace() {
  const dir = makeWorkspace(undefined, {
    'slipway.yaml': CONFIG,
    'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n',
    '.git/hooks/.keep': '',
    'report.json': '{}'
  })
  return dir
}

describe('render-manifests output-dir', () => {
  const outside = tempDir('slipway-outside-')
  it.each([
    ['../elsewhere', 'is outside the workspace and RUNNER_TEMP'],
    [path.join(outside, 'x'), 'is outside the workspace and RUNNER_TEMP'],
    ['link/x', 'is outside the workspace and RUNNER_TEMP'],
    ['.git/hooks', 'is inside .git'],
    ['k8s', 'overlaps the manifests source k8s, which a render reads'],
    ['k8s/rendered', 'overlaps the manifests source k8s, which a render reads']
  ])('refuses %s in one line naming the input', async (dir, why) => {
    const ws = workspace()
    symlinkSync(outside, path.join(ws, 'link'))
    const result = await runSlipwayAction('render-manifests', {
      workspace: ws,
      inputs: { environment: 'staging', 'output-dir': dir }
    })
    expectOneError(result, { message: `input "output-dir": ${dir} ${why}` })
    expect(existsSync(path.join(ws, '.git', 'hooks', 'manifests.yaml'))).toBe(false)
    expect(existsSync(path.join(outside, 'x'))).toBe(false)
  })

  it('writes inside the workspace and RUNNER_TEMP', async () => {
    const inWorkspace = await runSlipwayAction('render-manifests', {
      workspace: workspace(),
      inputs: { environment: 'staging', 'output-dir': 'rendered' }
    })
    expect(inWorkspace.exitCode).toBe(0)
    expect(inWorkspace.outputs.manifests).toBe(
      path.join(inWorkspace.workspace, 'rendered', 'manifests.yaml')
    )
    const byDefault = await runSlipwayAction('render-manifests', {
      workspace: workspace(),
      inputs: { environment: 'staging' }
    })
    expect(byDefault.exitCode).toBe(0)
    expect(byDefault.outputs.manifests.startsWith(byDefault.runnerTemp)).toBe(true)
  })
})

describe('scan-image report', () => {
  it.each([['/etc/passwd'], ['../report.json'], ['link.json']])(
    'refuses %s outside the workspace in one line',
    async (report) => {
      const ws = workspace()
      symlinkSync('/etc/passwd', path.join(ws, 'link.json'))
      const result = await runSlipwayAction('scan-image', {
        workspace: ws,
        inputs: { report }
      })
      expect(result.outputs.verdict).toBe('fail')
      expect(result.annotations.filter((a) => a.level === 'error')).toEqual([
        expect.objectContaining({ message: `input "report": ${report} is outside the workspace` })
      ])
    }
  )
})
