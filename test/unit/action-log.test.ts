import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { info } from '../../src/actions/lib/log.js'
import { runFenced } from '../../src/actions/setup.js'
import { HOSTILE_TEXT, processOutput } from '../support/workflow-commands.js'

// What actions print reaches the runner's command parser: data must not start a command.

let dir: string
let printed: string
let spy: ReturnType<typeof jest.spyOn>

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'slipway-action-log-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function capture() {
  printed = ''
  spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += chunk.toString()
    return true
  })
}
afterEach(() => spy?.mockRestore())

describe('actions log data through info()', () => {
  it('starts no workflow command', () => {
    capture()
    info(`build output:\n${HOSTILE_TEXT}`)
    spy.mockRestore()
    expect(processOutput(printed.split('\n'), true).commands).toEqual([])
  })
})

describe("the root action's args command", () => {
  it('runs fenced off: what it prints runs no command, its own annotations come after', async () => {
    const script = path.join(dir, 'fake-slipway')
    writeFileSync(
      script,
      `#!/bin/sh\ncat <<'EOF'\n${HOSTILE_TEXT}\nEOF\ncat >&2 <<'EOF'\n${HOSTILE_TEXT}\nEOF\nprintf '::warning file=k8s/a.yaml::own\\n' >> "$SLIPWAY_COMMANDS_FILE"\nprintf 'no newline at the end'\n`
    )
    chmodSync(script, 0o755)
    capture()
    const { exitCode, stdout } = await runFenced(script, [], dir)
    spy.mockRestore()
    expect(exitCode).toBe(0)
    expect(stdout).toContain('::add-mask::slipway')
    const log = processOutput(printed.split('\n'), true)
    expect(log.commands.map((c) => c.command)).toEqual(['stop-commands', 'warning'])
    expect(log.annotations).toEqual([{ level: 'warning', message: 'own', file: 'k8s/a.yaml' }])
    expect(log.masked).toEqual([])
  })
})
