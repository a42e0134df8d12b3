import { formatDate } from './allowlist.js'
import { SEVERITIES, type Finding } from './findings.js'
import type { GateResult } from './gate.js'
import { countsText, verdictLine } from './output.js'
import type { ScanReport } from './report.js'
import { markdownCode, summaryLink, summaryText } from '../summary-text.js'

// The job summary: what a reviewer needs without opening the log. GitHub limits a step's
// summary to 1 MiB, so long tables are cut.

export interface SummaryOptions {
  /** Where the full report and the SARIF file are, for the reader. */
  reportPath?: string
  sarifPath?: string
  rows?: number
}

export function gateSummary(
  result: GateResult,
  report: ScanReport | undefined,
  options: SummaryOptions = {}
): string {
  const rows = options.rows ?? 100
  const icon = result.verdict === 'pass' ? '✅' : '❌'
  const parts: string[] = [
    `## ${icon} Image scan: ${result.verdict}`,
    '',
    summaryText(verdictLine(result)),
    ''
  ]
  if (report) parts.push(`${describeReport(report, result)}`, '')

  parts.push(
    `| Severity | Findings | Blocking |`,
    `| --- | ---: | ---: |`,
    ...SEVERITIES.map(
      (s) =>
        `| ${s} | ${result.counts[s]} | ${result.blocking.filter((f) => f.severity === s).length} |`
    ),
    '',
    `Policy: fail on ${result.policy.failOn} or higher${result.policy.ignoreUnfixed ? ', ignoring findings without a fix' : ''}. Counts are distinct (vulnerability, package, version) findings after suppression.`,
    ''
  )

  if (result.blocking.length > 0) {
    parts.push(
      `### Blocking findings (${result.blocking.length})`,
      '',
      findingTable(result.blocking.slice(0, rows)),
      ...more(result.blocking.length, rows),
      ''
    )
  }
  if (result.inBaseline.length > 0) {
    parts.push(
      `${result.inBaseline.length} finding(s) at or above ${result.policy.failOn} are also in the baseline and do not block (only-new).`,
      ''
    )
  }
  const expired = result.expired
  if (expired.length > 0) {
    parts.push(
      `### Expired allowlist entries (${expired.length})`,
      '',
      'These entries no longer suppress anything; renew them with a new date or fix the findings.',
      '',
      '| ID | Expired | Where | Findings it covered |',
      '| --- | --- | --- | ---: |',
      ...expired.map(
        ({ entry, matches }) =>
          `| ${cell(entry.id)} | ${entry.expires ? formatDate(entry.expires) : ''} | ${cell(`${entry.source.file}:${entry.source.line ?? 1}`)} | ${matches} |`
      ),
      ''
    )
  }
  if (result.suppressed.length > 0) {
    parts.push(
      `### Suppressed (${result.suppressed.length})`,
      '',
      '| ID | Severity | Package | Installed | By | Reason |',
      '| --- | --- | --- | --- | --- | --- |',
      ...result.suppressed
        .slice(0, rows)
        .map(
          (s) =>
            `| ${cell(s.finding.id)} | ${s.finding.severity} | ${cell(s.finding.package)} | ${cell(s.finding.installed)} | ${s.by} | ${cell(s.source ? `${s.reason} (${s.source})` : s.reason)} |`
        ),
      ...more(result.suppressed.length, rows),
      ''
    )
  }
  const files = [
    options.reportPath ? `full report: ${markdownCode(options.reportPath)}` : '',
    options.sarifPath ? `SARIF: ${markdownCode(options.sarifPath)}` : ''
  ].filter(Boolean)
  if (files.length > 0) parts.push(files.join(' · '), '')
  return parts.join('\n')
}

function describeReport(report: ScanReport, result: GateResult): string {
  const scanner = report.scannerVersion
    ? `${report.scanner} ${report.scannerVersion}`
    : report.scanner
  const artifact = report.artifact.name ? ` of ${markdownCode(report.artifact.name)}` : ''
  const age = result.dataAge ? `; ${result.dataAge.what} ${result.dataAge.at.toISOString()}` : ''
  return `Scanned by ${cell(scanner)}${artifact}${age}. ${countsText(result.counts)}.`
}

function findingTable(findings: Finding[]): string {
  return [
    '| ID | Severity | Package | Installed | Fixed | Target |',
    '| --- | --- | --- | --- | --- | --- |',
    ...findings.map(
      (f) =>
        `| ${summaryLink(f.url, f.id)} | ${f.severity} | ${cell(f.package)} | ${cell(f.installed)} | ${cell(f.fixed ?? 'no fix')} | ${cell(f.target)} |`
    )
  ].join('\n')
}

function more(total: number, shown: number): string[] {
  return total > shown
    ? ['', `… and ${total - shown} more; see the full report and the SARIF file.`]
    : []
}

const cell = summaryText
