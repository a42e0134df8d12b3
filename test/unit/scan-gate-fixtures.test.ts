import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type AjvDraft04 from 'ajv-draft-04'
import type ajvFormats from 'ajv-formats'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  FAIL_ON,
  gateSummary,
  runGate,
  toSarif,
  writeSarif,
  type FailOn
} from '../../src/core/scan/index.js'
import {
  allScanReports,
  group,
  keyOf,
  refAtOrAbove,
  referenceCounts,
  referenceOccurrences,
  referenceBadSeverity,
  referenceScannedNothing,
  SCAN_FIXTURES
} from '../support/scan-reference.js'

// The gate over every real report in ../shared/fixtures/scan, each checked against the plain
// reference reading in test/support/scan-reference.ts.

const REPORTS = allScanReports()
// Reports with a finding whose severity the scanner never writes fail closed (docs/scan.md).
const UNREADABLE = REPORTS.filter((file) => referenceBadSeverity(file) !== undefined)
const READABLE = REPORTS.filter((file) => !UNREADABLE.includes(file))
const fixture = (file: string) => path.join(SCAN_FIXTURES, file)
const NOW = new Date('2026-06-01T00:00:00Z')

const require = createRequire(import.meta.url)
const sarifSchema = JSON.parse(
  await readFile(
    require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
    'utf8'
  )
)
// CommonJS modules whose default export ESM would wrap.
const Ajv = require('ajv-draft-04') as typeof AjvDraft04.default
const addFormats = require('ajv-formats') as typeof ajvFormats.default
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
addFormats(ajv)
const validateSarif = ajv.compile(sarifSchema)

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slipway-scan-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const gate = (file: string, failOn: FailOn, extra: Partial<Parameters<typeof runGate>[0]> = {}) =>
  runGate({
    reportFile: fixture(file),
    policy: { failOn, ignoreUnfixed: false },
    now: NOW,
    ...extra
  })

it('finds every report of the fixtures, Trivy and Grype', () => {
  expect(REPORTS.filter((r) => r.startsWith('trivy/')).length).toBeGreaterThanOrEqual(19)
  expect(REPORTS.filter((r) => r.startsWith('grype/')).length).toBeGreaterThanOrEqual(9)
})

describe.each(READABLE)('%s', (file) => {
  const reference = group(referenceOccurrences(file))
  const scannedNothing = referenceScannedNothing(file)

  it('counts distinct (vulnerability, package, version) findings as the reference does', async () => {
    const { result } = await gate(file, 'low')
    if (scannedNothing) expect(result.failClosed).toMatch(/^the trivy report has no Results: /)
    else expect(result.failClosed).toBeUndefined()
    expect(result.counts).toEqual(referenceCounts(reference.values()))
    expect(new Set(result.findings.map(keyOf))).toEqual(new Set(reference.keys()))
    expect(result.findings).toHaveLength(reference.size)
  })

  it.each(FAIL_ON)('fails on %s exactly when a finding is at or above it', async (failOn) => {
    const { result } = await gate(file, failOn)
    const expected = [...reference.values()].filter((f) => refAtOrAbove(f.severity, failOn))
    expect(result.blocking.map(keyOf).sort()).toEqual(expected.map((f) => f.key).sort())
    expect(result.verdict).toBe(expected.length > 0 || scannedNothing ? 'fail' : 'pass')
  })

  it('fails closed on a report that scanned nothing, unless allow-empty-report', async () => {
    const { result } = await gate(file, 'low', {
      policy: { failOn: 'low', ignoreUnfixed: false, allowEmptyReport: true }
    })
    expect(result.failClosed).toBeUndefined()
    const blocking = [...reference.values()].filter((f) => refAtOrAbove(f.severity, 'low'))
    expect(result.verdict).toBe(blocking.length > 0 ? 'fail' : 'pass')
  })

  it('with ignore-unfixed, counts only findings with a fix, or fails closed without fix data', async () => {
    const { result, report } = await gate(file, 'low', {
      policy: { failOn: 'low', ignoreUnfixed: true }
    })
    if (report && !report.hasFixInfo) {
      expect(result.verdict).toBe('fail')
      expect(result.failClosed).toMatch(/no fix information/)
      return
    }
    const fixedOnly = group(referenceOccurrences(file).filter((o) => o.fixed))
    expect(result.counts).toEqual(referenceCounts(fixedOnly.values()))
    const unfixed = [...reference.keys()].filter((k) => !fixedOnly.has(k))
    const byIgnore = result.suppressed
      .filter((s) => s.by === 'ignore-unfixed')
      .map((s) => keyOf(s.finding))
    expect(byIgnore.sort()).toEqual(unfixed.sort())
  })

  it('suppresses by allowlist until the entry expires, and says it expired', async () => {
    const ids = [...new Set([...reference.values()].map((f) => f.id))]
    if (ids.length < 2) return
    const [active, expired] = ids
    const allowlist = path.join(dir, `${file.replace(/\W/g, '_')}.allow.yaml`)
    await writeFile(
      allowlist,
      [
        `- id: ${active}`,
        `  reason: accepted until the base image moves`,
        `  expires: 2026-12-31`,
        `- id: ${expired}`,
        `  reason: old exception`,
        `  expires: 2026-01-01`,
        ''
      ].join('\n')
    )
    const { result } = await gate(file, 'low', { allowlists: [allowlist] })
    const covers = (f: { ids: string[]; id: string }, id: string) =>
      f.id === id || f.ids.includes(id.toUpperCase())
    const left = [...reference.values()].filter((f) => !covers(f, active))
    expect(result.counts).toEqual(referenceCounts(left))
    const allowed = result.suppressed.filter((s) => s.by === 'allowlist')
    expect(allowed.map((s) => keyOf(s.finding)).sort()).toEqual(
      [...reference.values()]
        .filter((f) => covers(f, active))
        .map((f) => f.key)
        .sort()
    )
    expect(allowed[0].reason).toContain('accepted until the base image moves (until 2026-12-31)')
    expect(allowed[0].source).toBe(`${allowlist}:1`)
    expect(result.expired).toHaveLength(1)
    expect(result.expired[0].entry.id).toBe(expired)
    expect(result.expired[0].matches).toBe(left.filter((f) => covers(f, expired)).length)
    const summary = gateSummary(result, undefined)
    expect(summary).toContain('### Expired allowlist entries (1)')
    expect(summary).toMatch(new RegExp(`\\| ${expired} \\| 2026-01-01 \\|`))
  })

  it('writes SARIF 2.1.0 that validates against the schema, one rule per vulnerability', async () => {
    const { result, report } = await gate(file, 'high')
    if (!report) throw new Error('no report')
    const sarif = toSarif(report, result, {
      dockerfile: 'Dockerfile',
      line: 3,
      toolVersion: '1.2.3'
    })
    // Written one rule and result at a time, it is the same JSON.
    const written = path.join(dir, `${file.replace(/\W/g, '_')}.sarif`)
    await writeSarif(written, sarif)
    const text = await readFile(written, 'utf8')
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(sarif)))
    const valid = validateSarif(JSON.parse(text))
    expect(validateSarif.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    const run = sarif.runs[0]
    const ruleIds = run.tool.driver.rules.map((r) => r.id)
    expect(new Set(ruleIds).size).toBe(ruleIds.length)
    // Findings the scanner itself suppressed (not_affected, --show-suppressed) are kept, marked.
    const suppressedIds = result.suppressed.map((s) => s.finding.id)
    expect(new Set(ruleIds)).toEqual(
      new Set([...[...reference.values()].map((f) => f.id), ...suppressedIds])
    )
    expect(run.results).toHaveLength(reference.size + result.suppressed.length)
    const marked = run.results.filter((r) => 'suppressions' in r)
    expect(marked).toHaveLength(result.suppressed.length)
    for (const r of run.results) {
      expect(ruleIds[r.ruleIndex]).toBe(r.ruleId)
      expect(r.locations[0].physicalLocation.region.startLine).toBe(3)
    }
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(0)
      const severity = reference.size > 0 ? rule.properties.tags[2] : undefined
      if (severity !== 'UNKNOWN') expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/)
    }
  })
})

describe('OpenVEX', () => {
  it("turns gomod.json into what Trivy's --vex wrote (gomod-vex.json), showing the justification", async () => {
    const { result } = await gate('trivy/gomod.json', 'low', {
      vex: [fixture('vex/openvex/trivy-integration-gomod.openvex.json')]
    })
    const trivyWithVex = group(referenceOccurrences('trivy/gomod-vex.json'))
    expect(result.counts).toEqual(referenceCounts(trivyWithVex.values()))
    expect(new Set(result.findings.map(keyOf))).toEqual(new Set(trivyWithVex.keys()))
    const byVex = result.suppressed.filter((s) => s.by === 'vex')
    expect(byVex.map((s) => keyOf(s.finding))).toEqual([
      'CVE-2022-23628|github.com/open-policy-agent/opa|v0.35.0'
    ])
    expect(byVex[0].reason).toBe(
      "VEX not_affected (vulnerable_code_not_in_execute_path: The vulnerable code isn't called)"
    )
  })

  it('suppresses with status fixed, and an affected statement suppresses nothing', async () => {
    const statement = (status: string) => ({
      vulnerability: { name: 'CVE-2019-1549' },
      products: [{ '@id': 'pkg:apk/alpine/libssl1.1@1.1.1c-r0' }],
      status,
      ...(status === 'affected' ? { action_statement: 'upgrade' } : {})
    })
    const write = async (name: string, status: string) => {
      const file = path.join(dir, name)
      await writeFile(
        file,
        JSON.stringify({
          '@context': 'https://openvex.dev/ns/v0.2.0',
          '@id': 'https://example.com/vex/1',
          author: 'test',
          timestamp: '2026-01-01T00:00:00Z',
          version: 1,
          statements: [statement(status)]
        })
      )
      return file
    }
    const reference = group(referenceOccurrences('trivy/alpine-310.json'))
    const fixed = await gate('trivy/alpine-310.json', 'low', {
      vex: [await write('fixed.json', 'fixed')]
    })
    expect(fixed.result.suppressed.map((s) => [keyOf(s.finding), s.by, s.reason])).toEqual([
      ['CVE-2019-1549|libssl1.1|1.1.1c-r0', 'vex', 'VEX fixed']
    ])
    expect(fixed.result.findings).toHaveLength(reference.size - 1)
    const affected = await gate('trivy/alpine-310.json', 'low', {
      vex: [await write('affected.json', 'affected')]
    })
    expect(affected.result.suppressed).toEqual([])
    expect(affected.result.findings).toHaveLength(reference.size)
  })

  it('reads every VEX document of the fixtures', async () => {
    const { loadVex } = await import('../../src/core/scan/vex.js')
    for (const file of [
      'vex/openvex/grype-alpine-fixed.openvex.json',
      'vex/openvex/trivy-integration-gomod.openvex.json',
      'vex/openvex/trivy-oci-image.openvex.json',
      'vex/openvex/trivy-release.openvex.json',
      'vex/cyclonedx/trivy-cyclonedx-vex.json'
    ]) {
      const raw = JSON.parse(await readFile(fixture(file), 'utf8'))
      const statements = await loadVex(fixture(file))
      if (raw.statements) expect(statements).toHaveLength(raw.statements.length)
      else expect(statements.length).toBeGreaterThan(0)
    }
  })
})

describe('only-new', () => {
  it('blocks only findings the baseline does not have', async () => {
    // gomod-vex.json is the same scan minus CVE-2022-23628: as the baseline, only that one is new.
    const { result } = await gate('trivy/gomod.json', 'low', {
      baselineFile: fixture('trivy/gomod-vex.json')
    })
    expect(result.blocking.map(keyOf)).toEqual([
      'CVE-2022-23628|github.com/open-policy-agent/opa|v0.35.0'
    ])
    expect(result.verdict).toBe('fail')
    const reference = group(referenceOccurrences('trivy/gomod.json'))
    const atLow = [...reference.values()].filter((f) => refAtOrAbove(f.severity, 'low'))
    expect(result.inBaseline).toHaveLength(atLow.length - 1)
  })

  it.each(READABLE)('passes %s against itself as the baseline', async (file) => {
    const { result } = await gate(file, 'low', { baselineFile: fixture(file) })
    expect(result.blocking).toEqual([])
    expect(result.verdict).toBe(referenceScannedNothing(file) ? 'fail' : 'pass')
  })

  it('counts a finding as new when the baseline is another image', async () => {
    const { result } = await gate('trivy/alpine-310.json', 'low', {
      baselineFile: fixture('trivy/alpine-39.json')
    })
    const base = referenceOccurrences('trivy/alpine-39.json')
    const known = new Set(base.flatMap((o) => o.ids.map((id) => `${o.pkg}|${id}`)))
    const expected = [...group(referenceOccurrences('trivy/alpine-310.json')).values()]
      .filter((f) => refAtOrAbove(f.severity, 'low'))
      .filter((f) => !f.ids.some((id) => known.has(`${f.pkg}|${id}`)))
    expect(result.blocking.map(keyOf).sort()).toEqual(expected.map((f) => f.key).sort())
  })
})

describe('fail closed', () => {
  it.each(UNREADABLE)('fails %s closed, naming the finding without a severity', async (file) => {
    const { result } = await gate(file, 'critical')
    expect(result.verdict).toBe('fail')
    expect(result.failClosed).toMatch(
      new RegExp(`^${fixture(file)}: ${referenceBadSeverity(file)!.replace(/[[\].]/g, '\\$&')}: `)
    )
  })

  it('fails when the report cannot be read, naming the file', async () => {
    const missing = await gate('trivy/no-such-report.json', 'critical')
    expect(missing.result.verdict).toBe('fail')
    expect(missing.result.failClosed).toBe(
      `${fixture('trivy/no-such-report.json')}: the report does not exist`
    )
    const bad = path.join(dir, 'truncated.json')
    const text = await readFile(fixture('trivy/alpine-310.json'), 'utf8')
    await writeFile(bad, text.slice(0, text.length / 2))
    const truncated = await runGate({
      reportFile: bad,
      policy: { failOn: 'critical', ignoreUnfixed: false }
    })
    expect(truncated.result.verdict).toBe('fail')
    expect(truncated.result.failClosed).toMatch(new RegExp(`^${bad}: the report is not valid JSON`))
  })

  it('fails when the vulnerability data is older than max-db-age, and passes when fresh', async () => {
    // Grype records its database's build time; for Trivy the report's creation time stands in.
    for (const [file, at] of [
      ['grype/chainguard-ruby.json', '2023-05-17T01:32:43Z'],
      ['trivy/alpine-310.json', '2021-08-25T12:20:30.000Z']
    ]) {
      const policy = {
        failOn: 'critical' as const,
        ignoreUnfixed: false,
        maxDbAgeMs: 72 * 3600_000
      }
      const old = await gate(file, 'critical', { policy })
      expect(old.result.verdict).toBe('fail')
      expect(old.result.failClosed).toContain(
        `(${new Date(at).toISOString()}), longer than max-db-age`
      )
      const fresh = await gate(file, 'critical', {
        policy,
        now: new Date(Date.parse(at) + 3600_000)
      })
      expect(fresh.result.failClosed).toBeUndefined()
    }
  })

  it('fails when max-db-age is set and the report does not say how old its data is', async () => {
    const { result } = await gate('grype/empty.json', 'critical', {
      policy: { failOn: 'critical', ignoreUnfixed: false, maxDbAgeMs: 3600_000 }
    })
    expect(result.verdict).toBe('fail')
    expect(result.failClosed).toMatch(/cannot tell how old the vulnerability data is/)
  })
})

describe("Trivy's ignore files", () => {
  it('reads every ignore file of the fixtures, with expiry dates', async () => {
    const { loadAllowlist } = await import('../../src/core/scan/allowlist.js')
    const plain = await loadAllowlist(fixture('trivy/ignorefiles/trivy-pkg-result/.trivyignore'))
    const byId = new Map(plain.map((e) => [e.id, e]))
    expect(byId.get('CVE-2019-0004')?.expires?.toISOString()).toBe('2020-01-01T00:00:00.000Z')
    expect(byId.get('CVE-2019-0006')?.expires?.toISOString()).toBe('9999-01-01T00:00:00.000Z')
    expect(byId.get('CVE-2019-0001')?.expires).toBeUndefined()
    expect(byId.get('CVE-2019-0004')?.source.line).toBe(4)

    const yaml = await loadAllowlist(
      fixture('trivy/ignorefiles/trivy-pkg-result/.trivyignore.yaml')
    )
    expect(yaml.map((e) => e.id)).toEqual([
      'CVE-2019-0001',
      'CVE-2019-0002',
      'CVE-2019-0003',
      'CVE-2019-0004',
      'CVE-2019-0005',
      'CVE-2019-0006',
      'CVE-2019-0007'
    ])
    expect(yaml[4].expires?.toISOString()).toBe('2023-01-01T00:00:00.000Z')
    expect(yaml[0].paths).toEqual(['**/*-lock.json'])
    expect(yaml[6].purls).toHaveLength(2)

    for (const file of ['.trivyignore.yaml', '.trivyignore1', '.trivyignore2']) {
      const entries = await loadAllowlist(fixture(`trivy/ignorefiles/trivy-action/${file}`))
      expect(entries.length).toBeGreaterThan(0)
    }
  })
})
