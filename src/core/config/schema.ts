import { z } from 'zod'
import { parseDuration } from '../duration.js'

// The one description of slipway.yaml. The JSON Schema in schema/ is generated from it
// (npm run schema), so editors and this code never disagree.

const duration = z
  .string()
  .refine((value) => parseDuration(value) !== undefined, {
    message: 'expected a duration such as 30s, 5m or 1h30m'
  })
  .meta({ pattern: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$' })

const name = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'expected lower-case letters, digits and hyphens')

const relativePath = z.string().min(1)

export const severity = z.enum(['critical', 'high', 'medium', 'low'])

export const imageSchema = z.strictObject({
  repository: z.string().min(1).describe('Image repository, e.g. ghcr.io/acme/hello'),
  context: relativePath.default('.').describe('Build context, relative to the repository'),
  dockerfile: relativePath.optional().describe('Dockerfile path; default <context>/Dockerfile'),
  platforms: z.array(z.string().regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/)).optional(),
  'build-args': z.record(z.string(), z.string()).optional()
})

export const manifestsSchema = z
  .strictObject({
    path: relativePath.optional().describe('Folder of plain YAML manifests'),
    kustomize: relativePath
      .optional()
      .describe('Kustomize folder; {env} is replaced by the environment name'),
    helm: z
      .strictObject({
        chart: relativePath,
        release: name.optional(),
        values: z.array(relativePath).optional(),
        set: z.record(z.string(), z.string()).optional()
      })
      .optional()
  })
  .refine((m) => [m.path, m.kustomize, m.helm].filter((s) => s !== undefined).length === 1, {
    message: 'expected exactly one of path, kustomize or helm'
  })

export const gatesSchema = z.strictObject({
  'require-scan': z.boolean().default(true).describe('The image scan verdict must be pass'),
  'require-analysis': z
    .boolean()
    .default(true)
    .describe('The canary analysis of the source environment must be pass'),
  soak: duration.optional().describe('How long a release must have run in the source environment'),
  approval: z
    .boolean()
    .default(false)
    .describe('Wait for the GitHub environment reviewers before promoting')
})

export const environmentSchema = z.strictObject({
  namespace: name.describe('Kubernetes namespace'),
  cluster: z.string().optional().describe('A name for the cluster, shown in history and summaries'),
  context: z.string().optional().describe('kubeconfig context to use'),
  order: z.number().int().nonnegative().optional().describe('Position in the promotion chain'),
  'promote-to': name.optional().describe('The environment a release goes to next'),
  strategy: z.enum(['rolling', 'canary', 'blue-green']).default('rolling'),
  manifests: manifestsSchema.optional().describe('Overrides the top-level manifests source'),
  url: z.url().optional().describe('Where the environment is reachable, for GitHub deployments'),
  gates: gatesSchema.optional().describe('What must hold before a release is promoted here')
})

export const scanSchema = z.strictObject({
  scanner: z.enum(['trivy', 'grype']).default('trivy'),
  'fail-on': severity.default('high'),
  'ignore-unfixed': z.boolean().default(false),
  allowlist: relativePath.optional(),
  vex: z.array(relativePath).optional(),
  'only-new': z.boolean().default(false),
  'max-db-age': duration.default('72h')
})

const effectSize = z.strictObject({
  'allowed-increase': z.number().positive().default(1),
  'allowed-decrease': z.number().positive().default(1),
  'critical-increase': z.number().positive().optional(),
  'critical-decrease': z.number().positive().optional()
})

export const metricSchema = z.strictObject({
  name: z.string().min(1),
  query: z
    .string()
    .min(1)
    .describe('PromQL; {selector} is replaced by the canary or baseline labels'),
  group: z.string().default('default'),
  direction: z.enum(['increase', 'decrease', 'either']).default('either'),
  critical: z.boolean().default(false),
  'effect-size': effectSize.optional(),
  threshold: z
    .strictObject({ max: z.number().optional(), min: z.number().optional() })
    .optional()
    .describe('A single-value check instead of a comparison with the baseline'),
  'on-no-data': z.enum(['fail', 'inconclusive', 'pass']).default('inconclusive'),
  'min-samples': z.number().int().positive().optional()
})

export const analysisSchema = z.strictObject({
  provider: z
    .strictObject({
      prometheus: z.strictObject({ url: z.url(), 'bearer-token-env': z.string().optional() })
    })
    .optional(),
  interval: duration.default('1m'),
  duration: duration.default('10m'),
  warmup: duration.default('0s'),
  step: duration.default('30s'),
  canary: z.record(z.string(), z.string()).optional().describe('Labels selecting canary series'),
  baseline: z
    .record(z.string(), z.string())
    .optional()
    .describe('Labels selecting baseline series'),
  thresholds: z
    .strictObject({ pass: z.number().min(0).max(100), marginal: z.number().min(0).max(100) })
    .default({ pass: 95, marginal: 75 }),
  groups: z.record(z.string(), z.number().positive()).optional().describe('Group weights'),
  metrics: z.array(metricSchema).default([])
})

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  image: imageSchema,
  manifests: manifestsSchema.optional(),
  environments: z.record(name, environmentSchema).refine((e) => Object.keys(e).length > 0, {
    message: 'expected at least one environment'
  }),
  scan: scanSchema.default(scanSchema.parse({})),
  analysis: analysisSchema.optional()
})

/**
 * Checks across sections. They run on the raw document even when the schema found
 * mistakes, so every mistake is reported in one pass.
 */
export function crossCheck(raw: unknown): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = []
  if (!isRecord(raw) || !isRecord(raw.environments)) return problems
  const environments = raw.environments
  for (const [envName, env] of Object.entries(environments)) {
    if (!isRecord(env)) continue
    const target = env['promote-to']
    if (typeof target === 'string' && !Object.hasOwn(environments, target)) {
      problems.push({
        path: ['environments', envName, 'promote-to'],
        message: `environment "${target}" is not defined under environments`
      })
    }
    if (env.manifests === undefined && raw.manifests === undefined) {
      problems.push({
        path: ['environments', envName],
        message: 'no manifests source: set manifests at the top level or in this environment'
      })
    }
  }
  const cycle = promotionCycle(environments)
  if (cycle) {
    problems.push({
      path: ['environments', cycle[0], 'promote-to'],
      message: `promotion loops back: ${cycle.join(' -> ')}`
    })
  }
  return problems
}

function promotionCycle(environments: Record<string, unknown>): string[] | undefined {
  const next = (name: string) => {
    const env = environments[name]
    const target = isRecord(env) ? env['promote-to'] : undefined
    return typeof target === 'string' && Object.hasOwn(environments, target) ? target : undefined
  }
  for (const start of Object.keys(environments)) {
    const seen = [start]
    for (let at = next(start); at !== undefined; at = next(at)) {
      if (at === start) return [...seen, at]
      if (seen.includes(at)) break
      seen.push(at)
    }
  }
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export type Config = z.output<typeof configSchema>
export type Environment = z.output<typeof environmentSchema>
export type ManifestsSource = z.output<typeof manifestsSchema>
export type AnalysisConfig = z.output<typeof analysisSchema>
export type MetricConfig = z.output<typeof metricSchema>
