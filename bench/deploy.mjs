// slipway deploy (rolling) of a 1,000-object overlay to the real control plane of scripts/kube.sh,
// beside what a user would script otherwise: `kubectl apply --server-side` of the same objects,
// then `kubectl rollout status` of each Deployment, against the same cluster, in the same run.
// Each timed round releases a new digest, so every Deployment rolls out again with both tools.
//
//   node bench/deploy.mjs [--runs N] [--objects N]
//
// Needs the control plane running (bash scripts/kube.sh start; the env file is read from
// .cache/kube/env) and dist/cli/index.js built from the current source (npm run bundle).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, objects: { type: 'string', default: '1000' } }
})
const runs = Number(values.runs)
const perKind = Math.ceil(Number(values.objects) / 4)
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const cli = path.join(repoRoot, 'dist', 'cli', 'index.js')
const kubeconfig = kubeconfigOf()
const suffix = Math.random().toString(16).slice(2, 8)
const namespaces = { kubectl: `bench-kubectl-${suffix}`, slipway: `bench-slipway-${suffix}` }
const dirs = { kubectl: generate(namespaces.kubectl), slipway: generate(namespaces.slipway) }
const digest = (n) => `sha256:${String(n).padStart(2, '0').repeat(32)}`

try {
  // Untimed first release with each tool: namespaces, accounts and services created.
  kubectlRound(0)
  slipwayRound(0)
  const times = { kubectl: [], slipway: [] }
  for (let i = 1; i <= runs; i++) {
    const order = i % 2 === 1 ? ['kubectl', 'slipway'] : ['slipway', 'kubectl']
    for (const name of order) {
      times[name].push(name === 'kubectl' ? kubectlRound(i) : slipwayRound(i))
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const k = median(times.kubectl)
  const s = median(times.slipway)
  console.log(
    `\n${perKind * 4} objects (${perKind} Deployments of 1 replica), a new digest each round, median of ${runs} rounds each\n`
  )
  console.log('| what | wall time | ratio |')
  console.log('| --- | ---: | ---: |')
  console.log(
    `| kubectl apply --server-side, then kubectl rollout status of each Deployment | ${Math.round(k)} ms | 1.00x |`
  )
  console.log(
    `| slipway deploy (render, lock, record, apply in parallel, prune, wait) | ${Math.round(s)} ms | ${(s / k).toFixed(2)}x |`
  )
  console.log(
    `\nTarget: slipway's whole step at most 0.5x kubectl's: ${s / k <= 0.5 ? 'met' : 'missed'} at ${(s / k).toFixed(2)}x.`
  )
} finally {
  for (const ns of Object.values(namespaces)) {
    spawnSync('kubectl', ['--kubeconfig', kubeconfig, 'delete', 'namespace', ns, '--wait=false'])
  }
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true })
}

/** kubectl: the objects rendered by slipway (same objects), applied, then each Deployment waited for. */
function kubectlRound(round) {
  const dir = dirs.kubectl
  run(
    process.execPath,
    [
      cli,
      'render',
      '--env',
      'bench',
      '--image',
      `ghcr.io/acme/bench@${digest(round)}`,
      '--out',
      'out'
    ],
    dir
  )
  const started = performance.now()
  if (round === 0)
    run('kubectl', ['--kubeconfig', kubeconfig, 'create', 'namespace', namespaces.kubectl], dir)
  run(
    'kubectl',
    [
      '--kubeconfig',
      kubeconfig,
      'apply',
      '--server-side',
      '--field-manager',
      'bench',
      '-f',
      'out/manifests.yaml'
    ],
    dir
  )
  for (let i = 0; i < perKind; i++) {
    run(
      'kubectl',
      [
        '--kubeconfig',
        kubeconfig,
        '-n',
        namespaces.kubectl,
        'rollout',
        'status',
        `deployment/prod-svc-${String(i).padStart(4, '0')}`,
        '--timeout',
        '300s'
      ],
      dir
    )
  }
  return performance.now() - started
}

function slipwayRound(round) {
  const started = performance.now()
  run(
    process.execPath,
    [
      cli,
      'deploy',
      '--env',
      'bench',
      '--image',
      `ghcr.io/acme/bench@${digest(round)}`,
      '--kubeconfig',
      kubeconfig,
      '--timeout',
      '5m'
    ],
    dirs.slipway
  )
  return performance.now() - started
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, KUBECONFIG: '' }
  })
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`)
  return result.stdout
}

function kubeconfigOf() {
  const env = readFileSync(path.join(repoRoot, '.cache', 'kube', 'env'), 'utf8')
  const match = /SLIPWAY_TEST_KUBECONFIG=(\S+)/.exec(env)
  if (!match) throw new Error('no control plane: run bash scripts/kube.sh start first')
  return match[1]
}

/** slipway.yaml and a kustomize overlay of `perKind` Deployments, Services, ConfigMaps and ServiceAccounts. */
function generate(namespace) {
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-bench-deploy-'))
  const objects = []
  for (let i = 0; i < perKind; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`
    objects.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      serviceAccountName: prod-${name}\n      containers:\n      - name: app\n        image: ghcr.io/acme/bench:1.0.0\n        resources:\n          limits: { cpu: 10m, memory: 16Mi }\n          requests: { cpu: 10m, memory: 16Mi }\n`,
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n  - port: 80\n    targetPort: 8080\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\ndata:\n  LOG_LEVEL: info\n`,
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
    `resources:\n  - ../../base\nnamespace: ${namespace}\nnamePrefix: prod-\n`
  )
  writeFileSync(
    path.join(dir, 'slipway.yaml'),
    `image:\n  repository: ghcr.io/acme/bench\nmanifests:\n  kustomize: overlays/{env}\nenvironments:\n  bench:\n    namespace: ${namespace}\ndeploy:\n  timeout: 5m\n  concurrency: 16\n`
  )
  return dir
}
