import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { expectInputError, itReportsConfigMistakes } from '../support/contract.js'
import { runSlipwayAction } from '../support/actions.js'
import { drive, startHello, type Hello } from '../support/hello.js'
import { cleanupRuns } from '../support/runner.js'
import { addScrapeTarget, eventually, prometheusQuery, services } from '../support/services.js'
import { makeWorkspace } from '../support/workspace.js'

jest.setTimeout(120_000)

const valid = { environment: 'production' }
const run = `e2e-${process.pid}`
const copies: Hello[] = []
const cleanups: (() => Promise<void>)[] = []

async function deploy(track: string, env: Record<string, string> = {}) {
  const hello = await startHello({ VERSION: track, ...env })
  copies.push(hello)
  cleanups.push(await addScrapeTarget(`${run}-${track}`, hello.address, { run, track }))
  cleanups.push(drive([`${hello.url}/`], 25, 110_000).stop)
}

function workspaceFor(canaryTrack: string) {
  const config = `image:
  repository: ghcr.io/acme/hello
manifests:
  path: k8s
environments:
  production:
    namespace: hello
analysis:
  interval: 3s
  duration: 12s
  step: 1s
  min-samples: 5
  canary: { run: ${run}, track: ${canaryTrack} }
  baseline: { run: ${run}, track: baseline }
  metrics:
    - name: mean-latency
      query: sum(rate(http_request_duration_seconds_sum{route="/",{selector}}[3s])) / sum(rate(http_request_duration_seconds_count{route="/",{selector}}[3s]))
      direction: increase
`
  return makeWorkspace(undefined, { 'slipway.yaml': config })
}

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  await Promise.all(copies.map((c) => c.stop()))
  await cleanupRuns()
})

describe('canary-analysis action', () => {
  itReportsConfigMistakes('canary-analysis', valid)

  it('names a missing or unknown environment', async () => {
    await expectInputError('canary-analysis', {}, 'input "environment" is required')
    await expectInputError(
      'canary-analysis',
      { environment: 'prod' },
      'input "environment": "prod" is not defined in slipway.yaml (known: staging, production)'
    )
  })

  it('names an invalid duration or interval input', async () => {
    await expectInputError(
      'canary-analysis',
      { ...valid, duration: 'ten minutes' },
      'input "duration" must be a duration such as 30s, 5m or 1h, got "ten minutes"'
    )
    await expectInputError(
      'canary-analysis',
      { ...valid, interval: '-1m' },
      'input "interval" must be a duration such as 30s, 5m or 1h, got "-1m"'
    )
  })

  describe('against the real Prometheus', () => {
    beforeAll(async () => {
      await deploy('baseline')
      await deploy('healthy')
      await deploy('slow', { LATENCY_MS: '25' })
      await eventually('a few seconds of every copy in prometheus', async () => {
        const samples = await prometheusQuery(
          `count(http_requests_total{run="${run}",route="/",code="200"})`,
          new Date(Date.now() - 3000)
        )
        return samples[0]?.value === 3 ? samples : undefined
      })
    })

    it('passes a healthy canary and shows the table and a chart in the summary', async () => {
      const result = await runSlipwayAction('canary-analysis', {
        workspace: workspaceFor('healthy'),
        inputs: { environment: 'production', 'prometheus-url': services().prometheus }
      })
      expect(result.annotations.filter((a) => a.level === 'error')).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(result.outputs.verdict).toBe('pass')
      expect(Number(result.outputs.score)).toBe(100)
      expect(result.summary).toMatch(/\| mean-latency \| ✅ Pass \|/)
      expect(result.summary).toMatch(/```mermaid\nxychart-beta\n {2}title "mean-latency/)
    })

    it('fails a slow canary with the verdict in its outputs and a line saying why', async () => {
      const result = await runSlipwayAction('canary-analysis', {
        workspace: workspaceFor('slow'),
        inputs: {
          environment: 'production',
          'prometheus-url': services().prometheus,
          'prometheus-token': 's3cret-token'
        }
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs.verdict).toBe('fail')
      expect(result.summary).toMatch(/\| mean-latency \| ❌ High \|/)
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          message: expect.stringMatching(/^mean-latency: High: canary higher/)
        })
      )
      expect(result.annotations.filter((a) => a.level === 'error')).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^canary analysis of production: fail: /)
        })
      ])
      expect(result.masked).toContain('s3cret-token')
      expect(result.leaked).toEqual([])
    })
  })
})
