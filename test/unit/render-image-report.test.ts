import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../support/cli.js'

// slipway render says which images it pinned (to what digest) and which it left as they are,
// and why (#10 item 15).

let dir: string
const DIGEST = `sha256:${'b'.repeat(64)}`
const BUSYBOX = `busybox@sha256:${'c'.repeat(64)}`

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'slipway-images-'))
  mkdirSync(path.join(dir, 'k8s'))
  writeFileSync(
    path.join(dir, 'slipway.yaml'),
    'image:\n  repository: ghcr.io/acme/app\nmanifests:\n  path: k8s\nenvironments:\n  staging:\n    namespace: app\n'
  )
  writeFileSync(
    path.join(dir, 'k8s', 'web.yaml'),
    `apiVersion: apps/v1
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
      initContainers:
        - name: init
          image: ${BUSYBOX}
      containers:
        - name: app
          image: ghcr.io/acme/app:latest
        - name: proxy
          image: nginx:1.27
`
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const imageLines = (err: string) => err.split('\n').filter((line) => line.startsWith('image '))

describe('slipway render: pinned and unpinned images', () => {
  it('says the released image was left as it is when no --image was given', async () => {
    const result = await runCli(['render', '--env', 'staging'], dir)
    expect(result.code).toBe(0)
    expect(imageLines(result.err)).toEqual([
      'image ghcr.io/acme/app:latest left as it is in Deployment app/web: the released image, but no --image was given',
      `image ${BUSYBOX} left as it is in Deployment app/web: pinned by digest in the manifests`,
      'image nginx:1.27 left as it is in Deployment app/web: not the released image (manifests.pin pins others)'
    ])
  })

  it('says to what digest the released image was pinned', async () => {
    const image = `ghcr.io/acme/app@${DIGEST}`
    const result = await runCli(['render', '--env', 'staging', '--image', image], dir)
    expect(result.code).toBe(0)
    expect(imageLines(result.err)[0]).toBe(
      `image ghcr.io/acme/app:latest pinned to ${image} in Deployment app/web`
    )
  })

  it('lists the images in the JSON summary of --out', async () => {
    const result = await runCli(
      ['render', '--env', 'staging', '--out', 'out', '--format', 'json'],
      dir
    )
    expect(JSON.parse(result.out).images).toEqual([
      {
        image: 'ghcr.io/acme/app:latest',
        objects: ['Deployment app/web'],
        reason: 'the released image, but no --image was given'
      },
      {
        image: BUSYBOX,
        objects: ['Deployment app/web'],
        reason: 'pinned by digest in the manifests'
      },
      {
        image: 'nginx:1.27',
        objects: ['Deployment app/web'],
        reason: 'not the released image (manifests.pin pins others)'
      }
    ])
  })
})
