// The exact null distribution of the Wilcoxon rank-sum statistic W (= U of x) for samples
// without ties, with R's pwilcox and qwilcox semantics. Used only for small samples (R's
// rule: both below 50), where the table has at most 49 * 49 + 1 entries.

const cache = new Map<string, { counts: Float64Array; total: number }>()
const CACHE_LIMIT = 64

/**
 * counts[k] = the number of orderings of m x's and n y's with W = k. Built column by column
 * with c(k; i, j) = c(k - j; i - 1, j) + c(k; i, j - 1): the largest value is either an x
 * (above all j y's) or a y. Float64 keeps about 16 significant digits of counts up to 1e29.
 */
function distribution(m: number, n: number): { counts: Float64Array; total: number } {
  const key = m <= n ? `${m},${n}` : `${n},${m}`
  const cached = cache.get(key)
  if (cached) return cached
  const small = Math.min(m, n)
  const large = Math.max(m, n)
  const width = small * large + 1
  // rows[i] holds c(.; i, j) for the current j; row 0 is always the single ordering.
  const rows = Array.from({ length: small + 1 }, () => new Float64Array(width))
  for (const row of rows) row[0] = 1
  for (let j = 1; j <= large; j++) {
    for (let i = 1; i <= small; i++) {
      const row = rows[i]
      const previous = rows[i - 1]
      const top = i * j
      for (let k = top; k >= j; k--) row[k] += previous[k - j]
    }
  }
  const counts = rows[small]
  let total = 0
  for (let k = 0; k < width; k++) total += counts[k]
  const result = { counts, total }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(key, result)
  return result
}

/** P(W <= q), or P(W > q) when lowerTail is false (R's pwilcox). */
export function pwilcox(q: number, m: number, n: number, lowerTail = true): number {
  const top = m * n
  const whole = Math.floor(q + 1e-7)
  if (whole < 0) return lowerTail ? 0 : 1
  if (whole >= top) return lowerTail ? 1 : 0
  const { counts, total } = distribution(m, n)
  let p = 0
  // Sum over the shorter side of the symmetric distribution.
  if (whole <= top / 2) {
    for (let k = 0; k <= whole; k++) p += counts[k] / total
    return lowerTail ? p : 0.5 - p + 0.5
  }
  for (let k = 0; k < top - whole; k++) p += counts[k] / total
  return lowerTail ? 0.5 - p + 0.5 : p
}

/** The smallest q with P(W <= q) >= p (R's qwilcox). */
export function qwilcox(p: number, m: number, n: number): number {
  if (p <= 0) return 0
  if (p >= 1) return m * n
  const { counts, total } = distribution(m, n)
  let cumulative = 0
  if (p <= 0.5) {
    const target = p - 10 * Number.EPSILON
    for (let q = 0; ; q++) {
      cumulative += counts[q] / total
      if (cumulative >= target) return q
    }
  }
  const target = 1 - p + 10 * Number.EPSILON
  for (let q = 0; ; q++) {
    cumulative += counts[q] / total
    if (cumulative > target) return m * n - q
  }
}
