import { afterAll, expect, it } from '@jest/globals'
import { runSlipwayAction } from '../support/actions.js'
import { cleanupRuns } from '../support/runner.js'
import { htmlTableRows, shownText } from '../support/summary.js'
import { makeWorkspace } from '../support/workspace.js'

// render-manifests says in its log and summary which images it pinned and which it left as
// they are, and why (#10 item 15).

afterAll(cleanupRuns)

const DIGEST = `sha256:${'d'.repeat(64)}`
const files = {
  'slipway.yaml':
    'image:\n  repository: ghcr.io/acme/app\nmanifests:\n  path: k8s\nenvironments:\n  staging:\n    namespace: app\n',
  'k8s/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app:latest
        - name: proxy
          image: nginx:1.27
`
}

function imagesTable(summary: string): string[][] {
  const section = summary.slice(summary.indexOf('Images'))
  return htmlTableRows(section.slice(0, section.indexOf('</table>') + 8)).map((row) =>
    row.map(shownText)
  )
}

it('names the released image left as it is when input "image" is empty', async () => {
  const result = await runSlipwayAction('render-manifests', {
    workspace: makeWorkspace(undefined, files),
    inputs: { environment: 'staging' }
  })
  expect(result.exitCode).toBe(0)
  expect(imagesTable(result.summary)).toEqual([
    ['Image', 'Pinned to', 'In', 'Left as it is because'],
    [
      'ghcr.io/acme/app:latest',
      '—',
      'Deployment app/web',
      'the released image, but input "image" is empty'
    ],
    ['nginx:1.27', '—', 'Deployment app/web', 'not the released image (manifests.pin pins others)']
  ])
  expect(result.log).toContain(
    'image ghcr.io/acme/app:latest left as it is in Deployment app/web: the released image, but input "image" is empty'
  )
})

it('names the digest the released image was pinned to', async () => {
  const image = `ghcr.io/acme/app@${DIGEST}`
  const result = await runSlipwayAction('render-manifests', {
    workspace: makeWorkspace(undefined, files),
    inputs: { environment: 'staging', image }
  })
  expect(result.exitCode).toBe(0)
  expect(imagesTable(result.summary)[1]).toEqual([
    'ghcr.io/acme/app:latest',
    image,
    'Deployment app/web',
    '—'
  ])
})
