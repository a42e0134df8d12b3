import { describe, expect, it } from '@jest/globals'
import { diffObjects, hasChanges } from '../../src/core/manifests/diff.js'
import { diffMarkdown } from '../../src/core/manifests/diff-markdown.js'
import type { KubeObject } from '../../src/core/manifests/manifest.js'
import {
  commentMarker,
  commentRequest,
  diffCommentBody
} from '../../src/core/manifests/pr-comment.js'

const deployment = (image: string, replicas = 2, commit = 'aaa'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'hello',
    namespace: 'staging',
    annotations: { 'slipway.dev/commit': commit, team: 'x' }
  },
  spec: {
    replicas,
    template: {
      metadata: { annotations: { 'slipway.dev/release': commit } },
      spec: {
        containers: [
          { name: 'app', image, env: [{ name: 'A', value: '1' }] },
          { name: 'proxy', image: 'envoy:1' }
        ]
      }
    }
  }
})
const configMap = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'staging' },
  data: { a: '1' }
})

describe('diff of two renders', () => {
  it('lists added, changed (with the changed fields) and removed objects', () => {
    const before = [deployment('hello@sha256:1'), configMap('old'), configMap('same')]
    const after = [deployment('hello@sha256:2', 3, 'bbb'), configMap('same'), configMap('new')]
    const diff = diffObjects(before, after)
    expect(diff).toEqual({
      added: [{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'staging', name: 'new' }],
      changed: [
        {
          id: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'staging', name: 'hello' },
          paths: ['spec.replicas', 'spec.template.spec.containers[app].image']
        }
      ],
      removed: [{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'staging', name: 'old' }],
      unchanged: 1
    })
    expect(hasChanges(diff)).toBe(true)
  })

  it('does not count the annotations every release changes', () => {
    const diff = diffObjects([deployment('x', 2, 'aaa')], [deployment('x', 2, 'bbb')])
    expect(diff.unchanged).toBe(1)
    expect(hasChanges(diff)).toBe(false)
  })

  it('matches list items by name, so a reordered container list is not a change of every field', () => {
    const reordered = deployment('x')
    const containers = (reordered.spec as { template: { spec: { containers: unknown[] } } })
      .template.spec.containers
    containers.reverse()
    expect(diffObjects([deployment('x')], [reordered]).unchanged).toBe(1)
  })

  it('writes a Markdown summary', () => {
    const diff = diffObjects(
      [deployment('a'), configMap('old')],
      [deployment('b'), configMap('new')]
    )
    expect(diffMarkdown(diff, { environment: 'staging', against: 'release 41' })).toBe(
      [
        '### Changes to staging',
        '',
        '1 added, 1 changed, 1 removed, 0 unchanged, compared with release 41.',
        '',
        '| Change | Object | Changed fields |',
        '| --- | --- | --- |',
        '| added | ConfigMap staging/new |  |',
        '| changed | Deployment staging/hello | `spec.template.spec.containers[app].image` |',
        '| removed | ConfigMap staging/old |  |',
        ''
      ].join('\n')
    )
    expect(diffMarkdown(diffObjects([], []), { environment: 'staging', against: 'x' })).toBe(
      '### Changes to staging\n\n0 added, 0 changed, 0 removed, 0 unchanged, compared with x.\n'
    )
  })
})

describe('the pull-request comment', () => {
  const diff = diffObjects([configMap('old')], [configMap('new')])
  const body = diffCommentBody(diff, {
    environment: 'staging',
    against: 'main',
    commit: 'abcdef0123456789'
  })
  const target = { owner: 'acme', repo: 'hello', pullNumber: 7 }

  it('starts with a hidden marker per environment', () => {
    expect(body.startsWith(`${commentMarker('staging')}\n### Changes to staging`)).toBe(true)
    expect(commentMarker('staging')).toBe('<!-- slipway:render-diff:staging -->')
    expect(body).toContain('<sub>Rendered at abcdef012345 by slipway.</sub>')
  })

  it('is created when the pull request has none', () => {
    expect(commentRequest(target, [{ id: 1, body: 'LGTM' }], body)).toEqual({
      method: 'POST',
      path: '/repos/acme/hello/issues/7/comments',
      body: { body }
    })
  })

  it('is updated in place when one carries the marker, and only that environment’s', () => {
    const existing = [
      { id: 1, body: 'LGTM' },
      { id: 2, body: `${commentMarker('production')}\nold` },
      { id: 3, body: `${commentMarker('staging')}\nold` }
    ]
    expect(commentRequest(target, existing, body)).toEqual({
      method: 'PATCH',
      path: '/repos/acme/hello/issues/comments/3',
      body: { body }
    })
  })
})
