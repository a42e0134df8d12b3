// The render pipeline over real manifests no one here wrote: Online Boutique's plain manifests
// and kustomize overlays, and kustomize's own examples (../shared/fixtures/manifests).
import { describe, expect, it } from '@jest/globals'
import { parseAllDocuments } from 'yaml'
import { parseConfig } from '../../src/core/config/index.js'
import { renderEnvironment, type RenderResult } from '../../src/core/manifests/pipeline.js'
import { containersOf, podSpecOf } from '../../src/core/manifests/pod-specs.js'
import { FIXTURES, copyFixture, digest, fixtureConfig, shuffle } from './render-helpers.js'

const BOUTIQUE = 'us-central1-docker.pkg.dev/google-samples/microservices-demo'
const RELEASE = `${BOUTIQUE}/frontend@${digest('frontend')}`

function imagesOf(result: RenderResult): string[] {
  return result.objects.flatMap(({ object }) => {
    const pod = podSpecOf(object)
    return pod ? containersOf(pod).map((c) => String(c.container.image)) : []
  })
}

async function render(
  source: string,
  options: { image?: string; extra?: string; root?: string } = {}
) {
  const config = parseConfig(fixtureConfig(source, options.extra), 'slipway.yaml')
  return renderEnvironment({
    config,
    environment: 'staging',
    root: options.root ?? FIXTURES,
    image: options.image,
    commit: '0123456789abcdef0123456789abcdef01234567'
  })
}

describe('rendering the Online Boutique plain manifests', () => {
  const source = 'path: microservices-demo/kubernetes-manifests\n  image: frontend'

  it('pins every use of the released image, and no other image', async () => {
    const result = await render(source, { image: RELEASE })
    expect(result.pinned.map((p) => [p.object, p.container])).toEqual([
      ['Deployment boutique-staging/frontend', 'server']
    ])
    const images = imagesOf(result)
    expect(images.filter((i) => i.includes('frontend'))).toEqual([
      `${BOUTIQUE}/frontend@${digest('frontend')}`
    ])
    expect(images).toContain('redis:alpine')
    expect(images).toContain('cartservice')
    expect(images).toContain(
      'busybox:1.38.0@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d'
    )
  })

  it('accepts every object: no schema errors', async () => {
    const result = await render(source, { image: RELEASE })
    expect(result.findings.filter((f) => f.check === 'schema')).toEqual([])
    expect(result.objects).toHaveLength(35)
  })

  it('defaults namespaces, stamps the release and sorts into install order', async () => {
    const result = await render(source, { image: RELEASE })
    const kinds = result.objects.map((o) => o.id.kind)
    expect([...new Set(kinds)]).toEqual(['ServiceAccount', 'Service', 'Deployment'])
    expect(result.objects.every((o) => o.id.namespace === 'boutique-staging')).toBe(true)
    const frontend = result.objects.find(
      (o) => o.id.kind === 'Deployment' && o.id.name === 'frontend'
    )!
    const metadata = frontend.object.metadata as {
      labels: Record<string, string>
      annotations: Record<string, string>
    }
    expect(metadata.labels['slipway.dev/environment']).toBe('staging')
    expect(metadata.labels['app.kubernetes.io/version']).toBe('0123456')
    expect(metadata.annotations['slipway.dev/commit']).toBe(
      '0123456789abcdef0123456789abcdef01234567'
    )
    expect(metadata.annotations['slipway.dev/release']).toBe(
      `staging-${digest('frontend').slice(7, 19)}`
    )
    const spec = frontend.object.spec as {
      selector: { matchLabels: Record<string, string> }
      template: { metadata: { labels: Record<string, string> } }
    }
    expect(spec.selector.matchLabels).toEqual({ app: 'frontend' })
    expect(spec.template.metadata.labels['slipway.dev/environment']).toBe('staging')
  })

  it('gives byte-identical output across runs and whatever the order of files and documents', async () => {
    const first = await render(source, { image: RELEASE })
    const again = await render(source, { image: RELEASE })
    expect(again.yaml).toBe(first.yaml)
    expect(again.hash).toBe(first.hash)

    for (const seed of [1, 2, 3]) {
      const root = copyFixture('microservices-demo/kubernetes-manifests', (files) =>
        shuffle(files, seed).map(({ name, text }, index) => ({
          name: `${String(index).padStart(2, '0')}-${name}`,
          text: shuffle(
            text.split(/^---$/m).map((doc) => doc.trim()),
            seed
          ).join('\n---\n')
        }))
      )
      const shuffled = await render('path: manifests\n  image: frontend', { image: RELEASE, root })
      expect(shuffled.yaml).toBe(first.yaml)
    }
  })

  it('says so when the released image is used nowhere', async () => {
    const result = await render('path: microservices-demo/kubernetes-manifests', {
      image: `ghcr.io/acme/elsewhere@${digest('x')}`
    })
    expect(result.findings.filter((f) => f.check === 'release-image')).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/^image ghcr\.io\/acme\/hello is not used by any container/)
      })
    ])
  })
})

describe('rendering Online Boutique through kustomize', () => {
  const overlay =
    'kustomize: microservices-demo/kustomize/tests/service-mesh-istio-with-all-components'

  it('pins the released image in the kustomize output and accepts the built-in objects', async () => {
    const release = `us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/cartservice@${digest('cart')}`
    const result = await render(overlay, { image: release })
    expect(result.pinned.map((p) => p.object)).toEqual(['Deployment boutique-staging/cartservice'])
    expect(result.objects).toHaveLength(55)
    expect(result.findings.filter((f) => f.level === 'error')).toEqual([])
  })

  it('skips custom resources without a schema, with one warning per kind', async () => {
    const result = await render(overlay)
    const skipped = result.findings.filter((f) => f.check === 'crd-schema')
    expect(skipped.map((f) => f.message.replace(/ \(.*$/, ''))).toEqual([
      'no schema for gateway.networking.k8s.io/v1beta1 Gateway',
      'no schema for gateway.networking.k8s.io/v1beta1 HTTPRoute',
      'no schema for networking.istio.io/v1alpha3 ServiceEntry',
      'no schema for networking.istio.io/v1alpha3 VirtualService'
    ])
    expect(skipped.every((f) => f.level === 'warning')).toBe(true)
  })

  it('is byte-identical whatever the order of the kustomization resources', async () => {
    const first = await render(overlay)
    const root = copyFixture('microservices-demo/kustomize', (files) =>
      files.map((file) =>
        file.name === 'base/kustomization.yaml'
          ? {
              ...file,
              text: file.text.replace(
                /(- [a-z]+\.yaml\n)+/,
                (m) => shuffle(m.trimEnd().split('\n'), 7).join('\n') + '\n'
              )
            }
          : file
      )
    )
    const again = await render(
      'kustomize: manifests/tests/service-mesh-istio-with-all-components',
      { root }
    )
    expect(again.yaml).toBe(first.yaml)
  })
})

describe('rendering the kustomize examples', () => {
  it.each([
    ['kustomize-examples/helloWorld', 3],
    ['kustomize-examples/ldap/overlays/production', 3],
    ['kustomize-examples/ldap/overlays/staging', 4],
    ['kustomize-examples/multibases', 3],
    ['kustomize-examples/wordpress', 5],
    ['kustomize-examples/springboot/overlays/production', 3]
  ])('%s renders %i valid objects', async (dir, count) => {
    const result = await render(`kustomize: ${dir}`)
    expect(result.objects).toHaveLength(count)
    expect(result.findings.filter((f) => f.check === 'schema')).toEqual([])
    const docs = parseAllDocuments(result.yaml)
    expect(docs).toHaveLength(count)
  })

  it('rejects the example whose Deployment claims apiVersion v1, at its file and line', async () => {
    const result = await render('kustomize: kustomize-examples/transformerconfigs/images')
    expect(result.findings.filter((f) => f.check === 'schema')).toEqual([
      expect.objectContaining({
        message: 'kind: v1 has no kind Deployment (schemas of kubernetes-models 4.5.1)',
        location: {
          file: `${FIXTURES}/kustomize-examples/transformerconfigs/images/resources.yaml`,
          line: 17
        }
      })
    ])
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        check: 'crd-schema',
        object: 'MyKind boutique-staging/testSvc'
      })
    )
  })
})
