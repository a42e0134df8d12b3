export const id = 698;
export const ids = [698];
export const modules = {

/***/ 72698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEPLOY_HELP: () => (/* binding */ DEPLOY_HELP),
  HISTORY_HELP: () => (/* binding */ HISTORY_HELP),
  ROLLBACK_HELP: () => (/* binding */ ROLLBACK_HELP),
  STATUS_HELP: () => (/* binding */ STATUS_HELP),
  clientOf: () => (/* binding */ clientOf),
  deployCommand: () => (/* binding */ deployCommand),
  historyCommand: () => (/* binding */ historyCommand),
  holderName: () => (/* binding */ holderName),
  releaseSummary: () => (/* binding */ releaseSummary),
  rollbackCommand: () => (/* binding */ rollbackCommand),
  statusCommand: () => (/* binding */ statusCommand)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/config/index.ts + 1 modules
var core_config = __webpack_require__(27244);
// EXTERNAL MODULE: ./src/core/deploy/deploy.ts
var deploy = __webpack_require__(54284);
// EXTERNAL MODULE: ./src/core/deploy/release-store.ts
var release_store = __webpack_require__(48510);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/deploy/lease.ts
var deploy_lease = __webpack_require__(70261);
// EXTERNAL MODULE: ./src/core/deploy/restore.ts
var restore = __webpack_require__(31301);
;// CONCATENATED MODULE: ./src/core/deploy/rollback.ts




/** States of a release that once ran: it was deployed, and later replaced or rolled back. */
const REACHED_DEPLOYED = new Set(['deployed', 'superseded', 'rolled-back']);
async function rollback(client, request) {
    const started = Date.now();
    const { environment, namespace } = request;
    const log = request.log ?? (() => undefined);
    if (!request.reason.trim())
        throw new errors/* UserError */.yo('a rollback needs a reason: it is recorded in the release');
    const store = new release_store/* ReleaseStore */.T(client, environment, namespace);
    const lease = await (0,deploy_lease/* acquireLease */.Z)(client, environment, namespace, {
        holder: request.holder,
        waitMs: request.settings.lockTimeoutMs,
        onWait: (holder) => log(`lock: waiting for ${holder}`)
    });
    try {
        const releases = await store.list();
        const live = (0,release_store/* liveRelease */._)(releases);
        if (!live) {
            throw new errors/* UserError */.yo(`no release of ${environment} is live in the cluster (slipway history --env ${environment}): nothing to roll back from`);
        }
        const target = chooseTarget(releases, live, request.to, request.force ?? false);
        log(`rollback: from release ${live.number} (${live.digest ?? 'no digest'}) to release ${target.number} (${target.digest ?? 'no digest'})`);
        try {
            await (0,restore/* applyRecorded */.Hq)(client, target, request, (0,restore/* versionsOfReleases */.nq)(releases), lease);
        }
        catch (error) {
            // The target did not come up: put the release that was live back, as a failed deploy does.
            log(`rollback: release ${target.number} did not come up (${(0,errors/* errorMessage */.gJ)(error)}); restoring release ${live.number}`);
            const back = await (0,restore/* applyRecorded */.Hq)(client, live, request, (0,restore/* versionsOfReleases */.nq)(releases), lease).then(() => `release ${live.number} is live again`, (again) => `restoring release ${live.number} failed too: ${(0,errors/* errorMessage */.gJ)(again)}`);
            throw new errors/* UserError */.yo(`rollback of ${environment} to release ${target.number} failed: ${(0,errors/* errorMessage */.gJ)(error)}; ${back}`);
        }
        const lost = lease.lost();
        if (lost)
            throw lost;
        const now = new Date().toISOString();
        const who = request.actor ? ` by ${request.actor}` : '';
        await store.save({
            ...live,
            state: 'rolled-back',
            message: `rolled back to release ${target.number}${who}: ${request.reason}`
        });
        const restored = {
            ...target,
            state: 'deployed',
            finishedAt: now,
            actor: request.actor ?? target.actor,
            reason: `rollback from release ${live.number}: ${request.reason}`,
            runUrl: request.runUrl ?? target.runUrl,
            message: undefined
        };
        await store.save(restored);
        const durationMs = Date.now() - started;
        return {
            from: live,
            to: restored,
            durationMs,
            message: `${environment} rolled back from release ${live.number} to release ${target.number} in ${Math.round(durationMs / 1000)} s`
        };
    }
    finally {
        await lease.release();
    }
}
function chooseTarget(releases, live, to, force) {
    if (to === undefined || to === '') {
        const earlier = releases.find((r) => r.number < live.number && REACHED_DEPLOYED.has(r.state));
        if (!earlier) {
            throw new errors/* UserError */.yo(`no release of ${live.environment} before the live one (release ${live.number}) ever reached deployed: nothing to roll back to`);
        }
        return earlier;
    }
    const target = /^\d+$/.test(to)
        ? releases.find((r) => r.number === Number(to))
        : releases.find((r) => r.digest !== undefined &&
            (to === r.digest || to.endsWith(`@${r.digest}`) || to === r.image));
    if (!target) {
        throw new errors/* UserError */.yo(`release ${to} of ${live.environment} is not in the cluster's records (slipway history --env ${live.environment} lists them)`);
    }
    if (target.number === live.number) {
        throw new errors/* UserError */.yo(`release ${target.number} is the live release of ${live.environment} already`);
    }
    if (!REACHED_DEPLOYED.has(target.state) && !force) {
        throw new errors/* UserError */.yo(`release ${target.number} of ${live.environment} never reached deployed (it is ${target.state}): name another, or force the rollback`);
    }
    return target;
}

// EXTERNAL MODULE: ./src/core/deploy/settings.ts
var deploy_settings = __webpack_require__(85962);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(98571);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 109 modules
var dist = __webpack_require__(99838);
// EXTERNAL MODULE: ./src/core/image/retry.ts
var retry = __webpack_require__(1495);
// EXTERNAL MODULE: ./src/core/manifests/manifest.ts
var manifest = __webpack_require__(27073);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(85033);
// EXTERNAL MODULE: ./src/core/kube/cluster.ts
var kube_cluster = __webpack_require__(30247);
;// CONCATENATED MODULE: ./src/core/kube/client.ts





class KubeClient {
    cluster;
    retry;
    api;
    constructor(cluster, retry = {}) {
        this.cluster = cluster;
        this.retry = retry;
        this.api = dist/* KubernetesObjectApi */.e1Y.makeApiClient(cluster.config);
    }
    async apply(object, options = {}) {
        const id = (0,manifest/* idOf */.TH)(object);
        return this.call(`applying ${(0,manifest/* describeId */.p4)(id)}`, async () => {
            try {
                return (await this.api.patch(object, undefined, options.dryRun ? 'All' : undefined, options.fieldManager ?? kube_cluster/* FIELD_MANAGER */.vy, options.force ?? false, dist/* PatchStrategy */.Qve.ServerSideApply));
            }
            catch (error) {
                if (error instanceof dist/* ApiException */.UJ4 && error.code === 409) {
                    throw new errors/* UserError */.yo(conflictMessage((0,manifest/* describeId */.p4)(id), error.body));
                }
                throw error;
            }
        });
    }
    /** The object, or undefined when it does not exist. */
    async get(apiVersion, kind, name, namespace) {
        const what = (0,manifest/* describeId */.p4)({ apiVersion, kind, name, namespace });
        return this.call(`reading ${what}`, async () => {
            try {
                return (await this.api.read({
                    apiVersion,
                    kind,
                    metadata: { name, namespace }
                }));
            }
            catch (error) {
                if (error instanceof dist/* ApiException */.UJ4 && error.code === 404)
                    return undefined;
                throw error;
            }
        });
    }
    async list(apiVersion, kind, namespace, labelSelector) {
        return this.call(`listing ${kind} in ${namespace ?? 'the cluster'}`, async () => {
            const items = [];
            let continueToken;
            do {
                const page = await this.api.list(apiVersion, kind, namespace, undefined, undefined, undefined, undefined, labelSelector, 500, continueToken);
                for (const item of page.items) {
                    // The list's items carry no apiVersion and kind; callers compare identities.
                    items.push({ apiVersion, kind, ...item });
                }
                continueToken = page.metadata?._continue || undefined;
            } while (continueToken);
            return items;
        });
    }
    /** Deletes the object; true when it was there. Dependents go in the background, as kubectl does. */
    async delete(object, options = {}) {
        const id = (0,manifest/* idOf */.TH)(object);
        return this.call(`deleting ${(0,manifest/* describeId */.p4)(id)}`, async () => {
            try {
                await this.api.delete({
                    apiVersion: id.apiVersion,
                    kind: id.kind,
                    metadata: { name: id.name, namespace: id.namespace }
                }, undefined, options.dryRun ? 'All' : undefined, undefined, undefined, 'Background');
                return true;
            }
            catch (error) {
                if (error instanceof dist/* ApiException */.UJ4 && error.code === 404)
                    return false;
                throw error;
            }
        });
    }
    /** Creates the object; undefined when one of that name exists already. */
    async create(object) {
        return this.call(`creating ${(0,manifest/* describeId */.p4)((0,manifest/* idOf */.TH)(object))}`, async () => {
            try {
                return (await this.api.create(object));
            }
            catch (error) {
                if (error instanceof dist/* ApiException */.UJ4 && error.code === 409)
                    return undefined;
                throw error;
            }
        });
    }
    /** Replaces the object; undefined when its resourceVersion is no longer the current one. */
    async replace(object) {
        return this.call(`updating ${(0,manifest/* describeId */.p4)((0,manifest/* idOf */.TH)(object))}`, async () => {
            try {
                return (await this.api.replace(object));
            }
            catch (error) {
                if (error instanceof dist/* ApiException */.UJ4 && error.code === 409)
                    return undefined;
                throw error;
            }
        });
    }
    async call(doing, operation) {
        try {
            return await (0,retry/* withRetry */.bD)(async () => {
                try {
                    return await operation();
                }
                catch (error) {
                    throw markRetryable(error);
                }
            }, this.retry);
        }
        catch (error) {
            if (error instanceof errors/* UserError */.yo)
                throw error;
            throw (0,kube_cluster/* clusterError */.Fs)(error, this.cluster, doing);
        }
    }
}
/** Marks an API error retryable or not, with the delay the server asked for, for withRetry. */
function markRetryable(error) {
    if (!(error instanceof dist/* ApiException */.UJ4))
        return error;
    const retryable = error.code === 429 || (error.code >= 500 && error.code !== 501);
    const headers = error.headers;
    const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(headers?.['retry-after']);
    return Object.assign(error, { retryable, retryAfterMs });
}
/**
 * A server-side apply conflict as one line: the object, and each field with the manager that
 * owns it (`conflict with "kubectl-edit" using apps/v1: .spec.replicas`).
 */
function conflictMessage(what, body) {
    let status = body;
    if (typeof body === 'string') {
        try {
            status = JSON.parse(body);
        }
        catch {
            status = undefined;
        }
    }
    const causes = (0,records/* isRecord */.u)(status) && (0,records/* isRecord */.u)(status.details) && Array.isArray(status.details.causes)
        ? status.details.causes.filter(records/* isRecord */.u)
        : [];
    const fields = causes
        .map((c) => `${String(c.field ?? '?')} (${String(c.message ?? 'conflict')})`)
        .slice(0, 5);
    const more = causes.length > 5 ? ` and ${causes.length - 5} more` : '';
    return (`${what}: fields owned by another field manager: ${fields.join(', ') || 'unknown fields'}${more}; ` +
        'set force-conflicts: true to take them over, or remove them from that manager');
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./src/cli/render.ts + 7 modules
var render = __webpack_require__(2764);
;// CONCATENATED MODULE: ./src/cli/deploy.ts















const DEPLOY_HELP = `Usage: slipway deploy --env NAME --image REF@DIGEST [--config FILE] [--kubeconfig FILE]
                      [--context NAME] [--timeout DURATION] [--reason TEXT] [--dry-run]
                      [--scan-verdict TEXT] [--format text|json]

Renders the environment (as slipway render does), then deploys it: takes the environment's
lock (a Lease), records a new numbered release in the namespace, runs pre-rollout Jobs, applies
every object with server-side apply as the environment's ApplySet (pruning what the previous
release had and this one has not), and waits for every workload to roll out. When anything
fails after the first change, the previous release is restored from its record and waited for.

Options:
  --env NAME           the environment (required)
  --image REF@DIGEST   the released image (required unless --dry-run)
  --config FILE        the config file (default: slipway.yaml)
  --kubeconfig FILE    the kubeconfig (default: $KUBECONFIG, else ~/.kube/config)
  --context NAME       its context (default: the environment's context, else the current one)
  --timeout DURATION   how long workloads have to roll out (default: deploy.timeout, 10m)
  --reason TEXT        why, recorded in the release
  --scan-verdict TEXT  the image's scan verdict (pass, fail), recorded for promotion gates
  --dry-run            apply with the server's dry run: shows what would change, changes nothing
  --format text|json   the outcome as lines or as JSON (default: text)

Exit codes: 0 deployed (or dry run done), 1 failed (the previous release is restored when
there is one), 2 usage error.
`;
const HISTORY_HELP = `Usage: slipway history --env NAME [--config FILE] [--kubeconfig FILE] [--context NAME]
                       [--format text|json]

Lists the releases of an environment as the cluster records them, newest first: number,
state, digest, when, who and why.

Exit codes: 0 listed, 1 the cluster could not be read, 2 usage error.
`;
const STATUS_HELP = `Usage: slipway status --env NAME [--config FILE] [--kubeconfig FILE] [--context NAME]
                      [--format text|json]

Says which release is live in an environment, from the cluster's release records.

Exit codes: 0 a release is live, 1 none is (or the cluster could not be read), 2 usage error.
`;
const ROLLBACK_HELP = `Usage: slipway rollback --env NAME --reason TEXT [--to RELEASE|DIGEST] [--force]
                        [--config FILE] [--kubeconfig FILE] [--context NAME] [--format text|json]

Puts an environment back on an earlier release, exactly as the cluster recorded it (not a
re-render of the repository as it is today), without canary steps or analysis, and waits for
it. The release it replaces is marked rolled-back; the target is deployed again, with who and
why. Needs only the cluster: no GitHub, no registry.

Options:
  --env NAME           the environment (required)
  --reason TEXT        why (required): recorded in both releases
  --to RELEASE|DIGEST  a release number, or a digest (sha256:...) or image by digest; default:
                       the newest release before the live one that reached deployed
  --force              allow a target that never reached deployed
  --format text|json   the outcome as a line or as JSON (default: text)

Exit codes: 0 rolled back, 1 failed (the release that was live is restored), 2 usage error.
`;
const CLUSTER_OPTIONS = {
    env: { type: 'string' },
    config: { type: 'string' },
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    format: { type: 'string' }
};
async function deployCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, {
        ...CLUSTER_OPTIONS,
        image: { type: 'string' },
        timeout: { type: 'string' },
        reason: { type: 'string' },
        'dry-run': { type: 'boolean' },
        commit: { type: 'string' },
        'scan-verdict': { type: 'string' }
    });
    const format = (0,cli_io/* formatOption */.Bx)(values.format, ['text', 'json']);
    if (!values.env)
        throw new cli_io/* UsageError */.eb('--env is required');
    if (!values.image && !values['dry-run'])
        throw new cli_io/* UsageError */.eb('--image is required');
    const config = await (0,core_config/* loadConfig */.Z9)((0,render.configFileOf)(values, io));
    const strategy = environmentOf(config, values.env).strategy;
    if (strategy !== 'rolling') {
        throw new errors/* UserError */.yo(`environment ${values.env} uses the ${strategy} strategy, which slipway deploy does not carry out in this release; ` +
            'set strategy: rolling for it (docs/deploy.md)');
    }
    const settings = (0,deploy_settings/* deploySettings */.$)(config, values.env);
    if (values.timeout !== undefined) {
        const ms = (0,duration/* parseDuration */.E)(values.timeout);
        if (ms === undefined)
            throw new cli_io/* UsageError */.eb(`--timeout must be a duration such as 5m, got "${values.timeout}"`);
        settings.timeoutMs = ms;
    }
    const result = await (0,render.render)({ ...values, format: undefined }, io);
    if (!(0,render.reportFindings)(result.findings, io))
        return 1;
    const client = clientOf(values, io, config);
    const outcome = await (0,deploy/* deploy */.gg)(client, {
        environment: result.environment,
        namespace: result.namespace,
        objects: result.objects.map((o) => o.object),
        renderHash: result.hash,
        image: result.release.image,
        commit: result.release.commit,
        actor: process.env.GITHUB_ACTOR ?? `${external_node_os_default().userInfo().username}@${external_node_os_default().hostname()}`,
        reason: values.reason,
        scanVerdict: values['scan-verdict'],
        strategy: 'rolling',
        holder: holderName(),
        settings,
        dryRun: values['dry-run'],
        log: format === 'text' ? (line) => io.err(`${line}\n`) : undefined
    });
    io.out(format === 'json'
        ? JSON.stringify(outcomeJson(outcome), null, 2) + '\n'
        : `${outcome.message}\n`);
    return outcome.result === 'failed' ? 1 : 0;
}
async function rollbackCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, {
        ...CLUSTER_OPTIONS,
        to: { type: 'string' },
        reason: { type: 'string' },
        force: { type: 'boolean' }
    });
    const format = (0,cli_io/* formatOption */.Bx)(values.format, ['text', 'json']);
    if (!values.env)
        throw new cli_io/* UsageError */.eb('--env is required');
    if (!values.reason?.trim())
        throw new cli_io/* UsageError */.eb('--reason is required: it is recorded in the release');
    const config = await (0,core_config/* loadConfig */.Z9)((0,render.configFileOf)(values, io));
    const environment = environmentOf(config, values.env);
    const outcome = await rollback(clientOf(values, io, config), {
        environment: values.env,
        namespace: environment.namespace,
        to: values.to,
        reason: values.reason,
        actor: process.env.GITHUB_ACTOR ?? `${external_node_os_default().userInfo().username}@${external_node_os_default().hostname()}`,
        holder: holderName(),
        settings: (0,deploy_settings/* deploySettings */.$)(config, values.env),
        force: values.force,
        log: format === 'text' ? (line) => io.err(`${line}\n`) : undefined
    });
    io.out(format === 'json'
        ? JSON.stringify({
            from: releaseSummary(outcome.from),
            to: releaseSummary(outcome.to),
            durationMs: outcome.durationMs,
            message: outcome.message
        }, null, 2) + '\n'
        : `${outcome.message}\n`);
    return 0;
}
async function historyCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, CLUSTER_OPTIONS);
    const format = (0,cli_io/* formatOption */.Bx)(values.format, ['text', 'json']);
    const releases = await releasesOf(values, io);
    if (format === 'json') {
        io.out(JSON.stringify(releases.map(releaseSummary), null, 2) + '\n');
        return 0;
    }
    if (releases.length === 0) {
        io.out(`no releases of ${values.env} recorded in the cluster\n`);
        return 0;
    }
    const rows = releases.map((r) => [
        String(r.number),
        r.state,
        r.digest ? r.digest.slice(0, 19) : '-',
        r.finishedAt ?? r.startedAt,
        r.actor ?? '-',
        oneLine(r.reason ?? r.message ?? '')
    ]);
    io.out(table(['RELEASE', 'STATE', 'DIGEST', 'WHEN', 'WHO', 'WHY'], rows));
    return 0;
}
async function statusCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, CLUSTER_OPTIONS);
    const format = (0,cli_io/* formatOption */.Bx)(values.format, ['text', 'json']);
    const releases = await releasesOf(values, io);
    const live = (0,release_store/* liveRelease */._)(releases);
    if (format === 'json') {
        io.out(JSON.stringify({ environment: values.env, live: live ? releaseSummary(live) : null }, null, 2) + '\n');
    }
    else if (live) {
        io.out(`${values.env}: release ${live.number} is live${live.image ? `, ${live.image}` : ''}` +
            `${live.commit ? ` (commit ${live.commit.slice(0, 12)})` : ''}, deployed ${live.finishedAt ?? live.startedAt}\n`);
    }
    else {
        io.out(`${values.env}: no release is live\n`);
    }
    return live ? 0 : 1;
}
async function releasesOf(values, io) {
    if (!values.env)
        throw new cli_io/* UsageError */.eb('--env is required');
    const config = await (0,core_config/* loadConfig */.Z9)((0,render.configFileOf)(values, io));
    const environment = environmentOf(config, values.env);
    return new release_store/* ReleaseStore */.T(clientOf(values, io, config), values.env, environment.namespace).list();
}
function environmentOf(config, name) {
    if (!Object.hasOwn(config.environments, name)) {
        throw new errors/* UserError */.yo(`environment "${name}" is not defined in slipway.yaml`);
    }
    return config.environments[name];
}
/** The cluster of the environment `values.env`: --kubeconfig, and --context or its context. */
function clientOf(values, io, config) {
    const env = config.environments[String(values.env)];
    const kubeconfig = values.kubeconfig;
    const cluster = (0,kube_cluster/* loadCluster */.vj)({
        kubeconfig: kubeconfig && external_node_path_default().resolve(io.cwd, kubeconfig),
        context: values.context ?? env?.context
    });
    return new KubeClient(cluster);
}
/**
 * Who holds the environment's lock: the CI run when there is one, else user@host; with a token
 * of this deploy, since two jobs of one run (or two deploys of one process) are two holders.
 */
function holderName(env = process.env) {
    const token = (0,external_node_crypto_.randomBytes)(4).toString('hex');
    if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY) {
        const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
        const job = env.GITHUB_JOB ? `, job ${env.GITHUB_JOB}` : '';
        return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID} (${token}${job})`;
    }
    return `${external_node_os_default().userInfo().username}@${external_node_os_default().hostname()} (pid ${process.pid}, ${token})`;
}
function releaseSummary(r) {
    return {
        number: r.number,
        state: r.state,
        image: r.image ?? null,
        digest: r.digest ?? null,
        commit: r.commit ?? null,
        strategy: r.strategy,
        actor: r.actor ?? null,
        reason: r.reason ?? null,
        message: r.message ?? null,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt ?? null,
        renderHash: r.renderHash,
        objects: r.objects.length
    };
}
function outcomeJson(outcome) {
    return {
        result: outcome.result,
        message: outcome.message,
        release: releaseSummary(outcome.release),
        previous: outcome.previous ? releaseSummary(outcome.previous) : null,
        restored: outcome.restored ? releaseSummary(outcome.restored) : null,
        applied: outcome.applied.map(manifest/* describeId */.p4),
        pruned: outcome.pruned.map(manifest/* describeId */.p4),
        timeline: outcome.timeline
    };
}
function oneLine(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd() + '\n';
    return [header, ...rows].map(line).join('');
}


/***/ }),

/***/ 11414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vm: () => (/* binding */ applyAsSet)
/* harmony export */ });
/* unused harmony exports TOOLING, listMembers, inParallel */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57529);
/* harmony import */ var _manifests_install_order_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48620);
/* harmony import */ var _manifests_manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27073);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83323);





// Applies one release's objects as the environment's ApplySet and prunes what the set had and
// the release no longer has: the parent first records the union of old and new kinds (so a
// run that dies half-way still finds every member next time), then the objects go in install
// order (one stage at a time, the objects of a stage in parallel), then the leftovers are
// deleted, then the parent records exactly the new kinds. This is kubectl's order too.
const TOOLING = `slipway/v${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x}`;
async function applyAsSet(client, parent, objects, options = {}) {
    const id = (0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .applySetId */ .A3)(parent);
    const live = await client.get('v1', 'Secret', parent.name, parent.namespace);
    if (live) {
        const tool = (0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .toolingName */ .yH)(live);
        if (tool !== 'slipway') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the ApplySet parent Secret ${parent.namespace}/${parent.name} is managed by ${tool ?? 'no tool'}, not slipway: ` +
                'rename the environment or remove that Secret');
        }
    }
    const members = objects.map((o) => withLabel(o, _kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .APPLYSET_PART_OF_LABEL */ .Y$, id));
    const ids = [...members.map((o) => (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .idOf */ .TH)(o)), ...(options.keep ?? [])];
    const previous = (0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .scopeOf */ .Od)(live, parent.namespace);
    const next = (0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .scopeOfMembers */ .Px)(ids, parent.namespace);
    const dryRun = options.dryRun ?? false;
    await client.apply((0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .parentObject */ .cM)(parent, (0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .unionScope */ .mo)(previous, next), TOOLING), {
        force: true,
        dryRun
    });
    const applied = [];
    for (const stage of stages(members)) {
        await inParallel(stage, options.concurrency ?? 8, async (object) => {
            await client.apply(object, { force: options.force, dryRun });
            const objectId = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .idOf */ .TH)(object);
            applied.push(objectId);
            options.onApplied?.(objectId);
        });
    }
    const { pruned, unlisted } = await prune(client, id, ids, (0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .unionScope */ .mo)(previous, next), {
        dryRun,
        versions: versionsOf(ids, options.knownVersions)
    });
    await client.apply((0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .parentObject */ .cM)(parent, next, TOOLING), { force: true, dryRun });
    return { applied, pruned, unlisted };
}
/** The members of a set, as the cluster has them: every object of its kinds with its label. */
async function listMembers(client, id, scope, versions) {
    const members = [];
    const unlisted = [];
    for (const gk of scope.groupKinds) {
        const apiVersion = versions.get(gk);
        if (!apiVersion) {
            unlisted.push(gk);
            continue;
        }
        const kind = gk.split('.')[0];
        for (const namespace of scope.namespaces) {
            members.push(...(await client.list(apiVersion, kind, namespace, `${_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .APPLYSET_PART_OF_LABEL */ .Y$}=${id}`)));
        }
    }
    return { members, unlisted };
}
async function prune(client, id, keep, scope, options) {
    const kept = new Set(keep.map(_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .identityKey */ .US));
    const { members, unlisted } = await listMembers(client, id, scope, options.versions);
    const leftovers = members
        .filter((m) => !kept.has((0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .identityKey */ .US)((0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .idOf */ .TH)(m))))
        // Reverse install order: workloads go before the config and accounts they use.
        .sort((a, b) => (0,_manifests_install_order_js__WEBPACK_IMPORTED_MODULE_2__/* .installRank */ .a)(String(b.kind)) - (0,_manifests_install_order_js__WEBPACK_IMPORTED_MODULE_2__/* .installRank */ .a)(String(a.kind)));
    const pruned = [];
    for (const object of leftovers) {
        if (await client.delete(object, { dryRun: options.dryRun }))
            pruned.push((0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .idOf */ .TH)(object));
    }
    return { pruned, unlisted };
}
function versionsOf(ids, known) {
    const versions = new Map(known);
    for (const id of ids)
        versions.set((0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_1__/* .groupKind */ .KH)(id), id.apiVersion);
    return versions;
}
function withLabel(object, key, value) {
    const metadata = (object.metadata ?? {});
    const labels = (metadata.labels ?? {});
    return { ...object, metadata: { ...metadata, labels: { ...labels, [key]: value } } };
}
/** Objects grouped by install rank, in order. */
function stages(objects) {
    const byRank = new Map();
    for (const object of objects) {
        const rank = (0,_manifests_install_order_js__WEBPACK_IMPORTED_MODULE_2__/* .installRank */ .a)(String(object.kind));
        byRank.set(rank, [...(byRank.get(rank) ?? []), object]);
    }
    return [...byRank.keys()].sort((a, b) => a - b).map((rank) => byRank.get(rank) ?? []);
}
/** Runs `work` over `items`, at most `limit` at a time; the first error stops the rest. */
async function inParallel(items, limit, work) {
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const item = items[next++];
            try {
                await work(item);
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
    const rejected = results.find((r) => r.status === 'rejected');
    if (rejected)
        throw rejected.reason;
}


/***/ }),

/***/ 54284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gg: () => (/* binding */ deploy),
/* harmony export */   p1: () => (/* binding */ lockEnvironment)
/* harmony export */ });
/* unused harmony export DEFAULT_DEPLOY_SETTINGS */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _kube_applyset_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57529);
/* harmony import */ var _manifests_manifest_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(27073);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(83323);
/* harmony import */ var _apply_set_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11414);
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70261);
/* harmony import */ var _release_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37434);
/* harmony import */ var _restore_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31301);
/* harmony import */ var _release_store_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(48510);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(56364);
/* harmony import */ var _workload_status_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(80509);












const DEFAULT_DEPLOY_SETTINGS = {
    timeoutMs: 10 * 60_000,
    historyLimit: 10,
    lockTimeoutMs: 10 * 60_000,
    forceConflicts: false,
    concurrency: 8,
    onUnfinished: 'roll-forward'
};
async function deploy(client, request) {
    const timeline = [];
    const note = (step, detail) => {
        timeline.push({ at: new Date().toISOString(), step, detail });
        request.log?.(`${step}: ${detail}`);
    };
    if (request.dryRun)
        return deployLocked(client, request, undefined, note, timeline);
    if (request.lease)
        return deployLocked(client, request, request.lease, note, timeline);
    const lease = await lockEnvironment(client, request, note);
    try {
        return await deployLocked(client, request, lease, note, timeline);
    }
    finally {
        await lease.release();
    }
}
/** Creates the environment's namespace when missing, then takes its lock, waiting for it. */
async function lockEnvironment(client, request, note) {
    await ensureNamespace(client, request.namespace, note);
    return (0,_lease_js__WEBPACK_IMPORTED_MODULE_4__/* .acquireLease */ .Z)(client, request.environment, request.namespace, {
        holder: request.holder,
        waitMs: request.settings.lockTimeoutMs,
        onWait: (holder) => note('lock', `waiting for ${holder}`)
    });
}
async function deployLocked(client, request, lease, note, timeline) {
    const { environment, namespace, settings } = request;
    const store = new _release_store_js__WEBPACK_IMPORTED_MODULE_7__/* .ReleaseStore */ .T(client, environment, namespace);
    const parent = (0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentApplySet */ .iL)(environment, namespace);
    const releases = request.dryRun ? await store.list().catch(() => []) : await store.list();
    const previous = (0,_release_store_js__WEBPACK_IMPORTED_MODULE_7__/* .liveRelease */ ._)(releases);
    const release = {
        environment,
        number: (releases[0]?.number ?? 0) + 1,
        state: 'deploying',
        image: request.image,
        digest: request.image?.split('@')[1],
        commit: request.commit,
        renderHash: request.renderHash,
        objects: request.objects.map(_release_record_js__WEBPACK_IMPORTED_MODULE_5__/* .recordedObject */ .Y_),
        strategy: request.strategy ?? 'rolling',
        actor: request.actor,
        reason: request.reason,
        runUrl: request.runUrl,
        scanVerdict: request.scanVerdict,
        startedAt: new Date().toISOString(),
        slipwayVersion: _version_js__WEBPACK_IMPORTED_MODULE_9__/* .VERSION */ .x
    };
    const knownVersions = (0,_restore_js__WEBPACK_IMPORTED_MODULE_6__/* .versionsOfReleases */ .nq)(releases);
    if (request.dryRun) {
        const result = await (0,_apply_set_js__WEBPACK_IMPORTED_MODULE_3__/* .applyAsSet */ .Vm)(client, parent, request.objects, {
            dryRun: true,
            force: settings.forceConflicts,
            concurrency: settings.concurrency,
            knownVersions
        });
        return {
            result: 'dry-run',
            release,
            previous,
            applied: result.applied,
            pruned: result.pruned,
            timeline,
            message: `dry run: ${result.applied.length} objects would be applied, ${result.pruned.length} pruned; nothing was changed`
        };
    }
    for (const unfinished of releases.filter((r) => r.state === 'deploying')) {
        const detail = `release ${unfinished.number} was left deploying by a run that stopped (${unfinished.runUrl ?? unfinished.actor ?? 'unknown'})`;
        if (settings.onUnfinished === 'fail') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${detail}; deploy.on-unfinished is fail: look at the environment, then deploy again with roll-forward`);
        }
        await store.save({
            ...unfinished,
            state: 'failed',
            finishedAt: new Date().toISOString(),
            message: `interrupted; superseded by release ${release.number}`
        });
        note('unfinished', `${detail}; marked failed, rolling forward`);
    }
    await store.save(release);
    note('release', `release ${release.number} of ${environment}${release.digest ? ` (${release.digest})` : ''}, replacing ${previous ? `release ${previous.number}` : 'nothing'}`);
    const hooks = request.objects.filter(_restore_js__WEBPACK_IMPORTED_MODULE_6__/* .isPreRolloutHook */ .wf);
    let applied = { applied: [], pruned: [], unlisted: [] };
    // Until the objects are applied, nothing but the hooks changed: there is nothing to restore.
    let changed = false;
    try {
        if (hooks.length > 0)
            await runHooks(client, hooks, settings, lease, note);
        changed = true;
        applied = await (0,_apply_set_js__WEBPACK_IMPORTED_MODULE_3__/* .applyAsSet */ .Vm)(client, parent, request.objects, {
            force: settings.forceConflicts,
            concurrency: settings.concurrency,
            knownVersions
        });
        note('apply', `${applied.applied.length} objects applied, ${applied.pruned.length} pruned${applied.pruned.length > 0 ? ` (${applied.pruned.map(_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_10__/* .describeId */ .p4).join(', ')})` : ''}`);
        const workloads = request.objects.filter((o) => (0,_workload_status_js__WEBPACK_IMPORTED_MODULE_11__/* .isWorkload */ .gv)(o) && !(0,_restore_js__WEBPACK_IMPORTED_MODULE_6__/* .isPreRolloutHook */ .wf)(o)).map(_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_10__/* .idOf */ .TH);
        const waited = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_8__/* .waitForWorkloads */ .T)(client, workloads, {
            timeoutMs: settings.timeoutMs,
            abort: () => lease?.lost()
        });
        if (!waited.ok)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo((0,_wait_js__WEBPACK_IMPORTED_MODULE_8__/* .describeFailure */ .I)(waited, (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(settings.timeoutMs)));
        note('rollout', `${workloads.length} workloads rolled out`);
    }
    catch (error) {
        const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
        note('failed', message);
        release.state = 'failed';
        release.finishedAt = new Date().toISOString();
        release.message = message;
        await store.save(release);
        if (!changed) {
            return {
                result: 'failed',
                release,
                previous,
                applied: [],
                pruned: [],
                timeline,
                message: `deploy of release ${release.number} to ${environment} failed: ${message}`
            };
        }
        const restored = previous
            ? await restore(client, previous, request, knownVersions, lease, note)
            : undefined;
        const live = restored
            ? `release ${restored.number} is live again`
            : previous
                ? `restoring release ${previous.number} failed too`
                : 'there was no earlier release to restore';
        return {
            result: 'failed',
            release,
            previous,
            restored,
            applied: applied.applied,
            pruned: applied.pruned,
            timeline,
            message: `deploy of release ${release.number} to ${environment} failed: ${message}; ${live}`
        };
    }
    const lost = lease?.lost();
    if (lost)
        throw lost;
    release.state = 'deployed';
    release.finishedAt = new Date().toISOString();
    await store.save(release);
    if (previous)
        await store.save({ ...previous, state: 'superseded' });
    const trimmed = await store.trim(settings.historyLimit);
    if (trimmed > 0)
        note('history', `${trimmed} old release records removed (history-limit ${settings.historyLimit})`);
    return {
        result: 'deployed',
        release,
        previous,
        applied: applied.applied,
        pruned: applied.pruned,
        timeline,
        message: `release ${release.number} is live in ${environment}`
    };
}
/** Restores the live release after a failed deploy; undefined when it did not come back. */
async function restore(client, target, request, knownVersions, lease, note) {
    note('restore', `restoring release ${target.number}${target.digest ? ` (${target.digest})` : ''}`);
    try {
        await (0,_restore_js__WEBPACK_IMPORTED_MODULE_6__/* .applyRecorded */ .Hq)(client, target, request, knownVersions, lease);
        note('restore', `release ${target.number} is live again`);
        return target;
    }
    catch (error) {
        note('restore', `release ${target.number} did not come back: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        return undefined;
    }
}
/**
 * Pre-rollout Jobs run before anything else changes: an earlier run of the same Job is deleted
 * first (a Job's template cannot change), then each is applied and waited for.
 */
async function runHooks(client, hooks, settings, lease, note) {
    for (const hook of hooks) {
        const id = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_10__/* .idOf */ .TH)(hook);
        if (await client.delete(hook)) {
            const gone = Date.now() + 60_000;
            while ((await client.get(id.apiVersion, id.kind, id.name, id.namespace)) &&
                Date.now() < gone) {
                await new Promise((resolve) => setTimeout(resolve, 500));
            }
        }
        await client.apply(hook, { force: true });
        note('hook', `${(0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_10__/* .describeId */ .p4)(id)} started`);
    }
    const waited = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_8__/* .waitForWorkloads */ .T)(client, hooks.map(_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_10__/* .idOf */ .TH), {
        timeoutMs: settings.timeoutMs,
        abort: () => lease?.lost()
    });
    if (!waited.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`pre-rollout hook ${(0,_wait_js__WEBPACK_IMPORTED_MODULE_8__/* .describeFailure */ .I)(waited, (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(settings.timeoutMs))}; no workload was changed`);
    note('hook', `${hooks.length} pre-rollout job${hooks.length === 1 ? '' : 's'} succeeded`);
}
async function ensureNamespace(client, namespace, note) {
    if (await client.get('v1', 'Namespace', namespace))
        return;
    await client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    note('namespace', `created namespace ${namespace}`);
}


/***/ }),

/***/ 70261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ acquireLease)
/* harmony export */ });
/* unused harmony export leaseName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _manifests_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85033);


function leaseName(environment) {
    return `slipway-${environment}`;
}
async function acquireLease(client, environment, namespace, options) {
    const name = leaseName(environment);
    const duration = options.durationSeconds ?? 30;
    const deadline = Date.now() + (options.waitMs ?? 10 * 60_000);
    const poll = options.pollMs ?? 1000;
    let told = false;
    for (;;) {
        const current = await client.get('coordination.k8s.io/v1', 'Lease', name, namespace);
        const now = new Date();
        if (!current) {
            const created = await client.create(leaseObject(name, namespace, options.holder, duration, now));
            if (created)
                return keep(client, created, options.holder, duration);
        }
        else {
            const spec = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(current.spec) ? current.spec : {};
            const holder = typeof spec.holderIdentity === 'string' ? spec.holderIdentity : '';
            if (!holder || holder === options.holder || expired(spec, now)) {
                const taken = await client.replace({
                    ...current,
                    spec: {
                        ...spec,
                        holderIdentity: options.holder,
                        leaseDurationSeconds: duration,
                        acquireTime: microTime(now),
                        renewTime: microTime(now),
                        leaseTransitions: (Number(spec.leaseTransitions) || 0) + (holder ? 1 : 0)
                    }
                });
                if (taken)
                    return keep(client, taken, options.holder, duration);
            }
            else {
                if (!told)
                    options.onWait?.(holder);
                told = true;
                if (Date.now() >= deadline) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`another deploy of ${environment} holds the lock (Lease ${namespace}/${name}): ${holder}; ` +
                        'waited for it as long as lock-timeout allows');
                }
            }
        }
        await new Promise((resolve) => setTimeout(resolve, poll));
    }
}
function keep(client, lease, holder, duration) {
    let current = lease;
    let lostWith;
    let renewing = Promise.resolve();
    const renew = async () => {
        try {
            const spec = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(current.spec) ? current.spec : {};
            const updated = await client.replace({
                ...current,
                spec: { ...spec, renewTime: microTime(new Date()) }
            });
            if (!updated) {
                lostWith = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the deploy lock was taken over by another holder while ${holder} held it`);
                clearInterval(timer);
                return;
            }
            current = updated;
        }
        catch (error) {
            lostWith = error instanceof Error ? error : new Error(String(error));
            clearInterval(timer);
        }
    };
    // A third of the duration: two renewals may fail to reach the server before the lease expires.
    const timer = setInterval(() => {
        renewing = renew();
    }, (duration * 1000) / 3);
    timer.unref();
    return {
        lost: () => lostWith,
        async release() {
            clearInterval(timer);
            await renewing;
            if (lostWith)
                return;
            const spec = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(current.spec) ? current.spec : {};
            // Best effort: a lease that cannot be given up expires by itself.
            await client
                .replace({ ...current, spec: { ...spec, holderIdentity: undefined, renewTime: undefined } })
                .catch(() => undefined);
        }
    };
}
function leaseObject(name, namespace, holder, duration, now) {
    return {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name, namespace, labels: { 'slipway.dev/owner': 'slipway' } },
        spec: {
            holderIdentity: holder,
            leaseDurationSeconds: duration,
            acquireTime: microTime(now),
            renewTime: microTime(now),
            leaseTransitions: 0
        }
    };
}
function expired(spec, now) {
    const renewed = Date.parse(String(spec.renewTime ?? spec.acquireTime ?? ''));
    const duration = Number(spec.leaseDurationSeconds);
    if (Number.isNaN(renewed) || !Number.isFinite(duration))
        return true;
    return renewed + duration * 1000 < now.getTime();
}
/** The API's MicroTime: RFC 3339 with microseconds. */
function microTime(date) {
    return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}


/***/ }),

/***/ 37434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Le: () => (/* binding */ LABEL_RELEASE_ENV),
/* harmony export */   N2: () => (/* binding */ LABEL_OWNER),
/* harmony export */   Y_: () => (/* binding */ recordedObject),
/* harmony export */   ev: () => (/* binding */ releaseSecret),
/* harmony export */   r3: () => (/* binding */ isRecordedSecret),
/* harmony export */   wu: () => (/* binding */ releaseFromSecret)
/* harmony export */ });
/* unused harmony exports RELEASE_STATES, RELEASE_SECRET_TYPE, LABEL_RELEASE_NUMBER, LABEL_RELEASE_STATE, releaseSecretName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _manifests_manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85033);




const RELEASE_STATES = [
    'deploying',
    'deployed',
    'failed',
    'rolled-back',
    'superseded'
];
const RELEASE_SECRET_TYPE = 'slipway.dev/release.v1';
const LABEL_OWNER = 'slipway.dev/owner';
const LABEL_RELEASE_ENV = 'slipway.dev/release-of';
const LABEL_RELEASE_NUMBER = 'slipway.dev/release-number';
const LABEL_RELEASE_STATE = 'slipway.dev/release-state';
/** A Secret can hold 1 MiB; the record must fit with room for metadata. */
const MAX_RECORD_BYTES = 1000 * 1024;
/** A stored record is never unpacked past this, whatever its gzip says. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
function releaseSecretName(environment, number) {
    return `slipway.release.v1.${environment}.v${number}`;
}
function releaseSecret(release, namespace) {
    const packed = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.gzipSync)(Buffer.from(JSON.stringify(release)));
    if (packed.length > MAX_RECORD_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`release ${release.number} of ${release.environment} is ${Math.round(packed.length / 1024)} KiB compressed, ` +
            `over the ${MAX_RECORD_BYTES / 1024} KiB a release record (a Secret) can hold: split the environment's manifests`);
    }
    return {
        apiVersion: 'v1',
        kind: 'Secret',
        type: RELEASE_SECRET_TYPE,
        metadata: {
            name: releaseSecretName(release.environment, release.number),
            namespace,
            labels: {
                [LABEL_OWNER]: 'slipway',
                [LABEL_RELEASE_ENV]: release.environment,
                [LABEL_RELEASE_NUMBER]: String(release.number),
                [LABEL_RELEASE_STATE]: release.state
            }
        },
        data: { release: packed.toString('base64') }
    };
}
/** The record in a release Secret; a record that is not one slipway writes is an error. */
function releaseFromSecret(secret) {
    const name = String(secret.metadata?.name ?? '?');
    const data = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(secret.data) ? secret.data.release : undefined;
    const fail = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`the release record ${name} cannot be read (${why}); it was not written by slipway, or was changed`);
    if (typeof data !== 'string')
        throw fail('no data.release');
    let record;
    try {
        const json = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.gunzipSync)(Buffer.from(data, 'base64'), { maxOutputLength: MAX_UNPACKED_BYTES });
        record = JSON.parse(json.toString('utf8'));
    }
    catch {
        throw fail('not gzipped JSON');
    }
    if (!(0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(record) ||
        typeof record.environment !== 'string' ||
        !Number.isSafeInteger(record.number) ||
        !RELEASE_STATES.includes(record.state) ||
        !Array.isArray(record.objects) ||
        typeof record.renderHash !== 'string' ||
        typeof record.startedAt !== 'string') {
        throw fail('fields missing or of the wrong type');
    }
    return record;
}
/**
 * The object as recorded: a Secret's values become `sha256:` hashes (data and stringData), so a
 * release record never holds what the Secret protects.
 */
function recordedObject(object) {
    if (object.kind !== 'Secret' || object.apiVersion !== 'v1')
        return object;
    const hashed = (values) => (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(values)
        ? Object.fromEntries(Object.entries(values).map(([k, v]) => [
            k,
            `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(String(v)).digest('hex')}`
        ]))
        : values;
    const copy = { ...object };
    if (copy.data !== undefined)
        copy.data = hashed(copy.data);
    if (copy.stringData !== undefined)
        copy.stringData = hashed(copy.stringData);
    return copy;
}
/** Whether a recorded object stands for a Secret whose values were not kept. */
function isRecordedSecret(object) {
    return object.kind === 'Secret' && object.apiVersion === 'v1';
}


/***/ }),

/***/ 48510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ ReleaseStore),
/* harmony export */   _: () => (/* binding */ liveRelease)
/* harmony export */ });
/* harmony import */ var _release_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37434);

// The releases of an environment as the cluster keeps them: read, written, and trimmed to the
// history limit, the live release always kept.
class ReleaseStore {
    client;
    environment;
    namespace;
    constructor(client, environment, namespace) {
        this.client = client;
        this.environment = environment;
        this.namespace = namespace;
    }
    /** Every release of the environment, newest first. */
    async list() {
        const secrets = await this.client.list('v1', 'Secret', this.namespace, `${_release_record_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL_OWNER */ .N2}=slipway,${_release_record_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL_RELEASE_ENV */ .Le}=${this.environment}`);
        return secrets.map(_release_record_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseFromSecret */ .wu).sort((a, b) => b.number - a.number);
    }
    async save(release) {
        await this.client.apply((0,_release_record_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseSecret */ .ev)(release, this.namespace), { force: true });
    }
    /** Deletes the oldest records past `limit`, never the live one. */
    async trim(limit) {
        const releases = await this.list();
        const live = liveRelease(releases);
        const old = releases.slice(limit).filter((r) => r.number !== live?.number);
        for (const release of old) {
            await this.client.delete((0,_release_record_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseSecret */ .ev)({ ...release, objects: [] }, this.namespace));
        }
        return old.length;
    }
}
/** The release that runs: the newest one deployed. */
function liveRelease(releases) {
    return releases.find((r) => r.state === 'deployed');
}


/***/ }),

/***/ 31301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hq: () => (/* binding */ applyRecorded),
/* harmony export */   nq: () => (/* binding */ versionsOfReleases),
/* harmony export */   wf: () => (/* binding */ isPreRolloutHook)
/* harmony export */ });
/* unused harmony export HOOK_ANNOTATION */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _kube_applyset_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57529);
/* harmony import */ var _manifests_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(85033);
/* harmony import */ var _manifests_manifest_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(27073);
/* harmony import */ var _apply_set_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11414);
/* harmony import */ var _release_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37434);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56364);
/* harmony import */ var _workload_status_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(80509);








// Puts a recorded release back: its objects exactly as recorded (not a re-render), pruning what
// came after it, and waits for its workloads. Secrets stay as the cluster has them: their values
// were never recorded (release-record.ts). Deploy uses it to restore the live release after a
// failure, rollback to go back to an earlier one.
const HOOK_ANNOTATION = 'slipway.dev/hook';
function isPreRolloutHook(object) {
    const annotations = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .isRecord */ .u)(object.metadata) && (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .isRecord */ .u)(object.metadata.annotations)
        ? object.metadata.annotations
        : {};
    return object.kind === 'Job' && annotations[HOOK_ANNOTATION] === 'pre-rollout';
}
/** Applies the recorded release and waits for it; throws a UserError saying why it did not come back. */
async function applyRecorded(client, target, where, knownVersions, lease) {
    const parent = (0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentApplySet */ .iL)(where.environment, where.namespace);
    // Hooks ran before their release; putting a release back does not run them again.
    const objects = target.objects.filter((o) => !(0,_release_record_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecordedSecret */ .r3)(o) && !isPreRolloutHook(o));
    const keep = target.objects.filter(_release_record_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecordedSecret */ .r3).map(_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .idOf */ .TH);
    await (0,_apply_set_js__WEBPACK_IMPORTED_MODULE_3__/* .applyAsSet */ .Vm)(client, parent, objects, {
        force: true,
        concurrency: where.settings.concurrency,
        knownVersions,
        keep
    });
    const workloads = objects.filter(_workload_status_js__WEBPACK_IMPORTED_MODULE_8__/* .isWorkload */ .gv).map(_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .idOf */ .TH);
    const waited = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForWorkloads */ .T)(client, workloads, {
        timeoutMs: where.settings.timeoutMs,
        abort: () => lease?.lost()
    });
    if (!waited.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo((0,_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .describeFailure */ .I)(waited, (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(where.settings.timeoutMs)));
}
/** apiVersion of every kind the releases applied, newest wins: what prune lists leftovers with. */
function versionsOfReleases(releases) {
    const versions = new Map();
    for (const release of [...releases].reverse()) {
        for (const object of release.objects) {
            const id = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .idOf */ .TH)(object);
            versions.set((0,_kube_applyset_js__WEBPACK_IMPORTED_MODULE_2__/* .groupKind */ .KH)(id), id.apiVersion);
        }
    }
    return versions;
}


/***/ }),

/***/ 85962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ deploySettings)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);

/** The deploy settings of one environment: its own overrides over the top-level section. */
function deploySettings(config, environment) {
    const merged = { ...config.deploy, ...config.environments[environment]?.deploy };
    return {
        timeoutMs: (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(merged.timeout) ?? 600_000,
        historyLimit: merged['history-limit'],
        lockTimeoutMs: (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(merged['lock-timeout']) ?? 600_000,
        forceConflicts: merged['force-conflicts'],
        concurrency: merged.concurrency,
        onUnfinished: merged['on-unfinished']
    };
}


/***/ }),

/***/ 56364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ describeFailure),
  T: () => (/* binding */ waitForWorkloads)
});

// EXTERNAL MODULE: ./src/core/manifests/manifest.ts
var manifest = __webpack_require__(27073);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(85033);
;// CONCATENATED MODULE: ./src/core/deploy/pod-problems.ts

const PULL_FAILURES = new Set(['ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
/** Restarts after which a crash-looping container fails the deploy without waiting longer. */
const CRASHLOOP_RESTARTS = 2;
function podProblem(pod) {
    const name = String(pod.metadata?.name ?? '?');
    const status = (0,records/* isRecord */.u)(pod.status) ? pod.status : {};
    const conditions = Array.isArray(status.conditions) ? status.conditions.filter(records/* isRecord */.u) : [];
    const condition = (type) => conditions.find((c) => c.type === type);
    if (status.phase === 'Succeeded')
        return undefined;
    const scheduled = condition('PodScheduled');
    if (scheduled?.status === 'False') {
        return {
            pod: name,
            reason: String(scheduled.reason ?? 'Unschedulable'),
            detail: `${String(scheduled.reason ?? 'not scheduled')}: ${oneLine(scheduled.message)}`,
            definitive: false
        };
    }
    const containers = [
        ...(Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : []),
        ...(Array.isArray(status.containerStatuses) ? status.containerStatuses : [])
    ].filter(records/* isRecord */.u);
    for (const container of containers) {
        const state = (0,records/* isRecord */.u)(container.state) ? container.state : {};
        const waiting = (0,records/* isRecord */.u)(state.waiting) ? state.waiting : undefined;
        const last = (0,records/* isRecord */.u)(container.lastState) ? container.lastState : {};
        const terminated = (0,records/* isRecord */.u)(last.terminated)
            ? last.terminated
            : (0,records/* isRecord */.u)(state.terminated)
                ? state.terminated
                : undefined;
        const restarts = Number(container.restartCount) || 0;
        const cname = String(container.name ?? '?');
        const reason = typeof waiting?.reason === 'string' ? waiting.reason : '';
        if (PULL_FAILURES.has(reason) || reason === 'ErrImagePull') {
            return {
                pod: name,
                reason,
                detail: `${reason}: container ${cname} cannot pull ${String(container.image ?? '?')}${waiting?.message ? ` (${oneLine(waiting.message)})` : ''}`,
                definitive: PULL_FAILURES.has(reason)
            };
        }
        if (reason === 'CrashLoopBackOff' || (terminated && status.phase === 'Failed')) {
            const exit = terminated
                ? `; last exit ${String(terminated.exitCode ?? '?')}${terminated.reason ? ` ${String(terminated.reason)}` : ''}${terminated.message ? `: ${oneLine(terminated.message)}` : ''}`
                : '';
            const oom = terminated?.reason === 'OOMKilled';
            return {
                pod: name,
                reason: oom ? 'OOMKilled' : reason || 'Failed',
                detail: `${reason || 'Failed'}: container ${cname} (${restarts} restart${restarts === 1 ? '' : 's'}${exit})`,
                definitive: restarts >= CRASHLOOP_RESTARTS || status.phase === 'Failed'
            };
        }
        if (reason && reason !== 'ContainerCreating' && reason !== 'PodInitializing') {
            return {
                pod: name,
                reason,
                detail: `${reason}: container ${cname}${waiting?.message ? ` (${oneLine(waiting.message)})` : ''}`,
                definitive: reason === 'CreateContainerConfigError'
            };
        }
    }
    const ready = condition('Ready');
    if (status.phase === 'Running' && ready?.status !== 'True') {
        return {
            pod: name,
            reason: 'NotReady',
            detail: 'running, not ready: its readiness probe does not pass',
            definitive: false
        };
    }
    if (status.phase === 'Pending') {
        return { pod: name, reason: 'Pending', detail: 'pending', definitive: false };
    }
    return undefined;
}
function oneLine(value) {
    const text = typeof value === 'string' ? value : '';
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

// EXTERNAL MODULE: ./src/core/deploy/workload-status.ts
var workload_status = __webpack_require__(80509);
;// CONCATENATED MODULE: ./src/core/deploy/wait.ts



async function waitForWorkloads(client, workloads, options) {
    const deadline = Date.now() + options.timeoutMs;
    const pending = new Map(workloads.map((id) => [(0,manifest/* describeId */.p4)(id), id]));
    for (;;) {
        const aborted = options.abort?.();
        if (aborted)
            throw aborted;
        const live = await liveObjects(client, [...pending.values()]);
        const failures = [];
        const waiting = [];
        for (const key of [...pending.keys()]) {
            const object = live.get(key);
            if (!object) {
                failures.push({ workload: key, message: 'it is gone from the cluster', pods: [] });
                continue;
            }
            const status = (0,workload_status/* workloadStatus */.gk)(object);
            if (status.state === 'done')
                pending.delete(key);
            else
                waiting.push({ key, object, message: status.message, failed: status.state === 'failed' });
        }
        const pods = await podsOf(client, waiting.map((w) => w.object));
        const stuck = [];
        for (const w of waiting) {
            const problems = problemsOf(w.object, pods);
            const entry = { workload: w.key, message: w.message, pods: problems };
            if (w.failed || problems.some((p) => p.definitive))
                failures.push(entry);
            else
                stuck.push(entry);
        }
        if (failures.length > 0)
            return { ok: false, timedOut: false, failures: sorted(failures) };
        if (pending.size === 0)
            return { ok: true };
        if (Date.now() >= deadline)
            return { ok: false, timedOut: true, failures: sorted(stuck) };
        await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    }
}
/** The live objects of `ids`, by describeId, listed one kind and namespace at a time. */
async function liveObjects(client, ids) {
    const groups = new Map();
    for (const id of ids) {
        const key = `${id.apiVersion}\u0000${id.kind}\u0000${id.namespace ?? ''}`;
        groups.set(key, [...(groups.get(key) ?? []), id]);
    }
    const live = new Map();
    await Promise.all([...groups.values()].map(async (group) => {
        const [{ apiVersion, kind, namespace }] = group;
        const wanted = new Set(group.map(manifest/* describeId */.p4));
        for (const object of await client.list(apiVersion, kind, namespace)) {
            const key = (0,manifest/* describeId */.p4)((0,manifest/* idOf */.TH)(object));
            if (wanted.has(key))
                live.set(key, object);
        }
    }));
    return live;
}
/** The pods of the namespaces of `workloads`, in one list per namespace. */
async function podsOf(client, workloads) {
    const namespaces = new Set(workloads.map((w) => (0,manifest/* idOf */.TH)(w).namespace));
    const lists = await Promise.all([...namespaces].map((ns) => client.list('v1', 'Pod', ns)));
    return lists.flat();
}
function problemsOf(workload, pods) {
    const spec = (0,records/* isRecord */.u)(workload.spec) ? workload.spec : {};
    const namespace = (0,manifest/* idOf */.TH)(workload).namespace;
    return pods
        .filter((pod) => (0,manifest/* idOf */.TH)(pod).namespace === namespace && (0,workload_status/* selectorMatches */.de)(spec.selector, labelsOf(pod)))
        .map(podProblem)
        .filter((p) => p !== undefined)
        .sort((a, b) => Number(b.definitive) - Number(a.definitive) || a.pod.localeCompare(b.pod));
}
function labelsOf(object) {
    const metadata = (0,records/* isRecord */.u)(object.metadata) ? object.metadata : {};
    return (0,records/* isRecord */.u)(metadata.labels) ? metadata.labels : {};
}
function sorted(failures) {
    return failures.sort((a, b) => a.workload.localeCompare(b.workload));
}
/** One line for a failed wait: the first workload and the problem of its first pod. */
function describeFailure(result, timeout) {
    const first = result.failures[0];
    if (!first) {
        return result.timedOut ? `the rollout did not finish within ${timeout}` : 'the rollout failed';
    }
    const pod = first.pods[0];
    const why = pod ? `pod ${pod.pod}: ${pod.detail}` : first.message;
    const others = result.failures.length > 1 ? ` (and ${result.failures.length - 1} more workloads)` : '';
    return result.timedOut
        ? `${first.workload} did not roll out within ${timeout}: ${why}${others}`
        : `${first.workload} failed to roll out: ${why}${others}`;
}


/***/ }),

/***/ 80509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   de: () => (/* binding */ selectorMatches),
/* harmony export */   gk: () => (/* binding */ workloadStatus),
/* harmony export */   gv: () => (/* binding */ isWorkload)
/* harmony export */ });
/* unused harmony export WORKLOAD_KINDS */
/* harmony import */ var _manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85033);

const WORKLOAD_KINDS = [
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'StatefulSet'],
    ['apps/v1', 'DaemonSet'],
    ['batch/v1', 'Job'],
    ['argoproj.io/v1alpha1', 'Rollout']
];
function isWorkload(object) {
    return WORKLOAD_KINDS.some(([v, k]) => object.apiVersion === v && object.kind === k);
}
function workloadStatus(object) {
    const spec = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(object.spec) ? object.spec : {};
    const status = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(object.status) ? object.status : {};
    const metadata = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(object.metadata) ? object.metadata : {};
    const num = (value) => (typeof value === 'number' ? value : 0);
    const conditions = Array.isArray(status.conditions) ? status.conditions.filter(_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u) : [];
    const observed = num(status.observedGeneration);
    if (object.kind !== 'Job' && num(metadata.generation) > observed) {
        return { state: 'progressing', message: 'waiting for the controller to see the new spec' };
    }
    switch (object.kind) {
        case 'Deployment': {
            const deadline = conditions.find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
            if (deadline) {
                return {
                    state: 'failed',
                    message: `ProgressDeadlineExceeded: ${String(deadline.message ?? '')}`
                };
            }
            const wanted = spec.replicas === undefined ? 1 : num(spec.replicas);
            const updated = num(status.updatedReplicas);
            const total = num(status.replicas);
            const available = num(status.availableReplicas);
            if (updated < wanted) {
                return { state: 'progressing', message: `${updated} of ${wanted} replicas updated` };
            }
            if (total > updated) {
                return {
                    state: 'progressing',
                    message: `${total - updated} old replicas pending termination`
                };
            }
            if (available < updated) {
                return {
                    state: 'progressing',
                    message: `${available} of ${updated} updated replicas available`
                };
            }
            return { state: 'done', message: `${available} of ${wanted} replicas available` };
        }
        case 'StatefulSet': {
            const wanted = spec.replicas === undefined ? 1 : num(spec.replicas);
            const ready = num(status.readyReplicas);
            const updated = num(status.updatedReplicas);
            const strategy = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(spec.updateStrategy) ? spec.updateStrategy : {};
            if (strategy.type === 'OnDelete') {
                return { state: 'done', message: 'OnDelete: pods update when deleted' };
            }
            if (ready < wanted)
                return { state: 'progressing', message: `${ready} of ${wanted} pods ready` };
            const rolling = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
            const partition = num(rolling.partition);
            if (partition > 0) {
                return updated >= wanted - partition
                    ? { state: 'done', message: `partitioned roll out: ${updated} pods updated` }
                    : { state: 'progressing', message: `${updated} of ${wanted - partition} pods updated` };
            }
            if (status.updateRevision !== status.currentRevision) {
                return { state: 'progressing', message: `${updated} of ${wanted} pods updated` };
            }
            return { state: 'done', message: `${ready} of ${wanted} pods ready` };
        }
        case 'DaemonSet': {
            const desired = num(status.desiredNumberScheduled);
            const updated = num(status.updatedNumberScheduled);
            const available = num(status.numberAvailable);
            if (updated < desired)
                return { state: 'progressing', message: `${updated} of ${desired} pods updated` };
            if (available < desired) {
                return { state: 'progressing', message: `${available} of ${desired} pods available` };
            }
            return { state: 'done', message: `${available} of ${desired} pods available` };
        }
        case 'Job': {
            const failed = conditions.find((c) => c.type === 'Failed' && c.status === 'True');
            if (failed) {
                return {
                    state: 'failed',
                    message: `${String(failed.reason ?? 'Failed')}: ${String(failed.message ?? '')}`.trim()
                };
            }
            const complete = conditions.find((c) => c.type === 'Complete' && c.status === 'True');
            if (complete)
                return { state: 'done', message: `${num(status.succeeded)} succeeded` };
            return {
                state: 'progressing',
                message: `${num(status.active)} active, ${num(status.succeeded)} succeeded`
            };
        }
        case 'Rollout': {
            const phase = typeof status.phase === 'string' ? status.phase : '';
            const message = typeof status.message === 'string' ? status.message : '';
            if (phase === 'Healthy')
                return { state: 'done', message: 'Healthy' };
            if (phase === 'Degraded')
                return { state: 'failed', message: `Degraded: ${message}` };
            return {
                state: 'progressing',
                message: phase
                    ? `${phase}${message ? `: ${message}` : ''}`
                    : 'waiting for the Rollout controller'
            };
        }
        default:
            return { state: 'done', message: '' };
    }
}
/**
 * Whether a label selector (matchLabels and matchExpressions, as a workload's spec.selector has
 * it) selects an object with these labels. No selector selects nothing.
 */
function selectorMatches(selector, labels) {
    if (!(0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(selector))
        return false;
    const matchLabels = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(selector.matchLabels) ? selector.matchLabels : {};
    const expressions = Array.isArray(selector.matchExpressions)
        ? selector.matchExpressions.filter(_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)
        : [];
    if (Object.keys(matchLabels).length === 0 && expressions.length === 0)
        return false;
    for (const [key, value] of Object.entries(matchLabels)) {
        if (labels[key] !== String(value))
            return false;
    }
    for (const e of expressions) {
        const key = String(e.key);
        const values = Array.isArray(e.values) ? e.values.map(String) : [];
        const has = Object.hasOwn(labels, key);
        const ok = e.operator === 'In'
            ? has && values.includes(labels[key])
            : e.operator === 'NotIn'
                ? !has || !values.includes(labels[key])
                : e.operator === 'Exists'
                    ? has
                    : e.operator === 'DoesNotExist'
                        ? !has
                        : false;
        if (!ok)
            return false;
    }
    return true;
}


/***/ }),

/***/ 57529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ applySetId),
/* harmony export */   KH: () => (/* binding */ groupKind),
/* harmony export */   Od: () => (/* binding */ scopeOf),
/* harmony export */   Px: () => (/* binding */ scopeOfMembers),
/* harmony export */   Y$: () => (/* binding */ APPLYSET_PART_OF_LABEL),
/* harmony export */   cM: () => (/* binding */ parentObject),
/* harmony export */   iL: () => (/* binding */ environmentApplySet),
/* harmony export */   mo: () => (/* binding */ unionScope),
/* harmony export */   yH: () => (/* binding */ toolingName)
/* harmony export */ });
/* unused harmony exports APPLYSET_ID_LABEL, APPLYSET_TOOLING, APPLYSET_KINDS, APPLYSET_NAMESPACES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _manifests_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27073);


// Membership of an environment's objects, as Kubernetes' ApplySet convention has it (KEP-3659,
// what `kubectl apply --prune --applyset` reads and writes): a parent object carries the set's
// id, the tool that manages it and the kinds and namespaces its members are in; every member
// carries the part-of label. Pruning deletes exactly the labelled objects of those kinds and
// namespaces that the new set no longer has.
const APPLYSET_ID_LABEL = 'applyset.kubernetes.io/id';
const APPLYSET_PART_OF_LABEL = 'applyset.kubernetes.io/part-of';
const APPLYSET_TOOLING = 'applyset.kubernetes.io/tooling';
const APPLYSET_KINDS = 'applyset.kubernetes.io/contains-group-kinds';
const APPLYSET_NAMESPACES = 'applyset.kubernetes.io/additional-namespaces';
/** The parent of an environment's set: the Secret `slipway-<environment>` in its namespace. */
function environmentApplySet(environment, namespace) {
    return { name: `slipway-${environment}`, namespace, kind: 'Secret', group: '' };
}
/**
 * The set's id, as kubectl computes it: `applyset-` + base64url(sha256(name.namespace.kind.group))
 * + `-v1`.
 */
function applySetId(parent) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update([parent.name, parent.namespace, parent.kind, parent.group].join('.'))
        .digest('base64url');
    return `applyset-${digest}-v1`;
}
/** `Deployment.apps`, or `Service` for the core group, as the kinds annotation lists them. */
function groupKind(id) {
    const group = (0,_manifests_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .groupOf */ .F8)(id.apiVersion);
    return group ? `${id.kind}.${group}` : id.kind;
}
/** The kinds and namespaces a parent says its members are in. */
function scopeOf(parent, ownNamespace) {
    const annotations = parent?.metadata
        ?.annotations;
    const list = (value) => (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    return {
        groupKinds: list(annotations?.[APPLYSET_KINDS]),
        namespaces: [ownNamespace, ...list(annotations?.[APPLYSET_NAMESPACES])]
    };
}
/** The scope of a set of members, sorted as kubectl writes it. */
function scopeOfMembers(members, ownNamespace) {
    const groupKinds = new Set();
    const namespaces = new Set([ownNamespace]);
    for (const id of members) {
        groupKinds.add(groupKind(id));
        if (id.namespace)
            namespaces.add(id.namespace);
    }
    return {
        groupKinds: [...groupKinds].sort(),
        namespaces: [ownNamespace, ...[...namespaces].filter((n) => n !== ownNamespace).sort()]
    };
}
function unionScope(a, b) {
    const own = a.namespaces[0];
    return {
        groupKinds: [...new Set([...a.groupKinds, ...b.groupKinds])].sort(),
        namespaces: [
            own,
            ...[...new Set([...a.namespaces, ...b.namespaces])].filter((n) => n !== own).sort()
        ]
    };
}
/** The parent Secret as slipway applies it: id label, tooling, kinds and namespaces. */
function parentObject(parent, scope, tooling) {
    return {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'slipway.dev/applyset',
        metadata: {
            name: parent.name,
            namespace: parent.namespace,
            labels: { [APPLYSET_ID_LABEL]: applySetId(parent) },
            annotations: {
                [APPLYSET_TOOLING]: tooling,
                [APPLYSET_KINDS]: scope.groupKinds.join(','),
                [APPLYSET_NAMESPACES]: scope.namespaces.slice(1).join(',')
            }
        }
    };
}
/** Who manages a parent, from its tooling annotation: `slipway` for `slipway/v0.1.0`. */
function toolingName(parent) {
    const annotations = parent.metadata
        ?.annotations;
    const value = annotations?.[APPLYSET_TOOLING];
    return value === undefined ? undefined : value.split('/')[0];
}


/***/ })

};
