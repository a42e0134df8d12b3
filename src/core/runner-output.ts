import { randomBytes } from 'node:crypto'

// The GitHub runner reads every line a step prints, on stdout and stderr, for workflow
// commands: `::name ...::` after leading whitespace, and the legacy `##[name ...]` anywhere in
// the line (actions/runner, ActionCommand.cs). Text slipway prints that carries data from a
// repository, an image, a report or a server goes through inertText; output of a child that
// slipway echoes goes between the lines of a commandFence.

// Line ends as the runner splits lines (\r, \n, \r\n), then whitespace as .NET's TrimStart
// removes it (JavaScript's \s lacks U+0085).
const LINE_START_COMMAND = /(^|[\r\n])([^\S\r\n]|\u0085)*::/g

/**
 * `text` with every `##[` and every `::` that starts a line escaped as `#\u0023[` and
 * `\u003a:`: JSON strings and YAML double-quoted strings read them back as the same
 * characters, and a person still reads the text.
 */
export function inertText(text: string): string {
  let out = text.replace(LINE_START_COMMAND, (match) => `${match.slice(0, -2)}\\u003a:`)
  while (out.includes('##[')) out = out.replaceAll('##[', '#\\u0023[')
  return out
}

/**
 * The lines that turn workflow commands off (`::stop-commands::TOKEN`) and on again
 * (`::TOKEN::`), with a random token that echoed output cannot guess.
 */
export function commandFence(): { start: string; end: string } {
  const token = `slipway-${randomBytes(16).toString('hex')}`
  return { start: `::stop-commands::${token}`, end: `::${token}::` }
}
