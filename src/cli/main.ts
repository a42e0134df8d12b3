import { parseArgs, type ParseArgsConfig } from 'node:util'
import { DEFAULT_CONFIG_FILE, loadConfig } from '../core/config/index.js'
import { configJsonSchema } from '../core/config/json-schema.js'
import { errorMessage, formatUserError, UserError, UserErrors } from '../core/errors.js'
import { validateWorkflows } from './workflows.js'
import { VERSION } from '../core/version.js'

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out: (text: string) => void
  err: (text: string) => void
  cwd: string
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd()
}

class UsageError extends Error {}

const HELP = `slipway ${VERSION}: build, scan, render, deploy, judge canaries and promote

Usage: slipway <command> [options]

Commands:
  validate   check slipway.yaml and the workflow files in .github/workflows
  render     render, pin, validate and check the manifests of one environment
  diff       compare a render with an earlier one, object by object
  canary     judge a canary's metric samples against the baseline's: slipway canary judge
  image      copy an image by digest between tags, repositories, registries: slipway image copy
  scan       gate a Trivy or Grype report on the vulnerability policy: slipway scan gate
  schema     print the JSON Schema of slipway.yaml
  help       show this help, or a command's: slipway help render
  version    print the version

Options for every command:
  --config FILE      the config file (default: slipway.yaml)
  --format text|json output format (default: text)

Exit codes: 0 ok, 1 findings or failure, 2 usage error.
`

const COMMAND_HELP: Record<string, string> = {
  validate: `Usage: slipway validate [--config FILE] [--workflows DIR] [--format text|json]

Checks slipway.yaml against its schema and, when the folder exists, every workflow file
in .github/workflows with GitHub's workflow parser. Prints one line per problem (file:line).
`
}

type Command = (args: string[], io: Io) => Promise<number>

// Commands with heavy dependencies load on first use, so `slipway image copy` does not pay
// for the Kubernetes schemas and `slipway validate` not for the registry client.
const lazyCommands: Record<string, () => Promise<{ run: Command; help: string }>> = {
  render: async () => {
    const m = await import('./render.js')
    return { run: m.renderCommand, help: m.RENDER_HELP }
  },
  diff: async () => {
    const m = await import('./render.js')
    return { run: m.diffCommand, help: m.DIFF_HELP }
  },
  canary: async () => {
    const m = await import('./canary.js')
    return { run: m.canaryCommand, help: m.CANARY_HELP }
  },
  image: async () => {
    const m = await import('./image.js')
    return { run: m.imageCommand, help: m.IMAGE_HELP }
  },
  scan: async () => {
    const m = await import('./scan.js')
    return { run: m.scanCommand, help: m.SCAN_HELP }
  }
}

const common: ParseArgsConfig['options'] = {
  config: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
}

const commands: Record<string, Command> = {
  validate: validateCommand,
  ...Object.fromEntries(
    Object.entries(lazyCommands).map(([name, load]) => [
      name,
      async (args: string[], io: Io) => (await load()).run(args, io)
    ])
  ),
  schema: async (_args, io) => {
    io.out(JSON.stringify(configJsonSchema(), null, 2) + '\n')
    return EXIT.ok
  },
  version: async (_args, io) => {
    io.out(`${VERSION}\n`)
    return EXIT.ok
  },
  help: async (args, io) => {
    const lazy = lazyCommands[args[0]]
    io.out(lazy ? (await lazy()).help : (COMMAND_HELP[args[0]] ?? HELP))
    return EXIT.ok
  }
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h') {
    io.out(HELP)
    return name ? EXIT.ok : EXIT.usage
  }
  if (name === '--version') return commands.version([], io)
  const command = commands[name]
  if (!command) {
    io.err(`slipway: unknown command "${name}" (see slipway --help)\n`)
    return EXIT.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) return commands.help([name], io)
  try {
    return await command(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`slipway ${name}: ${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof UserError) {
      const errors = error instanceof UserErrors ? error.errors : [error]
      for (const each of errors) printProblem(io, each)
      return EXIT.failure
    }
    io.err(`slipway ${name}: internal error: ${errorMessage(error)}\n`)
    return EXIT.failure
  }
}

function parse(args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: false })
  } catch (error) {
    throw new UsageError(errorMessage(error))
  }
}

function formatOf(value: unknown, allowed: string[]): string {
  const format = typeof value === 'string' ? value : allowed[0]
  if (!allowed.includes(format)) {
    throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${format}"`)
  }
  return format
}

async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { workflows: { type: 'string' } })
  const format = formatOf(values.format, ['text', 'json'])
  const configFile = (values.config as string | undefined) ?? DEFAULT_CONFIG_FILE
  const problems: UserError[] = []
  try {
    await loadConfig(configFile)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    problems.push(...(error instanceof UserErrors ? error.errors : [error]))
  }
  const workflowDir = (values.workflows as string | undefined) ?? '.github/workflows'
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
  return problems.length === 0 ? EXIT.ok : EXIT.failure
}

/**
 * One line per problem on stderr; on a GitHub runner also the workflow command that
 * turns it into an annotation on the file and line.
 */
function printProblem(io: Io, problem: UserError): void {
  io.err(`${formatUserError(problem)}\n`)
  if (process.env.GITHUB_ACTIONS !== 'true') return
  const where = problem.location
  const props = where
    ? ` file=${escapeProperty(where.file)}${where.line ? `,line=${where.line}` : ''}${where.column ? `,col=${where.column}` : ''}`
    : ''
  const message = escapeData(problem.message)
  io.out(`::error${props}::${message}\n`)
}

// The runner's escaping for workflow command data and properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
