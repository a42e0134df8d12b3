import { describe, expect, it } from '@jest/globals'
import {
  ar1VarianceInflation,
  biasCorrectedPhi,
  lag1Autocorrelation,
  serialMean
} from '../../src/core/canary/serial-variance.js'
import { studentTQuantileUpper } from '../../src/core/canary/student-t.js'
import { ar1, rng } from '../support/canary-sets.js'

describe('variance of a mean under AR(1) correlation', () => {
  it('is the finite sum 1 + 2 sum (1 - k/n) phi^k and tends to (1 + phi) / (1 - phi)', () => {
    for (const phi of [0, 0.3, 0.5, 0.8, 0.95]) {
      for (const n of [2, 10, 60, 360]) {
        let direct = 1
        for (let k = 1; k < n; k++) direct += 2 * (1 - k / n) * Math.pow(phi, k)
        expect(ar1VarianceInflation(phi, n)).toBeCloseTo(direct, 10)
      }
      expect(ar1VarianceInflation(phi, 1e9)).toBeCloseTo((1 + phi) / (1 - phi), 5)
    }
  })

  it('corrects the lag-1 estimate towards the true phi at small n (Monte Carlo)', () => {
    const random = rng(11)
    for (const phi of [0.5, 0.8]) {
      let raw = 0
      let corrected = 0
      const reps = 4000
      for (let r = 0; r < reps; r++) {
        const xs = ar1(random, 30, phi, 1)
        const m = xs.reduce((a, b) => a + b, 0) / xs.length
        const r1 = lag1Autocorrelation(xs, m)
        raw += r1 / reps
        corrected += biasCorrectedPhi(r1, 30) / reps
      }
      expect(Math.abs(corrected - phi)).toBeLessThan(Math.abs(raw - phi) / 2)
    }
  })

  it.each([
    [0, 30],
    [0.5, 30],
    [0.8, 30],
    [0.8, 60],
    [0.8, 360]
  ])(
    'at phi %p and n %p, gives a t interval (df = effective samples - 1) covering the mean about 99 %% of the time',
    (phi, n) => {
      const random = rng(100 + n + 1000 * phi)
      const reps = 1500
      let missed = 0
      let ratio = 0
      const truth = ar1VarianceInflation(phi, n) / n
      for (let r = 0; r < reps; r++) {
        const fit = serialMean(ar1(random, n, phi, 1))
        const t = studentTQuantileUpper(0.005, Math.max(1, fit.effectiveSamples - 1))
        if (Math.abs(fit.mean) > t * Math.sqrt(fit.variance)) missed++
        ratio += fit.variance / truth / reps
      }
      // At most the 2 % per family at 30 samples, else 1 % + 3.5 standard errors.
      expect(missed / reps).toBeLessThan(n < 60 ? 0.02 : 0.01 + 3.5 * Math.sqrt(0.01 / reps))
      expect(ratio).toBeGreaterThan(0.75)
      expect(ratio).toBeLessThan(n <= 60 ? 6 : 2)
    }
  )

  it('reports the effective number of independent samples', () => {
    const xs = ar1(rng(3), 100_000, 0.6, 1)
    const fit = serialMean(xs)
    expect(fit.phi).toBeCloseTo(0.6, 2)
    expect(fit.effectiveSamples / 100_000).toBeCloseTo(0.4 / 1.6, 1)
  })
})
