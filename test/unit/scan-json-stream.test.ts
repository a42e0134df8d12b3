import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ParseWithout, streamJsonText, type JsonPath } from '../../src/core/scan/json-stream.js'
import { allScanReports, SCAN_FIXTURES } from '../support/scan-reference.js'

// The streaming reader against JSON.parse, over the real Trivy reports as the scanner indents
// them, compacted, and re-indented with tabs, in chunks from a few bytes to a megabyte.

const TRIVY = allScanReports().filter((f) => f.startsWith('trivy/'))
const OMIT = ['References', 'CweIDs', 'VendorSeverity']
const OMIT_WHEN_SEEN = ['Title', 'Description']

type Vulnerability = Record<string, unknown> & { VulnerabilityID?: string }

/**
 * What the reader must produce: each vulnerability less OMIT and, for a report laid out one member
 * per line (what scanners write; the reader's fast path), less the texts of an ID already seen.
 */
function expected(text: string, indented: boolean): Vulnerability[] {
  const seen = new Set<string>()
  const out: Vulnerability[] = []
  const report = JSON.parse(text) as { Results?: { Vulnerabilities?: Vulnerability[] }[] }
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) {
      const copy: Vulnerability = { ...v }
      for (const key of OMIT) delete copy[key]
      if (indented && v.VulnerabilityID && seen.has(v.VulnerabilityID)) {
        for (const key of OMIT_WHEN_SEEN) delete copy[key]
      }
      if (v.VulnerabilityID) seen.add(v.VulnerabilityID)
      out.push(copy)
    }
  }
  return out
}

function streamed(text: string, chunkSize: number): Vulnerability[] {
  const seen = new Set<string>()
  const out: Vulnerability[] = []
  const visit = new ParseWithout(OMIT, {
    key: 'VulnerabilityID',
    seen: (id) => seen.has(id),
    omit: OMIT_WHEN_SEEN
  })
  streamJsonText(
    text,
    {
      visit(p: JsonPath) {
        if (p.length <= 3) return p.length === 3 && p[2] !== 'Vulnerabilities' ? 'skip' : 'enter'
        return p.length === 4 ? visit : 'skip'
      },
      value(p: JsonPath, value: unknown) {
        if (p.length !== 4) return
        const v = value as Vulnerability
        if (v.VulnerabilityID) seen.add(v.VulnerabilityID)
        out.push(v)
      }
    },
    chunkSize
  )
  return out
}

describe.each(TRIVY)('%s', (file) => {
  const text = readFileSync(path.join(SCAN_FIXTURES, file), 'utf8')
  const layouts: [string, string, boolean][] = [
    ['as Trivy wrote it', text, true],
    ['compact', JSON.stringify(JSON.parse(text)), false],
    ['indented with tabs', JSON.stringify(JSON.parse(text), null, '\t'), true]
  ]
  it.each(layouts)('reads it %s like JSON.parse, in any chunk size', (_layout, input, indented) => {
    const want = expected(input, indented)
    // Whole in one chunk: exactly.
    expect(streamed(input, 1 << 20)).toEqual(want)
    // In small chunks an object cut by a chunk's end may keep its texts (best effort); the rest
    // is exact.
    const withoutTexts = (list: Vulnerability[]) =>
      list.map((v) => {
        const copy = { ...v }
        for (const key of OMIT_WHEN_SEEN) delete copy[key]
        return copy
      })
    for (const chunk of [7, 333, 4096]) {
      const got = streamed(input, chunk)
      expect(withoutTexts(got)).toEqual(withoutTexts(want))
      got.forEach((v, i) => {
        for (const key of OMIT_WHEN_SEEN)
          if (key in v)
            expect(v[key]).toEqual(
              JSON.parse(input).Results.flatMap(
                (r: { Vulnerabilities?: Vulnerability[] }) => r.Vulnerabilities ?? []
              )[i][key]
            )
      })
    }
  })
})

it('says where the JSON breaks', () => {
  const visitor = { visit: () => 'enter' as const }
  expect(() => streamJsonText('{"a": [1, 2', visitor)).toThrow('the JSON ends too early')
  expect(() => streamJsonText('{"a" 1}', visitor)).toThrow('expected ":" at byte 5')
  expect(() => streamJsonText('', visitor)).toThrow('the file is empty')
})
