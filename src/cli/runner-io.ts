import { appendFileSync } from 'node:fs'
import { inertText } from '../core/runner-output.js'
import type { Io } from './io.js'

/**
 * Set by the root action for the command it runs: slipway's own workflow commands go to this
 * file, and the action replays them after the echoed output (which it fences off).
 */
export const COMMANDS_FILE_ENV = 'SLIPWAY_COMMANDS_FILE'

/**
 * `io` as it must be on a GitHub runner, which reads every printed line for workflow commands:
 * out and err escape any that data would start (whole lines at a time; `flush` writes a last
 * partial one), and `command` writes slipway's own.
 */
export function runnerIo(io: Io, env: NodeJS.ProcessEnv = process.env): Io & { flush(): void } {
  const commandsFile = env[COMMANDS_FILE_ENV]
  const out = lineWriter(io.out)
  const err = lineWriter(io.err)
  return {
    cwd: io.cwd,
    out: out.write,
    err: err.write,
    command: (line) => (commandsFile ? appendFileSync(commandsFile, line) : io.err(line)),
    flush: () => {
      out.flush()
      err.flush()
    }
  }
}

function lineWriter(write: (text: string) => void) {
  let pending = ''
  return {
    write: (text: string) => {
      const all = pending + text
      const end = Math.max(all.lastIndexOf('\n'), all.lastIndexOf('\r'))
      pending = all.slice(end + 1)
      if (end >= 0) write(inertText(all.slice(0, end + 1)))
    },
    flush: () => {
      if (pending) write(inertText(pending))
      pending = ''
    }
  }
}
