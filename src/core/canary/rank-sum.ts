import { sortFloat64 } from './sort.js'

/** Thrown when every observation ties, so the rank-sum statistic has no variance. */
export class AllTiedError extends Error {
  constructor() {
    super('cannot compute the test when all observations are tied')
    this.name = 'AllTiedError'
  }
}

const CROSS_TIE = -1
const OVER_BUDGET = -2
/** Below this many merge steps, one chain. */
const TWO_CHAINS_FROM = 256

/**
 * The Wilcoxon rank-sum statistic of x shifted by d against y, for any d, in time linear
 * in the number of distinct values and with memory linear in the samples. Both samples are
 * sorted once and kept as distinct values with counts (metrics such as error counts repeat
 * a few values thousands of times). Subtracting d keeps x in order, so ranking the pooled
 * sample (x - d, y) is a merge, and its tie groups (for the variance) fall out of it. A
 * root finder evaluates at shifts ever closer together, so each evaluation starts from
 * where every x stood among the y's the time before and moves only as far as needed.
 */
export class ShiftedRankSum {
  /** Sorted samples. */
  readonly x: Float64Array
  readonly y: Float64Array
  /** Sum of the mid-ranks of x - d in the pooled sample, after evaluate(d). */
  rankSum = 0
  /** Sum of t^3 - t over the tie groups of the pooled sample, after evaluate(d). */
  tieTerm = 0

  // Distinct values, each followed by +Infinity as a sentinel for the merge, and their counts.
  private readonly xValues: Float64Array
  private readonly xCounts: Float64Array
  private readonly yValues: Float64Array
  private readonly yCounts: Float64Array
  /** yBelow[j]: how many y's are in the distinct groups before j. */
  private readonly yBelow: Float64Array
  /** t^3 - t summed over groups of equal values within x and within y. */
  private readonly ownTies: number
  /** Neither sample repeats a value. */
  private readonly noRepeats: boolean
  private readonly smallestGapInX: number
  private readonly largestMagnitudeInX: number
  /** positions[i]: the distinct y group the i-th distinct x - d came before, last time. */
  private readonly positions: Int32Array
  /** The shift the positions are for (NaN: none yet), the pairs below then, and pairs per unit shift. */
  private positionsAt = NaN
  private belowAtPositions = 0
  private pairsPerShift = NaN

  constructor(x: ArrayLike<number>, y: ArrayLike<number>, alreadySorted = false) {
    this.x = asSorted(x, alreadySorted)
    this.y = asSorted(y, alreadySorted)
    const xs = distinct(this.x)
    const ys = distinct(this.y)
    this.xValues = xs.values
    this.xCounts = xs.counts
    this.yValues = ys.values
    this.yCounts = ys.counts
    this.yBelow = new Float64Array(ys.values.length)
    for (let j = 1; j < ys.values.length; j++)
      this.yBelow[j] = this.yBelow[j - 1] + ys.counts[j - 1]
    this.ownTies = xs.tieTerm + ys.tieTerm
    this.noRepeats =
      xs.values.length === this.x.length + 1 && ys.values.length === this.y.length + 1
    this.smallestGapInX = xs.smallestGap
    const n = this.x.length
    this.largestMagnitudeInX = n === 0 ? 0 : Math.max(Math.abs(this.x[0]), Math.abs(this.x[n - 1]))
    this.positions = new Int32Array(xs.values.length)
  }

  get nx(): number {
    return this.x.length
  }

  get ny(): number {
    return this.y.length
  }

  evaluate(d: number): void {
    // x - d must stay comparable: a NaN or infinite shift would stall the merge.
    if (!Number.isFinite(d)) throw new RangeError(`cannot rank at shift ${d}`)
    if (this.shiftKeepsXApart(d)) {
      if (this.apartFromY(d)) return
      let below = this.worthStartingFromLastPositions(d)
        ? this.countFromLastPositions(d)
        : OVER_BUDGET
      if (below === OVER_BUDGET) below = this.countByMerge(d)
      if (below !== CROSS_TIE) {
        // Without ties across the samples, the ranks of x follow from the pairs below.
        const nx = this.x.length
        this.rankSum = below + (nx * (nx + 1)) / 2
        this.tieTerm = this.ownTies
        return
      }
    }
    this.mergeWithTieGroups(d)
  }

  /** U of x at shift d: #(x - d > y) + #(x - d == y) / 2 (R's W statistic). */
  u(d = 0): number {
    this.evaluate(d)
    return this.rankSum - (this.nx * (this.nx + 1)) / 2
  }

  /**
   * R's standardized statistic at shift d, (dz - correction) / sigma with the tie-corrected
   * sigma; the operations are in R's order so the value is bit-identical to R's.
   */
  standardized(d: number, continuityCorrection: boolean): number {
    this.evaluate(d)
    const nx = this.nx
    const ny = this.ny
    const dz = this.rankSum - (nx * (nx + 1)) / 2 - (nx * ny) / 2
    const sigma = Math.sqrt(
      ((nx * ny) / 12) * (nx + ny + 1 - this.tieTerm / ((nx + ny) * (nx + ny - 1)))
    )
    if (sigma === 0 || Number.isNaN(sigma)) throw new AllTiedError()
    const correction = continuityCorrection ? Math.sign(dz) * 0.5 : 0
    return (dz - correction) / sigma
  }

  /**
   * Whether x - d can have no ties but x's own: distinct neighbours stay apart when their
   * gap exceeds the rounding of the subtraction at this magnitude. Otherwise only the full
   * merge with tie groups is exact.
   */
  private shiftKeepsXApart(d: number): boolean {
    return this.smallestGapInX > (this.largestMagnitudeInX + Math.abs(d)) * 2 ** -50
  }

  /**
   * When x - d lies wholly above or below y, touching at most where its extreme group meets
   * y's (as at the ends of the range of shifts), the ranks follow from the group sizes.
   */
  private apartFromY(d: number): boolean {
    const { xValues, xCounts, yValues, yCounts } = this
    const ux = xValues.length - 1
    const uy = yValues.length - 1
    const nx = this.x.length
    const lowestX = xValues[0] - d
    const highestX = xValues[ux - 1] - d
    let u: number
    let a = 0
    let b = 0
    if (lowestX >= yValues[uy - 1]) {
      if (lowestX === yValues[uy - 1]) [a, b] = [xCounts[0], yCounts[uy - 1]]
      u = nx * this.y.length - (a * b) / 2
    } else if (highestX <= yValues[0]) {
      if (highestX === yValues[0]) [a, b] = [xCounts[ux - 1], yCounts[0]]
      u = (a * b) / 2
    } else {
      return false
    }
    this.rankSum = u + (nx * (nx + 1)) / 2
    const t = a + b
    this.tieTerm = this.ownTies + (t * t * t - t) - (a * a * a - a) - (b * b * b - b)
    return true
  }

  /** Whether the pairs between the last shift and d look few enough to move through. */
  private worthStartingFromLastPositions(d: number): boolean {
    if (Number.isNaN(this.positionsAt)) return false
    // Until two counts give the local density, assume the pairs spread evenly over all shifts.
    const { x, y } = this
    const density = Number.isNaN(this.pairsPerShift)
      ? (x.length * y.length) / (x[x.length - 1] - y[0] - (x[0] - y[y.length - 1]))
      : this.pairsPerShift
    return density * Math.abs(d - this.positionsAt) <= this.moveBudget()
  }

  /** Moving is cheaper than merging up to about a quarter as many moves as merge steps (measured). */
  private moveBudget(): number {
    return (this.xValues.length + this.yValues.length) >> 2
  }

  private notePositions(d: number, below: number): void {
    if (!Number.isNaN(this.positionsAt) && d !== this.positionsAt) {
      this.pairsPerShift = Math.abs(below - this.belowAtPositions) / Math.abs(d - this.positionsAt)
    }
    this.positionsAt = d
    this.belowAtPositions = below
  }

  /**
   * Pairs with y < x - d, moving each x from where it stood among the y's last time; near
   * the last shift almost nothing moves. Gives up when the moves cost more than a merge.
   */
  private countFromLastPositions(d: number): number {
    const { xValues, xCounts, yValues, yBelow, positions } = this
    const ux = xValues.length - 1
    const budget = this.moveBudget()
    let moves = 0
    let below = 0
    let crossTie = 0
    for (let i = 0; i < ux; i++) {
      const xv = xValues[i] - d
      let j = positions[i]
      while (j > 0 && yValues[j - 1] >= xv) j--
      while (yValues[j] < xv) j++ // the +Infinity sentinel stops it
      moves += Math.abs(j - positions[i])
      if (moves > budget) return OVER_BUDGET
      positions[i] = j
      crossTie |= +(yValues[j] === xv)
      below += xCounts[i] * yBelow[j]
    }
    this.notePositions(d, below)
    return crossTie ? CROSS_TIE : below
  }

  /**
   * Pairs with y < x - d in a merge without data-dependent branches (about twice as fast
   * as one with them on random data), noting where each x stands for the next time. The
   * merge runs as two halves side by side: each step of a merge waits on the step before,
   * so two independent chains in one loop take little longer than one.
   */
  private countByMerge(d: number): number {
    const { xValues, yValues, positions } = this
    const ux = xValues.length - 1
    const steps = ux + yValues.length - 1
    let below = 0
    let crossTie = 0
    if (steps < TWO_CHAINS_FROM) {
      below = this.mergeSteps(d, 0, 0, steps)
      crossTie = this.crossTie
    } else {
      // The second chain starts just before the x whose turn comes about halfway.
      const half = steps >> 1
      let lo = 0
      let hi = ux
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (mid + this.firstYAtOrAbove(xValues[mid] - d) < half) lo = mid + 1
        else hi = mid
      }
      const i2Start = lo
      const j2Start = this.firstYAtOrAbove(xValues[i2Start] - d)
      const stepsA = i2Start + j2Start
      const stepsB = steps - stepsA
      const together = Math.min(stepsA, stepsB)
      const { xCounts, yCounts } = this
      let i1 = 0
      let j1 = 0
      let i2 = i2Start
      let j2 = j2Start
      if (this.noRepeats) {
        for (let step = 0; step < together; step++) {
          const xv1 = xValues[i1] - d
          const yv1 = yValues[j1]
          const xv2 = xValues[i2] - d
          const yv2 = yValues[j2]
          const take1 = +(xv1 <= yv1)
          const take2 = +(xv2 <= yv2)
          crossTie |= +(xv1 === yv1) | +(xv2 === yv2)
          positions[i1] = j1
          positions[i2] = j2
          below += take1 * j1 + take2 * j2
          i1 += take1
          j1 += 1 - take1
          i2 += take2
          j2 += 1 - take2
        }
      } else {
        let yBelow1 = 0
        let yBelow2 = this.yBelow[j2Start]
        for (let step = 0; step < together; step++) {
          const xv1 = xValues[i1] - d
          const yv1 = yValues[j1]
          const xv2 = xValues[i2] - d
          const yv2 = yValues[j2]
          const take1 = +(xv1 <= yv1)
          const take2 = +(xv2 <= yv2)
          crossTie |= +(xv1 === yv1) | +(xv2 === yv2)
          positions[i1] = j1
          positions[i2] = j2
          below += take1 * xCounts[i1] * yBelow1 + take2 * xCounts[i2] * yBelow2
          yBelow1 += (1 - take1) * yCounts[j1]
          yBelow2 += (1 - take2) * yCounts[j2]
          i1 += take1
          j1 += 1 - take1
          i2 += take2
          j2 += 1 - take2
        }
      }
      // The longer chain's rest.
      if (stepsA > together) {
        below += this.mergeSteps(d, i1, j1, stepsA - together)
        crossTie |= this.crossTie
      } else if (stepsB > together) {
        below += this.mergeSteps(d, i2, j2, stepsB - together)
        crossTie |= this.crossTie
      }
      // The first chain, once past its last x, wrote stale positions for the second's first.
      positions[i2Start] = j2Start
    }
    this.notePositions(d, below)
    return crossTie ? CROSS_TIE : below
  }

  /** Set by mergeSteps: whether an x - d equalled a y on the way. */
  private crossTie = 0

  /** `steps` steps of the merge from x group i and y group j: the pairs with y < x - d found. */
  private mergeSteps(d: number, i: number, j: number, steps: number): number {
    const { xValues, xCounts, yValues, yCounts, positions } = this
    let below = 0
    let crossTie = 0
    if (this.noRepeats) {
      // Counts are all 1: the y's below are the merge position in y.
      for (let step = 0; step < steps; step++) {
        const xv = xValues[i] - d
        const yv = yValues[j]
        const takeX = +(xv <= yv)
        crossTie |= +(xv === yv)
        positions[i] = j
        below += takeX * j
        i += takeX
        j += 1 - takeX
      }
    } else {
      let yBelow = this.yBelow[j]
      for (let step = 0; step < steps; step++) {
        const xv = xValues[i] - d
        const yv = yValues[j]
        const takeX = +(xv <= yv)
        crossTie |= +(xv === yv)
        positions[i] = j
        below += takeX * xCounts[i] * yBelow
        yBelow += (1 - takeX) * yCounts[j]
        i += takeX
        j += 1 - takeX
      }
    }
    this.crossTie = crossTie
    return below
  }

  /** The first distinct y group at or above v (the +Infinity sentinel when none is). */
  private firstYAtOrAbove(v: number): number {
    const { yValues } = this
    let lo = 0
    let hi = yValues.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (yValues[mid] < v) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private mergeWithTieGroups(d: number): void {
    const { xValues, xCounts, yValues, yCounts } = this
    const ux = xValues.length - 1
    const uy = yValues.length - 1
    let i = 0
    let j = 0
    let placed = 0
    let rankSum = 0
    let tieTerm = 0
    while (i < ux || j < uy) {
      // The sentinels make an exhausted side compare as +Infinity.
      const xv = xValues[i] - d
      const yv = yValues[j]
      let a = 0
      let b = 0
      if (xv <= yv) {
        a = xCounts[i]
        while (++i < ux && xValues[i] - d === xv) a += xCounts[i]
      }
      if (yv <= xv) b = yCounts[j++]
      const t = a + b
      if (t === 0) throw new RangeError(`cannot rank at shift ${d}: the values do not compare`)
      if (a > 0) rankSum += a * (placed + (t + 1) / 2)
      if (t > 1) tieTerm += t * t * t - t
      placed += t
    }
    this.rankSum = rankSum
    this.tieTerm = tieTerm
  }
}

function asSorted(values: ArrayLike<number>, alreadySorted: boolean): Float64Array {
  if (!alreadySorted) return sortFloat64(values)
  return values instanceof Float64Array ? values : Float64Array.from(values)
}

interface Distinct {
  /** The distinct values, then +Infinity. */
  values: Float64Array
  /** How often each occurs (0 for the sentinel). */
  counts: Float64Array
  /** t^3 - t summed over the groups. */
  tieTerm: number
  smallestGap: number
}

function distinct(sorted: Float64Array): Distinct {
  const n = sorted.length
  const values = new Float64Array(n + 1)
  const counts = new Float64Array(n + 1)
  let k = -1
  let tieTerm = 0
  let smallestGap = Infinity
  for (let i = 0; i < n; i++) {
    const v = sorted[i]
    if (k < 0 || v !== values[k]) {
      if (k >= 0) {
        const t = counts[k]
        tieTerm += t * t * t - t
        if (v - values[k] < smallestGap) smallestGap = v - values[k]
      }
      values[++k] = v
    }
    counts[k]++
  }
  if (k >= 0) tieTerm += counts[k] * counts[k] * counts[k] - counts[k]
  values[k + 1] = Infinity
  return {
    values: values.subarray(0, k + 2),
    counts: counts.subarray(0, k + 2),
    tieTerm,
    smallestGap
  }
}

/**
 * Common-language effect size P(canary > baseline) + P(tie) / 2, from mid-ranks as in
 * Kayenta's EffectSizes.cles.
 */
export function commonLanguageEffectSize(
  canary: ArrayLike<number>,
  baseline: ArrayLike<number>
): number {
  const rankSum = new ShiftedRankSum(canary, baseline)
  return rankSum.u(0) / (canary.length * baseline.length)
}
