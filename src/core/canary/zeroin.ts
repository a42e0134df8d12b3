/**
 * Brent's root finder in the form R's uniroot uses (zeroin, Forsythe, Malcolm and Moler),
 * step for step, so roots of step functions (the rank-sum statistic) land on the same
 * floating-point values as R's and Kayenta's. f(lower) and f(upper) are given by the
 * caller, who usually has them already. An endpoint where f is exactly 0 is returned as
 * is; when the iterations run out the current best guess is returned, as R and Kayenta do.
 */
export function zeroin(
  f: (x: number) => number,
  lower: number,
  upper: number,
  fLower: number,
  fUpper: number,
  tolerance = 1e-4,
  maxIterations = 1000
): number {
  let a = lower
  let b = upper
  let fa = fLower
  let fb = fUpper
  let c = a
  let fc = fa
  if (fa === 0) return a
  if (fb === 0) return b

  for (let left = maxIterations + 1; left > 0; left--) {
    const previousStep = b - a
    if (Math.abs(fc) < Math.abs(fb)) {
      // Make b the best approximation so far.
      a = b
      b = c
      c = a
      fa = fb
      fb = fc
      fc = fa
    }
    const actualTolerance = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2
    let step = (c - b) / 2
    if (Math.abs(step) <= actualTolerance || fb === 0) return b

    if (Math.abs(previousStep) >= actualTolerance && Math.abs(fa) > Math.abs(fb)) {
      // Try interpolation: linear with two distinct points, inverse quadratic with three.
      const cb = c - b
      let p: number
      let q: number
      if (a === c) {
        const t1 = fb / fa
        p = cb * t1
        q = 1 - t1
      } else {
        const qa = fa / fc
        const t1 = fb / fc
        const t2 = fb / fa
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
        q = (qa - 1) * (t1 - 1) * (t2 - 1)
      }
      if (p > 0) q = -q
      else p = -p
      if (
        p < 0.75 * cb * q - Math.abs(actualTolerance * q) / 2 &&
        p < Math.abs((previousStep * q) / 2)
      ) {
        step = p / q
      }
    }
    if (Math.abs(step) < actualTolerance) step = step > 0 ? actualTolerance : -actualTolerance

    a = b
    fa = fb
    b += step
    fb = f(b)
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a
      fc = fa
    }
  }
  return b
}
