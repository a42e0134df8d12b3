import * as core from '@actions/core'
import { info } from './lib/log.js'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runAnalysis } from '../core/canary/analysis.js'
import { metricChart } from '../core/canary/chart.js'
import { judgementMarkdown } from '../core/canary/report.js'
import { UserError } from '../core/errors.js'
import { summaryText } from '../core/summary-text.js'
import { PrometheusProvider } from '../core/metrics/prometheus.js'
import { prometheusOptions } from '../core/metrics/prometheus-config.js'
import { configFromInput, environmentFromInput } from './lib/config.js'
import { durationInput, optionalInput, requiredInput } from './lib/inputs.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const environment = environmentFromInput(config, requiredInput('environment'))
  const durationMs = durationInput('duration', config.analysis?.duration ?? '10m')
  const intervalMs = durationInput('interval', config.analysis?.interval ?? '1m')
  const analysis = config.analysis
  if (!analysis || analysis.metrics.length === 0) {
    throw new UserError(
      'slipway.yaml has no analysis.metrics: there is nothing to judge the canary by'
    )
  }
  // The provider masks every credential it is given (the token too) through onSecret.
  const options = prometheusOptions(analysis.provider?.prometheus, {
    url: optionalInput('prometheus-url'),
    bearerToken: optionalInput('prometheus-token'),
    onSecret: (value) => core.setSecret(value)
  })
  const url = options.url
  const provider = new PrometheusProvider(options)

  info(`analysing the canary of ${environment} for ${durationMs / 1000} s against ${url}`)
  const result = await runAnalysis({
    provider,
    analysis,
    durationMs,
    intervalMs,
    values: { environment, namespace: config.environments[environment].namespace },
    onMeasurement: (m) =>
      info(
        m.kind === 'error'
          ? `${m.at.toISOString()} metrics error: ${m.error}`
          : `${m.at.toISOString()} ${m.judgement.verdict} (score ${m.judgement.score})`
      )
  })

  const report = path.join(process.env.RUNNER_TEMP || '.', 'slipway', `canary-${environment}.json`)
  await mkdir(path.dirname(report), { recursive: true })
  const last = result.last
  await writeFile(
    report,
    JSON.stringify(
      {
        verdict: result.verdict,
        reason: result.reason,
        counts: result.counts,
        judgement: last?.judgement
      },
      null,
      2
    ) + '\n'
  )
  core.setOutput('verdict', result.verdict)
  core.setOutput('score', String(last?.judgement.score ?? 0))
  core.setOutput('report', report)

  const summary = core.summary.addHeading(
    `Canary analysis of ${summaryText(environment)}: ${result.verdict}`,
    2
  )
  summary.addRaw(`${summaryText(result.reason)}\n\n`)
  if (last) {
    summary.addRaw(judgementMarkdown(last.judgement).replace(/^### .*\n/, ''))
    const step = Math.max(1, Math.round(last.window.stepSeconds))
    for (const metric of last.judgement.metrics) {
      const chart = metricChart(metric.name, last.canary, last.baseline, step)
      if (chart) summary.addRaw(`\n${chart}\n`)
      if (metric.classification !== 'Pass') {
        core.warning(`${metric.name}: ${metric.classification}: ${metric.reason}`, {
          title: `canary ${metric.name}`
        })
      }
    }
  }
  await summary.write()

  if (result.verdict !== 'pass') {
    throw new UserError(`canary analysis of ${environment}: ${result.verdict}: ${result.reason}`)
  }
}
