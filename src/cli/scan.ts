import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../core/config/index.js'
import { parseDuration } from '../core/duration.js'
import { errorMessage } from '../core/errors.js'
import {
  baseImageLine,
  FAIL_ON,
  gateJson,
  gateText,
  runGate,
  SCANNERS,
  toSarif,
  writeSarif,
  type FailOn,
  type ScannerName
} from '../core/scan/index.js'
import { VERSION } from '../core/version.js'

export const SCAN_HELP = `Usage: slipway scan gate --report FILE [options]

Applies the vulnerability policy to a Trivy or Grype JSON report and prints the verdict.

  --report FILE          the scanner's JSON report (required)
  --scanner trivy|grype  expect this scanner's report (default: whichever it is)
  --fail-on SEVERITY     lowest severity that fails: critical, high, medium, low (default: high)
  --ignore-unfixed       findings without a fixed version do not count
  --allowlist FILE       allowlist (slipway YAML, .trivyignore or .trivyignore.yaml); repeatable
  --vex FILE             OpenVEX or CycloneDX VEX document; repeatable
  --baseline FILE        report of the baseline image: only findings absent from it block
  --max-db-age DURATION  fail when the vulnerability data is older (e.g. 72h); default: no check
  --allow-empty-report   pass a Trivy report without Results (default: it fails, nothing was scanned)
  --sarif OUT            also write SARIF 2.1.0 for GitHub code scanning
  --dockerfile FILE      the Dockerfile SARIF results point at (default: Dockerfile)
  --config FILE          take defaults from the scan section of this slipway.yaml
  --format text|json     json prints {"verdict", "counts", "blocking", "suppressed"}

Exit codes: 0 pass, 1 fail (or a report that cannot be read), 2 usage error.
`

interface Io {
  out: (text: string) => void
  err: (text: string) => void
  cwd: string
}

const USAGE = 2

/** `slipway scan <subcommand>`; today `gate`. */
export async function scanCommand(args: string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args
  if (subcommand !== 'gate') {
    io.err(
      `slipway scan: ${subcommand ? `unknown subcommand "${subcommand}"` : 'missing subcommand'} (see slipway scan --help)\n`
    )
    return USAGE
  }
  const options = parseGateArgs(rest)
  if (typeof options === 'string') {
    io.err(`slipway scan gate: ${options}\n`)
    return USAGE
  }
  const resolve = (file: string) => path.resolve(io.cwd, file)
  const scan = options.config ? (await loadConfig(resolve(options.config))).scan : undefined
  const maxDbAge = options.maxDbAge ?? scan?.['max-db-age']
  const { result, report } = await runGate({
    reportFile: resolve(options.report),
    ...(options.scanner ? { scanner: options.scanner } : {}),
    policy: {
      failOn: options.failOn ?? scan?.['fail-on'] ?? 'high',
      ignoreUnfixed: options.ignoreUnfixed || (scan?.['ignore-unfixed'] ?? false),
      allowEmptyReport: options.allowEmptyReport || (scan?.['allow-empty-report'] ?? false),
      ...(maxDbAge ? { maxDbAgeMs: parseDuration(maxDbAge) } : {})
    },
    allowlists: (options.allowlist.length > 0
      ? options.allowlist
      : scan?.allowlist
        ? [scan.allowlist]
        : []
    ).map(resolve),
    vex: [...(scan?.vex ?? []), ...options.vex].map(resolve),
    ...(options.baseline ? { baselineFile: resolve(options.baseline) } : {}),
    ...(scan ? { allowlistMaxExpiryMs: parseDuration(scan['allowlist-max-expiry']) } : {})
  })

  if (options.sarif && report) {
    const dockerfile = options.dockerfile ?? 'Dockerfile'
    const dockerfilePath = resolve(dockerfile)
    const text = existsSync(dockerfilePath) ? readFileSync(dockerfilePath, 'utf8') : undefined
    const sarif = toSarif(report, result, {
      dockerfile: dockerfile.split(path.sep).join('/'),
      line: baseImageLine(text),
      toolVersion: VERSION
    })
    await mkdir(path.dirname(resolve(options.sarif)), { recursive: true })
    await writeSarif(resolve(options.sarif), sarif)
  }

  if (options.format === 'json') {
    io.out(JSON.stringify(gateJson(result), null, 2) + '\n')
    if (result.failClosed) io.err(`slipway scan gate: ${result.failClosed}\n`)
  } else {
    io.out(gateText(result))
  }
  return result.verdict === 'pass' ? 0 : 1
}

interface GateArgs {
  report: string
  scanner?: ScannerName
  failOn?: FailOn
  ignoreUnfixed: boolean
  allowEmptyReport: boolean
  allowlist: string[]
  vex: string[]
  baseline?: string
  maxDbAge?: string
  sarif?: string
  dockerfile?: string
  config?: string
  format: 'text' | 'json'
}

/** The options, or what is wrong with them. */
function parseGateArgs(args: string[]): GateArgs | string {
  let values
  try {
    values = parseArgs({
      args,
      allowPositionals: false,
      options: {
        report: { type: 'string' },
        scanner: { type: 'string' },
        'fail-on': { type: 'string' },
        'ignore-unfixed': { type: 'boolean' },
        'allow-empty-report': { type: 'boolean' },
        allowlist: { type: 'string', multiple: true },
        vex: { type: 'string', multiple: true },
        baseline: { type: 'string' },
        'max-db-age': { type: 'string' },
        sarif: { type: 'string' },
        dockerfile: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string' }
      }
    }).values
  } catch (error) {
    return errorMessage(error)
  }
  if (!values.report) return '--report is required'
  const oneOf = (flag: string, value: string | undefined, allowed: readonly string[]) =>
    value === undefined || allowed.includes(value)
      ? undefined
      : `--${flag} must be one of ${allowed.join(', ')}, got "${value}"`
  const problem =
    oneOf('scanner', values.scanner, SCANNERS) ??
    oneOf('fail-on', values['fail-on'], FAIL_ON) ??
    oneOf('format', values.format, ['text', 'json'])
  if (problem) return problem
  const maxDbAge = values['max-db-age']
  if (maxDbAge !== undefined && parseDuration(maxDbAge) === undefined) {
    return `--max-db-age must be a duration such as 72h or 3d, got "${maxDbAge}"`
  }
  return {
    report: values.report,
    ...(values.scanner ? { scanner: values.scanner as ScannerName } : {}),
    ...(values['fail-on'] ? { failOn: values['fail-on'] as FailOn } : {}),
    ignoreUnfixed: values['ignore-unfixed'] ?? false,
    allowEmptyReport: values['allow-empty-report'] ?? false,
    allowlist: values.allowlist ?? [],
    vex: values.vex ?? [],
    ...(values.baseline ? { baseline: values.baseline } : {}),
    ...(maxDbAge ? { maxDbAge } : {}),
    ...(values.sarif ? { sarif: values.sarif } : {}),
    ...(values.dockerfile ? { dockerfile: values.dockerfile } : {}),
    ...(values.config ? { config: values.config } : {}),
    format: values.format === 'json' ? 'json' : 'text'
  }
}
