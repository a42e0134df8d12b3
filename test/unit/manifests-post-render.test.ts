import { describe, expect, it } from '@jest/globals'
import { sortForInstall } from '../../src/core/manifests/install-order.js'
import type { KubeObject, Manifest } from '../../src/core/manifests/manifest.js'
import { defaultNamespaces } from '../../src/core/manifests/namespaces.js'
import { pinImages } from '../../src/core/manifests/pin-images.js'
import { applyReleaseMetadata, labelValue } from '../../src/core/manifests/release-metadata.js'
import { manifestsYaml, objectFileName, sortKeys } from '../../src/core/manifests/serialize.js'
import { parseObjects } from '../../src/core/manifests/yaml-documents.js'

const DIGEST = `sha256:${'cd'.repeat(32)}`
const PINNED = `ghcr.io/acme/hello@${DIGEST}`

function manifest(object: KubeObject): Manifest {
  return { object, where: () => ({ file: 'test.yaml' }) }
}

const pod = (image: string) => ({
  initContainers: [{ name: 'init', image }],
  containers: [
    { name: 'app', image },
    { name: 'sidecar', image: 'docker.io/library/envoy:1.30' }
  ],
  ephemeralContainers: [{ name: 'debug', image }]
})
const template = (image: string) => ({ metadata: { labels: { app: 'hello' } }, spec: pod(image) })

const WORKLOADS: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: pod('ghcr.io/acme/hello:1') },
  ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map((kind) => ({
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: kind.toLowerCase() },
    spec: {
      selector: { matchLabels: { app: 'hello' } },
      template: template('ghcr.io/acme/hello:latest')
    }
  })),
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j' },
    spec: { template: template('ghcr.io/acme/hello') }
  },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c' },
    spec: {
      schedule: '@daily',
      jobTemplate: { spec: { template: template(`ghcr.io/acme/hello@sha256:${'00'.repeat(32)}`) } }
    }
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'r' },
    spec: { template: template('ghcr.io/acme/hello:2') }
  }
]

describe('pinning the released image', () => {
  it('rewrites containers, init and ephemeral containers of every workload kind', () => {
    const manifests = structuredClone(WORKLOADS).map(manifest)
    const { pinned, findings } = pinImages(manifests, [
      { name: 'ghcr.io/acme/hello', repositories: ['ghcr.io/acme/hello'], pinned: PINNED }
    ])
    expect(findings).toEqual([])
    expect(pinned).toHaveLength(WORKLOADS.length * 3)
    const text = JSON.stringify(manifests.map((m) => m.object))
    expect(text.match(/ghcr\.io\/acme\/hello[^"]*/g)!.every((i) => i === PINNED)).toBe(true)
    expect(text.match(/envoy:1\.30/g)).toHaveLength(WORKLOADS.length)
  })

  it('matches Docker Hub short names and leaves look-alikes alone', () => {
    const manifests = [
      manifest({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'a', image: 'redis:7' },
                { name: 'b', image: 'docker.io/library/redis' },
                { name: 'c', image: 'ghcr.io/redis' },
                { name: 'd', image: 'redis-exporter:1' }
              ]
            }
          }
        }
      })
    ]
    const { pinned } = pinImages(manifests, [
      { name: 'redis', repositories: ['index.docker.io/library/redis'], pinned: `redis@${DIGEST}` }
    ])
    expect(pinned.map((p) => p.container)).toEqual(['a', 'b'])
  })

  it('is an error when the image is used by no container', () => {
    const manifests = [manifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })]
    const { findings } = pinImages(manifests, [
      { name: 'ghcr.io/acme/hello', repositories: ['ghcr.io/acme/hello'], pinned: PINNED }
    ])
    expect(findings).toEqual([
      {
        level: 'error',
        check: 'release-image',
        message: `image ghcr.io/acme/hello is not used by any container, so it cannot be pinned to ${PINNED} (images in the manifests: none)`
      }
    ])
  })

  it('does not touch images of kinds that are not workloads, such as a CRD field', () => {
    const object = {
      apiVersion: 'config/v1',
      kind: 'MyKind',
      metadata: { name: 'x' },
      spec: { template: template('ghcr.io/acme/hello:1') }
    }
    const { pinned } = pinImages(
      [manifest(object)],
      [{ name: 'ghcr.io/acme/hello', repositories: ['ghcr.io/acme/hello'], pinned: PINNED }]
    )
    expect(pinned).toEqual([])
  })
})

describe('release metadata', () => {
  it('labels and annotates objects and pod templates, never selectors', () => {
    const manifests = structuredClone(WORKLOADS.slice(1, 2)).map(manifest)
    applyReleaseMetadata(manifests, {
      environment: 'staging',
      version: '1.2.3',
      commit: 'abc',
      releaseId: 'staging-1',
      image: PINNED
    })
    const object = manifests[0].object as {
      metadata: { labels: object; annotations: object }
      spec: { selector: object; template: { metadata: { labels: object; annotations: object } } }
    }
    const labels = { 'slipway.dev/environment': 'staging', 'app.kubernetes.io/version': '1.2.3' }
    const annotations = {
      'slipway.dev/commit': 'abc',
      'slipway.dev/release': 'staging-1',
      'slipway.dev/image': PINNED
    }
    expect(object.metadata).toEqual({ name: 'deployment', labels, annotations })
    expect(object.spec.template.metadata).toEqual({
      labels: { app: 'hello', ...labels },
      annotations
    })
    expect(object.spec.selector).toEqual({ matchLabels: { app: 'hello' } })
  })

  it('makes any version a valid label value', () => {
    expect(labelValue('v1.2.3+build.7')).toBe('v1.2.3-build.7')
    expect(labelValue('-x-')).toBe('x')
    expect(labelValue('a'.repeat(80))).toHaveLength(63)
  })
})

describe('namespaces', () => {
  it('defaults namespaced objects, leaves cluster-scoped ones and explicit namespaces alone', () => {
    const manifests = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'b', namespace: 'other' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'c' } },
      { apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: 'd' } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'e' } },
      { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'f' } }
    ].map(manifest)
    defaultNamespaces(manifests, 'staging', new Map([['example.com/Gadget', false]]))
    expect(manifests.map((m) => (m.object.metadata as { namespace?: string }).namespace)).toEqual([
      'staging',
      'other',
      undefined,
      undefined,
      'staging',
      undefined
    ])
  })
})

describe('install order', () => {
  it("follows Helm's order, then kind, group, namespace and name, whatever the input order", () => {
    const objects: KubeObject[] = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'b' } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'z' } },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'w' }
      },
      { apiVersion: 'example.com/v1', kind: 'Alpha', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 's' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' } }
    ]
    const expected = [
      'Namespace/z',
      'ServiceAccount/s',
      'ConfigMap/c',
      'CustomResourceDefinition/w',
      'Role/r',
      'Service/a',
      'Deployment/a',
      'Deployment/b',
      'Alpha/a',
      'Widget/a'
    ]
    for (const order of [objects, [...objects].reverse()]) {
      const sorted = sortForInstall(order.map(manifest))
      expect(
        sorted.map((m) => `${m.object.kind}/${(m.object.metadata as { name: string }).name}`)
      ).toEqual(expected)
    }
  })
})

describe('stable formatting', () => {
  it('writes equal objects as equal bytes, whatever the key order and quoting of the input', () => {
    const a = parseObjects(
      'kind: ConfigMap\napiVersion: v1\nmetadata: {name: x}\ndata: {b: \'1\', a: "on"}\n',
      'a.yaml'
    )
    const b = parseObjects(
      'apiVersion: v1\ndata:\n  a: \'on\'\n  b: "1"\nmetadata:\n  name: x\nkind: ConfigMap\n',
      'b.yaml'
    )
    const yaml = (p: typeof a) => manifestsYaml(p.map((o) => sortKeys(o.object)))
    expect(yaml(a)).toBe(yaml(b))
    expect(yaml(a)).toBe(
      'apiVersion: v1\ndata:\n  a: "on"\n  b: "1"\nkind: ConfigMap\nmetadata:\n  name: x\n'
    )
  })

  it('reads YAML 1.1 as kubectl does, and quotes what 1.1 would misread', () => {
    const [{ object }] = parseObjects(
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  debug: yes\n  mode: "no"\n',
      'c.yaml'
    )
    expect(object.data).toEqual({ debug: true, mode: 'no' })
    expect(manifestsYaml([object])).toContain('mode: "no"')
  })

  it('numbers per-object files in install order', () => {
    expect(
      objectFileName(0, 35, { apiVersion: 'v1', kind: 'Service', namespace: 'staging', name: 'a' })
    ).toBe('001-service.staging.a.yaml')
    expect(
      objectFileName(9, 1200, { apiVersion: 'v1', kind: 'ClusterRole', name: 'system:x' })
    ).toBe('0010-clusterrole.system_x.yaml')
  })
})

describe('parsing sources', () => {
  it('knows the line of every field, unpacks Lists and skips empty documents', () => {
    const text =
      '---\n# nothing\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n'
    const parsed = parseObjects(text, 'l.yaml')
    expect(parsed).toHaveLength(1)
    expect(parsed[0].object.kind).toBe('ConfigMap')
    expect(parsed[0].source.locate(['metadata', 'name'])).toEqual({ line: 10, depth: 2 })
    expect(parsed[0].source.locate(['spec', 'x'])).toEqual({ line: 7, depth: 0 })
  })

  it('refuses a document that is not an object, and a duplicate key', () => {
    expect(() => parseObjects('- a\n- b\n', 'x.yaml')).toThrow('expected a Kubernetes object')
    expect(() => parseObjects('kind: A\nkind: B\n', 'x.yaml')).toThrow(
      /invalid YAML: Map keys must be unique/
    )
  })
})
