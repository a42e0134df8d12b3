import { formatUserError } from '../errors.js'
import { checkExpiryHorizon, DEFAULT_ALLOWLIST_MAX_EXPIRY_MS, loadAllowlists } from './allowlist.js'
import { evaluateGate, failedGate, type GatePolicy, type GateResult } from './gate.js'
import { readReport, ReportError, type ScannerName, type ScanReport } from './report.js'
import { loadVex, type VexStatement } from './vex.js'

export { FAIL_ON, SEVERITIES, type FailOn, type Finding, type Severity } from './findings.js'
export { evaluateGate, failedGate, type GatePolicy, type GateResult } from './gate.js'
export { gateJson, gateText, verdictLine } from './output.js'
export { readReport, ReportError, SCANNERS, type ScannerName, type ScanReport } from './report.js'
export { baseImageLine, toSarif, writeSarif } from './sarif.js'
export { gateSummary } from './summary.js'

export interface GateOptions {
  reportFile: string
  /** Expected scanner; undefined accepts either. */
  scanner?: ScannerName
  policy: GatePolicy
  allowlists?: string[]
  vex?: string[]
  /** only-new: a report of the baseline image. */
  baselineFile?: string
  now?: Date
  dbUpdatedAt?: Date
  /** Allowlist entries may expire at most this long after `now` (default 365 days). */
  allowlistMaxExpiryMs?: number
}

export interface GateRun {
  result: GateResult
  /** Undefined when the report could not be read (the result then fails closed). */
  report?: ScanReport
}

/**
 * Reads everything the gate needs and applies it. Mistakes in the allowlist or VEX files are
 * UserErrors with file and line; a report that cannot be read fails the gate closed.
 */
export async function runGate(options: GateOptions): Promise<GateRun> {
  const allowlist = await loadAllowlists(options.allowlists ?? [])
  checkExpiryHorizon(
    allowlist,
    options.now ?? new Date(),
    options.allowlistMaxExpiryMs ?? DEFAULT_ALLOWLIST_MAX_EXPIRY_MS
  )
  const vex: VexStatement[] = []
  for (const [order, file] of (options.vex ?? []).entries())
    vex.push(...(await loadVex(file, order)))

  const report = await readOrFail(options.reportFile, options.scanner)
  if ('failed' in report) return { result: failedGate(options.policy, report.failed) }
  let baseline: ScanReport | undefined
  if (options.baselineFile) {
    const read = await readOrFail(options.baselineFile)
    if ('failed' in read)
      return { result: failedGate(options.policy, `baseline: ${read.failed}`), report }
    baseline = read
  }
  const result = evaluateGate({
    report,
    policy: options.policy,
    allowlist,
    vex,
    ...(baseline ? { baseline } : {}),
    now: options.now ?? new Date(),
    ...(options.dbUpdatedAt ? { dbUpdatedAt: options.dbUpdatedAt } : {})
  })
  return { result, report }
}

async function readOrFail(
  file: string,
  scanner?: ScannerName
): Promise<ScanReport | { failed: string }> {
  try {
    return await readReport(file, scanner)
  } catch (error) {
    if (error instanceof ReportError) return { failed: formatUserError(error) }
    throw error
  }
}
