import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { FAIL_ON, runGate, type FailOn } from '../../src/core/scan/index.js'
import { SCAN_FIXTURES } from '../support/scan-reference.js'

// A report whose shape is not the scanner's, or a finding whose severity is not one the
// scanner writes, fails the gate closed in one line that names the place in the report.
// Trivy writes UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL (trivy-db pkg/types SeverityNames);
// Grype writes Unknown, Negligible, Low, Medium, High, Critical (grype/vulnerability/severity.go).

/* eslint-disable @typescript-eslint/no-explicit-any */
let dir: string
let trivy: any
let grype: any
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slipway-shape-'))
  trivy = JSON.parse(await readFile(path.join(SCAN_FIXTURES, 'trivy/alpine-310.json'), 'utf8'))
  grype = JSON.parse(await readFile(path.join(SCAN_FIXTURES, 'grype/presenter-image.json'), 'utf8'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

let count = 0
async function gate(report: unknown, failOn: FailOn = 'critical') {
  const file = path.join(dir, `report-${count++}.json`)
  await writeFile(file, typeof report === 'string' ? report : JSON.stringify(report))
  const { result } = await runGate({
    reportFile: file,
    policy: { failOn, ignoreUnfixed: false },
    now: new Date('2026-01-01T00:00:00Z')
  })
  return { result, file }
}

const copy = (value: unknown): any => JSON.parse(JSON.stringify(value))

async function expectFailClosed(report: unknown, where: string) {
  const { result, file } = await gate(report)
  expect(result.verdict).toBe('fail')
  expect(result.failClosed).toBeDefined()
  expect(result.failClosed!.split('\n')).toHaveLength(1)
  expect(result.failClosed!.startsWith(`${file}: ${where}`)).toBe(true)
}

describe('reports whose shape is not the scanner’s', () => {
  it('the real reports pass the shape checks (and fail on their findings only)', async () => {
    expect((await gate(trivy, 'critical')).result).toMatchObject({ verdict: 'pass' })
    expect((await gate(grype, 'critical')).result.failClosed).toBeUndefined()
  })

  it.each([
    [{ descriptor: {} }, 'descriptor.name'],
    [{ descriptor: 1 }, 'descriptor'],
    [{ descriptor: null, matches: [] }, 'descriptor'],
    [{ matches: null }, 'matches'],
    [{ matches: {}, descriptor: { name: 'grype' } }, 'matches'],
    [{ descriptor: { name: 'grype', version: '0.1' } }, 'matches']
  ])('Grype-like %j fails closed at %s', async (report, where) => {
    await expectFailClosed(report, where)
  })

  it('a Grype report with a match that is not an object, or without a vulnerability object', async () => {
    for (const bad of [1, null, [], { vulnerability: 'CVE-1' }, { vulnerability: {} }]) {
      const report = copy(grype)
      report.matches[1] = bad
      await expectFailClosed(report, 'matches[1]')
    }
  })

  it('a Grype report whose key differs from the scanner’s in case', async () => {
    const report = copy(grype)
    report.Matches = report.matches
    delete report.matches
    await expectFailClosed(report, 'Matches')
  })

  it('a Trivy result with vulnerabilities in lower case, or Vulnerabilities as an object', async () => {
    const lower = copy(trivy)
    lower.Results[0].vulnerabilities = lower.Results[0].Vulnerabilities
    delete lower.Results[0].Vulnerabilities
    await expectFailClosed(lower, 'Results[0].vulnerabilities')

    for (const value of [{ 0: trivy.Results[0].Vulnerabilities[0] }, null, 'none', 3]) {
      const report = copy(trivy)
      report.Results[0].Vulnerabilities = value
      await expectFailClosed(report, 'Results[0].Vulnerabilities')
    }
  })

  it('a Trivy report whose Results, result or vulnerability is not what Trivy writes', async () => {
    for (const [mutate, where] of [
      [(r: any) => (r.Results = {}), 'Results'],
      [(r: any) => (r.Results = null), 'Results'],
      [(r: any) => (r.Results[0] = []), 'Results[0]'],
      [(r: any) => (r.Results[0] = 'x'), 'Results[0]'],
      [
        (r: any) => (r.Results[0].Vulnerabilities[2] = 'CVE-2020-1'),
        'Results[0].Vulnerabilities[2]'
      ],
      [
        (r: any) => (r.Results[0].Vulnerabilities[2].VulnerabilityID = 7),
        'Results[0].Vulnerabilities[2].VulnerabilityID'
      ],
      [
        (r: any) => (r.Results[0].Vulnerabilities[2].PkgName = {}),
        'Results[0].Vulnerabilities[2].PkgName'
      ],
      [(r: any) => (r.results = r.Results), 'results']
    ] as const) {
      const report = copy(trivy)
      mutate(report)
      await expectFailClosed(report, where)
    }
  })
})

describe('what names the artifact and the scanner', () => {
  it('fails closed on image names and versions that are not strings (found by fuzz-gates)', async () => {
    const g = copy(grype)
    g.source.target.repoDigests = [7]
    await expectFailClosed(g, 'source.target.repoDigests')
    const v = copy(grype)
    v.descriptor.version = 1
    await expectFailClosed(v, 'descriptor.version')
    const t = copy(trivy)
    t.Metadata = { RepoTags: 'alpine:3.10' }
    await expectFailClosed(t, 'Metadata.RepoTags')
  })
})

describe('severities the scanner does not write', () => {
  const odd = ['crit', '4', 9.8, null, '', 'HIGH\u0000', 'high', ' HIGH', true]

  it.each(odd.map((s) => [JSON.stringify(s), s]))(
    'Trivy Severity %s fails closed',
    async (_, severity) => {
      const report = copy(trivy)
      report.Results[0].Vulnerabilities[1].Severity = severity
      await expectFailClosed(report, 'Results[0].Vulnerabilities[1].Severity')
    }
  )

  it('a Trivy finding without Severity fails closed', async () => {
    const report = copy(trivy)
    delete report.Results[0].Vulnerabilities[1].Severity
    await expectFailClosed(report, 'Results[0].Vulnerabilities[1].Severity')
  })

  it.each(odd.map((s) => [JSON.stringify(s), s]))(
    'Grype severity %s fails closed',
    async (_, severity) => {
      const report = copy(grype)
      report.matches[0].vulnerability.severity = severity
      await expectFailClosed(report, 'matches[0].vulnerability.severity')
    }
  )

  it('a Grype finding without severity fails closed', async () => {
    const report = copy(grype)
    delete report.matches[0].vulnerability.severity
    await expectFailClosed(report, 'matches[0].vulnerability.severity')
  })
})

describe('unknown severity (Trivy UNKNOWN, Grype Unknown)', () => {
  // Documented in docs/scan.md: unknown blocks under fail-on low only.
  const blocksUnder: Record<FailOn, boolean> = {
    critical: false,
    high: false,
    medium: false,
    low: true
  }

  it.each(FAIL_ON)('under fail-on %s', async (failOn) => {
    const report = copy(trivy)
    const [first] = report.Results[0].Vulnerabilities
    report.Results[0].Vulnerabilities = [{ ...first, Severity: 'UNKNOWN' }]
    const trivyGate = (await gate(report, failOn)).result
    expect(trivyGate.counts.unknown).toBe(1)
    expect(trivyGate.verdict).toBe(blocksUnder[failOn] ? 'fail' : 'pass')
    expect(trivyGate.blocking).toHaveLength(blocksUnder[failOn] ? 1 : 0)

    const g = copy(grype)
    g.matches = [g.matches[0]]
    g.matches[0].vulnerability.severity = 'Unknown'
    g.matches[0].relatedVulnerabilities = []
    const grypeGate = (await gate(g, failOn)).result
    expect(grypeGate.counts.unknown).toBe(1)
    expect(grypeGate.verdict).toBe(blocksUnder[failOn] ? 'fail' : 'pass')
  })
})
