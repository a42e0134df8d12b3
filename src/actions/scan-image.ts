import * as core from '@actions/core'
import { info } from './lib/log.js'
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseDuration } from '../core/duration.js'
import { UserError } from '../core/errors.js'
import { checkInputFile } from '../core/output-path.js'
import {
  baseImageLine,
  FAIL_ON,
  gateSummary,
  runGate,
  SCANNERS,
  SEVERITIES,
  toSarif,
  writeSarif,
  verdictLine,
  type GateResult,
  type ScannerName
} from '../core/scan/index.js'
import { runScan } from '../core/scan/scanner.js'
import { VERSION } from '../core/version.js'
import { configFromInput, workspace } from './lib/config.js'
import { booleanInput, durationInput, enumInput, listInput, optionalInput } from './lib/inputs.js'
import { ensureScanner, restoreDb, saveDb } from './lib/scanner-install.js'

/**
 * GitHub shows 10 error annotations per step: 9 findings and the verdict line (which names the
 * count); the rest are in the job summary and the SARIF file.
 */
const MAX_ANNOTATIONS = 9

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const scan = config.scan
  const imageRef = optionalInput('image-ref')
  const reportInput = optionalInput('report')
  const scanner = enumInput('scanner', SCANNERS, scan.scanner)
  const failOn = enumInput('fail-on', FAIL_ON, scan['fail-on'])
  const ignoreUnfixed = booleanInput('ignore-unfixed', scan['ignore-unfixed'])
  const maxDbAgeMs = durationInput('max-db-age', scan['max-db-age'])
  const allowEmptyReport = booleanInput('allow-empty-report', scan['allow-empty-report'])
  const allowlist = optionalInput('allowlist') ?? scan.allowlist
  const vex = [...(scan.vex ?? []), ...listInput('vex')]
  const baseline = optionalInput('baseline')
  const onlyNew = booleanInput('only-new', scan['only-new'] || baseline !== undefined)
  const dockerfile = optionalInput('dockerfile') ?? 'Dockerfile'
  const mirror = optionalInput('download-base-url') ?? process.env.SLIPWAY_SCANNER_MIRROR
  const password = optionalInput('registry-password')
  if (password) core.setSecret(password)
  const username = optionalInput('registry-username')

  if (!imageRef && !reportInput) {
    throw new UserError('one of the inputs "image-ref" and "report" is needed')
  }
  if (imageRef && reportInput) {
    throw new UserError('give either "image-ref" or "report", not both')
  }
  if (onlyNew && !baseline) {
    throw new UserError('only-new needs the input "baseline" (a report file or an image reference)')
  }

  // From here on every failure fails the gate closed: the verdict output says fail, whatever
  // stopped the scan (a download, a checksum, the scanner itself).
  let verdictSet = false
  try {
    const root = workspace()
    const resolve = (file: string) => path.resolve(root, file)
    const out = path.join(process.env.RUNNER_TEMP || path.join(root, '.slipway'), 'slipway', 'scan')
    await mkdir(out, { recursive: true })
    const reportFile = path.join(out, 'report.json')
    const sarifFile = path.join(out, 'report.sarif')
    const now = new Date()
    const credentials = { username, password }

    let dbUpdatedAt: Date | undefined
    if (reportInput) {
      const source = checkInputFile(resolve(reportInput), {
        subject: `input "report": ${reportInput}`,
        place: { dir: root, name: 'the workspace' }
      })
      // Kept whatever it holds; a missing report is judged (fail closed) by the gate below.
      if (existsSync(source)) await copyFile(source, reportFile)
    } else if (imageRef) {
      dbUpdatedAt = await scanImage(scanner, imageRef, reportFile, out, now, mirror, credentials)
    }

    let baselineFile: string | undefined
    if (onlyNew && baseline) {
      const local = resolve(baseline)
      if (existsSync(local)) {
        baselineFile = local
      } else if (looksLikeImage(baseline)) {
        baselineFile = path.join(out, `${scanner}-baseline.json`)
        await scanImage(scanner, baseline, baselineFile, out, now, mirror, credentials)
      } else {
        throw new UserError(
          `input "baseline": ${baseline} is neither a file nor an image reference`
        )
      }
    }

    const { result, report } = await runGate({
      reportFile: reportInput && !existsSync(reportFile) ? resolve(reportInput) : reportFile,
      ...(core.getInput('scanner').trim() ? { scanner } : {}),
      policy: { failOn, ignoreUnfixed, maxDbAgeMs, allowEmptyReport },
      allowlists: allowlist ? [resolve(allowlist)] : [],
      vex: vex.map(resolve),
      ...(baselineFile ? { baselineFile } : {}),
      now,
      ...(dbUpdatedAt ? { dbUpdatedAt } : {}),
      allowlistMaxExpiryMs: parseDuration(scan['allowlist-max-expiry'])
    })

    const dockerfilePath = resolve(dockerfile)
    const hasDockerfile = existsSync(dockerfilePath)
    const relative = path.relative(root, dockerfilePath).split(path.sep).join('/')
    if (report) {
      const text = hasDockerfile ? await readFile(dockerfilePath, 'utf8') : undefined
      const sarif = toSarif(report, result, {
        dockerfile: relative,
        line: baseImageLine(text),
        toolVersion: VERSION
      })
      await writeSarif(sarifFile, sarif)
      core.setOutput('sarif', sarifFile)
    }
    if (existsSync(reportFile)) core.setOutput('report', reportFile)

    showRelativeTo(root, result)
    setOutputs(result)
    annotate(result, hasDockerfile ? relative : undefined)
    await core.summary
      .addRaw(
        gateSummary(result, report, {
          ...(existsSync(reportFile) ? { reportPath: reportFile } : {}),
          ...(report ? { sarifPath: sarifFile } : {})
        })
      )
      .write()
    verdictSet = true
    if (result.verdict !== 'pass') throw new UserError(verdictLine(result))
    info(verdictLine(result))
  } catch (error) {
    if (!verdictSet) core.setOutput('verdict', 'fail')
    throw error
  }
}

async function scanImage(
  scanner: ScannerName,
  imageRef: string,
  output: string,
  out: string,
  now: Date,
  mirror: string | undefined,
  credentials: { username?: string; password?: string }
): Promise<Date | undefined> {
  if (!imageRef.includes('@sha256:')) {
    core.warning(
      `${imageRef} is not pinned by digest: the scan may not be of the image that is deployed`
    )
  }
  const program = await ensureScanner(scanner, mirror)
  const cacheDir = path.join(out, `${scanner}-db`)
  const cachedDb = await restoreDb(scanner, cacheDir, now)
  const env =
    credentials.username && credentials.password
      ? scanner === 'trivy'
        ? { TRIVY_USERNAME: credentials.username, TRIVY_PASSWORD: credentials.password }
        : {
            GRYPE_REGISTRY_AUTH_USERNAME: credentials.username,
            GRYPE_REGISTRY_AUTH_PASSWORD: credentials.password
          }
      : {}
  Object.assign(process.env, env)
  info(`scanning ${imageRef} with ${program}`)
  const scanned = await runScan({ scanner, program, imageRef, output, cacheDir, cachedDb })
  for (const warning of scanned.warnings) core.warning(warning)
  if (!scanned.usedCachedDb) await saveDb(scanner, cacheDir, now)
  return scanned.dbUpdatedAt
}

function looksLikeImage(reference: string): boolean {
  return (
    /^[a-z0-9][a-z0-9._\-/:]*(@sha256:[a-f0-9]{64})?$/i.test(reference) &&
    !reference.endsWith('.json')
  )
}

function setOutputs(result: GateResult): void {
  core.setOutput('verdict', result.verdict)
  core.setOutput('counts', JSON.stringify(result.counts))
  for (const severity of SEVERITIES) core.setOutput(severity, String(result.counts[severity]))
  core.setOutput('blocking', String(result.blocking.length))
}

/** One error annotation per blocking finding (on the Dockerfile when there is one), capped. */
function annotate(result: GateResult, dockerfile: string | undefined): void {
  for (const f of result.blocking.slice(0, MAX_ANNOTATIONS)) {
    const fix = f.fixed ? `fixed in ${f.fixed}` : 'no fixed version'
    core.error(
      `${f.id} (${f.severity}) in ${f.package} ${f.installed}, ${fix}${f.title ? `: ${f.title}` : ''}`,
      {
        title: `${f.id} in ${f.package}`,
        ...(dockerfile ? { file: dockerfile } : {})
      }
    )
  }
}

/** The summary names allowlist and VEX files as the user wrote them: relative to the checkout. */
function showRelativeTo(root: string, result: GateResult): void {
  const relative = (file: string) => {
    const rel = path.relative(root, file)
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel
  }
  for (const s of result.suppressed) if (s.source) s.source = relative(s.source)
  for (const { entry } of result.expired)
    entry.source = { ...entry.source, file: relative(entry.source.file) }
}
