export const id = 725;
export const ids = [725];
export const modules = {

/***/ 36725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PROMOTE_HELP: () => (/* binding */ PROMOTE_HELP),
  promoteCommand: () => (/* binding */ promoteCommand)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/core/config/index.ts + 1 modules
var core_config = __webpack_require__(27244);
// EXTERNAL MODULE: ./src/core/image/registry.ts + 7 modules
var registry = __webpack_require__(96441);
// EXTERNAL MODULE: ./src/core/config/schema.ts
var schema = __webpack_require__(47967);
// EXTERNAL MODULE: ./src/core/deploy/deploy.ts
var deploy = __webpack_require__(54284);
// EXTERNAL MODULE: ./src/core/deploy/release-store.ts
var release_store = __webpack_require__(48510);
// EXTERNAL MODULE: ./src/core/deploy/settings.ts
var deploy_settings = __webpack_require__(85962);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(98571);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/image/copy.ts
var copy = __webpack_require__(98048);
// EXTERNAL MODULE: ./src/core/image/reference.ts + 1 modules
var reference = __webpack_require__(94007);
// EXTERNAL MODULE: ./src/core/manifests/findings.ts
var findings = __webpack_require__(34850);
// EXTERNAL MODULE: ./src/core/manifests/pipeline.ts + 20 modules
var pipeline = __webpack_require__(35607);
;// CONCATENATED MODULE: ./src/core/promote/gate.ts
// One gate's answer. Fail closed: missing data is `inconclusive`, never `pass` (DESIGN.md).
/** Whether the gates let a promotion go ahead: each passes, or failed and was overridden. */
function gatesAllow(results) {
    return results.every((r) => r.verdict === 'pass' || r.overridden !== undefined || r.decided !== undefined);
}
/** Whether only inconclusive gates stand in the way: a person may decide. */
function onlyInconclusive(results) {
    const blocking = results.filter((r) => !gatesAllow([r]));
    return blocking.length > 0 && blocking.every((r) => r.verdict === 'inconclusive');
}
/** Inconclusive gates let through by a person's decision (who and why), recorded on each. */
function decide(results, decision) {
    return results.map((r) => r.verdict === 'inconclusive'
        ? { ...r, decided: decision, reason: `${r.reason}; decided: ${decision}` }
        : r);
}
/** The gates that stop a promotion, as one line. */
function blockingGates(results) {
    return results
        .filter((r) => !gatesAllow([r]))
        .map((r) => `${r.gate} ${r.verdict} (${r.reason})`)
        .join('; ');
}

;// CONCATENATED MODULE: ./src/core/promote/windows.ts
// Deploy windows and freezes are in wall-clock time of one IANA zone. `now` is turned into that
// zone's local date, week day and time with Intl (the tz database), and compared there: a
// window of 09:00-17:00 stays 09:00-17:00 local on both sides of a daylight-saving change, and
// a local time skipped by the change never matches, one repeated matches both times.
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
function wallClock(at, timeZone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit'
    })
        .formatToParts(at)
        .map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    const time = `${parts.hour}:${parts.minute}`;
    const day = DAYS.find((d) => d === String(parts.weekday).toLowerCase()) ?? 'sun';
    return { date, stamp: `${date}T${time}`, day, time };
}
function evaluateWindows(windows, now, overrideReason) {
    const local = wallClock(now, windows.timezone);
    const evidence = {
        now: `${local.day} ${local.stamp.replace('T', ' ')} ${windows.timezone}`
    };
    const result = (verdict, reason) => verdict === 'fail' && overrideReason
        ? {
            gate: 'windows',
            verdict,
            reason: `${reason}; overridden: ${overrideReason}`,
            evidence,
            overridden: overrideReason
        }
        : { gate: 'windows', verdict, reason, evidence };
    const freeze = (windows.freeze ?? []).find((f) => local.stamp >= (f.from.includes('T') ? f.from : `${f.from}T00:00`) &&
        (f.to.includes('T') ? local.stamp < f.to : local.date <= f.to));
    if (freeze) {
        evidence.freeze = `${freeze.from} to ${freeze.to}`;
        return result('fail', `frozen${freeze.reason ? ` (${freeze.reason})` : ''} from ${freeze.from} to ${freeze.to} ${windows.timezone}`);
    }
    const allow = windows.allow ?? [];
    if (allow.length === 0)
        return result('pass', `no freeze now (${evidence.now})`);
    const describe = (w) => `${w.days.join(',')} ${w.hours}`;
    evidence.windows = allow.map(describe).join('; ');
    const open = allow.find((w) => {
        const [start, end] = w.hours.split('-');
        return w.days.includes(local.day) && local.time >= start && local.time < end;
    });
    return open
        ? result('pass', `inside the window ${describe(open)} (${evidence.now})`)
        : result('fail', `outside every deploy window (${evidence.now}; allowed ${evidence.windows})`);
}

;// CONCATENATED MODULE: ./src/core/promote/gates.ts


function evaluateGates(input) {
    const results = [provenance(input)];
    if (input.soakMs !== undefined)
        results.push(soak(input, input.soakMs));
    if (input.gates['require-scan']) {
        results.push(verdictGate('scan', input.release.scanVerdict, input));
    }
    if (input.gates['require-analysis']) {
        results.push(verdictGate('analysis', input.release.analysisVerdict, input));
    }
    if (input.windows)
        results.push(evaluateWindows(input.windows, input.now, input.overrideReason));
    return results;
}
function provenance({ from, release }) {
    const evidence = {
        release: `${from} release ${release.number} (${release.state})`,
        image: release.image ?? 'none recorded'
    };
    const fail = (reason) => ({
        gate: 'provenance',
        verdict: 'fail',
        reason,
        evidence
    });
    if (!release.digest)
        return fail(`release ${release.number} of ${from} recorded no image digest`);
    if (release.state !== 'deployed' && release.state !== 'superseded') {
        return fail(`release ${release.number} of ${from} is ${release.state}: only a release that reached deployed and was not rolled back is promoted`);
    }
    const running = containerImages(release).filter((image) => image.endsWith(`@${release.digest}`));
    evidence.containers = `${running.length} recorded container(s) run ${release.digest}`;
    if (running.length === 0) {
        return fail(`no object recorded in release ${release.number} of ${from} runs ${release.digest}`);
    }
    return {
        gate: 'provenance',
        verdict: 'pass',
        reason: `${release.digest} was deployed in ${from} as release ${release.number} at ${release.finishedAt ?? release.startedAt}`,
        evidence
    };
}
function soak({ from, release, history, now }, soakMs) {
    const evidence = { required: (0,duration/* formatDuration */.a)(soakMs) };
    const result = (verdict, reason) => ({
        gate: 'soak',
        verdict,
        reason,
        evidence
    });
    if (!release.finishedAt || (release.state !== 'deployed' && release.state !== 'superseded')) {
        return result('inconclusive', `release ${release.number} of ${from} has no deployed time`);
    }
    const since = Date.parse(release.finishedAt);
    evidence.liveSince = release.finishedAt;
    // A release of the source that failed or was rolled back after this one went live fails it.
    const trouble = history.find((r) => r.number > release.number &&
        (r.state === 'failed' || r.state === 'rolled-back') &&
        Date.parse(r.startedAt) >= since);
    if (trouble) {
        evidence.since = `release ${trouble.number} ${trouble.state} (started ${trouble.startedAt})`;
        return result('fail', `release ${trouble.number} of ${from} ${trouble.state === 'failed' ? 'failed' : 'was rolled back'} since release ${release.number} went live`);
    }
    // A superseded release was live until its successor was deployed.
    const successor = release.state === 'superseded'
        ? history
            .filter((r) => r.number > release.number && r.finishedAt && r.state !== 'failed')
            .sort((a, b) => a.number - b.number)[0]
        : undefined;
    const until = successor?.finishedAt ? Date.parse(successor.finishedAt) : now.getTime();
    const live = until - since;
    evidence.live = (0,duration/* formatDuration */.a)(Math.max(0, live));
    if (live >= soakMs) {
        return result('pass', `live in ${from} for ${(0,duration/* formatDuration */.a)(live)} (at least ${(0,duration/* formatDuration */.a)(soakMs)})`);
    }
    return result('fail', successor
        ? `live in ${from} for only ${(0,duration/* formatDuration */.a)(live)} before release ${successor.number} replaced it (needs ${(0,duration/* formatDuration */.a)(soakMs)})`
        : `live in ${from} for ${(0,duration/* formatDuration */.a)(Math.max(0, live))}, needs ${(0,duration/* formatDuration */.a)(soakMs)}: ${(0,duration/* formatDuration */.a)(soakMs - live)} to go`);
}
function verdictGate(gate, verdict, { from, to, release }) {
    const setting = `environments.${to}.gates.require-${gate}`;
    const evidence = { recorded: verdict ?? 'none', release: `${from} release ${release.number}` };
    if (verdict === 'pass') {
        return {
            gate,
            verdict: 'pass',
            reason: `the ${gate} of release ${release.number} passed`,
            evidence
        };
    }
    if (verdict === 'fail') {
        return {
            gate,
            verdict: 'fail',
            reason: `the ${gate} of release ${release.number} failed`,
            evidence
        };
    }
    return {
        gate,
        verdict: 'inconclusive',
        reason: verdict === undefined
            ? `no ${gate} verdict recorded for release ${release.number} of ${from} (${setting} is on)`
            : `the ${gate} of release ${release.number} was ${verdict}, which is not a pass`,
        evidence
    };
}
function containerImages(release) {
    const images = [];
    const visit = (value, key) => {
        if (Array.isArray(value))
            value.forEach((v) => visit(v));
        else if (value && typeof value === 'object') {
            for (const [k, v] of Object.entries(value))
                visit(v, k);
        }
        else if (key === 'image' && typeof value === 'string')
            images.push(value);
    };
    for (const object of release.objects) {
        if (object.kind !== 'Secret')
            visit(object);
    }
    return images;
}

;// CONCATENATED MODULE: ./src/core/promote/source-release.ts


const GOOD = new Set(['deployed', 'superseded']);
function chooseRelease(environment, releases, selector = {}) {
    if (selector.number !== undefined) {
        const release = releases.find((r) => r.number === selector.number);
        if (!release) {
            throw new core_errors/* UserError */.yo(`release ${selector.number} of ${environment} is not recorded in the cluster (known: ${known(releases)})`);
        }
        return release;
    }
    if (selector.digest !== undefined) {
        const digest = digestOf(selector.digest);
        const matching = releases.filter((r) => r.digest === digest);
        const release = matching.find((r) => GOOD.has(r.state)) ?? matching[0];
        if (!release) {
            throw new core_errors/* UserError */.yo(`${digest} was never deployed in ${environment} (known: ${known(releases)})`);
        }
        return release;
    }
    const live = (0,release_store/* liveRelease */._)(releases);
    if (!live) {
        throw new core_errors/* UserError */.yo(`no release is live in ${environment}: deploy there first, or name a release with --digest`);
    }
    return live;
}
/** The digest of `sha256:...` or `repository@sha256:...`. */
function digestOf(text) {
    const digest = text.includes('@') ? text.slice(text.lastIndexOf('@') + 1) : text;
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
        throw new core_errors/* UserError */.yo(`expected a digest sha256:<64 hex digits>, got "${text}"`);
    }
    return digest;
}
function known(releases) {
    if (releases.length === 0)
        return 'none';
    return releases
        .slice(0, 5)
        .map((r) => `${r.number} ${r.state}${r.digest ? ` ${r.digest.slice(0, 19)}` : ''}`)
        .join(', ');
}

;// CONCATENATED MODULE: ./src/core/promote/promote.ts





async function promote(request) {
    const { from, to } = request;
    const source = chooseRelease(from, request.sourceReleases, request.selector);
    const evaluated = evaluateGates({
        from,
        to,
        release: source,
        history: request.sourceReleases,
        gates: request.gates,
        soakMs: request.soakMs,
        windows: request.windows,
        overrideReason: request.overrideReason,
        now: request.now ?? new Date()
    });
    const decidable = request.gates['allow-manual-decision'] && onlyInconclusive(evaluated);
    if (request.decision && !request.gates['allow-manual-decision']) {
        throw new core_errors/* UserError */.yo(`a manual decision was given, but environments.${to}.gates.allow-manual-decision is not true`);
    }
    const gates = request.decision && decidable ? decide(evaluated, request.decision) : evaluated;
    const decisionNeeded = decidable && !request.decision;
    const digest = source.digest ?? '';
    const image = request.targetImage
        ? `${request.targetImage.repository}@${digest}`
        : (source.image ?? digest);
    const targetBefore = (0,release_store/* liveRelease */._)(request.targetReleases);
    const base = { from, to, source, gates, image, targetBefore, decisionNeeded };
    const done = (result, message, more = {}) => ({
        ...base,
        result,
        wouldPromote: false,
        changes: [],
        message,
        ...more
    });
    if (digest && targetBefore?.digest === digest) {
        return done('unchanged', `${digest} is already live in ${to} as release ${targetBefore.number}: nothing changed`);
    }
    const downgrade = request.allowDowngrade
        ? undefined
        : newerInSource(targetBefore, source, request.sourceReleases);
    const blockedBy = [
        gatesAllow(gates) ? '' : `gates: ${blockingGates(gates)}`,
        downgrade
            ? `${to} runs ${downgrade.digest}, which came to ${from} as release ${downgrade.number}, after release ${source.number}: not deploying an older digest over it without allow-downgrade`
            : ''
    ].filter(Boolean);
    const next = (request.targetReleases[0]?.number ?? 0) + 1;
    const changes = [];
    if (request.targetImage && source.image) {
        changes.push(`copy ${source.image} to ${image} (by digest; blobs are mounted within one registry)`);
    }
    changes.push(`deploy ${image} to ${to} as release ${next}, replacing ${targetBefore ? `release ${targetBefore.number} (${targetBefore.digest ?? 'no digest'})` : 'nothing'}`);
    if (request.targetImage) {
        changes.push(`tag ${request.targetImage.repository}:${request.targetImage.tag} as ${digest} once deployed`);
    }
    const reason = [
        `promoted from ${from} release ${source.number}`,
        request.overrideReason && gates.some((g) => g.overridden)
            ? `windows overridden: ${request.overrideReason}`
            : '',
        gates.some((g) => g.decided) ? `inconclusive gates decided: ${request.decision}` : '',
        request.allowDowngrade && newerInSource(targetBefore, source, request.sourceReleases)
            ? 'downgrade allowed'
            : ''
    ]
        .filter(Boolean)
        .join('; ');
    if (request.plan) {
        try {
            const dry = await request.deploy(image, { dryRun: true, reason, commit: source.commit });
            changes.push(`server dry run: ${dry.applied.length} objects applied, ${dry.pruned.length} pruned`);
        }
        catch (error) {
            changes.push((0,core_errors/* errorMessage */.gJ)(error));
        }
        const wouldPromote = blockedBy.length === 0;
        return done('plan', wouldPromote
            ? `plan: ${digest} would be promoted from ${from} release ${source.number} to ${to}; nothing was changed`
            : `plan: the promotion to ${to} would be refused (${blockedBy.join('; ')})${decisionNeeded ? '; only inconclusive gates: a person may decide' : ''}; nothing was changed`, { wouldPromote, changes });
    }
    if (blockedBy.length > 0) {
        const ask = decisionNeeded ? '; only inconclusive gates: a person may decide' : '';
        return done('blocked', `promotion of ${digest} to ${to} refused: ${blockedBy.join('; ')}${ask}`, {
            changes
        });
    }
    if (request.lockTarget) {
        const locked = await request.lockTarget();
        try {
            return await promote({ ...request, targetReleases: locked.releases, lockTarget: undefined });
        }
        finally {
            await locked.unlock();
        }
    }
    let copy;
    if (request.targetImage && source.image) {
        copy = await request.copy(source.image, image);
        request.log?.(`copy: ${image} (${copy.blobsMounted} blobs mounted, ${copy.blobsSkipped} present, ${copy.blobsCopied} copied)`);
    }
    const deployed = await request.deploy(image, {
        dryRun: false,
        reason,
        commit: source.commit,
        scanVerdict: source.scanVerdict
    });
    if (deployed.result !== 'deployed') {
        return done('failed', `promotion of ${digest} to ${to} failed: ${deployed.message}`, {
            changes,
            copy,
            deploy: deployed,
            targetRelease: deployed.release
        });
    }
    // The deploy is done and B runs the digest: a tag that cannot be moved is reported, not undone.
    let tagProblem = '';
    if (request.targetImage) {
        const tag = `${request.targetImage.repository}:${request.targetImage.tag}`;
        await request.copy(image, tag).catch((error) => {
            tagProblem = `; but ${tag} could not be moved to it: ${(0,core_errors/* errorMessage */.gJ)(error)}`;
        });
    }
    return done('promoted', `promoted ${digest} from ${from} release ${source.number} to ${to} release ${deployed.release.number}${tagProblem}`, { wouldPromote: true, changes, copy, deploy: deployed, targetRelease: deployed.release });
}
/**
 * The release of the source that brought the target's live digest, when it came after the
 * release being promoted: promoting would put an older digest over a newer one. A digest the
 * source never ran cannot be ordered and is not treated as newer.
 */
function newerInSource(targetLive, source, sourceReleases) {
    if (!targetLive?.digest)
        return undefined;
    const first = sourceReleases
        .filter((r) => r.digest === targetLive.digest)
        .sort((a, b) => a.number - b.number)[0];
    return first && first.number > source.number ? first : undefined;
}

;// CONCATENATED MODULE: ./src/core/promote/promote-environment.ts











/** The target of a promotion: `to`, else the source's promote-to. */
function promotionTarget(config, from, to) {
    const source = config.environments[from];
    if (!source)
        throw new core_errors/* UserError */.yo(`environment "${from}" is not defined in slipway.yaml`);
    const target = to ?? source['promote-to'];
    if (!target) {
        throw new core_errors/* UserError */.yo(`no target: environment ${from} has no promote-to, so name one with to`);
    }
    if (!config.environments[target]) {
        throw new core_errors/* UserError */.yo(`environment "${target}" is not defined in slipway.yaml`);
    }
    return target;
}
async function promoteEnvironment(request) {
    const { config, from } = request;
    const to = promotionTarget(config, from, request.to);
    const source = config.environments[from];
    const target = config.environments[to];
    if (target.strategy !== 'rolling') {
        throw new core_errors/* UserError */.yo(`environment ${to} uses the ${target.strategy} strategy, which promote does not carry out in this release; set strategy: rolling for it`);
    }
    const gates = target.gates ?? schema/* gatesSchema */.y2.parse({});
    const settings = (0,deploy_settings/* deploySettings */.$)(config, to);
    let lease;
    return promote({
        from,
        to,
        sourceReleases: await new release_store/* ReleaseStore */.T(request.source, from, source.namespace).list(),
        targetReleases: await targetReleases(request.target, to, target.namespace),
        selector: request.selector,
        gates,
        soakMs: gates.soak === undefined ? undefined : (0,duration/* parseDuration */.E)(gates.soak),
        windows: target.windows,
        overrideReason: request.overrideReason,
        decision: request.decision,
        allowDowngrade: request.allowDowngrade,
        plan: request.plan,
        targetImage: target.image ? targetImage(target.image, to) : undefined,
        lockTarget: async () => {
            const held = await (0,deploy/* lockEnvironment */.p1)(request.target, { environment: to, namespace: target.namespace, holder: request.holder, settings }, (step, detail) => request.log?.(`${step}: ${detail}`));
            lease = held;
            return {
                releases: await new release_store/* ReleaseStore */.T(request.target, to, target.namespace).list(),
                unlock: () => held.release()
            };
        },
        copy: (src, dst) => (0,copy/* copyImage */.L)((0,reference/* parseReference */.F2)(src), (0,reference/* parseReference */.F2)(dst), request.registry),
        deploy: async (image, options) => {
            if (options.dryRun && !(await request.target.get('v1', 'Namespace', target.namespace))) {
                throw new core_errors/* UserError */.yo(`namespace ${target.namespace} does not exist yet: it would be created; the server cannot dry-run objects in it before`);
            }
            const rendered = await (0,pipeline/* renderEnvironment */.C)({
                config,
                environment: to,
                root: request.root,
                configFile: request.configFile,
                image,
                commit: options.commit
            });
            const errors = (0,findings/* errorsOf */.B)(rendered.findings);
            if (errors.length > 0)
                throw new core_errors/* UserErrors */.tQ(errors.map(findings/* findingError */._));
            return (0,deploy/* deploy */.gg)(request.target, {
                environment: to,
                namespace: target.namespace,
                objects: rendered.objects.map((o) => o.object),
                renderHash: rendered.hash,
                image: rendered.release.image,
                commit: rendered.release.commit,
                actor: request.actor,
                reason: options.reason,
                runUrl: request.runUrl,
                scanVerdict: options.scanVerdict,
                strategy: 'rolling',
                holder: request.holder,
                settings,
                lease: options.dryRun ? undefined : lease,
                dryRun: options.dryRun,
                log: request.log
            });
        },
        log: request.log
    });
}
/** The target's releases; none when its namespace does not exist yet. */
async function targetReleases(client, environment, namespace) {
    if (!(await client.get('v1', 'Namespace', namespace)))
        return [];
    return new release_store/* ReleaseStore */.T(client, environment, namespace).list();
}
/** `repository[:tag]`; the tag defaults to the environment's name. */
function targetImage(text, environment) {
    const ref = (0,reference/* parseReference */.F2)(text);
    if (ref.digest) {
        throw new core_errors/* UserError */.yo(`environments.${environment}.image names a digest (${text}): give a repository, with a tag if wanted`);
    }
    return { repository: `${ref.registry}/${ref.repository}`, tag: ref.tag ?? environment };
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./src/cli/deploy.ts + 2 modules
var cli_deploy = __webpack_require__(72698);
// EXTERNAL MODULE: ./src/cli/render.ts + 7 modules
var render = __webpack_require__(2764);
;// CONCATENATED MODULE: ./src/cli/promote.ts







const PROMOTE_HELP = `Usage: slipway promote --from ENV --to ENV [--digest DIGEST | --release N] [--plan]
                       [--override-reason TEXT] [--decision TEXT] [--allow-downgrade] [--config FILE]
                       [--kubeconfig FILE] [--format text|json]

Promotes the release that proved itself in one environment to the next, never rebuilding:
chooses the release of --from (the live one, or one named by digest or number), evaluates the
gates of --to (provenance, soak, scan, analysis, deploy windows), copies the digest to the
target's own image repository when it has one (environments.<to>.image), deploys it to --to
with the deploy core, and then moves the target's tag. A digest already live in --to is left
as it is.

Options:
  --from ENV             the environment the release proved itself in (required)
  --to ENV               the environment to promote to (default: --from's promote-to)
  --digest DIGEST        promote this digest (sha256:...) instead of the live release
  --release N            promote this release number of --from
  --plan                 print every gate and what would change; change nothing
  --override-reason TEXT go through a closed deploy window or freeze; recorded in the release
  --decision TEXT        go ahead although gates are inconclusive (who and why); only where
                         the target's gates have allow-manual-decision; recorded
  --allow-downgrade      deploy a digest older (in --from) than the one live in --to
  --format text|json     the outcome as lines or as JSON (default: text)

Exit codes: 0 promoted (or already live; a plan that would promote), 1 refused by a gate,
failed (the target's previous release is live again), or a plan that would be refused,
2 usage error.
`;
async function promoteCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, {
        from: { type: 'string' },
        to: { type: 'string' },
        digest: { type: 'string' },
        release: { type: 'string' },
        plan: { type: 'boolean' },
        'override-reason': { type: 'string' },
        decision: { type: 'string' },
        'allow-downgrade': { type: 'boolean' },
        config: { type: 'string' },
        kubeconfig: { type: 'string' },
        format: { type: 'string' }
    });
    const format = (0,cli_io/* formatOption */.Bx)(values.format, ['text', 'json']);
    if (!values.from)
        throw new cli_io/* UsageError */.eb('--from is required');
    if (values.digest && values.release)
        throw new cli_io/* UsageError */.eb('give --digest or --release, not both');
    const number = values.release === undefined ? undefined : Number(values.release);
    if (number !== undefined && !Number.isSafeInteger(number)) {
        throw new cli_io/* UsageError */.eb(`--release must be a release number, got "${values.release}"`);
    }
    const overrideReason = values['override-reason']?.trim();
    if (values['override-reason'] !== undefined && !overrideReason) {
        throw new cli_io/* UsageError */.eb('--override-reason must say why');
    }
    const configFile = (0,render.configFileOf)(values, io);
    const config = await (0,core_config/* loadConfig */.Z9)(configFile);
    const to = promotionTarget(config, values.from, values.to);
    const outcome = await promoteEnvironment({
        config,
        configFile,
        root: io.cwd,
        from: values.from,
        to,
        selector: { digest: values.digest, number },
        plan: values.plan,
        overrideReason,
        decision: values.decision?.trim() || undefined,
        allowDowngrade: values['allow-downgrade'],
        source: (0,cli_deploy.clientOf)({ ...values, env: values.from }, io, config),
        target: (0,cli_deploy.clientOf)({ ...values, env: to }, io, config),
        registry: new registry/* RegistryClient */.b(),
        actor: process.env.GITHUB_ACTOR ?? `${external_node_os_default().userInfo().username}@${external_node_os_default().hostname()}`,
        holder: (0,cli_deploy.holderName)(),
        log: format === 'text' ? (line) => io.err(`${line}\n`) : undefined
    });
    io.out(format === 'json' ? JSON.stringify(outcomeJson(outcome), null, 2) + '\n' : promote_text(outcome));
    const ok = outcome.result === 'promoted' ||
        outcome.result === 'unchanged' ||
        (outcome.result === 'plan' && outcome.wouldPromote);
    return ok ? 0 : 1;
}
function promote_text(outcome) {
    const lines = [
        `${outcome.from} release ${outcome.source.number} (${outcome.source.digest ?? 'no digest'}) -> ${outcome.to}`
    ];
    const width = Math.max(...outcome.gates.map((g) => g.gate.length));
    for (const gate of outcome.gates) {
        lines.push(`  ${gate.gate.padEnd(width)}  ${gate.verdict.padEnd(12)}  ${gate.reason}`);
    }
    if (outcome.result === 'plan') {
        lines.push(outcome.wouldPromote ? 'would change:' : 'would change, if allowed:');
        lines.push(...outcome.changes.map((c) => `  ${c}`));
    }
    lines.push(outcome.message);
    return lines.join('\n') + '\n';
}
function outcomeJson(outcome) {
    return {
        result: outcome.result,
        wouldPromote: outcome.wouldPromote,
        decisionNeeded: outcome.decisionNeeded,
        message: outcome.message,
        from: outcome.from,
        to: outcome.to,
        source: (0,cli_deploy.releaseSummary)(outcome.source),
        image: outcome.image,
        gates: outcome.gates,
        changes: outcome.changes,
        targetBefore: outcome.targetBefore ? (0,cli_deploy.releaseSummary)(outcome.targetBefore) : null,
        targetRelease: outcome.targetRelease ? (0,cli_deploy.releaseSummary)(outcome.targetRelease) : null,
        copy: outcome.copy ?? null
    };
}


/***/ })

};
