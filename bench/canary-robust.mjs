// Both canary judges on series that break Kayenta's independence assumption (issue #17).
//
//   node bench/canary-robust.mjs [--reps R] [--quick] [--sizes 30,60,120,360]
//
// The families of test/support/canary-sets.ts (independent log-normal latency; AR(1)
// log-latency at phi 0.5 and 0.8 with the same marginal sd; each side the mean of 3 instances
// with fixed level offsets; a slow drift shared by both sides; beta-binomial error ratios) at
// 30, 60, 120 and 360 samples per side, R seeded replicates per family, size and shift
// (default 200; --quick 40). For each judge:
//   - false failures: High or Low on an unchanged metric, at one look (the whole window) and at
//     any of 12 looks (windows growing by n/12, as the live loop judges them);
//   - detection: High at one look, per shift (latency x1.05 x1.10 x1.25 x1.6, errors x1.5 x2 x4).
// Judges: `sequential` at its defaults (level 0.99, spread tolerance 3 %, look k of 12 in the
// 12-look rows); `kayenta` at its defaults (0.98, tolerance 0.25); and `kayenta-wide`, Kayenta's
// rule with its interval widened (confidence level raised) until it too fails at most 1 % of
// unchanged metrics pooled at one look, the comparison the detection target names.
// Last, the time of one judge() call over 100 metrics of 5,000 samples per side for each judge
// (bench/canary.mjs's shape, where Kayenta's judge is timed against SciPy's mannwhitneyu).
//
// src and the generator are compiled with tsc into .cache/bench/robust-build (rebuilt when
// they change); dist/ is left alone. Markdown on stdout, JSON in bench/results/canary-robust.json.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const { values } = parseArgs({
  options: {
    reps: { type: 'string' },
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '30,60,120,360' }
  }
})
const reps = Number(values.reps ?? (values.quick ? 40 : 200))
const sizes = values.sizes.split(',').map(Number)
const LOOKS = 12
const log = (text) => console.error(`bench/canary-robust: ${text}`)

// --- build ---------------------------------------------------------------------------------------

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(file))
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs)
  }
  return newest
}

const build = path.join(root, '.cache/bench/robust-build')
const coreEntry = path.join(build, 'src/core/canary/index.js')
const setsEntry = path.join(build, 'test/support/canary-sets.js')
const sourceTime = Math.max(
  newestMtime(path.join(root, 'src/core')),
  statSync(path.join(root, 'test/support/canary-sets.ts')).mtimeMs
)
const built = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0)
if (Math.min(built(coreEntry), built(setsEntry)) < sourceTime) {
  log('compiling the judge and the generator with tsc into .cache/bench/robust-build')
  rmSync(build, { recursive: true, force: true })
  spawnSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      ...['--outDir', build, '--rootDir', '.', '--target', 'ES2022', '--module', 'NodeNext'],
      ...['--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node'],
      ...['--esModuleInterop', '--resolveJsonModule', '--strict', '--ignoreConfig'],
      'src/core/canary/index.ts',
      'test/support/canary-sets.ts'
    ],
    { cwd: root, stdio: 'ignore' }
  )
  if (!existsSync(coreEntry) || !existsSync(setsEntry)) {
    console.error('tsc emitted no judge or generator')
    process.exit(1)
  }
}
const core = await import(pathToFileURL(coreEntry).href)
const sets = await import(pathToFileURL(setsEntry).href)

// --- judging -------------------------------------------------------------------------------------

const sequentialSettings = { ...core.defaultMetricSettings('m'), judge: 'sequential' }
const kayentaSettings = core.defaultMetricSettings('m')

function sequential(canary, baseline, look = { index: 1, count: 1 }) {
  return core.judgeMetric({ settings: sequentialSettings, canary, baseline }, { look })
    .classification
}

function kayenta(canary, baseline, confidenceLevel = 0.98) {
  return core.judgeMetric({ settings: kayentaSettings, canary, baseline }, { confidenceLevel })
    .classification
}

const failed = (c) => c === 'High' || c === 'Low'

/** Any of 12 growing windows failing. */
function anyLook(set, judgeAt) {
  for (let k = 1; k <= LOOKS; k++) {
    const m = Math.round((set.n * k) / LOOKS)
    if (failed(judgeAt(set.canary.slice(0, m), set.baseline.slice(0, m), k))) return true
  }
  return false
}

// Kayenta's interval widened: confidence levels tried in order until the pooled one-look false
// failures of unchanged metrics are at most 1 %.
const WIDE_LEVELS = [0.98, 0.99, 0.995, 0.999, 0.9999, 0.99999, 0.999999, 0.9999999]

const started = performance.now()
const nulls = []
for (const family of sets.FAMILIES) {
  for (const n of sizes) {
    for (let r = 0; r < reps; r++)
      nulls.push(sets.canarySet(family, n, 1, sets.seedOf(family, n, 1, r)))
  }
}
let wideLevel = WIDE_LEVELS[WIDE_LEVELS.length - 1]
for (const level of WIDE_LEVELS) {
  const rate =
    nulls.filter((s) => failed(kayenta(s.canary, s.baseline, level))).length / nulls.length
  log(`kayenta at confidence ${level}: ${(100 * rate).toFixed(2)} % false failures pooled`)
  if (rate <= 0.01) {
    wideLevel = level
    break
  }
}

const rows = []
for (const family of sets.FAMILIES) {
  for (const n of sizes) {
    for (const shift of sets.shiftsOf(family)) {
      const row = { family, n, shift, reps, sequential: {}, kayenta: {}, wide: {} }
      let seqOne = 0
      let seqAny = 0
      let kayOne = 0
      let kayAny = 0
      let wideOne = 0
      let wideAny = 0
      for (let r = 0; r < reps; r++) {
        const set = sets.canarySet(family, n, shift, sets.seedOf(family, n, shift, r))
        const count = shift === 1 ? failed : (c) => c === 'High'
        if (count(sequential(set.canary, set.baseline))) seqOne++
        if (count(kayenta(set.canary, set.baseline))) kayOne++
        if (count(kayenta(set.canary, set.baseline, wideLevel))) wideOne++
        if (shift === 1) {
          if (anyLook(set, (c, b, k) => sequential(c, b, { index: k, count: LOOKS }))) seqAny++
          if (anyLook(set, (c, b) => kayenta(c, b))) kayAny++
          if (anyLook(set, (c, b) => kayenta(c, b, wideLevel))) wideAny++
        }
      }
      row.sequential = { one: seqOne / reps, any: shift === 1 ? seqAny / reps : undefined }
      row.kayenta = { one: kayOne / reps, any: shift === 1 ? kayAny / reps : undefined }
      row.wide = { one: wideOne / reps, any: shift === 1 ? wideAny / reps : undefined }
      rows.push(row)
    }
  }
  log(`${family} done`)
}
const seconds = (performance.now() - started) / 1000

// Speed on bench/canary.mjs's shape: 100 metrics of 5,000 samples per side, one judge() call.
function speed(method) {
  const metrics = Array.from({ length: 100 }, (_, i) => {
    const set = sets.canarySet(sets.FAMILIES[i % sets.FAMILIES.length], 5000, 1, 1000 + i)
    return {
      settings: core.defaultMetricSettings(`m${i}`),
      canary: set.canary,
      baseline: set.baseline
    }
  })
  const times = []
  for (let run = 0; run < 6; run++) {
    const t0 = performance.now()
    core.judge(metrics, { method })
    if (run > 0) times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}
const speedMs = { sequential: speed('sequential'), kayenta: speed('kayenta') }

// --- report --------------------------------------------------------------------------------------

const pct = (x) => (x === undefined ? '' : `${(100 * x).toFixed(1)}`)
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length
const pick = (filter) => rows.filter(filter)

const lines = [
  `### Canary judges on generated sets (${reps} replicates per cell, ${sizes.join('/')} samples per side)`,
  '',
  `kayenta-wide: Kayenta's rule at confidence ${wideLevel} (widened until ≤ 1 % pooled false failures at one look).`,
  '',
  '#### False failures of an unchanged metric (%)',
  '',
  '| family | n | sequential 1 look | sequential any of 12 | kayenta 1 look | kayenta any of 12 | kayenta-wide 1 look | kayenta-wide any of 12 |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
]
const nullRows = pick((r) => r.shift === 1)
for (const r of nullRows) {
  lines.push(
    `| ${r.family} | ${r.n} | ${pct(r.sequential.one)} | ${pct(r.sequential.any)} | ${pct(r.kayenta.one)} | ${pct(r.kayenta.any)} | ${pct(r.wide.one)} | ${pct(r.wide.any)} |`
  )
}
const summary = { families: {} }
for (const family of sets.FAMILIES) {
  const fr = nullRows.filter((r) => r.family === family)
  summary.families[family] = {
    one: mean(fr.map((r) => r.sequential.one)),
    any: mean(fr.map((r) => r.sequential.any))
  }
  lines.push(
    `| **${family}, all n** | | **${pct(summary.families[family].one)}** | **${pct(summary.families[family].any)}** | ${pct(mean(fr.map((r) => r.kayenta.one)))} | ${pct(mean(fr.map((r) => r.kayenta.any)))} | ${pct(mean(fr.map((r) => r.wide.one)))} | ${pct(mean(fr.map((r) => r.wide.any)))} |`
  )
}
summary.pooled = {
  one: mean(nullRows.map((r) => r.sequential.one)),
  any: mean(nullRows.map((r) => r.sequential.any)),
  kayentaOne: mean(nullRows.map((r) => r.kayenta.one)),
  kayentaAny: mean(nullRows.map((r) => r.kayenta.any)),
  wideOne: mean(nullRows.map((r) => r.wide.one)),
  wideAny: mean(nullRows.map((r) => r.wide.any))
}
lines.push(
  `| **pooled** | | **${pct(summary.pooled.one)}** | **${pct(summary.pooled.any)}** | ${pct(summary.pooled.kayentaOne)} | ${pct(summary.pooled.kayentaAny)} | ${pct(summary.pooled.wideOne)} | ${pct(summary.pooled.wideAny)} |`,
  '',
  '#### Detection at one look (% High)',
  '',
  '| family | shift | n | sequential | kayenta | kayenta-wide |',
  '| --- | ---: | ---: | ---: | ---: | ---: |'
)
for (const r of pick((r) => r.shift !== 1)) {
  lines.push(
    `| ${r.family} | ×${r.shift} | ${r.n} | ${pct(r.sequential.one)} | ${pct(r.kayenta.one)} | ${pct(r.wide.one)} |`
  )
}
lines.push(
  '',
  '#### Detection pooled over families and sizes (% High at one look)',
  '',
  '| metric | shift | sequential | kayenta | kayenta-wide | sequential / kayenta-wide |',
  '| --- | ---: | ---: | ---: | ---: | ---: |'
)
summary.detection = []
for (const family of ['latency', 'error-ratio']) {
  const shifts = family === 'latency' ? sets.LATENCY_SHIFTS : sets.ERROR_SHIFTS
  for (const shift of shifts.filter((s) => s !== 1)) {
    const rs = pick(
      (r) =>
        r.shift === shift &&
        (family === 'latency' ? r.family !== 'error-ratio' : r.family === family)
    )
    const d = {
      metric: family,
      shift,
      sequential: mean(rs.map((r) => r.sequential.one)),
      kayenta: mean(rs.map((r) => r.kayenta.one)),
      wide: mean(rs.map((r) => r.wide.one))
    }
    summary.detection.push(d)
    const ratio = d.wide > 0 ? (d.sequential / d.wide).toFixed(2) : 'inf'
    lines.push(
      `| ${family} | ×${shift} | ${pct(d.sequential)} | ${pct(d.kayenta)} | ${pct(d.wide)} | ${ratio} |`
    )
  }
}
lines.push(
  '',
  `${rows.length} cells in ${seconds.toFixed(0)} s. judge() over 100 metrics × 5,000 samples per side (median of 5 after a warm-up): sequential ${speedMs.sequential.toFixed(0)} ms, kayenta ${speedMs.kayenta.toFixed(0)} ms.`
)
console.log(lines.join('\n'))
mkdirSync(path.join(root, 'bench/results'), { recursive: true })
writeFileSync(
  path.join(root, 'bench/results/canary-robust.json'),
  JSON.stringify(
    { reps, sizes, looks: LOOKS, wideLevel, seconds, speedMs, summary, rows },
    null,
    2
  ) + '\n'
)
