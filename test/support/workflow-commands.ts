// The two channels an action uses to talk to the GitHub runner, parsed the way the runner
// (actions/runner: FileCommandManager.cs, ActionCommand.cs) parses them.

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
  line?: number
  endLine?: number
  col?: number
  endColumn?: number
  title?: string
}

/**
 * Parses a file command file (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV): `name=value` lines and
 * heredoc blocks `name<<DELIMITER` ... `DELIMITER`. Malformed content throws, as the runner
 * fails the step for it.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      values[nameOf(line.slice(0, equals), line)] = line.slice(equals + 1)
    } else if (heredoc >= 0) {
      const name = nameOf(line.slice(0, heredoc), line)
      const delimiter = line.slice(heredoc + 2)
      if (!delimiter) throw new Error(`file command: empty delimiter in "${line}"`)
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0) throw new Error(`file command: no closing "${delimiter}" for "${name}"`)
      values[name] = lines.slice(i + 1, end).join('\n')
      i = end
    } else {
      throw new Error(`file command: invalid line "${line}"`)
    }
  }
  return values
}

function nameOf(name: string, line: string): string {
  if (!name) throw new Error(`file command: missing name in "${line}"`)
  return name
}

/** GITHUB_PATH: one directory per line, in the order they were added. */
export function parsePathFile(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line !== '')
}

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  data: string
}

/** Parses one output line as `::command key=value,key=value::data`, or undefined for a plain line. */
export function parseCommandLine(line: string): WorkflowCommand | undefined {
  const text = line.trimStart()
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = text.slice(2, end)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (!command) return undefined
  const properties: Record<string, string> = {}
  if (space >= 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0 && eq < pair.length - 1) {
        properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), PROPERTY_ESCAPES)
      }
    }
  }
  return { command, properties, data: unescape(text.slice(end + 2), DATA_ESCAPES) }
}

const DATA_ESCAPES: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n' }
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' }

function unescape(text: string, escapes: Record<string, string>): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (match) => escapes[match] ?? match)
}

export function annotationOf(command: WorkflowCommand): Annotation | undefined {
  const level = command.command
  if (level !== 'error' && level !== 'warning' && level !== 'notice') return undefined
  const { file, title, line, endLine, col, endColumn } = command.properties
  const annotation: Annotation = { level, message: command.data }
  if (file !== undefined) annotation.file = file
  if (title !== undefined) annotation.title = title
  const numbers = { line, endLine, col, endColumn }
  for (const [key, value] of Object.entries(numbers)) {
    if (value !== undefined) annotation[key as keyof typeof numbers] = Number(value)
  }
  return annotation
}

export interface ProcessedLog {
  /** The log as the runner shows it: commands rendered as `##[...]`, registered secrets as `***`. */
  log: string
  annotations: Annotation[]
  masked: string[]
  /** Every command the runner acted on, in order (annotations, masks, set-output, stop-commands...). */
  commands: WorkflowCommand[]
}

// The commands the runner registers (actions/runner ActionCommandManager.cs and its extensions);
// a line naming another command is printed as it is. Names compare without regard to case.
const REGISTERED = new Set([
  'add-mask',
  'add-path',
  'set-env',
  'set-output',
  'save-state',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
  'internal-set-repo-path'
])

/**
 * A line as the runner's ActionCommand parses it: `::command k=v::data` after leading
 * whitespace, else the legacy `##[command k=v;k=v]data` anywhere in the line. Only commands in
 * `registered` count.
 */
export function runnerCommandOf(
  line: string,
  registered: Set<string> = REGISTERED
): WorkflowCommand | undefined {
  const v2 = parseCommandLine(line)
  if (v2 && registered.has(v2.command.toLowerCase())) {
    return { ...v2, command: v2.command.toLowerCase() }
  }
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const close = line.indexOf(']', start)
  if (close < 0) return undefined
  const info = line.slice(start + 3, close)
  const space = info.indexOf(' ')
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(command)) return undefined
  const properties: Record<string, string> = {}
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq).trim()] = pair.slice(eq + 1)
    }
  }
  return { command, properties, data: line.slice(close + 1) }
}

/**
 * Processes output lines in order, as the runner does: `::add-mask::` masks a value in every
 * later line (not earlier ones), annotations become `##[error]` lines, `::debug::` is shown only
 * when step debugging is on, and `::stop-commands::TOKEN` turns every command off until a line
 * `::TOKEN::` (or `##[TOKEN]`).
 */
export function processOutput(lines: string[], debug: boolean): ProcessedLog {
  const annotations: Annotation[] = []
  const masked: string[] = []
  const shown: string[] = []
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const line of lines.flatMap((l) => l.split(/\r\n|\r|\n/))) {
    if (stopToken !== undefined) {
      const resume = runnerCommandOf(line, new Set([stopToken]))
      if (resume) stopToken = undefined
      shown.push(mask(line, masked))
      continue
    }
    const command = runnerCommandOf(line)
    if (command) commands.push(command)
    if (command?.command === 'stop-commands') stopToken = command.data.toLowerCase()
    const rendered = command ? render(command, line, debug) : line
    if (command?.command === 'add-mask' && command.data.trim() !== '') {
      masked.push(command.data)
    }
    const annotation = command && annotationOf(command)
    if (annotation) annotations.push(annotation)
    if (rendered !== undefined) shown.push(mask(rendered, masked))
  }
  return { log: shown.join('\n'), annotations, masked, commands }
}

function render(command: WorkflowCommand, line: string, debug: boolean): string | undefined {
  switch (command.command) {
    case 'add-mask':
      return undefined
    case 'debug':
      return debug ? `##[debug]${command.data}` : undefined
    case 'error':
    case 'warning':
    case 'notice':
    case 'group':
      return `##[${command.command}]${command.data}`
    case 'endgroup':
      return '##[endgroup]'
    default:
      return line // not a command the runner knows: printed as it is
  }
}

/** Replaces every registered secret, and each line of a multi-line one, with `***`. */
function mask(line: string, secrets: string[]): string {
  const parts = secrets.flatMap((s) => [s, ...s.split(/\r?\n/)]).filter((s) => s.trim() !== '')
  parts.sort((a, b) => b.length - a.length)
  return parts.reduce((text, secret) => text.split(secret).join('***'), line)
}

/** Every command form the runner acts on, as a repository, an image or a server could write it. */
export const HOSTILE_LINES = [
  '::error::forged error',
  '  ::warning file=x::forged warning',
  '\t::NOTICE::forged notice',
  '::add-mask::slipway',
  '::set-output name=verdict::pass',
  '::stop-commands::hush',
  'text ##[error]forged legacy error',
  '##[set-output name=verdict;]pass',
  '##[add-mask]slipway'
]

/** HOSTILE_LINES as one block of text, as a value in a file or a report would hold them. */
export const HOSTILE_TEXT = HOSTILE_LINES.join('\n')

/**
 * The commands the runner would act on in `output` that slipway did not mean: anything but an
 * error or warning annotation, and annotations forged by HOSTILE_LINES.
 */
export function forgedCommands(...output: string[]): WorkflowCommand[] {
  const lines = output.join('\n').split('\n')
  return processOutput(lines, true).commands.filter(
    (c) => !['error', 'warning'].includes(c.command) || c.data.startsWith('forged')
  )
}
