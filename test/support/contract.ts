// What every slipway action promises a workflow author, written once and run against each bundle.
import { expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { runSlipwayAction, type ActionName } from './actions.js'
import { REPO_ROOT, type Annotation, type RunResult } from './runner.js'
import { makeWorkspace } from './workspace.js'

/** The app fixture's slipway.yaml: valid, with staging -> production. */
export const APP_CONFIG = readFileSync(
  path.join(REPO_ROOT, 'test', 'fixtures', 'app', 'slipway.yaml'),
  'utf8'
)

/** `text` with `insert` added after the line `after`; returns the new text and the line number. */
export function insertAfter(text: string, after: string, insert: string) {
  const lines = text.split('\n')
  const index = lines.indexOf(after)
  if (index < 0) throw new Error(`no line "${after}" in the config`)
  lines.splice(index + 1, 0, insert)
  return { text: lines.join('\n'), line: index + 2 }
}

/** A failed step with exactly one error annotation, and nothing a user would call a crash. */
export function expectOneError(result: RunResult, expected: Partial<Annotation>): void {
  expect(result.exitCode).toBe(1)
  expect(result.annotations.filter((a) => a.level === 'error')).toEqual([
    expect.objectContaining(expected)
  ])
  expectNoCrash(result)
}

export function expectNoCrash(result: RunResult): void {
  expect(result.log).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m)
  expect(result.log).not.toMatch(/internal error|TypeError|ReferenceError/)
}

/**
 * Mistakes in slipway.yaml reach the user as one annotation on the file and line, whatever
 * action read it. `inputs` are otherwise valid inputs for the action.
 */
export function itReportsConfigMistakes(name: ActionName, inputs: Record<string, string>): void {
  it('annotates an unknown key in slipway.yaml on its line, without a stack trace', async () => {
    const bad = insertAfter(
      APP_CONFIG,
      '  repository: ghcr.io/acme/hello',
      '  platform: linux/amd64'
    )
    const workspace = makeWorkspace('app', { 'slipway.yaml': bad.text })
    const result = await runSlipwayAction(name, { workspace, inputs })
    expectOneError(result, {
      message: 'image.platform: unknown key',
      file: 'slipway.yaml',
      line: bad.line,
      title: `slipway.yaml:${bad.line}`
    })
    expect(result.outputs).toEqual({})
  })

  it('reads the config named by the `config` input and annotates that file', async () => {
    const bad = insertAfter(APP_CONFIG, '    namespace: hello-staging', '    order: first')
    const workspace = makeWorkspace('app', { 'ci/slipway.yaml': bad.text })
    const result = await runSlipwayAction(name, {
      workspace,
      inputs: { ...inputs, config: 'ci/slipway.yaml' }
    })
    expectOneError(result, {
      message: 'environments.staging.order: expected number, received string',
      file: 'ci/slipway.yaml',
      line: bad.line
    })
  })

  it('says when slipway.yaml is missing', async () => {
    const result = await runSlipwayAction(name, { workspace: makeWorkspace(), inputs })
    expectOneError(result, { message: 'config file not found', file: 'slipway.yaml' })
  })
}

/** Runs the action in the app workspace and expects one error naming `input`. */
export async function expectInputError(
  name: ActionName,
  inputs: Record<string, string>,
  message: string
): Promise<void> {
  const result = await runSlipwayAction(name, { workspace: makeWorkspace('app'), inputs })
  expectOneError(result, { message })
  expect(result.annotations[0].file).toBeUndefined()
}
