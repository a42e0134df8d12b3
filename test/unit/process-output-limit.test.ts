// A renderer that prints without end (a kustomize plugin, a runaway helm template) is stopped at
// a bound with one line, instead of filling the runner's memory.
import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../src/core/errors.js'
import { runCommand } from '../../src/core/process.js'

describe('runCommand output limit', () => {
  it('stops a program whose output passes the limit, in one line', async () => {
    const endless =
      'const b = Buffer.alloc(65536, 120); const w = () => process.stdout.write(b, w); w()'
    const run = runCommand(process.execPath, ['-e', endless], { maxOutputBytes: 1024 * 1024 })
    await expect(run).rejects.toThrow(UserError)
    await expect(run).rejects.toThrow(/printed more than 1 MiB/)
  }, 20_000)

  it('returns output under the limit', async () => {
    const result = await runCommand(process.execPath, ['-e', 'process.stdout.write("ok")'], {
      maxOutputBytes: 1024
    })
    expect(result.stdout).toBe('ok')
  })
})
