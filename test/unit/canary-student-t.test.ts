import { describe, expect, it } from '@jest/globals'
import {
  incompleteBeta,
  studentTQuantileUpper,
  studentTUpper
} from '../../src/core/canary/student-t.js'

describe("Student's t", () => {
  // Critical values from the standard tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  it.each([
    [0.025, 5, 2.571],
    [0.005, 10, 3.169],
    [0.001, 3, 10.215],
    [0.005, 1, 63.657],
    [0.025, 30, 2.042],
    [0.0005, 100, 3.39]
  ])('upper %p quantile at %p degrees of freedom is %p', (p, df, t) => {
    expect(studentTQuantileUpper(p, df)).toBeCloseTo(t, 2)
  })

  it('has closed forms at 1 and 2 degrees of freedom, also between table rows', () => {
    // Cauchy: P(T > t) = 1/2 - atan(t) / pi; df = 2: P(T > t) = (1 - t / sqrt(2 + t^2)) / 2.
    for (const t of [0.3, 1, 4.2, 50]) {
      expect(studentTUpper(t, 1)).toBeCloseTo(0.5 - Math.atan(t) / Math.PI, 12)
      expect(studentTUpper(t, 2)).toBeCloseTo((1 - t / Math.sqrt(2 + t * t)) / 2, 12)
    }
    expect(studentTQuantileUpper(1e-6, 1)).toBeCloseTo(Math.tan(Math.PI * (0.5 - 1e-6)), 0)
  })

  it('tends to the normal for many degrees of freedom', () => {
    expect(studentTQuantileUpper(0.005, 1e7)).toBeCloseTo(2.575829, 4)
  })

  it('has I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b', () => {
    expect(incompleteBeta(0.3, 2.5, 1)).toBeCloseTo(Math.pow(0.3, 2.5), 12)
    expect(incompleteBeta(0.7, 1, 3.5)).toBeCloseTo(1 - Math.pow(0.3, 3.5), 12)
  })
})
