// The canary judge against SciPy's Mann-Whitney test, and the judge's detection and false
// positive rates over generated scenarios.
//
//   node bench/canary.mjs [--quick] [--runs N] [--reps R] [--metrics M] [--samples S]
//                         [--cli PATH] [--skip-speed] [--skip-quality]
//
// Speed: M metrics (default 100) of S samples per side (default 5,000), half continuous
// (lognormal and normal), half heavily tied (latencies rounded to whole ms, small counts),
// written once to two samples files that both sides read. In-process, after warm-up, the
// median of N runs (default 7; wall and CPU time) of slipway's judge() over every metric, and
// of its U and p alone, against SciPy's mannwhitneyu(two-sided, asymptotic) over the same
// pairs in one python3 process (bench/canary_scipy.py serve), the runs of both alternating;
// and end to end, `slipway canary judge --format json` against `python3 bench/canary_scipy.py
// judge`, each a new process.
//
// Quality: for scenarios (normal, lognormal, latency in whole ms, error counts, rare errors),
// n per side in 20..1000 and canary increases of 0, 5, 10 and 25 %, R seeded replications
// (default 400) judged with the default settings (confidence 0.98, Kayenta's tolerance 0.25,
// allowed mean ratio 1) and with tolerance 0 (the bare interval test at 0.98). Detection is
// the rate of High; at 0 % the false positive rate is High or Low, against alpha = 0.02.
//
// slipway runs from a build of src/ that this bench makes (tsc into .cache/bench/canary-build,
// the CLI bundled with ncc into .cache/bench/canary-cli; rebuilt when src changes); dist/ is
// left alone. Results: Markdown on stdout, JSON in bench/results/canary.json.
import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const cache = path.join(root, '.cache/bench')
const results = path.join(root, 'bench/results')
const require = createRequire(import.meta.url)
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    reps: { type: 'string' },
    metrics: { type: 'string', default: '100' },
    samples: { type: 'string', default: '5000' },
    cli: { type: 'string' },
    'skip-speed': { type: 'boolean', default: false },
    'skip-quality': { type: 'boolean', default: false }
  }
})
const quick = values.quick
const runs = Number(values.runs ?? (quick ? 3 : 7))
const reps = Number(values.reps ?? (quick ? 60 : 400))
const metricCount = Number(values.metrics)
const sampleCount = Number(values.samples)
const log = (text) => console.error(`bench/canary: ${text}`)
const python = process.env.PYTHON ?? 'python3'
const scipyHelper = path.join(root, 'bench/canary_scipy.py')

// --- slipway from src ----------------------------------------------------------------------------

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    newest = Math.max(
      newest,
      entry.isDirectory()
        ? newestMtime(file)
        : entry.name.endsWith('.ts')
          ? statSync(file).mtimeMs
          : 0
    )
  }
  return newest
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0)
const srcTime = newestMtime(path.join(root, 'src'))
const build = path.join(cache, 'canary-build')
const coreEntry = path.join(build, 'src/core/canary/index.js')
if (mtime(coreEntry) < srcTime) {
  log('compiling src with tsc into .cache/bench/canary-build')
  rmSync(build, { recursive: true, force: true })
  // tsc emits JavaScript even while files others are writing do not type-check.
  spawnSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      'tsconfig.json',
      '--noEmit',
      'false',
      '--outDir',
      build,
      '--rootDir',
      '.'
    ],
    { cwd: root, stdio: 'ignore' }
  )
  if (!existsSync(coreEntry)) {
    console.error('tsc emitted no src/core/canary/index.js')
    process.exit(1)
  }
}
const core = await import(pathToFileURL(coreEntry).href)

let cli = values.cli && path.resolve(values.cli)
let cliNote = 'given with --cli'
if (!cli) {
  const out = path.join(cache, 'canary-cli')
  cli = path.join(out, 'index.js')
  cliNote = '.cache/bench/canary-cli/index.js, an ncc bundle of src made by this bench'
  if (mtime(cli) < mtime(coreEntry)) {
    log('bundling the CLI with ncc into .cache/bench/canary-cli')
    rmSync(out, { recursive: true, force: true })
    spawnSync(
      process.execPath,
      [
        require.resolve('@vercel/ncc/dist/ncc/cli.js'),
        'build',
        path.join(build, 'src/entries/cli.js'),
        '-o',
        out,
        '--quiet'
      ],
      { cwd: root, stdio: 'inherit' }
    )
    if (!existsSync(cli)) {
      console.error('bundling the CLI failed')
      process.exit(1)
    }
  }
}

// --- seeded random numbers -----------------------------------------------------------------------

function rng(seed) {
  let a = seed >>> 0
  const uniform = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  let spare
  const normal = () => {
    if (spare !== undefined) {
      const s = spare
      spare = undefined
      return s
    }
    let u
    do u = uniform()
    while (u === 0)
    const r = Math.sqrt(-2 * Math.log(u))
    const theta = 2 * Math.PI * uniform()
    spare = r * Math.sin(theta)
    return r * Math.cos(theta)
  }
  const poisson = (lambda) => {
    const limit = Math.exp(-lambda)
    let k = 0
    let p = uniform()
    while (p > limit) {
      k++
      p *= uniform()
    }
    return k
  }
  return { uniform, normal, poisson }
}

/**
 * Scenarios: draw(r, factor) gives one sample with the metric's level multiplied by factor
 * (1 for the baseline, 1 + shift for the canary).
 */
const SCENARIOS = {
  normal: {
    tied: false,
    about: 'N(100, 10), continuous',
    draw: (r, f) => (100 + 10 * r.normal()) * f
  },
  lognormal: {
    tied: false,
    about: 'lognormal latency, median 120 ms, sigma 0.5, continuous',
    draw: (r, f) => 120 * Math.exp(0.5 * r.normal()) * f
  },
  'latency-ms': {
    tied: true,
    about: 'lognormal latency, median 20 ms, sigma 0.5, rounded to whole ms (~60 distinct values)',
    draw: (r, f) => Math.round(20 * Math.exp(0.5 * r.normal()) * f)
  },
  'error-count': {
    tied: true,
    about: 'errors per step, Poisson(3) (~10 distinct values)',
    draw: (r, f) => r.poisson(3 * f)
  },
  'rare-errors': {
    tied: true,
    about: 'errors per step, Poisson(0.3) (mostly 0)',
    draw: (r, f) => r.poisson(0.3 * f)
  }
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const fixed = (value, digits = 0) =>
  value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits)
const report = {
  bench: 'canary',
  node: process.version,
  cpus: cpus().length,
  loadBefore: loadavg()[0]
}

// --- speed -----------------------------------------------------------------------------------------

function speedData() {
  // Per metric a scenario (continuous ones as "cont-", tied ones as "tied-"); every fourth
  // metric has its canary 5 % higher, as in a run where something moved.
  const continuous = Object.entries(SCENARIOS).filter(([, s]) => !s.tied)
  const tied = Object.entries(SCENARIOS).filter(([, s]) => s.tied && !s.about.includes('mostly'))
  const baseline = {}
  const canary = {}
  for (let m = 0; m < metricCount; m++) {
    const isTied = m % 2 === 1
    const pool = isTied ? tied : continuous
    const [scenario, { draw }] = pool[Math.floor(m / 2) % pool.length]
    const name = `${isTied ? 'tied' : 'cont'}-${String(m).padStart(3, '0')}-${scenario}`
    const r = rng(1000 + m)
    const factor = m % 4 === 0 ? 1.05 : 1
    baseline[name] = Array.from({ length: sampleCount }, () => draw(r, 1))
    canary[name] = Array.from({ length: sampleCount }, () => draw(r, factor))
  }
  return { baseline, canary }
}

function timedProcess(program, args) {
  // GNU time, when there, gives the CPU time (user + system): steadier on a busy machine.
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
  const cpuFile = path.join(cache, `canary-cpu-${process.pid}`)
  const [command, argv] = gnuTime
    ? [gnuTime, ['-f', '%U %S', '-o', cpuFile, program, ...args]]
    : [program, args]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - started
      // slipway canary judge: 0 pass, 1 fail or marginal, 3 inconclusive are all answers.
      if (![0, 1, 3].includes(code)) {
        reject(new Error(`${program} ${args.join(' ')} exited with ${code}:\n${err}`))
        return
      }
      let cpu
      if (gnuTime) {
        // The last line: GNU time puts "Command exited with non-zero status N" before it.
        const lines = readFileSync(cpuFile, 'utf8').trim().split('\n')
        const [user, system] = lines[lines.length - 1].trim().split(/\s+/).map(Number)
        cpu = (user + system) * 1000
        rmSync(cpuFile, { force: true })
      }
      resolve({ ms, cpu, out })
    })
  })
}

/** bench/canary_scipy.py serve: ready gives U and p per metric, run() one timed pass. */
function scipyServer(baselineFile, canaryFile) {
  const child = spawn(
    python,
    [scipyHelper, 'serve', baselineFile, canaryFile, '--groups', 'cont,tied'],
    { stdio: ['pipe', 'pipe', 'inherit'] }
  )
  const waiting = []
  let buffered = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk) => {
    buffered += chunk
    let newline
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
      waiting.shift()?.resolve(JSON.parse(line))
    }
  })
  const failed = (error) => {
    for (const w of waiting.splice(0)) w.reject(error)
  }
  child.on('error', failed)
  child.on('close', (code) => failed(new Error(`the SciPy side exited with ${code}`)))
  const next = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }))
  return {
    ready: next().then((message) => message.metrics),
    run() {
      const reply = next()
      child.stdin.write('run\n')
      return reply
    },
    close() {
      child.stdin.end()
    }
  }
}

async function speed() {
  const dir = path.join(cache, 'canary-data')
  mkdirSync(dir, { recursive: true })
  const baselineFile = path.join(dir, `baseline-${metricCount}x${sampleCount}.json`)
  const canaryFile = path.join(dir, `canary-${metricCount}x${sampleCount}.json`)
  log(`generating ${metricCount} metrics x ${sampleCount} samples per side`)
  const data = speedData()
  writeFileSync(baselineFile, JSON.stringify({ metrics: data.baseline }))
  writeFileSync(canaryFile, JSON.stringify({ metrics: data.canary }))
  // Both sides read the files: the JS side parses them as the CLI does.
  const baseline = core.parseSamplesFile(readFileSync(baselineFile, 'utf8'), baselineFile)
  const canary = core.parseSamplesFile(readFileSync(canaryFile, 'utf8'), canaryFile)
  const names = [...canary.keys()]
  const groups = {
    continuous: names.filter((n) => n.startsWith('cont-')),
    tied: names.filter((n) => n.startsWith('tied-')),
    all: names
  }
  const metricsOf = (list) =>
    list.map((name) => ({
      settings: core.defaultMetricSettings(name),
      canary: canary.get(name),
      baseline: baseline.get(name)
    }))
  const inputs = Object.fromEntries(Object.entries(groups).map(([g, list]) => [g, metricsOf(list)]))
  // What SciPy computes, U and p, without the interval and classification.
  const testOnly = (metrics) => {
    for (const m of metrics) core.wilcoxPValue(new core.ShiftedRankSum(m.canary, m.baseline))
  }

  // SciPy runs in one python3 process that times a pass whenever asked, so the runs
  // alternate (slipway, SciPy, SciPy, slipway, ...) and a change in the machine's load falls
  // on both sides.
  const scipy = scipyServer(baselineFile, canaryFile)
  const scipyStats = await scipy.ready
  log(`timing in-process: ${runs} runs each, alternating`)
  for (let i = 0; i < 3; i++) {
    core.judge(inputs.all)
    testOnly(inputs.all)
  }
  // Wall time and CPU time (process.cpuUsage, Python's process_time: both the whole
  // process's user + system time, GC and compiler threads included). On a machine busier
  // than its cores, CPU time leaves out the waits for a core and is the steadier measure.
  const series = () => Object.fromEntries(Object.keys(groups).map((g) => [g, []]))
  const js = { judge: series(), test: series(), judgeCpu: series(), testCpu: series() }
  const scipyTimes = series()
  const scipyCpu = series()
  const cpuNow = () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  const slipwayRun = () => {
    for (const [g, metrics] of Object.entries(inputs)) {
      let start = performance.now()
      let startCpu = cpuNow()
      core.judge(metrics)
      js.judgeCpu[g].push(cpuNow() - startCpu)
      js.judge[g].push(performance.now() - start)
      start = performance.now()
      startCpu = cpuNow()
      testOnly(metrics)
      js.testCpu[g].push(cpuNow() - startCpu)
      js.test[g].push(performance.now() - start)
    }
  }
  const scipyRun = async () => {
    const pass = await scipy.run()
    for (const [g, key] of [
      ['continuous', 'cont'],
      ['tied', 'tied'],
      ['all', 'all']
    ]) {
      scipyTimes[g].push(pass.times[key])
      scipyCpu[g].push(pass.cpu[key])
    }
  }
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      slipwayRun()
      await scipyRun()
    } else {
      await scipyRun()
      slipwayRun()
    }
  }
  scipy.close()

  // Same test on both sides? slipway's p-value (asymptotic, tie- and continuity-corrected at
  // these sizes) against SciPy's.
  const judged = core.judge(inputs.all)
  let worstP = 0
  let worstU = 0
  let minP = 1
  for (const m of inputs.all) {
    const ours = core.wilcoxPValue(new core.ShiftedRankSum(m.canary, m.baseline))
    const theirs = scipyStats[m.settings.name]
    worstU = Math.max(worstU, Math.abs(ours.statistic - theirs.U))
    minP = Math.min(minP, theirs.p)
    if (theirs.p > 1e-300) {
      worstP = Math.max(worstP, Math.abs(ours.pValue - theirs.p) / theirs.p)
    }
  }
  const highs = judged.metrics.filter((m) => m.classification === 'High').length

  log('timing whole processes')
  const cliArgs = [cli, 'canary', 'judge', '--baseline', baselineFile, '--canary', canaryFile]
  const whole = { slipway: { ms: [], cpu: [] }, scipy: { ms: [], cpu: [] } }
  const tools = {
    slipway: () => timedProcess(process.execPath, [...cliArgs, '--format', 'json']),
    scipy: () => timedProcess(python, [scipyHelper, 'judge', baselineFile, canaryFile])
  }
  for (const tool of Object.keys(tools)) await tools[tool]() // warm the file cache
  const cliOut = JSON.parse((await tools.slipway()).out)
  if (cliOut.metrics.length !== names.length) throw new Error('the CLI judged the wrong metrics')
  for (let run = 0; run < Math.max(3, Math.ceil(runs / 2)); run++) {
    const order = run % 2 ? ['scipy', 'slipway'] : ['slipway', 'scipy']
    for (const tool of order) {
      const t = await tools[tool]()
      whole[tool].ms.push(t.ms)
      whole[tool].cpu.push(t.cpu)
    }
  }

  const rows = Object.keys(groups).map((g) => ({
    group: g,
    metrics: groups[g].length,
    judgeMs: median(js.judge[g]),
    testMs: median(js.test[g]),
    scipyMs: median(scipyTimes[g]),
    judgeCpu: median(js.judgeCpu[g]),
    testCpu: median(js.testCpu[g]),
    scipyCpu: median(scipyCpu[g])
  }))
  console.log(
    `\n### Speed: ${metricCount} metrics x ${sampleCount} samples per side (median of ${runs} runs)\n`
  )
  console.log(
    'slipway judge: sort, clean, summaries, p-value, Kayenta interval and estimate (three root',
    'searches), mean ratio, classification, score.\nslipway test: U and p only (what SciPy',
    'computes). SciPy: mannwhitneyu(two-sided, asymptotic), U and p.\nEach cell: wall ms / CPU ms.\n'
  )
  console.log(
    '| data | metrics | slipway judge | slipway test | SciPy | judge/SciPy wall | CPU | test/SciPy wall | CPU |'
  )
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  const pair = (wall, cpu) => `${fixed(wall, 1)} / ${fixed(cpu, 1)}`
  for (const r of rows) {
    console.log(
      `| ${r.group} | ${r.metrics} | ${pair(r.judgeMs, r.judgeCpu)} | ${pair(r.testMs, r.testCpu)} | ` +
        `${pair(r.scipyMs, r.scipyCpu)} | ${fixed(r.judgeMs / r.scipyMs, 2)} | ` +
        `${fixed(r.judgeCpu / r.scipyCpu, 2)} | ${fixed(r.testMs / r.scipyMs, 2)} | ` +
        `${fixed(r.testCpu / r.scipyCpu, 2)} |`
    )
  }
  const w = {
    slipwayMs: median(whole.slipway.ms),
    scipyMs: median(whole.scipy.ms),
    slipwayCpu: whole.slipway.cpu.includes(undefined) ? undefined : median(whole.slipway.cpu),
    scipyCpu: whole.scipy.cpu.includes(undefined) ? undefined : median(whole.scipy.cpu)
  }
  console.log(
    `\nWhole process, each a new process: \`slipway canary judge --format json\` (the bundled CLI:`,
    'start, read and parse both files, judge, print) against `python3 bench/canary_scipy.py judge`',
    '(start, import SciPy, read, test, print).\n'
  )
  console.log('| whole process | slipway ms | python3 + SciPy ms | slipway/SciPy |')
  console.log('| --- | ---: | ---: | ---: |')
  console.log(
    `| wall | ${fixed(w.slipwayMs)} | ${fixed(w.scipyMs)} | ${fixed(w.slipwayMs / w.scipyMs, 2)} |`
  )
  console.log(
    `| CPU (user + system) | ${fixed(w.slipwayCpu)} | ${fixed(w.scipyCpu)} | ${fixed(w.slipwayCpu / w.scipyCpu, 2)} |`
  )
  console.log(
    `\nSame test on both sides: U differs by at most ${worstU}, p by at most a relative ` +
      `${worstP.toExponential(1)} (smallest p ${minP.toExponential(1)}); the judge called ` +
      `${highs} of ${names.length} metrics High (${names.filter((_, i) => i % 4 === 0).length} have a 5 % increase).`
  )
  console.log(`CLI: ${cliNote}`)
  report.speed = {
    metrics: metricCount,
    samples: sampleCount,
    runs,
    rows,
    whole: w,
    worstU,
    worstP
  }
  report.speedRaw = { slipway: js, scipy: { wall: scipyTimes, cpu: scipyCpu }, whole }
}

// --- quality ---------------------------------------------------------------------------------------

const SIZES = [20, 50, 100, 200, 500, 1000]
const SHIFTS = [0, 0.05, 0.1, 0.25]
const ALPHA = 1 - core.KAYENTA_CONFIDENCE_LEVEL

/** Wilson score interval for k successes in n trials at 95 %. */
function wilson(k, n, z = 1.959963984540054) {
  const p = k / n
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

function quality() {
  const settings = { default: {}, 'tolerance 0': { tolerance: 0 } }
  const cells = []
  const started = performance.now()
  let seed = 1
  for (const [scenario, { draw }] of Object.entries(SCENARIOS)) {
    for (const n of SIZES) {
      for (const shift of SHIFTS) {
        const r = rng(0x5eed0000 + seed++)
        const metrics = []
        for (let rep = 0; rep < reps; rep++) {
          const baseline = Array.from({ length: n }, () => draw(r, 1))
          const canary = Array.from({ length: n }, () => draw(r, 1 + shift))
          metrics.push({ settings: core.defaultMetricSettings(`m${rep}`), baseline, canary })
        }
        for (const [label, options] of Object.entries(settings)) {
          const counts = { High: 0, Low: 0, Pass: 0, NoData: 0, Error: 0 }
          for (const m of core.judge(metrics, options).metrics) counts[m.classification]++
          cells.push({ scenario, n, shift, settings: label, reps, ...counts })
        }
      }
    }
    log(`quality: ${scenario} done (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }

  const pct = (k, total) => `${((100 * k) / total).toFixed(1)}`
  console.log(
    `\n### Detection and false positives: ${reps} replications per cell, canary increased by the shift\n`
  )
  console.log(
    `Configured: confidence level ${core.KAYENTA_CONFIDENCE_LEVEL} (alpha ${fixed(ALPHA, 2)}, two-sided), ` +
      `Kayenta tolerance ${core.KAYENTA_TOLERANCE}, allowed mean ratio 1, direction either.`
  )
  console.log(
    'Columns: % High at 5, 10, 25 % (detection), and at 0 % the % High or Low (false positives),',
    'default settings / tolerance 0.'
  )
  for (const [scenario, { about }] of Object.entries(SCENARIOS)) {
    console.log(`\n**${scenario}**: ${about}\n`)
    console.log('| n per side | FPR % (0 %) | High % at +5 % | +10 % | +25 % | Error % |')
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const n of SIZES) {
      const cell = (shift, label) =>
        cells.find(
          (c) => c.scenario === scenario && c.n === n && c.shift === shift && c.settings === label
        )
      const both = (shift, f) => `${f(cell(shift, 'default'))} / ${f(cell(shift, 'tolerance 0'))}`
      const errors = SHIFTS.reduce((s, shift) => s + cell(shift, 'default').Error, 0)
      console.log(
        `| ${n} | ${both(0, (c) => pct(c.High + c.Low, c.reps))} | ` +
          `${both(0.05, (c) => pct(c.High, c.reps))} | ${both(0.1, (c) => pct(c.High, c.reps))} | ` +
          `${both(0.25, (c) => pct(c.High, c.reps))} | ${pct(errors, reps * SHIFTS.length)} |`
      )
    }
  }

  // False positives pooled over the sizes, with a 95 % Wilson interval, per setting.
  console.log(`\n**False positive rate at 0 % shift, pooled over n = ${SIZES.join(', ')}**\n`)
  console.log(
    `| scenario | settings | false positives | rate % | 95 % interval % | worst n: rate % | ≤ alpha ${fixed(ALPHA, 2)}? |`
  )
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |')
  const fpr = []
  for (const scenario of Object.keys(SCENARIOS)) {
    for (const label of Object.keys(settings)) {
      const zero = cells.filter(
        (c) => c.scenario === scenario && c.shift === 0 && c.settings === label
      )
      const k = zero.reduce((s, c) => s + c.High + c.Low, 0)
      const total = zero.reduce((s, c) => s + c.reps, 0)
      const [lo, hi] = wilson(k, total)
      const worst = zero.reduce((a, c) => (c.High + c.Low > a.High + a.Low ? c : a))
      // A cell fails only when even the interval's lower end is above alpha.
      const cellFails = zero.filter((c) => wilson(c.High + c.Low, c.reps)[0] > ALPHA)
      const holds = lo <= ALPHA && cellFails.length === 0
      fpr.push({ scenario, settings: label, k, total, rate: k / total, lo, hi, holds })
      console.log(
        `| ${scenario} | ${label} | ${k} / ${total} | ${pct(k, total)} | ` +
          `${(100 * lo).toFixed(2)}–${(100 * hi).toFixed(2)} | ${worst.n}: ${pct(worst.High + worst.Low, worst.reps)} | ` +
          `${holds ? 'yes' : `NO${cellFails.length ? ` (n = ${cellFails.map((c) => c.n).join(', ')})` : ''}`} |`
      )
    }
  }
  console.log(
    `\n(${((performance.now() - started) / 1000).toFixed(0)} s; "yes" unless the pooled or some`,
    "cell's 95 % Wilson interval lies wholly above alpha)"
  )
  report.quality = { reps, alpha: ALPHA, sizes: SIZES, shifts: SHIFTS, cells, fpr }
}

if (!values['skip-speed']) await speed()
if (!values['skip-quality']) quality()
report.loadAfter = loadavg()[0]
console.log(
  `\nnode ${process.version}, ${cpus().length} CPUs, load average ${fixed(report.loadBefore, 1)} ` +
    `before and ${fixed(report.loadAfter, 1)} after`
)
mkdirSync(results, { recursive: true })
writeFileSync(path.join(results, 'canary.json'), JSON.stringify(report, null, 2) + '\n')
log('wrote bench/results/canary.json')
