// Broken copies of the real fixtures: each mistake is rejected at the file and line a person
// would open to fix it.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseConfig } from '../../src/core/config/index.js'
import { UserError, UserErrors } from '../../src/core/errors.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'
import { copyFixture, fixtureConfig, type FixtureFile } from './render-helpers.js'

function edit(name: string, from: string | RegExp, to: string) {
  return (files: FixtureFile[]) =>
    files.map((file) => {
      if (file.name !== name) return file
      const text = file.text.replace(from, to)
      if (text === file.text) throw new Error(`${from} not found in ${name}`)
      return { ...file, text }
    })
}

async function render(root: string, source: string, configText?: string) {
  const text = configText ?? fixtureConfig(source)
  const configFile = path.join(root, 'slipway.yaml')
  writeFileSync(configFile, text)
  return renderEnvironment({
    config: parseConfig(text, configFile),
    environment: 'staging',
    root,
    configFile
  })
}

async function errorsOf(root: string, source: string) {
  const result = await render(root, source)
  return result.findings
    .filter((f) => f.level === 'error' && f.check !== 'image-latest') // skaffold's short names
    .map((f) => ({
      message: f.message,
      file: path.relative(root, f.location!.file),
      line: f.location!.line
    }))
}

async function thrown(promise: Promise<unknown>): Promise<UserError[]> {
  try {
    await promise
  } catch (error) {
    if (error instanceof UserErrors) return error.errors
    if (error instanceof UserError) return [error]
    throw error
  }
  throw new Error('expected a UserError')
}

const PLAIN = 'microservices-demo/kubernetes-manifests'

describe('a broken copy of the plain manifests', () => {
  it('rejects a field of the wrong type on its line', async () => {
    const root = copyFixture(
      PLAIN,
      edit('frontend.yaml', '- containerPort: 8080', '- containerPort: "8080"')
    )
    expect(await errorsOf(root, 'path: manifests')).toContainEqual({
      message:
        'spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "8080"',
      file: 'manifests/frontend.yaml',
      line: 49
    })
  })

  it('rejects an unknown field on its line', async () => {
    const root = copyFixture(
      PLAIN,
      edit(
        'adservice.yaml',
        /^( +)image: adservice$/m,
        '$1image: adservice\n$1imagePullPolicyy: Always'
      )
    )
    expect(await errorsOf(root, 'path: manifests')).toContainEqual({
      message:
        'spec.template.spec.containers[0].imagePullPolicyy: is not a field of this kind (unknown field)',
      file: 'manifests/adservice.yaml',
      line: 47
    })
  })

  it('rejects a missing required field at its parent', async () => {
    const root = copyFixture(
      PLAIN,
      edit('emailservice.yaml', /^ {2}selector:\n {4}matchLabels:\n {6}app: emailservice\n/m, '')
    )
    const errors = await errorsOf(root, 'path: manifests')
    expect(errors).toContainEqual(
      expect.objectContaining({
        message: 'spec.selector: is required',
        file: 'manifests/emailservice.yaml'
      })
    )
  })

  it('rejects bad YAML with its file and line', async () => {
    const root = copyFixture(
      PLAIN,
      edit(
        'cartservice.yaml',
        /^ {2}name: cartservice$/m,
        '  name: cartservice\n   bad: indentation'
      )
    )
    const errors = await thrown(render(root, 'path: manifests'))
    expect(errors.map((e) => [path.relative(root, e.location!.file), e.location!.line])).toEqual([
      ['manifests/cartservice.yaml', 18]
    ])
    expect(errors[0].message).toMatch(/^invalid YAML: /)
  })

  it('rejects the same object defined twice, at the second, naming the first', async () => {
    const root = copyFixture(PLAIN, (files) => [
      ...files,
      {
        name: 'zz-copy.yaml',
        text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: frontend\n'
      }
    ])
    const errors = await errorsOf(root, 'path: manifests')
    expect(errors).toEqual([
      {
        message: expect.stringMatching(
          /^defined twice \(first at .*manifests\/frontend\.yaml:\d+\)/
        ),
        file: 'manifests/zz-copy.yaml',
        line: 1
      }
    ])
  })

  it('refuses a manifests path that leaves the repository, on its line in slipway.yaml', async () => {
    const root = copyFixture(PLAIN)
    const errors = await thrown(render(root, 'path: ../outside'))
    expect(
      errors.map((e) => [e.message, path.basename(e.location!.file), e.location!.line])
    ).toEqual([['manifests.path: "../outside" points outside the repository', 'slipway.yaml', 4]])
  })

  it('refuses a symbolic link out of the repository', async () => {
    const root = copyFixture(PLAIN)
    symlinkSync('/etc/hostname', path.join(root, 'manifests', 'escape.yaml'))
    const errors = await thrown(render(root, 'path: manifests'))
    expect(errors.map((e) => [e.message, path.relative(root, e.location!.file)])).toEqual([
      ['a symbolic link that points outside the repository', 'manifests/escape.yaml']
    ])
  })
})

describe('a broken copy of a kustomize overlay', () => {
  const overlay = 'kustomize: manifests/overlays/production'

  it('points a bad value set by a patch at the patch', async () => {
    const root = copyFixture(
      'kustomize-examples/ldap',
      edit('overlays/production/deployment.yaml', 'replicas: 6', 'replicas: six')
    )
    expect(await errorsOf(root, overlay)).toEqual([
      {
        message: 'spec.replicas: expected integer, got string "six"',
        file: 'manifests/overlays/production/deployment.yaml',
        line: 6
      }
    ])
  })

  it('points a bad value in the base at the base file', async () => {
    const root = copyFixture(
      'kustomize-examples/ldap',
      edit('base/deployment.yaml', 'containerPort: 389', 'containerPort: ldap')
    )
    expect(await errorsOf(root, overlay)).toEqual([
      {
        message:
          'spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "ldap"',
        file: 'manifests/base/deployment.yaml',
        line: 33
      }
    ])
  })

  it('points an unknown field at the base file, whatever the overlay prefix', async () => {
    const root = copyFixture(
      'kustomize-examples/ldap',
      edit('base/service.yaml', /^spec:$/m, 'spec:\n  clusterIp: None')
    )
    const errors = await errorsOf(root, overlay)
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'spec.clusterIp: is not a field of this kind (unknown field)',
        file: 'manifests/base/service.yaml'
      })
    ])
  })

  it('refuses a kustomization resource outside the repository, on its line', async () => {
    const root = copyFixture(
      'kustomize-examples/ldap',
      edit(
        'overlays/production/kustomization.yaml',
        '  - ../../base',
        '  - ../../base\n  - ../../../../../etc'
      )
    )
    const errors = await thrown(render(root, overlay))
    expect(
      errors.map((e) => [e.message, path.relative(root, e.location!.file), e.location!.line])
    ).toEqual([
      [
        'resources[1]: "../../../../../etc" points outside the repository',
        'manifests/overlays/production/kustomization.yaml',
        3
      ]
    ])
  })

  it('reports a kustomize failure as one error on the overlay', async () => {
    const root = copyFixture(
      'kustomize-examples/ldap',
      edit(
        'overlays/production/kustomization.yaml',
        '  - ../../base',
        '  - ../../base\n  - missing.yaml'
      )
    )
    const errors = await thrown(render(root, overlay))
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(
      /^kustomize failed on manifests\/overlays\/production: .*missing\.yaml/
    )
    expect(path.relative(root, errors[0].location!.file)).toBe('manifests/overlays/production')
  })
})

describe('CRD schemas', () => {
  const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: virtualservices.networking.istio.io
spec:
  group: networking.istio.io
  scope: Namespaced
  names: { kind: VirtualService, plural: virtualservices }
  versions:
    - name: v1alpha3
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                hosts: { type: array, items: { type: string } }
                gateways: { type: array, items: { type: string } }
                http: { type: array, items: { type: object, x-kubernetes-preserve-unknown-fields: true } }
`
  const istio = 'manifests/components/service-mesh-istio'

  function withCrd(files: FixtureFile[]) {
    return [...files, { name: 'crds/virtualservice.yaml', text: crd }]
  }

  it('validates custom resources against a configured CRD', async () => {
    const root = copyFixture('microservices-demo/kustomize', withCrd)
    mkdirSync(path.join(root, 'crds'), { recursive: true })
    writeFileSync(path.join(root, 'crds', 'virtualservice.yaml'), crd)
    const text = fixtureConfig(
      `kustomize: manifests/tests/service-mesh-istio-with-all-components`,
      'validation:\n  crd-schemas: [crds]\n'
    )
    const result = await render(root, '', text)
    const kinds = result.findings.filter((f) => f.check === 'crd-schema').map((f) => f.message)
    expect(kinds.join('\n')).not.toMatch(/VirtualService/)
    expect(result.findings.filter((f) => f.level === 'error')).toEqual([])
  })

  it('rejects a custom resource that breaks its CRD schema, at the field', async () => {
    const root = copyFixture(
      'microservices-demo/kustomize',
      edit(
        'components/service-mesh-istio/frontend.yaml',
        /hosts:\n +- "frontend.default.svc.cluster.local"/,
        'hosts: "frontend"'
      )
    )
    mkdirSync(path.join(root, 'crds'), { recursive: true })
    writeFileSync(path.join(root, 'crds', 'virtualservice.yaml'), crd)
    const text = fixtureConfig(
      `kustomize: manifests/tests/service-mesh-istio-with-all-components`,
      'validation:\n  crd-schemas: [crds]\n'
    )
    const result = await render(root, '', text)
    const errors = result.findings.filter((f) => f.level === 'error')
    expect(errors.map((f) => [f.message, path.relative(root, f.location!.file)])).toEqual([
      ['spec.hosts: expected array, got string "frontend"', `${istio}/frontend.yaml`]
    ])
  })

  it('makes a custom resource without a schema an error when skip-unknown-crds is false', async () => {
    const root = copyFixture('microservices-demo/kustomize')
    const text = fixtureConfig(
      `kustomize: manifests/tests/service-mesh-istio-with-all-components`,
      'validation:\n  skip-unknown-crds: false\n'
    )
    const result = await render(root, '', text)
    expect(result.findings.filter((f) => f.level === 'error').map((f) => f.check)).toEqual([
      'crd-schema',
      'crd-schema',
      'crd-schema',
      'crd-schema'
    ])
  })
})
