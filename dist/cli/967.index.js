export const id = 967;
export const ids = [967];
export const modules = {

/***/ 47967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ crossCheck),
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   md: () => (/* binding */ POLICY_DEFAULTS),
/* harmony export */   y2: () => (/* binding */ gatesSchema)
/* harmony export */ });
/* unused harmony exports severity, imageSchema, manifestsSchema, windowsSchema, policySchema, validationSchema, deploySchema, environmentSchema, scanSchema, metricSchema, analysisSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12311);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94007);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85033);




// The one description of slipway.yaml. The JSON Schema in schema/ is generated from it
// (npm run schema), so editors and this code never disagree.
const duration = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .refine((value) => (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(value) !== undefined, {
    message: 'expected a duration such as 30s, 5m or 1h30m'
})
    .meta({ pattern: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$' });
const name = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'expected lower-case letters, digits and hyphens');
const relativePath = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1);
const severity = zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['critical', 'high', 'medium', 'low']);
/** A problem with an image reference, by the distribution spec's grammar; undefined if none. */
function referenceProblem(text, want) {
    let ref;
    try {
        ref = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(text);
    }
    catch (error) {
        return error.message;
    }
    if (want === 'name' && (ref.tag !== undefined || ref.digest !== undefined)) {
        return `expected a repository name without a tag or digest, got "${text}"`;
    }
    if (want === 'pinned' && !ref.digest?.startsWith('sha256:')) {
        return 'expected repository@sha256:<64 hex digits>';
    }
    return undefined;
}
const referenceString = (want) => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .min(1)
    .superRefine((text, context) => {
    const problem = text === '' ? undefined : referenceProblem(text, want);
    if (problem)
        context.addIssue({ code: 'custom', message: problem });
});
const repositoryName = referenceString('name');
const imageSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    repository: repositoryName.describe('Image repository, e.g. ghcr.io/acme/hello'),
    context: relativePath.default('.').describe('Build context, relative to the repository'),
    dockerfile: relativePath.optional().describe('Dockerfile path; default <context>/Dockerfile'),
    platforms: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/)).optional(),
    'build-args': zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional()
});
const manifestsSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    path: relativePath.optional().describe('Folder of plain YAML manifests'),
    kustomize: relativePath
        .optional()
        .describe('Kustomize folder; {env} is replaced by the environment name'),
    helm: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        chart: relativePath,
        release: name.optional(),
        values: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(relativePath).optional(),
        set: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional()
    })
        .optional(),
    image: repositoryName
        .optional()
        .describe('How the manifests name the released image, when not as image.repository (e.g. a short name)'),
    pin: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(referenceString('pinned').meta({ pattern: '@sha256:[a-f0-9]{64}$' }))
        .optional()
        .describe('Other images to pin wherever they appear, each as repository@sha256:digest'),
    'allow-empty': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .default(false)
        .describe('A render of zero objects is not an error (deployed with pruning, it deletes all)')
})
    .refine((m) => [m.path, m.kustomize, m.helm].filter((s) => s !== undefined).length === 1, {
    message: 'expected exactly one of path, kustomize or helm'
});
const gatesSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    'require-scan': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(true).describe('The image scan verdict must be pass'),
    'require-analysis': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .default(true)
        .describe('The canary analysis of the source environment must be pass'),
    soak: duration.optional().describe('How long a release must have run in the source environment'),
    approval: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .default(false)
        .describe('Wait for the GitHub environment reviewers before promoting'),
    'allow-manual-decision': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .default(false)
        .describe('When the only gates not passing are inconclusive, a person may decide (promote.yml: the <env>-decision environment)')
});
const clock = /^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
const localTime = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(T([01][0-9]|2[0-3]):[0-5][0-9])?$/;
// Deploy windows and freezes in local wall-clock time of one IANA zone: daylight-saving changes
// move the instants, not the windows (docs/promote.md).
const windowsSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    timezone: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/Berlin' })
        .describe('IANA time zone the windows are in, e.g. Europe/Berlin'),
    allow: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        days: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
            .min(1)
            .describe('Week days, e.g. [mon, tue, wed, thu]'),
        hours: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(clock, 'expected HH:MM-HH:MM, e.g. 09:00-17:00')
            .refine((h) => h.slice(0, 5) < h.slice(6), {
            message: 'expected the end after the start; split a range over midnight in two'
        })
            .default('00:00-24:00')
            .describe('Local time range, start included, end excluded')
    }))
        .optional()
        .describe('When promotions may happen; none listed: any time outside a freeze'),
    freeze: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        from: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(localTime, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM'),
        to: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(localTime, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM')
            .describe('A date is included whole; a time is where the freeze ends'),
        reason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional()
    })
        .refine((f) => f.from <= f.to, { message: 'expected from before to' }))
        .optional()
        .describe('Dated periods without promotions, e.g. a year-end freeze')
});
function isTimeZone(zone) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
    }
    catch {
        return false;
    }
}
const policyLevel = zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['error', 'warn', 'off']);
// Each check of the rendered manifests, with its default level. kube-score and kube-linter
// have the same checks; the defaults fail on what breaks or endangers a cluster, warn on hygiene.
const POLICY_DEFAULTS = {
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
};
const policyShape = Object.fromEntries(Object.keys(POLICY_DEFAULTS).map((check) => [check, policyLevel.optional()]));
const policySchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej(policyShape)
    .describe('Checks of the rendered manifests, each error, warn or off');
const validationSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    'kubernetes-version': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/^1\.[0-9]+$/, 'expected a Kubernetes minor version such as 1.33')
        .default('1.33')
        .describe('The Kubernetes version whose APIs the manifests must use'),
    'crd-schemas': zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(relativePath)
        .default([])
        .describe('Files or folders of CustomResourceDefinitions whose schemas validate custom resources'),
    'skip-unknown-crds': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .default(true)
        .describe('Custom resources without a schema are skipped with a warning (false: an error)')
});
// The deploy settings; an environment may override any of them, so its copy has no defaults.
const deployFields = {
    timeout: [duration, 'How long every workload has to roll out'],
    'history-limit': [
        zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(2).max(100),
        'Release records kept per environment (the live one is always kept)'
    ],
    'lock-timeout': [duration, 'How long to wait for another deploy of the environment'],
    'force-conflicts': [
        zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
        'Take over fields another field manager owns instead of failing'
    ],
    concurrency: [zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(64), 'Objects applied at once per install stage'],
    'on-unfinished': [
        zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['roll-forward', 'fail']),
        'A release left deploying by a run that stopped: mark it failed and go on, or stop'
    ]
};
const deploySchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
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
});
const deployOverrideSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej(Object.fromEntries(Object.entries(deployFields).map(([key, [type, description]]) => [
    key,
    type.optional().describe(description)
])));
const environmentSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    namespace: name.describe('Kubernetes namespace'),
    cluster: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().describe('A name for the cluster, shown in history and summaries'),
    context: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().describe('kubeconfig context to use'),
    order: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative().optional().describe('Position in the promotion chain'),
    'promote-to': name.optional().describe('The environment a release goes to next'),
    strategy: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['rolling', 'canary', 'blue-green']).default('rolling'),
    manifests: manifestsSchema.optional().describe('Overrides the top-level manifests source'),
    url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5().optional().describe('Where the environment is reachable, for GitHub deployments'),
    gates: gatesSchema.optional().describe('What must hold before a release is promoted here'),
    windows: windowsSchema
        .optional()
        .describe('When a release may be promoted here: deploy windows and freezes'),
    image: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .min(1)
        .optional()
        .describe("This environment's own image repository[:tag]; a promotion copies the digest there (tag default: the environment's name)"),
    policy: policySchema.optional().describe('Overrides the top-level policy levels'),
    deploy: deployOverrideSchema.optional().describe('Overrides the top-level deploy settings')
});
const scanSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    scanner: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['trivy', 'grype']).default('trivy'),
    'fail-on': severity.default('high'),
    'ignore-unfixed': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(false),
    allowlist: relativePath.optional(),
    vex: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(relativePath).optional(),
    'only-new': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(false),
    'max-db-age': duration.default('72h'),
    'allowlist-max-expiry': duration
        .default('365d')
        .describe('How far ahead an allowlist entry may expire; a later date is an error'),
    'allow-empty-report': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .default(false)
        .describe('Pass a Trivy report without Results (an image with nothing to scan)')
});
const effectSize = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    measure: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['mean-ratio', 'cles'])
        .default('mean-ratio')
        .describe('mean(canary)/mean(baseline), or P(canary > baseline) (Kayenta: meanRatio, cles)'),
    'allowed-increase': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .positive()
        .optional()
        .describe('High needs at least this effect size; default 1 (0.5 with cles)'),
    'allowed-decrease': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .positive()
        .optional()
        .describe('Low needs at most this effect size; default 1 (0.5 with cles)'),
    'critical-increase': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().optional(),
    'critical-decrease': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().optional()
});
const guard = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    'max-ratio': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .positive()
        .optional()
        .describe('Fail (High) when the canary statistic is more than this times the baseline one'),
    'min-ratio': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .positive()
        .optional()
        .describe('Fail (Low) when the canary statistic is less than this times the baseline one'),
    percentile: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .gt(0)
        .max(100)
        .optional()
        .describe('Compare this percentile of each side (R-7) instead of the mean')
})
    .refine((g) => g['max-ratio'] !== undefined || g['min-ratio'] !== undefined, {
    message: 'expected max-ratio or min-ratio'
});
const judgeMethod = zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['sequential', 'kayenta']);
const spreadTolerance = zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).lt(1);
const metricSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
    query: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .min(1)
        .describe('PromQL; {selector} is replaced by the canary or baseline labels'),
    group: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().default('default'),
    direction: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['increase', 'decrease', 'either']).default('either'),
    critical: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(false),
    'effect-size': effectSize.optional(),
    threshold: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        max: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional(),
        min: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional(),
        aggregate: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['mean', 'median', 'max', 'min', 'last'])
            .default('mean')
            .describe("How the canary's samples become the one value checked")
    })
        .optional()
        .describe('A single-value check instead of a comparison with the baseline'),
    'on-no-data': zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['fail', 'inconclusive', 'pass']).default('inconclusive'),
    'min-samples': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().optional(),
    'nan-strategy': zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['remove', 'replace'])
        .default('remove')
        .describe('Missing samples are dropped, or counted as 0 (Kayenta: nanStrategy)'),
    outliers: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        strategy: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['keep', 'remove']).default('keep'),
        factor: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().default(3).describe('IQR fence factor')
    })
        .optional()
        .describe("Kayenta's IQR outlier removal, off by default"),
    guard: guard
        .optional()
        .describe("A limit on canary / baseline (mean or a percentile) checked besides Kayenta's rule, which can pass large shifts of part of the samples"),
    judge: judgeMethod.optional().describe("This metric's judge, over analysis.judge"),
    'spread-tolerance': spreadTolerance
        .optional()
        .describe("This metric's spread tolerance, over analysis.spread-tolerance")
})
    .refine((m) => !(m.guard && m.threshold), {
    message: 'guard compares with the baseline: a threshold metric has none',
    path: ['guard']
});
const analysisSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    provider: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        prometheus: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
            url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5(),
            'bearer-token-env': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
                .optional()
                .describe('The environment variable holding a bearer token'),
            'basic-auth': zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
                username: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
                'password-env': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).describe('The environment variable holding it')
            })
                .optional(),
            headers: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP())
                .optional()
                .describe('Extra request headers, e.g. X-Scope-OrgID for a Mimir or Cortex tenant'),
            tls: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
                'ca-file': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().describe('PEM file of the CA to trust'),
                'insecure-skip-verify': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(false)
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
    canary: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional().describe('Labels selecting canary series'),
    baseline: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP())
        .optional()
        .describe('Labels selecting baseline series'),
    thresholds: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ pass: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).max(100), marginal: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).max(100) })
        .default({ pass: 95, marginal: 75 }),
    groups: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive()).optional().describe('Group weights'),
    'confidence-level': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .gt(0.5)
        .lt(1)
        .default(0.98)
        .describe("Of the Mann-Whitney interval of the shift (Kayenta's judge: 0.98)"),
    judge: judgeMethod
        .optional()
        .describe("Comparison judge: kayenta (Kayenta's Mann-Whitney rule; the default) or sequential (paired, autocorrelation-aware, valid at every look; opt-in, see docs/canary.md)"),
    'spread-tolerance': spreadTolerance
        .optional()
        .describe('Sequential judge: spread between healthy deployments to allow, as a ratio (default 0.03)'),
    'sequential-level': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .gt(0.5)
        .lt(1)
        .optional()
        .describe('Sequential judge: 1 - the chance of failing an unchanged metric at any look (default 0.99)'),
    'min-samples': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .int()
        .positive()
        .default(10)
        .describe('Fewer samples on either side is no data; a metric can override it'),
    'failure-limit': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .int()
        .min(0)
        .default(0)
        .describe('Failed judgements allowed before the analysis fails (Argo Rollouts failureLimit)'),
    'inconclusive-limit': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .int()
        .min(-1)
        .default(-1)
        .describe('Inconclusive judgements allowed before it ends inconclusive; -1: only the last counts'),
    'consecutive-error-limit': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .int()
        .min(0)
        .default(4)
        .describe('Metrics errors in a row allowed before it ends inconclusive (Argo Rollouts default 4)'),
    metrics: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(metricSchema).default([])
});
const configSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1).default(1),
    image: imageSchema,
    manifests: manifestsSchema.optional(),
    environments: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(name, environmentSchema).refine((e) => Object.keys(e).length > 0, {
        message: 'expected at least one environment'
    }),
    scan: scanSchema.default(scanSchema.parse({})),
    policy: policySchema.optional(),
    validation: validationSchema.default(validationSchema.parse({})),
    analysis: analysisSchema.optional(),
    deploy: deploySchema.default(deploySchema.parse({}))
});
/**
 * Checks across sections. They run on the raw document even when the schema found
 * mistakes, so every mistake is reported in one pass.
 */
function crossCheck(raw) {
    const problems = [];
    if (!(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(raw) || !(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(raw.environments))
        return problems;
    const environments = raw.environments;
    for (const [envName, env] of Object.entries(environments)) {
        if (!(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(env))
            continue;
        const target = env['promote-to'];
        if (typeof target === 'string' && !Object.hasOwn(environments, target)) {
            problems.push({
                path: ['environments', envName, 'promote-to'],
                message: `environment "${target}" is not defined under environments`
            });
        }
        if (env.manifests === undefined && raw.manifests === undefined) {
            problems.push({
                path: ['environments', envName],
                message: 'no manifests source: set manifests at the top level or in this environment'
            });
        }
    }
    const cycle = promotionCycle(environments);
    if (cycle) {
        problems.push({
            path: ['environments', cycle[0], 'promote-to'],
            message: `promotion loops back: ${cycle.join(' -> ')}`
        });
    }
    return problems;
}
/**
 * The first promotion loop, starting at its environment that comes first in the file. Each
 * environment has at most one next, so one walk that marks what it has seen finds every loop
 * in linear time.
 */
function promotionCycle(environments) {
    const names = Object.keys(environments);
    const position = new Map(names.map((name, i) => [name, i]));
    const next = (name) => {
        const env = environments[name];
        const target = (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(env) ? env['promote-to'] : undefined;
        return typeof target === 'string' && position.has(target) ? target : undefined;
    };
    const state = new Map();
    let first;
    for (const start of names) {
        const walk = [];
        let at = start;
        while (at !== undefined && !state.has(at)) {
            state.set(at, 'walking');
            walk.push(at);
            at = next(at);
        }
        if (at !== undefined && state.get(at) === 'walking') {
            const loop = walk.slice(walk.indexOf(at));
            const begin = loop.reduce((a, b) => (position.get(b) < position.get(a) ? b : a));
            const rotated = [...loop.slice(loop.indexOf(begin)), ...loop.slice(0, loop.indexOf(begin))];
            if (!first || position.get(begin) < position.get(first[0]))
                first = [...rotated, begin];
        }
        for (const name of walk)
            state.set(name, 'done');
    }
    return first;
}


/***/ }),

/***/ 98571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
/** Parses Go-style durations such as `30s`, `5m`, `1h30m`, `250ms`; returns milliseconds or undefined. */
function parseDuration(text) {
    const value = text.trim();
    if (!DURATION.test(value))
        return undefined;
    let total = 0;
    for (const [, amount, unit] of value.matchAll(PART))
        total += Number(amount) * UNIT_MS[unit];
    return total;
}
function formatDuration(ms) {
    if (ms % 3_600_000 === 0 && ms > 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0 && ms > 0)
        return `${ms / 60_000}m`;
    if (ms % 1000 === 0)
        return `${ms / 1000}s`;
    return `${ms}ms`;
}


/***/ }),

/***/ 93613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   Do: () => (/* binding */ DigestVerifier),
/* harmony export */   VK: () => (/* binding */ shortDigest),
/* harmony export */   h: () => (/* binding */ DigestMismatchError),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   ol: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);



// Content digests (algorithm:hex, OCI image spec "Digests"), computed and verified while
// streaming: nothing slipway reads from a registry is used before its digest is checked.
const HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
/** Parses and validates a digest; throws a UserError saying what is wrong. */
function parseDigest(text) {
    const colon = text.indexOf(':');
    if (colon <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`invalid digest "${text}": expected algorithm:hex`);
    const algorithm = text.slice(0, colon);
    const hex = text.slice(colon + 1);
    const length = HEX_LENGTH[algorithm];
    if (!length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`unsupported digest algorithm "${algorithm}" (sha256, sha384 or sha512)`);
    }
    if (hex.length !== length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`invalid ${algorithm} digest: ${hex.length} hex characters, expected ${length}`);
    }
    if (!/^[a-f0-9]+$/.test(hex)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`invalid ${algorithm} digest: only lowercase hex characters are allowed`);
    }
    return { algorithm: algorithm, hex };
}
function isDigest(text) {
    try {
        parseDigest(text);
        return true;
    }
    catch {
        return false;
    }
}
/** The digest of some bytes, with the algorithm of `like` (sha256 by default). */
function digestOf(bytes, like) {
    const algorithm = like ? parseDigest(like).algorithm : 'sha256';
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** `sha256:0123456789ab`, for messages. */
function shortDigest(digest) {
    const colon = digest.indexOf(':');
    return colon === -1 ? digest : digest.slice(0, colon + 13);
}
/**
 * Thrown when content does not match its digest or size. A copy tries the blob again (a
 * middlebox may have mangled it), within its retry budget.
 */
class DigestMismatchError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
    retryable = true;
    constructor(message) {
        super(message);
        this.name = 'DigestMismatchError';
    }
}
/**
 * A pass-through stream that hashes what flows through it and fails at the end when the
 * content does not have the expected digest (and size, when known). Data flows on as it
 * arrives, so a consumer (an upload) must not commit before the stream has ended cleanly.
 */
class DigestVerifier extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    digest;
    expectedSize;
    what;
    hash;
    expected;
    bytes = 0;
    constructor(digest, expectedSize, what = 'blob') {
        super({ highWaterMark: 1 << 20 });
        this.digest = digest;
        this.expectedSize = expectedSize;
        this.what = what;
        this.expected = parseDigest(digest);
        this.hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(this.expected.algorithm);
    }
    _transform(chunk, _encoding, done) {
        this.bytes += chunk.length;
        if (this.expectedSize !== undefined && this.bytes > this.expectedSize) {
            done(this.mismatch(`more than the expected ${this.expectedSize} bytes`));
            return;
        }
        this.hash.update(chunk);
        done(null, chunk);
    }
    _flush(done) {
        if (this.expectedSize !== undefined && this.bytes !== this.expectedSize) {
            done(this.mismatch(`${this.bytes} bytes, expected ${this.expectedSize}`));
            return;
        }
        const actual = this.hash.digest('hex');
        if (actual !== this.expected.hex) {
            done(this.mismatch(`content has digest ${this.expected.algorithm}:${actual}`));
            return;
        }
        done();
    }
    mismatch(detail) {
        return new DigestMismatchError(`${this.what} ${this.digest} does not match: ${detail}`);
    }
}


/***/ }),

/***/ 94007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xb: () => (/* binding */ DOCKER_HUB),
  Tz: () => (/* binding */ DOCKER_HUB_API_HOST),
  ZN: () => (/* binding */ ImageReference),
  F2: () => (/* binding */ parseReference),
  Mb: () => (/* binding */ registryApiHost)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/core/image/redact.ts
// Text that came from the user or a tool can hold credentials: a password in an image
// reference (user:password@host/...), a credential helper's output. It is cut before it goes
// into an error message.
/** user:password@ (or token@) before a host and its path, alone, quoted or after a URL scheme. */
const USERINFO = /(^|[\s"'(]|[a-z][a-z0-9+.-]*:\/\/)[^\s/@"'[\]]+@(?=[^\s/@"']+\/)/gi;
/** `text` with the user information of any reference or URL in it replaced by `***`. */
function redactUserinfo(text) {
    return text.replace(USERINFO, '$1***@');
}
/** Whether an image reference starts with user information (`user:password@host/...`). */
function hasUserinfo(reference) {
    const first = reference.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/', 1)[0];
    return first.includes('@') && !first.includes('[') && reference.includes('/');
}

// EXTERNAL MODULE: ./src/core/image/digest.ts
var image_digest = __webpack_require__(93613);
;// CONCATENATED MODULE: ./src/core/image/reference.ts



// Image references, parsed and normalised as Docker does (github.com/distribution/reference):
//
//   reference  := name [ ":" tag ] [ "@" digest ]
//   name       := [domain "/"] path-component ["/" path-component]*
//   domain     := host [":" port]      host: DNS name, IPv4, or [IPv6] without zone
//
// "alpine" is docker.io/library/alpine; index.docker.io is docker.io; a first component is a
// registry when it holds a "." or ":", is "localhost", or has upper-case letters.
/** Docker Hub's canonical name, and the host that serves its registry API. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const LEGACY_DOCKER_HUB = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
/** Docker's limit on the repository path (without the registry). */
const MAX_PATH_LENGTH = 255;
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const path = `${pathComponent}(?:/${pathComponent})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const domain = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${domain}/)?${path})(?::(${tag}))?(?:@(${digest}))?$`);
const DOMAIN = new RegExp(`^${domain}$`);
const PATH = new RegExp(`^${path}$`);
const TAG = new RegExp(`^${tag}$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
/** A parsed, normalised image reference: registry/repository[:tag][@digest]. */
class ImageReference {
    registry;
    repository;
    tag;
    digest;
    constructor(
    /** docker.io, ghcr.io, 127.0.0.1:5000, [::1]:5000 */
    registry, 
    /** library/alpine, acme/app */
    repository, tag, digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }
    /** registry/repository, without tag or digest */
    get name() {
        return `${this.registry}/${this.repository}`;
    }
    /** The host (and port) that serves the registry API: registry-1.docker.io for docker.io. */
    get apiHost() {
        return registryApiHost(this.registry);
    }
    /** What to ask the registry for: the digest when there is one, else the tag, else latest. */
    get identifier() {
        return this.digest ?? this.tag ?? 'latest';
    }
    withTag(tag) {
        if (!TAG.test(tag))
            throw new errors/* UserError */.yo(`invalid tag "${tag}"`);
        return new ImageReference(this.registry, this.repository, tag, this.digest);
    }
    withDigest(digest) {
        if (digest !== undefined)
            (0,image_digest/* parseDigest */.m)(digest);
        return new ImageReference(this.registry, this.repository, this.tag, digest);
    }
    /** The same repository, addressed by digest only (what a copy writes children under). */
    atDigest(digest) {
        return new ImageReference(this.registry, this.repository, undefined, digest);
    }
    toString() {
        return `${this.name}${this.tag ? `:${this.tag}` : ''}${this.digest ? `@${this.digest}` : ''}`;
    }
    toJSON() {
        return this.toString();
    }
}
/** registry-1.docker.io for Docker Hub, the registry itself otherwise. */
function registryApiHost(registry) {
    return registry === DOCKER_HUB || registry === LEGACY_DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}
function invalid(text, reason) {
    return new errors/* UserError */.yo(redactUserinfo(`invalid image reference "${text}": ${reason}`));
}
/**
 * Parses an image reference like `docker pull` does. Throws a UserError naming the reason
 * when the reference is invalid.
 */
function parseReference(text) {
    if (typeof text !== 'string' || text.trim() === '')
        throw invalid(String(text), 'it is empty');
    if (hasUserinfo(text)) {
        throw invalid(text, 'credentials do not belong in an image reference: use docker login');
    }
    if (text !== text.trim())
        throw invalid(text, 'it has leading or trailing spaces');
    if (IDENTIFIER.test(text)) {
        throw invalid(text, 'a 64-character hexadecimal string is an image ID, not a repository name');
    }
    const [registry, remainder] = splitRegistry(text);
    const remote = remainder.split(/[:@]/, 1)[0];
    if (remote.toLowerCase() !== remote) {
        throw invalid(text, `repository name "${remote}" must be lowercase`);
    }
    const full = `${registry}/${remainder}`;
    const match = REFERENCE.exec(full);
    if (!match)
        throw invalid(text, explain(registry, remainder));
    const repository = remainder.slice(0, match[1].length - registry.length - 1);
    if (repository.length > MAX_PATH_LENGTH) {
        throw invalid(text, `repository name is longer than ${MAX_PATH_LENGTH} characters`);
    }
    const digestText = match[3];
    if (digestText !== undefined) {
        try {
            (0,image_digest/* parseDigest */.m)(digestText);
        }
        catch (error) {
            throw invalid(text, error.message);
        }
    }
    return new ImageReference(registry, repository, match[2], digestText);
}
/** Docker's splitDockerDomain: which part names the registry. */
function splitRegistry(text) {
    const slash = text.indexOf('/');
    if (slash === -1)
        return [DOCKER_HUB, OFFICIAL_PREFIX + text];
    const first = text.slice(0, slash);
    let rest = text.slice(slash + 1);
    let registry;
    if (first === LEGACY_DOCKER_HUB)
        registry = DOCKER_HUB;
    else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
        registry = first;
    }
    else {
        return [DOCKER_HUB, text];
    }
    if (registry === DOCKER_HUB && !rest.includes('/'))
        rest = OFFICIAL_PREFIX + rest;
    return [registry, rest];
}
/** The most specific reason a reference does not match the grammar. */
function explain(registry, remainder) {
    if (!DOMAIN.test(registry))
        return `"${registry}" is not a valid registry host`;
    const at = remainder.indexOf('@');
    const beforeDigest = at === -1 ? remainder : remainder.slice(0, at);
    const colon = beforeDigest.lastIndexOf(':');
    const repository = colon === -1 ? beforeDigest : beforeDigest.slice(0, colon);
    if (repository === '')
        return 'the repository name is missing';
    if (!PATH.test(repository)) {
        return (`"${repository}" is not a valid repository name (lowercase letters, digits and ` +
            'separators ".", "_", "__", "-" between them, components joined by "/")');
    }
    if (colon !== -1 && !TAG.test(beforeDigest.slice(colon + 1))) {
        return `"${beforeDigest.slice(colon + 1)}" is not a valid tag (up to 128 of [A-Za-z0-9_.-], not starting with "." or "-")`;
    }
    if (at !== -1)
        return `"${remainder.slice(at + 1)}" is not a valid digest (algorithm:hex)`;
    return 'it does not match name[:tag][@digest]';
}


/***/ }),

/***/ 85033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ isRecord)
/* harmony export */ });
/** A plain object (a YAML or JSON map), not null and not an array. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ })

};
