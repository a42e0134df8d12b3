// One gate's answer. Fail closed: missing data is `inconclusive`, never `pass` (DESIGN.md).

export type GateVerdict = 'pass' | 'fail' | 'inconclusive'
export type GateName = 'provenance' | 'soak' | 'scan' | 'analysis' | 'windows'

export interface GateResult {
  gate: GateName
  verdict: GateVerdict
  /** One line a person understands. */
  reason: string
  /** What the verdict rests on, as name/value pairs for tables and JSON. */
  evidence: Record<string, string>
  /** The override reason, when a failing gate was overridden (windows only). */
  overridden?: string
}

/** Whether the gates let a promotion go ahead: each passes, or failed and was overridden. */
export function gatesAllow(results: GateResult[]): boolean {
  return results.every((r) => r.verdict === 'pass' || r.overridden !== undefined)
}

/** The gates that stop a promotion, as one line. */
export function blockingGates(results: GateResult[]): string {
  return results
    .filter((r) => r.verdict !== 'pass' && r.overridden === undefined)
    .map((r) => `${r.gate} ${r.verdict} (${r.reason})`)
    .join('; ')
}
