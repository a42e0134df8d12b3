import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'
import type AjvDraft04 from 'ajv-draft-04'
import type ajvFormats from 'ajv-formats'
import { startActionsCache } from '../support/actions-cache.js'
import { runSlipwayAction } from '../support/actions.js'
import { expectInputError, expectNoCrash, itReportsConfigMistakes } from '../support/contract.js'
import { cleanupRuns, tempDir } from '../support/runner.js'
import {
  group,
  refAtOrAbove,
  referenceCounts,
  referenceOccurrences,
  SCAN_FIXTURES
} from '../support/scan-reference.js'
import { makeWorkspace } from '../support/workspace.js'

const require = createRequire(import.meta.url)
const Ajv = require('ajv-draft-04') as typeof AjvDraft04.default
const addFormats = require('ajv-formats') as typeof ajvFormats.default
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
addFormats(ajv)
const validateSarif = ajv.compile(
  JSON.parse(
    readFileSync(
      require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
      'utf8'
    )
  )
)

const valid = { 'image-ref': 'ghcr.io/acme/hello@sha256:' + 'c'.repeat(64) }
const fixtureText = (file: string) => readFileSync(path.join(SCAN_FIXTURES, file), 'utf8')
const DOCKERFILE =
  'FROM golang:1.22 AS build\nRUN go build ./...\nFROM alpine:3.9\nCOPY --from=build /app /app\n'
/** The fixture reports are years old; max-db-age is tested on its own below. */
const OLD_REPORTS_OK = { 'max-db-age': '100000d' }

/** A workspace with the app's slipway.yaml, a Dockerfile and the given fixture reports. */
function workspaceWith(files: Record<string, string> = {}) {
  return makeWorkspace('app', { Dockerfile: DOCKERFILE, ...files })
}

afterAll(cleanupRuns)

describe('scan-image action', () => {
  itReportsConfigMistakes('scan-image', valid)

  it('names an invalid scanner, severity or boolean input', async () => {
    await expectInputError(
      'scan-image',
      { ...valid, scanner: 'clair' },
      'input "scanner" must be one of trivy, grype, got "clair"'
    )
    await expectInputError(
      'scan-image',
      { ...valid, 'fail-on': 'severe' },
      'input "fail-on" must be one of critical, high, medium, low, got "severe"'
    )
    await expectInputError(
      'scan-image',
      { ...valid, 'ignore-unfixed': 'sometimes' },
      'input "ignore-unfixed" must be true or false, got "sometimes"'
    )
    await expectInputError('scan-image', {}, 'one of the inputs "image-ref" and "report" is needed')
  })

  it('fails the step on blocking findings, keeping the report, SARIF, counts and a summary', async () => {
    const file = 'trivy/alpine-39.json'
    const reference = group(referenceOccurrences(file))
    const blocking = [...reference.values()].filter((f) => refAtOrAbove(f.severity, 'high'))
    expect(blocking.length).toBeGreaterThan(0)
    const result = await runSlipwayAction('scan-image', {
      workspace: workspaceWith({ 'reports/trivy.json': fixtureText(file) }),
      inputs: { report: 'reports/trivy.json', 'fail-on': 'high', ...OLD_REPORTS_OK }
    })
    expect(result.exitCode).toBe(1)
    expectNoCrash(result)
    const counts = referenceCounts(reference.values())
    expect(result.outputs.verdict).toBe('fail')
    expect(JSON.parse(result.outputs.counts)).toEqual(counts)
    expect(result.outputs.critical).toBe(String(counts.critical))
    expect(result.outputs.high).toBe(String(counts.high))
    expect(result.outputs.blocking).toBe(String(blocking.length))

    // The full report is kept byte for byte, and SARIF beside it, under RUNNER_TEMP.
    expect(result.outputs.report.startsWith(result.runnerTemp)).toBe(true)
    expect(readFileSync(result.outputs.report, 'utf8')).toBe(fixtureText(file))
    expect(result.outputs.sarif.startsWith(result.runnerTemp)).toBe(true)
    const sarif = JSON.parse(readFileSync(result.outputs.sarif, 'utf8'))
    expect(validateSarif(sarif)).toBe(true)
    expect(sarif.runs[0].results).toHaveLength(reference.size)
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'Dockerfile' },
      region: { startLine: 3 }
    })

    // One annotation per blocking finding on the Dockerfile, then the verdict line.
    const errors = result.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(Math.min(blocking.length, 9) + 1)
    const first = blocking.find((f) => f.severity === 'critical')
    expect(errors[0]).toMatchObject({ file: 'Dockerfile', title: `${first?.id} in ${first?.pkg}` })
    expect(errors.at(-1)?.message).toMatch(
      new RegExp(`^scan gate failed: ${blocking.length} findings at or above high`)
    )

    expect(result.summary).toContain('Image scan: fail')
    expect(result.summary).toContain(`### Blocking findings (${blocking.length})`)
    expect(result.summary).toContain(`| critical | ${counts.critical} | ${counts.critical} |`)
    for (const f of blocking) expect(result.summary).toContain(`| ${f.pkg} | ${f.version} |`)
  })

  it('passes when nothing reaches fail-on, still writing report and SARIF', async () => {
    const file = 'grype/chainguard-ruby.json'
    const reference = [...group(referenceOccurrences(file)).values()]
    expect(reference.some((f) => refAtOrAbove(f.severity, 'critical'))).toBe(false)
    const result = await runSlipwayAction('scan-image', {
      workspace: workspaceWith({ 'grype.json': fixtureText(file) }),
      inputs: {
        report: 'grype.json',
        'fail-on': 'critical',
        'registry-password': 'hunter2-registry-token',
        ...OLD_REPORTS_OK
      }
    })
    expect(result.exitCode).toBe(0)
    expect(result.masked).toContain('hunter2-registry-token')
    expect(result.leaked).toEqual([])
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([])
    expect(result.outputs.verdict).toBe('pass')
    expect(JSON.parse(result.outputs.counts)).toEqual(referenceCounts(reference))
    expect(existsSync(result.outputs.report)).toBe(true)
    expect(validateSarif(JSON.parse(readFileSync(result.outputs.sarif, 'utf8')))).toBe(true)
    expect(result.summary).toContain('Image scan: pass')
  })

  it('shows VEX justifications, allowlist reasons and expired entries in the summary', async () => {
    // Within scan.allowlist-max-expiry's default of 365 days from today.
    const expires = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
    const result = await runSlipwayAction('scan-image', {
      workspace: workspaceWith({
        'gomod.json': fixtureText('trivy/gomod.json'),
        '.vex/app.json': fixtureText('vex/openvex/trivy-integration-gomod.openvex.json'),
        'allow.yaml': [
          '- id: CVE-2021-38561',
          '  reason: text parsing only of trusted input',
          `  expires: ${expires}`,
          '- id: GMS-2022-20',
          '  reason: old exception',
          '  expires: 2020-01-01',
          ''
        ].join('\n')
      }),
      inputs: {
        report: 'gomod.json',
        'fail-on': 'low',
        vex: '.vex/app.json\n',
        allowlist: 'allow.yaml',
        ...OLD_REPORTS_OK
      }
    })
    expectNoCrash(result)
    expect(result.summary).toContain('### Suppressed')
    expect(result.summary).toMatch(
      /\| CVE-2022-23628 \| medium \| github.com\/open-policy-agent\/opa \| v0.35.0 \| vex \| VEX not_affected \(vulnerable_code_not_in_execute_path: The vulnerable code isn.t called\) \(.vex\/app.json\) \|/
    )
    expect(result.summary).toContain(
      `text parsing only of trusted input (until ${expires}) (allow.yaml:1)`
    )
    expect(result.summary).toContain('### Expired allowlist entries (1)')
    expect(result.summary).toMatch(/\| GMS-2022-20 \| 2020-01-01 \| allow.yaml:4 \|/)
  })

  it('with a baseline, fails only on findings new since it', async () => {
    const result = await runSlipwayAction('scan-image', {
      workspace: workspaceWith({
        'now.json': fixtureText('trivy/gomod.json'),
        'last.json': fixtureText('trivy/gomod-vex.json')
      }),
      inputs: { report: 'now.json', baseline: 'last.json', 'fail-on': 'low', ...OLD_REPORTS_OK }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.blocking).toBe('1')
    const errors = result.annotations.filter((a) => a.level === 'error')
    expect(errors[0].title).toBe('CVE-2022-23628 in github.com/open-policy-agent/opa')
    expect(errors).toHaveLength(2)
  })

  it('fails closed on a report older than max-db-age, and on a missing report', async () => {
    const old = await runSlipwayAction('scan-image', {
      workspace: workspaceWith({ 'r.json': fixtureText('trivy/alpine-310.json') }),
      inputs: { report: 'r.json', 'fail-on': 'critical' }
    })
    expect(old.exitCode).toBe(1)
    expect(old.outputs.verdict).toBe('fail')
    const errors = old.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(
      /^scan gate failed closed: the report was written \d+ days ago \(2021-08-25T12:20:30.000Z\), longer than max-db-age 72h/
    )
    expect(existsSync(old.outputs.report)).toBe(true)

    const missing = await runSlipwayAction('scan-image', {
      workspace: workspaceWith(),
      inputs: { report: 'nope.json', ...OLD_REPORTS_OK }
    })
    expect(missing.exitCode).toBe(1)
    expect(missing.outputs.verdict).toBe('fail')
    expect(missing.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      `scan gate failed closed: ${path.join(missing.workspace, 'nope.json')}: the report does not exist`
    ])
  })

  describe('scanning by digest', () => {
    // No scanner can run here (no network for its database): a stand-in `trivy` on PATH records
    // how it was called, writes the database metadata Trivy keeps in --cache-dir, and writes a
    // real Trivy report to --output. With `refresh: 'fails'` it cannot download a database, as
    // Trivy without network: it fails, and with --skip-db-update it scans only when --cache-dir
    // already holds a database (Trivy's words for both).
    function standIn(
      dbUpdatedAt: Date,
      { refresh = 'works' }: { refresh?: 'works' | 'fails' } = {}
    ) {
      const database =
        refresh === 'works'
          ? [
              'mkdir -p "$cache/db"',
              `echo '{"Version":2,"UpdatedAt":"${dbUpdatedAt.toISOString()}"}' > "$cache/db/metadata.json"`
            ]
          : [
              'if [ "$offline" != yes ]; then',
              '  echo "FATAL init error: DB error: failed to download vulnerability DB" >&2; exit 1',
              'fi',
              'if [ ! -f "$cache/db/metadata.json" ]; then',
              '  echo "FATAL --skip-db-update cannot be specified on the first run" >&2; exit 1',
              'fi'
            ]
      const dir = tempDir('slipway-standin-')
      const bin = path.join(dir, 'bin')
      mkdirSync(bin)
      writeFileSync(
        path.join(bin, 'trivy'),
        [
          '#!/bin/sh',
          `printf '%s\\n' "$@" > ${dir}/args`,
          `env | grep '^TRIVY_' | sort > ${dir}/env`,
          'while [ $# -gt 0 ]; do',
          '  case "$1" in',
          '    --output) out="$2"; shift ;;',
          '    --cache-dir) cache="$2"; shift ;;',
          '    --skip-db-update) offline=yes ;;',
          '  esac',
          '  shift',
          'done',
          ...database,
          `cp ${path.join(SCAN_FIXTURES, 'trivy/alpine-39.json')} "$out"`,
          ''
        ].join('\n'),
        { mode: 0o755 }
      )
      return { dir, path: `${bin}:/usr/bin:/bin` }
    }

    it('runs the scanner unfiltered, and gates on the database age it reports', async () => {
      const fresh = standIn(new Date(Date.now() - 3600_000))
      const result = await runSlipwayAction('scan-image', {
        workspace: workspaceWith(),
        inputs: { ...valid, 'registry-username': 'ci', 'registry-password': 'registry-secret-1' },
        env: { PATH: fresh.path, TRIVY_SEVERITY: 'CRITICAL', TRIVY_IGNORE_UNFIXED: 'true' }
      })
      expectNoCrash(result)
      const args = readFileSync(path.join(fresh.dir, 'args'), 'utf8').trim().split('\n')
      expect(args[0]).toBe('image')
      expect(args.at(-1)).toBe(valid['image-ref'])
      expect(args.join(' ')).toContain('--severity UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL')
      expect(args.join(' ')).toContain('--exit-code 0')
      // The step's TRIVY_* filters do not reach the scanner; the credentials do.
      expect(readFileSync(path.join(fresh.dir, 'env'), 'utf8').trim().split('\n')).toEqual([
        'TRIVY_PASSWORD=registry-secret-1',
        'TRIVY_USERNAME=ci'
      ])
      expect(result.masked).toContain('registry-secret-1')
      expect(result.leaked).toEqual([])
      // The database is an hour old: the old report's own date does not matter, the gate judges.
      const reference = group(referenceOccurrences('trivy/alpine-39.json'))
      expect(JSON.parse(result.outputs.counts)).toEqual(referenceCounts(reference.values()))
      expect(result.outputs.verdict).toBe('fail')
      expect(result.annotations.at(-1)?.message).toMatch(
        /^scan gate failed: \d+ findings? at or above high/
      )
      expect(readFileSync(result.outputs.report, 'utf8')).toBe(fixtureText('trivy/alpine-39.json'))
      expect(validateSarif(JSON.parse(readFileSync(result.outputs.sarif, 'utf8')))).toBe(true)
      expect(result.summary).toMatch(/database updated \d{4}-\d\d-\d\dT/)
    })

    it('keeps the database in the Actions cache, and scans with it when a refresh fails', async () => {
      const cache = await startActionsCache()
      // Each run is a new runner with an empty RUNNER_TEMP at the same path, as GitHub's hosted
      // runners have (the cache entry's version hashes the cached folder's path).
      const runnerTemp = tempDir('slipway-runner-temp-')
      const newRunner = () => {
        rmSync(runnerTemp, { recursive: true, force: true })
        mkdirSync(runnerTemp)
        return { RUNNER_TEMP: runnerTemp, ...cache.env }
      }
      try {
        const updated = new Date(Date.now() - 4 * 86_400_000)
        const key = `slipway-trivy-db-linux-${new Date().toISOString().slice(0, 10)}`
        const online = standIn(updated)
        const first = await runSlipwayAction('scan-image', {
          workspace: workspaceWith(),
          inputs: { ...valid, 'max-db-age': '7d' },
          env: { PATH: online.path, ...newRunner() }
        })
        expectNoCrash(first)
        expect(cache.entries.map((e) => [e.key, e.finalized])).toEqual([[key, true]])
        expect(await cache.archiveSize(cache.entries[0])).toBe(cache.entries[0].sizeBytes)

        // A new runner: its cache folder is empty, and the database cannot be downloaded.
        const offline = standIn(updated, { refresh: 'fails' })
        const second = await runSlipwayAction('scan-image', {
          workspace: workspaceWith(),
          inputs: { ...valid, 'max-db-age': '7d' },
          env: { PATH: offline.path, ...newRunner() }
        })
        expectNoCrash(second)
        expect(second.log).toContain(`restored the trivy database from the cache (${key})`)
        expect(
          second.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
        ).toContain(
          'trivy could not scan with a fresh database (FATAL init error: DB error: failed to download vulnerability DB); scanning with the cached one'
        )
        const reference = group(referenceOccurrences('trivy/alpine-39.json'))
        expect(JSON.parse(second.outputs.counts)).toEqual(referenceCounts(reference.values()))
        expect(second.summary).toContain(updated.toISOString())

        // The same cached database, four days old, is too old for max-db-age 72h.
        const third = await runSlipwayAction('scan-image', {
          workspace: workspaceWith(),
          inputs: { ...valid, 'max-db-age': '72h' },
          env: { PATH: offline.path, ...newRunner() }
        })
        expect(third.exitCode).toBe(1)
        expect(third.annotations.filter((a) => a.level === 'error').at(-1)?.message).toBe(
          `scan gate failed closed: the vulnerability database was updated 4 days ago (${updated.toISOString()}), longer than max-db-age 72h: refresh the database or rescan`
        )
        // Only a freshly downloaded database is saved.
        expect(cache.entries).toHaveLength(1)
        expect(cache.violations).toEqual([])
      } finally {
        await cache.stop()
      }
    }, 60_000)

    it('scans once without a cache when the refresh fails on a runner that has none', async () => {
      const offline = standIn(new Date(), { refresh: 'fails' })
      const result = await runSlipwayAction('scan-image', {
        workspace: workspaceWith(),
        inputs: valid,
        env: { PATH: offline.path }
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs.verdict).toBe('fail')
      expect(result.annotations.filter((a) => a.level === 'error').at(-1)?.message).toMatch(
        /^trivy failed \(exit 1\): FATAL init error: DB error: failed to download vulnerability DB$/
      )
    })

    it('fails closed when the database is older than max-db-age', async () => {
      const updated = new Date(Date.now() - 10 * 86_400_000)
      const stale = standIn(updated)
      const result = await runSlipwayAction('scan-image', {
        workspace: workspaceWith(),
        inputs: { ...valid, 'fail-on': 'critical', 'max-db-age': '72h' },
        env: { PATH: stale.path }
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs.verdict).toBe('fail')
      const errors = result.annotations.filter((a) => a.level === 'error')
      expect(errors.at(-1)?.message).toBe(
        `scan gate failed closed: the vulnerability database was updated 10 days ago (${updated.toISOString()}), longer than max-db-age 72h: refresh the database or rescan`
      )
    })
  })

  describe('installing the scanner when it is not on PATH', () => {
    let server: Server
    let base: string
    let tarball: Buffer
    const requests: string[] = []

    beforeAll(async () => {
      const dir = tempDir('slipway-trivy-')
      mkdirSync(path.join(dir, 'pkg'))
      writeFileSync(path.join(dir, 'pkg', 'trivy'), '#!/bin/sh\necho not the real trivy\n', {
        mode: 0o755
      })
      execFileSync('tar', [
        '-czf',
        path.join(dir, 'trivy.tar.gz'),
        '-C',
        path.join(dir, 'pkg'),
        'trivy'
      ])
      tarball = readFileSync(path.join(dir, 'trivy.tar.gz'))
      server = createServer((request, response) => {
        requests.push(request.url ?? '')
        response.writeHead(200, { 'content-type': 'application/gzip' }).end(tarball)
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mirror`
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('refuses a download whose SHA-256 is not the pinned one', async () => {
      const result = await runSlipwayAction('scan-image', {
        workspace: workspaceWith(),
        inputs: { ...valid, 'download-base-url': base, ...OLD_REPORTS_OK },
        env: { PATH: '/usr/bin:/bin' }
      })
      expect(requests).toEqual(['/mirror/trivy/v0.72.0/trivy_0.72.0_Linux-64bit.tar.gz'])
      const errors = result.annotations.filter((a) => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toMatch(
        new RegExp(
          `^checksum mismatch for ${base}/trivy/v0.72.0/trivy_0.72.0_Linux-64bit.tar.gz: expected sha256 bbb64b96[0-9a-f]+, got [0-9a-f]{64}; the download was not used$`
        )
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.verdict).toBe('fail')
      expect(existsSync(path.join(result.runnerTemp, '..', 'tool-cache', 'trivy'))).toBe(false)
    })
  })
})
