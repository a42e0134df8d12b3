import { describe, expect, it } from '@jest/globals'
import type { KubeObject, Manifest } from '../../src/core/manifests/manifest.js'
import { loadCrdCatalog } from '../../src/core/manifests/validation/crd-schemas.js'
import { removedApi } from '../../src/core/manifests/validation/removed-apis.js'
import { validateManifests } from '../../src/core/manifests/validation/validate.js'

function manifest(object: KubeObject): Manifest {
  return { object, where: (path = []) => ({ file: 'x.yaml', line: path.length + 1 }) }
}

async function validate(
  objects: KubeObject[],
  options: { crds?: KubeObject[]; version?: string; skip?: boolean } = {}
) {
  const crds = await loadCrdCatalog([], '/', options.crds ?? [])
  const findings = await validateManifests(objects.map(manifest), {
    kubernetesVersion: options.version ?? '1.33',
    crds,
    skipUnknownCrds: options.skip ?? true
  })
  return findings.map((f) => `${f.level} ${f.check}: ${f.message}`)
}

const deployment = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'hello', namespace: 'staging' },
  spec: {
    selector: { matchLabels: { app: 'hello' } },
    template: {
      metadata: { labels: { app: 'hello' } },
      spec: { containers: [{ name: 'app', image: 'nginx:1' }] }
    },
    ...spec
  }
})

describe('validation against the Kubernetes schemas', () => {
  it('accepts a valid object', async () => {
    expect(await validate([deployment({ replicas: 2 })])).toEqual([])
  })

  it('reports a wrong type, a bad quantity, a bad enum and an unknown field, each at its path', async () => {
    const object = deployment({
      replicas: '2',
      strategy: { type: 'Sideways' },
      template: {
        metadata: { labels: { app: 'hello' } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'nginx:1',
              resources: { limits: { memory: 'lots' } },
              imagePullPolicyy: 'Always'
            }
          ]
        }
      }
    })
    expect(await validate([object])).toEqual([
      'error schema: spec.replicas: expected integer, got string "2"',
      'error schema: spec.strategy.type: expected one of "Recreate", "RollingUpdate", got string "Sideways"',
      'error schema: spec.template.spec.containers[0].resources.limits.memory: expected a quantity such as 250m, 1.5 or 128Mi, got string "lots"',
      'error schema: spec.template.spec.containers[0].imagePullPolicyy: is not a field of this kind (unknown field)'
    ])
  })

  it('reports missing identity fields', async () => {
    expect(await validate([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }])).toEqual([
      'error schema: metadata.name: is required'
    ])
  })

  it('refuses a kind the built-in group does not have', async () => {
    expect(
      await validate([{ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } }])
    ).toEqual([
      'error schema: kind: apps/v1 has no kind Deploymnet (schemas of kubernetes-models 4.5.1)'
    ])
  })

  it('refuses APIs the target Kubernetes version no longer serves', async () => {
    const old = {
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'x' },
      spec: {}
    }
    expect(await validate([old], { version: '1.33' })).toEqual([
      'error schema: apiVersion: policy/v1beta1 PodDisruptionBudget is no longer served since Kubernetes 1.25 (target 1.33): use policy/v1'
    ])
    expect(await validate([old], { version: '1.24' })).toEqual([])
    expect(removedApi('apps/v1', 'Deployment', '1.33')).toBeUndefined()
  })

  it('skips custom resources without a schema with one warning per kind, or fails them', async () => {
    const widgets = [1, 2].map((n) => ({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: `w${n}` }
    }))
    expect(await validate(widgets)).toEqual([
      'warning crd-schema: no schema for example.com/v1 Widget (2 objects), not validated: add its CustomResourceDefinition to validation.crd-schemas'
    ])
    expect((await validate(widgets, { skip: false }))[0]).toMatch(/^error crd-schema: /)
  })

  it('validates custom resources against a CRD among the objects, unknown fields included', async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { kind: 'Widget', plural: 'widgets' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    required: ['size'],
                    properties: {
                      size: { type: 'integer' },
                      port: { 'x-kubernetes-int-or-string': true },
                      note: { type: 'string', nullable: true },
                      extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }
                    }
                  }
                }
              }
            }
          }
        ]
      }
    }
    const good = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'a' },
      spec: { size: 1, port: 'http', note: null, extra: { any: 1 } }
    }
    const bad = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'b' },
      spec: { size: 'big', colour: 'red' }
    }
    expect(await validate([crd, good], { crds: [crd] })).toEqual([])
    expect(await validate([bad], { crds: [crd] })).toEqual([
      'error schema: spec.colour: is not a field of this kind (unknown field)',
      'error schema: spec.size: expected integer, got string "big"'
    ])
  })
})
