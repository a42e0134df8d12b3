import { describe, expect, it } from '@jest/globals'
import { splitArgs } from '../../src/actions/setup.js'
import { formatDuration, parseDuration } from '../../src/core/duration.js'

describe('durations', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5h', 5_400_000],
    ['2d', 172_800_000]
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it.each(['', '5', 'm', '5 minutes', '-1s', '1h 30m', '5x'])('rejects %p', (text) =>
    expect(parseDuration(text)).toBeUndefined()
  )

  it('formats whole units back', () => {
    expect([3_600_000, 300_000, 30_000, 250].map(formatDuration)).toEqual([
      '1h',
      '5m',
      '30s',
      '250ms'
    ])
  })
})

describe('args of the root action', () => {
  it('splits words, quotes and escapes like a shell', () => {
    expect(splitArgs(`render --env staging --out "my dir" --label='a b' x\\ y`)).toEqual([
      'render',
      '--env',
      'staging',
      '--out',
      'my dir',
      '--label=a b',
      'x y'
    ])
    expect(splitArgs('  ')).toEqual([])
    expect(splitArgs('""')).toEqual([''])
  })

  it('rejects an unterminated quote, naming the input', () => {
    expect(() => splitArgs('validate --config "slipway.yaml')).toThrow(
      'input "args": unterminated " quote'
    )
  })
})
