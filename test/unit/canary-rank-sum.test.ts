import { describe, expect, it } from '@jest/globals'
import { ShiftedRankSum, sortFloat64 } from '../../src/core/canary/index.js'
import { seededRandom as generator } from '../support/random.js'

/** Ranks by definition: mid-ranks of the pooled sample, O(N^2), for checking only. */
function naiveRankSum(x: number[], y: number[], d: number): { rankSum: number; tieTerm: number } {
  const pooled = [...x.map((v) => v - d), ...y]
  const rank = (v: number) =>
    pooled.filter((w) => w < v).length + (pooled.filter((w) => w === v).length + 1) / 2
  const rankSum = x.reduce((sum, v) => sum + rank(v - d), 0)
  const sizes = new Map<number, number>()
  for (const v of pooled) sizes.set(v, (sizes.get(v) ?? 0) + 1)
  let tieTerm = 0
  for (const t of sizes.values()) tieTerm += t * t * t - t
  return { rankSum, tieTerm }
}

function expectSortedLikeBuiltIn(values: number[]): void {
  const expected = Float64Array.from(values).sort()
  const actual = sortFloat64(values)
  expect(actual.length).toBe(values.length)
  const same = actual.every((v, i) => Object.is(v, expected[i]))
  expect(same).toBe(true)
}

describe('sortFloat64', () => {
  it('orders like the built-in sort, radix path included', () => {
    const random = generator(3)
    const special = [
      0,
      -0,
      1e-310,
      -1e-310,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Infinity,
      -Infinity,
      1,
      1,
      -1
    ]
    for (const n of [0, 1, 5, 255, 256, 1000, 5000]) {
      const values = Array.from({ length: n }, (_, i) =>
        i < special.length ? special[i] : (random() - 0.5) * 10 ** Math.floor(random() * 20 - 10)
      )
      expectSortedLikeBuiltIn(values)
    }
  })

  it('sorts values that share their high bits: long runs, short runs, repeats', () => {
    const random = generator(5)
    expectSortedLikeBuiltIn(Array.from({ length: 3000 }, () => 0.0333 + 1e-9 * random()))
    expectSortedLikeBuiltIn(
      Array.from({ length: 3000 }, () => 100 + 1e-4 * Math.floor(random() * 400))
    )
    expectSortedLikeBuiltIn(Array.from({ length: 3000 }, () => Math.round(random() * 20) - 10))
    expectSortedLikeBuiltIn(Array.from({ length: 3000 }, (_, i) => (i % 2 ? 0 : -0)))
  })
})

describe('ShiftedRankSum', () => {
  it('agrees with ranks by definition at many shifts, with and without ties', () => {
    const random = generator(11)
    for (const step of [0, 1, 0.5]) {
      const draw = (n: number, mean: number) =>
        Array.from({ length: n }, () => {
          const v = mean + 10 * (random() + random() + random() - 1.5)
          return step === 0 ? v : Math.round(v / step) * step
        })
      const x = draw(40, 101)
      const y = draw(35, 100)
      const samples = new ShiftedRankSum(x, y)
      for (const d of [
        0,
        1,
        -2,
        0.25,
        3.5,
        samples.x[0] - samples.y[34],
        samples.x[39] - samples.y[0],
        1 / 3
      ]) {
        samples.evaluate(d)
        expect({ rankSum: samples.rankSum, tieTerm: samples.tieTerm }).toEqual(
          naiveRankSum(x, y, d)
        )
      }
    }
  })

  it('agrees with ranks by definition when the merge runs as two chains', () => {
    const random = generator(23)
    for (const step of [0, 1, 0.1]) {
      const draw = (n: number, mean: number) =>
        Array.from({ length: n }, () => {
          const v = mean + 40 * (random() + random() - 1)
          return step === 0 ? v : Math.round(v / step) * step
        })
      const x = draw(600, 105)
      const y = draw(450, 100)
      const samples = new ShiftedRankSum(x, y)
      // Far apart, lopsided (one chain much longer than the other) and in the middle; each
      // from a fresh object so that the merge runs, then once more after the last shift.
      for (const d of [0, 5, -33, 37.5, 70, -70, samples.x[599] - samples.y[1], 1 / 7]) {
        const fresh = new ShiftedRankSum(x, y)
        fresh.evaluate(d)
        const expected = naiveRankSum(x, y, d)
        expect({ rankSum: fresh.rankSum, tieTerm: fresh.tieTerm }).toEqual(expected)
        samples.evaluate(d)
        expect({ rankSum: samples.rankSum, tieTerm: samples.tieTerm }).toEqual(expected)
        fresh.evaluate(d + 1e-9)
        expect({ rankSum: fresh.rankSum, tieTerm: fresh.tieTerm }).toEqual(
          naiveRankSum(x, y, d + 1e-9)
        )
      }
    }
  })

  it('gives the same answer from the last positions as from a fresh merge, near or far', () => {
    const random = generator(17)
    for (const step of [0, 1]) {
      const draw = (n: number) =>
        Array.from({ length: n }, () => {
          const v = 100 + 30 * (random() + random() - 1)
          return step === 0 ? v : Math.round(v)
        })
      const x = draw(700)
      const y = draw(900)
      const reused = new ShiftedRankSum(x, y)
      let d = 0
      for (let k = 0; k < 300; k++) {
        // Mostly small moves, as a root finder makes, sometimes a jump; integers give ties.
        d =
          k % 25 === 0
            ? 60 * (random() - 0.5)
            : d + (random() - 0.5) * 10 ** -Math.floor(random() * 6)
        if (k % 40 === 0) d = Math.round(d)
        const fresh = new ShiftedRankSum(x, y)
        fresh.evaluate(d)
        reused.evaluate(d)
        expect([reused.rankSum, reused.tieTerm]).toEqual([fresh.rankSum, fresh.tieTerm])
      }
    }
  })

  it('counts ties that only the rounding of x - d creates', () => {
    // 0.1 + 2^-55 and 0.1 differ, but both minus -1 round to the same double.
    const x = [0.1, 0.1 + 2 ** -55, 0.3]
    const y = [5, 6]
    expect(x[1]).not.toBe(x[0])
    expect(x[1] + 1).toBe(x[0] + 1)
    const samples = new ShiftedRankSum(x, y)
    samples.evaluate(-1)
    expect({ rankSum: samples.rankSum, tieTerm: samples.tieTerm }).toEqual(naiveRankSum(x, y, -1))
    expect(samples.tieTerm).toBe(6)
  })
})
