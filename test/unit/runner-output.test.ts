import { describe, expect, it } from '@jest/globals'
import { commandFence, inertText } from '../../src/core/runner-output.js'
import { HOSTILE_LINES, processOutput } from '../support/workflow-commands.js'

/** The commands the runner would act on if `text` were printed in a step. */
function commandsOf(text: string) {
  return processOutput(text.split('\n'), true).commands
}

describe('inertText: data printed on a runner starts no workflow command', () => {
  it.each(HOSTILE_LINES)('%s', (line) => {
    expect(commandsOf(line)).not.toEqual([]) // the oracle sees the attack unescaped
    for (const text of [line, `name: x\n${line}`, `a\r${line}`, `x ${line}\ny`]) {
      expect(commandsOf(inertText(text))).toEqual([])
    }
  })

  it('leaves ordinary text, YAML and JSON as they are', () => {
    const text = 'name: a::b\n  url: http://x/#frag\n{"a": "b::c"}\n# comment [x]\n'
    expect(inertText(text)).toBe(text)
  })

  it('escapes with \\u0023 and \\u003a, which JSON and YAML double-quoted strings read back', () => {
    const value = { name: '##[error]x', lines: 'a\n::error::b' }
    const json = inertText(JSON.stringify(value, null, 2))
    expect(JSON.parse(json)).toEqual(value)
    expect(inertText('::add-mask::x')).toBe('\\u003a:add-mask::x')
  })
})

describe('commandFence: echoed output between its lines starts no command', () => {
  it('stops commands with a random token and resumes after', () => {
    const fence = commandFence()
    expect(commandFence().start).not.toBe(fence.start)
    const echoed = HOSTILE_LINES.join('\n')
    const log = processOutput(
      [fence.start, ...echoed.split('\n'), fence.end, '::error::own'],
      false
    )
    expect(log.commands.map((c) => c.command)).toEqual(['stop-commands', 'error'])
    expect(log.annotations).toEqual([{ level: 'error', message: 'own' }])
  })
})
