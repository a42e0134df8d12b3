// slipway render (kustomize + pin + validate + policy + write) against `kubectl kustomize` alone,
// on the same generated overlay of 1,000 objects, timed in the same run.
//
//   node bench/render.mjs [--runs N] [--objects N] [--cli PATH]
//
// It times the bundled CLI, as a user runs it: dist/cli/index.js when that bundle has the
// current render command, else a fresh bundle of src/ built with ncc into bench/results/.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    objects: { type: 'string', default: '1000' },
    cli: { type: 'string' }
  }
})
const runs = Number(values.runs)
const perKind = Math.ceil(Number(values.objects) / 4)
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const digest = `sha256:${'5e'.repeat(32)}`

const { cli, note } = values.cli ? { cli: path.resolve(values.cli), note: 'given' } : chooseCli()
const workdir = generateOverlay(perKind)

const kustomize = () => run('kubectl', ['kustomize', 'overlays/bench'])
const slipway = () =>
  run(process.execPath, [
    cli,
    'render',
    '--env',
    'bench',
    '--image',
    `ghcr.io/acme/bench@${digest}`,
    '--out',
    'out',
    '--commit',
    '0123456789abcdef0123456789abcdef01234567'
  ])

// One untimed run each: file system caches, and a check that slipway did the whole job.
kustomize()
slipway()
const objects = JSON.parse(readFileSync(path.join(workdir, 'out', 'objects.json'), 'utf8'))
const manifests = readFileSync(path.join(workdir, 'out', 'manifests.yaml'), 'utf8')
const pinned = manifests.match(/^\s+(?:- )?image: ghcr\.io\/acme\/bench@sha256:/gm)?.length ?? 0
if (objects.length !== perKind * 4 || pinned !== perKind) {
  throw new Error(
    `expected ${perKind * 4} objects and ${perKind} pinned images, got ${objects.length} and ${pinned}`
  )
}

const times = { kustomize: [], slipway: [] }
for (let i = 0; i < runs; i++) {
  // Alternating which goes first spreads the machine's drift over both.
  const order = i % 2 === 0 ? ['kustomize', 'slipway'] : ['slipway', 'kustomize']
  for (const name of order) times[name].push(name === 'kustomize' ? kustomize() : slipway())
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const stat = (name, field) => median(times[name].map((t) => t[field]))
const wall = { kustomize: stat('kustomize', 'wall'), slipway: stat('slipway', 'wall') }
const cpu = { kustomize: stat('kustomize', 'cpu'), slipway: stat('slipway', 'cpu') }
console.log(
  `\n${objects.length} objects, ${pinned} images pinned, median of ${runs} runs each; slipway: ${path.relative(repoRoot, cli)} (${note})\n`
)
console.log('| step | wall time | ratio | CPU time | ratio |')
console.log('| --- | ---: | ---: | ---: | ---: |')
console.log(
  `| kubectl kustomize (render only) | ${ms(wall.kustomize)} | 1.00x | ${ms(cpu.kustomize)} | 1.00x |`
)
console.log(
  `| slipway render (render, pin, validate, check, write) | ${ms(wall.slipway)} | ${(wall.slipway / wall.kustomize).toFixed(2)}x | ${ms(cpu.slipway)} | ${(cpu.slipway / cpu.kustomize).toFixed(2)}x |`
)
const ratio = wall.slipway / wall.kustomize
console.log(
  `\nTarget: the whole step within 1.5x of kustomize alone (wall time): ${ratio <= 1.5 ? 'met' : 'missed'} at ${ratio.toFixed(2)}x.`
)
rmSync(workdir, { recursive: true, force: true })

/** Wall-clock and CPU (user + system, the process and its children) milliseconds of one run. */
function run(command, args) {
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  // bash's `time` reports the CPU of the whole process tree: kustomize under slipway included.
  const script = `TIMEFORMAT='%R %U %S'; { time ${quoted} >/dev/null 2>"$ERR"; } 2>&1`
  const err = path.join(workdir, 'stderr.txt')
  const result = spawnSync('bash', ['-c', script], {
    cwd: workdir,
    encoding: 'utf8',
    env: { ...process.env, ERR: err }
  })
  const [real, user, sys] = result.stdout.trim().split(/\s+/).map(Number)
  if (result.status !== 0 || Number.isNaN(real)) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${readFileSync(err, 'utf8')}`)
  }
  return { wall: real * 1000, cpu: (user + sys) * 1000 }
}

function ms(value) {
  return `${Math.round(value)} ms`
}

/** dist/cli when it has this render command; otherwise a fresh bundle of src/. */
function chooseCli() {
  const dist = path.join(repoRoot, 'dist', 'cli', 'index.js')
  if (existsSync(dist)) {
    const help = spawnSync(process.execPath, [dist, 'help', 'render'], { encoding: 'utf8' }).stdout
    if (help.includes('--image')) return { cli: dist, note: 'the committed bundle' }
  }
  const out = path.join(repoRoot, 'bench', 'results', 'cli')
  const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js')
  console.log(
    'dist/cli/index.js predates this render command: bundling src/ into bench/results/cli ...'
  )
  execFileSync(process.execPath, [ncc, 'build', 'src/entries/cli.ts', '-o', out, '--quiet'], {
    cwd: repoRoot,
    stdio: 'inherit'
  })
  return { cli: path.join(out, 'index.js'), note: 'bundled from src/ for this run' }
}

/**
 * A repository with slipway.yaml and a kustomize overlay over a base of `perKind` Deployments,
 * Services, ConfigMaps and ServiceAccounts, in files of 40 objects; the overlay sets a namespace,
 * a name prefix, a label, an image tag and a patch, as real overlays do.
 */
function generateOverlay(count) {
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-bench-'))
  const objects = []
  for (let i = 0; i < count; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`
    objects.push(
      deployment(name),
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n  - port: 80\n    targetPort: 8080\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\ndata:\n  LOG_LEVEL: info\n  FEATURE_X: "true"\n`,
      `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`
    )
  }
  mkdirSync(path.join(dir, 'base'), { recursive: true })
  mkdirSync(path.join(dir, 'overlays', 'bench'), { recursive: true })
  const files = []
  for (let start = 0; start < objects.length; start += 40) {
    const file = `objects-${String(start / 40).padStart(3, '0')}.yaml`
    writeFileSync(path.join(dir, 'base', file), objects.slice(start, start + 40).join('---\n'))
    files.push(file)
  }
  writeFileSync(
    path.join(dir, 'base', 'kustomization.yaml'),
    `resources:\n${files.map((f) => `  - ${f}`).join('\n')}\n`
  )
  writeFileSync(
    path.join(dir, 'overlays', 'bench', 'kustomization.yaml'),
    [
      'resources:',
      '  - ../../base',
      'namespace: bench',
      'namePrefix: prod-',
      'labels:',
      '  - pairs:',
      '      team: bench',
      'images:',
      '  - name: ghcr.io/acme/bench',
      '    newTag: 1.2.3',
      'patches:',
      '  - target:',
      '      kind: Deployment',
      '    patch: |-',
      '      - op: replace',
      '        path: /spec/replicas',
      '        value: 3',
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(dir, 'slipway.yaml'),
    [
      'image:',
      '  repository: ghcr.io/acme/bench',
      'manifests:',
      '  kustomize: overlays/{env}',
      'environments:',
      '  bench:',
      '    namespace: bench',
      ''
    ].join('\n')
  )
  return dir
}

function deployment(name) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - name: app
        image: ghcr.io/acme/bench:1.0.0
        ports:
        - containerPort: 8080
        resources:
          requests: {cpu: 100m, memory: 64Mi}
          limits: {cpu: 500m, memory: 128Mi}
        readinessProbe:
          httpGet: {path: /healthz, port: 8080}
        livenessProbe:
          httpGet: {path: /healthz, port: 8080}
      - name: proxy
        image: docker.io/envoyproxy/envoy:v1.31.0@sha256:${'e0'.repeat(32)}
        resources:
          requests: {cpu: 50m, memory: 32Mi}
          limits: {cpu: 200m, memory: 64Mi}
        readinessProbe:
          tcpSocket: {port: 9901}
        livenessProbe:
          tcpSocket: {port: 9901}
`
}
