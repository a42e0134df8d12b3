// The standard normal distribution, computed the way R computes it, so p-values and
// confidence intervals agree with R's wilcox.test to the last bits: the CDF by Cody's
// rational Chebyshev approximations (ACM TOMS 715, as in R's pnorm) and the quantile by
// Wichura's AS 241 (as in R's qnorm).

const SQRT_32 = 5.656854249492381
const ONE_OVER_SQRT_2PI = 0.3989422804014327
const HALF_EPSILON = Number.EPSILON * 0.5

const CENTRAL_NUM = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745
]
const CENTRAL_DEN = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673]
const MIDDLE_NUM = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8
]
const MIDDLE_DEN = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992
]
const TAIL_NUM = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  0.000029112874951168793, 0.023073441764940174
]
const TAIL_DEN = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
  0.00007297515550839662
]

/** P(Z <= x) for a standard normal Z. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN
  const y = Math.abs(x)
  if (y <= 0.67448975) {
    let num = 0
    let den = 0
    if (y > HALF_EPSILON) {
      const xsq = x * x
      num = CENTRAL_NUM[4] * xsq
      den = xsq
      for (let i = 0; i < 3; i++) {
        num = (num + CENTRAL_NUM[i]) * xsq
        den = (den + CENTRAL_DEN[i]) * xsq
      }
    }
    return 0.5 + (x * (num + CENTRAL_NUM[3])) / (den + CENTRAL_DEN[3])
  }
  // Both remaining branches compute the smaller tail at |x| and reflect it.
  let small: number
  if (y <= SQRT_32) {
    let num = MIDDLE_NUM[8] * y
    let den = y
    for (let i = 0; i < 7; i++) {
      num = (num + MIDDLE_NUM[i]) * y
      den = (den + MIDDLE_DEN[i]) * y
    }
    small = gaussianTail(y, (num + MIDDLE_NUM[7]) / (den + MIDDLE_DEN[7]))
  } else if (x > -37.5193 && x < 8.2924) {
    const xsq = 1 / (x * x)
    let num = TAIL_NUM[5] * xsq
    let den = xsq
    for (let i = 0; i < 4; i++) {
      num = (num + TAIL_NUM[i]) * xsq
      den = (den + TAIL_DEN[i]) * xsq
    }
    const ratio = (xsq * (num + TAIL_NUM[4])) / (den + TAIL_DEN[4])
    small = gaussianTail(y, (ONE_OVER_SQRT_2PI - ratio) / y)
  } else {
    return x > 0 ? 1 : 0
  }
  return x > 0 ? 1 - small : small
}

/** exp(-y²/2)·factor, with y² split so the exponent keeps its precision (Cody). */
function gaussianTail(y: number, factor: number): number {
  const head = Math.trunc(y * 16) / 16
  const del = (y - head) * (y + head)
  return Math.exp(-head * (head / 2)) * Math.exp(-(del / 2)) * factor
}

/**
 * The p-quantile of the standard normal distribution; with `upper`, the quantile of the
 * upper tail (R's qnorm(p, lower.tail = FALSE)), computed without forming 1 - p.
 */
export function normalQuantile(p: number, upper = false): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN
  if (p === 0) return upper ? Infinity : -Infinity
  if (p === 1) return upper ? -Infinity : Infinity
  const lowerP = upper ? 0.5 - p + 0.5 : p
  const q = lowerP - 0.5
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r +
          45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852854 + 28729.085735721943) * r + 39307.89580009271) * r +
        21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    )
  }
  // The smaller tail probability, taken from the argument itself where possible.
  const tail = q > 0 ? (upper ? p : 0.5 - p + 0.5) : lowerP
  let r = Math.sqrt(-Math.log(tail))
  let value: number
  if (r <= 5) {
    r += -1.6
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1)
  } else {
    r += -5
    value =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1)
  }
  return q < 0 ? -value : value
}
