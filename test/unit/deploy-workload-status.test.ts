import { describe, expect, it } from '@jest/globals'
import { selectorMatches, workloadStatus } from '../../src/core/deploy/workload-status.js'

// Label selectors as the Kubernetes documentation defines them ("Labels and Selectors": the
// requirements of matchLabels and matchExpressions are ANDed; NotIn and DoesNotExist match objects
// without the key), and rollout completion as `kubectl rollout status` reports it.

describe('selectorMatches', () => {
  const labels = { app: 'shop', tier: 'web' }
  it.each([
    [{ matchLabels: { app: 'shop' } }, true],
    [{ matchLabels: { app: 'shop', tier: 'db' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, false],
    [{ matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] }, true],
    [{ matchExpressions: [{ key: 'track', operator: 'DoesNotExist' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [
      { matchLabels: { app: 'shop' }, matchExpressions: [{ key: 'track', operator: 'Exists' }] },
      false
    ],
    [{}, false],
    [undefined, false]
  ])('%j selects {app: shop, tier: web}: %s', (selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected)
  })
})

describe('workloadStatus of a Deployment', () => {
  const deployment = (status: Record<string, unknown>, generation = 2) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop', generation },
    spec: { replicas: 3 },
    status: { observedGeneration: 2, ...status }
  })

  it('waits while the controller has not seen the new spec', () => {
    expect(
      workloadStatus(deployment({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }, 3)).state
    ).toBe('progressing')
  })
  it('waits for updated, then for old replicas to go, then for availability', () => {
    expect(
      workloadStatus(deployment({ updatedReplicas: 1, replicas: 4, availableReplicas: 3 })).message
    ).toBe('1 of 3 replicas updated')
    expect(
      workloadStatus(deployment({ updatedReplicas: 3, replicas: 4, availableReplicas: 3 })).message
    ).toBe('1 old replicas pending termination')
    expect(
      workloadStatus(deployment({ updatedReplicas: 3, replicas: 3, availableReplicas: 2 })).message
    ).toBe('2 of 3 updated replicas available')
  })
  it('is done when every replica is updated and available', () => {
    expect(
      workloadStatus(deployment({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 })).state
    ).toBe('done')
  })
  it("fails on ProgressDeadlineExceeded with the controller's message", () => {
    const status = workloadStatus(
      deployment({
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: 'ReplicaSet "shop-7c9d" has timed out progressing.'
          }
        ]
      })
    )
    expect(status).toEqual({
      state: 'failed',
      message: 'ProgressDeadlineExceeded: ReplicaSet "shop-7c9d" has timed out progressing.'
    })
  })
})
