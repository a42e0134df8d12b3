// Runs the real kubectl (asynchronously: the fault proxy it may talk to runs in the same process).
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const KUBECTL = '/usr/bin/kubectl'

export interface KubectlResult {
  code: number
  stdout: string
  stderr: string
}

/** kubectl's discovery cache, one per test file, kept out of $HOME. */
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'slipway-kubectl-cache-'))

function env(): NodeJS.ProcessEnv {
  return { ...process.env, KUBECACHEDIR: cacheDir, KUBECONFIG: '' }
}

export function kubectl(
  kubeconfig: string,
  args: string[],
  timeoutMs = 30_000
): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile(
      KUBECTL,
      ['--kubeconfig', kubeconfig, ...args],
      { env: env(), timeout: timeoutMs, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      }
    )
  })
}

/** A long-running kubectl (get --watch) whose output is collected as it comes. */
export function kubectlStream(
  kubeconfig: string,
  args: string[]
): {
  child: ChildProcess
  output: () => string
  waitFor: (text: string, ms?: number) => Promise<void>
} {
  const child = spawn(KUBECTL, ['--kubeconfig', kubeconfig, ...args], { env: env() })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const waitFor = async (text: string, ms = 10_000) => {
    const until = Date.now() + ms
    while (!out.includes(text)) {
      if (Date.now() > until)
        throw new Error(`kubectl never printed "${text}"; it printed:\n${out}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  return { child, output: () => out, waitFor }
}
