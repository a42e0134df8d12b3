import type { Config } from '../config/index.js'
import { parseDuration } from '../duration.js'
import type { DeploySettings } from './deploy.js'

/** The deploy settings of one environment: its own overrides over the top-level section. */
export function deploySettings(config: Config, environment: string): DeploySettings {
  const merged = { ...config.deploy, ...config.environments[environment]?.deploy }
  return {
    timeoutMs: parseDuration(merged.timeout) ?? 600_000,
    historyLimit: merged['history-limit'],
    lockTimeoutMs: parseDuration(merged['lock-timeout']) ?? 600_000,
    forceConflicts: merged['force-conflicts'],
    concurrency: merged.concurrency,
    onUnfinished: merged['on-unfinished']
  }
}
