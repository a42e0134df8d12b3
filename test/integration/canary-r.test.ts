import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { wilcoxTest } from '../../src/core/canary/index.js'
import { seededRandom as generator } from '../support/random.js'

// Compares wilcoxTest with R's wilcox.test(x, y, conf.int = TRUE) on generated data.
// R (Debian r-base-core) must be installed: without it this test fails, it never skips.

interface Case {
  id: string
  x: number[]
  y: number[]
  confidenceLevel: number
}

interface RResult {
  id: string
  error?: string
  statistic?: number
  p?: number
  lower?: number
  upper?: number
  estimate?: number
  exact?: boolean
}

function normals(random: () => number, n: number, mean: number, sd: number): number[] {
  return Array.from({ length: n }, () => {
    const u = 1 - random()
    const v = random()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  })
}

function poisson(random: () => number, n: number, lambda: number): number[] {
  return Array.from({ length: n }, () => {
    const limit = Math.exp(-lambda)
    let k = 0
    for (let p = random(); p > limit; p *= random()) k++
    return k
  })
}

const round = (values: number[], step: number) => values.map((v) => Math.round(v / step) * step)

function generateCases(): Case[] {
  const r = generator(20240607)
  const cases: Case[] = []
  const add = (id: string, x: number[], y: number[], levels = [0.95, 0.98]) => {
    for (const confidenceLevel of levels)
      cases.push({ id: `${id}@${confidenceLevel}`, x, y, confidenceLevel })
  }
  // Tiny samples: exact without ties, asymptotic with them.
  add('tiny-2x2-shifted', normals(r, 2, 110, 5), normals(r, 2, 100, 5))
  add('tiny-2x3-null', normals(r, 2, 100, 5), normals(r, 3, 100, 5))
  add('tiny-3x3-shifted', normals(r, 3, 120, 5), normals(r, 3, 100, 5))
  add('tiny-1x4', normals(r, 1, 100, 5), normals(r, 4, 100, 5))
  add('tiny-4x5-null', normals(r, 4, 100, 5), normals(r, 5, 100, 5))
  add('tiny-2x2-ties', [1, 2], [2, 3])
  add('tiny-5x4-ties', [3, 1, 2, 2, 5], [2, 4, 4, 6])
  add('tiny-3x5-ties-shifted', round(normals(r, 3, 110, 5), 5), round(normals(r, 5, 100, 5), 5))
  // The exact region: both below 50, no ties.
  add('exact-10x12-null', normals(r, 10, 100, 10), normals(r, 12, 100, 10))
  add('exact-10x12-shifted', normals(r, 10, 112, 10), normals(r, 12, 100, 10))
  add('exact-30x45-shifted', normals(r, 30, 105, 10), normals(r, 45, 100, 10))
  add('exact-49x49-null', normals(r, 49, 100, 10), normals(r, 49, 100, 10))
  add('exact-49x49-shifted', normals(r, 49, 0.0334, 0.00001), normals(r, 49, 0.0333, 0.00001))
  add(
    'exact-40x8-lognormal',
    normals(r, 40, 4.7, 0.5).map(Math.exp),
    normals(r, 8, 4.6, 0.5).map(Math.exp)
  )
  // Ties below 50: the normal approximation with tie correction.
  add(
    'ties-20x25-rounded-shifted',
    round(normals(r, 20, 104, 10), 1),
    round(normals(r, 25, 100, 10), 1)
  )
  add('ties-30x30-counts', poisson(r, 30, 2), poisson(r, 30, 2.5))
  add('ties-40x40-zero-inflated', zeroInflated(r, 40, 0.3), zeroInflated(r, 40, 0.2))
  // At and past the exact limit.
  add('boundary-50x50-null', normals(r, 50, 100, 10), normals(r, 50, 100, 10))
  add('boundary-49x60-shifted', normals(r, 49, 103, 10), normals(r, 60, 100, 10))
  // Large samples.
  add('large-1000x1000-null', normals(r, 1000, 100, 10), normals(r, 1000, 100, 10))
  add('large-1000x1200-shifted', normals(r, 1000, 101, 10), normals(r, 1200, 100, 10))
  add('large-2000x2000-small-shift', normals(r, 2000, 100.3, 10), normals(r, 2000, 100, 10), [0.98])
  add(
    'large-1500x1500-rounded',
    round(normals(r, 1500, 100.5, 10), 1),
    round(normals(r, 1500, 100, 10), 1)
  )
  add('large-1000x1000-counts', poisson(r, 1000, 3.2), poisson(r, 1000, 3), [0.98])
  add(
    'large-1000x1000-zero-inflated',
    zeroInflated(r, 1000, 0.25),
    zeroInflated(r, 1000, 0.2),
    [0.98]
  )
  add(
    'large-1000x1000-tiny-scale',
    normals(r, 1000, 0.03333, 0.00001),
    normals(r, 1000, 0.03333, 0.00001)
  )
  add('large-5000x5000-shifted', normals(r, 5000, 100.5, 10), normals(r, 5000, 100, 10), [0.98])
  return cases
}

function zeroInflated(random: () => number, n: number, share: number): number[] {
  return Array.from({ length: n }, () =>
    random() < share ? Math.round(random() * 4000) / 1000 : 0
  )
}

/** An exact textual form of a double that R's as.numeric reads back bit for bit. */
function hexFloat(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0x0p+0' : '0x0p+0'
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, value)
  const bits = view.getBigUint64(0)
  const sign = bits >> 63n ? '-' : ''
  const exponent = Number((bits >> 52n) & 0x7ffn) - 1023
  const mantissa = (bits & 0xfffffffffffffn).toString(16).padStart(13, '0')
  if (exponent === -1023) throw new Error('subnormal values are not generated')
  return `${sign}0x1.${mantissa}p${exponent >= 0 ? '+' : ''}${exponent}`
}

const R_SCRIPT = `
lines <- readLines(commandArgs(trailingOnly = TRUE)[1])
num <- function(line) as.numeric(strsplit(line, " ", fixed = TRUE)[[1]])
for (k in seq(1, length(lines), by = 3)) {
  head <- strsplit(lines[k], " ", fixed = TRUE)[[1]]
  id <- head[1]
  level <- as.numeric(head[2])
  out <- tryCatch({
    t <- suppressWarnings(wilcox.test(num(lines[k + 1]), num(lines[k + 2]), conf.int = TRUE, conf.level = level))
    sprintf('{"id":"%s","statistic":%.17g,"p":%.17g,"lower":%.17g,"upper":%.17g,"estimate":%.17g,"exact":%s}',
      id, t$statistic, t$p.value, t$conf.int[1], t$conf.int[2], t$estimate,
      if (grepl("exact", t$method)) "true" else "false")
  }, error = function(e) sprintf('{"id":"%s","error":"%s"}', id, gsub('"', "'", conditionMessage(e))))
  cat(out, "\\n", sep = "")
}
`

function runR(cases: Case[], dir: string): Map<string, RResult> {
  const input = path.join(dir, 'cases.txt')
  const text = cases
    .map(
      (c) =>
        `${c.id} ${c.confidenceLevel}\n${c.x.map(hexFloat).join(' ')}\n${c.y.map(hexFloat).join(' ')}`
    )
    .join('\n')
  writeFileSync(input, text + '\n')
  const run = spawnSync('Rscript', ['--vanilla', '-e', R_SCRIPT, input], {
    encoding: 'utf8',
    timeout: 300_000
  })
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new Error(
      missing
        ? 'Rscript not found: install R (Debian: apt-get install r-base-core); this test compares with R and must not be skipped'
        : `Rscript failed to start: ${run.error.message}`
    )
  }
  if (run.status !== 0) throw new Error(`Rscript exited with ${run.status}: ${run.stderr}`)
  const results = new Map<string, RResult>()
  for (const line of run.stdout.trim().split('\n')) {
    const result = JSON.parse(line) as RResult
    results.set(result.id, result)
  }
  return results
}

/** p-values: relative 1e-9 or absolute 1e-12. */
function expectSameP(actual: number, expected: number): void {
  const diff = Math.abs(actual - expected)
  expect(diff <= 1e-12 || diff <= 1e-9 * Math.abs(expected)).toBe(true)
}

/**
 * Interval ends and estimates of the normal approximation are roots found by zeroin with
 * absolute tolerance 1e-4; the same iteration gives the same root, and a different last
 * bit in a quantile could at worst move it within that tolerance.
 */
function expectSameRoot(actual: number, expected: number, exact: boolean): void {
  const tolerance = exact ? 1e-12 * Math.max(1, Math.abs(expected)) : 1e-4
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance)
}

const cases = generateCases()
let dir: string
let fromR: Map<string, RResult>

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'slipway-canary-r-'))
  fromR = runR(cases, dir)
}, 300_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe("wilcoxTest against R's wilcox.test(x, y, conf.int = TRUE)", () => {
  it.each(cases)('$id', (c) => {
    const r = fromR.get(c.id)
    expect(r).toBeDefined()
    expect(r!.error).toBeUndefined()
    const ours = wilcoxTest(c.x, c.y, { confidenceLevel: c.confidenceLevel })
    expect(ours.exact).toBe(r!.exact)
    expect(ours.statistic).toBe(r!.statistic)
    expectSameP(ours.pValue, r!.p!)
    expectSameRoot(ours.ciLower, r!.lower!, ours.exact)
    expectSameRoot(ours.ciUpper, r!.upper!, ours.exact)
    expectSameRoot(ours.estimate, r!.estimate!, ours.exact)
  })

  it('reproduces most roots to the last bits, not only within the tolerance', () => {
    let asymptoticRoots = 0
    let identical = 0
    for (const c of cases) {
      const ours = wilcoxTest(c.x, c.y, { confidenceLevel: c.confidenceLevel })
      if (ours.exact) continue
      const r = fromR.get(c.id)!
      for (const [a, b] of [
        [ours.ciLower, r.lower!],
        [ours.ciUpper, r.upper!],
        [ours.estimate, r.estimate!]
      ]) {
        asymptoticRoots++
        if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))) identical++
      }
    }
    expect(asymptoticRoots).toBeGreaterThan(40)
    expect(identical / asymptoticRoots).toBeGreaterThanOrEqual(0.9)
  })

  it('fails like R when every observation ties at some shift', () => {
    const x = Array.from({ length: 60 }, () => 5)
    const y = Array.from({ length: 60 }, () => 7)
    const dirAllTied = mkdtempSync(path.join(tmpdir(), 'slipway-canary-r-tied-'))
    try {
      const r = runR([{ id: 'all-tied', x, y, confidenceLevel: 0.95 }], dirAllTied).get('all-tied')!
      expect(r.error).toBeDefined()
      expect(() => wilcoxTest(x, y)).toThrow(/tied/)
    } finally {
      rmSync(dirAllTied, { recursive: true, force: true })
    }
  })
})
