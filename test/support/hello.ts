import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { freePort } from './services.js'

const example = path.resolve('examples/hello')
const binary = path.join(example, 'build/hello')

export interface Hello {
  url: string
  address: string
  stop: () => Promise<void>
}

/** Starts a copy of the example service on a free loopback port, with fault injection by env. */
export async function startHello(env: Record<string, string> = {}): Promise<Hello> {
  if (!existsSync(binary))
    execFileSync('bash', [path.join(example, 'build.sh')], { stdio: 'ignore' })
  const port = await freePort()
  const child = spawn(binary, [], {
    env: { PORT: String(port), BIND: '127.0.0.1', ...env },
    stdio: 'ignore'
  })
  const address = `127.0.0.1:${port}`
  const url = `http://${address}`
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      if (Date.now() > deadline) throw new Error(`hello on ${address} did not start`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return { url, address, stop }
}

/**
 * Sends requests to every URL at about `perSecond` each until stopped; bounded by `maxMs`
 * so a forgotten load generator cannot outlive its test.
 */
export function drive(
  urls: string[],
  perSecond: number,
  maxMs: number
): { stop: () => Promise<void> } {
  let running = true
  const until = Date.now() + maxMs
  const loops = urls.map(async (url) => {
    while (running && Date.now() < until) {
      const started = Date.now()
      await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.body?.cancel(),
        () => undefined
      )
      const wait = 1000 / perSecond - (Date.now() - started)
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    }
  })
  return {
    stop: async () => {
      running = false
      await Promise.all(loops)
    }
  }
}
