import { parseDuration } from '../duration.js'
import { UserError } from '../errors.js'
import type { AnalysisConfig } from '../config/index.js'
import { DEFAULT_TIMEOUT_MS, type PrometheusOptions } from './prometheus.js'

type PrometheusConfig = NonNullable<AnalysisConfig['provider']>['prometheus']

export interface PrometheusOverrides {
  /** Replaces the config's url (an action input, a CLI flag). */
  url?: string
  /** Replaces the token the config names with bearer-token-env. */
  bearerToken?: string
  env?: NodeJS.ProcessEnv
  onSecret?: (value: string) => void
}

/**
 * The provider's options from analysis.provider.prometheus. Credentials are read from the
 * environment variables the config names, so slipway.yaml never holds one; a named variable that
 * is unset is an error rather than an anonymous query that would fail later with a less clear 401.
 */
export function prometheusOptions(
  config: PrometheusConfig | undefined,
  overrides: PrometheusOverrides = {}
): PrometheusOptions {
  const env = overrides.env ?? process.env
  const url = overrides.url ?? config?.url
  if (!url) {
    throw new UserError('no Prometheus to query: set analysis.provider.prometheus.url')
  }
  const fromEnv = (name: string, key: string): string => {
    const value = env[name]
    if (!value) {
      throw new UserError(
        `analysis.provider.prometheus.${key} names ${name}, which is not set in the environment`
      )
    }
    return value
  }
  const options: PrometheusOptions = { url, onSecret: overrides.onSecret }
  const tokenEnv = config?.['bearer-token-env']
  if (overrides.bearerToken) options.bearerToken = overrides.bearerToken
  else if (tokenEnv) options.bearerToken = fromEnv(tokenEnv, 'bearer-token-env')
  const basic = config?.['basic-auth']
  if (basic && !options.bearerToken) {
    options.basicAuth = {
      username: basic.username,
      password: fromEnv(basic['password-env'], 'basic-auth.password-env')
    }
  }
  if (config?.headers) options.headers = config.headers
  if (config?.tls) {
    options.tls = {
      caFile: config.tls['ca-file'],
      insecureSkipVerify: config.tls['insecure-skip-verify']
    }
  }
  options.timeoutMs = config?.timeout ? parseDuration(config.timeout) : DEFAULT_TIMEOUT_MS
  return options
}
