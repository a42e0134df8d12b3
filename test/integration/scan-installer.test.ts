import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { installScanner } from '../../src/actions/lib/scanner-install.js'
import { UserError } from '../../src/core/errors.js'
import { scannerDownload } from '../../src/core/scan/scanner.js'

// The scanner installer with the real @actions/tool-cache against a loopback HTTP server that
// serves a small tarball holding an executable named like the scanner.

let root: string
let server: Server
let base: string
let tarball: Buffer
const requests: string[] = []

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'slipway-installer-'))
  process.env.RUNNER_TEMP = path.join(root, 'temp')
  process.env.RUNNER_TOOL_CACHE = path.join(root, 'tool-cache')
  mkdirSync(path.join(root, 'pkg'))
  writeFileSync(path.join(root, 'pkg', 'grype'), '#!/bin/sh\necho grype 0.120.0\n', {
    mode: 0o755
  })
  writeFileSync(path.join(root, 'pkg', 'README.md'), 'release notes\n')
  const archive = path.join(root, 'grype.tar.gz')
  execFileSync('tar', ['-czf', archive, '-C', path.join(root, 'pkg'), 'grype', 'README.md'])
  tarball = readFileSync(archive)
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    if (request.url?.endsWith('.tar.gz')) response.writeHead(200).end(tarball)
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  rmSync(root, { recursive: true, force: true })
})

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

describe('installScanner', () => {
  it('builds the mirror URL from the pinned table', () => {
    const download = scannerDownload('grype', 'linux', 'x64', `${base}/mirror/`)
    expect(download.url).toBe(`${base}/mirror/grype/v0.120.0/grype_0.120.0_linux_amd64.tar.gz`)
    expect(download.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(() => scannerDownload('trivy', 'win32', 'x64')).toThrow(
      'no pinned trivy build for win32-x64 (pinned: linux-x64, linux-arm64); put trivy on PATH before this step'
    )
  })

  it('refuses an archive whose SHA-256 differs, and caches nothing', async () => {
    const download = {
      ...scannerDownload('grype', 'linux', 'x64', base),
      version: '0.0.1'
    }
    const error = await installScanner(download).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(
      `checksum mismatch for ${download.url}: expected sha256 ${download.sha256}, got ${sha256(tarball)}; the download was not used`
    )
    expect(existsSync(path.join(root, 'tool-cache', 'grype', '0.0.1'))).toBe(false)
  })

  it('installs an archive with the expected SHA-256 into the tool cache, once', async () => {
    const download = {
      ...scannerDownload('grype', 'linux', 'x64', base),
      version: '0.0.2',
      sha256: sha256(tarball)
    }
    requests.length = 0
    const program = await installScanner(download)
    expect(program).toBe(path.join(root, 'tool-cache', 'grype', '0.0.2', process.arch, 'grype'))
    expect(execFileSync(program, { encoding: 'utf8' })).toBe('grype 0.120.0\n')
    expect(requests).toEqual(['/grype/v0.120.0/grype_0.120.0_linux_amd64.tar.gz'])
    // A second run finds it in the tool cache without downloading.
    expect(await installScanner(download)).toBe(program)
    expect(requests).toHaveLength(1)
  })
})
