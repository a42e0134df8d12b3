import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/core/config/index.js'
import { UserErrors } from '../../src/core/errors.js'
import { gatesAllow } from '../../src/core/promote/gate.js'
import type { WindowsConfig } from '../../src/core/config/schema.js'
import { evaluateWindows, wallClock } from '../../src/core/promote/windows.js'

// Fixed clocks, in UTC, against the tz rules as published (not computed by the code under
// test): Europe/Berlin changes on the last Sundays of March and October at 01:00 UTC;
// America/New_York on the second Sunday of March and the first of November at 02:00 local;
// Australia/Sydney (southern summer) on the first Sundays of April and October;
// Asia/Kolkata is +05:30 all year.

const at = (iso: string) => new Date(iso)
const verdict = (windows: Parameters<typeof evaluateWindows>[0], iso: string) =>
  evaluateWindows(windows, at(iso)).verdict

describe('deploy windows', () => {
  const berlin: WindowsConfig = {
    timezone: 'Europe/Berlin',
    allow: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: '09:00-17:00' }]
  }

  it('keeps office hours local across the spring change in Berlin (CET +1 to CEST +2)', () => {
    expect(verdict(berlin, '2026-03-27T08:30:00Z')).toBe('pass') // Fri 09:30 CET
    expect(verdict(berlin, '2026-03-27T16:30:00Z')).toBe('fail') // Fri 17:30 CET
    // Monday after: 15:30 UTC is 17:30 CEST, closed (a fixed +1 offset would say 16:30, open).
    expect(verdict(berlin, '2026-03-30T15:30:00Z')).toBe('fail')
    expect(verdict(berlin, '2026-03-30T07:00:00Z')).toBe('pass') // Mon 09:00 CEST, start included
    expect(verdict(berlin, '2026-03-29T10:00:00Z')).toBe('fail') // Sunday
  })

  it('keeps office hours local across the autumn change in Berlin (CEST +2 to CET +1)', () => {
    expect(verdict(berlin, '2026-10-23T14:59:00Z')).toBe('pass') // Fri 16:59 CEST
    expect(verdict(berlin, '2026-10-23T15:00:00Z')).toBe('fail') // Fri 17:00 CEST, end excluded
    // Monday after: 07:30 UTC is 08:30 CET, closed (a fixed +2 offset would say 09:30, open).
    expect(verdict(berlin, '2026-10-26T07:30:00Z')).toBe('fail')
    expect(verdict(berlin, '2026-10-26T15:59:00Z')).toBe('pass') // Mon 16:59 CET
  })

  it('never opens a window in the hour New York skips, and opens twice in the hour it repeats', () => {
    const night = {
      timezone: 'America/New_York',
      allow: [{ days: ['sun' as const], hours: '02:00-03:00' }]
    }
    expect(verdict(night, '2026-03-08T06:59:00Z')).toBe('fail') // 01:59 EST
    expect(verdict(night, '2026-03-08T07:00:00Z')).toBe('fail') // 03:00 EDT: 02:xx never happened
    const repeated = {
      timezone: 'America/New_York',
      allow: [{ days: ['sun' as const], hours: '01:00-02:00' }]
    }
    expect(verdict(repeated, '2026-11-01T05:30:00Z')).toBe('pass') // 01:30 EDT
    expect(verdict(repeated, '2026-11-01T06:30:00Z')).toBe('pass') // 01:30 EST, once more
    expect(verdict(repeated, '2026-11-01T07:30:00Z')).toBe('fail') // 02:30 EST
  })

  it('follows Sydney, whose changes fall in April and October', () => {
    const sydney = {
      timezone: 'Australia/Sydney',
      allow: [{ days: ['sun' as const], hours: '02:00-03:00' }]
    }
    expect(wallClock(at('2026-04-04T15:30:00Z'), 'Australia/Sydney').stamp).toBe('2026-04-05T02:30')
    expect(verdict(sydney, '2026-04-04T15:30:00Z')).toBe('pass') // 02:30 AEDT
    expect(verdict(sydney, '2026-04-04T16:30:00Z')).toBe('pass') // 02:30 AEST, repeated
    expect(wallClock(at('2026-10-03T15:59:00Z'), 'Australia/Sydney').stamp).toBe('2026-10-04T01:59')
    expect(verdict(sydney, '2026-10-03T15:59:00Z')).toBe('fail') // Sun 01:59 AEST
    expect(verdict(sydney, '2026-10-03T16:00:00Z')).toBe('fail') // Sun 03:00 AEDT: 02:xx skipped
  })

  it('freezes from the first minute of the first day to the last minute of the last, over the year end', () => {
    const freeze = {
      timezone: 'Australia/Sydney',
      freeze: [{ from: '2026-12-19', to: '2027-01-04', reason: 'year-end' }]
    }
    expect(verdict(freeze, '2026-12-18T12:59:00Z')).toBe('pass') // Dec 18 23:59 AEDT (+11)
    expect(verdict(freeze, '2026-12-18T13:00:00Z')).toBe('fail') // Dec 19 00:00
    expect(verdict(freeze, '2026-12-31T23:00:00Z')).toBe('fail') // Jan 1 10:00
    expect(verdict(freeze, '2027-01-04T12:59:00Z')).toBe('fail') // Jan 4 23:59, last day included
    expect(verdict(freeze, '2027-01-04T13:00:00Z')).toBe('pass') // Jan 5 00:00
    expect(evaluateWindows(freeze, at('2027-01-01T00:00:00Z')).reason).toBe(
      'frozen (year-end) from 2026-12-19 to 2027-01-04 Australia/Sydney'
    )
  })

  it('ends a freeze given with a time at that minute, in a half-hour zone', () => {
    const kolkata = {
      timezone: 'Asia/Kolkata',
      freeze: [{ from: '2026-12-24T18:00', to: '2027-01-02T09:00' }]
    }
    expect(verdict(kolkata, '2026-12-24T12:29:00Z')).toBe('pass') // 17:59 IST
    expect(verdict(kolkata, '2026-12-24T12:30:00Z')).toBe('fail') // 18:00 IST
    expect(verdict(kolkata, '2027-01-02T03:29:00Z')).toBe('fail') // 08:59 IST
    expect(verdict(kolkata, '2027-01-02T03:30:00Z')).toBe('pass') // 09:00 IST
  })

  it('lets an override reason through a closed window, and keeps the reason', () => {
    const result = evaluateWindows(berlin, at('2026-03-29T10:00:00Z'), 'hotfix for INC-42')
    expect(result.verdict).toBe('fail')
    expect(result.overridden).toBe('hotfix for INC-42')
    expect(result.reason).toMatch(/; overridden: hotfix for INC-42$/)
    expect(gatesAllow([result])).toBe(true)
    expect(gatesAllow([evaluateWindows(berlin, at('2026-03-29T10:00:00Z'))])).toBe(false)
  })
})

describe('windows in slipway.yaml', () => {
  const config = (windows: string) => `
image: { repository: ghcr.io/acme/hello }
manifests: { path: deploy }
environments:
  production:
    namespace: hello
    windows: ${windows}
`
  const errors = (windows: string) => {
    try {
      parseConfig(config(windows), 'slipway.yaml')
    } catch (error) {
      if (error instanceof UserErrors) return error.errors.map((e) => e.message).join('\n')
      throw error
    }
    return ''
  }

  it('accepts windows and freezes', () => {
    const parsed = parseConfig(
      config(
        '{ timezone: Europe/Berlin, allow: [{ days: [mon, fri], hours: "09:00-24:00" }], freeze: [{ from: 2026-12-20, to: "2027-01-04T12:00" }] }'
      ),
      'slipway.yaml'
    )
    expect(parsed.environments.production.windows?.allow?.[0].hours).toBe('09:00-24:00')
  })

  it('rejects an unknown zone, a range over midnight and a freeze that ends before it starts', () => {
    expect(errors('{ timezone: Europe/Bonn }')).toMatch(/IANA time zone/)
    expect(errors('{ timezone: UTC, allow: [{ days: [mon], hours: "22:00-06:00" }] }')).toMatch(
      /split a range over midnight/
    )
    expect(errors('{ timezone: UTC, freeze: [{ from: 2027-01-04, to: 2026-12-20 }] }')).toMatch(
      /from before to/
    )
  })
})
