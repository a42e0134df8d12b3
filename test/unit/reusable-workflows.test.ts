// The reusable workflows call slipway's own actions with `uses: $/actions/<name>`, which
// actionlint cannot follow. These checks hold them to the actions' metadata and to the rules
// every workflow here keeps: inputs through env:, minimal permissions, pinned third parties.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  permissions?: unknown
  steps?: Step[]
  uses?: string
}
interface Workflow {
  on: Record<string, unknown> | string
  permissions?: unknown
  jobs: Record<string, Job>
}
interface ActionMetadata {
  inputs?: Record<string, { required?: boolean; default?: unknown }>
  outputs?: Record<string, unknown>
}

const WORKFLOWS = path.resolve('.github', 'workflows')
const reusable = readdirSync(WORKFLOWS)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => ({
    file,
    workflow: parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as Workflow
  }))
  .filter(({ workflow }) => typeof workflow.on === 'object' && 'workflow_call' in workflow.on)

function action(name: string): ActionMetadata {
  return parse(readFileSync(path.resolve('actions', name, 'action.yml'), 'utf8')) as ActionMetadata
}

const steps = reusable.flatMap(({ file, workflow }) =>
  Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) =>
    steps.map((step, index) => ({ where: `${file} jobs.${job}.steps[${index}]`, job, step, file }))
  )
)

describe('reusable workflows', () => {
  it('exist: build.yml at least', () => {
    expect(reusable.map((r) => r.file)).toContain('build.yml')
  })

  it("give slipway's actions only inputs they declare, and every required one", () => {
    const problems: string[] = []
    for (const { where, step } of steps) {
      const name = step.uses?.match(/^\$\/actions\/([a-z-]+)$/)?.[1]
      if (!name) continue
      const inputs = action(name).inputs ?? {}
      for (const key of Object.keys(step.with ?? {})) {
        if (!(key in inputs)) problems.push(`${where}: ${name} has no input "${key}"`)
      }
      for (const [key, input] of Object.entries(inputs)) {
        if (input.required && input.default === undefined && !(key in (step.with ?? {}))) {
          problems.push(`${where}: required input "${key}" of ${name} is not given`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it("read only outputs slipway's actions declare", () => {
    const problems: string[] = []
    for (const { file, workflow } of reusable) {
      const text = readFileSync(path.join(WORKFLOWS, file), 'utf8')
      for (const [job, { steps: jobSteps = [] }] of Object.entries(workflow.jobs)) {
        const actionOf = new Map(
          jobSteps.flatMap((s) => {
            const name = s.uses?.match(/^\$\/actions\/([a-z-]+)$/)?.[1]
            return s.id && name ? [[s.id, name] as const] : []
          })
        )
        for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const name = actionOf.get(id)
          if (name && !(output in (action(name).outputs ?? {}))) {
            problems.push(`${file} jobs.${job}: ${name} has no output "${output}"`)
          }
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('pin every third-party action by full commit SHA', () => {
    const unpinned = steps
      .filter(({ step }) => step.uses && !step.uses.startsWith('$/') && !step.uses.startsWith('./'))
      .filter(({ step }) => !/@[0-9a-f]{40}$/.test(step.uses ?? ''))
      .map(({ where, step }) => `${where}: ${step.uses}`)
    expect(unpinned).toEqual([])
  })

  it('declare permissions for every job', () => {
    const missing = reusable.flatMap(({ file, workflow }) =>
      Object.entries(workflow.jobs)
        .filter(([, job]) => job.permissions === undefined)
        .map(([name]) => `${file} jobs.${name}`)
    )
    expect(missing).toEqual([])
  })

  it('never interpolate ${{ }} into a run: script (values go through env:)', () => {
    const interpolated = steps
      .filter(({ step }) => step.run?.includes('${{'))
      .map(({ where }) => where)
    expect(interpolated).toEqual([])
  })
})
