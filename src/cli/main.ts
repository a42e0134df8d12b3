import { errorMessage, isInputError, UserError, UserErrors } from '../core/errors.js'
import { VERSION } from '../core/version.js'
import { EXIT, printProblem, UsageError, type Io } from './io.js'
import { runnerIo } from './runner-io.js'

export { EXIT, type Io } from './io.js'

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd()
}

const HELP = `slipway ${VERSION}: build, scan, render, deploy, judge canaries and promote

Usage: slipway <command> [options]

Commands:
  validate   check slipway.yaml and the workflow files in .github/workflows
  render     render, pin, validate and check the manifests of one environment
  diff       compare a render with an earlier one, object by object
  canary     judge a canary's metric samples against the baseline's: slipway canary judge
  image      copy an image by digest between tags, repositories, registries: slipway image copy
  scan       gate a Trivy or Grype report on the vulnerability policy: slipway scan gate
  deploy     deploy an image to an environment, with automatic rollback on failure
  rollback   put an environment back on an earlier release, as recorded in the cluster
  history    list the releases of an environment, from the cluster
  status     say which release is live in an environment
  promote    promote the digest live in one environment to the next, behind its gates
  schema     print the JSON Schema of slipway.yaml
  help       show this help, or a command's: slipway help render
  version    print the version

Options for every command:
  --config FILE      the config file (default: slipway.yaml)
  --format text|json output format (default: text)

Exit codes: 0 ok; 1 findings, a failed gate or operation; 2 usage error or input that cannot
be read; 3 inconclusive (canary). See docs/cli.md.
`

type Command = (args: string[], io: Io) => Promise<number>

// Commands with heavy dependencies load on first use, so `slipway image copy` does not pay
// for the Kubernetes schemas and `slipway validate` not for the registry client.
const lazyCommands: Record<string, () => Promise<{ run: Command; help: string }>> = {
  validate: async () => {
    const m = await import('./validate.js')
    return { run: m.validateCommand, help: m.VALIDATE_HELP }
  },
  schema: async () => {
    const m = await import('../core/config/json-schema.js')
    return {
      run: async (_args, io) => {
        io.out(JSON.stringify(m.configJsonSchema(), null, 2) + '\n')
        return EXIT.ok
      },
      help: 'Usage: slipway schema\n\nPrints the JSON Schema of slipway.yaml.\n'
    }
  },
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
  },
  deploy: async () => {
    const m = await import('./deploy.js')
    return { run: m.deployCommand, help: m.DEPLOY_HELP }
  },
  rollback: async () => {
    const m = await import('./deploy.js')
    return { run: m.rollbackCommand, help: m.ROLLBACK_HELP }
  },
  history: async () => {
    const m = await import('./deploy.js')
    return { run: m.historyCommand, help: m.HISTORY_HELP }
  },
  status: async () => {
    const m = await import('./deploy.js')
    return { run: m.statusCommand, help: m.STATUS_HELP }
  },
  promote: async () => {
    const m = await import('./promote.js')
    return { run: m.promoteCommand, help: m.PROMOTE_HELP }
  }
}

const commands: Record<string, Command> = {
  ...Object.fromEntries(
    Object.entries(lazyCommands).map(([name, load]) => [
      name,
      async (args: string[], io: Io) => (await load()).run(args, io)
    ])
  ),
  version: async (_args, io) => {
    io.out(`${VERSION}\n`)
    return EXIT.ok
  },
  help: async (args, io) => {
    const lazy = lazyCommands[args[0]]
    io.out(lazy ? (await lazy()).help : HELP)
    return EXIT.ok
  }
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (process.env.GITHUB_ACTIONS !== 'true') return run(argv, io)
  const onRunner = runnerIo(io)
  try {
    return await run(argv, onRunner)
  } finally {
    onRunner.flush()
  }
}

async function run(argv: string[], io: Io): Promise<number> {
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
      return isInputError(error) ? EXIT.usage : EXIT.failure
    }
    io.err(`slipway ${name}: internal error: ${errorMessage(error)}\n`)
    return EXIT.failure
  }
}
