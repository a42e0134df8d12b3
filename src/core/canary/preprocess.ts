import { iqrOutliers, withoutFlagged } from './outliers.js'
import type { NanStrategy, OutlierSettings, SampleCounts } from './types.js'

/** A raw sample: a number, or null / NaN for a missing step. */
export type RawSample = number | null

export function isMissing(value: RawSample): boolean {
  return value === null || Number.isNaN(value)
}

/** Kayenta's Transforms.removeNaNs. */
export function removeMissing(values: readonly RawSample[]): number[] {
  return values.filter((v): v is number => !isMissing(v))
}

/** Kayenta's Transforms.replaceNaNs with 0. */
export function replaceMissingWithZero(values: readonly RawSample[]): number[] {
  return values.map((v) => (isMissing(v) ? 0 : (v as number)))
}

export interface Cleaned {
  values: number[]
  counts: SampleCounts
}

/**
 * One side's samples as the judge uses them: the warm-up dropped (first samples in time),
 * missing values removed or replaced, then outliers removed when asked (Kayenta's order).
 */
export function clean(
  raw: readonly RawSample[],
  settings: { warmupSamples: number; nanStrategy: NanStrategy; outliers: OutlierSettings }
): Cleaned {
  const warmup = Math.min(settings.warmupSamples, raw.length)
  const replace = settings.nanStrategy === 'replace'
  const present: number[] = []
  let missing = 0
  for (let i = warmup; i < raw.length; i++) {
    const value = raw[i]
    if (value === null || Number.isNaN(value)) {
      missing++
      if (replace) present.push(0)
    } else {
      present.push(value)
    }
  }
  let values = present
  if (settings.outliers.strategy === 'remove') {
    values = withoutFlagged(present, iqrOutliers(present, settings.outliers.factor, true))
  }
  return {
    values,
    counts: {
      raw: raw.length,
      warmup,
      missing,
      outliers: present.length - values.length,
      used: values.length
    }
  }
}
