// Gating a 100,000-finding Trivy report: time and peak memory of `slipway scan gate`, beside
// what a user would otherwise run over the same file (jq, and a plain JSON.parse in node).
// Usage: node bench/scan-gate.mjs [--findings N] [--runs N] [--keep]
// Targets: under 3 s and under 500 MB for 100,000 findings.
import { execFileSync, spawn } from 'node:child_process'
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({
  options: {
    findings: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false }
  }
})
const FINDINGS = Number(values.findings)
const RUNS = Number(values.runs)
const TARGET_MS = 3000
const TARGET_MB = 500

const work = path.join(root, '.cache', 'bench-scan-gate')
mkdirSync(work, { recursive: true })

// --- the report: real Trivy vulnerability entries from the fixtures, renamed and multiplied ---

/** shared/ sits beside the repository (one level further up for a git worktree). */
function sharedFixtures() {
  if (process.env.SLIPWAY_SHARED) return path.join(process.env.SLIPWAY_SHARED, 'fixtures', 'scan')
  for (let dir = path.dirname(path.resolve(root)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'fixtures', 'scan')
    if (existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) throw new Error('no shared/fixtures/scan beside the repository')
  }
}

function fixtureVulnerabilities() {
  const dir = path.join(sharedFixtures(), 'trivy')
  const files = [
    ...readdirSync(dir).map((f) => path.join(dir, f)),
    ...readdirSync(path.join(dir, 'extra')).map((f) => path.join(dir, 'extra', f))
  ].filter((f) => f.endsWith('.json'))
  const vulnerabilities = []
  for (const file of files) {
    const report = JSON.parse(readFileSync(file, 'utf8'))
    for (const result of report.Results ?? [])
      vulnerabilities.push(...(result.Vulnerabilities ?? []))
  }
  // A vendor's not_affected status is suppressed by the gate; the counts here are of findings.
  vulnerabilities.splice(
    0,
    vulnerabilities.length,
    ...vulnerabilities.filter((v) => v.Status !== 'not_affected')
  )
  if (vulnerabilities.length === 0) throw new Error(`no Trivy fixtures under ${dir}`)
  return vulnerabilities
}

/**
 * FINDINGS distinct (vulnerability, package, version) findings: 20,000 IDs over 5,000 packages,
 * in one OS result and four language results, indented as Trivy writes it. Returns the counts
 * by severity the gate must print.
 */
async function generateReport(file) {
  const samples = fixtureVulnerabilities()
  const counts = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 }
  const out = createWriteStream(file)
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once('drain', r)))
  const header = {
    SchemaVersion: 2,
    CreatedAt: new Date().toISOString(),
    ArtifactName: 'ghcr.io/acme/bench@sha256:' + 'b'.repeat(64),
    ArtifactType: 'container_image',
    Metadata: {
      OS: { Family: 'debian', Name: '12.5' },
      RepoTags: ['ghcr.io/acme/bench:1.0.0'],
      RepoDigests: ['ghcr.io/acme/bench@sha256:' + 'b'.repeat(64)]
    }
  }
  await write(JSON.stringify(header, null, 2).slice(0, -2) + ',\n  "Results": [')
  const results = [
    {
      Target: 'ghcr.io/acme/bench:1.0.0 (debian 12.5)',
      Class: 'os-pkgs',
      Type: 'debian',
      share: 0.6
    },
    { Target: 'Java', Class: 'lang-pkgs', Type: 'jar', share: 0.1 },
    { Target: 'Node.js', Class: 'lang-pkgs', Type: 'node-pkg', share: 0.1 },
    { Target: 'Python', Class: 'lang-pkgs', Type: 'python-pkg', share: 0.1 },
    { Target: 'usr/local/bin/app', Class: 'lang-pkgs', Type: 'gobinary', share: 0.1 }
  ]
  let n = 0
  for (const [r, result] of results.entries()) {
    const size = r === results.length - 1 ? FINDINGS - n : Math.round(FINDINGS * result.share)
    const { share, ...fields } = result
    void share
    await write(
      `${r ? ',' : ''}\n    ${JSON.stringify(fields, null, 2).slice(0, -2).replace(/\n/g, '\n    ')},\n      "Vulnerabilities": [`
    )
    for (let i = 0; i < size; i++, n++) {
      const sample = samples[n % samples.length]
      const id = `CVE-${2015 + (n % 10)}-${10000 + (n % 20000)}`
      const pkg = `${result.Type}-pkg-${n % 5000}`
      const version = `1.${Math.floor(n / 5000)}.${n % 7}`
      const vulnerability = {
        ...sample,
        VulnerabilityID: id,
        PkgID: `${pkg}@${version}`,
        PkgName: pkg,
        PkgIdentifier: { PURL: `pkg:generic/${pkg}@${version}` },
        InstalledVersion: version,
        Fingerprint: `sha256:${n.toString(16).padStart(64, '0')}`
      }
      const severity = (sample.Severity ?? 'UNKNOWN').toLowerCase()
      counts[severity in counts ? severity : 'unknown']++
      const text = JSON.stringify(vulnerability, null, 2).replace(/\n/g, '\n        ')
      await write(`${i ? ',' : ''}\n        ${text}`)
    }
    await write('\n      ]\n    }')
  }
  await write('\n  ]\n}\n')
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())))
  return counts
}

// --- what runs the gate: the bundled CLI when it has the command, else the sources compiled ---

function gateCommand() {
  const bundle = path.join(root, 'dist', 'cli', 'index.js')
  if (existsSync(bundle)) {
    try {
      execFileSync(process.execPath, [bundle, 'scan', '--help'], { stdio: 'pipe' })
      const help = execFileSync(process.execPath, [bundle, 'help', 'scan'], { encoding: 'utf8' })
      if (help.includes('scan gate')) {
        return { label: 'slipway scan gate (dist/cli bundle)', argv: [bundle, 'scan', 'gate'] }
      }
    } catch {
      // an older bundle without the command
    }
  }
  const out = path.join(work, 'compiled')
  rmSync(out, { recursive: true, force: true })
  const tsconfig = path.join(work, 'tsconfig.json')
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.json'),
      compilerOptions: { noEmit: false, outDir: out, rootDir: path.join(root, 'src') },
      include: [path.join(root, 'src/cli/scan.ts')]
    })
  )
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig],
    {
      stdio: 'inherit'
    }
  )
  const driver = path.join(out, 'gate.mjs')
  writeFileSync(
    driver,
    `import { scanCommand } from './cli/scan.js'
const io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), cwd: process.cwd() }
process.exitCode = await scanCommand(['gate', ...process.argv.slice(2)], io)
`
  )
  return { label: 'slipway scan gate (src compiled with tsc: dist/cli is stale)', argv: [driver] }
}

// --- measuring: wall time and the child's peak resident set ---

const GNU_TIME = '/usr/bin/time'
const hasGnuTime = existsSync(GNU_TIME)

function measure(program, args, stdoutFile) {
  return new Promise((resolve, reject) => {
    const argv = hasGnuTime ? ['-v', program, ...args] : args
    const started = process.hrtime.bigint()
    const child = spawn(hasGnuTime ? GNU_TIME : program, argv, {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const out = createWriteStream(stdoutFile)
    child.stdout.pipe(out)
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)
      const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined
      resolve({ code, ms, cpuMs, mb: rss ? Number(rss[1]) / 1024 : undefined, stderr })
    })
  })
}

async function best(label, program, args, stdoutFile, check) {
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const run = await measure(program, args, stdoutFile)
    if (check) check(run)
    runs.push(run)
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const cpu = runs.map((r) => r.cpuMs).filter((v) => v !== undefined)
  return {
    label,
    ms: median(runs.map((r) => r.ms)),
    cpuMs: cpu.length > 0 ? median(cpu) : undefined,
    mb: Math.max(...runs.map((r) => r.mb ?? 0)) || undefined
  }
}

const reportFile = path.join(work, `trivy-${FINDINGS}.json`)
const started = Date.now()
const expected = await generateReport(reportFile)
const megabytes = statSync(reportFile).size / 1024 / 1024
console.log(
  `generated ${FINDINGS} findings (${megabytes.toFixed(0)} MB of Trivy JSON) in ${((Date.now() - started) / 1000).toFixed(1)} s`
)

const gate = gateCommand()
const gateOut = path.join(work, 'gate.json')
const checkGate = (run) => {
  if (run.code !== 1) throw new Error(`slipway scan gate exited ${run.code}:\n${run.stderr}`)
  const printed = JSON.parse(readFileSync(gateOut, 'utf8'))
  if (JSON.stringify(printed.counts) !== JSON.stringify(expected)) {
    throw new Error(
      `counts ${JSON.stringify(printed.counts)}, expected ${JSON.stringify(expected)}`
    )
  }
}
const rows = [
  await best(
    `${gate.label} --format json`,
    process.execPath,
    [...gate.argv, '--report', reportFile, '--format', 'json'],
    gateOut,
    checkGate
  ),
  await best(
    '  same, plus --sarif (25,000 results kept)',
    process.execPath,
    [
      ...gate.argv,
      '--report',
      reportFile,
      '--format',
      'json',
      '--sarif',
      path.join(work, 'gate.sarif')
    ],
    gateOut,
    (run) => {
      checkGate(run)
      const sarif = JSON.parse(readFileSync(path.join(work, 'gate.sarif'), 'utf8'))
      if (sarif.runs[0].results.length !== 25_000) {
        throw new Error(`the SARIF file has ${sarif.runs[0].results.length} results, not 25,000`)
      }
    }
  )
]
const jq = ['/usr/bin/jq', '/usr/local/bin/jq'].find((p) => existsSync(p))
if (jq) {
  rows.push(
    await best(
      'jq: count HIGH/CRITICAL (no dedupe, no policy)',
      jq,
      [
        '[.Results[]?.Vulnerabilities[]? | select(.Severity == "HIGH" or .Severity == "CRITICAL")] | length',
        reportFile
      ],
      path.join(work, 'jq.out')
    )
  )
  // What the gate's counts are, in jq: distinct (vulnerability, package, version) by severity.
  const jqOut = path.join(work, 'jq-distinct.out')
  rows.push(
    await best(
      "jq: distinct findings by severity (the gate's counts)",
      jq,
      [
        '-c',
        '[.Results[]?.Vulnerabilities[]? | select(.Status != "not_affected") | [.VulnerabilityID, .PkgName, .InstalledVersion, (.Severity // "UNKNOWN" | ascii_downcase)]] | unique_by(.[0:3]) | group_by(.[3]) | map({key: .[0][3], value: length}) | from_entries',
        reportFile
      ],
      jqOut,
      () => {
        const counts = {
          critical: 0,
          high: 0,
          medium: 0,
          low: 0,
          unknown: 0,
          ...JSON.parse(readFileSync(jqOut, 'utf8'))
        }
        if (JSON.stringify(counts) !== JSON.stringify(expected)) {
          throw new Error(
            `jq counted ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}`
          )
        }
      }
    )
  )
}
rows.push(
  await best(
    'node: JSON.parse of the whole report, count',
    process.execPath,
    [
      '-e',
      `const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); let n = 0; for (const x of r.Results ?? []) n += (x.Vulnerabilities ?? []).length; console.log(n)`,
      reportFile
    ],
    path.join(work, 'node.out')
  )
)

const gateRow = rows[0]
const width = Math.max(...rows.map((r) => r.label.length))
console.log(
  `\nnode ${process.version}, ${os.cpus().length} cpus, median of ${RUNS} runs; peak RSS from ${hasGnuTime ? '/usr/bin/time -v' : '(unavailable)'}`
)
const seconds = (ms) => (ms === undefined ? '?' : (ms / 1000).toFixed(2))
const ratio = (a, b) => (a === undefined || b === undefined ? '?' : `${(a / b).toFixed(2)}x`)
console.log(
  `${'what'.padEnd(width)} | wall (s) | CPU (s) | peak RSS (MB) | wall vs slipway | CPU vs slipway`
)
console.log(
  `${'-'.repeat(width)} | -------- | ------- | ------------- | --------------- | --------------`
)
for (const row of rows) {
  console.log(
    `${row.label.padEnd(width)} | ${seconds(row.ms).padStart(8)} | ${seconds(row.cpuMs).padStart(7)} | ${(row.mb?.toFixed(0) ?? '?').padStart(13)} | ${ratio(row.ms, gateRow.ms).padStart(15)} | ${ratio(row.cpuMs, gateRow.cpuMs).padStart(14)}`
  )
}
const ok = gateRow.ms < TARGET_MS && (gateRow.mb ?? 0) < TARGET_MB
console.log(
  `\ntarget for ${FINDINGS} findings: under ${TARGET_MS / 1000} s and ${TARGET_MB} MB: ${ok ? 'met' : 'NOT met'} (${(gateRow.ms / 1000).toFixed(2)} s wall, ${seconds(gateRow.cpuMs)} s CPU, ${gateRow.mb?.toFixed(0) ?? '?'} MB; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cpus)`
)
if (!values.keep) rmSync(reportFile, { force: true })
process.exitCode = ok ? 0 : 1
