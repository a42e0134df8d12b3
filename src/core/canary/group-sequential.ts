import { normalCdf, normalQuantile } from './normal.js'

/**
 * Lan-DeMets' O'Brien-Fleming-type spending function for one side: the share of the one-sided
 * level `alpha` that may be spent by information fraction t, 2 - 2 Phi(z_(1 - alpha/2) / sqrt t)
 * (gsDesign's sfLDOF). Almost nothing early, alpha at t = 1.
 */
export function obrienFlemingSpent(t: number, alpha: number): number {
  if (t <= 0) return 0
  if (t >= 1) return alpha
  return 2 * normalCdf(-normalQuantile(alpha / 2, true) / Math.sqrt(t))
}

const GRID = 241
const cache = new Map<string, number[]>()

/**
 * Two-sided group-sequential boundaries on the z scale for looks at the given information
 * fractions (increasing, the last 1), each side spending alpha / 2 the Lan-DeMets
 * O'Brien-Fleming way: under no change, the chance that |Z| crosses its boundary at any look
 * is alpha.
 *
 * Z_k = S_k / sqrt(t_k) with S a Brownian motion; the density of S on the region not yet
 * crossed is carried from look to look by numerical integration (Simpson's rule on a grid),
 * as in Armitage, McPherson and Rowe (1969) and Jennison and Turnbull (2000, ch. 19).
 */
export function obrienFlemingBoundaries(fractions: readonly number[], alpha: number): number[] {
  const key = `${alpha}|${fractions.join(',')}`
  const cached = cache.get(key)
  if (cached) return cached
  const bounds: number[] = []
  let grid: Float64Array = new Float64Array(0)
  let density: Float64Array = new Float64Array(0)
  let spent = 0
  let previous = 0
  for (const t of fractions) {
    const target = 2 * obrienFlemingSpent(t, alpha / 2) - spent
    const step = t - previous
    let c: number
    if (bounds.length === 0) {
      c = normalQuantile(target / 2, true)
    } else {
      const crossing = (z: number) => crossingProbability(grid, density, step, z * Math.sqrt(t))
      c = solveDecreasing(crossing, target)
    }
    bounds.push(c)
    spent +=
      bounds.length === 1 ? target : crossingProbability(grid, density, step, c * Math.sqrt(t))
    const next = simpsonGrid(c * Math.sqrt(t))
    density = bounds.length === 1 ? normalDensityOn(next, t) : convolve(grid, density, next, step)
    grid = next
    previous = t
  }
  cache.set(key, bounds)
  return bounds
}

/** Boundaries for look k of K equally spaced looks (the live loop's growing windows). */
export function boundaryAtLook(look: number, looks: number, alpha: number): number {
  const fractions = Array.from({ length: looks }, (_, i) => (i + 1) / looks)
  return obrienFlemingBoundaries(fractions, alpha)[look - 1]
}

function simpsonGrid(limit: number): Float64Array {
  const grid = new Float64Array(GRID)
  for (let i = 0; i < GRID; i++) grid[i] = -limit + (2 * limit * i) / (GRID - 1)
  return grid
}

function simpsonWeight(i: number, h: number): number {
  const w = i === 0 || i === GRID - 1 ? 1 : i % 2 === 1 ? 4 : 2
  return (w * h) / 3
}

function normalDensityOn(grid: Float64Array, variance: number): Float64Array {
  const out = new Float64Array(grid.length)
  for (let i = 0; i < grid.length; i++) out[i] = gaussian(grid[i], variance)
  return out
}

function gaussian(x: number, variance: number): number {
  return Math.exp((-x * x) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance)
}

/** P(still inside before, |S + increment| >= limit after). */
function crossingProbability(
  grid: Float64Array,
  density: Float64Array,
  variance: number,
  limit: number
): number {
  const h = grid[1] - grid[0]
  const sd = Math.sqrt(variance)
  let total = 0
  for (let i = 0; i < grid.length; i++) {
    const s = grid[i]
    const out = normalCdf((-limit - s) / sd) + normalCdf((s - limit) / sd)
    total += simpsonWeight(i, h) * density[i] * out
  }
  return total
}

function convolve(
  grid: Float64Array,
  density: Float64Array,
  next: Float64Array,
  variance: number
): Float64Array {
  const h = grid[1] - grid[0]
  const out = new Float64Array(next.length)
  for (let j = 0; j < next.length; j++) {
    let total = 0
    for (let i = 0; i < grid.length; i++) {
      total += simpsonWeight(i, h) * density[i] * gaussian(next[j] - grid[i], variance)
    }
    out[j] = total
  }
  return out
}

/** The z where a decreasing f(z) meets the target, by bisection. */
function solveDecreasing(f: (z: number) => number, target: number): number {
  let low = 0
  let high = 40
  for (let i = 0; i < 100 && high - low > 1e-10; i++) {
    const mid = (low + high) / 2
    if (f(mid) > target) low = mid
    else high = mid
  }
  return (low + high) / 2
}
