import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { writeSummary } from '../../src/actions/build-image.js'
import type { BuildImageOutcome } from '../../src/core/build/build-image.js'
import type { GitContext } from '../../src/core/build/git-context.js'
import type { ImageMetadata } from '../../src/core/build/metadata.js'
import { HOSTILE_VALUES, shownText, summaryProblems } from '../support/summary.js'

let dir: string
const previous = process.env.GITHUB_STEP_SUMMARY

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'slipway-build-summary-'))
  process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary.md')
})
afterAll(() => {
  if (previous === undefined) delete process.env.GITHUB_STEP_SUMMARY
  else process.env.GITHUB_STEP_SUMMARY = previous
  rmSync(dir, { recursive: true, force: true })
})

it('shows hostile labels, tags and errors as text, and links only http(s)', async () => {
  writeFileSync(process.env.GITHUB_STEP_SUMMARY!, '')
  core.summary.emptyBuffer()
  const labels = Object.fromEntries(HOSTILE_VALUES.map((v, i) => [`label${i}${v}`, v]))
  const metadata = { labels } as unknown as ImageMetadata
  const outcome = {
    image: `ghcr.io/acme/app${HOSTILE_VALUES[2]}`,
    digest: 'sha256:' + 'a'.repeat(64),
    tags: HOSTILE_VALUES,
    skipped: false,
    retagged: [],
    pushed: true,
    durationMs: 1000,
    builder: { kind: 'buildx', version: '0.12' }
  } as unknown as BuildImageOutcome
  const git = { sha: 'abc' } as GitContext
  await writeSummary(metadata, outcome, git, 'javascript:alert(1)', HOSTILE_VALUES.join('\n'))
  const summary = readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8')
  expect(summaryProblems(summary)).toEqual([])
  const shown = shownText(summary)
  for (const value of HOSTILE_VALUES) expect(shown).toContain(value.replace(/\r\n/g, '\n'))
})
