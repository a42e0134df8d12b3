import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  classifyScore,
  cohenD,
  commonLanguageEffectSize,
  DEFAULT_MIN_SAMPLES,
  DEFAULT_OUTLIER_FACTOR,
  DEFAULT_SCORE_THRESHOLDS,
  defaultMetricSettings,
  escalation,
  hodgesLehmann,
  iqrOutliers,
  KAYENTA_CONFIDENCE_LEVEL,
  KAYENTA_TOLERANCE,
  kayentaClassify,
  kayentaMannWhitney,
  kSigmaOutliers,
  meanInequalityClassify,
  meanRatio,
  metricSettings,
  NODATA_THRESHOLD_PERCENT,
  normalQuantile,
  percentileR7,
  prepare,
  removeMissing,
  replaceMissingWithZero,
  standaloneDidPass,
  summarize,
  weightedSumScore,
  wilcoxonDiff,
  wilcoxPValue,
  wilcoxTest,
  withoutFlagged,
  type ClassifierParams,
  type Direction,
  type KayentaClassification,
  type NanStrategy
} from '../../src/core/canary/index.js'
import { metricSchema } from '../../src/core/config/schema.js'

// The vectors live beside the repository (../shared), in CI as on a workstation.
const VECTORS = path.resolve('..', 'shared', 'fixtures', 'canary', 'kayenta-vectors.json')

/* eslint-disable @typescript-eslint/no-explicit-any -- the vectors are free-form JSON */
const vectors: any = JSON.parse(readFileSync(VECTORS, 'utf8'))

/** A JSON null stands for NaN. */
const num = (value: number | null): number => (value === null ? NaN : value)
const nums = (values: (number | null)[]): number[] => values.map(num)

function expectClose(actual: number, expected: number | null, tolerance = 0): void {
  if (expected === null || Number.isNaN(expected)) {
    expect(actual).toBeNaN()
    return
  }
  if (tolerance === 0) expect(actual).toBe(expected)
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance)
}

/** Reproducing zeroin step for step puts our roots within rounding of the recorded ones. */
const SAME_ROOT = 1e-9

describe('mannWhitneyConfidenceInterval', () => {
  it.each(vectors.mannWhitneyConfidenceInterval.cases as any[])('$id', (c) => {
    const result = kayentaMannWhitney(c.x, c.y, c.confidenceLevel)
    const ciTolerance = c.tolerance.ci ?? c.tolerance.all
    const estimateTolerance = c.tolerance.estimate ?? c.tolerance.all
    expectClose(result.ciLower, c.expected.ciLower, ciTolerance)
    expectClose(result.ciUpper, c.expected.ciUpper, ciTolerance)
    expectClose(result.estimate, c.expected.estimate, estimateTolerance)

    const e = c.expected
    if (e.muMin !== undefined) {
      const alpha = 1 - c.confidenceLevel
      const zqLower = normalQuantile(alpha / 2, true)
      const zqUpper = normalQuantile(alpha / 2)
      expectClose(result.muMin, e.muMin, c.tolerance.all)
      expectClose(result.muMax, e.muMax, c.tolerance.all)
      expectClose(zqLower, e.zqLower, c.tolerance.all)
      expectClose(zqUpper, e.zqUpper, c.tolerance.all)
      expectClose(
        wilcoxonDiff(result.muMin, zqLower, c.x, c.y),
        e.wilcoxonDiffAtMuMinZqLower,
        c.tolerance.all
      )
      expectClose(
        wilcoxonDiff(result.muMax, zqLower, c.x, c.y),
        e.wilcoxonDiffAtMuMaxZqLower,
        c.tolerance.all
      )
      expectClose(
        wilcoxonDiff(result.muMin, zqUpper, c.x, c.y),
        e.wilcoxonDiffAtMuMinZqUpper,
        c.tolerance.all
      )
      expectClose(
        wilcoxonDiff(result.muMax, zqUpper, c.x, c.y),
        e.wilcoxonDiffAtMuMaxZqUpper,
        c.tolerance.all
      )
    }
    if (c.computedHere) {
      // The Kayenta-style estimate recorded next to R's, and R's own interval and estimate.
      expectClose(
        result.estimate,
        c.computedHere.kayentaStyleEstimateWithContinuityCorrection,
        SAME_ROOT
      )
      const r = wilcoxTest(c.x, c.y, { confidenceLevel: c.confidenceLevel, exact: false })
      expectClose(r.ciLower, c.computedHere.ciLower, SAME_ROOT)
      expectClose(r.ciUpper, c.computedHere.ciUpper, SAME_ROOT)
      expectClose(r.estimate, c.expected.estimate, SAME_ROOT)
    }
  })

  it('gives R’s uncorrected estimate for mw-intermediate (noted in the case)', () => {
    const c = vectors.mannWhitneyConfidenceInterval.cases.find(
      (k: any) => k.id === 'mw-intermediate'
    )
    const r = wilcoxTest(c.x, c.y, { confidenceLevel: c.confidenceLevel, exact: false })
    expectClose(r.estimate, 1.515181852089427e-5, SAME_ROOT)
  })
})

describe('wilcoxonDiff', () => {
  it.each(vectors.wilcoxonDiff.cases as any[])('$id', (c) => {
    expectClose(wilcoxonDiff(c.mu, c.quantile, c.x, c.y), c.expected, c.tolerance)
  })
})

describe('normalQuantile', () => {
  it.each(vectors.normalQuantile.cases as any[])('$id', (c) => {
    expectClose(normalQuantile(c.p), c.expected, c.tolerance)
  })
})

function classifierParams(c: any): ClassifierParams {
  const [allowedDecrease, allowedIncrease] = c.params.effectSizeThresholds
  const [criticalDecrease, criticalIncrease] = c.params.criticalThresholds
  return {
    tolerance: c.params.tolerance,
    confidenceLevel: c.params.confLevel,
    direction: c.direction as Direction,
    measure: c.params.effectSizeMeasure === 'cles' ? 'cles' : 'mean-ratio',
    allowedIncrease,
    allowedDecrease,
    escalate: c.isCriticalMetric ? { increase: criticalIncrease, decrease: criticalDecrease } : {}
  }
}

describe('classifier', () => {
  it.each(vectors.classifier.cases as any[])('$id', (c) => {
    if (c.classifier === 'MeanInequalityClassifier') {
      expect(meanInequalityClassify(nums(c.control), nums(c.experiment), c.direction)).toBe(
        c.expected.classification
      )
      return
    }
    const result = kayentaClassify({
      control: nums(c.control),
      experiment: nums(c.experiment),
      params: classifierParams(c),
      nanStrategy: c.nanStrategy as NanStrategy,
      isCriticalMetric: c.isCriticalMetric,
      isDataRequired: c.isDataRequired
    })
    const e = c.expected
    if (e.classification !== undefined) expect(result.classification).toBe(e.classification)
    if (e.critical !== undefined) expect(result.critical).toBe(e.critical)
    if (e.deviation !== undefined) expectClose(result.deviation, e.deviation)
    if (e.deviationIsNaN) expect(result.deviation).toBeNaN()
    if (e.reasonNonEmpty) {
      expect(result.reason.length).toBeGreaterThan(0)
      // By the source (see the case's notes): Nodata, critical.
      expect(result).toMatchObject({ classification: 'Nodata', critical: true })
    }
  })
})

describe('scorer', () => {
  it.each(vectors.scorer.cases as any[])('$id', (c) => {
    const result = weightedSumScore(
      (c.metricResults as any[]).map((r) => ({
        classification: r.classification as KayentaClassification,
        groups: r.groups,
        critical: r.critical
      })),
      c.groupWeights
    )
    expect(result.score).toBe(c.expected.summaryScore)
    if (c.expected.groupScores) {
      const groups = Object.fromEntries(result.groups.map((g) => [g.name, g.score]))
      expect(groups).toEqual(c.expected.groupScores)
    }
  })
})

describe('statistics', () => {
  it.each(vectors.statistics.cases as any[])('$id', (c) => {
    switch (c.function) {
      case 'summary': {
        const s = summarize(c.values)
        expect({ min: s.min, max: s.max, mean: s.mean, count: s.count }).toEqual({
          min: c.expected.min,
          max: c.expected.max,
          mean: c.expected.mean,
          count: c.expected.count
        })
        expectClose(s.std, c.expected.std, c.tolerance?.std ?? 0)
        break
      }
      case 'percentileR7':
        expectClose(percentileR7(c.values, c.p), c.expected, c.tolerance)
        break
      case 'meanRatio':
        expectClose(meanRatio(c.experiment, c.control), c.expected)
        break
      case 'cohenD':
        expectClose(cohenD(c.a, c.b), c.expected, c.tolerance)
        break
      case 'cles':
        expectClose(commonLanguageEffectSize(c.experiment, c.control), c.expected, c.tolerance)
        break
      default:
        throw new Error(`unknown statistic ${c.function}`)
    }
  })
})

function detect(detector: any, data: number[]): boolean[] {
  if (detector.type === 'KSigma' || detector.detector === 'KSigma')
    return kSigmaOutliers(data, detector.k)
  return iqrOutliers(data, detector.factor, detector.reduceSensitivity)
}

describe('detectors', () => {
  it.each(vectors.detectors.cases as any[])('$id', (c) => {
    expect(detect(c, c.data)).toEqual(c.expectedOutlier)
  })
})

describe('transforms', () => {
  it.each(vectors.transforms.cases as any[])('$id', (c) => {
    const input = c.input as (number | null)[]
    let output: number[]
    if (c.function === 'removeNaNs') output = removeMissing(input)
    else if (c.function === 'replaceNaNsWithZero') output = replaceMissingWithZero(input)
    else output = withoutFlagged(nums(input), detect(c.detector, nums(input)))
    expect(output).toEqual(c.expected)
  })
})

describe('derivedFromSource', () => {
  const derived = vectors.derivedFromSource

  it('judgeDefaults are slipway’s defaults', () => {
    const d = derived.judgeDefaults
    const configured = metricSettings(metricSchema.parse({ name: 'm', query: 'q' }))
    const unconfigured = defaultMetricSettings('m')
    for (const settings of [configured, unconfigured]) {
      expect(settings).toMatchObject({
        direction: d.direction,
        critical: d.critical,
        nanStrategy: 'remove',
        outliers: { strategy: 'keep', factor: d.outlierFactor },
        effectSize: {
          measure: 'mean-ratio',
          allowedIncrease: d.allowedIncrease,
          allowedDecrease: d.allowedDecrease
        }
      })
    }
    // A critical metric escalates at Kayenta's critical sizes; CLES defaults to 0.5 throughout.
    const critical = metricSettings(metricSchema.parse({ name: 'm', query: 'q', critical: true }))
    expect(escalation(critical)).toEqual({
      increase: d.criticalIncrease,
      decrease: d.criticalDecrease
    })
    expect(escalation(configured)).toEqual({ increase: undefined, decrease: undefined })
    const cles = metricSettings(
      metricSchema.parse({
        name: 'm',
        query: 'q',
        critical: true,
        'effect-size': { measure: 'cles' }
      })
    )
    expect(cles.effectSize).toMatchObject({
      measure: 'cles',
      allowedIncrease: d.clesDefaults,
      allowedDecrease: d.clesDefaults
    })
    expect(escalation(cles)).toEqual({ increase: d.clesDefaults, decrease: d.clesDefaults })
    // mustHaveData false: no data is not a failure unless on-no-data says so.
    expect(configured.onNoData).not.toBe('fail')
    expect(KAYENTA_TOLERANCE).toBe(d.tolerance)
    expect(KAYENTA_CONFIDENCE_LEVEL).toBe(d.confLevel)
    expect(DEFAULT_OUTLIER_FACTOR).toBe(d.outlierFactor)
    expect(NODATA_THRESHOLD_PERCENT).toBe(d.nodataThresholdPercent)
    expect(DEFAULT_MIN_SAMPLES).toBeGreaterThan(0)
    expect(d.muted).toBe(false)
    expect(d.mustHaveData).toBe(false)
    expect(d.effectSizeMeasure).toBe('meanRatio')
    expect(d.summaryScoreRounding).toMatch(/half-up to 2 decimals/)
  })

  it.each(derived.scoreClassification as any[])(
    'scoreClassification $score with pass $pass, marginal $marginal',
    (c) => {
      expect(classifyScore(c.score, { pass: c.pass, marginal: c.marginal })).toBe(c.expected)
    }
  )

  it('default score thresholds are Spinnaker’s starting points', () => {
    expect(DEFAULT_SCORE_THRESHOLDS).toEqual({ pass: 95, marginal: 75 })
  })

  it.each(derived.standaloneAggregation as any[])('standaloneAggregation: $rule', (c) => {
    const thresholds = { pass: c.pass ?? undefined, marginal: c.marginal ?? undefined }
    expect(standaloneDidPass(c.finalScore, thresholds)).toBe(c.expectedDidPassThresholds)
  })
})

describe('computedHere', () => {
  it.each(vectors.computedHere.cases as any[])('$id', (c) => {
    const e = c.expected
    const samples = prepare(c.x, c.y)
    expect(samples.u(0)).toBe(e.U_x)
    expect(prepare(c.y, c.x).u(0)).toBe(e.U_y)

    const corrected = wilcoxPValue(samples, false, true)
    expectClose(corrected.pValue, e.pTwoSidedAsymptoticContinuityCorrected, 1e-15)
    expectClose(corrected.z!, e.zContinuityCorrected, 1e-12)
    expectClose(
      wilcoxPValue(samples, false, false).pValue,
      e.pTwoSidedAsymptoticNoCorrection,
      1e-15
    )
    expectClose(hodgesLehmann(c.x, c.y), e.hodgesLehmannExact, 1e-12)

    if (e.pTwoSidedExact !== undefined) {
      expect(c.hasTies).toBe(false)
      for (const level of [95, 98]) {
        const exact = wilcoxTest(c.x, c.y, { confidenceLevel: level / 100 })
        expect(exact.exact).toBe(true)
        expectClose(exact.pValue, e.pTwoSidedExact, 1e-15)
        expectClose(exact.estimate, e.hodgesLehmannExact, 1e-12)
        expect([exact.ciLower, exact.ciUpper]).toEqual([
          e[`ciExact_${level}`].lower,
          e[`ciExact_${level}`].upper
        ])
        expectClose(exact.achievedConfidenceLevel!, e[`ciExact_${level}`].achievedConfLevel, 1e-15)
      }
    } else {
      expect(c.hasTies).toBe(true)
      expect(wilcoxTest(c.x, c.y).exact).toBe(false)
    }
    for (const level of [95, 98]) {
      const asymptotic = wilcoxTest(c.x, c.y, { confidenceLevel: level / 100, exact: false })
      expectClose(asymptotic.ciLower, e[`ciAsymptotic_${level}`].lower, SAME_ROOT)
      expectClose(asymptotic.ciUpper, e[`ciAsymptotic_${level}`].upper, SAME_ROOT)
      expectClose(asymptotic.estimate, e.estimateAsymptoticR, SAME_ROOT)
    }
    expectClose(
      kayentaMannWhitney(c.x, c.y, 0.98).estimate,
      e.estimateAsymptoticKayenta_98,
      SAME_ROOT
    )

    const judgeDefaults = e.kayentaNetflixACAJudgeDefaults
    for (const [direction, expected] of [
      ['either', judgeDefaults.classificationEither],
      ['increase', judgeDefaults.classificationIncrease]
    ] as const) {
      const result = kayentaClassify({
        control: c.y,
        experiment: c.x,
        params: {
          tolerance: KAYENTA_TOLERANCE,
          confidenceLevel: KAYENTA_CONFIDENCE_LEVEL,
          direction,
          measure: 'mean-ratio',
          allowedIncrease: 1,
          allowedDecrease: 1,
          escalate: {}
        },
        nanStrategy: 'remove',
        isCriticalMetric: false,
        isDataRequired: false
      })
      expect(result.classification).toBe(expected)
      expectClose(result.deviation, judgeDefaults.deviationMeanRatio, 1e-12)
    }
  })
})
