export const id = 68;
export const ids = [68];
export const modules = {

/***/ 43068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   configJsonSchema: () => (/* binding */ configJsonSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98439);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47967);


/** The JSON Schema of slipway.yaml, for editors (yaml-language-server) and other tools. */
function configJsonSchema() {
    const schema = zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .configSchema */ .Qn, { io: 'input', unrepresentable: 'any' });
    return {
        ...schema,
        $id: 'https://github.com/acme/slipway/schema/slipway.schema.json',
        title: 'slipway.yaml',
        description: 'Configuration of slipway: image, manifests, environments, scan policy, analysis'
    };
}


/***/ }),

/***/ 47967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ crossCheck),
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   md: () => (/* binding */ POLICY_DEFAULTS)
/* harmony export */ });
/* unused harmony exports severity, imageSchema, manifestsSchema, gatesSchema, policySchema, validationSchema, environmentSchema, scanSchema, metricSchema, analysisSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12311);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85033);



// The one description of slipway.yaml. The JSON Schema in schema/ is generated from it
// (npm run schema), so editors and this code never disagree.
const duration = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .refine((value) => (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(value) !== undefined, {
    message: 'expected a duration such as 30s, 5m or 1h30m'
})
    .meta({ pattern: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$' });
const name = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'expected lower-case letters, digits and hyphens');
const relativePath = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1);
const severity = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['critical', 'high', 'medium', 'low']);
const imageSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    repository: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).describe('Image repository, e.g. ghcr.io/acme/hello'),
    context: relativePath.default('.').describe('Build context, relative to the repository'),
    dockerfile: relativePath.optional().describe('Dockerfile path; default <context>/Dockerfile'),
    platforms: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/)).optional(),
    'build-args': zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional()
});
const manifestsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    path: relativePath.optional().describe('Folder of plain YAML manifests'),
    kustomize: relativePath
        .optional()
        .describe('Kustomize folder; {env} is replaced by the environment name'),
    helm: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        chart: relativePath,
        release: name.optional(),
        values: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(relativePath).optional(),
        set: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional()
    })
        .optional(),
    image: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .optional()
        .describe('How the manifests name the released image, when not as image.repository (e.g. a short name)'),
    pin: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/@sha256:[a-f0-9]{64}$/, 'expected repository@sha256:<64 hex digits>'))
        .optional()
        .describe('Other images to pin wherever they appear, each as repository@sha256:digest')
})
    .refine((m) => [m.path, m.kustomize, m.helm].filter((s) => s !== undefined).length === 1, {
    message: 'expected exactly one of path, kustomize or helm'
});
const gatesSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    'require-scan': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(true).describe('The image scan verdict must be pass'),
    'require-analysis': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
        .default(true)
        .describe('The canary analysis of the source environment must be pass'),
    soak: duration.optional().describe('How long a release must have run in the source environment'),
    approval: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
        .default(false)
        .describe('Wait for the GitHub environment reviewers before promoting')
});
const policyLevel = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['error', 'warn', 'off']);
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
const policySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej(policyShape)
    .describe('Checks of the rendered manifests, each error, warn or off');
const validationSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    'kubernetes-version': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^1\.[0-9]+$/, 'expected a Kubernetes minor version such as 1.33')
        .default('1.33')
        .describe('The Kubernetes version whose APIs the manifests must use'),
    'crd-schemas': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(relativePath)
        .default([])
        .describe('Files or folders of CustomResourceDefinitions whose schemas validate custom resources'),
    'skip-unknown-crds': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
        .default(true)
        .describe('Custom resources without a schema are skipped with a warning (false: an error)')
});
const environmentSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    namespace: name.describe('Kubernetes namespace'),
    cluster: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().describe('A name for the cluster, shown in history and summaries'),
    context: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().describe('kubeconfig context to use'),
    order: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative().optional().describe('Position in the promotion chain'),
    'promote-to': name.optional().describe('The environment a release goes to next'),
    strategy: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['rolling', 'canary', 'blue-green']).default('rolling'),
    manifests: manifestsSchema.optional().describe('Overrides the top-level manifests source'),
    url: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5().optional().describe('Where the environment is reachable, for GitHub deployments'),
    gates: gatesSchema.optional().describe('What must hold before a release is promoted here'),
    policy: policySchema.optional().describe('Overrides the top-level policy levels')
});
const scanSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    scanner: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['trivy', 'grype']).default('trivy'),
    'fail-on': severity.default('high'),
    'ignore-unfixed': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false),
    allowlist: relativePath.optional(),
    vex: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(relativePath).optional(),
    'only-new': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false),
    'max-db-age': duration.default('72h'),
    'allow-empty-report': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
        .default(false)
        .describe('Pass a Trivy report without Results (an image with nothing to scan)')
});
const effectSize = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    measure: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['mean-ratio', 'cles'])
        .default('mean-ratio')
        .describe('mean(canary)/mean(baseline), or P(canary > baseline) (Kayenta: meanRatio, cles)'),
    'allowed-increase': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .positive()
        .optional()
        .describe('High needs at least this effect size; default 1 (0.5 with cles)'),
    'allowed-decrease': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .positive()
        .optional()
        .describe('Low needs at most this effect size; default 1 (0.5 with cles)'),
    'critical-increase': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().optional(),
    'critical-decrease': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().optional()
});
const metricSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
    query: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .describe('PromQL; {selector} is replaced by the canary or baseline labels'),
    group: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().default('default'),
    direction: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['increase', 'decrease', 'either']).default('either'),
    critical: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false),
    'effect-size': effectSize.optional(),
    threshold: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        max: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
        min: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
        aggregate: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['mean', 'median', 'max', 'min', 'last'])
            .default('mean')
            .describe("How the canary's samples become the one value checked")
    })
        .optional()
        .describe('A single-value check instead of a comparison with the baseline'),
    'on-no-data': zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['fail', 'inconclusive', 'pass']).default('inconclusive'),
    'min-samples': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().optional(),
    'nan-strategy': zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['remove', 'replace'])
        .default('remove')
        .describe('Missing samples are dropped, or counted as 0 (Kayenta: nanStrategy)'),
    outliers: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        strategy: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['keep', 'remove']).default('keep'),
        factor: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().default(3).describe('IQR fence factor')
    })
        .optional()
        .describe("Kayenta's IQR outlier removal, off by default")
});
const analysisSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    provider: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        prometheus: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            url: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5(),
            'bearer-token-env': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
                .optional()
                .describe('The environment variable holding a bearer token'),
            'basic-auth': zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
                username: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
                'password-env': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).describe('The environment variable holding it')
            })
                .optional(),
            headers: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())
                .optional()
                .describe('Extra request headers, e.g. X-Scope-OrgID for a Mimir or Cortex tenant'),
            tls: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
                'ca-file': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().describe('PEM file of the CA to trust'),
                'insecure-skip-verify': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false)
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
    canary: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional().describe('Labels selecting canary series'),
    baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())
        .optional()
        .describe('Labels selecting baseline series'),
    thresholds: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ pass: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(100), marginal: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(100) })
        .default({ pass: 95, marginal: 75 }),
    groups: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive()).optional().describe('Group weights'),
    'confidence-level': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .gt(0.5)
        .lt(1)
        .default(0.98)
        .describe("Of the Mann-Whitney interval of the shift (Kayenta's judge: 0.98)"),
    'min-samples': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .positive()
        .default(10)
        .describe('Fewer samples on either side is no data; a metric can override it'),
    'failure-limit': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .min(0)
        .default(0)
        .describe('Failed judgements allowed before the analysis fails (Argo Rollouts failureLimit)'),
    'inconclusive-limit': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .min(-1)
        .default(-1)
        .describe('Inconclusive judgements allowed before it ends inconclusive; -1: only the last counts'),
    'consecutive-error-limit': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .min(0)
        .default(4)
        .describe('Metrics errors in a row allowed before it ends inconclusive (Argo Rollouts default 4)'),
    metrics: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(metricSchema).default([])
});
const configSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1).default(1),
    image: imageSchema,
    manifests: manifestsSchema.optional(),
    environments: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(name, environmentSchema).refine((e) => Object.keys(e).length > 0, {
        message: 'expected at least one environment'
    }),
    scan: scanSchema.default(scanSchema.parse({})),
    policy: policySchema.optional(),
    validation: validationSchema.default(validationSchema.parse({})),
    analysis: analysisSchema.optional()
});
/**
 * Checks across sections. They run on the raw document even when the schema found
 * mistakes, so every mistake is reported in one pass.
 */
function crossCheck(raw) {
    const problems = [];
    if (!(0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(raw) || !(0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(raw.environments))
        return problems;
    const environments = raw.environments;
    for (const [envName, env] of Object.entries(environments)) {
        if (!(0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(env))
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
function promotionCycle(environments) {
    const next = (name) => {
        const env = environments[name];
        const target = (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(env) ? env['promote-to'] : undefined;
        return typeof target === 'string' && Object.hasOwn(environments, target) ? target : undefined;
    };
    for (const start of Object.keys(environments)) {
        const seen = [start];
        for (let at = next(start); at !== undefined; at = next(at)) {
            if (at === start)
                return [...seen, at];
            if (seen.includes(at))
                break;
            seen.push(at);
        }
    }
    return undefined;
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
