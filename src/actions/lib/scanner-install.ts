import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { info } from './log.js'
import * as tc from '@actions/tool-cache'
import { access, constants } from 'node:fs/promises'
import path from 'node:path'
import { UserError, errorMessage } from '../../core/errors.js'
import type { ScannerName } from '../../core/scan/index.js'
import { scannerDownload, verifySha256, type ScannerDownload } from '../../core/scan/scanner.js'

// Getting the scanner and its database onto the runner: the scanner from PATH, else the pinned
// release through the tool cache (its SHA-256 checked before it is unpacked), and the database
// through the Actions cache between runs.

/** The scanner executable on PATH, if any. */
export async function onPath(program: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, program)
    try {
      await access(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

/** The scanner to run: on PATH, already in the tool cache, or downloaded, verified and cached. */
export async function ensureScanner(scanner: ScannerName, mirror?: string): Promise<string> {
  const found = await onPath(scanner)
  if (found) {
    info(`using ${scanner} from PATH: ${found}`)
    return found
  }
  return installScanner(scannerDownload(scanner, process.platform, process.arch, mirror))
}

/**
 * Installs one pinned release with @actions/tool-cache. The archive's SHA-256 must be the pinned
 * one; a mismatch is a UserError and nothing is unpacked or cached.
 */
export async function installScanner(download: ScannerDownload): Promise<string> {
  const cached = tc.find(download.scanner, download.version)
  if (cached) return path.join(cached, download.scanner)
  info(`${download.scanner} is not on PATH: installing ${download.version} from ${download.url}`)
  let archive: string
  try {
    archive = await tc.downloadTool(download.url)
  } catch (error) {
    throw new UserError(
      `cannot download ${download.scanner} ${download.version} from ${download.url}: ${errorMessage(error)}`
    )
  }
  await verifySha256(archive, download.sha256, download.url)
  const extracted = await tc.extractTar(archive)
  const program = path.join(extracted, download.scanner)
  try {
    await access(program, constants.X_OK)
  } catch {
    throw new UserError(`${download.url} has no executable ${download.scanner} at its top level`)
  }
  const dir = await tc.cacheDir(extracted, download.scanner, download.version)
  return path.join(dir, download.scanner)
}

/** Cache key of the scanner's database: one per day, restored from the latest earlier one. */
function dbKeys(scanner: ScannerName, now: Date): { key: string; restore: string[] } {
  const prefix = `slipway-${scanner}-db-${process.platform}-`
  return { key: `${prefix}${now.toISOString().slice(0, 10)}`, restore: [prefix] }
}

/** Restores the database into `dir`; true when a cached one was found. */
export async function restoreDb(scanner: ScannerName, dir: string, now: Date): Promise<boolean> {
  if (!cache.isFeatureAvailable()) return false
  const { key, restore } = dbKeys(scanner, now)
  try {
    const hit = await cache.restoreCache([dir], key, restore)
    if (hit) info(`restored the ${scanner} database from the cache (${hit})`)
    return hit !== undefined
  } catch (error) {
    core.warning(`could not restore the ${scanner} database cache: ${errorMessage(error)}`)
    return false
  }
}

/** Saves today's database; a cache that exists already or refuses is only a note in the log. */
export async function saveDb(scanner: ScannerName, dir: string, now: Date): Promise<void> {
  if (!cache.isFeatureAvailable()) return
  try {
    await cache.saveCache([dir], dbKeys(scanner, now).key)
  } catch (error) {
    info(`did not save the ${scanner} database cache: ${errorMessage(error)}`)
  }
}
