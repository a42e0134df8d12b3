import { describe, expect, it } from '@jest/globals'
import type { Release } from '../../src/core/deploy/release-record.js'
import { decide, gatesAllow, onlyInconclusive } from '../../src/core/promote/gate.js'
import { evaluateGates, type GateInput } from '../../src/core/promote/gates.js'
import { chooseRelease } from '../../src/core/promote/source-release.js'

// The gates on release records as the deploy core writes them (the integration test reads
// real ones from the cluster); here the states and times that are slow to produce for real.

const digest = (c: string) => `sha256:${c.repeat(64)}`
function release(number: number, state: Release['state'], extra: Partial<Release> = {}): Release {
  const d = extra.digest ?? digest(String(number % 10))
  return {
    environment: 'staging',
    number,
    state,
    image: `ghcr.io/acme/shop@${d}`,
    digest: d,
    renderHash: 'sha256:0',
    objects: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'shop' },
        spec: {
          template: { spec: { containers: [{ name: 'shop', image: `ghcr.io/acme/shop@${d}` }] } }
        }
      }
    ],
    strategy: 'rolling',
    startedAt: `2026-12-01T0${number}:00:00.000Z`,
    finishedAt: `2026-12-01T0${number}:05:00.000Z`,
    slipwayVersion: 'test',
    ...extra
  }
}

const gates = {
  'require-scan': true,
  'require-analysis': true,
  approval: false,
  'allow-manual-decision': false
}
function input(history: Release[], extra: Partial<GateInput> = {}): GateInput {
  return {
    from: 'staging',
    to: 'production',
    release: history.find((r) => r.state === 'deployed') ?? history[0],
    history,
    gates,
    now: new Date('2026-12-01T12:00:00Z'),
    ...extra
  }
}
const byGate = (input: GateInput) =>
  Object.fromEntries(evaluateGates(input).map((g) => [g.gate, `${g.verdict}: ${g.reason}`]))

describe('promotion gates', () => {
  it('passes a release that soaked with passing verdicts', () => {
    const history = [release(1, 'deployed', { scanVerdict: 'pass', analysisVerdict: 'pass' })]
    expect(byGate(input(history, { soakMs: 3_600_000 }))).toEqual({
      provenance: `pass: ${digest('1')} was deployed in staging as release 1 at 2026-12-01T01:05:00.000Z`,
      soak: 'pass: live in staging for 655m (at least 1h)',
      scan: 'pass: the scan of release 1 passed',
      analysis: 'pass: the analysis of release 1 passed'
    })
  })

  it('never passes a missing or inconclusive verdict', () => {
    const history = [release(1, 'deployed', { analysisVerdict: 'inconclusive' })]
    const results = byGate(input(history))
    expect(results.scan).toMatch(/^inconclusive: no scan verdict recorded for release 1 of staging/)
    expect(results.analysis).toBe(
      'inconclusive: the analysis of release 1 was inconclusive, which is not a pass'
    )
    const failed = byGate(input([release(1, 'deployed', { scanVerdict: 'fail' })]))
    expect(failed.scan).toBe('fail: the scan of release 1 failed')
  })

  it('fails soak when a later release of the source failed, or the time is short', () => {
    const history = [release(2, 'failed'), release(1, 'deployed')]
    expect(byGate(input(history, { soakMs: 60_000 })).soak).toBe(
      'fail: release 2 of staging failed since release 1 went live'
    )
    const short = byGate(input([release(1, 'deployed')], { soakMs: 24 * 3_600_000 })).soak
    expect(short).toBe('fail: live in staging for 655m, needs 24h: 785m to go')
  })

  it('counts a superseded release as live until its successor was deployed', () => {
    const history = [release(3, 'deployed'), release(2, 'superseded')]
    const result = byGate(input(history, { release: history[1], soakMs: 3_600_000 }))
    expect(result.soak).toBe('pass: live in staging for 1h (at least 1h)')
    const longer = byGate(input(history, { release: history[1], soakMs: 7_200_000 }))
    expect(longer.soak).toBe(
      'fail: live in staging for only 1h before release 3 replaced it (needs 2h)'
    )
  })

  it('refuses provenance to a release that never reached deployed or was rolled back', () => {
    for (const state of ['failed', 'rolled-back', 'deploying'] as const) {
      const history = [release(2, state), release(1, 'superseded')]
      expect(byGate(input(history, { release: history[0] })).provenance).toMatch(
        new RegExp(`^fail: release 2 of staging is ${state}`)
      )
    }
    const unpinned = release(1, 'deployed', { digest: undefined, image: undefined })
    expect(byGate(input([unpinned])).provenance).toBe(
      'fail: release 1 of staging recorded no image digest'
    )
  })

  it('chooses the live release, or one by number or digest', () => {
    const history = [release(3, 'failed'), release(2, 'deployed'), release(1, 'superseded')]
    expect(chooseRelease('staging', history).number).toBe(2)
    expect(chooseRelease('staging', history, { number: 1 }).number).toBe(1)
    expect(chooseRelease('staging', history, { digest: `x@${digest('1')}` }).number).toBe(1)
    expect(() => chooseRelease('staging', history, { digest: digest('9') })).toThrow(
      /was never deployed in staging/
    )
    expect(() => chooseRelease('staging', [release(1, 'failed')])).toThrow(
      'no release is live in staging: deploy there first, or name a release with --digest'
    )
  })

  it('lets a person decide only when every gate not passing is inconclusive', () => {
    const inconclusive = evaluateGates(input([release(1, 'deployed', { scanVerdict: 'pass' })]))
    expect(gatesAllow(inconclusive)).toBe(false)
    expect(onlyInconclusive(inconclusive)).toBe(true)
    const decided = decide(inconclusive, 'alice: analysis broken by INC-9')
    expect(gatesAllow(decided)).toBe(true)
    expect(decided.find((g) => g.gate === 'analysis')?.reason).toMatch(
      /; decided: alice: analysis broken by INC-9$/
    )
    const failing = evaluateGates(input([release(1, 'deployed', { scanVerdict: 'fail' })]))
    expect(onlyInconclusive(failing)).toBe(false)
    expect(gatesAllow(decide(failing, 'alice'))).toBe(false)
  })
})
