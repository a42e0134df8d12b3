import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runSlipwayAction } from '../support/actions.js'
import { cleanupRuns, FAKE_TOKEN, type RunResult } from '../support/runner.js'
import { HOSTILE_VALUES, shownText, summaryProblems } from '../support/summary.js'
import { HOSTILE_LINES } from '../support/workflow-commands.js'
import { makeWorkspace } from '../support/workspace.js'

// Names and values from a repository, a report or a server, printed by an action: none runs a
// workflow command (#10 item 5), and the job summary shows them as they are (#10 item 6).

jest.setTimeout(60_000)

/** Every hostile value of both kinds, joined: one string that tries everything. */
const HOSTILE = [...HOSTILE_LINES, ...HOSTILE_VALUES].join('\n')

function expectNothingForged(result: RunResult) {
  expect(result.masked.filter((m) => m !== FAKE_TOKEN)).toEqual([])
  expect(result.annotations.filter((a) => a.message.startsWith('forged'))).toEqual([])
  const allowed = ['error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'add-mask']
  expect(result.commands.filter((c) => !allowed.includes(c.command))).toEqual([])
}

function expectSummaryShows(result: RunResult, ...values: string[]) {
  expect(summaryProblems(result.summary)).toEqual([])
  const shown = shownText(result.summary)
  for (const value of values) expect(shown).toContain(value)
}

afterAll(cleanupRuns)

const CONFIG = `image:
  repository: ghcr.io/acme/app
manifests:
  path: k8s
environments:
  staging:
    namespace: app
`

describe('render-manifests', () => {
  it('prints and summarises hostile object names and findings as text', async () => {
    const objects = HOSTILE_VALUES.concat(HOSTILE_LINES).map(
      (name, i) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${JSON.stringify(`d${i}${name}`)}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`
    )
    const result = await runSlipwayAction('render-manifests', {
      workspace: makeWorkspace(undefined, {
        'slipway.yaml': CONFIG,
        'k8s/all.yaml': objects.join('---\n'),
        'previous/all.yaml': objects.slice(0, 1).join('')
      }),
      inputs: { environment: 'staging', previous: 'previous' }
    })
    expectNothingForged(result)
    expectSummaryShows(result, `d1${HOSTILE_VALUES[1].replace(/\r\n/g, '\n')}`, 'd2<script>')
  })
})

describe('scan-image', () => {
  it('prints and summarises hostile package names, artifact names and URLs as text', async () => {
    const finding = (pkg: string, i: number) => ({
      VulnerabilityID: `CVE-2024-${1000 + i}`,
      PkgName: pkg,
      InstalledVersion: `1.0${pkg}`,
      FixedVersion: '1.1',
      Severity: 'CRITICAL',
      Title: pkg,
      PrimaryURL: i % 2 ? 'javascript:alert(1)' : `https://example.com/${i}"><script>`
    })
    const report = {
      SchemaVersion: 2,
      ArtifactName: `app\n${HOSTILE}`,
      ArtifactType: 'container_image',
      Results: [
        {
          Target: `alpine${HOSTILE}`,
          Class: 'os-pkgs',
          Type: 'alpine',
          Vulnerabilities: [...HOSTILE_LINES, ...HOSTILE_VALUES].map(finding)
        }
      ]
    }
    const result = await runSlipwayAction('scan-image', {
      workspace: makeWorkspace(undefined, {
        'slipway.yaml': CONFIG,
        'trivy.json': JSON.stringify(report)
      }),
      inputs: { report: 'trivy.json', 'max-db-age': '10000d' }
    })
    expect(result.outputs.verdict).toBe('fail')
    expectNothingForged(result)
    expectSummaryShows(result, '<script>alert(1)</script>', 'a | b')
  })
})

describe('canary-analysis', () => {
  let server: Server
  let url: string
  beforeAll(async () => {
    // A Prometheus that answers every query with a steady series, but fails the first query of
    // the broken metric with a hostile error.
    let failed = false
    server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        const params = new URLSearchParams(body)
        response.setHeader('content-type', 'application/json')
        if (params.get('query')?.includes('broken') && !failed) {
          failed = true
          response.statusCode = 400
          response.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: HOSTILE }))
          return
        }
        const start = Number(params.get('start'))
        const end = Number(params.get('end'))
        const values = []
        for (let t = start; t <= end; t++) values.push([t, String(1 + (t % 3) / 10)])
        const result = [{ metric: {}, values }]
        response.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('prints and summarises hostile metric names and server errors as text', async () => {
    const config = `${CONFIG}analysis:
  interval: 1s
  duration: 3s
  step: 1s
  min-samples: 1
  canary: { track: canary }
  baseline: { track: baseline }
  metrics:
    - name: ${JSON.stringify(HOSTILE)}
      query: sum(rate(x{ {selector} }[1m]))
    - name: broken
      query: broken{ {selector} }
`
    const result = await runSlipwayAction('canary-analysis', {
      workspace: makeWorkspace(undefined, { 'slipway.yaml': config }),
      inputs: { environment: 'staging', 'prometheus-url': url }
    })
    expectNothingForged(result)
    expectSummaryShows(result, '<script>alert(1)</script>', 'a | b')
  })
})
