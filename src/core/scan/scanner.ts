import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { UserError } from '../errors.js'
import { runCommand } from '../process.js'
import type { ScannerName } from './report.js'

// Running Trivy or Grype against an image, and the pinned releases installed when neither is on
// PATH. The scanner runs with no severity, status or ignore filtering: the report is complete and
// only the gate decides. It runs in an empty folder so a .trivyignore, trivy.yaml or .grype.yaml
// in the checkout cannot filter it either.

export interface ScannerAsset {
  file: string
  sha256: string
}

export interface PinnedRelease {
  version: string
  /** Release download folder; a mirror replaces it (SLIPWAY_SCANNER_MIRROR). */
  base: string
  assets: Partial<Record<string, ScannerAsset>>
}

/**
 * The versions installed when the scanner is missing, with the SHA-256 of each release archive.
 * The sums are those the projects publish in trivy_0.72.0_checksums.txt and
 * grype_0.120.0_checksums.txt; raising a version means copying the new sums from there.
 */
export const PINNED: Record<ScannerName, PinnedRelease> = {
  trivy: {
    version: '0.72.0',
    base: 'https://github.com/aquasecurity/trivy/releases/download/v0.72.0',
    assets: {
      'linux-x64': {
        file: 'trivy_0.72.0_Linux-64bit.tar.gz',
        sha256: 'bbb64b9695866ce4a7a8f5c9592002c5961cab378577fa3f8a040df362b9b2ea'
      },
      'linux-arm64': {
        file: 'trivy_0.72.0_Linux-ARM64.tar.gz',
        sha256: '2ca2c023109c2db6b2b77366b6717291452d4531167377d95c79547f0c8e3467'
      }
    }
  },
  grype: {
    version: '0.120.0',
    base: 'https://github.com/anchore/grype/releases/download/v0.120.0',
    assets: {
      'linux-x64': {
        file: 'grype_0.120.0_linux_amd64.tar.gz',
        sha256: 'a5a1218dce63acdac152a6b3b5bb366e7267e36f4069848cf455543b3fa5700e'
      },
      'linux-arm64': {
        file: 'grype_0.120.0_linux_arm64.tar.gz',
        sha256: 'bc0e52b1a0de37e2ff021c4924d689dce7dcff2e7d74b39aea16c0453e69be18'
      }
    }
  }
}

export interface ScannerDownload extends ScannerAsset {
  scanner: ScannerName
  version: string
  url: string
}

export function scannerDownload(
  scanner: ScannerName,
  platform: string = process.platform,
  arch: string = process.arch,
  mirror?: string
): ScannerDownload {
  const release = PINNED[scanner]
  const asset = release.assets[`${platform}-${arch}`]
  if (!asset) {
    const supported = Object.keys(release.assets).join(', ')
    throw new UserError(
      `no pinned ${scanner} build for ${platform}-${arch} (pinned: ${supported}); put ${scanner} on PATH before this step`
    )
  }
  const base = mirror
    ? `${mirror.replace(/\/+$/, '')}/${scanner}/v${release.version}`
    : release.base
  return { scanner, version: release.version, ...asset, url: `${base}/${asset.file}` }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Throws when the file's SHA-256 is not the pinned one: a download is never used unchecked. */
export async function verifySha256(file: string, expected: string, label = file): Promise<void> {
  const actual = await sha256File(file)
  if (actual !== expected.toLowerCase()) {
    throw new UserError(
      `checksum mismatch for ${label}: expected sha256 ${expected}, got ${actual}; the download was not used`
    )
  }
}

/** Variables that would make the scanner filter its report or change its output. */
const FILTER_ENV: Record<ScannerName, string[]> = {
  trivy: [
    'TRIVY_SEVERITY',
    'TRIVY_IGNORE_UNFIXED',
    'TRIVY_IGNORE_STATUS',
    'TRIVY_IGNOREFILE',
    'TRIVY_IGNORE_POLICY',
    'TRIVY_VEX',
    'TRIVY_EXIT_CODE',
    'TRIVY_EXIT_ON_EOL',
    'TRIVY_FORMAT',
    'TRIVY_OUTPUT',
    'TRIVY_TEMPLATE',
    'TRIVY_SCANNERS',
    'TRIVY_PKG_TYPES',
    'TRIVY_CONFIG'
  ],
  grype: [
    'GRYPE_ONLY_FIXED',
    'GRYPE_ONLY_NOTFIXED',
    'GRYPE_IGNORE_STATES',
    'GRYPE_FAIL_ON_SEVERITY',
    'GRYPE_OUTPUT',
    'GRYPE_FILE',
    'GRYPE_VEX_DOCUMENTS',
    'GRYPE_CONFIG',
    'GRYPE_BY_CVE'
  ]
}

export interface ScanCommandOptions {
  /** Where the scanner keeps its vulnerability database (restored from and saved to a cache). */
  cacheDir: string
  /** Use the database in cacheDir as it is, without trying to download a newer one. */
  offline: boolean
}

export interface ScanCommand {
  args: string[]
  /** Variables to set; `undefined` removes one. */
  env: Record<string, string | undefined>
}

/** The command line that scans `imageRef` and writes the complete JSON report to `output`. */
export function scanCommand(
  scanner: ScannerName,
  imageRef: string,
  output: string,
  options: ScanCommandOptions
): ScanCommand {
  const unset = Object.fromEntries(FILTER_ENV[scanner].map((name) => [name, undefined]))
  if (scanner === 'trivy') {
    return {
      args: [
        'image',
        '--format',
        'json',
        '--output',
        output,
        '--scanners',
        'vuln',
        '--severity',
        'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL',
        '--exit-code',
        '0',
        '--cache-dir',
        options.cacheDir,
        '--quiet',
        ...(options.offline ? ['--skip-db-update'] : []),
        imageRef
      ],
      env: unset
    }
  }
  return {
    args: [imageRef, '-o', 'json', '--file', output],
    env: {
      ...unset,
      GRYPE_DB_CACHE_DIR: options.cacheDir,
      GRYPE_CHECK_FOR_APP_UPDATE: 'false',
      // Offline, Grype would refuse a database older than its own limit (5 days); max-db-age,
      // applied by the gate to the build time the report records, decides instead.
      ...(options.offline ? { GRYPE_DB_AUTO_UPDATE: 'false', GRYPE_DB_VALIDATE_AGE: 'false' } : {})
    }
  }
}

export interface ScanRun {
  /** When the database was last updated, where the scanner keeps that outside the report (Trivy). */
  dbUpdatedAt?: Date
  /** True when the database could not be refreshed and the cached one was used. */
  usedCachedDb: boolean
  /** Lines worth a warning: why the refresh failed. */
  warnings: string[]
}

export interface ScanOptions {
  scanner: ScannerName
  /** The scanner executable: a name on PATH or a path. */
  program: string
  imageRef: string
  output: string
  cacheDir: string
  /** Whether cacheDir holds a database from an earlier run (restored from the cache). */
  cachedDb: boolean
}

/**
 * Scans with a database refresh; when the refresh fails and a cached database exists, scans again
 * offline with that one (the gate then judges its age). A failed scan is a UserError with the
 * scanner's last error line.
 */
export async function runScan(options: ScanOptions): Promise<ScanRun> {
  await mkdir(options.cacheDir, { recursive: true })
  await mkdir(path.dirname(options.output), { recursive: true })
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'slipway-scan-'))
  try {
    const attempt = (offline: boolean) => {
      const command = scanCommand(options.scanner, options.imageRef, options.output, {
        cacheDir: options.cacheDir,
        offline
      })
      return runCommand(options.program, command.args, { cwd, env: withEnv(command.env) })
    }
    const warnings: string[] = []
    let usedCachedDb = false
    let result = await attempt(false)
    if (result.exitCode !== 0 && options.cachedDb) {
      warnings.push(
        `${options.scanner} could not scan with a fresh database (${lastLine(result.stderr)}); scanning with the cached one`
      )
      usedCachedDb = true
      result = await attempt(true)
    }
    if (result.exitCode !== 0) {
      throw new UserError(
        `${options.scanner} failed (exit ${result.exitCode}): ${lastLine(result.stderr || result.stdout)}`
      )
    }
    const dbUpdatedAt =
      options.scanner === 'trivy' ? await trivyDbUpdatedAt(options.cacheDir) : undefined
    return { ...(dbUpdatedAt ? { dbUpdatedAt } : {}), usedCachedDb, warnings }
  } finally {
    await rm(cwd, { recursive: true, force: true })
  }
}

/** Trivy keeps the database's build time in <cache-dir>/db/metadata.json, not in the report. */
export async function trivyDbUpdatedAt(cacheDir: string): Promise<Date | undefined> {
  try {
    const metadata = JSON.parse(await readFile(path.join(cacheDir, 'db', 'metadata.json'), 'utf8'))
    const time = Date.parse(metadata.UpdatedAt)
    return Number.isNaN(time) ? undefined : new Date(time)
  } catch {
    return undefined
  }
}

function withEnv(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return env
}

/** Scanners log progress on stderr; the last non-empty line says what went wrong. */
function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
  return lines.at(-1)?.slice(0, 300) ?? 'no output'
}
