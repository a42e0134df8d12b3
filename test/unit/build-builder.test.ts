import { afterAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { planBuild, type BuildRequest } from '../../src/core/build/build-plan.js'
import { CacheCounter, detectBuilder, runBuild } from '../../src/core/build/builder.js'
import { UserError } from '../../src/core/errors.js'

// The builder runner against stand-in docker programs: quick checks of detection and of how the
// output is read, and the one case the test daemon's client cannot show, a newer client that
// refuses BuildKit builds without buildx. The real docker build and the real buildx (docker
// driver) run in test/integration/build-image.test.ts.

const dir = mkdtempSync(path.join(tmpdir(), 'slipway-fake-docker-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const DIGEST = `sha256:${'a'.repeat(64)}`
const IMAGE_ID = `sha256:${'b'.repeat(64)}`

/** A shell script standing in for docker; every call is appended to calls.log. */
function fakeDocker(name: string, body: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, `#!/bin/sh\necho "$*" >> "${file}.calls"\n${body}\n`)
  chmodSync(file, 0o755)
  return file
}

function calls(program: string): string[] {
  return readFileSync(`${program}.calls`, 'utf8').trim().split('\n')
}

/** The value after `flag` in the arguments, in shell. */
const argAfter = (flag: string) =>
  `prev=""; for a in "$@"; do if [ "$prev" = "${flag}" ]; then echo "$a"; fi; prev="$a"; done`

const noBuildx = fakeDocker(
  'docker-classic',
  `
case "$1" in
  buildx) echo "docker: 'buildx' is not a docker command." >&2; exit 1 ;;
  version) echo "20.10.24+dfsg1"; exit 0 ;;
  build) iid=$(${argAfter('--iidfile')}); echo "#4 [1/1] COPY a /a"; echo "${IMAGE_ID}" > "$iid"; exit 0 ;;
  push) echo "The push refers to repository [r/x]"; echo "$2: digest: ${DIGEST} size: 527"; exit 0 ;;
esac
exit 1`
)

const refusesBuildKit = fakeDocker(
  'docker-28',
  `
case "$1" in
  buildx) echo "docker: unknown command: docker buildx" >&2; exit 1 ;;
  version) echo "28.2.2"; exit 0 ;;
  build) echo "ERROR: BuildKit is enabled but the buildx component is missing or broken." >&2; exit 1 ;;
esac
exit 1`
)

const failing = fakeDocker(
  'docker-failing',
  `
case "$1" in
  buildx) exit 1 ;;
  version) echo "20.10.24"; exit 0 ;;
  build)
    echo "#4 [1/1] RUN make"
    echo "#4 ERROR: process \\"/bin/sh -c make\\" did not complete successfully: exit code: 2"
    echo "------"
    echo "failed to solve: process \\"/bin/sh -c make\\" did not complete successfully: exit code: 2" >&2
    exit 1 ;;
esac
exit 1`
)

const request = (workDir: string): BuildRequest => ({
  context: '.',
  platforms: [],
  buildArgs: {},
  labels: {},
  tags: ['127.0.0.1:5000/x:sha-4f2a9c7', '127.0.0.1:5000/x:main'],
  push: true,
  cache: 'none',
  sbom: false,
  provenance: false,
  workDir
})

const cli = (program: string) => ({ program, env: process.env, cwd: dir })

describe('builder detection', () => {
  it('falls back to docker build without buildx', async () => {
    expect(await detectBuilder(cli(noBuildx))).toEqual({
      kind: 'docker',
      version: '20.10.24+dfsg1'
    })
  })

  it('says when docker is missing', async () => {
    await expect(detectBuilder(cli(path.join(dir, 'no-such-docker')))).rejects.toThrow(
      `${path.join(dir, 'no-such-docker')} is not installed or not on PATH`
    )
  })
})

describe('running a build', () => {
  it('with docker build: builds with BuildKit, pushes each tag, takes the digest from docker push', async () => {
    const workDir = mkdtempSync(path.join(dir, 'work-'))
    const plan = planBuild(request(workDir), await detectBuilder(cli(noBuildx)))
    const result = await runBuild(plan, cli(noBuildx), () => {})
    expect(result).toMatchObject({
      imageId: IMAGE_ID,
      digest: DIGEST,
      cache: { cached: 0, steps: 1 }
    })
    expect(calls(noBuildx).slice(-2)).toEqual([
      'push 127.0.0.1:5000/x:sha-4f2a9c7',
      'push 127.0.0.1:5000/x:main'
    ])
  })

  it('explains a docker client that refuses BuildKit without buildx', async () => {
    const workDir = mkdtempSync(path.join(dir, 'work-'))
    const plan = planBuild(request(workDir), await detectBuilder(cli(refusesBuildKit)))
    const attempt = runBuild(plan, cli(refusesBuildKit), () => {})
    await expect(attempt).rejects.toThrow(UserError)
    await expect(runBuild(plan, cli(refusesBuildKit), () => {})).rejects.toThrow(
      `${refusesBuildKit} build failed: this docker client (${refusesBuildKit}) refuses BuildKit builds without the buildx component; install buildx (docker/setup-buildx-action), or put a docker client with BuildKit built in first on PATH`
    )
  })

  it('fails with the line that says what went wrong', async () => {
    const workDir = mkdtempSync(path.join(dir, 'work-'))
    const plan = planBuild(request(workDir), await detectBuilder(cli(failing)))
    await expect(runBuild(plan, cli(failing), () => {})).rejects.toThrow(
      `${failing} build failed (exit code 1): failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2`
    )
  })
})

it('counts cache hits of Dockerfile steps only', () => {
  const counter = new CacheCounter()
  for (const line of [
    '#1 [internal] load build definition from Dockerfile',
    '#1 CACHED',
    '#4 [build 1/3] FROM docker.io/library/golang:1.23',
    '#4 CACHED',
    '#5 [build 2/3] COPY . .',
    '#6 [linux/arm64 stage-1 1/1] COPY --from=build /out /',
    '#6 CACHED',
    '#7 exporting to image'
  ]) {
    counter.read(line)
  }
  expect(counter.stats()).toEqual({ cached: 2, steps: 3 })
})
