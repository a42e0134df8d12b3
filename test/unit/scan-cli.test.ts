import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../support/cli.js'
import {
  group,
  refAtOrAbove,
  referenceCounts,
  referenceOccurrences,
  SCAN_FIXTURES
} from '../support/scan-reference.js'

let dir: string
const fixture = (file: string) => path.join(SCAN_FIXTURES, file)

function slipway(...argv: string[]) {
  return runCli(argv, dir)
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slipway-scan-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('slipway scan gate', () => {
  it('prints verdict, counts, blocking and suppressed as JSON and exits 1 on a failing gate', async () => {
    const file = 'trivy/alpine-39.json'
    const reference = group(referenceOccurrences(file))
    const result = await slipway('scan', 'gate', '--report', fixture(file), '--format', 'json')
    const json = JSON.parse(result.out)
    expect(Object.keys(json)).toEqual(['verdict', 'counts', 'blocking', 'suppressed'])
    expect(Object.keys(json.counts)).toEqual(['critical', 'high', 'medium', 'low', 'unknown'])
    expect(json.counts).toEqual(referenceCounts(reference.values()))
    const blocking = [...reference.values()].filter((f) => refAtOrAbove(f.severity, 'high'))
    expect(blocking.length).toBeGreaterThan(0)
    expect(json.verdict).toBe('fail')
    expect(result.code).toBe(1)
    expect(json.blocking).toHaveLength(blocking.length)
    expect(json.blocking[0]).toMatchObject({
      id: expect.any(String),
      package: expect.any(String),
      installed: expect.any(String),
      fixed: expect.any(String),
      severity: 'critical'
    })
  })

  it('exits 0 when nothing reaches fail-on, and reports allowlist suppressions', async () => {
    const file = 'trivy/alpine-310.json'
    const reference = [...group(referenceOccurrences(file)).values()]
    expect(reference.some((f) => refAtOrAbove(f.severity, 'critical'))).toBe(false)
    const allowlist = path.join(dir, 'allow.yaml')
    const id = reference[0].id
    // Within the default horizon of allowlist-max-expiry (365 days from today).
    const expires = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
    await writeFile(allowlist, `- id: ${id}\n  reason: base image\n  expires: ${expires}\n`)
    const result = await slipway(
      'scan',
      'gate',
      '--report',
      fixture(file),
      '--fail-on',
      'critical',
      '--allowlist',
      allowlist,
      '--format',
      'json'
    )
    expect(result.code).toBe(0)
    const json = JSON.parse(result.out)
    expect(json.verdict).toBe('pass')
    expect(json.suppressed.length).toBe(reference.filter((f) => f.id === id).length)
    expect(json.suppressed[0]).toMatchObject({
      id,
      suppressedBy: 'allowlist',
      reason: `base image (until ${expires})`,
      source: `${allowlist}:1`
    })
  })

  it('writes SARIF with --sarif pointing at the final FROM of the Dockerfile', async () => {
    await writeFile(
      path.join(dir, 'Dockerfile'),
      'FROM golang AS build\nRUN make\nFROM alpine:3.10\n'
    )
    const result = await slipway(
      'scan',
      'gate',
      '--report',
      fixture('trivy/alpine-310.json'),
      '--sarif',
      'out/scan.sarif'
    )
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^scan gate passed: no findings at or above high/)
    const sarif = JSON.parse(await readFile(path.join(dir, 'out', 'scan.sarif'), 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    const location = sarif.runs[0].results[0].locations[0].physicalLocation
    expect(location.artifactLocation.uri).toBe('Dockerfile')
    expect(location.region.startLine).toBe(3)
  })

  it('fails closed in one line naming a report that is missing or not JSON', async () => {
    const missing = await slipway('scan', 'gate', '--report', 'nope.json')
    expect(missing.code).toBe(1)
    expect(missing.out.split('\n')[0]).toBe(
      `scan gate failed closed: ${path.join(dir, 'nope.json')}: the report does not exist`
    )
    const bad = path.join(dir, 'bad.json')
    await writeFile(bad, '{"SchemaVersion": 2, "Results": [')
    const json = await slipway('scan', 'gate', '--report', bad, '--format', 'json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out).verdict).toBe('fail')
    expect(json.err.trim().split('\n')).toHaveLength(1)
    expect(json.err).toMatch(new RegExp(`^slipway scan gate: ${bad}: the report is not valid JSON`))
  })

  it('fails closed on a Trivy report that scanned nothing, unless --allow-empty-report', async () => {
    // Trivy's own test report of alpine 3.9 with the OS scan skipped: no Results at all.
    const report = fixture('trivy/extra/alpine-39-skip-no-results-key.json')
    const empty = await slipway('scan', 'gate', '--report', report)
    expect(empty.code).toBe(1)
    expect(empty.out.split('\n')[0]).toMatch(
      /^scan gate failed closed: the trivy report has no Results: it checked no packages in testdata\/fixtures\/images\/alpine-39.tar.gz /
    )
    const allowed = await slipway('scan', 'gate', '--report', report, '--allow-empty-report')
    expect(allowed.code).toBe(0)
  })

  it('names the file and line of a bad allowlist entry', async () => {
    const allowlist = path.join(dir, 'bad-allow.yaml')
    await writeFile(
      allowlist,
      '- id: CVE-2019-1549\n  reason: ok\n  expires: 2026-01-01\n- id: CVE-1\n  reason: no date\n'
    )
    const result = await slipway(
      'scan',
      'gate',
      '--report',
      fixture('trivy/alpine-310.json'),
      '--allowlist',
      allowlist
    )
    expect(result.code).toBe(1)
    expect(result.err.trim()).toBe(
      `${allowlist}:4: CVE-1: expires is required (a date, YYYY-MM-DD); every exception gets a review date`
    )
    const trivyignore = path.join(dir, '.trivyignore')
    await writeFile(trivyignore, '# comment\nCVE-2019-1549 exp:2026-13-01\n')
    const plain = await slipway(
      'scan',
      'gate',
      '--report',
      fixture('trivy/alpine-310.json'),
      '--allowlist',
      trivyignore
    )
    expect(plain.code).toBe(1)
    expect(plain.err.trim()).toBe(
      `${trivyignore}:2: CVE-2019-1549: exp:2026-13-01 is not a date (exp:YYYY-MM-DD)`
    )
  })

  it('names a VEX document that is not JSON or has an unknown status', async () => {
    const broken = path.join(dir, 'broken.vex.json')
    await writeFile(broken, '{"statements": [')
    const a = await slipway(
      'scan',
      'gate',
      '--report',
      fixture('trivy/gomod.json'),
      '--vex',
      broken
    )
    expect(a.code).toBe(1)
    expect(a.err.trim().split('\n')).toHaveLength(1)
    expect(a.err).toMatch(new RegExp(`^${broken}: VEX document is not valid JSON`))
    const status = path.join(dir, 'status.vex.json')
    await writeFile(
      status,
      JSON.stringify({ statements: [{ vulnerability: { name: 'CVE-1' }, status: 'maybe' }] })
    )
    const b = await slipway(
      'scan',
      'gate',
      '--report',
      fixture('trivy/gomod.json'),
      '--vex',
      status
    )
    expect(b.code).toBe(1)
    expect(b.err.trim()).toBe(`${status}: statements[0]: unknown status "maybe"`)
  })

  it('exits 2 on a usage mistake', async () => {
    const result = await slipway('scan', 'gate', '--report', 'x.json', '--fail-on', 'severe')
    expect(result.code).toBe(2)
    expect(result.err).toBe(
      'slipway scan gate: --fail-on must be one of critical, high, medium, low, got "severe"\n'
    )
  })
})
