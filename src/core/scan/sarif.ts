import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { findingKey, severityRank, type Finding, type Severity } from './findings.js'
import type { GateResult, Suppression } from './gate.js'
import type { ScanReport } from './report.js'
import { shortText } from './text.js'

// SARIF 2.1.0 for GitHub code scanning, written from the full report whatever the policy: one
// rule per vulnerability ID, one result per distinct finding, located on the Dockerfile line
// that names the final base image. Findings suppressed by VEX or the allowlist carry a SARIF
// suppression with the justification; code scanning shows them as closed.

export interface SarifOptions {
  /** The Dockerfile, relative to the repository root. */
  dockerfile: string
  /** The line results point at (see baseImageLine). */
  line: number
  toolVersion: string
  /** GitHub rejects runs with more than 25,000 results; the highest severities are kept. */
  maxResults?: number
}

export const GITHUB_MAX_RESULTS = 25_000

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  unknown: 'note'
}

/** GitHub's bands for security-severity, and a score inside each (Trivy's fallbacks). */
const BAND: Record<Exclude<Severity, 'unknown'>, [number, number, number]> = {
  critical: [9.0, 10.0, 9.5],
  high: [7.0, 8.9, 8.0],
  medium: [4.0, 6.9, 5.5],
  low: [0.1, 3.9, 2.0]
}

interface Entry {
  finding: Finding
  blocking: boolean
  suppression?: Suppression
}

export function toSarif(report: ScanReport, result: GateResult, options: SarifOptions) {
  // Blocking findings first, then the others by severity, then the suppressed: when GitHub's
  // limit cuts the list, what matters most is kept.
  const blocking = new Set(result.blocking)
  const entries: Entry[] = [
    ...result.blocking.map((finding): Entry => ({ finding, blocking: true })),
    ...result.findings
      .filter((finding) => !blocking.has(finding))
      .map((finding): Entry => ({ finding, blocking: false })),
    ...result.suppressed.map((suppression): Entry => ({
      finding: suppression.finding,
      blocking: false,
      suppression
    }))
  ]
  const max = options.maxResults ?? GITHUB_MAX_RESULTS
  const kept = entries.slice(0, max)

  const rules: ReturnType<typeof ruleOf>[] = []
  const ruleIndex = new Map<string, number>()
  const byRule = new Map<string, Finding[]>()
  for (const { finding } of kept) {
    const list = byRule.get(finding.id)
    if (list) list.push(finding)
    else byRule.set(finding.id, [finding])
  }
  for (const [id, findings] of byRule) {
    ruleIndex.set(id, rules.length)
    rules.push(ruleOf(id, findings))
  }

  const results = kept.map(({ finding, suppression }) => ({
    ruleId: finding.id,
    ruleIndex: ruleIndex.get(finding.id) as number,
    level: LEVEL[finding.severity],
    message: { text: messageOf(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: options.dockerfile, uriBaseId: '%SRCROOT%' },
          region: { startLine: options.line, startColumn: 1, endLine: options.line, endColumn: 1 }
        },
        message: {
          text: `${finding.package} ${finding.installed} in ${finding.target || 'the image'}`
        }
      }
    ],
    partialFingerprints: fingerprints(finding),
    properties: {
      package: finding.package,
      installedVersion: finding.installed,
      ...(finding.fixed ? { fixedVersion: finding.fixed } : {}),
      severity: finding.severity,
      status: finding.status,
      target: finding.target,
      ...(finding.purl ? { purl: finding.purl } : {})
    },
    ...(suppression && suppression.by !== 'ignore-unfixed'
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: suppression.source
                ? `${suppression.reason} [${suppression.source}]`
                : suppression.reason
            }
          ]
        }
      : {})
  }))

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'slipway',
            informationUri: 'https://github.com/acme/slipway',
            version: options.toolVersion,
            rules
          }
        },
        results,
        properties: {
          scanner: report.scanner,
          ...(report.scannerVersion ? { scannerVersion: report.scannerVersion } : {}),
          artifact: report.artifact.name,
          ...(report.artifact.digests.length > 0 ? { digests: report.artifact.digests } : {}),
          verdict: result.verdict,
          ...(entries.length > kept.length
            ? {
                truncated: `${entries.length - kept.length} of ${entries.length} findings left out (GitHub accepts ${max} results per run)`
              }
            : {})
        }
      }
    ]
  }
}

function ruleOf(id: string, findings: Finding[]) {
  const worst = findings.reduce((a, b) =>
    severityRank(b.severity) > severityRank(a.severity) ? b : a
  )
  const severity = worst.severity
  const score = securitySeverity(
    severity,
    findings.map((f) => f.score)
  )
  const described = findings.find((f) => f.description) ?? worst
  const title = worst.title || id
  const url = findings.find((f) => f.url)?.url
  const packages = [...new Set(findings.map((f) => `${f.package} ${f.installed}`))]
  const text = [
    `${id} (${severity.toUpperCase()}): ${shortText(title, 200)}`,
    `Packages: ${packages.slice(0, 20).join(', ')}${packages.length > 20 ? ', ...' : ''}`,
    ...(url ? [`More: ${url}`] : [])
  ].join('\n\n')
  const markdown = [
    `**${id}** · ${severity.toUpperCase()}${score ? ` · security severity ${score}` : ''}`,
    escapeMarkdown(described.description ?? title),
    `| Package | Installed | Fixed |\n| --- | --- | --- |\n${findings
      .slice(0, 20)
      .map(
        (f) =>
          `| ${escapeMarkdown(f.package)} | ${escapeMarkdown(f.installed)} | ${escapeMarkdown(f.fixed ?? 'none')} |`
      )
      .join('\n')}`,
    ...(url ? [`[${url}](${url})`] : [])
  ].join('\n\n')
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: shortText(title, 200) },
    fullDescription: { text: shortText(described.description ?? title, 1000) },
    ...(url ? { helpUri: url } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: ['security', 'vulnerability', severity.toUpperCase()],
      precision: 'very-high',
      ...(score ? { 'security-severity': score } : {})
    }
  }
}

/** The CVSS score when it agrees with the severity (GitHub ranks alerts by it), else the band's. */
function securitySeverity(severity: Severity, scores: (number | undefined)[]): string | undefined {
  if (severity === 'unknown') return undefined
  const [low, high, fallback] = BAND[severity]
  const fitting = scores.filter((s): s is number => s !== undefined && s >= low && s <= high)
  return (fitting.length > 0 ? Math.max(...fitting) : fallback).toFixed(1)
}

function messageOf(finding: Finding): string {
  const fix = finding.fixed ? `fixed in ${finding.fixed}` : 'no fixed version'
  const title = finding.title ? `: ${finding.title}` : ''
  return `${finding.id} in ${finding.package} ${finding.installed} (${finding.severity}, ${fix})${title}`
}

/** Stable across runs for the same vulnerability in the same package version. */
function fingerprints(finding: Finding): Record<string, string> {
  const hash = createHash('sha256').update(findingKey(finding)).digest('hex')
  return { 'slipway/finding/v1': hash, primaryLocationLineHash: `${hash.slice(0, 16)}:1` }
}

/** A rule name in SARIF's identifier style. */
function ruleName(id: string): string {
  return id.replace(/[^A-Za-z0-9]+/g, '_')
}

function escapeMarkdown(text: string): string {
  return text.replace(/[|\\`*_<>[\]]/g, '\\$&').replace(/\r?\n/g, ' ')
}

/** The line of the last FROM (the final stage's base image), or 1. */
export function baseImageLine(dockerfile: string | undefined): number {
  if (!dockerfile) return 1
  const lines = dockerfile.split(/\r?\n/)
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s*FROM\s/i.test(lines[i])) return i + 1
  }
  return 1
}

/**
 * Writes a SARIF log as JSON, one rule and one result at a time: 25,000 results with their rules
 * are tens of megabytes as one string (twice that as UTF-16), which would double the peak memory.
 */
export async function writeSarif(file: string, sarif: ReturnType<typeof toSarif>): Promise<void> {
  const [run] = sarif.runs
  const { rules, ...driver } = run.tool.driver
  const { results, tool, ...rest } = run
  void tool
  const out = createWriteStream(file)
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
  })
  // Pieces are gathered into writes of about a megabyte: a write per result costs more than
  // stringifying it.
  let pending = ''
  const write = async (text: string) => {
    pending += text
    if (pending.length < 1 << 20) return
    const chunk = pending
    pending = ''
    if (!out.write(chunk)) await once(out, 'drain')
  }
  const open = (value: object) => JSON.stringify(value).slice(0, -1)
  await write(`${open({ $schema: sarif.$schema, version: sarif.version })},"runs":[`)
  await write(`${open(rest)},"tool":{"driver":${open(driver)},"rules":[`)
  for (const [i, rule] of rules.entries()) await write((i ? ',' : '') + JSON.stringify(rule))
  await write(']}},"results":[')
  for (const [i, result] of results.entries()) await write((i ? ',' : '') + JSON.stringify(result))
  out.end(pending + ']}]}\n')
  await done
}
