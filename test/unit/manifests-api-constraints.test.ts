// What the API server refuses, refused at render time: names by the rules the server applies
// per kind (k8s.io/apimachinery validation: RFC 1123 subdomain for most, RFC 1123 label for
// Namespaces and container names, RFC 1035 label for Services, path segment names for RBAC),
// and the bounds it enforces (replicas >= 0, ports 1-65535, a selector that matches its template).
import { describe, expect, it } from '@jest/globals'
import type { KubeObject, Manifest } from '../../src/core/manifests/manifest.js'
import { pathText } from '../../src/core/manifests/manifest.js'
import { loadCrdCatalog } from '../../src/core/manifests/validation/crd-schemas.js'
import { validateManifests } from '../../src/core/manifests/validation/validate.js'

async function problems(object: KubeObject): Promise<string[]> {
  const manifest: Manifest = {
    object,
    where: (path = []) => ({ file: 'x.yaml', line: 1, column: path.length, path: pathText(path) })
  } as Manifest
  const findings = await validateManifests([manifest], {
    kubernetesVersion: '1.33',
    crds: await loadCrdCatalog([], '/', []),
    skipUnknownCrds: true
  })
  return findings.filter((f) => f.level === 'error').map((f) => `${f.check}: ${f.message}`)
}

const deployment = (
  patch: { name?: string; replicas?: unknown; container?: Record<string, unknown> } = {},
  selector: Record<string, string> = { app: 'web' }
): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: patch.name ?? 'web', namespace: 'shop' },
  spec: {
    ...(patch.replicas === undefined ? {} : { replicas: patch.replicas }),
    selector: { matchLabels: selector },
    template: {
      metadata: { labels: { app: 'web', tier: 'front' } },
      spec: { containers: [{ name: 'app', image: 'nginx:1', ...patch.container }] }
    }
  }
})

const named = (kind: string, apiVersion: string, name: string): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name }
})

describe('what the API server rejects', () => {
  it('accepts a valid Deployment', async () => {
    expect(await problems(deployment())).toEqual([])
  })

  it.each(['Bad_Name', '../../x', 'UPPER', '-web', 'a'.repeat(254), 'web.', 'a/b'])(
    'refuses the Deployment name %j',
    async (name) => {
      expect(await problems(deployment({ name }))).toEqual([
        expect.stringMatching(/^api-validation: metadata\.name: ".*" is not a valid name/)
      ])
    }
  )

  it('takes dots in subdomain names, not in Namespace or Service names', async () => {
    expect(await problems(named('ConfigMap', 'v1', 'app.config'))).toEqual([])
    expect(await problems(named('Namespace', 'v1', 'app.prod'))).toHaveLength(1)
    expect(await problems(named('Service', 'v1', 'web.front'))).toHaveLength(1)
    // RFC 1035: a Service name starts with a letter.
    expect(await problems(named('Service', 'v1', '1web'))).toHaveLength(1)
    expect(await problems(named('Service', 'v1', 'web-1'))).toEqual([])
  })

  it('takes RBAC names as path segments (colons allowed, not / or ..)', async () => {
    const role = (name: string) => named('ClusterRole', 'rbac.authorization.k8s.io/v1', name)
    expect(await problems(role('system:reader'))).toEqual([])
    expect(await problems(role('..'))).toHaveLength(1)
    expect(await problems(role('a/b'))).toHaveLength(1)
  })

  it('refuses negative replicas', async () => {
    expect(await problems(deployment({ replicas: -1 }))).toEqual([
      'api-validation: spec.replicas: must be greater than or equal to 0'
    ])
  })

  it('refuses a container port outside 1-65535', async () => {
    const container = { ports: [{ containerPort: 99999 }] }
    expect(await problems(deployment({ container }))).toEqual([
      'api-validation: spec.template.spec.containers[0].ports[0].containerPort: must be between 1 and 65535, inclusive'
    ])
  })

  it('refuses a Service port outside 1-65535', async () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 0 }, { port: 80, targetPort: 70000 }] }
    }
    expect(await problems(service)).toEqual([
      'api-validation: spec.ports[0].port: must be between 1 and 65535, inclusive',
      'api-validation: spec.ports[1].targetPort: must be between 1 and 65535, inclusive'
    ])
  })

  it('refuses a container name with spaces', async () => {
    expect(await problems(deployment({ container: { name: 'my app' } }))).toEqual([
      expect.stringMatching(
        /^api-validation: spec\.template\.spec\.containers\[0\]\.name: "my app" is not a valid name/
      )
    ])
  })

  it('refuses a selector that does not match the template labels', async () => {
    expect(await problems(deployment({}, { app: 'other' }))).toEqual([
      'api-validation: spec.template.metadata.labels: `selector` does not match template `labels`'
    ])
    expect(await problems(deployment({}, { app: 'web', tier: 'front' }))).toEqual([])
  })
})
