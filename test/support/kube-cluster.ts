import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { kubectl, type KubectlResult } from './kubectl.js'

// The real control plane scripts/kube.sh starts (etcd, kube-apiserver, kube-controller-manager,
// kube-scheduler, kwok), found through the env file it writes. A test that needs it fails when
// it is missing: integration tests never skip.

export function testKubeconfig(): string {
  const value = process.env.SLIPWAY_TEST_KUBECONFIG
  if (!value) {
    throw new Error(
      'SLIPWAY_TEST_KUBECONFIG is not set: start the control plane with `bash scripts/kube.sh start` ' +
        'and source its env file, or run `npm test`'
    )
  }
  return value
}

/** A namespace name no other test uses. */
export function uniqueNamespace(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}

/** kubectl against the test cluster; throws with its stderr when it fails. */
export async function kube(args: string[], timeoutMs = 60_000): Promise<string> {
  const result = await kubectl(testKubeconfig(), args, timeoutMs)
  if (result.code !== 0) {
    throw new Error(`kubectl ${args.join(' ')} failed (${result.code}): ${result.stderr}`)
  }
  return result.stdout
}

/** kubectl against the test cluster, whatever its exit code. */
export function kubeResult(args: string[], timeoutMs = 60_000): Promise<KubectlResult> {
  return kubectl(testKubeconfig(), args, timeoutMs)
}

export async function kubeJson<T = Record<string, unknown>>(args: string[]): Promise<T> {
  return JSON.parse(await kube([...args, '-o', 'json'])) as T
}

/** Polls `check` until it returns a value, or throws with the last value seen. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000
): Promise<T> {
  const until = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > until) {
      throw new Error(
        `${what} did not happen within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

/** The context name of the kubeconfigs writeKubeconfig writes. */
export const KUBE_CONTEXT = 'slipway-test'

/**
 * Writes a kubeconfig for the test cluster with everything inline, as CI secrets hold one: the
 * admin client certificate, or a bearer token instead (`token`, which the API server refuses
 * unless it knows it), context slipway-test and any `extraContexts` (name to namespace).
 */
export function writeKubeconfig(
  file: string,
  options: { token?: string; server?: string; extraContexts?: Record<string, string> } = {}
): string {
  const pki = path.join(required('SLIPWAY_TEST_KUBE_DIR'), 'pki')
  const inline = (name: string) => readFileSync(path.join(pki, name)).toString('base64')
  const user = options.token
    ? { token: options.token }
    : { 'client-certificate-data': inline('admin.crt'), 'client-key-data': inline('admin.key') }
  const contexts = [[KUBE_CONTEXT, undefined], ...Object.entries(options.extraContexts ?? {})]
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'test',
        cluster: {
          server: options.server ?? required('SLIPWAY_TEST_KUBE_SERVER'),
          'certificate-authority-data': inline('ca.crt')
        }
      }
    ],
    users: [{ name: 'test', user }],
    contexts: contexts.map(([name, namespace]) => ({
      name,
      context: { cluster: 'test', user: 'test', ...(namespace ? { namespace } : {}) }
    })),
    'current-context': KUBE_CONTEXT
  }
  writeFileSync(file, JSON.stringify(config, null, 2))
  return file
}

/** The base64 client key writeKubeconfig inlines (kubeconfig secrets are masked). */
export function clientKeyData(): string {
  return readFileSync(path.join(required('SLIPWAY_TEST_KUBE_DIR'), 'pki', 'admin.key')).toString(
    'base64'
  )
}

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run npm test, or source the control plane's env`)
  return value
}
