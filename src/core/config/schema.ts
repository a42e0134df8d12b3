import { z } from 'zod'
import { parseDuration } from '../duration.js'
import { parseReference } from '../image/reference.js'
import { isRecord } from '../records.js'

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

/** A problem with an image reference, by the distribution spec's grammar; undefined if none. */
function referenceProblem(text: string, want: 'name' | 'pinned'): string | undefined {
  let ref
  try {
    ref = parseReference(text)
  } catch (error) {
    return (error as Error).message
  }
  if (want === 'name' && (ref.tag !== undefined || ref.digest !== undefined)) {
    return `expected a repository name without a tag or digest, got "${text}"`
  }
  if (want === 'pinned' && !ref.digest?.startsWith('sha256:')) {
    return 'expected repository@sha256:<64 hex digits>'
  }
  return undefined
}

const referenceString = (want: 'name' | 'pinned') =>
  z
    .string()
    .min(1)
    .superRefine((text, context) => {
      const problem = text === '' ? undefined : referenceProblem(text, want)
      if (problem) context.addIssue({ code: 'custom', message: problem })
    })

const repositoryName = referenceString('name')

export const imageSchema = z.strictObject({
  repository: repositoryName.describe('Image repository, e.g. ghcr.io/acme/hello'),
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
      .optional(),
    image: repositoryName
      .optional()
      .describe(
        'How the manifests name the released image, when not as image.repository (e.g. a short name)'
      ),
    pin: z
      .array(referenceString('pinned').meta({ pattern: '@sha256:[a-f0-9]{64}$' }))
      .optional()
      .describe('Other images to pin wherever they appear, each as repository@sha256:digest'),
    'allow-empty': z
      .boolean()
      .default(false)
      .describe('A render of zero objects is not an error (deployed with pruning, it deletes all)')
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
    .describe('Wait for the GitHub environment reviewers before promoting'),
  'allow-manual-decision': z
    .boolean()
    .default(false)
    .describe(
      'When the only gates not passing are inconclusive, a person may decide (promote.yml: the <env>-decision environment)'
    )
})

const clock = /^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/
const localTime = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(T([01][0-9]|2[0-3]):[0-5][0-9])?$/

// Deploy windows and freezes in local wall-clock time of one IANA zone: daylight-saving changes
// move the instants, not the windows (docs/promote.md).
export const windowsSchema = z.strictObject({
  timezone: z
    .string()
    .refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/Berlin' })
    .describe('IANA time zone the windows are in, e.g. Europe/Berlin'),
  allow: z
    .array(
      z.strictObject({
        days: z
          .array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
          .min(1)
          .describe('Week days, e.g. [mon, tue, wed, thu]'),
        hours: z
          .string()
          .regex(clock, 'expected HH:MM-HH:MM, e.g. 09:00-17:00')
          .refine((h) => h.slice(0, 5) < h.slice(6), {
            message: 'expected the end after the start; split a range over midnight in two'
          })
          .default('00:00-24:00')
          .describe('Local time range, start included, end excluded')
      })
    )
    .optional()
    .describe('When promotions may happen; none listed: any time outside a freeze'),
  freeze: z
    .array(
      z
        .strictObject({
          from: z.string().regex(localTime, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM'),
          to: z
            .string()
            .regex(localTime, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM')
            .describe('A date is included whole; a time is where the freeze ends'),
          reason: z.string().optional()
        })
        .refine((f) => f.from <= f.to, { message: 'expected from before to' })
    )
    .optional()
    .describe('Dated periods without promotions, e.g. a year-end freeze')
})

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const policyLevel = z.enum(['error', 'warn', 'off'])

// Each check of the rendered manifests, with its default level. kube-score and kube-linter
// have the same checks; the defaults fail on what breaks or endangers a cluster, warn on hygiene.
export const POLICY_DEFAULTS = {
  'image-latest': 'error',
  'image-not-pinned': 'warn',
  'resource-requests': 'warn',
  'resource-limits': 'warn',
  'readiness-probe': 'warn',
  'liveness-probe': 'warn',
  'run-as-non-root': 'warn',
  privileged: 'error',
  'host-path': 'warn',
  'service-selector': 'error'
} as const satisfies Record<string, z.infer<typeof policyLevel>>

export type PolicyCheck = keyof typeof POLICY_DEFAULTS
export type PolicyLevel = z.infer<typeof policyLevel>

const policyShape = Object.fromEntries(
  Object.keys(POLICY_DEFAULTS).map((check) => [check, policyLevel.optional()])
) as Record<PolicyCheck, z.ZodOptional<typeof policyLevel>>

export const policySchema = z
  .strictObject(policyShape)
  .describe('Checks of the rendered manifests, each error, warn or off')

export const validationSchema = z.strictObject({
  'kubernetes-version': z
    .string()
    .regex(/^1\.[0-9]+$/, 'expected a Kubernetes minor version such as 1.33')
    .default('1.33')
    .describe('The Kubernetes version whose APIs the manifests must use'),
  'crd-schemas': z
    .array(relativePath)
    .default([])
    .describe(
      'Files or folders of CustomResourceDefinitions whose schemas validate custom resources'
    ),
  'skip-unknown-crds': z
    .boolean()
    .default(true)
    .describe('Custom resources without a schema are skipped with a warning (false: an error)')
})

// The deploy settings; an environment may override any of them, so its copy has no defaults.
const deployFields = {
  timeout: [duration, 'How long every workload has to roll out'],
  'history-limit': [
    z.number().int().min(2).max(100),
    'Release records kept per environment (the live one is always kept)'
  ],
  'lock-timeout': [duration, 'How long to wait for another deploy of the environment'],
  'force-conflicts': [
    z.boolean(),
    'Take over fields another field manager owns instead of failing'
  ],
  concurrency: [z.number().int().min(1).max(64), 'Objects applied at once per install stage'],
  'on-unfinished': [
    z.enum(['roll-forward', 'fail']),
    'A release left deploying by a run that stopped: mark it failed and go on, or stop'
  ]
} as const

export const deploySchema = z.strictObject({
  timeout: deployFields.timeout[0].default('10m').describe(deployFields.timeout[1]),
  'history-limit': deployFields['history-limit'][0]
    .default(10)
    .describe(deployFields['history-limit'][1]),
  'lock-timeout': deployFields['lock-timeout'][0]
    .default('10m')
    .describe(deployFields['lock-timeout'][1]),
  'force-conflicts': deployFields['force-conflicts'][0]
    .default(false)
    .describe(deployFields['force-conflicts'][1]),
  concurrency: deployFields.concurrency[0].default(8).describe(deployFields.concurrency[1]),
  'on-unfinished': deployFields['on-unfinished'][0]
    .default('roll-forward')
    .describe(deployFields['on-unfinished'][1])
})

const deployOverrideSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(deployFields).map(([key, [type, description]]) => [
      key,
      type.optional().describe(description)
    ])
  ) as { [K in keyof typeof deployFields]: z.ZodOptional<(typeof deployFields)[K][0]> }
)

export const environmentSchema = z.strictObject({
  namespace: name.describe('Kubernetes namespace'),
  cluster: z.string().optional().describe('A name for the cluster, shown in history and summaries'),
  context: z.string().optional().describe('kubeconfig context to use'),
  order: z.number().int().nonnegative().optional().describe('Position in the promotion chain'),
  'promote-to': name.optional().describe('The environment a release goes to next'),
  strategy: z.enum(['rolling', 'canary', 'blue-green']).default('rolling'),
  manifests: manifestsSchema.optional().describe('Overrides the top-level manifests source'),
  url: z.url().optional().describe('Where the environment is reachable, for GitHub deployments'),
  gates: gatesSchema.optional().describe('What must hold before a release is promoted here'),
  windows: windowsSchema
    .optional()
    .describe('When a release may be promoted here: deploy windows and freezes'),
  image: z
    .string()
    .min(1)
    .optional()
    .describe(
      "This environment's own image repository[:tag]; a promotion copies the digest there (tag default: the environment's name)"
    ),
  policy: policySchema.optional().describe('Overrides the top-level policy levels'),
  deploy: deployOverrideSchema.optional().describe('Overrides the top-level deploy settings')
})

export const scanSchema = z.strictObject({
  scanner: z.enum(['trivy', 'grype']).default('trivy'),
  'fail-on': severity.default('high'),
  'ignore-unfixed': z.boolean().default(false),
  allowlist: relativePath.optional(),
  vex: z.array(relativePath).optional(),
  'only-new': z.boolean().default(false),
  'max-db-age': duration.default('72h'),
  'allowlist-max-expiry': duration
    .default('365d')
    .describe('How far ahead an allowlist entry may expire; a later date is an error'),
  'allow-empty-report': z
    .boolean()
    .default(false)
    .describe('Pass a Trivy report without Results (an image with nothing to scan)')
})

const effectSize = z.strictObject({
  measure: z
    .enum(['mean-ratio', 'cles'])
    .default('mean-ratio')
    .describe('mean(canary)/mean(baseline), or P(canary > baseline) (Kayenta: meanRatio, cles)'),
  'allowed-increase': z
    .number()
    .positive()
    .optional()
    .describe('High needs at least this effect size; default 1 (0.5 with cles)'),
  'allowed-decrease': z
    .number()
    .positive()
    .optional()
    .describe('Low needs at most this effect size; default 1 (0.5 with cles)'),
  'critical-increase': z.number().positive().optional(),
  'critical-decrease': z.number().positive().optional()
})

const guard = z
  .strictObject({
    'max-ratio': z
      .number()
      .positive()
      .optional()
      .describe('Fail (High) when the canary statistic is more than this times the baseline one'),
    'min-ratio': z
      .number()
      .positive()
      .optional()
      .describe('Fail (Low) when the canary statistic is less than this times the baseline one'),
    percentile: z
      .number()
      .gt(0)
      .max(100)
      .optional()
      .describe('Compare this percentile of each side (R-7) instead of the mean')
  })
  .refine((g) => g['max-ratio'] !== undefined || g['min-ratio'] !== undefined, {
    message: 'expected max-ratio or min-ratio'
  })

const judgeMethod = z.enum(['sequential', 'kayenta'])
const spreadTolerance = z.number().min(0).lt(1)

export const metricSchema = z
  .strictObject({
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
      .strictObject({
        max: z.number().optional(),
        min: z.number().optional(),
        aggregate: z
          .enum(['mean', 'median', 'max', 'min', 'last'])
          .default('mean')
          .describe("How the canary's samples become the one value checked")
      })
      .optional()
      .describe('A single-value check instead of a comparison with the baseline'),
    'on-no-data': z.enum(['fail', 'inconclusive', 'pass']).default('inconclusive'),
    'min-samples': z.number().int().positive().optional(),
    'nan-strategy': z
      .enum(['remove', 'replace'])
      .default('remove')
      .describe('Missing samples are dropped, or counted as 0 (Kayenta: nanStrategy)'),
    outliers: z
      .strictObject({
        strategy: z.enum(['keep', 'remove']).default('keep'),
        factor: z.number().positive().default(3).describe('IQR fence factor')
      })
      .optional()
      .describe("Kayenta's IQR outlier removal, off by default"),
    guard: guard
      .optional()
      .describe(
        "A limit on canary / baseline (mean or a percentile) checked besides Kayenta's rule, which can pass large shifts of part of the samples"
      ),
    judge: judgeMethod.optional().describe("This metric's judge, over analysis.judge"),
    'spread-tolerance': spreadTolerance
      .optional()
      .describe("This metric's spread tolerance, over analysis.spread-tolerance")
  })
  .refine((m) => !(m.guard && m.threshold), {
    message: 'guard compares with the baseline: a threshold metric has none',
    path: ['guard']
  })

export const analysisSchema = z.strictObject({
  provider: z
    .strictObject({
      prometheus: z.strictObject({
        url: z.url(),
        'bearer-token-env': z
          .string()
          .optional()
          .describe('The environment variable holding a bearer token'),
        'basic-auth': z
          .strictObject({
            username: z.string().min(1),
            'password-env': z.string().min(1).describe('The environment variable holding it')
          })
          .optional(),
        headers: z
          .record(z.string(), z.string())
          .optional()
          .describe('Extra request headers, e.g. X-Scope-OrgID for a Mimir or Cortex tenant'),
        tls: z
          .strictObject({
            'ca-file': z.string().optional().describe('PEM file of the CA to trust'),
            'insecure-skip-verify': z.boolean().default(false)
          })
          .optional(),
        timeout: duration.default('30s').describe('Of each request to Prometheus')
      })
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
  'confidence-level': z
    .number()
    .gt(0.5)
    .lt(1)
    .default(0.98)
    .describe("Of the Mann-Whitney interval of the shift (Kayenta's judge: 0.98)"),
  judge: judgeMethod
    .optional()
    .describe(
      "Comparison judge: kayenta (Kayenta's Mann-Whitney rule; the default) or sequential (paired, autocorrelation-aware, valid at every look; opt-in, see docs/canary.md)"
    ),
  'spread-tolerance': spreadTolerance
    .optional()
    .describe(
      'Sequential judge: spread between healthy deployments to allow, as a ratio (default 0.03)'
    ),
  'sequential-level': z
    .number()
    .gt(0.5)
    .lt(1)
    .optional()
    .describe(
      'Sequential judge: 1 - the chance of failing an unchanged metric at any look (default 0.99)'
    ),
  'min-samples': z
    .number()
    .int()
    .positive()
    .default(10)
    .describe('Fewer samples on either side is no data; a metric can override it'),
  'failure-limit': z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Failed judgements allowed before the analysis fails (Argo Rollouts failureLimit)'),
  'inconclusive-limit': z
    .number()
    .int()
    .min(-1)
    .default(-1)
    .describe(
      'Inconclusive judgements allowed before it ends inconclusive; -1: only the last counts'
    ),
  'consecutive-error-limit': z
    .number()
    .int()
    .min(0)
    .default(4)
    .describe(
      'Metrics errors in a row allowed before it ends inconclusive (Argo Rollouts default 4)'
    ),
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
  policy: policySchema.optional(),
  validation: validationSchema.default(validationSchema.parse({})),
  analysis: analysisSchema.optional(),
  deploy: deploySchema.default(deploySchema.parse({}))
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

/**
 * The first promotion loop, starting at its environment that comes first in the file. Each
 * environment has at most one next, so one walk that marks what it has seen finds every loop
 * in linear time.
 */
function promotionCycle(environments: Record<string, unknown>): string[] | undefined {
  const names = Object.keys(environments)
  const position = new Map(names.map((name, i) => [name, i]))
  const next = (name: string) => {
    const env = environments[name]
    const target = isRecord(env) ? env['promote-to'] : undefined
    return typeof target === 'string' && position.has(target) ? target : undefined
  }
  const state = new Map<string, 'walking' | 'done'>()
  let first: string[] | undefined
  for (const start of names) {
    const walk: string[] = []
    let at: string | undefined = start
    while (at !== undefined && !state.has(at)) {
      state.set(at, 'walking')
      walk.push(at)
      at = next(at)
    }
    if (at !== undefined && state.get(at) === 'walking') {
      const loop = walk.slice(walk.indexOf(at))
      const begin = loop.reduce((a, b) => (position.get(b)! < position.get(a)! ? b : a))
      const rotated = [...loop.slice(loop.indexOf(begin)), ...loop.slice(0, loop.indexOf(begin))]
      if (!first || position.get(begin)! < position.get(first[0])!) first = [...rotated, begin]
    }
    for (const name of walk) state.set(name, 'done')
  }
  return first
}

export type Config = z.output<typeof configSchema>
export type Environment = z.output<typeof environmentSchema>
export type DeployConfig = z.output<typeof deploySchema>
export type ManifestsSource = z.output<typeof manifestsSchema>
export type AnalysisConfig = z.output<typeof analysisSchema>
export type MetricConfig = z.output<typeof metricSchema>
export type PolicyConfig = z.output<typeof policySchema>
export type ValidationConfig = z.output<typeof validationSchema>
export type WindowsConfig = z.output<typeof windowsSchema>
export type GatesConfig = z.output<typeof gatesSchema>
