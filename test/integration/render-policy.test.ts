// Each policy check, at error, warn and off, over the real manifests (or a copy of them with
// the one thing no real fixture does: a privileged container, a hostPath volume, a Service
// selecting nothing).
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { parseConfig, POLICY_DEFAULTS, type PolicyCheck } from '../../src/core/config/index.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'
import { copyFixture, fixtureConfig, FIXTURES } from './render-helpers.js'

interface Case {
  check: PolicyCheck
  /** The manifests entry, relative to `root`. */
  source: string
  root?: () => string
  expected: { object: string; message: string; file: string; line?: number }
}

const HELLO = 'kustomize: kustomize-examples/helloWorld'

function broken(from: RegExp, to: string) {
  return () =>
    copyFixture('kustomize-examples/helloWorld', (files) =>
      files.map((f) =>
        f.name === 'deployment.yaml' ? { ...f, text: f.text.replace(from, to) } : f
      )
    )
}

const CASES: Case[] = [
  {
    check: 'image-latest',
    source: 'path: microservices-demo/kubernetes-manifests',
    expected: {
      object: 'Deployment boutique-staging/adservice',
      message: 'container "server": image adservice has no tag, which means :latest',
      file: 'microservices-demo/kubernetes-manifests/adservice.yaml',
      line: 46
    }
  },
  {
    check: 'image-not-pinned',
    source: 'path: microservices-demo/kubernetes-manifests',
    expected: {
      object: 'Deployment boutique-staging/redis-cart',
      message: 'container "redis": image redis:alpine is not pinned to a digest (tags can move)',
      file: 'microservices-demo/kubernetes-manifests/cartservice.yaml',
      line: 118
    }
  },
  {
    check: 'resource-requests',
    source: HELLO,
    expected: {
      object: 'Deployment boutique-staging/the-deployment',
      message: 'container "the-container": no CPU or memory request',
      file: 'kustomize-examples/helloWorld/deployment.yaml'
    }
  },
  {
    check: 'resource-limits',
    source: HELLO,
    expected: {
      object: 'Deployment boutique-staging/the-deployment',
      message: 'container "the-container": no CPU or memory limit',
      file: 'kustomize-examples/helloWorld/deployment.yaml'
    }
  },
  {
    check: 'readiness-probe',
    source: HELLO,
    expected: {
      object: 'Deployment boutique-staging/the-deployment',
      message: 'container "the-container": no readinessProbe',
      file: 'kustomize-examples/helloWorld/deployment.yaml'
    }
  },
  {
    check: 'liveness-probe',
    source: 'kustomize: kustomize-examples/ldap/overlays/staging',
    expected: {
      object: 'Deployment boutique-staging/staging-ldap',
      message: 'container "ldap": no livenessProbe',
      file: 'kustomize-examples/ldap/base/deployment.yaml'
    }
  },
  {
    check: 'run-as-non-root',
    source: HELLO,
    expected: {
      object: 'Deployment boutique-staging/the-deployment',
      message: 'container "the-container": runAsNonRoot is not set: the container may run as root',
      file: 'kustomize-examples/helloWorld/deployment.yaml'
    }
  },
  {
    check: 'privileged',
    source: 'kustomize: manifests',
    root: broken(
      /^( +)- name: the-container$/m,
      '$1- name: the-container\n$1  securityContext: { privileged: true }'
    ),
    expected: {
      object: 'Deployment boutique-staging/the-deployment',
      message: 'container "the-container": runs privileged: it has full access to the node',
      file: 'manifests/deployment.yaml'
    }
  },
  {
    check: 'host-path',
    source: 'kustomize: manifests',
    root: broken(
      /^( +)containers:$/m,
      '$1volumes:\n$1- name: docker\n$1  hostPath: { path: /var/run/docker.sock }\n$1containers:'
    ),
    expected: {
      object: 'Deployment boutique-staging/the-deployment',
      message: 'volume "docker" mounts /var/run/docker.sock from the node (hostPath)',
      file: 'manifests/deployment.yaml'
    }
  },
  {
    check: 'service-selector',
    source: 'kustomize: manifests',
    root: () =>
      copyFixture('kustomize-examples/helloWorld', (files) =>
        files.map((f) =>
          f.name === 'service.yaml'
            ? { ...f, text: f.text.replace('deployment: hello', 'deployment: goodbye') }
            : f
        )
      ),
    expected: {
      object: 'Service boutique-staging/the-service',
      message: "selector app=hello,deployment=goodbye matches no workload's pods",
      file: 'manifests/service.yaml'
    }
  }
]

async function findingsFor(c: Case, level: 'error' | 'warn' | 'off') {
  const root = c.root ? c.root() : FIXTURES
  const config = parseConfig(
    fixtureConfig(c.source, `policy:\n  ${c.check}: ${level}\n`),
    'slipway.yaml'
  )
  const result = await renderEnvironment({ config, environment: 'staging', root })
  return result.findings
    .filter((f) => f.check === c.check)
    .map((f) => ({
      level: f.level,
      object: f.object,
      message: f.message,
      file: path.relative(root, f.location!.file),
      line: f.location!.line
    }))
}

describe('policy checks over the real manifests', () => {
  it('has a case for every check', () => {
    expect(CASES.map((c) => c.check).sort()).toEqual(Object.keys(POLICY_DEFAULTS).sort())
  })

  describe.each(CASES)('$check', (c) => {
    it('reports at error level when set to error', async () => {
      const findings = await findingsFor(c, 'error')
      expect(findings).toContainEqual({ level: 'error', line: expect.any(Number), ...c.expected })
    })

    it('reports as a warning when set to warn', async () => {
      const findings = await findingsFor(c, 'warn')
      expect(findings.length).toBeGreaterThan(0)
      expect(findings.every((f) => f.level === 'warning')).toBe(true)
    })

    it('reports nothing when off', async () => {
      expect(await findingsFor(c, 'off')).toEqual([])
    })
  })

  it('lets an environment override the top-level level', async () => {
    const config = parseConfig(
      fixtureConfig(HELLO, 'policy:\n  readiness-probe: error\n').replace(
        '    namespace: boutique-staging',
        '    namespace: boutique-staging\n    policy:\n      readiness-probe: off'
      ),
      'slipway.yaml'
    )
    const result = await renderEnvironment({ config, environment: 'staging', root: FIXTURES })
    expect(result.findings.filter((f) => f.check === 'readiness-probe')).toEqual([])
  })

  it('passes the Online Boutique workloads that set everything', async () => {
    const config = parseConfig(
      fixtureConfig('path: microservices-demo/kubernetes-manifests'),
      'slipway.yaml'
    )
    const result = await renderEnvironment({ config, environment: 'staging', root: FIXTURES })
    const frontend = result.findings.filter(
      (f) => f.object === 'Deployment boutique-staging/frontend'
    )
    expect(frontend.map((f) => f.check)).toEqual(['image-latest'])
  })
})
