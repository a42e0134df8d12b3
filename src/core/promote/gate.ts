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
  /** The person's decision that let an inconclusive gate through. */
  decided?: string
}

/** Whether the gates let a promotion go ahead: each passes, or failed and was overridden. */
export function gatesAllow(results: GateResult[]): boolean {
  return results.every(
    (r) => r.verdict === 'pass' || r.overridden !== undefined || r.decided !== undefined
  )
}

/** Whether only inconclusive gates stand in the way: a person may decide. */
export function onlyInconclusive(results: GateResult[]): boolean {
  const blocking = results.filter((r) => !gatesAllow([r]))
  return blocking.length > 0 && blocking.every((r) => r.verdict === 'inconclusive')
}

/** Inconclusive gates let through by a person's decision (who and why), recorded on each. */
export function decide(results: GateResult[], decision: string): GateResult[] {
  return results.map((r) =>
    r.verdict === 'inconclusive'
      ? { ...r, decided: decision, reason: `${r.reason}; decided: ${decision}` }
      : r
  )
}

/** The gates that stop a promotion, as one line. */
export function blockingGates(results: GateResult[]): string {
  return results
    .filter((r) => !gatesAllow([r]))
    .map((r) => `${r.gate} ${r.verdict} (${r.reason})`)
    .join('; ')
}
