import { main, type Io } from '../../src/cli/main.js'

export interface CliRun {
  code: number
  out: string
  err: string
}

/** Runs `command` with an Io that collects what it writes, as the CLI would print it in `cwd`. */
export async function captureIo(
  cwd: string,
  command: (io: Io) => Promise<number>
): Promise<CliRun> {
  let out = ''
  let err = ''
  const code = await command({ out: (t) => void (out += t), err: (t) => void (err += t), cwd })
  return { code, out, err }
}

/** `slipway <argv>` in this process, through the CLI's main(). */
export function runCli(argv: string[], cwd: string): Promise<CliRun> {
  return captureIo(cwd, (io) => main(argv, io))
}
