import { describe, expect, test } from '@jest/globals'
import {
  backoffDelay,
  isRetryable,
  isRetryableStatus,
  parseRetryAfter,
  RetryBudget,
  withRetry
} from '../../src/core/image/retry.js'

describe('parseRetryAfter', () => {
  const now = Date.parse('Sun, 06 Nov 1994 08:49:37 GMT')

  test('delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('0', now)).toBe(0)
    expect(parseRetryAfter(' 5 ', now)).toBe(5_000)
    expect(parseRetryAfter(['3', '9'], now)).toBe(3_000)
  })

  test('HTTP-date, in the three formats of RFC 9110', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:47 GMT', now)).toBe(10_000)
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:57 GMT', now)).toBe(20_000)
    expect(parseRetryAfter('Sun Nov  6 08:50:07 1994', now)).toBeGreaterThan(0)
  })

  test('a date in the past is now', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:00:00 GMT', now)).toBe(0)
  })

  test('absent or malformed is undefined', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('-1', now)).toBeUndefined()
    expect(parseRetryAfter('1.5', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})

describe('backoffDelay', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 5_000 }

  test('doubles per attempt, between half and all of the step', () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const step = Math.min(5_000, 100 * 2 ** (attempt - 1))
      expect(backoffDelay(attempt, options, () => 0)).toBe(step / 2)
      expect(backoffDelay(attempt, options, () => 0.999999)).toBeLessThanOrEqual(step)
      expect(backoffDelay(attempt, options, () => 0.999999)).toBeGreaterThan(step * 0.99)
    }
  })

  test('is capped', () => {
    expect(backoffDelay(30, options, () => 1)).toBe(5_000)
    expect(backoffDelay(30, options, () => 0)).toBe(2_500)
  })

  test('jitter spreads the delays of one attempt', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, options)))
    expect(delays.size).toBeGreaterThan(10)
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(400)
      expect(delay).toBeLessThanOrEqual(800)
    }
  })
})

describe('RetryBudget', () => {
  test('stops after maxAttempts', () => {
    const budget = new RetryBudget({ maxAttempts: 3, random: () => 0 })
    expect(budget.next().retry).toBe(true)
    expect(budget.next().retry).toBe(true)
    expect(budget.next().retry).toBe(false)
  })

  test('stops when the next wait would overrun the total time', () => {
    let clock = 0
    const budget = new RetryBudget({
      maxAttempts: 100,
      baseDelayMs: 1_000,
      maxDelayMs: 1_000,
      maxElapsedMs: 3_000,
      random: () => 1,
      now: () => clock
    })
    let waited = 0
    for (;;) {
      const decision = budget.next()
      if (!decision.retry) break
      waited += decision.delayMs
      clock += decision.delayMs
    }
    expect(waited).toBeLessThanOrEqual(3_000)
    expect(waited).toBeGreaterThanOrEqual(2_000)
  })

  test('honours Retry-After, unless it is longer than the budget', () => {
    const budget = new RetryBudget({ baseDelayMs: 10, maxElapsedMs: 10_000, random: () => 0 })
    expect(budget.next(2_000)).toEqual({ retry: true, delayMs: 2_000 })
    expect(budget.next(60_000)).toEqual({ retry: false, delayMs: 60_000 })
  })
})

describe('withRetry', () => {
  const quick = { baseDelayMs: 1, maxDelayMs: 2, sleep: async () => {} }

  test('retries connection resets and retryable errors, then succeeds', async () => {
    let calls = 0
    const result = await withRetry(async () => {
      calls++
      if (calls === 1) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
      if (calls === 2) throw Object.assign(new Error('503'), { retryable: true })
      return 'done'
    }, quick)
    expect(result).toBe('done')
    expect(calls).toBe(3)
  })

  test('does not retry what will not change', async () => {
    let calls = 0
    await expect(
      withRetry(async () => {
        calls++
        throw Object.assign(new Error('manifest unknown'), { retryable: false })
      }, quick)
    ).rejects.toThrow('manifest unknown')
    expect(calls).toBe(1)
  })

  test('gives up after maxAttempts with the last error', async () => {
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw Object.assign(new Error(`socket hang up ${calls}`), { code: 'ECONNRESET' })
        },
        { ...quick, maxAttempts: 4 }
      )
    ).rejects.toThrow('socket hang up 4')
    expect(calls).toBe(4)
  })

  test('waits what the error asks for', async () => {
    const waits: number[] = []
    let calls = 0
    await withRetry(
      async () => {
        if (++calls === 1)
          throw Object.assign(new Error('429'), { retryable: true, retryAfterMs: 1_500 })
      },
      { ...quick, sleep: async (ms) => void waits.push(ms) }
    )
    expect(waits).toEqual([1_500])
  })
})

test('retryable statuses and errors', () => {
  expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true)
  expect([200, 201, 400, 401, 403, 404, 416, 501, 505].some(isRetryableStatus)).toBe(false)
  expect(isRetryable(Object.assign(new Error('x'), { code: 'EPIPE' }))).toBe(true)
  expect(isRetryable(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toBe(false)
  expect(isRetryable(Object.assign(new Error('x'), { code: 'ECONNRESET', retryable: false }))).toBe(
    false
  )
})
