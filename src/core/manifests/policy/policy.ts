import {
  POLICY_DEFAULTS,
  type PolicyCheck,
  type PolicyConfig,
  type PolicyLevel
} from '../../config/index.js'
import type { Finding } from '../findings.js'
import { describeId, idOf } from '../manifest.js'
import { CHECKS, type CheckContext } from './checks.js'

export type PolicyLevels = Record<PolicyCheck, PolicyLevel>

/** The level of each check: defaults, then the top-level policy, then the environment's. */
export function policyLevels(...layers: (PolicyConfig | undefined)[]): PolicyLevels {
  const levels: PolicyLevels = { ...POLICY_DEFAULTS }
  for (const layer of layers) {
    for (const [check, level] of Object.entries(layer ?? {})) {
      if (level) levels[check as PolicyCheck] = level
    }
  }
  return levels
}

/** Runs every check that is not off; each hit becomes a finding at the check's level. */
export function checkPolicy(context: CheckContext, levels: PolicyLevels): Finding[] {
  const findings: Finding[] = []
  for (const check of Object.keys(CHECKS) as PolicyCheck[]) {
    const level = levels[check]
    if (level === 'off') continue
    for (const hit of CHECKS[check](context)) {
      findings.push({
        level: level === 'error' ? 'error' : 'warning',
        check,
        message: hit.message,
        object: describeId(idOf(hit.manifest.object)),
        location: hit.manifest.where(hit.path)
      })
    }
  }
  return findings
}
