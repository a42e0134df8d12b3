import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runGate } from '../../src/core/scan/index.js'
import { runCli } from '../support/cli.js'
import { SCAN_FIXTURES } from '../support/scan-reference.js'

// An allowlist entry is an exception with a review date; a date centuries away is no review
// date. Entries may expire at most scan.allowlist-max-expiry (default 365 days) after today.

const NOW = new Date('2026-06-01T00:00:00Z')
const report = path.join(SCAN_FIXTURES, 'trivy/alpine-310.json')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slipway-horizon-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function allowlist(name: string, text: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}

const gate = (allowlists: string[], allowlistMaxExpiryMs?: number) =>
  runGate({
    reportFile: report,
    policy: { failOn: 'critical', ignoreUnfixed: false },
    allowlists,
    now: NOW,
    ...(allowlistMaxExpiryMs ? { allowlistMaxExpiryMs } : {})
  })

const DAY = 86_400_000

describe('allowlist expiry horizon', () => {
  it('refuses an entry expiring 9999-12-31, naming the file and line', async () => {
    const file = await allowlist(
      'far.yaml',
      '- id: CVE-2019-1549\n  reason: ok\n  expires: 2026-09-30\n- id: CVE-2019-1547\n  reason: forever\n  expires: 9999-12-31\n'
    )
    await expect(gate([file])).rejects.toMatchObject({
      location: { file, line: 4 },
      message:
        'CVE-2019-1547: expires 9999-12-31 is more than 365d after today (2026-06-01): the latest allowed is 2027-06-01 (scan.allowlist-max-expiry)'
    })
  })

  it("refuses a far date in Trivy's .trivyignore too", async () => {
    const file = await allowlist('.trivyignore', 'CVE-2019-1549 exp:2030-01-01\n')
    await expect(gate([file])).rejects.toMatchObject({ location: { file, line: 1 } })
  })

  it('accepts a date up to the horizon, and a longer horizon when configured', async () => {
    const edge = await allowlist(
      'edge.yaml',
      '- id: CVE-2019-1549\n  reason: ok\n  expires: 2027-06-01\n'
    )
    await expect(gate([edge])).resolves.toBeDefined()
    const later = await allowlist(
      'later.yaml',
      '- id: CVE-2019-1549\n  reason: ok\n  expires: 2028-01-01\n'
    )
    await expect(gate([later])).rejects.toThrow(/more than 365d after today/)
    await expect(gate([later], 730 * DAY)).resolves.toBeDefined()
  })

  it('reads the horizon from slipway.yaml in scan gate --config', async () => {
    const today = new Date()
    const inDays = (days: number) =>
      new Date(today.getTime() + days * DAY).toISOString().slice(0, 10)
    const file = await allowlist(
      'cli.yaml',
      `- id: CVE-2019-1549\n  reason: ok\n  expires: ${inDays(60)}\n`
    )
    await writeFile(
      path.join(dir, 'slipway.yaml'),
      'image: { repository: ghcr.io/acme/app }\nmanifests: { path: k8s }\nenvironments: { staging: { namespace: app } }\nscan: { allowlist-max-expiry: 30d }\n'
    )
    const args = ['scan', 'gate', '--report', report, '--allowlist', file]
    const refused = await runCli([...args, '--config', 'slipway.yaml'], dir)
    expect(refused.code).toBe(1)
    expect(refused.err.trim().split('\n')).toHaveLength(1)
    expect(refused.err).toContain(
      `${file}:1: CVE-2019-1549: expires ${inDays(60)} is more than 30d after today`
    )
    const accepted = await runCli(args, dir)
    expect(accepted.err).toBe('')
  })
})
