// Seeded test sets for canary judges (issue #17): canary and baseline series on one time grid,
// in families that break the independence Kayenta's rule assumes, with known shifts.
import { seededRandom } from './random.js'

export type Family = 'iid-lognormal' | 'ar1-0.5' | 'ar1-0.8' | 'instances' | 'drift' | 'error-ratio'

export const FAMILIES: readonly Family[] = [
  'iid-lognormal',
  'ar1-0.5',
  'ar1-0.8',
  'instances',
  'drift',
  'error-ratio'
]
export const SIZES = [30, 60, 120, 360] as const
export const LATENCY_SHIFTS = [1, 1.05, 1.1, 1.25, 1.6] as const
export const ERROR_SHIFTS = [1, 1.5, 2, 4] as const

export function shiftsOf(family: Family): readonly number[] {
  return family === 'error-ratio' ? ERROR_SHIFTS : LATENCY_SHIFTS
}

/** The parameters, in one place so docs and bench can quote them. */
export const PARAMETERS = {
  /** Marginal sd of log-latency in every latency family (AR(1) ones included). */
  logSd: 0.3,
  /** Median latency of the baseline, ms. */
  level: 100,
  /** Instances per side, and the sd of each instance's fixed log-level offset. */
  instances: 3,
  instanceSd: 0.03,
  /** Shared drift: amplitude in log-latency over one slow sine period across the window. */
  driftAmplitude: 0.25,
  /** Error ratio: requests per step, base error probability, beta concentration (a + b). */
  requests: 2000,
  errorRate: 0.01,
  concentration: 50
} as const

export interface CanarySet {
  family: Family
  n: number
  shift: number
  canary: number[]
  baseline: number[]
}

export interface Rng {
  uniform: () => number
  normal: () => number
}

export function rng(seed: number): Rng {
  const uniform = seededRandom(seed)
  let spare: number | undefined
  const normal = () => {
    if (spare !== undefined) {
      const value = spare
      spare = undefined
      return value
    }
    let u = 0
    while (u === 0) u = uniform()
    const r = Math.sqrt(-2 * Math.log(u))
    const theta = 2 * Math.PI * uniform()
    spare = r * Math.sin(theta)
    return r * Math.cos(theta)
  }
  return { uniform, normal }
}

/** Stationary AR(1) with marginal sd `sd`, started from its stationary distribution. */
export function ar1(random: Rng, n: number, phi: number, sd: number): number[] {
  const innovation = sd * Math.sqrt(1 - phi * phi)
  const out = new Array<number>(n)
  let x = sd * random.normal()
  for (let i = 0; i < n; i++) {
    if (i > 0) x = phi * x + innovation * random.normal()
    out[i] = x
  }
  return out
}

/** Marsaglia and Tsang's gamma sampler (shape >= 1, boosted below 1). */
function gamma(random: Rng, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(random.uniform(), 1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = random.normal()
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = random.uniform()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
  }
}

function beta(random: Rng, a: number, b: number): number {
  const x = gamma(random, a)
  return x / (x + gamma(random, b))
}

/** Binomial by inversion; fine for the means of tens to hundreds used here. */
function binomial(random: Rng, trials: number, p: number): number {
  if (p <= 0) return 0
  if (p >= 1) return trials
  const u = random.uniform()
  let k = 0
  let pmf = Math.pow(1 - p, trials)
  let cdf = pmf
  while (cdf < u && k < trials) {
    pmf *= ((trials - k) / (k + 1)) * (p / (1 - p))
    k++
    cdf += pmf
  }
  return k
}

function latency(logs: readonly number[], shift: number, offset = 0): number[] {
  const { level } = PARAMETERS
  return logs.map((x) => level * shift * Math.exp(x + offset))
}

function side(random: Rng, family: Family, n: number, shift: number, drift: number[]): number[] {
  const { logSd, instances, instanceSd, requests, errorRate, concentration } = PARAMETERS
  switch (family) {
    case 'iid-lognormal':
      return latency(ar1(random, n, 0, logSd), shift)
    case 'ar1-0.5':
      return latency(ar1(random, n, 0.5, logSd), shift)
    case 'ar1-0.8':
      return latency(ar1(random, n, 0.8, logSd), shift)
    case 'instances': {
      // Each instance keeps its own level for the whole window; the side is their mean.
      const sum = new Array<number>(n).fill(0)
      for (let j = 0; j < instances; j++) {
        const values = latency(ar1(random, n, 0, logSd), shift, instanceSd * random.normal())
        for (let i = 0; i < n; i++) sum[i] += values[i] / instances
      }
      return sum
    }
    case 'drift':
      return latency(
        ar1(random, n, 0, logSd).map((x, i) => x + drift[i]),
        shift
      )
    case 'error-ratio': {
      const p = Math.min(0.5, errorRate * shift)
      return Array.from(
        { length: n },
        () =>
          binomial(random, requests, beta(random, p * concentration, (1 - p) * concentration)) /
          requests
      )
    }
  }
}

/** One replicate: the canary carries `shift` (a ratio), the baseline none. */
export function canarySet(family: Family, n: number, shift: number, seed: number): CanarySet {
  const random = rng(seed)
  const phase = 2 * Math.PI * random.uniform()
  const drift = Array.from(
    { length: n },
    (_, i) => PARAMETERS.driftAmplitude * Math.sin(phase + (Math.PI * i) / n)
  )
  const baseline = side(random, family, n, 1, drift)
  const canary = side(random, family, n, shift, drift)
  return { family, n, shift, canary, baseline }
}

/** A stable seed per scenario and replicate, so sets can be regenerated one by one. */
export function seedOf(family: Family, n: number, shift: number, replicate: number): number {
  let h = 2166136261
  for (const ch of `${family}|${n}|${shift}|${replicate}`) {
    h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  }
  return h >>> 0
}
