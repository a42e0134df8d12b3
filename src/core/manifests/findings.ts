import { UserError, type SourceLocation } from '../errors.js'

export type FindingLevel = 'error' | 'warning'

/** Something slipway found in the rendered manifests: a schema error, a policy finding. */
export interface Finding {
  level: FindingLevel
  /** What found it: `schema`, `duplicate`, `release-image`, or a policy check's name. */
  check: string
  message: string
  /** `Deployment staging/hello` */
  object?: string
  location?: SourceLocation
}

export function findingError(finding: Finding): UserError {
  const subject = finding.object ? `${finding.object}: ` : ''
  return new UserError(`${subject}${finding.message}`, finding.location)
}

export function errorsOf(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.level === 'error')
}
