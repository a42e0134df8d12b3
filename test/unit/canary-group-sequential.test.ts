import { describe, expect, it } from '@jest/globals'
import {
  boundaryAtLook,
  obrienFlemingBoundaries,
  obrienFlemingSpent
} from '../../src/core/canary/group-sequential.js'

const equal = (looks: number) => Array.from({ length: looks }, (_, i) => (i + 1) / looks)

describe("Lan-DeMets O'Brien-Fleming boundaries", () => {
  it('spend nothing at 0, alpha at 1, and 2(1 - Phi(z / sqrt t)) between', () => {
    expect(obrienFlemingSpent(0, 0.025)).toBe(0)
    expect(obrienFlemingSpent(1, 0.025)).toBe(0.025)
    // z_0.9875 = 2.2414027; at t = 1/4, 2 * (1 - Phi(4.4828055)) = 7.36681e-6 (Python statistics).
    expect(obrienFlemingSpent(0.25, 0.025)).toBeCloseTo(7.36681e-6, 10)
  })

  it('is the fixed-sample critical value for one look', () => {
    expect(obrienFlemingBoundaries([1], 0.05)[0]).toBeCloseTo(1.959964, 5)
    expect(obrienFlemingBoundaries([1], 0.01)[0]).toBeCloseTo(2.575829, 5)
  })

  // gsDesign's gsDesign(k, test.type = 2, alpha = 0.025, sfu = sfLDOF) bounds, as in its manual.
  it.each([
    [3, [3.7103, 2.5114, 1.993]],
    [4, [4.3326, 2.9631, 2.359, 2.0141]],
    [5, [4.8769, 3.3569, 2.6803, 2.2898, 2.031]]
  ])('matches the published values for %i equally spaced looks', (looks, published) => {
    const bounds = obrienFlemingBoundaries(equal(looks as number), 0.05)
    ;(published as number[]).forEach((value, i) => expect(bounds[i]).toBeCloseTo(value, 3))
  })

  it('gives look k of K from the equally spaced set', () => {
    expect(boundaryAtLook(3, 5, 0.05)).toBeCloseTo(2.6803, 3)
  })
})

describe('the boundaries keep the level over all looks', () => {
  it('crosses at any of 12 looks about alpha of the time under no change (simulated Brownian motion)', () => {
    // Independent check of the recursion: Z_k = S_k / sqrt(t_k) with S a random walk.
    const looks = 12
    const bounds = obrienFlemingBoundaries(equal(looks), 0.05)
    let state = 12345
    const uniform = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return (state + 0.5) / 4294967296
    }
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
    const runs = 40_000
    let crossed = 0
    for (let r = 0; r < runs; r++) {
      let s = 0
      for (let k = 1; k <= looks; k++) {
        s += normal() * Math.sqrt(1 / looks)
        if (Math.abs(s / Math.sqrt(k / looks)) >= bounds[k - 1]) {
          crossed++
          break
        }
      }
    }
    // 0.05 +- 3.5 standard errors of a proportion over 40,000 runs.
    expect(Math.abs(crossed / runs - 0.05)).toBeLessThan(3.5 * Math.sqrt((0.05 * 0.95) / runs))
  })
})

describe('the boundaries at small levels and many looks', () => {
  it('stay finite and decreasing for 12 looks at alpha 0.01, ending near the one-look 2.576', () => {
    const bounds = obrienFlemingBoundaries(equal(12), 0.01)
    expect(bounds.every(Number.isFinite)).toBe(true)
    for (let k = 1; k < 12; k++) expect(bounds[k]).toBeLessThan(bounds[k - 1])
    expect(bounds[11]).toBeGreaterThan(2.576)
    expect(bounds[11]).toBeLessThan(2.7)
  })
})
