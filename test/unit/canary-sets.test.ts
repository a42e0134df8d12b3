import { describe, expect, it } from '@jest/globals'
import { ar1, canarySet, FAMILIES, PARAMETERS, rng, seedOf, SIZES } from '../support/canary-sets.js'

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length
}

function variance(xs: readonly number[]): number {
  const m = mean(xs)
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)
}

function lag1(xs: readonly number[]): number {
  const m = mean(xs)
  let num = 0
  let den = 0
  for (let i = 0; i < xs.length; i++) {
    den += (xs[i] - m) ** 2
    if (i > 0) num += (xs[i] - m) * (xs[i - 1] - m)
  }
  return num / den
}

describe('canary test sets', () => {
  it('are the same for the same seed and differ between seeds', () => {
    const a = canarySet('ar1-0.8', 60, 1.1, seedOf('ar1-0.8', 60, 1.1, 0))
    const b = canarySet('ar1-0.8', 60, 1.1, seedOf('ar1-0.8', 60, 1.1, 0))
    const c = canarySet('ar1-0.8', 60, 1.1, seedOf('ar1-0.8', 60, 1.1, 1))
    expect(a).toEqual(b)
    expect(a.canary).not.toEqual(c.canary)
  })

  it('give every family at every size both sides of the right length, all positive', () => {
    for (const family of FAMILIES) {
      for (const n of SIZES) {
        const set = canarySet(family, n, 1, seedOf(family, n, 1, 0))
        expect(set.canary).toHaveLength(n)
        expect(set.baseline).toHaveLength(n)
        expect([...set.canary, ...set.baseline].every((v) => Number.isFinite(v) && v >= 0)).toBe(
          true
        )
      }
    }
  })

  it.each([0.5, 0.8])(
    'AR(1) at phi %p keeps the marginal sd and has lag-1 correlation phi',
    (phi) => {
      const xs = ar1(rng(7), 200_000, phi, 0.3)
      expect(Math.sqrt(variance(xs))).toBeCloseTo(0.3, 2)
      expect(lag1(xs)).toBeCloseTo(phi, 2)
    }
  )

  it('shifts latency by the ratio asked for (geometric mean of the canary over the baseline)', () => {
    const logs = (xs: number[]) => mean(xs.map(Math.log))
    const set = canarySet('iid-lognormal', 100_000, 1.25, 3)
    expect(Math.exp(logs(set.canary) - logs(set.baseline))).toBeCloseTo(1.25, 2)
  })

  it('gives error ratios with the beta-binomial mean and variance', () => {
    const { requests: m, errorRate: p, concentration: s } = PARAMETERS
    const set = canarySet('error-ratio', 50_000, 2, 5)
    expect(mean(set.baseline)).toBeCloseTo(p, 3)
    expect(mean(set.canary) / mean(set.baseline)).toBeCloseTo(2, 1)
    // Var(X / m) = p (1 - p) (1 + (m - 1) / (s + 1)) / m for a beta-binomial.
    const expected = (p * (1 - p) * (1 + (m - 1) / (s + 1))) / m
    expect(variance(set.baseline) / expected).toBeCloseTo(1, 1)
  })
})
