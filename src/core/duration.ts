const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g

/** Parses Go-style durations such as `30s`, `5m`, `1h30m`, `250ms`; returns milliseconds or undefined. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim()
  if (!DURATION.test(value)) return undefined
  let total = 0
  for (const [, amount, unit] of value.matchAll(PART)) total += Number(amount) * UNIT_MS[unit]
  return total
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`
  if (ms % 1000 === 0) return `${ms / 1000}s`
  return `${ms}ms`
}
