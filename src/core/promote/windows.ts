import type { WindowsConfig } from '../config/schema.js'
import type { GateResult } from './gate.js'

// Deploy windows and freezes are in wall-clock time of one IANA zone. `now` is turned into that
// zone's local date, week day and time with Intl (the tz database), and compared there: a
// window of 09:00-17:00 stays 09:00-17:00 local on both sides of a daylight-saving change, and
// a local time skipped by the change never matches, one repeated matches both times.

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

export interface WallClock {
  /** YYYY-MM-DD */
  date: string
  /** YYYY-MM-DDTHH:MM */
  stamp: string
  day: (typeof DAYS)[number]
  /** HH:MM */
  time: string
}

export function wallClock(at: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit'
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value])
  )
  const date = `${parts.year}-${parts.month}-${parts.day}`
  const time = `${parts.hour}:${parts.minute}`
  const day = DAYS.find((d) => d === String(parts.weekday).toLowerCase()) ?? 'sun'
  return { date, stamp: `${date}T${time}`, day, time }
}

export function evaluateWindows(
  windows: WindowsConfig,
  now: Date,
  overrideReason?: string
): GateResult {
  const local = wallClock(now, windows.timezone)
  const evidence: Record<string, string> = {
    now: `${local.day} ${local.stamp.replace('T', ' ')} ${windows.timezone}`
  }
  const result = (verdict: 'pass' | 'fail', reason: string): GateResult =>
    verdict === 'fail' && overrideReason
      ? {
          gate: 'windows',
          verdict,
          reason: `${reason}; overridden: ${overrideReason}`,
          evidence,
          overridden: overrideReason
        }
      : { gate: 'windows', verdict, reason, evidence }

  const freeze = (windows.freeze ?? []).find(
    (f) =>
      local.stamp >= (f.from.includes('T') ? f.from : `${f.from}T00:00`) &&
      (f.to.includes('T') ? local.stamp < f.to : local.date <= f.to)
  )
  if (freeze) {
    evidence.freeze = `${freeze.from} to ${freeze.to}`
    return result(
      'fail',
      `frozen${freeze.reason ? ` (${freeze.reason})` : ''} from ${freeze.from} to ${freeze.to} ${windows.timezone}`
    )
  }
  const allow = windows.allow ?? []
  if (allow.length === 0) return result('pass', `no freeze now (${evidence.now})`)
  const describe = (w: { days: string[]; hours: string }) => `${w.days.join(',')} ${w.hours}`
  evidence.windows = allow.map(describe).join('; ')
  const open = allow.find((w) => {
    const [start, end] = w.hours.split('-')
    return w.days.includes(local.day) && local.time >= start && local.time < end
  })
  return open
    ? result('pass', `inside the window ${describe(open)} (${evidence.now})`)
    : result('fail', `outside every deploy window (${evidence.now}; allowed ${evidence.windows})`)
}
