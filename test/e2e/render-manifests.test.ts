import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { runSlipwayAction } from '../support/actions.js'
import {
  APP_CONFIG,
  expectInputError,
  expectNoCrash,
  expectOneError,
  itReportsConfigMistakes
} from '../support/contract.js'
import { cleanupRuns } from '../support/runner.js'
import { makeWorkspace } from '../support/workspace.js'

interface K8sObject {
  kind: string
  metadata: { name: string; namespace?: string }
  spec?: { replicas?: number }
}

function objectsIn(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS() as K8sObject)
}

afterAll(cleanupRuns)

describe('render-manifests action', () => {
  it('renders an environment: manifests file, objects output and a summary table', async () => {
    const result = await runSlipwayAction('render-manifests', {
      workspace: makeWorkspace('app'),
      inputs: { environment: 'staging' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.annotations).toEqual([])
    expectNoCrash(result)

    const file = result.outputs.manifests
    expect(file).toBe(path.join(result.runnerTemp, 'slipway', 'staging', 'manifests.yaml'))
    const objects = objectsIn(file)
    expect(objects.map((o) => [o.kind, o.metadata.name, o.metadata.namespace])).toEqual([
      ['Service', 'hello', 'hello-staging'],
      ['Deployment', 'hello', 'hello-staging']
    ])
    expect(JSON.parse(result.outputs.objects)).toEqual(['Service/hello', 'Deployment/hello'])

    expect(result.summary).toContain('<h3>Rendered staging</h3>')
    expect(result.summary).toContain('<tr><th>Kind</th><th>Name</th></tr>')
    expect(result.summary).toContain('<tr><td>Deployment</td><td>hello</td></tr>')
  })

  it('renders each environment from its own overlay', async () => {
    const result = await runSlipwayAction('render-manifests', {
      workspace: makeWorkspace('app'),
      inputs: { environment: 'production' }
    })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs.objects)).toEqual([
      'PodDisruptionBudget/hello',
      'Service/hello',
      'Deployment/hello'
    ])
    const deployment = objectsIn(result.outputs.manifests).find((o) => o.kind === 'Deployment')
    expect(deployment?.spec?.replicas).toBe(3)
    expect(deployment?.metadata.namespace).toBe('hello')
    expect(result.summary).toContain('<tr><td>PodDisruptionBudget</td><td>hello</td></tr>')
  })

  it('writes into output-dir, relative to the workspace', async () => {
    const workspace = makeWorkspace('app')
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'staging', 'output-dir': 'rendered/staging' }
    })
    expect(result.exitCode).toBe(0)
    const file = path.join(workspace, 'rendered', 'staging', 'manifests.yaml')
    expect(result.outputs.manifests).toBe(file)
    expect(existsSync(file)).toBe(true)
    expect(objectsIn(file)).toHaveLength(2)
  })

  it('renders a folder of plain YAML manifests', async () => {
    const config = 'image:\n  repository: ghcr.io/acme/hello\nmanifests:\n  path: k8s\n'
    const workspace = makeWorkspace(undefined, {
      'slipway.yaml': `${config}environments:\n  dev:\n    namespace: hello-dev\n`,
      'k8s/a-config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hello-config\n',
      'k8s/b-deployment.yml':
        '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hello\n'
    })
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'dev' }
    })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs.objects)).toEqual([
      'ConfigMap/hello-config',
      'Deployment/hello'
    ])
  })

  it('reports a broken kustomization as one error, without a stack trace', async () => {
    const workspace = makeWorkspace('app', {
      'deploy/overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\n  - missing.yaml\n'
    })
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'staging' }
    })
    expectOneError(result, { file: 'deploy/overlays/staging' })
    expect(result.annotations[0].message).toMatch(
      /^kustomize failed on deploy\/overlays\/staging: accumulating resources: .*missing\.yaml/
    )
    expect(result.outputs).toEqual({})
  })

  it('refuses a manifests path that points outside the repository', async () => {
    const workspace = makeWorkspace('app', {
      'slipway.yaml': APP_CONFIG.replace('kustomize: deploy/overlays/{env}', 'kustomize: ../../etc')
    })
    const result = await runSlipwayAction('render-manifests', {
      workspace,
      inputs: { environment: 'staging' }
    })
    expectOneError(result, {
      message: 'manifests.kustomize: "../../etc" points outside the repository'
    })
  })

  it('names a missing or unknown environment input', async () => {
    await expectInputError('render-manifests', {}, 'input "environment" is required')
    await expectInputError(
      'render-manifests',
      { environment: 'qa' },
      'input "environment": "qa" is not defined in slipway.yaml (known: staging, production)'
    )
  })

  it('rejects an environment name inherited from Object.prototype', async () => {
    await expectInputError(
      'render-manifests',
      { environment: 'constructor' },
      'input "environment": "constructor" is not defined in slipway.yaml (known: staging, production)'
    )
  })

  itReportsConfigMistakes('render-manifests', { environment: 'staging' })
})
