/**
 * Below this magnitude, sums and differences of a few samples and shifts stay finite: the
 * shifts between two samples reach twice the largest value, x - d three times, the root
 * finder's steps a few times more. Number.MAX_VALUE is just under 2^1024.
 */
const SAFE_MAGNITUDE = 2 ** 1016

/**
 * A power of two that brings every value under SAFE_MAGNITUDE (1 when they already are).
 * Multiplying by a power of two is exact outside the subnormal range and keeps the order,
 * so the rank-sum test, the mean ratio and the effect sizes do not change.
 */
export function overflowSafeFactor(...samples: ArrayLike<number>[]): number {
  let largest = 0
  for (const sample of samples) {
    for (let i = 0; i < sample.length; i++) {
      const magnitude = Math.abs(sample[i])
      if (magnitude > largest) largest = magnitude
    }
  }
  if (!(largest > SAFE_MAGNITUDE) || !Number.isFinite(largest)) return 1
  return 2 ** -Math.ceil(Math.log2(largest / SAFE_MAGNITUDE))
}
