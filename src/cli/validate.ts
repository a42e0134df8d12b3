import type { ParseArgsConfig } from 'node:util'
import { DEFAULT_CONFIG_FILE, loadConfig } from '../core/config/index.js'
import { isInputError, UserError, UserErrors } from '../core/errors.js'
import { EXIT, formatOption, parseOptions, printProblem, type Io } from './io.js'
import { validateWorkflows } from './workflows.js'

export const VALIDATE_HELP = `Usage: slipway validate [--config FILE] [--workflows DIR] [--format text|json]

Checks slipway.yaml against its schema and, when the folder exists, every workflow file
in .github/workflows with GitHub's workflow parser. Prints one line per problem (file:line).
`

const OPTIONS = {
  config: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  workflows: { type: 'string' }
} satisfies ParseArgsConfig['options']

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, OPTIONS)
  const format = formatOption(values.format, ['text', 'json'])
  const configFile = values.config ?? DEFAULT_CONFIG_FILE
  const problems: UserError[] = []
  try {
    await loadConfig(configFile)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    problems.push(...(error instanceof UserErrors ? error.errors : [error]))
  }
  const workflowDir = values.workflows ?? '.github/workflows'
  problems.push(...(await validateWorkflows(workflowDir)))

  if (format === 'json') {
    const list = problems.map((p) => ({
      file: p.location?.file,
      line: p.location?.line,
      message: p.message
    }))
    io.out(JSON.stringify({ ok: problems.length === 0, problems: list }, null, 2) + '\n')
  } else if (problems.length === 0) {
    io.out(`${configFile}: ok\n`)
  } else {
    for (const p of problems) printProblem(io, p)
  }
  if (problems.some(isInputError)) return EXIT.usage
  return problems.length === 0 ? EXIT.ok : EXIT.failure
}
