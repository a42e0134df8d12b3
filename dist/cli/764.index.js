export const id = 764;
export const ids = [764,978];
export const modules = {

/***/ 2764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DIFF_HELP: () => (/* binding */ DIFF_HELP),
  RENDER_HELP: () => (/* binding */ RENDER_HELP),
  configFileOf: () => (/* binding */ configFileOf),
  diffCommand: () => (/* binding */ diffCommand),
  render: () => (/* binding */ render),
  renderCommand: () => (/* binding */ renderCommand),
  reportFindings: () => (/* binding */ reportFindings)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/config/index.ts + 1 modules
var core_config = __webpack_require__(27244);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/kube/cluster.ts
var kube_cluster = __webpack_require__(30247);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 109 modules
var dist = __webpack_require__(99838);
// EXTERNAL MODULE: ./src/core/manifests/manifest.ts
var manifest = __webpack_require__(27073);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(85033);
// EXTERNAL MODULE: ./src/core/manifests/release-metadata.ts
var release_metadata = __webpack_require__(59937);
;// CONCATENATED MODULE: ./src/core/kube/live-diff.ts




// The diff of a render against the live objects of a cluster. Only what the render says is
// compared: every field path of the rendered object against the same path of the live one, so
// that what the server adds (uid, resourceVersion, generation, creationTimestamp,
// managedFields, status, defaults such as imagePullPolicy or a Service's clusterIP) never shows
// as a change; quantities under resources compare by value (the server rewrites `0.1` as
// `100m`). Fields the render no longer sets count as changed when slipway set them last
// time: the paths its field manager owns in managedFields (server-side apply would remove them),
// or, for objects applied by kubectl apply without --server-side, the paths of the
// kubectl.kubernetes.io/last-applied-configuration annotation. Per-release annotations (commit,
// release id, image) are left out, as in the diff of two renders.
//
// Removed objects are the ones in the cluster that carry the environment's label
// (slipway.dev/environment), and the app's labels when every rendered object has the same
// (app.kubernetes.io/name, /instance, /part-of), in the namespaces of the render, of the kinds
// slipway renders and the kinds of the render, that the render no longer has. Objects with a
// controller owner (ReplicaSets and Pods of a Deployment, which inherit the pod template's
// labels) are not listed.
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const APP_LABELS = [
    'app.kubernetes.io/name',
    'app.kubernetes.io/instance',
    'app.kubernetes.io/part-of'
];
const MAX_PATHS = 20;
/** Kinds looked through for removed objects, besides the kinds of the render. */
const LISTED_KINDS = [
    ['v1', 'ConfigMap'],
    ['v1', 'Secret'],
    ['v1', 'Service'],
    ['v1', 'ServiceAccount'],
    ['v1', 'PersistentVolumeClaim'],
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'StatefulSet'],
    ['apps/v1', 'DaemonSet'],
    ['batch/v1', 'Job'],
    ['batch/v1', 'CronJob'],
    ['policy/v1', 'PodDisruptionBudget'],
    ['networking.k8s.io/v1', 'Ingress'],
    ['networking.k8s.io/v1', 'NetworkPolicy'],
    ['rbac.authorization.k8s.io/v1', 'Role'],
    ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler']
];
async function diffLive(request) {
    const { cluster, objects } = request;
    const client = dist/* KubernetesObjectApi */.e1Y.makeApiClient(cluster.config);
    const diff = { added: [], changed: [], removed: [], unchanged: 0 };
    const lives = await inBatches(objects, 8, (object) => readLive(client, cluster, (0,manifest/* idOf */.TH)(object)));
    objects.forEach((object, i) => {
        const live = lives[i];
        const id = (0,manifest/* idOf */.TH)(object);
        if (!live) {
            diff.added.push(id);
            return;
        }
        const paths = [];
        compareRendered(withoutReleaseNoise(object), withoutReleaseNoise(live), '', paths);
        for (const p of formerPaths(live, object))
            if (!paths.includes(p))
                paths.push(p);
        if (paths.length > MAX_PATHS)
            paths.splice(MAX_PATHS, paths.length, '...');
        if (paths.length === 0)
            diff.unchanged++;
        else
            diff.changed.push({ id, paths });
    });
    const selector = selectorOf(request);
    const rendered = new Set(objects.map((o) => (0,manifest/* identityKey */.US)((0,manifest/* idOf */.TH)(o))));
    const namespaces = new Set([request.namespace, ...objects.map((o) => (0,manifest/* idOf */.TH)(o).namespace ?? '')]);
    namespaces.delete('');
    const kinds = new Map(LISTED_KINDS.map(([v, k]) => [`${v} ${k}`, [v, k]]));
    for (const o of objects) {
        const id = (0,manifest/* idOf */.TH)(o);
        if (id.kind !== 'Namespace')
            kinds.set(`${id.apiVersion} ${id.kind}`, [id.apiVersion, id.kind]);
    }
    const clusterScoped = new Set(objects.filter((o) => !(0,manifest/* idOf */.TH)(o).namespace).map((o) => `${(0,manifest/* idOf */.TH)(o).apiVersion} ${(0,manifest/* idOf */.TH)(o).kind}`));
    const queries = [];
    for (const [key, [apiVersion, kind]] of kinds) {
        if (clusterScoped.has(key))
            queries.push({ apiVersion, kind });
        else
            for (const namespace of namespaces)
                queries.push({ apiVersion, kind, namespace });
    }
    const found = await inBatches(queries, 8, (q) => listLabelled(client, cluster, q, selector));
    const removed = new Map();
    for (const id of found.flat()) {
        const key = (0,manifest/* identityKey */.US)(id);
        if (!rendered.has(key))
            removed.set(key, id);
    }
    diff.removed.push(...removed.values());
    return { diff, against: `the live objects (context ${cluster.context})`, selector };
}
async function readLive(client, cluster, id) {
    try {
        const live = await client.read({
            apiVersion: id.apiVersion,
            kind: id.kind,
            metadata: { name: id.name, ...(id.namespace ? { namespace: id.namespace } : {}) }
        });
        return live;
    }
    catch (error) {
        if (error instanceof dist/* ApiException */.UJ4 && error.code === 404)
            return undefined;
        // The cluster does not serve the kind (a custom resource whose CRD is not installed): no
        // such object can exist yet.
        if (error instanceof Error && /^Unrecognized API version and kind/.test(error.message)) {
            return undefined;
        }
        throw (0,kube_cluster/* clusterError */.Fs)(error, cluster, `reading ${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`);
    }
}
async function listLabelled(client, cluster, query, selector) {
    const { apiVersion, kind, namespace } = query;
    let items = [];
    let next;
    try {
        do {
            const list = await client.list(apiVersion, kind, namespace, undefined, undefined, undefined, undefined, selector, 500, next);
            items = items.concat(list.items);
            next = list.metadata?._continue || undefined;
        } while (next);
    }
    catch (error) {
        if (error instanceof dist/* ApiException */.UJ4 && error.code === 404)
            return [];
        if (error instanceof Error && /^Unrecognized API version and kind/.test(error.message))
            return [];
        throw (0,kube_cluster/* clusterError */.Fs)(error, cluster, `listing ${kind} in ${namespace ?? 'the cluster'}`);
    }
    return items
        .filter((item) => !item.metadata?.ownerReferences?.some((r) => r.controller))
        .map((item) => ({
        apiVersion,
        kind,
        namespace: item.metadata?.namespace || undefined,
        name: item.metadata?.name ?? ''
    }));
}
/** The environment's label, and the app's labels that every rendered object carries alike. */
function selectorOf(request) {
    const terms = [`${release_metadata/* LABEL_ENVIRONMENT */.zO}=${(0,release_metadata/* labelValue */.w)(request.environment)}`];
    for (const label of APP_LABELS) {
        const values = new Set(request.objects.map((o) => labelsOf(o)[label]));
        const [value] = values;
        if (values.size === 1 && typeof value === 'string' && value)
            terms.push(`${label}=${value}`);
    }
    return terms.join(',');
}
function labelsOf(object) {
    const metadata = (0,records/* isRecord */.u)(object.metadata) ? object.metadata : {};
    return (0,records/* isRecord */.u)(metadata.labels) ? metadata.labels : {};
}
/**
 * Compares the paths of `rendered` with `live`: keys of the rendered maps only, lists of named
 * items by name, other lists item by item (a different length is a change of the list).
 */
function compareRendered(rendered, live, at, paths) {
    if (paths.length > MAX_PATHS)
        return;
    if ((0,records/* isRecord */.u)(rendered) && (0,records/* isRecord */.u)(live)) {
        for (const key of Object.keys(rendered).sort()) {
            if (at === '' && key === 'status')
                continue;
            compareRendered(rendered[key], live[key], at ? `${at}.${key}` : key, paths);
        }
        return;
    }
    if (Array.isArray(rendered) && Array.isArray(live)) {
        const byName = names(rendered);
        if (byName && names(live)) {
            const liveByName = new Map(live.map((item) => [item.name, item]));
            for (const item of rendered) {
                compareRendered(item, liveByName.get(item.name), `${at}[${item.name}]`, paths);
            }
            // Live items the render does not name are the server's or another manager's, unless
            // slipway set them last time: formerPaths finds those.
            return;
        }
        if (rendered.length !== live.length) {
            paths.push(at);
            return;
        }
        rendered.forEach((item, i) => compareRendered(item, live[i], `${at}[${i}]`, paths));
        return;
    }
    if (!sameValue(rendered, live, at))
        paths.push(at || '(whole object)');
}
/**
 * Equal values; under `resources` (requests, limits), equal quantities however written, as the
 * API server stores them in a canonical form (`0.1` as `100m`, `1024Mi` as `1Gi`).
 */
function sameValue(a, b, at) {
    if (Object.is(a, b))
        return true;
    if (!/(^|\.)(resources|overhead|capacity|hard)\./.test(at))
        return false;
    const x = quantity(a);
    const y = quantity(b);
    return x !== undefined && y !== undefined && Math.abs(x - y) <= Math.abs(x) * 1e-12;
}
const SUFFIXES = {
    '': 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60
};
/** A Kubernetes quantity (`100m`, `1.5Gi`, `2e3`, 4) as a number. */
function quantity(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value !== 'string')
        return undefined;
    const match = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/.exec(value.trim());
    if (!match)
        return undefined;
    const number = Number(match[1]);
    if (match[2])
        return number * 10 ** Number(match[2].slice(1));
    return number * SUFFIXES[match[3] ?? ''];
}
function names(list) {
    const found = list.map((item) => (0,records/* isRecord */.u)(item) && typeof item.name === 'string' ? item.name : undefined);
    if (list.length === 0 || found.some((n) => n === undefined))
        return undefined;
    if (new Set(found).size !== found.length)
        return undefined;
    return found;
}
/**
 * Fields slipway set last time (its managedFields entry; or the last applied configuration of
 * a client-side kubectl apply) that the render no longer has.
 */
function formerPaths(live, rendered) {
    const metadata = (0,records/* isRecord */.u)(live.metadata) ? live.metadata : {};
    const managed = Array.isArray(metadata.managedFields) ? metadata.managedFields : [];
    const entry = managed.find((m) => (0,records/* isRecord */.u)(m) &&
        m.manager === kube_cluster/* FIELD_MANAGER */.vy &&
        m.operation === 'Apply' &&
        !m.subresource &&
        (0,records/* isRecord */.u)(m.fieldsV1));
    const out = [];
    if (entry) {
        for (const segments of fieldPaths(entry.fieldsV1)) {
            if (!present(rendered, segments))
                out.push(pathText(segments));
        }
    }
    else {
        const annotations = (0,records/* isRecord */.u)(metadata.annotations) ? metadata.annotations : {};
        const last = annotations[LAST_APPLIED];
        if (typeof last === 'string') {
            let applied;
            try {
                applied = JSON.parse(last);
            }
            catch {
                applied = undefined;
            }
            for (const segments of leafPaths(applied)) {
                if (!present(rendered, segments))
                    out.push(pathText(segments));
            }
        }
    }
    return out.filter((p) => !release_metadata/* PER_RELEASE_ANNOTATIONS */.Pc.some((a) => p === `metadata.annotations.${a}`));
}
/** The leaf paths of a FieldsV1 set: `f:name` fields and `k:{...}` list items. */
function fieldPaths(fields, prefix = []) {
    const out = [];
    const children = Object.entries(fields).filter(([k]) => k !== '.');
    if (children.length === 0)
        return prefix.length > 0 ? [prefix] : [];
    for (const [name, child] of children) {
        let segment;
        if (name.startsWith('f:'))
            segment = name.slice(2);
        else if (name.startsWith('k:')) {
            try {
                segment = { key: JSON.parse(name.slice(2)) };
            }
            catch {
                segment = undefined;
            }
        }
        // v: (set values) and i: (positions) are parts of atomic lists: the list itself is the leaf.
        if (segment === undefined) {
            if (prefix.length > 0)
                out.push(prefix);
            continue;
        }
        if (typeof segment !== 'string' &&
            (0,records/* isRecord */.u)(child) &&
            '.' in child &&
            Object.keys(child).length === 1) {
            out.push([...prefix, segment]);
            continue;
        }
        out.push(...fieldPaths((0,records/* isRecord */.u)(child) ? child : {}, [...prefix, segment]));
    }
    return out;
}
function leafPaths(value, prefix = []) {
    if ((0,records/* isRecord */.u)(value)) {
        const entries = Object.entries(value);
        if (entries.length === 0)
            return prefix.length > 0 ? [prefix] : [];
        return entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
    }
    if (Array.isArray(value) && names(value)) {
        return value.flatMap((item) => leafPaths(item, [...prefix, { key: { name: item.name } }]));
    }
    return prefix.length > 0 ? [prefix] : [];
}
function present(object, segments) {
    let at = object;
    for (const s of segments) {
        if (typeof s === 'string') {
            if (!(0,records/* isRecord */.u)(at) || !(s in at))
                return false;
            at = at[s];
        }
        else {
            if (!Array.isArray(at))
                return false;
            at = at.find((item) => (0,records/* isRecord */.u)(item) && matchesKey(item, s.key));
            if (at === undefined)
                return false;
        }
    }
    return true;
}
/** A list item matches a merge key when its key fields agree (a protocol left out means TCP). */
function matchesKey(item, key) {
    return Object.entries(key).every(([field, value]) => {
        const own = item[field] ?? (field === 'protocol' ? 'TCP' : undefined);
        return own === value;
    });
}
function pathText(segments) {
    let text = '';
    for (const s of segments) {
        if (typeof s === 'string')
            text += text ? `.${s}` : s;
        else {
            const k = s.key;
            text += `[${typeof k.name === 'string' ? k.name : Object.values(k).map(String).join(',')}]`;
        }
    }
    return text;
}
function withoutReleaseNoise(object) {
    const copy = structuredClone(object);
    const metadata = (0,records/* isRecord */.u)(copy.metadata) ? copy.metadata : undefined;
    const strip = (meta) => {
        if (!(0,records/* isRecord */.u)(meta) || !(0,records/* isRecord */.u)(meta.annotations))
            return;
        for (const a of [...release_metadata/* PER_RELEASE_ANNOTATIONS */.Pc, LAST_APPLIED])
            delete meta.annotations[a];
        if (Object.keys(meta.annotations).length === 0)
            delete meta.annotations;
    };
    strip(metadata);
    const template = (0,records/* isRecord */.u)(copy.spec) && (0,records/* isRecord */.u)(copy.spec.template) ? copy.spec.template : undefined;
    strip(template?.metadata);
    const jobTemplate = (0,records/* isRecord */.u)(copy.spec) && (0,records/* isRecord */.u)(copy.spec.jobTemplate) && (0,records/* isRecord */.u)(copy.spec.jobTemplate.spec)
        ? copy.spec.jobTemplate.spec
        : undefined;
    if (jobTemplate && (0,records/* isRecord */.u)(jobTemplate.template))
        strip(jobTemplate.template.metadata);
    return copy;
}
async function inBatches(items, size, fn) {
    const out = [];
    for (let i = 0; i < items.length; i += size) {
        out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
    }
    return out;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/core/input-file.ts
var input_file = __webpack_require__(27906);
// EXTERNAL MODULE: ./src/core/manifests/yaml-documents.ts
var yaml_documents = __webpack_require__(24468);
// EXTERNAL MODULE: ./src/core/manifests/yaml-folder.ts
var yaml_folder = __webpack_require__(20252);
;// CONCATENATED MODULE: ./src/core/manifests/diff.ts








const diff_MAX_PATHS = 20;
/**
 * Compares two renders object by object (by group, kind, namespace and name). Annotations that
 * change with every release (commit, release id) are left out, so that an object counts as
 * changed only when something a person changed differs.
 */
function diffObjects(previous, current) {
    const before = new Map(previous.map((o) => [(0,manifest/* identityKey */.US)((0,manifest/* idOf */.TH)(o)), o]));
    const diff = { added: [], changed: [], removed: [], unchanged: 0 };
    const seen = new Set();
    for (const object of current) {
        const key = (0,manifest/* identityKey */.US)((0,manifest/* idOf */.TH)(object));
        seen.add(key);
        const old = before.get(key);
        if (!old) {
            diff.added.push((0,manifest/* idOf */.TH)(object));
            continue;
        }
        const paths = [];
        compare(diff_withoutReleaseNoise(old), diff_withoutReleaseNoise(object), '', paths);
        if (paths.length === 0)
            diff.unchanged++;
        else
            diff.changed.push({ id: (0,manifest/* idOf */.TH)(object), paths });
    }
    for (const [key, object] of before)
        if (!seen.has(key))
            diff.removed.push((0,manifest/* idOf */.TH)(object));
    return diff;
}
function hasChanges(diff) {
    return diff.added.length + diff.changed.length + diff.removed.length > 0;
}
/** The objects of an earlier render: its manifests.yaml, or a folder of YAML files. */
async function readRenderedObjects(fileOrDir) {
    let info;
    try {
        info = await (0,promises_.stat)(fileOrDir);
    }
    catch {
        throw new errors/* InputError */.dz('the previous render was not found', { file: fileOrDir });
    }
    if (!info.isDirectory() && !info.isFile()) {
        throw new errors/* InputError */.dz('the previous render is not a regular file or a folder', {
            file: fileOrDir
        });
    }
    let files = [fileOrDir];
    if (info.isDirectory()) {
        const found = await (0,yaml_folder/* yamlFilesUnder */.n)(fileOrDir, fileOrDir);
        if (found.errors.length > 0)
            throw found.errors[0];
        files = found.files;
    }
    // A render's folder holds manifests.yaml and objects/ with the same objects: read one.
    const single = files.find((f) => external_node_path_default().basename(f) === 'manifests.yaml');
    const chosen = info.isDirectory() && single ? [single] : files;
    const objects = [];
    for (const file of chosen) {
        const text = (0,input_file/* readInputFile */.jH)(file, input_file/* INPUT_LIMITS */.Ef.renderOutputBytes, 'render file');
        for (const parsed of (0,yaml_documents/* parseObjects */.MB)(text, file))
            objects.push(parsed.object);
    }
    return objects;
}
function compare(a, b, at, paths) {
    if (paths.length > diff_MAX_PATHS)
        return;
    if (Object.is(a, b))
        return;
    if ((0,records/* isRecord */.u)(a) && (0,records/* isRecord */.u)(b)) {
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
        for (const key of keys)
            compare(a[key], b[key], at ? `${at}.${key}` : key, paths);
        return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        const byName = namedItems(a) && namedItems(b);
        if (byName) {
            const names = [...new Set([...byName(a).keys(), ...byName(b).keys()])];
            for (const name of names)
                compare(byName(a).get(name), byName(b).get(name), `${at}[${name}]`, paths);
            return;
        }
        for (let i = 0; i < Math.max(a.length, b.length); i++)
            compare(a[i], b[i], `${at}[${i}]`, paths);
        return;
    }
    if (paths.length === diff_MAX_PATHS)
        paths.push('...');
    else
        paths.push(at || '(whole object)');
}
/** Lists of items with unique names (containers, env, ports, volumes) compare by name. */
function namedItems(list) {
    const names = list.map((item) => (0,records/* isRecord */.u)(item) && typeof item.name === 'string' ? item.name : undefined);
    if (list.length === 0 ||
        names.some((n) => n === undefined) ||
        new Set(names).size !== names.length) {
        return undefined;
    }
    return (l) => new Map(l.map((item) => [item.name, item]));
}
function diff_withoutReleaseNoise(value) {
    if (Array.isArray(value))
        return value.map(diff_withoutReleaseNoise);
    if (!(0,records/* isRecord */.u)(value))
        return value;
    const out = {};
    for (const [key, child] of Object.entries(value)) {
        if (key === 'annotations' && (0,records/* isRecord */.u)(child)) {
            const kept = Object.entries(child).filter(([k]) => !release_metadata/* PER_RELEASE_ANNOTATIONS */.Pc.includes(k));
            if (kept.length > 0)
                out[key] = Object.fromEntries(kept);
        }
        else {
            out[key] = diff_withoutReleaseNoise(child);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/core/summary-text.ts
var summary_text = __webpack_require__(88615);
;// CONCATENATED MODULE: ./src/core/manifests/diff-markdown.ts



const MAX_ROWS = 100;
/**
 * The diff as Markdown for a job summary or a pull-request comment: a count line, then one
 * row per added, changed or removed object with the fields that changed.
 */
function diffMarkdown(diff, options) {
    const lines = [`### Changes to ${(0,summary_text/* summaryText */.g5)(options.environment)}`, ''];
    const counts = [
        `${diff.added.length} added`,
        `${diff.changed.length} changed`,
        `${diff.removed.length} removed`,
        `${diff.unchanged} unchanged`
    ].join(', ');
    lines.push(`${counts}, compared with ${(0,summary_text/* summaryText */.g5)(options.against)}.`);
    if (!hasChanges(diff))
        return lines.join('\n') + '\n';
    const rows = [
        ...diff.added.map((id) => row('added', id, '')),
        ...diff.changed.map(({ id, paths }) => row('changed', id, paths.map(summary_text/* markdownCode */.D9).join(', '))),
        ...diff.removed.map((id) => row('removed', id, ''))
    ];
    lines.push('', '| Change | Object | Changed fields |', '| --- | --- | --- |', ...rows.slice(0, MAX_ROWS));
    if (rows.length > MAX_ROWS)
        lines.push('', `... and ${rows.length - MAX_ROWS} more objects.`);
    return lines.join('\n') + '\n';
}
function row(change, id, fields) {
    return `| ${change} | ${(0,summary_text/* summaryText */.g5)((0,manifest/* describeId */.p4)(id))} | ${fields} |`;
}

// EXTERNAL MODULE: ./src/core/manifests/findings.ts
var manifests_findings = __webpack_require__(34850);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(99978);
// EXTERNAL MODULE: ./src/core/manifests/pipeline.ts + 20 modules
var pipeline = __webpack_require__(35607);
;// CONCATENATED MODULE: ./src/core/manifests/git-ref.ts








async function renderAtRef(request) {
    const { root, ref, environment } = request;
    if (!ref.trim() || ref.startsWith('-'))
        throw new errors/* UserError */.yo(`"${ref}" is not a git ref`);
    const notRepository = () => new errors/* UserError */.yo(`${root} is not in a git repository, so no git ref can be rendered`);
    const top = (await git(root, ['rev-parse', '--show-toplevel'], notRepository)).trim();
    if (!top)
        throw notRepository();
    const commit = (await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => missingRef(ref))).trim();
    const label = commit.startsWith(ref) ? commit.slice(0, 12) : `${ref} (${commit.slice(0, 12)})`;
    const temp = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'slipway-ref-'));
    try {
        const tar = external_node_path_default().join(temp, 'ref.tar');
        const tree = external_node_path_default().join(temp, 'tree');
        await git(top, ['archive', '--format=tar', '-o', tar, commit]);
        await (0,promises_.mkdir)(tree);
        await runOrFail('tar', ['-xf', tar, '-C', tree]);
        const rootAtRef = external_node_path_default().join(tree, external_node_path_default().relative(top, await (0,promises_.realpath)(root)));
        const configAtRef = external_node_path_default().join(rootAtRef, external_node_path_default().relative(root, request.configFile));
        const configName = external_node_path_default().relative(root, request.configFile);
        if (!(0,external_node_fs_.existsSync)(configAtRef)) {
            throw new errors/* UserError */.yo(`${configName} does not exist at ${label}, so it cannot be rendered`);
        }
        const config = await (0,core_config/* loadConfig */.Z9)(configAtRef).catch((error) => {
            throw new errors/* UserError */.yo(`${configName} at ${label} is not valid: ${(0,errors/* errorMessage */.gJ)(error)}`);
        });
        if (!Object.hasOwn(config.environments, environment)) {
            return { objects: [], commit, label, newEnvironment: true };
        }
        const result = await (0,pipeline/* renderEnvironment */.C)({
            config,
            environment,
            root: rootAtRef,
            configFile: configAtRef,
            image: request.image,
            version: request.version,
            commit: request.commit,
            releaseId: request.releaseId
        }).catch((error) => {
            throw new errors/* UserError */.yo(`rendering ${environment} at ${label} failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
        });
        // Policy or validation errors of the old render do not matter here: it is only compared.
        return { objects: result.objects.map((o) => o.object), commit, label, newEnvironment: false };
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}
function missingRef(ref) {
    return new errors/* UserError */.yo(`git ref "${ref}" is not in the repository's history; a shallow checkout has only the ` +
        'commit it checked out (actions/checkout: fetch-depth: 0, or fetch the ref first)');
}
async function git(cwd, args, onFailure) {
    const result = await (0,core_process.runCommand)('git', ['-C', cwd, ...args]);
    if (result.exitCode !== 0) {
        if (onFailure)
            throw onFailure();
        throw new errors/* UserError */.yo(`git ${args[0]} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
    }
    return result.stdout;
}
async function runOrFail(program, args) {
    const result = await (0,core_process.runCommand)(program, args);
    if (result.exitCode !== 0) {
        throw new errors/* UserError */.yo(`${program} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
    }
}

// EXTERNAL MODULE: ./src/core/manifests/serialize.ts + 1 modules
var serialize = __webpack_require__(42312);
;// CONCATENATED MODULE: ./src/core/manifests/write-output.ts



/**
 * Writes a render into `dir`: manifests.yaml, objects/ and objects.json. objects/ is emptied
 * first: a file left from an earlier render would be applied with the new ones.
 */
async function writeRenderOutput(result, dir, root) {
    if ((0,external_node_fs_.statSync)(dir, { throwIfNoEntry: false })?.isDirectory() === false) {
        throw new errors/* InputError */.dz('the output folder is a file', { file: dir });
    }
    const objectsDir = external_node_path_default().join(dir, 'objects');
    // Synchronous on purpose: a thousand small files written through the thread pool spend most of
    // their time waiting for it (about 500 ms against 100 ms for 1,000 objects, bench/render.mjs),
    // and there is nothing else to do meanwhile.
    (0,external_node_fs_.rmSync)(objectsDir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(objectsDir, { recursive: true });
    const manifestsFile = external_node_path_default().join(dir, 'manifests.yaml');
    const objectsFile = external_node_path_default().join(dir, 'objects.json');
    (0,external_node_fs_.writeFileSync)(manifestsFile, result.yaml);
    (0,external_node_fs_.writeFileSync)(objectsFile, JSON.stringify(objectList(result, root), null, 2) + '\n');
    for (const o of result.objects)
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(objectsDir, o.file), o.yaml);
    return { manifestsFile, objectsDir, objectsFile };
}
function objectList(result, root) {
    return result.objects.map(({ id, file, source }) => ({
        apiVersion: id.apiVersion,
        kind: id.kind,
        ...(id.namespace ? { namespace: id.namespace } : {}),
        name: id.name,
        file: `objects/${file}`,
        ...(source ? { source: sourceText(source.file, source.line, root) } : {})
    }));
}
function sourceText(file, line, root) {
    const relative = external_node_path_default().isAbsolute(file) ? external_node_path_default().relative(root, file) : file;
    return line ? `${relative}:${line}` : relative;
}

// EXTERNAL MODULE: ./src/core/manifests/image-ref.ts
var image_ref = __webpack_require__(9559);
// EXTERNAL MODULE: ./src/core/manifests/pod-specs.ts
var pod_specs = __webpack_require__(47656);
;// CONCATENATED MODULE: ./src/core/manifests/image-report.ts



/**
 * Every container image of a render: the ones slipway pinned, and the ones it left as they
 * are with the reason. `noImage` says how the caller left the released image out ("no --image
 * was given").
 */
function imageReport(result, noImage) {
    const released = new Set(result.releasedRepositories.map(image_ref/* canonicalRepository */.JA));
    const pinnedAt = new Map(result.pinned.map((p) => [`${p.object}\0${p.container}`, p]));
    const entries = new Map();
    for (const { id, object } of result.objects) {
        const pod = (0,pod_specs/* podSpecOf */.qz)(object);
        if (!pod)
            continue;
        const where = (0,manifest/* describeId */.p4)(id);
        for (const { container } of (0,pod_specs/* containersOf */.Mz)(pod)) {
            if (typeof container.image !== 'string')
                continue;
            const pin = pinnedAt.get(`${where}\0${String(container.name)}`);
            const image = pin?.from ?? container.image;
            const key = `${image}\0${pin?.to ?? ''}`;
            const entry = entries.get(key) ?? {
                image,
                ...(pin ? { pinnedTo: pin.to } : { reason: whyLeft(image, released, noImage) }),
                objects: []
            };
            if (!entry.objects.includes(where))
                entry.objects.push(where);
            entries.set(key, entry);
        }
    }
    const isReleased = (e) => (e.pinnedTo || isOf(e.image, released) ? 0 : 1);
    return [...entries.values()].sort((a, b) => isReleased(a) - isReleased(b) || (a.image < b.image ? -1 : a.image > b.image ? 1 : 0));
}
/** One line per image, for a log: `image X pinned to Y in Deployment a/b`. */
function imageReportLines(entries) {
    return entries.map((e) => `image ${e.image} ${e.pinnedTo ? `pinned to ${e.pinnedTo}` : 'left as it is'} in ${e.objects.join(', ')}${e.reason ? `: ${e.reason}` : ''}`);
}
function whyLeft(image, released, noImage) {
    const ref = (0,image_ref/* parseImageRef */.Q)(image);
    if (!ref)
        return 'not an image reference slipway can read';
    if (ref.digest)
        return 'pinned by digest in the manifests';
    if (released.has((0,image_ref/* canonicalRepository */.JA)(ref.repository))) {
        return `the released image, but ${noImage}`;
    }
    return 'not the released image (manifests.pin pins others)';
}
function isOf(image, released) {
    const ref = (0,image_ref/* parseImageRef */.Q)(image);
    return ref !== undefined && !ref.digest && released.has((0,image_ref/* canonicalRepository */.JA)(ref.repository));
}

;// CONCATENATED MODULE: ./src/core/output-path.ts



/**
 * `dir` (absolute) resolved, when it lies inside one of `allowed` and outside .git and every
 * manifests source of `config` under `root` (which the next render would read back, and whose
 * files the objects/ folder written there could replace). Otherwise a UserError that starts
 * with `subject`: the input or option and its value as the user gave it.
 */
function checkOutputDir(dir, options) {
    const { subject, allowed, root, config } = options;
    const real = realPath(dir);
    if (!allowed.some((place) => within(realPath(place.dir), real))) {
        const names = allowed.map((place) => place.name).join(' and ');
        throw new errors/* UserError */.yo(`${subject} is outside ${names}`);
    }
    if (real.split((external_node_path_default()).sep).includes('.git')) {
        throw new errors/* UserError */.yo(`${subject} is inside .git`);
    }
    for (const source of manifestSources(config)) {
        const sourceDir = realPath(external_node_path_default().resolve(root, source));
        if (within(sourceDir, real) || within(external_node_path_default().join(real, 'objects'), sourceDir)) {
            throw new errors/* UserError */.yo(`${subject} overlaps the manifests source ${source}, which a render reads`);
        }
    }
    return real;
}
/** `file` (absolute) resolved, when it lies inside `place`; else a UserError with `subject`. */
function checkInputFile(file, options) {
    const real = realPath(file);
    if (!within(realPath(options.place.dir), real)) {
        throw new UserError(`${options.subject} is outside ${options.place.name}`);
    }
    return real;
}
/** Every folder a render of some environment reads: plain paths, kustomize folders, charts. */
function manifestSources(config) {
    const sources = new Set();
    const environments = Object.keys(config.environments);
    for (const source of [
        config.manifests,
        ...Object.values(config.environments).map((env) => env.manifests)
    ]) {
        if (!source)
            continue;
        for (const folder of [source.path, source.kustomize, source.helm?.chart]) {
            if (!folder)
                continue;
            if (!folder.includes('{env}'))
                sources.add(folder);
            else
                for (const env of environments)
                    sources.add(folder.replaceAll('{env}', env));
        }
    }
    return [...sources];
}
/** `p` with symbolic links resolved, as far as it exists (the rest appended as it is). */
function realPath(p) {
    const rest = [];
    let existing = external_node_path_default().resolve(p);
    while (!(0,external_node_fs_.existsSync)(existing)) {
        const parent = external_node_path_default().dirname(existing);
        if (parent === existing)
            break;
        rest.unshift(external_node_path_default().basename(existing));
        existing = parent;
    }
    try {
        return external_node_path_default().join((0,external_node_fs_.realpathSync)(existing), ...rest);
    }
    catch {
        return external_node_path_default().resolve(p);
    }
}
function within(base, p) {
    const back = external_node_path_default().relative(base, p);
    return back === '' || (!back.startsWith('..') && !external_node_path_default().isAbsolute(back));
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
;// CONCATENATED MODULE: ./src/cli/render.ts
















const RENDER_HELP = `Usage: slipway render --env NAME [--config FILE] [--image REF@DIGEST] [--out DIR] [--format yaml|json]

Renders the manifests of an environment from its source in slipway.yaml (plain YAML folder,
kustomize or helm), then pins the released image to its digest, adds the release's labels and
annotations, defaults namespaces, sorts into install order, validates every object against the
Kubernetes schemas and runs the policy checks.

Options:
  --env NAME           the environment to render (required)
  --config FILE        the config file (default: slipway.yaml)
  --image REF@DIGEST   the released image, repository[:tag]@sha256:..., or a bare digest of
                       image.repository; pinned wherever the manifests use its repository
  --app-version TEXT   the app.kubernetes.io/version label (default: the image's tag)
  --commit SHA         the commit annotation (default: $GITHUB_SHA)
  --release-id ID      the release annotation (default: <env>-<first 12 digits of the digest>)
  --allow-empty        a render of zero objects is not an error (default: manifests.allow-empty,
                       else an error: deployed with pruning, an empty render deletes everything)
  --out DIR            write DIR/manifests.yaml, DIR/objects/ (one file per object) and
                       DIR/objects.json instead of printing the manifests
  --format yaml|json   the manifests as YAML or a JSON list; with --out, the summary as
                       text or JSON (default: yaml)

Problems go to stderr as file:line: message. Exit codes: 0 rendered (warnings allowed),
1 errors (nothing is printed or written), 2 usage error or input that cannot be read
(docs/cli.md).
`;
const DIFF_HELP = `Usage: slipway diff --env NAME --previous PATH [--config FILE] [--image REF@DIGEST]
       slipway diff --env NAME --previous-ref REF [--config FILE] [--image REF@DIGEST]
       slipway diff --previous PATH --current PATH
       slipway diff --env NAME --live [--kubeconfig FILE] [--context NAME]

Compares a render with an earlier one (its manifests.yaml or its folder), object by object:
added, changed (with the fields that changed) and removed. The first form renders the
environment as slipway render does; the second also renders it from the repository as it was
at a git ref (with the same image), and compares the two; the third compares two renders
already written. The fourth compares the render with the live objects of the cluster: only
the fields the render sets (what the server adds is not a change), plus fields slipway applied
last time and the render no longer sets; removed objects are those with the environment's
label that the render no longer has.

Options:
  --previous PATH        the earlier render: a multi-document YAML file or a folder
  --previous-ref REF     a branch, tag or commit of the repository to render and compare with
  --current PATH         compare with this render instead of rendering
  --live                 compare with the live objects of the cluster
  --kubeconfig FILE      the kubeconfig for --live (default: $KUBECONFIG, else ~/.kube/config)
  --context NAME         its context (default: the environment's context in slipway.yaml,
                         else the kubeconfig's current context)
  --env NAME, --config FILE, --image REF@DIGEST, --app-version, --commit, --release-id,
  --allow-empty          as for slipway render
  --format markdown|json output format (default: markdown)
  --exit-code            exit 1 when there are changes

Exit codes: 0 compared (1 with --exit-code and changes), 1 errors, 2 usage error.
`;
const RENDER_OPTIONS = {
    env: { type: 'string' },
    config: { type: 'string' },
    image: { type: 'string' },
    'app-version': { type: 'string' },
    commit: { type: 'string' },
    'release-id': { type: 'string' },
    'allow-empty': { type: 'boolean' },
    format: { type: 'string' }
};
async function renderCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, { ...RENDER_OPTIONS, out: { type: 'string' } });
    const format = (0,cli_io/* formatOption */.Bx)(values.format, ['yaml', 'json']);
    const out = values.out === undefined ? undefined : await outputDir(values.out, values, io);
    const result = await render(values, io);
    if (!reportFindings(result.findings, io))
        return 1;
    const images = imageReport(result, 'no --image was given');
    for (const line of imageReportLines(images))
        io.err(`${line}\n`);
    if (!out || !values.out) {
        const objects = result.objects.map((o) => o.object);
        io.out(format === 'json' ? (0,serialize/* manifestsJson */.Fx)(objects) : result.yaml);
        return 0;
    }
    const written = await writeRenderOutput(result, out, io.cwd);
    if (format === 'json') {
        const summary = {
            environment: result.environment,
            hash: result.hash,
            ...written,
            objects: objectList(result, io.cwd),
            images,
            findings: result.findings
        };
        io.out(JSON.stringify(summary, null, 2) + '\n');
    }
    else {
        const count = `${result.objects.length} object${result.objects.length === 1 ? '' : 's'}`;
        io.out(`${result.environment}: ${count} written to ${values.out} (${result.hash})\n`);
    }
    return 0;
}
async function diffCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, {
        ...RENDER_OPTIONS,
        previous: { type: 'string' },
        'previous-ref': { type: 'string' },
        current: { type: 'string' },
        live: { type: 'boolean' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        'exit-code': { type: 'boolean' }
    });
    const format = (0,cli_io/* formatOption */.Bx)(values.format, ['markdown', 'json']);
    const print = (diff, environment, against) => {
        io.out(format === 'json'
            ? JSON.stringify(diff, null, 2) + '\n'
            : diffMarkdown(diff, { environment, against }));
        return values['exit-code'] && hasChanges(diff) ? 1 : 0;
    };
    if (values.live) {
        if (values.previous || values['previous-ref'] || values.current) {
            throw new cli_io/* UsageError */.eb('--live compares with the cluster: leave out --previous, --previous-ref and --current');
        }
        const result = await render(values, io);
        if (!reportFindings(result.findings, io))
            return 1;
        const config = await (0,core_config/* loadConfig */.Z9)(configFileOf(values, io));
        const cluster = (0,kube_cluster/* loadCluster */.vj)({
            kubeconfig: values.kubeconfig && external_node_path_default().resolve(io.cwd, values.kubeconfig),
            context: values.context ?? config.environments[result.environment].context
        });
        const live = await diffLive({
            cluster,
            objects: result.objects.map((o) => o.object),
            environment: result.environment,
            namespace: result.namespace
        });
        return print(live.diff, result.environment, live.against);
    }
    if (values.kubeconfig || values.context) {
        throw new cli_io/* UsageError */.eb('--kubeconfig and --context go with --live');
    }
    const ref = values['previous-ref'];
    if (!values.previous && !ref)
        throw new cli_io/* UsageError */.eb('--previous, --previous-ref or --live is required');
    if (values.previous && ref) {
        throw new cli_io/* UsageError */.eb('give either --previous or --previous-ref, not both');
    }
    if (values.current && values.env) {
        throw new cli_io/* UsageError */.eb('give either --env (render now) or --current, not both');
    }
    if (ref && !values.env)
        throw new cli_io/* UsageError */.eb('--previous-ref needs --env');
    let current;
    let environment = values.env ?? external_node_path_default().basename(external_node_path_default().resolve(io.cwd, values.current ?? '.'));
    let result;
    if (values.current) {
        current = await readRenderedObjects(external_node_path_default().resolve(io.cwd, values.current));
    }
    else {
        result = await render(values, io);
        if (!reportFindings(result.findings, io))
            return 1;
        current = result.objects.map((o) => o.object);
        environment = result.environment;
    }
    let previous;
    let against = values.previous ?? '';
    if (ref && result) {
        const atRef = await renderAtRef({
            root: io.cwd,
            configFile: configFileOf(values, io),
            environment,
            ref,
            image: values.image,
            version: result.release.version,
            commit: result.release.commit,
            releaseId: result.release.releaseId
        });
        previous = atRef.objects;
        against = atRef.label;
    }
    else {
        previous = await readRenderedObjects(external_node_path_default().resolve(io.cwd, values.previous));
    }
    return print(diffObjects(previous, current), environment, against);
}
async function render(values, io) {
    const environment = values.env;
    if (typeof environment !== 'string')
        throw new cli_io/* UsageError */.eb('--env is required');
    const configFile = configFileOf(values, io);
    const config = await (0,core_config/* loadConfig */.Z9)(configFile);
    return (0,pipeline/* renderEnvironment */.C)({
        config,
        environment,
        root: io.cwd,
        configFile,
        image: values.image,
        version: values['app-version'],
        commit: values.commit ?? process.env.GITHUB_SHA,
        releaseId: values['release-id'],
        allowEmpty: values['allow-empty'] === true
    });
}
/**
 * The --out folder, resolved: inside the current folder or the temp folder, and neither in
 * .git nor in a manifests source.
 */
async function outputDir(out, values, io) {
    const config = await (0,core_config/* loadConfig */.Z9)(configFileOf(values, io));
    try {
        return checkOutputDir(external_node_path_default().resolve(io.cwd, out), {
            subject: `--out ${out}`,
            allowed: [
                { dir: io.cwd, name: 'the current folder' },
                // os.tmpdir() reads the same variables, but those of the process it was loaded in.
                { dir: process.env.TMPDIR || external_node_os_default().tmpdir(), name: 'the temp folder' }
            ],
            root: io.cwd,
            config
        });
    }
    catch (error) {
        throw error instanceof errors/* UserError */.yo ? new cli_io/* UsageError */.eb(error.message) : error;
    }
}
function configFileOf(values, io) {
    return external_node_path_default().resolve(io.cwd, values.config ?? core_config/* DEFAULT_CONFIG_FILE */.Cu);
}
/**
 * Prints every finding as `file:line: level: message [check]` on stderr (on a runner, also as
 * an annotation); false when one of them is an error.
 */
function reportFindings(findings, io) {
    for (const finding of findings) {
        const error = (0,manifests_findings/* findingError */._)({ ...finding, location: relativeTo(io.cwd, finding) });
        const text = (0,errors/* formatUserError */.XR)(error);
        const where = text.slice(0, text.length - error.message.length);
        io.err(`${where}${finding.level}: ${error.message} [${finding.check}]\n`);
        io.command?.((0,cli_io/* annotation */.w7)(finding.level, error));
    }
    return (0,manifests_findings/* errorsOf */.B)(findings).length === 0;
}
function relativeTo(root, finding) {
    const location = finding.location;
    if (!location || !external_node_path_default().isAbsolute(location.file))
        return location;
    const relative = external_node_path_default().relative(root, location.file);
    return { ...location, file: relative.startsWith('..') ? location.file : relative };
}


/***/ }),

/***/ 27244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cu: () => (/* reexport */ DEFAULT_CONFIG_FILE),
  md: () => (/* reexport */ schema/* POLICY_DEFAULTS */.md),
  Z9: () => (/* reexport */ loadConfig),
  o4: () => (/* reexport */ parseConfig)
});

// UNUSED EXPORTS: analysisSchema, configSchema, crossCheck, deploySchema, environmentSchema, gatesSchema, imageSchema, keyPathText, manifestsSchema, metricSchema, policySchema, scanSchema, severity, validationSchema, windowsSchema

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/input-file.ts
var input_file = __webpack_require__(27906);
// EXTERNAL MODULE: ./src/core/yaml-nesting.ts
var yaml_nesting = __webpack_require__(3535);
// EXTERNAL MODULE: ./src/core/yaml-unique-keys.ts
var yaml_unique_keys = __webpack_require__(67339);
// EXTERNAL MODULE: ./src/core/config/schema.ts
var schema = __webpack_require__(47967);
;// CONCATENATED MODULE: ./src/core/config/load.ts






const DEFAULT_CONFIG_FILE = 'slipway.yaml';
/** Reads and validates slipway.yaml; throws UserErrors with one entry, file and line per mistake. */
async function loadConfig(file = DEFAULT_CONFIG_FILE) {
    return parseConfig((0,input_file/* readInputFile */.jH)(file, input_file/* INPUT_LIMITS */.Ef.configBytes, 'config file'), file);
}
function parseConfig(text, file) {
    if (text.length > input_file/* INPUT_LIMITS */.Ef.configBytes) {
        throw new core_errors/* InputError */.dz(`config file is larger than the limit of ${(0,input_file/* formatBytes */.z3)(input_file/* INPUT_LIMITS */.Ef.configBytes)}`, { file });
    }
    const deep = (0,yaml_nesting/* tooDeepAt */.U)(text);
    if (deep !== undefined) {
        throw new core_errors/* InputError */.dz(`invalid YAML: nested more than ${input_file/* INPUT_LIMITS */.Ef.flowNesting} levels deep`, {
            file,
            line: lineOfOffset(text, deep)
        });
    }
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const yamlErrors = doc.errors.map((e) => ({ offset: e.pos[0], message: e.message }));
    for (const repeated of (0,yaml_unique_keys/* repeatedKeys */.f)(doc)) {
        yamlErrors.push({ offset: repeated.offset, message: (0,yaml_unique_keys/* repeatedKeyMessage */.n)(repeated) });
    }
    if (yamlErrors.length > 0) {
        throw new core_errors/* UserErrors */.tQ(yamlErrors.map(({ offset, message }) => {
            const line = lineCounter.linePos(offset).line;
            const text = message.startsWith('invalid YAML') ? message : `invalid YAML: ${message}`;
            return new core_errors/* InputError */.dz(firstLine(text), { file, line });
        }));
    }
    const raw = toJS(doc, file) ?? {};
    const result = schema/* configSchema */.Qn.safeParse(raw, { reportInput: true });
    const lineOf = lineIndex(doc, lineCounter);
    const errors = result.success
        ? []
        : result.error.issues.flatMap((issue) => describeIssue(issue, lineOf, file));
    for (const { path, message } of (0,schema/* crossCheck */.DV)(raw)) {
        errors.push(new core_errors/* UserError */.yo(`${keyPathText(path)}: ${message}`, { file, line: lineOf(path) }));
    }
    if (result.success && errors.length === 0)
        return result.data;
    throw new core_errors/* UserErrors */.tQ(errors);
}
function toJS(doc, file) {
    try {
        return doc.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        // The yaml library's guard against alias bombs (a few lines that expand to billions of nodes).
        if (error instanceof ReferenceError && /alias/i.test(error.message)) {
            throw new core_errors/* InputError */.dz('invalid YAML: too many alias expansions (an alias bomb?)', { file });
        }
        throw error;
    }
}
function describeIssue(issue, lineOf, file) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
            const keyPath = [...path, key];
            return new core_errors/* UserError */.yo(`${keyPathText(keyPath)}: unknown key`, { file, line: lineOf(keyPath) });
        });
    }
    return [
        new core_errors/* UserError */.yo(`${keyPathText(path)}: ${issueMessage(issue)}`, { file, line: lineOf(path) })
    ];
}
function issueMessage(issue) {
    if (issue.code === 'invalid_type' && issue.input === undefined)
        return 'required';
    if (issue.code === 'invalid_value' && issue.values.length > 1) {
        return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    return firstLine(issue.message).replace(/^Invalid input: /, '');
}
/** `environments.production.promote-to`, with list indexes as `[2]`. */
function keyPathText(path) {
    if (path.length === 0)
        return '(top level)';
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
/**
 * The line of the key (or list item) at a path, or of its nearest ancestor that exists. Each
 * map's keys are indexed the first time it is looked into, so that thousands of errors in a
 * map of thousands of keys cost one pass, not one search each.
 */
function lineIndex(doc, lineCounter) {
    const keysOf = new WeakMap();
    const pairsOf = (map) => {
        let index = keysOf.get(map);
        if (!index) {
            index = new Map();
            for (const pair of map.items) {
                if ((0,dist/* isPair */.tO)(pair) && (0,dist/* isScalar */.jn)(pair.key) && !index.has(pair.key.value)) {
                    index.set(pair.key.value, pair);
                }
            }
            keysOf.set(map, index);
        }
        return index;
    };
    return (path) => {
        let node = doc.contents;
        let offset = doc.contents?.range?.[0];
        for (const segment of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = pairsOf(node).get(segment);
                if (!pair)
                    break;
                offset = pair.key.range?.[0] ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
                const item = node.items[segment];
                if (!item)
                    break;
                offset = item.range?.[0] ?? offset;
                node = item;
            }
            else {
                break;
            }
        }
        return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    };
}
function firstLine(text) {
    return text.split('\n')[0].trim();
}
function lineOfOffset(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}

;// CONCATENATED MODULE: ./src/core/config/index.ts




/***/ }),

/***/ 27906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ef: () => (/* binding */ INPUT_LIMITS),
/* harmony export */   jH: () => (/* binding */ readInputFile),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


/** Limits on what slipway reads, so that a hostile or broken input cannot exhaust the runner. */
const INPUT_LIMITS = {
    /** slipway.yaml */
    configBytes: 1024 * 1024,
    /** One file of manifests (plain YAML folder, an earlier render, CRD schemas). */
    manifestFileBytes: 16 * 1024 * 1024,
    /** What kustomize or helm print for one render. */
    renderOutputBytes: 64 * 1024 * 1024,
    /** YAML documents in one file or one render. */
    documents: 10_000,
    /** Flow collections (`[`, `{`) open at once in a YAML file. */
    flowNesting: 1000,
    /** Metric samples files of canary judge. */
    samplesBytes: 16 * 1024 * 1024
};
function formatBytes(bytes) {
    return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}
/**
 * Reads a regular file of at most `limit` bytes as UTF-8. Anything else (a FIFO, a device such
 * as /dev/urandom, a folder, a file too big) is a UserError on the file, before any of it is read.
 */
function readInputFile(path, limit, what = 'file', 
/** How the file is named in messages, when not as `path` (as the user wrote it, say). */
file = path) {
    let size;
    try {
        size = regularFileSize((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path), file, what);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${what} ${reason(error)}`, { file });
    }
    if (size > limit)
        throw tooBig(file, what, limit);
    let fd;
    try {
        // O_NONBLOCK: should the file have been swapped for a FIFO since, opening it cannot hang.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${what} ${reason(error)}`, { file });
    }
    try {
        regularFileSize((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd), file, what);
        const buffer = Buffer.alloc(Math.min(size, limit) + 1);
        let length = 0;
        for (;;) {
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
            if (length > limit)
                throw tooBig(file, what, limit);
        }
        return buffer.toString('utf8', 0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function regularFileSize(info, file, what) {
    if (!info.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${what} is not a regular file`, { file });
    return info.size;
}
function tooBig(file, what, limit) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${what} is larger than the limit of ${formatBytes(limit)}`, { file });
}
function reason(error) {
    const code = error.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return 'not found';
    if (code === 'EACCES' || code === 'EPERM')
        return 'not readable (permission denied)';
    return 'unreadable';
}


/***/ }),

/***/ 30247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fs: () => (/* binding */ clusterError),
/* harmony export */   vj: () => (/* binding */ loadCluster),
/* harmony export */   vy: () => (/* binding */ FIELD_MANAGER)
/* harmony export */ });
/* unused harmony export credentialsOf */
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99838);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74296);





/** The field manager slipway applies with: the fields it owns are the ones it set last time. */
const FIELD_MANAGER = 'slipway';
/**
 * Loads a kubeconfig and picks the context. Never falls back to an in-cluster or localhost
 * default: with no kubeconfig there is no cluster to talk to, and that is said in one line.
 */
function loadCluster(options, env = process.env) {
    const config = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .KubeConfig */ .ypW();
    const file = options.kubeconfig;
    let described;
    try {
        if (file) {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`the kubeconfig ${file} does not exist`);
            described = file;
            config.loadFromFile(file);
        }
        else if (env.KUBECONFIG) {
            described = env.KUBECONFIG;
            const files = env.KUBECONFIG.split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)).filter(Boolean);
            if (!files.some((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(f))) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`KUBECONFIG names no file that exists (${env.KUBECONFIG})`);
            }
            config.loadFromDefault({}, false);
        }
        else {
            described = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.kube', 'config');
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(described)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo('no kubeconfig: give one (kubeconfig input or --kubeconfig), or set KUBECONFIG');
            }
            config.loadFromFile(described);
        }
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`the kubeconfig ${file ?? env.KUBECONFIG} could not be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`);
    }
    if (options.context) {
        if (!config.getContextObject(options.context)) {
            const names = config.getContexts().map((c) => c.name);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`context "${options.context}" is not in the kubeconfig ${described}` +
                (names.length > 0 ? ` (it has ${names.join(', ')})` : ''));
        }
        config.setCurrentContext(options.context);
    }
    const cluster = config.getCurrentCluster();
    if (!config.getCurrentContext() || !cluster) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`the kubeconfig ${described} has no current context: give a context`);
    }
    return { config, context: config.getCurrentContext(), server: cluster.server };
}
/** Secrets in the kubeconfig's current user, to mask before anything could print them. */
function credentialsOf(cluster) {
    const user = cluster.config.getCurrentUser();
    if (!user)
        return [];
    return [user.token, user.password, user.keyData].filter((v) => typeof v === 'string' && v.length > 0);
}
/**
 * An error from the API (or from reaching it) as one line a person understands: unreachable,
 * credentials refused, not allowed, or the server's own message.
 */
function clusterError(error, cluster, doing) {
    const where = `the cluster at ${cluster.server} (context ${cluster.context})`;
    if (error instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .ApiException */ .UJ4) {
        const code = error.code;
        const message = statusMessage(error.body);
        if (code === 401) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${where} refused the kubeconfig's credentials (401 Unauthorized) while ${doing}`);
        }
        if (code === 403) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${where} does not allow ${doing} (403 Forbidden)${message ? `: ${message}` : ''}`);
        }
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${where} answered ${code} while ${doing}${message ? `: ${message}` : ''}`);
    }
    const cause = error?.cause;
    const detail = [(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error), cause ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(cause) : ''].filter(Boolean).join(': ');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${where} is unreachable while ${doing}: ${detail}`);
}
function statusMessage(body) {
    let value = body;
    if (typeof body === 'string') {
        try {
            value = JSON.parse(body);
        }
        catch {
            return body.slice(0, 200);
        }
    }
    const message = value?.message;
    return typeof message === 'string' ? message : '';
}


/***/ }),

/***/ 34850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ errorsOf),
/* harmony export */   _: () => (/* binding */ findingError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

function findingError(finding) {
    const subject = finding.object ? `${finding.object}: ` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${subject}${finding.message}`, finding.location);
}
function errorsOf(findings) {
    return findings.filter((f) => f.level === 'error');
}


/***/ }),

/***/ 9559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JA: () => (/* binding */ canonicalRepository),
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   kL: () => (/* binding */ formatImageRef),
/* harmony export */   kS: () => (/* binding */ parseReleaseImage)
/* harmony export */ });
/* unused harmony export isDigest */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94007);


const DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function isDigest(text) {
    return DIGEST.test(text);
}
/**
 * Parses an image reference as written; undefined when the distribution spec's grammar says it
 * is not one (validation/image-references.ts makes that an error of its own).
 */
function parseImageRef(text) {
    try {
        (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(text);
    }
    catch {
        return undefined;
    }
    const at = text.indexOf('@');
    const named = at < 0 ? text : text.slice(0, at);
    const digest = at < 0 ? undefined : text.slice(at + 1);
    const lastSlash = named.lastIndexOf('/');
    const colon = named.indexOf(':', lastSlash + 1);
    const repository = colon < 0 ? named : named.slice(0, colon);
    const tag = colon < 0 ? undefined : named.slice(colon + 1);
    if (!repository || (tag !== undefined && !TAG.test(tag)))
        return undefined;
    if (digest !== undefined && !/^[a-z0-9]+:[a-zA-Z0-9=_-]+$/.test(digest))
        return undefined;
    const [first, ...rest] = repository.split('/');
    const path = isRegistry(first, rest.length) ? rest : [first, ...rest];
    if (path.length === 0 || !path.every((c) => PATH_COMPONENT.test(c)))
        return undefined;
    return { repository, tag, digest };
}
/**
 * The repository in the form registries use, so that `nginx`, `docker.io/nginx` and
 * `index.docker.io/library/nginx` compare equal.
 */
function canonicalRepository(repository) {
    const [first, ...rest] = repository.split('/');
    if (isRegistry(first, rest.length)) {
        const registry = first === 'index.docker.io' ? 'docker.io' : first;
        const path = registry === 'docker.io' && rest.length === 1 ? ['library', ...rest] : rest;
        return [registry, ...path].join('/');
    }
    return ['docker.io', ...(rest.length === 0 ? ['library', first] : [first, ...rest])].join('/');
}
function formatImageRef(ref) {
    return `${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/**
 * The image being released: `repository[:tag]@sha256:...`, or a bare digest that belongs to
 * `defaultRepository`. Anything without a well-formed digest is refused: pinning to a tag
 * would not pin anything.
 */
function parseReleaseImage(text, defaultRepository, what) {
    const value = text.trim();
    if (isDigest(value))
        return { repository: defaultRepository, digest: value };
    try {
        (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(value);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what}: ${error.message}`);
    }
    const ref = parseImageRef(value);
    if (!ref.digest || !isDigest(ref.digest)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what}: "${value}" has no digest; expected repository@sha256:<64 hex digits>`);
    }
    return ref;
}
function isRegistry(first, restLength) {
    return restLength > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
}


/***/ }),

/***/ 48620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ installRank),
/* harmony export */   n: () => (/* binding */ sortForInstall)
/* harmony export */ });
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27073);

// Helm's install order (pkg/releaseutil/kind_sorter.go): what others depend on goes first.
const INSTALL_ORDER = [
    'PriorityClass',
    'Namespace',
    'NetworkPolicy',
    'ResourceQuota',
    'LimitRange',
    'PodSecurityPolicy',
    'PodDisruptionBudget',
    'ServiceAccount',
    'Secret',
    'SecretList',
    'ConfigMap',
    'StorageClass',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'CustomResourceDefinition',
    'ClusterRole',
    'ClusterRoleList',
    'ClusterRoleBinding',
    'ClusterRoleBindingList',
    'Role',
    'RoleList',
    'RoleBinding',
    'RoleBindingList',
    'Service',
    'DaemonSet',
    'Pod',
    'ReplicationController',
    'ReplicaSet',
    'Deployment',
    'HorizontalPodAutoscaler',
    'StatefulSet',
    'Job',
    'CronJob',
    'IngressClass',
    'Ingress',
    'APIService',
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration'
];
const RANK = new Map(INSTALL_ORDER.map((kind, index) => [kind, index]));
/** A kind's place in the install order: kinds of one rank can be applied together. */
function installRank(kind) {
    return RANK.get(kind) ?? INSTALL_ORDER.length;
}
/**
 * Sorts into Helm's install order; kinds Helm does not list come last, by kind. Ties are
 * broken by group, namespace and name, so the order never depends on the input's.
 */
function sortForInstall(manifests) {
    const keyed = manifests.map((manifest) => {
        const id = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .idOf */ .TH)(manifest.object);
        return {
            manifest,
            rank: installRank(id.kind),
            key: [id.kind, (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .groupOf */ .F8)(id.apiVersion), id.namespace ?? '', id.name, id.apiVersion]
        };
    });
    keyed.sort((a, b) => a.rank - b.rank || compareKeys(a.key, b.key));
    return keyed.map((k) => k.manifest);
}
function compareKeys(a, b) {
    for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}


/***/ }),

/***/ 27073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E4: () => (/* binding */ versionOf),
/* harmony export */   F8: () => (/* binding */ groupOf),
/* harmony export */   LF: () => (/* binding */ pathText),
/* harmony export */   Nk: () => (/* binding */ metadataOf),
/* harmony export */   TH: () => (/* binding */ idOf),
/* harmony export */   US: () => (/* binding */ identityKey),
/* harmony export */   p4: () => (/* binding */ describeId)
/* harmony export */ });
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85033);


function metadataOf(object) {
    if (!(0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(object.metadata))
        object.metadata = {};
    return object.metadata;
}
function idOf(object) {
    const metadata = (0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(object.metadata) ? object.metadata : {};
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
    return {
        apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
        kind: typeof object.kind === 'string' ? object.kind : '',
        namespace: namespace || undefined,
        name: typeof metadata.name === 'string' ? metadata.name : ''
    };
}
/** `apps` for `apps/v1`, '' for the core group's `v1`. */
function groupOf(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}
function versionOf(apiVersion) {
    return apiVersion.slice(apiVersion.indexOf('/') + 1);
}
/** Same group, kind, namespace and name: the same object to the API server, whatever the version. */
function identityKey(id) {
    return [groupOf(id.apiVersion), id.kind, id.namespace ?? '', id.name].join('\u0000');
}
/** `Deployment hello-staging/hello`, or `ClusterRole reader` for cluster-scoped objects. */
function describeId(id) {
    return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`;
}
/** `spec.template.spec.containers[0].image` */
function pathText(path) {
    return path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
        .join('')
        .replace(/^\./, '');
}


/***/ }),

/***/ 35607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ renderEnvironment)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/manifests/image-ref.ts
var image_ref = __webpack_require__(9559);
// EXTERNAL MODULE: ./src/core/manifests/install-order.ts
var install_order = __webpack_require__(48620);
// EXTERNAL MODULE: ./src/core/manifests/manifest.ts
var manifests_manifest = __webpack_require__(27073);
;// CONCATENATED MODULE: ./src/core/manifests/validation/builtin-kinds.ts
const SCHEMA_PACKAGE = 'kubernetes-models 4.5.1';
const BUILTIN_KINDS = {
    'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 87510))).MutatingWebhookConfiguration,
    'admissionregistration.k8s.io/v1/MutatingWebhookConfigurationList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 40452))).MutatingWebhookConfigurationList,
    'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 67678))).ValidatingAdmissionPolicy,
    'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 40709))).ValidatingAdmissionPolicyBinding,
    'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBindingList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 32783))).ValidatingAdmissionPolicyBindingList,
    'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 74456))).ValidatingAdmissionPolicyList,
    'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 64506))).ValidatingWebhookConfiguration,
    'admissionregistration.k8s.io/v1/ValidatingWebhookConfigurationList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 91241))).ValidatingWebhookConfigurationList,
    'admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 85789))).MutatingWebhookConfiguration,
    'admissionregistration.k8s.io/v1beta1/MutatingWebhookConfigurationList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 15588))).MutatingWebhookConfigurationList,
    'admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 53845))).ValidatingWebhookConfiguration,
    'admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfigurationList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 78772))).ValidatingWebhookConfigurationList,
    'apiextensions.k8s.io/v1/CustomResourceDefinition': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 59146))).CustomResourceDefinition,
    'apiextensions.k8s.io/v1/CustomResourceDefinitionList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 19910))).CustomResourceDefinitionList,
    'apiextensions.k8s.io/v1beta1/CustomResourceDefinition': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 12753))).CustomResourceDefinition,
    'apiextensions.k8s.io/v1beta1/CustomResourceDefinitionList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 28209))).CustomResourceDefinitionList,
    'apiregistration.k8s.io/v1/APIService': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 14326))).APIService,
    'apiregistration.k8s.io/v1/APIServiceList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 28081))).APIServiceList,
    'apiregistration.k8s.io/v1beta1/APIService': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 53223))).APIService,
    'apiregistration.k8s.io/v1beta1/APIServiceList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 48610))).APIServiceList,
    'apps/v1/ControllerRevision': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 19329))).ControllerRevision,
    'apps/v1/ControllerRevisionList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 36208))).ControllerRevisionList,
    'apps/v1/DaemonSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 88258))).DaemonSet,
    'apps/v1/DaemonSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 96021))).DaemonSetList,
    'apps/v1/Deployment': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 76171))).Deployment,
    'apps/v1/DeploymentList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 12435))).DeploymentList,
    'apps/v1/ReplicaSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 14546))).ReplicaSet,
    'apps/v1/ReplicaSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 23204))).ReplicaSetList,
    'apps/v1/StatefulSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 96174))).StatefulSet,
    'apps/v1/StatefulSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 17144))).StatefulSetList,
    'apps/v1beta1/ControllerRevision': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 52758))).ControllerRevision,
    'apps/v1beta1/ControllerRevisionList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 64257))).ControllerRevisionList,
    'apps/v1beta1/Deployment': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 63384))).Deployment,
    'apps/v1beta1/DeploymentList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 25635))).DeploymentList,
    'apps/v1beta1/DeploymentRollback': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 58001))).DeploymentRollback,
    'apps/v1beta1/Scale': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 313))).Scale,
    'apps/v1beta1/StatefulSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 52311))).StatefulSet,
    'apps/v1beta1/StatefulSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 22150))).StatefulSetList,
    'apps/v1beta2/ControllerRevision': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 11163))).ControllerRevision,
    'apps/v1beta2/ControllerRevisionList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 34529))).ControllerRevisionList,
    'apps/v1beta2/DaemonSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 10144))).DaemonSet,
    'apps/v1beta2/DaemonSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 71487))).DaemonSetList,
    'apps/v1beta2/Deployment': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 9241))).Deployment,
    'apps/v1beta2/DeploymentList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 25447))).DeploymentList,
    'apps/v1beta2/ReplicaSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 13132))).ReplicaSet,
    'apps/v1beta2/ReplicaSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 63562))).ReplicaSetList,
    'apps/v1beta2/Scale': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 27004))).Scale,
    'apps/v1beta2/StatefulSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 69724))).StatefulSet,
    'apps/v1beta2/StatefulSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 42343))).StatefulSetList,
    'authentication.k8s.io/v1/SelfSubjectReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 27988))).SelfSubjectReview,
    'authentication.k8s.io/v1/TokenRequest': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 74049))).TokenRequest,
    'authentication.k8s.io/v1/TokenReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 61505))).TokenReview,
    'authentication.k8s.io/v1beta1/TokenReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 29522))).TokenReview,
    'authorization.k8s.io/v1/LocalSubjectAccessReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 79029))).LocalSubjectAccessReview,
    'authorization.k8s.io/v1/SelfSubjectAccessReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 43357))).SelfSubjectAccessReview,
    'authorization.k8s.io/v1/SelfSubjectRulesReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 29061))).SelfSubjectRulesReview,
    'authorization.k8s.io/v1/SubjectAccessReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 99709))).SubjectAccessReview,
    'authorization.k8s.io/v1beta1/LocalSubjectAccessReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 30342))).LocalSubjectAccessReview,
    'authorization.k8s.io/v1beta1/SelfSubjectAccessReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 79213))).SelfSubjectAccessReview,
    'authorization.k8s.io/v1beta1/SelfSubjectRulesReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 58285))).SelfSubjectRulesReview,
    'authorization.k8s.io/v1beta1/SubjectAccessReview': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 93252))).SubjectAccessReview,
    'autoscaling/v1/HorizontalPodAutoscaler': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 81232))).HorizontalPodAutoscaler,
    'autoscaling/v1/HorizontalPodAutoscalerList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 64310))).HorizontalPodAutoscalerList,
    'autoscaling/v1/Scale': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 46528))).Scale,
    'autoscaling/v2/HorizontalPodAutoscaler': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 81871))).HorizontalPodAutoscaler,
    'autoscaling/v2/HorizontalPodAutoscalerList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 85495))).HorizontalPodAutoscalerList,
    'autoscaling/v2beta1/HorizontalPodAutoscaler': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 26984))).HorizontalPodAutoscaler,
    'autoscaling/v2beta1/HorizontalPodAutoscalerList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 51270))).HorizontalPodAutoscalerList,
    'autoscaling/v2beta2/HorizontalPodAutoscaler': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 84135))).HorizontalPodAutoscaler,
    'autoscaling/v2beta2/HorizontalPodAutoscalerList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 78192))).HorizontalPodAutoscalerList,
    'batch/v1/CronJob': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 81389))).CronJob,
    'batch/v1/CronJobList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 59896))).CronJobList,
    'batch/v1/Job': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 59785)))
        .Job,
    'batch/v1/JobList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 73251))).JobList,
    'batch/v1beta1/CronJob': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 39780))).CronJob,
    'batch/v1beta1/CronJobList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 17271))).CronJobList,
    'certificates.k8s.io/v1/CertificateSigningRequest': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 62985))).CertificateSigningRequest,
    'certificates.k8s.io/v1/CertificateSigningRequestList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 53834))).CertificateSigningRequestList,
    'certificates.k8s.io/v1beta1/CertificateSigningRequest': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 23548))).CertificateSigningRequest,
    'certificates.k8s.io/v1beta1/CertificateSigningRequestList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 91571))).CertificateSigningRequestList,
    'coordination.k8s.io/v1/Lease': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 58211))).Lease,
    'coordination.k8s.io/v1/LeaseList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 72919))).LeaseList,
    'coordination.k8s.io/v1beta1/Lease': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 21692))).Lease,
    'coordination.k8s.io/v1beta1/LeaseList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 33466))).LeaseList,
    'discovery.k8s.io/v1/EndpointSlice': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 48047))).EndpointSlice,
    'discovery.k8s.io/v1/EndpointSliceList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 21941))).EndpointSliceList,
    'discovery.k8s.io/v1beta1/EndpointSlice': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 8878))).EndpointSlice,
    'discovery.k8s.io/v1beta1/EndpointSliceList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 86494))).EndpointSliceList,
    'events.k8s.io/v1/Event': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 69071))).Event,
    'events.k8s.io/v1/EventList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 46532))).EventList,
    'events.k8s.io/v1beta1/Event': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 57720))).Event,
    'events.k8s.io/v1beta1/EventList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 44702))).EventList,
    'extensions/v1beta1/DaemonSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 10869))).DaemonSet,
    'extensions/v1beta1/DaemonSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 42705))).DaemonSetList,
    'extensions/v1beta1/Deployment': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 58010))).Deployment,
    'extensions/v1beta1/DeploymentList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 3283))).DeploymentList,
    'extensions/v1beta1/DeploymentRollback': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 27439))).DeploymentRollback,
    'extensions/v1beta1/Ingress': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 73404))).Ingress,
    'extensions/v1beta1/IngressList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 86075))).IngressList,
    'extensions/v1beta1/NetworkPolicy': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 65937))).NetworkPolicy,
    'extensions/v1beta1/NetworkPolicyList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 17))).NetworkPolicyList,
    'extensions/v1beta1/PodSecurityPolicy': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 74980))).PodSecurityPolicy,
    'extensions/v1beta1/PodSecurityPolicyList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 50349))).PodSecurityPolicyList,
    'extensions/v1beta1/ReplicaSet': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 51507))).ReplicaSet,
    'extensions/v1beta1/ReplicaSetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 25527))).ReplicaSetList,
    'extensions/v1beta1/Scale': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 12230))).Scale,
    'flowcontrol.apiserver.k8s.io/v1/FlowSchema': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 90207))).FlowSchema,
    'flowcontrol.apiserver.k8s.io/v1/FlowSchemaList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 27541))).FlowSchemaList,
    'flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 19298))).PriorityLevelConfiguration,
    'flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfigurationList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 70520))).PriorityLevelConfigurationList,
    'flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 25408))).FlowSchema,
    'flowcontrol.apiserver.k8s.io/v1beta1/FlowSchemaList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 47745))).FlowSchemaList,
    'flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 23218))).PriorityLevelConfiguration,
    'flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfigurationList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 47540))).PriorityLevelConfigurationList,
    'flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 55081))).FlowSchema,
    'flowcontrol.apiserver.k8s.io/v1beta2/FlowSchemaList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 93358))).FlowSchemaList,
    'flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfiguration': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 57320))).PriorityLevelConfiguration,
    'flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfigurationList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 9491))).PriorityLevelConfigurationList,
    'flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 32946))).FlowSchema,
    'flowcontrol.apiserver.k8s.io/v1beta3/FlowSchemaList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 14917))).FlowSchemaList,
    'flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfiguration': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 20035))).PriorityLevelConfiguration,
    'flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfigurationList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 8256))).PriorityLevelConfigurationList,
    'networking.k8s.io/v1/IPAddress': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 87451))).IPAddress,
    'networking.k8s.io/v1/IPAddressList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 78682))).IPAddressList,
    'networking.k8s.io/v1/Ingress': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 67051))).Ingress,
    'networking.k8s.io/v1/IngressClass': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 88261))).IngressClass,
    'networking.k8s.io/v1/IngressClassList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 32951))).IngressClassList,
    'networking.k8s.io/v1/IngressList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 93680))).IngressList,
    'networking.k8s.io/v1/NetworkPolicy': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 30902))).NetworkPolicy,
    'networking.k8s.io/v1/NetworkPolicyList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 47522))).NetworkPolicyList,
    'networking.k8s.io/v1/ServiceCIDR': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 93801))).ServiceCIDR,
    'networking.k8s.io/v1/ServiceCIDRList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 11046))).ServiceCIDRList,
    'networking.k8s.io/v1beta1/Ingress': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 10882))).Ingress,
    'networking.k8s.io/v1beta1/IngressClass': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 95754))).IngressClass,
    'networking.k8s.io/v1beta1/IngressClassList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 22623))).IngressClassList,
    'networking.k8s.io/v1beta1/IngressList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 55976))).IngressList,
    'node.k8s.io/v1/RuntimeClass': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 96124))).RuntimeClass,
    'node.k8s.io/v1/RuntimeClassList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 58390))).RuntimeClassList,
    'node.k8s.io/v1beta1/RuntimeClass': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 61367))).RuntimeClass,
    'node.k8s.io/v1beta1/RuntimeClassList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 55758))).RuntimeClassList,
    'policy/v1/Eviction': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 94808))).Eviction,
    'policy/v1/PodDisruptionBudget': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 95125))).PodDisruptionBudget,
    'policy/v1/PodDisruptionBudgetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 43921))).PodDisruptionBudgetList,
    'policy/v1beta1/Eviction': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 79705))).Eviction,
    'policy/v1beta1/PodDisruptionBudget': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 63832))).PodDisruptionBudget,
    'policy/v1beta1/PodDisruptionBudgetList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 97887))).PodDisruptionBudgetList,
    'policy/v1beta1/PodSecurityPolicy': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 32544))).PodSecurityPolicy,
    'policy/v1beta1/PodSecurityPolicyList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 99886))).PodSecurityPolicyList,
    'rbac.authorization.k8s.io/v1/ClusterRole': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 27643))).ClusterRole,
    'rbac.authorization.k8s.io/v1/ClusterRoleBinding': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 58558))).ClusterRoleBinding,
    'rbac.authorization.k8s.io/v1/ClusterRoleBindingList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 50591))).ClusterRoleBindingList,
    'rbac.authorization.k8s.io/v1/ClusterRoleList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 52601))).ClusterRoleList,
    'rbac.authorization.k8s.io/v1/Role': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 55491))).Role,
    'rbac.authorization.k8s.io/v1/RoleBinding': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 35030))).RoleBinding,
    'rbac.authorization.k8s.io/v1/RoleBindingList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 85569))).RoleBindingList,
    'rbac.authorization.k8s.io/v1/RoleList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 26421))).RoleList,
    'rbac.authorization.k8s.io/v1beta1/ClusterRole': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 97048))).ClusterRole,
    'rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 12723))).ClusterRoleBinding,
    'rbac.authorization.k8s.io/v1beta1/ClusterRoleBindingList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 35161))).ClusterRoleBindingList,
    'rbac.authorization.k8s.io/v1beta1/ClusterRoleList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 67805))).ClusterRoleList,
    'rbac.authorization.k8s.io/v1beta1/Role': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 75174))).Role,
    'rbac.authorization.k8s.io/v1beta1/RoleBinding': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 75517))).RoleBinding,
    'rbac.authorization.k8s.io/v1beta1/RoleBindingList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 71480))).RoleBindingList,
    'rbac.authorization.k8s.io/v1beta1/RoleList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 33374))).RoleList,
    'scheduling.k8s.io/v1/PriorityClass': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 33866))).PriorityClass,
    'scheduling.k8s.io/v1/PriorityClassList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 12536))).PriorityClassList,
    'scheduling.k8s.io/v1beta1/PriorityClass': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 95127))).PriorityClass,
    'scheduling.k8s.io/v1beta1/PriorityClassList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 41137))).PriorityClassList,
    'storage.k8s.io/v1/CSIDriver': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 59280))).CSIDriver,
    'storage.k8s.io/v1/CSIDriverList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 90486))).CSIDriverList,
    'storage.k8s.io/v1/CSINode': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 96198))).CSINode,
    'storage.k8s.io/v1/CSINodeList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 86681))).CSINodeList,
    'storage.k8s.io/v1/CSIStorageCapacity': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 66765))).CSIStorageCapacity,
    'storage.k8s.io/v1/CSIStorageCapacityList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 3385))).CSIStorageCapacityList,
    'storage.k8s.io/v1/StorageClass': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 65114))).StorageClass,
    'storage.k8s.io/v1/StorageClassList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 43865))).StorageClassList,
    'storage.k8s.io/v1/VolumeAttachment': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 61626))).VolumeAttachment,
    'storage.k8s.io/v1/VolumeAttachmentList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 22750))).VolumeAttachmentList,
    'storage.k8s.io/v1beta1/CSIDriver': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 29207))).CSIDriver,
    'storage.k8s.io/v1beta1/CSIDriverList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 28811))).CSIDriverList,
    'storage.k8s.io/v1beta1/CSINode': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 92253))).CSINode,
    'storage.k8s.io/v1beta1/CSINodeList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 10661))).CSINodeList,
    'storage.k8s.io/v1beta1/CSIStorageCapacity': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 3388))).CSIStorageCapacity,
    'storage.k8s.io/v1beta1/CSIStorageCapacityList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 54578))).CSIStorageCapacityList,
    'storage.k8s.io/v1beta1/StorageClass': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 80451))).StorageClass,
    'storage.k8s.io/v1beta1/StorageClassList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 42607))).StorageClassList,
    'storage.k8s.io/v1beta1/VolumeAttachment': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 80391))).VolumeAttachment,
    'storage.k8s.io/v1beta1/VolumeAttachmentList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 26486))).VolumeAttachmentList,
    'v1/Binding': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 43599)))
        .Binding,
    'v1/ComponentStatus': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 7572))).ComponentStatus,
    'v1/ComponentStatusList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 46420))).ComponentStatusList,
    'v1/ConfigMap': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 68511)))
        .ConfigMap,
    'v1/ConfigMapList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 91460))).ConfigMapList,
    'v1/Endpoints': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 32301)))
        .Endpoints,
    'v1/EndpointsList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 76479))).EndpointsList,
    'v1/Event': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 66359))).Event,
    'v1/EventList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 310)))
        .EventList,
    'v1/LimitRange': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 91737)))
        .LimitRange,
    'v1/LimitRangeList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 54972))).LimitRangeList,
    'v1/Namespace': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 96034)))
        .Namespace,
    'v1/NamespaceList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 33839))).NamespaceList,
    'v1/Node': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 81013))).Node,
    'v1/NodeList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 76427)))
        .NodeList,
    'v1/PersistentVolume': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 84340))).PersistentVolume,
    'v1/PersistentVolumeClaim': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 45072))).PersistentVolumeClaim,
    'v1/PersistentVolumeClaimList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 50624))).PersistentVolumeClaimList,
    'v1/PersistentVolumeList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 20875))).PersistentVolumeList,
    'v1/Pod': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 52870))).Pod,
    'v1/PodList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 97826)))
        .PodList,
    'v1/PodTemplate': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 5072)))
        .PodTemplate,
    'v1/PodTemplateList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 21008))).PodTemplateList,
    'v1/ReplicationController': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 42157))).ReplicationController,
    'v1/ReplicationControllerList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 64069))).ReplicationControllerList,
    'v1/ResourceQuota': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 96251))).ResourceQuota,
    'v1/ResourceQuotaList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 42581))).ResourceQuotaList,
    'v1/Secret': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 29529)))
        .Secret,
    'v1/SecretList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 21784)))
        .SecretList,
    'v1/Service': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 54774)))
        .Service,
    'v1/ServiceAccount': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 58995))).ServiceAccount,
    'v1/ServiceAccountList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 1995))).ServiceAccountList,
    'v1/ServiceList': async () => (await __webpack_require__.e(/* import() | kubernetes-schemas */ 504).then(__webpack_require__.bind(__webpack_require__, 55148)))
        .ServiceList
};

;// CONCATENATED MODULE: ./src/core/manifests/builtin-groups.ts


// The API groups Kubernetes itself serves. Others (gateway.networking.k8s.io included, which
// comes with its CRDs) hold custom resources.
const GROUPS = new Set([
    ...Object.keys(BUILTIN_KINDS).map((key) => (0,manifests_manifest/* groupOf */.F8)(key.slice(0, key.lastIndexOf('/')))),
    'internal.apiserver.k8s.io',
    'resource.k8s.io',
    'storagemigration.k8s.io'
]);
function isBuiltinGroup(group) {
    return GROUPS.has(group);
}

;// CONCATENATED MODULE: ./src/core/manifests/namespaces.ts


// Kinds of the built-in API groups that are not namespaced.
const CLUSTER_SCOPED = new Set([
    'APIService',
    'CSIDriver',
    'CSINode',
    'CertificateSigningRequest',
    'ClusterRole',
    'ClusterRoleBinding',
    'ClusterTrustBundle',
    'ComponentStatus',
    'CustomResourceDefinition',
    'DeviceClass',
    'FlowSchema',
    'IPAddress',
    'IngressClass',
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
    'MutatingWebhookConfiguration',
    'Namespace',
    'Node',
    'PersistentVolume',
    'PodSecurityPolicy',
    'PriorityClass',
    'PriorityLevelConfiguration',
    'ResourceSlice',
    'RuntimeClass',
    'SelfSubjectAccessReview',
    'SelfSubjectReview',
    'SelfSubjectRulesReview',
    'ServiceCIDR',
    'StorageClass',
    'StorageVersionMigration',
    'SubjectAccessReview',
    'TokenReview',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'ValidatingWebhookConfiguration',
    'VolumeAttachment',
    'VolumeAttributesClass'
]);
/**
 * Whether objects of a kind live in a namespace. Custom kinds take the scope their
 * CustomResourceDefinition gives (from `crdScopes`, keyed `group/Kind`); without one, a kind
 * named `Cluster...` is taken as cluster-scoped (ClusterIssuer, ClusterSecretStore, ...).
 */
function isNamespaced(apiVersion, kind, crdScopes) {
    const group = (0,manifests_manifest/* groupOf */.F8)(apiVersion);
    if (isBuiltinGroup(group))
        return !CLUSTER_SCOPED.has(kind);
    return crdScopes.get(`${group}/${kind}`) ?? !kind.startsWith('Cluster');
}
/** Sets the environment's namespace on every namespaced object that has none. */
function defaultNamespaces(manifests, namespace, crdScopes) {
    for (const { object } of manifests) {
        const { apiVersion, kind } = object;
        if (typeof apiVersion !== 'string' || typeof kind !== 'string')
            continue;
        if (!isNamespaced(apiVersion, kind, crdScopes))
            continue;
        const metadata = (0,manifests_manifest/* metadataOf */.Nk)(object);
        if (typeof metadata.namespace !== 'string' || metadata.namespace === '') {
            metadata.namespace = namespace;
        }
    }
}

// EXTERNAL MODULE: ./src/core/manifests/pod-specs.ts
var pod_specs = __webpack_require__(47656);
;// CONCATENATED MODULE: ./src/core/manifests/pin-images.ts



/**
 * Rewrites the image of every container, init container and ephemeral container of every
 * workload that refers to a target's repository, whatever its tag or digest. A target found
 * nowhere is an error: the release would not run the image it was meant to.
 */
function pinImages(manifests, targets) {
    const wanted = targets.map((t) => ({
        ...t,
        keys: new Set(t.repositories.map(image_ref/* canonicalRepository */.JA))
    }));
    const pinned = [];
    const found = new Set();
    const seen = new Set();
    for (const { object } of manifests) {
        const pod = (0,pod_specs/* podSpecOf */.qz)(object);
        if (!pod)
            continue;
        for (const { container, path } of (0,pod_specs/* containersOf */.Mz)(pod)) {
            if (typeof container.image !== 'string')
                continue;
            seen.add(container.image);
            const ref = (0,image_ref/* parseImageRef */.Q)(container.image);
            if (!ref)
                continue;
            const target = wanted.find((t) => t.keys.has((0,image_ref/* canonicalRepository */.JA)(ref.repository)));
            if (!target)
                continue;
            found.add(target.name);
            pinned.push({
                object: (0,manifests_manifest/* describeId */.p4)((0,manifests_manifest/* idOf */.TH)(object)),
                container: typeof container.name === 'string' ? container.name : (0,manifests_manifest/* pathText */.LF)(path),
                from: container.image,
                to: target.pinned,
                path: [...path, 'image']
            });
            container.image = target.pinned;
        }
    }
    const findings = targets
        .filter((t) => !found.has(t.name))
        .map((t) => ({
        level: 'error',
        check: 'release-image',
        message: `image ${t.name} is not used by any container, so it cannot be pinned to ${t.pinned}` +
            ` (images in the manifests: ${[...seen].sort().join(', ') || 'none'})`
    }));
    return { pinned, findings };
}

// EXTERNAL MODULE: ./src/core/config/index.ts + 1 modules
var config = __webpack_require__(27244);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(85033);
;// CONCATENATED MODULE: ./src/core/manifests/policy/checks.ts



// Kinds whose pods run to completion: probes are meaningless there.
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);
const CHECKS = {
    'image-latest': (context) => eachContainer(context, ({ container }) => {
        const ref = imageRef(container, context);
        if (!ref || ref.digest)
            return undefined;
        if (!ref.tag)
            return `image ${container.image} has no tag, which means :latest`;
        return ref.tag === 'latest' ? `image ${container.image} uses the :latest tag` : undefined;
    }, ['image']),
    'image-not-pinned': (context) => eachContainer(context, ({ container }) => {
        const ref = imageRef(container, context);
        if (!ref || ref.digest || !ref.tag || ref.tag === 'latest')
            return undefined;
        return `image ${container.image} is not pinned to a digest (tags can move)`;
    }, ['image']),
    'resource-requests': (context) => eachContainer(context, ({ container, list }) => {
        if (list === 'ephemeralContainers')
            return undefined;
        const missing = missingResources(container, 'requests');
        return missing.length ? `no ${missing.join(' or ')} request` : undefined;
    }, ['resources']),
    'resource-limits': (context) => eachContainer(context, ({ container, list }) => {
        if (list === 'ephemeralContainers')
            return undefined;
        const missing = missingResources(container, 'limits');
        return missing.length ? `no ${missing.join(' or ')} limit` : undefined;
    }, ['resources']),
    'readiness-probe': (context) => probeCheck(context, 'readinessProbe'),
    'liveness-probe': (context) => probeCheck(context, 'livenessProbe'),
    'run-as-non-root': (context) => eachContainer(context, ({ container, list }, pod) => {
        if (list === 'ephemeralContainers')
            return undefined;
        const own = (0,records/* isRecord */.u)(container.securityContext) ? container.securityContext : {};
        const shared = (0,records/* isRecord */.u)(pod.securityContext) ? pod.securityContext : {};
        const nonRoot = own.runAsNonRoot ?? shared.runAsNonRoot;
        const user = own.runAsUser ?? shared.runAsUser;
        if (nonRoot === true || (typeof user === 'number' && user > 0))
            return undefined;
        return 'runAsNonRoot is not set: the container may run as root';
    }, ['securityContext']),
    privileged: (context) => eachContainer(context, ({ container }) => (0,records/* isRecord */.u)(container.securityContext) && container.securityContext.privileged === true
        ? 'runs privileged: it has full access to the node'
        : undefined, ['securityContext', 'privileged']),
    'host-path': ({ manifests }) => manifests.flatMap((manifest) => {
        const pod = (0,pod_specs/* podSpecOf */.qz)(manifest.object);
        const volumes = pod && Array.isArray(pod.spec.volumes) ? pod.spec.volumes : [];
        return volumes.flatMap((volume, index) => (0,records/* isRecord */.u)(volume) && (0,records/* isRecord */.u)(volume.hostPath)
            ? [
                {
                    manifest,
                    path: [...pod.path, 'volumes', index, 'hostPath'],
                    message: `volume "${volume.name}" mounts ${volume.hostPath.path} from the node (hostPath)`
                }
            ]
            : []);
    }),
    'service-selector': ({ manifests }) => {
        const workloads = manifests.flatMap(({ object }) => {
            const labels = (0,pod_specs/* podLabelsOf */.KP)(object);
            return labels ? [{ namespace: (0,manifests_manifest/* idOf */.TH)(object).namespace, labels }] : [];
        });
        return manifests.flatMap((manifest) => {
            const { object } = manifest;
            const selector = serviceSelector(object);
            if (!selector)
                return [];
            const namespace = (0,manifests_manifest/* idOf */.TH)(object).namespace;
            const matched = workloads.some((w) => w.namespace === namespace &&
                Object.entries(selector).every(([key, value]) => w.labels[key] === value));
            if (matched)
                return [];
            const text = Object.entries(selector)
                .map(([k, v]) => `${k}=${v}`)
                .join(',');
            return [
                {
                    manifest,
                    path: ['spec', 'selector'],
                    message: `selector ${text} matches no workload's pods`
                }
            ];
        });
    }
};
function eachContainer({ manifests }, test, field) {
    const hits = [];
    for (const manifest of manifests) {
        const pod = (0,pod_specs/* podSpecOf */.qz)(manifest.object);
        if (!pod)
            continue;
        for (const at of (0,pod_specs/* containersOf */.Mz)(pod)) {
            const message = test(at, pod.spec, manifest.object);
            if (message) {
                const name = typeof at.container.name === 'string' ? at.container.name : String(at.path.at(-1));
                hits.push({
                    manifest,
                    path: [...at.path, ...field],
                    message: `container "${name}": ${message}`
                });
            }
        }
    }
    return hits;
}
function probeCheck(context, probe) {
    return eachContainer(context, ({ container, list }, _pod, object) => {
        if (list !== 'containers' || RUN_TO_COMPLETION.has(String(object.kind)))
            return undefined;
        return container[probe] === undefined ? `no ${probe}` : undefined;
    }, []);
}
function imageRef(container, context) {
    if (typeof container.image !== 'string')
        return undefined;
    const ref = (0,image_ref/* parseImageRef */.Q)(container.image);
    if (!ref || context.pinnedRepositories.has((0,image_ref/* canonicalRepository */.JA)(ref.repository)))
        return undefined;
    return ref;
}
function missingResources(container, kind) {
    const resources = (0,records/* isRecord */.u)(container.resources) ? container.resources : {};
    const set = (0,records/* isRecord */.u)(resources[kind]) ? resources[kind] : {};
    return ['cpu', 'memory']
        .filter((r) => set[r] === undefined)
        .map((r) => (r === 'cpu' ? 'CPU' : r));
}
function serviceSelector(object) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1' || !(0,records/* isRecord */.u)(object.spec))
        return undefined;
    if (object.spec.type === 'ExternalName')
        return undefined;
    const selector = object.spec.selector;
    return (0,records/* isRecord */.u)(selector) && Object.keys(selector).length > 0 ? selector : undefined;
}

;// CONCATENATED MODULE: ./src/core/manifests/policy/policy.ts



/** The level of each check: defaults, then the top-level policy, then the environment's. */
function policyLevels(...layers) {
    const levels = { ...config/* POLICY_DEFAULTS */.md };
    for (const layer of layers) {
        for (const [check, level] of Object.entries(layer ?? {})) {
            if (level)
                levels[check] = level;
        }
    }
    return levels;
}
/** Runs every check that is not off; each hit becomes a finding at the check's level. */
function checkPolicy(context, levels) {
    const findings = [];
    for (const check of Object.keys(CHECKS)) {
        const level = levels[check];
        if (level === 'off')
            continue;
        for (const hit of CHECKS[check](context)) {
            findings.push({
                level: level === 'error' ? 'error' : 'warning',
                check,
                message: hit.message,
                object: (0,manifests_manifest/* describeId */.p4)((0,manifests_manifest/* idOf */.TH)(hit.manifest.object)),
                location: hit.manifest.where(hit.path)
            });
        }
    }
    return findings;
}

// EXTERNAL MODULE: ./src/core/manifests/release-metadata.ts
var release_metadata = __webpack_require__(59937);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/core/input-file.ts
var input_file = __webpack_require__(27906);
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(99978);
// EXTERNAL MODULE: ./src/core/manifests/yaml-documents.ts
var yaml_documents = __webpack_require__(24468);
;// CONCATENATED MODULE: ./src/core/manifests/helm-output.ts




/**
 * Splits `helm template` output into objects. Each document follows a `# Source:` comment
 * naming its template (`<chart>/templates/x.yaml`), which becomes the file problems point at:
 * the template's own lines are not knowable from the rendered text.
 */
function parseHelmOutput(text, chartDir) {
    const manifests = [];
    for (const chunk of text.split(/^---[ \t]*$/m)) {
        const source = /^# Source: (.+)$/m.exec(chunk)?.[1]?.trim();
        const file = source ? templateFile(chartDir, source) : chartDir;
        let objects;
        try {
            objects = (0,yaml_documents/* parseObjects */.MB)(chunk, file);
        }
        catch (error) {
            if (!(error instanceof core_errors/* UserError */.yo))
                throw error;
            throw new core_errors/* UserError */.yo(`the rendered template is not valid YAML: ${error.message}`, { file });
        }
        for (const { object } of objects)
            manifests.push({ object, where: () => ({ file }) });
        if (manifests.length > input_file/* INPUT_LIMITS */.Ef.documents) {
            throw new core_errors/* InputError */.dz(`more than ${input_file/* INPUT_LIMITS */.Ef.documents} YAML documents`, { file: chartDir });
        }
    }
    return manifests;
}
/** `hello/charts/redis/templates/svc.yaml` is `<chartDir>/charts/redis/templates/svc.yaml`. */
function templateFile(chartDir, source) {
    const parts = source.split('/');
    return external_node_path_default().join(chartDir, ...parts.slice(1));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/core/manifests/inside-root.ts


/** `target` is `root` or below it, also after following symbolic links. */
function isInside(root, target) {
    const within = (base, p) => {
        const back = external_node_path_default().relative(base, p);
        return back === '' || (!back.startsWith('..') && !external_node_path_default().isAbsolute(back));
    };
    if (!within(root, target))
        return false;
    if (!(0,external_node_fs_.existsSync)(target))
        return true;
    try {
        return within((0,external_node_fs_.realpathSync)(root), (0,external_node_fs_.realpathSync)(target));
    }
    catch {
        return true;
    }
}

;// CONCATENATED MODULE: ./src/core/manifests/quick-scan.ts


/**
 * The kind, name and first line of each object of a YAML file, read from its lines without a
 * full parse; each document is parsed only when a field inside it must be located. Documents
 * the line scan cannot read with certainty (flow style, quotes with escapes, Lists) are parsed
 * at once. Broken documents are left out: the renderer reports them.
 */
function scanObjects(text, file) {
    const lines = text.split('\n');
    const found = [];
    let start = 0;
    for (let i = 0; i <= lines.length; i++) {
        if (i < lines.length && !/^---(\s|$)/.test(lines[i]))
            continue;
        if (i > start)
            found.push(...scanDocument(lines.slice(start, i), start + 1, file));
        start = i + 1;
    }
    return found;
}
function scanDocument(lines, firstLine, file) {
    const { kind, name, line } = identity(lines);
    if (kind && name && kind !== 'List') {
        let parsed;
        const parse = () => (parsed ??= parseShifted(lines, firstLine, file)[0]?.source);
        const source = {
            file,
            line: firstLine + line,
            locate: (path) => path.length === 0
                ? { line: firstLine + line, depth: 0 }
                : (parse()?.locate(path) ?? { line: firstLine + line, depth: 0 })
        };
        return [{ kind, name, source }];
    }
    return parseShifted(lines, firstLine, file).flatMap(({ object, source }) => {
        const metadata = (0,records/* isRecord */.u)(object.metadata) ? object.metadata : {};
        return typeof object.kind === 'string' && typeof metadata.name === 'string'
            ? [{ kind: object.kind, name: metadata.name, source }]
            : [];
    });
}
/** The top-level `kind:` and `metadata:`'s `name:`, and the index of the first content line. */
function identity(lines) {
    let kind;
    let name;
    let line = -1;
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i];
        if (/^\s*(#.*)?$/.test(text))
            continue;
        if (line < 0)
            line = i;
        if (text.startsWith('kind:'))
            kind = plainValue(text.slice(5));
        if (/^metadata:\s*$/.test(text))
            name = childValue(lines, i + 1, 'name');
    }
    return { kind, name, line: Math.max(line, 0) };
}
function childValue(lines, from, key) {
    let indent;
    for (let i = from; i < lines.length; i++) {
        const text = lines[i];
        if (/^\s*(#.*)?$/.test(text))
            continue;
        const own = text.length - text.trimStart().length;
        if (own === 0)
            return undefined;
        indent ??= own;
        if (own === indent && text.trimStart().startsWith(`${key}:`)) {
            return plainValue(text.trimStart().slice(key.length + 1));
        }
    }
    return undefined;
}
/** A value the line scan is sure of: plain, or quoted without escapes; else undefined. */
function plainValue(raw) {
    const value = raw.replace(/\s+#.*$/, '').trim();
    const quoted = /^(['"])([^'"\\]*)\1$/.exec(value);
    if (quoted)
        return quoted[2];
    return /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(value) ? value : undefined;
}
function parseShifted(lines, firstLine, file) {
    try {
        return (0,yaml_documents/* parseObjects */.MB)(lines.join('\n'), file).map(({ object, source }) => ({
            object,
            source: {
                file,
                line: source.line + firstLine - 1,
                locate: (path) => {
                    const at = source.locate(path);
                    return { line: at.line + firstLine - 1, depth: at.depth };
                }
            }
        }));
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/core/manifests/kustomize-tree.ts








// kustomize's output has no positions. To point a problem at a file a person edits, slipway
// walks the kustomization tree itself: which file defines each object (under the names the
// overlays' prefixes and suffixes give it), and which patches touch it.
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/**
 * Reads the kustomization at `dir` and everything it refers to. A reference that leaves
 * `root` (the repository) is a UserError on the line of the kustomization that names it.
 */
function readKustomizeTree(dir, root) {
    const walker = new Walker(root);
    walker.visit(dir, { prefix: '', suffix: '' });
    if (walker.errors.length === 1)
        throw walker.errors[0];
    if (walker.errors.length > 1)
        throw new core_errors/* UserErrors */.tQ(walker.errors);
    return walker;
}
class Walker {
    root;
    files = [];
    errors = [];
    definitions = [];
    byName = new Map();
    patches = [];
    generators = [];
    resourceFiles = [];
    parsed = false;
    visited = new Set();
    constructor(root) {
        this.root = root;
    }
    visit(dir, outer) {
        const file = KUSTOMIZATION_FILES.map((f) => external_node_path_default().join(dir, f)).find((f) => (0,external_node_fs_.existsSync)(f));
        if (!file || this.visited.has(file))
            return;
        this.visited.add(file);
        this.files.push(file);
        const lineCounter = new dist/* LineCounter */.HN();
        const doc = (0,dist/* parseDocument */.Tp)((0,external_node_fs_.readFileSync)(file, 'utf8'), { lineCounter, version: yaml_documents/* YAML_VERSION */.to });
        if (doc.errors.length > 0)
            return; // kustomize itself reports it, with its own words
        const k = doc.toJS();
        if (!(0,records/* isRecord */.u)(k))
            return;
        const naming = {
            prefix: outer.prefix + (typeof k.namePrefix === 'string' ? k.namePrefix : ''),
            suffix: (typeof k.nameSuffix === 'string' ? k.nameSuffix : '') + outer.suffix
        };
        const lineOf = (...keyPath) => {
            for (let n = keyPath.length; n > 0; n--) {
                const node = doc.getIn(keyPath.slice(0, n), true);
                const offset = node?.range?.[0];
                if (offset !== undefined)
                    return lineCounter.linePos(offset).line;
            }
            return 1;
        };
        const inside = (relative, key, index) => {
            const target = external_node_path_default().resolve(dir, relative);
            if (!isInside(this.root, target)) {
                this.errors.push(new core_errors/* UserError */.yo(`${key}[${index}]: "${relative}" points outside the repository`, {
                    file,
                    line: lineOf(key, index)
                }));
                return undefined;
            }
            return target;
        };
        for (const key of ['resources', 'bases', 'components', 'crds']) {
            const list = Array.isArray(k[key]) ? k[key] : [];
            list.forEach((entry, index) => {
                if (typeof entry !== 'string' || isRemote(entry))
                    return;
                const target = inside(entry, key, index);
                if (!target || !(0,external_node_fs_.existsSync)(target))
                    return;
                if ((0,external_node_fs_.statSync)(target).isDirectory())
                    this.visit(target, naming);
                else
                    this.resourceFiles.push({ file: target, naming });
            });
        }
        const patchLists = [
            ['patches', k.patches],
            ['patchesStrategicMerge', k.patchesStrategicMerge],
            ['patchesJson6902', k.patchesJson6902]
        ];
        for (const [key, value] of patchLists) {
            if (!Array.isArray(value))
                continue;
            value.forEach((entry, index) => {
                const spec = typeof entry === 'string' ? looksLikePath(entry) : entry;
                if (!(0,records/* isRecord */.u)(spec)) {
                    if (typeof entry === 'string')
                        this.addInlinePatch(entry, file, lineOf(key, index), naming);
                    return;
                }
                const target = (0,records/* isRecord */.u)(spec.target) ? spec.target : {};
                if (typeof spec.path === 'string') {
                    const patchFile = inside(spec.path, key, index);
                    if (patchFile && (0,external_node_fs_.existsSync)(patchFile)) {
                        this.addPatchFile(patchFile, target, naming);
                    }
                }
                else if (typeof spec.patch === 'string') {
                    this.addInlinePatch(spec.patch, file, lineOf(key, index, 'patch') + 1, naming, target);
                }
            });
        }
        for (const [key, kind] of [
            ['configMapGenerator', 'ConfigMap'],
            ['secretGenerator', 'Secret']
        ]) {
            const list = Array.isArray(k[key]) ? k[key] : [];
            list.forEach((entry, index) => {
                if (!(0,records/* isRecord */.u)(entry) || typeof entry.name !== 'string')
                    return;
                this.generators.push({
                    kind,
                    name: naming.prefix + entry.name + naming.suffix,
                    location: { file, line: lineOf(key, index) }
                });
                for (const field of ['files', 'envs', 'env']) {
                    const refs = Array.isArray(entry[field]) ? entry[field] : [entry[field]];
                    refs.forEach((ref) => {
                        if (typeof ref !== 'string')
                            return;
                        const relative = ref.includes('=') ? ref.slice(ref.indexOf('=') + 1) : ref;
                        inside(relative, key, index);
                    });
                }
            });
        }
    }
    locate(id, fieldPath = []) {
        this.parseResources();
        const definition = this.byName.get(`${id.kind}/${id.name}`) ??
            this.definitions.find((d) => d.kind === id.kind && id.name.endsWith(d.name));
        if (!definition) {
            const generator = this.generators.find((g) => g.kind === id.kind && (id.name === g.name || id.name.startsWith(`${g.name}-`)));
            return generator?.location ?? (this.files[0] ? { file: this.files[0] } : undefined);
        }
        let best = { ...definition.source.locate(fieldPath), file: definition.source.file };
        if (fieldPath.length === 0)
            return { file: best.file, line: best.line };
        for (const patch of this.patches) {
            if (!patchTouches(patch, id))
                continue;
            const found = patchLocate(patch, fieldPath);
            if (found && found.depth >= best.depth && found.depth > 0) {
                best = { ...found, file: patch.source.file };
            }
        }
        return { file: best.file, line: best.line };
    }
    prepare() {
        this.parseResources();
    }
    parseResources() {
        if (this.parsed)
            return;
        this.parsed = true;
        for (const { file, naming } of this.resourceFiles) {
            let text;
            try {
                text = (0,external_node_fs_.readFileSync)(file, 'utf8');
            }
            catch {
                continue; // kustomize would not have rendered it either
            }
            for (const { kind, name, source } of scanObjects(text, file)) {
                const definition = { kind, name: naming.prefix + name + naming.suffix, source };
                const key = `${kind}/${definition.name}`;
                if (!this.byName.has(key))
                    this.byName.set(key, definition);
                this.definitions.push(definition);
            }
        }
    }
    addPatchFile(file, target, naming) {
        let objects;
        try {
            objects = (0,yaml_documents/* parseObjects */.MB)((0,external_node_fs_.readFileSync)(file, 'utf8'), file);
        }
        catch {
            return;
        }
        for (const { object, source } of objects)
            this.addPatch(object, source, naming, target);
        if (objects.length === 0) {
            // A JSON 6902 patch file is a YAML list, which parseObjects does not accept as objects.
            this.addInlinePatch((0,external_node_fs_.readFileSync)(file, 'utf8'), file, 1, naming, target);
        }
    }
    addInlinePatch(text, file, firstLine, naming, target = {}) {
        const lineCounter = new dist/* LineCounter */.HN();
        const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, version: yaml_documents/* YAML_VERSION */.to });
        if (doc.errors.length > 0)
            return;
        const value = doc.toJS();
        const shift = (offset) => firstLine + lineCounter.linePos(offset).line - 1;
        if (Array.isArray(value) && (0,dist/* isSeq */.oP)(doc.contents)) {
            const operations = value.flatMap((op, index) => {
                const node = doc.contents.items[index];
                if (!(0,records/* isRecord */.u)(op) || typeof op.path !== 'string')
                    return [];
                return [{ path: jsonPointer(op.path), line: shift(node?.range?.[0] ?? 0) }];
            });
            const source = { file, line: firstLine, locate: () => ({ line: firstLine, depth: 0 }) };
            this.patches.push({ ...targetOf(target), naming, source, operations });
            return;
        }
        try {
            for (const { object, source } of (0,yaml_documents/* parseObjects */.MB)(text, file)) {
                const moved = {
                    file,
                    line: firstLine + source.line - 1,
                    locate: (p) => {
                        const at = source.locate(p);
                        return { line: firstLine + at.line - 1, depth: at.depth };
                    }
                };
                this.addPatch(object, moved, naming, target);
            }
        }
        catch {
            // not a patch slipway understands; kustomize reports real mistakes
        }
    }
    addPatch(object, source, naming, target) {
        const metadata = (0,records/* isRecord */.u)(object.metadata) ? object.metadata : {};
        const fromTarget = targetOf(target);
        this.patches.push({
            kind: fromTarget.kind ?? (typeof object.kind === 'string' ? object.kind : undefined),
            name: fromTarget.name ??
                (typeof metadata.name === 'string' ? new RegExp(`^${kustomize_tree_escape(metadata.name)}$`) : undefined),
            naming,
            source
        });
    }
}
function targetOf(target) {
    return {
        kind: typeof target.kind === 'string' ? target.kind : undefined,
        name: typeof target.name === 'string' ? safeRegExp(target.name) : undefined
    };
}
function patchTouches(patch, id) {
    if (patch.kind && patch.kind !== id.kind)
        return false;
    if (!patch.name)
        return true;
    const { prefix, suffix } = patch.naming;
    const inner = id.name.startsWith(prefix) && id.name.endsWith(suffix)
        ? id.name.slice(prefix.length, id.name.length - suffix.length)
        : id.name;
    return patch.name.test(inner);
}
function patchLocate(patch, fieldPath) {
    if (!patch.operations)
        return patch.source.locate(fieldPath);
    let best;
    for (const op of patch.operations) {
        const matches = op.path.every((segment, i) => String(fieldPath[i]) === String(segment));
        if (matches && op.path.length <= fieldPath.length && (!best || op.path.length >= best.depth)) {
            best = { line: op.line, depth: op.path.length };
        }
    }
    return best;
}
function jsonPointer(pointer) {
    return pointer
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
function looksLikePath(entry) {
    return entry.includes('\n') ? undefined : { path: entry };
}
function isRemote(entry) {
    return /^[a-z]+:\/\//.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry);
}
function safeRegExp(source) {
    try {
        return new RegExp(`^(?:${source})$`);
    }
    catch {
        return undefined;
    }
}
function kustomize_tree_escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// EXTERNAL MODULE: ./src/core/manifests/yaml-folder.ts
var yaml_folder = __webpack_require__(20252);
;// CONCATENATED MODULE: ./src/core/manifests/render.ts










/**
 * Renders a source with its own tool and parses the result into objects that remember where
 * they were defined. `root` is the repository: nothing outside it is read.
 */
async function renderManifests(source, namespace, root, 
/** Work to do while the renderer runs (it is a separate process: another core can be busy). */
alongside = async () => { }) {
    switch (source.kind) {
        case 'path': {
            const [manifests] = await Promise.all([readYamlFolder(source.dir, root), alongside()]);
            return manifests;
        }
        case 'kustomize':
            return kustomize(source.dir, root, alongside);
        case 'helm': {
            const [output] = await Promise.all([helmTemplate(source, namespace), alongside()]);
            return parseHelmOutput(output, source.chart);
        }
    }
}
async function readYamlFolder(dir, root) {
    const { files, errors } = await (0,yaml_folder/* yamlFilesUnder */.n)(dir, root);
    const manifests = [];
    for (const file of files) {
        try {
            const text = (0,input_file/* readInputFile */.jH)(file, input_file/* INPUT_LIMITS */.Ef.manifestFileBytes, 'manifest file');
            for (const parsed of (0,yaml_documents/* parseObjects */.MB)(text, file)) {
                if (!isKustomization(parsed.object))
                    manifests.push((0,yaml_documents/* manifestFrom */.k$)(parsed));
            }
        }
        catch (error) {
            if (!(error instanceof core_errors/* UserError */.yo))
                throw error;
            for (const each of error instanceof core_errors/* UserErrors */.tQ ? error.errors : [error])
                errors.push(each);
        }
    }
    if (errors.length > 0)
        throw errors.length === 1 ? errors[0] : new core_errors/* UserErrors */.tQ(errors);
    return manifests;
}
// A kustomization file beside plain manifests describes them; it is not applied itself.
function isKustomization(object) {
    return String(object.apiVersion).startsWith('kustomize.config.k8s.io/');
}
async function kustomize(dir, root, alongside) {
    // kustomize is the long pole: start it first, and read the kustomization tree while it runs.
    const rendering = runKustomize(dir);
    let tree;
    try {
        tree = readKustomizeTree(dir, root);
    }
    catch (error) {
        await rendering.catch(() => undefined);
        throw error;
    }
    tree.prepare();
    await alongside();
    const result = await rendering;
    if (result.exitCode !== 0) {
        const folder = external_node_path_default().relative(root, dir) || '.';
        throw new core_errors/* UserError */.yo(`kustomize failed on ${folder}: ${kustomizeErrorLine(result.stderr)}`, {
            file: dir
        });
    }
    return (0,yaml_documents/* parseObjects */.MB)(result.stdout, dir, { positions: false }).map(({ object }) => {
        const id = (0,manifests_manifest/* idOf */.TH)(object);
        return { object, where: (fieldPath) => tree.locate(id, fieldPath) ?? { file: dir } };
    });
}
/**
 * kustomize's reason on one line. kubectl prints deprecation warnings before the error; newer
 * kubectl logs it through klog as `"command failed" err=<` and tab-indented lines up to ` >`;
 * kustomize itself prints `Error: ...`.
 */
function kustomizeErrorLine(stderr) {
    const klog = /err=<\n([\s\S]*?)\n >/.exec(stderr);
    if (klog)
        return oneLine(klog[1].replace(/\n\t/g, ''));
    // kubectl's klog line on one line: E1208 01:36:41.578 16713 run.go:72] "command failed" err="..."
    const quoted = /\] "command failed" err="((?:[^"\\]|\\.)*)"/.exec(stderr);
    if (quoted)
        return oneLine(quoted[1].replace(/\\(.)/g, '$1'));
    const lines = stderr.trim().split('\n');
    const error = lines.find((line) => /^error:/i.test(line));
    return oneLine(error ? error.replace(/^error:\s*/i, '') : (lines.at(-1) ?? ''));
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').replace(/ :/g, ':').trim();
}
/** The standalone `kustomize` when it is installed (usually newer), else kubectl's built-in one. */
function runKustomize(dir) {
    const limit = { maxOutputBytes: input_file/* INPUT_LIMITS */.Ef.renderOutputBytes };
    return onPath('kustomize')
        ? (0,core_process.runCommand)('kustomize', ['build', dir], limit)
        : (0,core_process.runCommand)('kubectl', ['kustomize', dir], limit);
}
function onPath(program) {
    return (process.env.PATH ?? '').split((external_node_path_default()).delimiter).some((dir) => {
        try {
            (0,external_node_fs_.accessSync)(external_node_path_default().join(dir, program), external_node_fs_.constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    });
}
/** The `helm template` command line slipway runs for a chart source. */
function helmTemplateArgs(source, namespace) {
    const args = ['template', source.release, source.chart, '--namespace', namespace];
    // CRDs are part of what gets applied; chart tests are not.
    args.push('--include-crds', '--skip-tests');
    for (const file of source.values)
        args.push('--values', file);
    for (const key of Object.keys(source.set).sort())
        args.push('--set', `${key}=${source.set[key]}`);
    return args;
}
async function helmTemplate(source, namespace) {
    const result = await (0,core_process.runCommand)('helm', helmTemplateArgs(source, namespace), {
        maxOutputBytes: input_file/* INPUT_LIMITS */.Ef.renderOutputBytes
    });
    if (result.exitCode !== 0) {
        throw new core_errors/* UserError */.yo(`helm template failed: ${result.stderr.trim().split('\n')[0]}`, {
            file: source.chart
        });
    }
    return result.stdout;
}

// EXTERNAL MODULE: ./src/core/manifests/serialize.ts + 1 modules
var serialize = __webpack_require__(42312);
;// CONCATENATED MODULE: ./src/core/manifests/source.ts





/**
 * The manifests source of one environment, with paths made absolute and kept inside `root`
 * (also through symbolic links). `configFile`, when given, is where a path that escapes is
 * pointed at, on the line of its key.
 */
function resolveSource(config, envName, root, configFile) {
    const env = Object.hasOwn(config.environments, envName) ? config.environments[envName] : undefined;
    if (!env) {
        const known = Object.keys(config.environments).join(', ');
        throw new core_errors/* UserError */.yo(`environment "${envName}" is not defined in the config (known: ${known})`);
    }
    const source = env.manifests ?? config.manifests;
    if (!source)
        throw new core_errors/* UserError */.yo(`environment "${envName}" has no manifests source`);
    const base = env.manifests ? ['environments', envName, 'manifests'] : ['manifests'];
    const inside = (p, keyPath) => {
        const relative = p.replaceAll('{env}', envName);
        const absolute = external_node_path_default().resolve(root, relative);
        if (!isInside(root, absolute)) {
            const key = ['manifests', ...keyPath.filter((k) => typeof k === 'string')].join('.');
            throw new core_errors/* UserError */.yo(`${key}: "${relative}" points outside the repository`, configFile ? configLocation(configFile, [...base, ...keyPath]) : undefined);
        }
        return absolute;
    };
    if (source.path)
        return { kind: 'path', dir: inside(source.path, ['path']) };
    if (source.kustomize)
        return { kind: 'kustomize', dir: inside(source.kustomize, ['kustomize']) };
    const helm = source.helm;
    return {
        kind: 'helm',
        chart: inside(helm.chart, ['helm', 'chart']),
        release: helm.release ?? envName,
        values: (helm.values ?? []).map((v, i) => inside(v, ['helm', 'values', i])),
        set: helm.set ?? {}
    };
}
/** The line of a key in the config file; just the file when it cannot be read or found. */
function configLocation(file, keyPath) {
    try {
        const lineCounter = new dist/* LineCounter */.HN();
        const doc = (0,dist/* parseDocument */.Tp)((0,external_node_fs_.readFileSync)(file, 'utf8'), { lineCounter });
        const node = doc.getIn(keyPath, true);
        const offset = node?.range?.[0];
        return offset === undefined ? { file } : { file, line: lineCounter.linePos(offset).line };
    }
    catch {
        return { file };
    }
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/core/manifests/validation/schema-errors.ts
const FORMAT_HINTS = {
    quantity: 'a quantity such as 250m, 1.5 or 128Mi',
    'int-or-string': 'a number or a string',
    int32: 'a 32-bit integer',
    int64: 'a 64-bit integer',
    'date-time': 'a date and time such as 2024-01-31T12:00:00Z'
};
// When one field breaks several rules (a oneOf and each of its branches), the most telling wins.
const PRIORITY = ['required', 'additionalProperties', 'format', 'type', 'enum', 'const', 'pattern'];
/** One readable error per field, in document order of the fields. */
function schemaErrors(errors, value) {
    const byPath = new Map();
    for (const error of errors) {
        const path = errorPath(error);
        const key = JSON.stringify(path);
        const rank = PRIORITY.includes(error.keyword)
            ? PRIORITY.indexOf(error.keyword)
            : PRIORITY.length;
        const current = byPath.get(key);
        if (!current || rank < current.rank)
            byPath.set(key, { error, rank });
    }
    return [...byPath.values()].map(({ error }) => ({
        path: errorPath(error),
        message: describe(error, valueAt(value, pointer(error.instancePath)))
    }));
}
function errorPath(error) {
    const path = pointer(error.instancePath);
    if (error.keyword === 'required')
        path.push(String(error.params.missingProperty));
    if (error.keyword === 'additionalProperties')
        path.push(String(error.params.additionalProperty));
    return path;
}
function describe(error, actual) {
    const { keyword, params } = error;
    switch (keyword) {
        case 'required':
            return 'is required';
        case 'additionalProperties':
            return 'is not a field of this kind (unknown field)';
        case 'type':
            return `expected ${params.type}, got ${show(actual)}`;
        case 'format':
            return `expected ${FORMAT_HINTS[String(params.format)] ?? `format ${params.format}`}, got ${show(actual)}`;
        case 'enum':
            return `expected one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}, got ${show(actual)}`;
        default:
            return error.message ?? keyword;
    }
}
function show(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a map';
    const text = JSON.stringify(value);
    return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}
function pointer(instancePath) {
    if (!instancePath)
        return [];
    return instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}
function valueAt(value, path) {
    let node = value;
    for (const segment of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[segment];
    }
    return node;
}

;// CONCATENATED MODULE: ./src/core/manifests/validation/crd-schemas.ts










/**
 * Reads the CRDs in `sources` (files or folders of YAML, already inside the repository) and
 * those among the rendered `objects` themselves.
 */
async function loadCrdCatalog(sources, root, objects) {
    const crds = [...objects];
    for (const source of sources) {
        for (const file of await yamlFiles(source, root)) {
            const text = (0,input_file/* readInputFile */.jH)(file, input_file/* INPUT_LIMITS */.Ef.manifestFileBytes, 'CRD file');
            for (const parsed of (0,yaml_documents/* parseObjects */.MB)(text, file))
                crds.push(parsed.object);
        }
    }
    const versions = new Map();
    const scopes = new Map();
    for (const crd of crds) {
        if (crd.kind !== 'CustomResourceDefinition' || !(0,records/* isRecord */.u)(crd.spec))
            continue;
        const { group, names } = crd.spec;
        if (typeof group !== 'string' || !(0,records/* isRecord */.u)(names) || typeof names.kind !== 'string')
            continue;
        scopes.set(`${group}/${names.kind}`, crd.spec.scope !== 'Cluster');
        for (const version of Array.isArray(crd.spec.versions) ? crd.spec.versions : []) {
            const schema = (0,records/* isRecord */.u)(version) && (0,records/* isRecord */.u)(version.schema) ? version.schema.openAPIV3Schema : undefined;
            if ((0,records/* isRecord */.u)(version) && typeof version.name === 'string' && (0,records/* isRecord */.u)(schema)) {
                versions.set(`${group}/${version.name}/${names.kind}`, { schema });
            }
        }
    }
    const ajv = new dist_ajv.Ajv({ strict: false, allErrors: true, validateFormats: false });
    return {
        scopes,
        defines: (group, kind) => scopes.has(`${group}/${kind}`),
        validator(apiVersion, kind) {
            const entry = versions.get(`${apiVersion}/${kind}`);
            if (!entry)
                return undefined;
            entry.validate ??= ajv.compile(structural(entry.schema, true));
            const validate = entry.validate;
            return (object) => validate(object) ? [] : schemaErrors(toAjvErrors(validate.errors), object);
        }
    };
}
async function yamlFiles(source, root) {
    if (!isInside(root, source)) {
        throw new core_errors/* UserError */.yo(`validation.crd-schemas: "${source}" points outside the repository`);
    }
    let info;
    try {
        info = await (0,promises_.stat)(source);
    }
    catch {
        throw new core_errors/* UserError */.yo(`validation.crd-schemas: "${external_node_path_default().relative(root, source)}" does not exist`);
    }
    if (!info.isDirectory())
        return [source];
    const { files, errors } = await (0,yaml_folder/* yamlFilesUnder */.n)(source, root);
    if (errors.length > 0)
        throw errors[0];
    return files;
}
/**
 * A CRD's OpenAPI schema as JSON Schema with the API server's rules: fields not in the schema
 * are unknown (unless it preserves unknown fields), `nullable` allows null, and
 * `x-kubernetes-int-or-string` takes either.
 */
function structural(schema, top = false) {
    if (!(0,records/* isRecord */.u)(schema))
        return {};
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
        if (key === 'properties' && (0,records/* isRecord */.u)(value)) {
            out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structural(v)]));
        }
        else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
            out[key] = (0,records/* isRecord */.u)(value) ? structural(value) : value;
        }
        else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
            out[key] = value.map((v) => structural(v));
        }
        else if (key !== 'nullable' && key !== 'x-kubernetes-int-or-string') {
            out[key] = value;
        }
    }
    if (schema['x-kubernetes-int-or-string'] === true) {
        delete out.type;
        out.anyOf = [{ type: 'integer' }, { type: 'string' }];
    }
    if (schema.nullable === true && typeof out.type === 'string')
        out.type = [out.type, 'null'];
    if (top) {
        const properties = (0,records/* isRecord */.u)(out.properties) ? out.properties : {};
        out.properties = {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            metadata: { type: 'object' },
            ...properties
        };
    }
    const closed = (0,records/* isRecord */.u)(out.properties) &&
        out.additionalProperties === undefined &&
        schema['x-kubernetes-preserve-unknown-fields'] !== true;
    if (closed)
        out.additionalProperties = false;
    return out;
}
function toAjvErrors(errors) {
    return (errors ?? []).map((e) => ({ ...e, params: e.params }));
}

// EXTERNAL MODULE: ./src/core/image/reference.ts + 1 modules
var reference = __webpack_require__(94007);
;// CONCATENATED MODULE: ./src/core/manifests/validation/image-references.ts



/**
 * Every container image must be a valid reference under the distribution spec's grammar. The
 * kubelet refuses an invalid one (InvalidImageName) only once the pod is scheduled, and the
 * image checks cannot judge what they cannot read: so it is an error here, on its line.
 */
function imageReferenceFindings(manifests) {
    const findings = [];
    for (const manifest of manifests) {
        const pod = (0,pod_specs/* podSpecOf */.qz)(manifest.object);
        if (!pod)
            continue;
        for (const { container, path } of (0,pod_specs/* containersOf */.Mz)(pod)) {
            const problem = referenceProblem(container.image);
            if (!problem)
                continue;
            const name = typeof container.name === 'string' ? container.name : String(path.at(-1));
            findings.push({
                level: 'error',
                check: 'image-reference',
                object: (0,manifests_manifest/* describeId */.p4)((0,manifests_manifest/* idOf */.TH)(manifest.object)),
                message: `container "${name}": ${problem}`,
                location: manifest.where([...path, 'image'])
            });
        }
    }
    return findings;
}
function referenceProblem(image) {
    if (image === undefined)
        return undefined; // the schema says it is required where it is
    if (typeof image !== 'string')
        return 'image is not a string';
    try {
        (0,reference/* parseReference */.F2)(image);
        return undefined;
    }
    catch (error) {
        return error.message;
    }
}

;// CONCATENATED MODULE: ./src/core/manifests/validation/api-constraints.ts


const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const label = (name) => name.length <= 63 && DNS1123_LABEL.test(name)
    ? undefined
    : 'a lowercase RFC 1123 label: at most 63 of a-z, 0-9 and "-", starting and ending with a letter or digit';
const subdomain = (name) => name.length <= 253 && DNS1123_SUBDOMAIN.test(name)
    ? undefined
    : 'a lowercase RFC 1123 subdomain: at most 253 of a-z, 0-9, "-" and ".", starting and ending with a letter or digit';
const dns1035Label = (name) => name.length <= 63 && DNS1035_LABEL.test(name)
    ? undefined
    : 'an RFC 1035 label: at most 63 of a-z, 0-9 and "-", starting with a letter and ending with a letter or digit';
const pathSegment = (name) => name === '.' || name === '..' || /[/%]/.test(name)
    ? 'a name that can be a URL path segment: not "." or "..", without "/" or "%"'
    : undefined;
const RBAC_GROUP = 'rbac.authorization.k8s.io';
function nameRuleOf(object) {
    const group = (0,manifests_manifest/* groupOf */.F8)(String(object.apiVersion));
    if (group === RBAC_GROUP)
        return pathSegment;
    if (group === '' && object.kind === 'Namespace')
        return label;
    if (group === '' && object.kind === 'Service')
        return dns1035Label;
    return subdomain;
}
const SCALABLE = {
    Deployment: ['apps'],
    ReplicaSet: ['apps'],
    StatefulSet: ['apps'],
    ReplicationController: ['']
};
const SELECTED_BY_TEMPLATE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
/** The violations of one built-in object. Fields of the wrong type are left to the schema. */
function apiConstraintViolations(object) {
    const violations = [];
    const checkName = (value, path, rule) => {
        if (typeof value !== 'string' || value === '')
            return;
        const problem = rule(value);
        if (problem)
            violations.push({ path, message: `"${value}" is not a valid name: expected ${problem}` });
    };
    const metadata = (0,records/* isRecord */.u)(object.metadata) ? object.metadata : {};
    checkName(metadata.name, ['metadata', 'name'], nameRuleOf(object));
    checkName(metadata.namespace, ['metadata', 'namespace'], label);
    const group = (0,manifests_manifest/* groupOf */.F8)(String(object.apiVersion));
    const kind = String(object.kind);
    const spec = (0,records/* isRecord */.u)(object.spec) ? object.spec : {};
    if (SCALABLE[kind]?.includes(group) && typeof spec.replicas === 'number' && spec.replicas < 0) {
        violations.push({ path: ['spec', 'replicas'], message: 'must be greater than or equal to 0' });
    }
    const pod = (0,pod_specs/* podSpecOf */.qz)(object);
    if (pod) {
        const names = new Set();
        for (const { container, path } of (0,pod_specs/* containersOf */.Mz)(pod)) {
            checkName(container.name, [...path, 'name'], label);
            if (typeof container.name === 'string') {
                if (names.has(container.name)) {
                    violations.push({
                        path: [...path, 'name'],
                        message: `"${container.name}" is a duplicate container name`
                    });
                }
                names.add(container.name);
            }
            const ports = Array.isArray(container.ports) ? container.ports : [];
            ports.forEach((port, index) => {
                if (!(0,records/* isRecord */.u)(port))
                    return;
                const at = [...path, 'ports', index];
                portInRange(port.containerPort, [...at, 'containerPort'], false, violations);
                portInRange(port.hostPort, [...at, 'hostPort'], true, violations);
            });
        }
    }
    if (group === '' && kind === 'Service' && Array.isArray(spec.ports)) {
        spec.ports.forEach((port, index) => {
            if (!(0,records/* isRecord */.u)(port))
                return;
            const at = ['spec', 'ports', index];
            portInRange(port.port, [...at, 'port'], false, violations);
            if (typeof port.targetPort === 'number') {
                portInRange(port.targetPort, [...at, 'targetPort'], false, violations);
            }
            portInRange(port.nodePort, [...at, 'nodePort'], true, violations);
        });
    }
    if (group === 'apps' && SELECTED_BY_TEMPLATE.has(kind) && (0,records/* isRecord */.u)(spec.selector)) {
        const labels = (0,pod_specs/* podLabelsOf */.KP)(object) ?? {};
        if (!selectorMatches(spec.selector, labels)) {
            violations.push({
                path: ['spec', 'template', 'metadata', 'labels'],
                message: '`selector` does not match template `labels`'
            });
        }
    }
    return violations;
}
function portInRange(value, path, zeroMeansUnset, violations) {
    if (typeof value !== 'number' || (zeroMeansUnset && value === 0))
        return;
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
        violations.push({ path, message: 'must be between 1 and 65535, inclusive' });
    }
}
/** metav1.LabelSelector semantics: every matchLabels pair and every matchExpression holds. */
function selectorMatches(selector, labels) {
    const has = (key) => Object.hasOwn(labels, key);
    const matchLabels = (0,records/* isRecord */.u)(selector.matchLabels) ? selector.matchLabels : {};
    for (const [key, value] of Object.entries(matchLabels)) {
        if (!has(key) || String(labels[key]) !== String(value))
            return false;
    }
    const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
    for (const expression of expressions) {
        if (!(0,records/* isRecord */.u)(expression) || typeof expression.key !== 'string')
            continue;
        const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
        const key = expression.key;
        const value = has(key) ? String(labels[key]) : undefined;
        switch (expression.operator) {
            case 'In':
                if (value === undefined || !values.includes(value))
                    return false;
                break;
            case 'NotIn':
                if (value !== undefined && values.includes(value))
                    return false;
                break;
            case 'Exists':
                if (value === undefined)
                    return false;
                break;
            case 'DoesNotExist':
                if (value !== undefined)
                    return false;
                break;
        }
    }
    return true;
}

;// CONCATENATED MODULE: ./src/core/manifests/validation/builtin-schemas.ts


const loaded = new Map();
/** The OpenAPI schema validator of a built-in kind, or undefined when the kind has none. */
function builtinValidator(apiVersion, kind) {
    const key = `${apiVersion}/${kind}`;
    let validator = loaded.get(key);
    if (!validator) {
        validator = Object.hasOwn(BUILTIN_KINDS, key)
            ? BUILTIN_KINDS[key]().then(toValidator)
            : Promise.resolve(undefined);
        loaded.set(key, validator);
    }
    return validator;
}
function toValidator(model) {
    return (object) => {
        try {
            // Called on the plain object itself: constructing the model would copy it first.
            model.prototype.validate.call(object);
            return [];
        }
        catch (error) {
            const errors = error.errors;
            if (!Array.isArray(errors))
                throw error;
            return schemaErrors(errors, object);
        }
    };
}

;// CONCATENATED MODULE: ./src/core/manifests/validation/known-fields.ts

let models;
const fieldTables = new Map();
function loadModels() {
    models ??= Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 26316));
    return models;
}
/**
 * The paths of fields the kind's schema does not have; undefined when the client knows no
 * such kind.
 */
async function unknownFields(object, apiVersion, kind) {
    const all = await loadModels();
    const type = modelName(all, apiVersion, kind);
    if (!type)
        return undefined;
    const found = [];
    walk(all, object, type, [], found);
    return found;
}
function modelName(all, apiVersion, kind) {
    const group = (0,manifests_manifest/* groupOf */.F8)(apiVersion);
    const version = capitalize((0,manifests_manifest/* versionOf */.E4)(apiVersion));
    const prefix = group === '' ? 'Core' : capitalize(group.split('.')[0]);
    for (const name of [`${prefix}${version}${kind}`, `${version}${kind}`]) {
        const table = fieldsOf(all, name);
        if (table?.has('kind') && table.has('apiVersion'))
            return name;
    }
    return undefined;
}
function walk(all, value, type, path, found) {
    if (value === null || value === undefined)
        return;
    const array = /^Array<(.+)>$/.exec(type);
    if (array) {
        if (Array.isArray(value))
            value.forEach((item, i) => walk(all, item, array[1], [...path, i], found));
        return;
    }
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) {
        if ((0,records/* isRecord */.u)(value))
            for (const key of Object.keys(value))
                walk(all, value[key], map[1], [...path, key], found);
        return;
    }
    const fields = fieldsOf(all, type);
    if (!fields || !(0,records/* isRecord */.u)(value))
        return;
    for (const key of Object.keys(value)) {
        const fieldType = fields.get(key);
        if (fieldType === undefined)
            found.push([...path, key]);
        else
            walk(all, value[key], fieldType, [...path, key], found);
    }
}
function fieldsOf(all, type) {
    if (!fieldTables.has(type)) {
        const attributes = Object.hasOwn(all, type) ? all[type]?.attributeTypeMap : undefined;
        fieldTables.set(type, attributes && new Map(attributes.map((a) => [a.baseName, a.type])));
    }
    return fieldTables.get(type);
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/core/manifests/validation/removed-apis.ts
// API versions the Kubernetes project has stopped serving, from its deprecation guide
// (kubernetes.io/docs/reference/using-api/deprecation-guide). kubernetes-models keeps their
// schemas, so without this table an object for a removed API would pass.
const REMOVED = {};
function removed(minor, use, apiVersion, kinds) {
    for (const kind of kinds)
        REMOVED[`${apiVersion}/${kind}`] = { removedIn: minor, use };
}
removed(16, 'apps/v1', 'extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet']);
removed(16, 'networking.k8s.io/v1', 'extensions/v1beta1', ['NetworkPolicy']);
removed(16, 'policy/v1beta1', 'extensions/v1beta1', ['PodSecurityPolicy']);
for (const apiVersion of ['apps/v1beta1', 'apps/v1beta2']) {
    removed(16, 'apps/v1', apiVersion, ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);
    removed(16, 'apps/v1', apiVersion, ['ControllerRevision']);
}
removed(22, 'networking.k8s.io/v1', 'extensions/v1beta1', ['Ingress']);
removed(22, 'networking.k8s.io/v1', 'networking.k8s.io/v1beta1', ['Ingress', 'IngressClass']);
removed(22, 'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration'
]);
removed(22, 'apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition']);
removed(22, 'apiregistration.k8s.io/v1', 'apiregistration.k8s.io/v1beta1', ['APIService']);
removed(22, 'authentication.k8s.io/v1', 'authentication.k8s.io/v1beta1', ['TokenReview']);
removed(22, 'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1', [
    'LocalSubjectAccessReview',
    'SelfSubjectAccessReview',
    'SubjectAccessReview'
]);
removed(22, 'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', ['CertificateSigningRequest']);
removed(22, 'coordination.k8s.io/v1', 'coordination.k8s.io/v1beta1', ['Lease']);
removed(22, 'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1', [
    'ClusterRole',
    'ClusterRoleBinding',
    'Role',
    'RoleBinding'
]);
removed(22, 'scheduling.k8s.io/v1', 'scheduling.k8s.io/v1beta1', ['PriorityClass']);
removed(22, 'storage.k8s.io/v1', 'storage.k8s.io/v1beta1', [
    'CSIDriver',
    'CSINode',
    'StorageClass',
    'VolumeAttachment'
]);
removed(25, 'batch/v1', 'batch/v1beta1', ['CronJob']);
removed(25, 'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1', ['EndpointSlice']);
removed(25, 'events.k8s.io/v1', 'events.k8s.io/v1beta1', ['Event']);
removed(25, 'autoscaling/v2', 'autoscaling/v2beta1', ['HorizontalPodAutoscaler']);
removed(25, 'policy/v1', 'policy/v1beta1', ['PodDisruptionBudget']);
removed(25, 'Pod Security Admission', 'policy/v1beta1', ['PodSecurityPolicy']);
removed(25, 'node.k8s.io/v1', 'node.k8s.io/v1beta1', ['RuntimeClass']);
removed(26, 'autoscaling/v2', 'autoscaling/v2beta2', ['HorizontalPodAutoscaler']);
removed(27, 'storage.k8s.io/v1', 'storage.k8s.io/v1beta1', ['CSIStorageCapacity']);
const FLOW_CONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];
removed(26, 'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta1', FLOW_CONTROL);
removed(29, 'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta2', FLOW_CONTROL);
removed(32, 'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta3', FLOW_CONTROL);
/** Why `apiVersion` `kind` cannot be applied to Kubernetes `target` (`1.33`), if it cannot. */
function removedApi(apiVersion, kind, target) {
    const key = `${apiVersion}/${kind}`;
    const removal = Object.hasOwn(REMOVED, key) ? REMOVED[key] : undefined;
    const minor = Number(target.split('.')[1]);
    if (!removal || minor < removal.removedIn)
        return undefined;
    return `${apiVersion} ${kind} is no longer served since Kubernetes 1.${removal.removedIn} (target ${target}): use ${removal.use}`;
}

;// CONCATENATED MODULE: ./src/core/manifests/validation/validate.ts







// The kinds nearly every render has: loading their validators early overlaps with rendering.
const COMMON_KINDS = [
    ['v1', 'ConfigMap'],
    ['v1', 'Service'],
    ['v1', 'ServiceAccount'],
    ['apps/v1', 'Deployment']
];
/** Loads the schemas most renders need, so that validation does not wait for them. */
async function preloadSchemas() {
    // One at a time: their modules share dependencies, and so need not be loaded twice.
    for (const [apiVersion, kind] of COMMON_KINDS)
        await builtinValidator(apiVersion, kind);
    await unknownFields({}, 'v1', 'ConfigMap');
}
/**
 * Checks every object against the OpenAPI schema of its kind: built-in kinds against
 * Kubernetes' own (kubernetes-models, plus the official client's field lists for unknown
 * fields), custom resources against their CRD's. Each problem points at its field's source.
 */
async function validateManifests(manifests, options) {
    const findings = [];
    const unvalidated = new Map();
    for (const manifest of manifests) {
        const { object } = manifest;
        const id = (0,manifests_manifest/* idOf */.TH)(object);
        const object_ = (0,manifests_manifest/* describeId */.p4)(id);
        const fail = (path, message) => findings.push({
            level: 'error',
            check: 'schema',
            object: object_,
            message: path.length > 0 ? `${(0,manifests_manifest/* pathText */.LF)(path)}: ${message}` : message,
            location: manifest.where(path)
        });
        const missing = ['apiVersion', 'kind'].filter((key) => !id[key]);
        if (missing.length > 0 || !id.name) {
            for (const key of missing)
                fail([key], 'is required');
            if (!id.name)
                fail(['metadata', 'name'], 'is required');
            continue;
        }
        const removed = removedApi(id.apiVersion, id.kind, options.kubernetesVersion);
        if (removed) {
            fail(['apiVersion'], removed);
            continue;
        }
        const builtin = await builtinValidator(id.apiVersion, id.kind);
        if (builtin) {
            for (const error of builtin(object))
                fail(error.path, error.message);
            for (const path of (await unknownFields(object, id.apiVersion, id.kind)) ?? []) {
                fail(path, 'is not a field of this kind (unknown field)');
            }
            for (const { path, message } of apiConstraintViolations(object)) {
                findings.push({
                    level: 'error',
                    check: 'api-validation',
                    object: object_,
                    message: `${(0,manifests_manifest/* pathText */.LF)(path)}: ${message}`,
                    location: manifest.where(path)
                });
            }
            continue;
        }
        const group = (0,manifests_manifest/* groupOf */.F8)(id.apiVersion);
        const custom = options.crds.validator(id.apiVersion, id.kind);
        if (custom) {
            for (const error of custom(object))
                fail(error.path, error.message);
        }
        else if (isBuiltinGroup(group) && !options.crds.defines(group, id.kind)) {
            fail(['kind'], `${id.apiVersion} has no kind ${id.kind} (schemas of ${SCHEMA_PACKAGE})`);
        }
        else {
            const key = `${id.apiVersion} ${id.kind}`;
            unvalidated.set(key, [...(unvalidated.get(key) ?? []), manifest]);
        }
    }
    for (const [key, list] of unvalidated) {
        const count = list.length === 1 ? '1 object' : `${list.length} objects`;
        findings.push({
            level: options.skipUnknownCrds ? 'warning' : 'error',
            check: 'crd-schema',
            message: `no schema for ${key} (${count}), not validated: add its CustomResourceDefinition to validation.crd-schemas`,
            object: (0,manifests_manifest/* describeId */.p4)((0,manifests_manifest/* idOf */.TH)(list[0].object)),
            location: list[0].where()
        });
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/core/manifests/pipeline.ts















/**
 * Renders one environment and makes it releasable: the source rendered by its tool, then the
 * same post-render for every source (namespaces defaulted, images pinned, release metadata,
 * install order, stable YAML), validated against the schemas and checked against the policy.
 * Problems that stop rendering are thrown as UserErrors; the rest are in `findings`.
 */
async function renderEnvironment(request) {
    const { config, environment, root, configFile } = request;
    const source = resolveSource(config, environment, root, configFile);
    const env = config.environments[environment];
    const manifests = await renderManifests(source, env.namespace, root, preloadSchemas);
    if (manifests.length === 0)
        refuseEmpty(request);
    const validation = config.validation;
    const crdSources = validation['crd-schemas'].map((p) => external_node_path_default().resolve(root, p));
    const crds = await loadCrdCatalog(crdSources, root, manifests.map((m) => m.object));
    defaultNamespaces(manifests, env.namespace, crds.scopes);
    const findings = duplicates(manifests);
    const releaseImage = request.image
        ? (0,image_ref/* parseReleaseImage */.kS)(request.image, config.image.repository, 'image')
        : undefined;
    const targets = pinTargets(config, environment, releaseImage);
    const { pinned, findings: pinFindings } = pinImages(manifests, targets);
    const pinLocation = configFile
        ? configLocationOfImage(config, environment, configFile)
        : undefined;
    for (const f of pinFindings)
        findings.push({ ...f, location: f.location ?? pinLocation });
    const release = releaseInfo(request, releaseImage);
    (0,release_metadata/* applyReleaseMetadata */.P1)(manifests, release);
    const ordered = (0,install_order/* sortForInstall */.n)(manifests);
    // Pushed one by one: spreading tens of thousands of findings into push overflows the stack.
    const schemaFindings = await validateManifests(ordered, {
        kubernetesVersion: validation['kubernetes-version'],
        crds,
        skipUnknownCrds: validation['skip-unknown-crds']
    });
    for (const finding of schemaFindings)
        findings.push(finding);
    for (const finding of imageReferenceFindings(ordered))
        findings.push(finding);
    // The released image is pinned by slipway when deployed: in the manifests it is a placeholder.
    const pinnedRepositories = new Set([releaseName(config, environment), ...targets.flatMap((t) => t.repositories)].map(image_ref/* canonicalRepository */.JA));
    const levels = policyLevels(config.policy, env.policy);
    for (const f of checkPolicy({ manifests: ordered, pinnedRepositories }, levels))
        findings.push(f);
    const objects = ordered.map((manifest, index) => {
        const id = (0,manifests_manifest/* idOf */.TH)(manifest.object);
        const object = (0,serialize/* sortKeys */.di)(manifest.object);
        return {
            id,
            object,
            yaml: (0,serialize/* objectYaml */.vP)(object),
            file: (0,serialize/* objectFileName */.Jd)(index, ordered.length, id),
            get source() {
                return manifest.where();
            }
        };
    });
    const yaml = objects.map((o) => o.yaml).join('---\n');
    return {
        environment,
        namespace: env.namespace,
        objects,
        yaml,
        hash: (0,serialize/* contentHash */.Ae)(yaml),
        findings,
        pinned,
        releasedRepositories: [releaseName(config, environment), config.image.repository],
        release
    };
}
/**
 * The released image (matched under the name the manifests use for it, and under its own
 * repository) and the images the config pins to fixed digests.
 */
function pinTargets(config, environment, image) {
    const source = config.environments[environment].manifests ?? config.manifests;
    const targets = [];
    if (image) {
        const named = releaseName(config, environment);
        targets.push({
            name: named,
            repositories: [named, image.repository],
            pinned: `${image.repository}@${image.digest}`
        });
    }
    for (const ref of source?.pin ?? []) {
        const repository = ref.slice(0, ref.indexOf('@'));
        targets.push({ name: repository, repositories: [repository], pinned: ref });
    }
    return targets;
}
/** How the manifests name the released image. */
function releaseName(config, environment) {
    const source = config.environments[environment].manifests ?? config.manifests;
    return source?.image ?? config.image.repository;
}
function releaseInfo(request, image) {
    const digest = image?.digest;
    const commit = request.commit || undefined;
    const short = digest ? digest.slice(digest.indexOf(':') + 1, digest.indexOf(':') + 13) : undefined;
    return {
        environment: request.environment,
        version: request.version || image?.tag || commit?.slice(0, 7),
        commit,
        releaseId: request.releaseId ||
            (short
                ? `${request.environment}-${short}`
                : commit
                    ? `${request.environment}-${commit.slice(0, 12)}`
                    : undefined),
        image: image ? (0,image_ref/* formatImageRef */.kL)({ repository: image.repository, digest }) : undefined
    };
}
// Once deploy prunes, applying nothing would delete everything the environment has.
function refuseEmpty({ config, environment, configFile, allowEmpty }) {
    const own = config.environments[environment].manifests;
    if (allowEmpty || (own ?? config.manifests)?.['allow-empty'])
        return;
    const keyPath = own ? ['environments', environment, 'manifests'] : ['manifests'];
    throw new core_errors/* UserError */.yo('the render has no objects: deployed with pruning, it would delete everything in the ' +
        `environment; set ${keyPath.join('.')}.allow-empty: true (or --allow-empty) if that is meant`, configFile ? configLocation(configFile, keyPath) : undefined);
}
function duplicates(manifests) {
    const seen = new Map();
    const findings = [];
    for (const manifest of manifests) {
        const id = (0,manifests_manifest/* idOf */.TH)(manifest.object);
        if (!id.kind || !id.name)
            continue;
        const key = (0,manifests_manifest/* identityKey */.US)(id);
        const first = seen.get(key);
        if (!first) {
            seen.set(key, manifest);
            continue;
        }
        const there = first.where();
        const at = there ? ` (first at ${there.file}${there.line ? `:${there.line}` : ''})` : '';
        findings.push({
            level: 'error',
            check: 'duplicate',
            object: (0,manifests_manifest/* describeId */.p4)(id),
            message: `defined twice${at}: the second would overwrite the first`,
            location: manifest.where()
        });
    }
    return findings;
}
function configLocationOfImage(config, environment, configFile) {
    const env = config.environments[environment];
    if (env.manifests?.image) {
        return configLocation(configFile, ['environments', environment, 'manifests', 'image']);
    }
    if (!env.manifests && config.manifests?.image) {
        return configLocation(configFile, ['manifests', 'image']);
    }
    return configLocation(configFile, ['image', 'repository']);
}


/***/ }),

/***/ 47656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KP: () => (/* binding */ podLabelsOf),
/* harmony export */   Mz: () => (/* binding */ containersOf),
/* harmony export */   fK: () => (/* binding */ valueAt),
/* harmony export */   qz: () => (/* binding */ podSpecOf)
/* harmony export */ });
/* unused harmony exports CONTAINER_LISTS, isWorkload */
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85033);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27073);

// Where each workload kind keeps its pod spec. Argo Rollouts have a Deployment's shape.
const POD_SPEC_PATHS = {
    Pod: { groups: [''], path: ['spec'] },
    PodTemplate: { groups: [''], path: ['template', 'spec'] },
    ReplicationController: { groups: [''], path: ['spec', 'template', 'spec'] },
    Deployment: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
    StatefulSet: { groups: ['apps'], path: ['spec', 'template', 'spec'] },
    DaemonSet: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
    ReplicaSet: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
    Job: { groups: ['batch'], path: ['spec', 'template', 'spec'] },
    CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
    Rollout: { groups: ['argoproj.io'], path: ['spec', 'template', 'spec'] }
};
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];
function isWorkload(object) {
    return specPathOf(object) !== undefined;
}
/** The pod spec of a workload; undefined for other kinds, or a Rollout using a workloadRef. */
function podSpecOf(object) {
    const path = specPathOf(object);
    if (!path)
        return undefined;
    const spec = valueAt(object, path);
    if (!(0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(spec))
        return undefined;
    const metadataPath = path.length === 1 ? ['metadata'] : [...path.slice(0, -1), 'metadata'];
    return { spec, path, metadataPath };
}
function containersOf(pod) {
    const found = [];
    for (const list of CONTAINER_LISTS) {
        const items = pod.spec[list];
        if (!Array.isArray(items))
            continue;
        items.forEach((container, index) => {
            if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(container))
                found.push({ container, list, path: [...pod.path, list, index] });
        });
    }
    return found;
}
/** The pod template's labels, which a Service selector is matched against. */
function podLabelsOf(object) {
    const pod = podSpecOf(object);
    if (!pod)
        return undefined;
    const metadata = valueAt(object, pod.metadataPath);
    return (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(metadata) && (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(metadata.labels) ? metadata.labels : {};
}
function valueAt(object, path) {
    let node = object;
    for (const segment of path) {
        if (Array.isArray(node) && typeof segment === 'number')
            node = node[segment];
        else if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(node))
            node = node[segment];
        else
            return undefined;
    }
    return node;
}
function specPathOf(object) {
    const kind = object.kind;
    const entry = typeof kind === 'string' && Object.hasOwn(POD_SPEC_PATHS, kind)
        ? POD_SPEC_PATHS[kind]
        : undefined;
    const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
    return entry?.groups.includes((0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .groupOf */ .F8)(apiVersion)) ? entry.path : undefined;
}


/***/ }),

/***/ 59937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P1: () => (/* binding */ applyReleaseMetadata),
/* harmony export */   Pc: () => (/* binding */ PER_RELEASE_ANNOTATIONS),
/* harmony export */   w: () => (/* binding */ labelValue),
/* harmony export */   zO: () => (/* binding */ LABEL_ENVIRONMENT)
/* harmony export */ });
/* unused harmony exports LABEL_VERSION, ANNOTATION_COMMIT, ANNOTATION_RELEASE, ANNOTATION_IMAGE */
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27073);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85033);
/* harmony import */ var _pod_specs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47656);


const LABEL_VERSION = 'app.kubernetes.io/version';
const LABEL_ENVIRONMENT = 'slipway.dev/environment';
const ANNOTATION_COMMIT = 'slipway.dev/commit';
const ANNOTATION_RELEASE = 'slipway.dev/release';
const ANNOTATION_IMAGE = 'slipway.dev/image';
/** Annotations that change with every release by design; diffs leave them out (a new image
 * shows as the changed container image). */
const PER_RELEASE_ANNOTATIONS = [ANNOTATION_COMMIT, ANNOTATION_RELEASE, ANNOTATION_IMAGE];
/**
 * Adds the release's labels and annotations to every object and to every pod template. Pod
 * selectors are left alone: they are immutable on most workloads, and a label that changes
 * with each release must never be part of one.
 */
function applyReleaseMetadata(manifests, release) {
    const labels = { [LABEL_ENVIRONMENT]: labelValue(release.environment) };
    const version = release.version ? labelValue(release.version) : '';
    if (version)
        labels[LABEL_VERSION] = version;
    const annotations = {};
    if (release.commit)
        annotations[ANNOTATION_COMMIT] = release.commit;
    if (release.releaseId)
        annotations[ANNOTATION_RELEASE] = release.releaseId;
    if (release.image)
        annotations[ANNOTATION_IMAGE] = release.image;
    for (const { object } of manifests) {
        stamp((0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .metadataOf */ .Nk)(object), labels, annotations);
        const pod = (0,_pod_specs_js__WEBPACK_IMPORTED_MODULE_0__/* .podSpecOf */ .qz)(object);
        if (pod && pod.metadataPath.length > 1)
            stamp(templateMetadata(object, pod.metadataPath), labels, annotations);
    }
}
function stamp(metadata, labels, annotations) {
    metadata.labels = { ...((0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(metadata.labels) ? metadata.labels : {}), ...labels };
    if (Object.keys(annotations).length > 0) {
        metadata.annotations = {
            ...((0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(metadata.annotations) ? metadata.annotations : {}),
            ...annotations
        };
    }
}
function templateMetadata(object, metadataPath) {
    const template = (0,_pod_specs_js__WEBPACK_IMPORTED_MODULE_0__/* .valueAt */ .fK)(object, metadataPath.slice(0, -1));
    if (!(0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(template.metadata))
        template.metadata = {};
    return template.metadata;
}
/**
 * A label value Kubernetes accepts: at most 63 characters of letters, digits, `-`, `_` and
 * `.`, starting and ending with a letter or digit. Anything else becomes `-`.
 */
function labelValue(text) {
    return text
        .replace(/[^A-Za-z0-9._-]/g, '-')
        .slice(0, 63)
        .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}


/***/ }),

/***/ 42312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ae: () => (/* binding */ contentHash),
  Fx: () => (/* binding */ manifestsJson),
  Jd: () => (/* binding */ objectFileName),
  vP: () => (/* binding */ objectYaml),
  di: () => (/* binding */ sortKeys)
});

// UNUSED EXPORTS: manifestsYaml

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(85033);
;// CONCATENATED MODULE: ./src/core/manifests/yaml-emit.ts

// A YAML writer for JSON data, in the block style `kubectl get -o yaml` prints. The general
// writer of the yaml package took most of a render's time on large overlays; this one only
// has to handle maps, lists, strings, numbers, booleans and null. A string is written plain
// only when no YAML 1.1 or 1.2 reader can take it for anything else; otherwise it is
// double-quoted with JSON's escapes (a JSON string is a valid YAML double-quoted scalar), or,
// when it has several lines, written as a literal block.
const PLAIN = /^(?:[A-Za-z_/]|-[A-Za-z-])[A-Za-z0-9_./@%+=()~: -]*$/;
const KEYWORDS = new Set('y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL'.split(' '));
/** One document: `value` (a map, normally) as block YAML, ending with a newline. */
function emitYaml(value) {
    if ((0,records/* isRecord */.u)(value) && Object.keys(value).length > 0)
        return emitMap(value, 0);
    if (Array.isArray(value) && value.length > 0)
        return emitList(value, 0);
    return `${inline(value)}\n`;
}
function emitMap(map, indent) {
    const pad = ' '.repeat(indent);
    let out = '';
    for (const key of Object.keys(map)) {
        const value = map[key];
        if (value === undefined)
            continue;
        const head = `${pad}${scalarText(key)}:`;
        if ((0,records/* isRecord */.u)(value) && Object.keys(value).length > 0) {
            out += `${head}\n${emitMap(value, indent + 2)}`;
        }
        else if (Array.isArray(value) && value.length > 0) {
            out += `${head}\n${emitList(value, indent)}`;
        }
        else if (typeof value === 'string' && isBlock(value)) {
            out += `${head} ${block(value, indent + 2)}`;
        }
        else {
            out += `${head} ${inline(value)}\n`;
        }
    }
    return out;
}
function emitList(list, indent) {
    const pad = ' '.repeat(indent);
    let out = '';
    for (const item of list) {
        if ((0,records/* isRecord */.u)(item) && Object.keys(item).length > 0) {
            // The first key goes on the dash's line: `- name: app`.
            out += `${pad}- ${emitMap(item, indent + 2).slice(indent + 2)}`;
        }
        else if (Array.isArray(item) && item.length > 0) {
            out += `${pad}-\n${emitList(item, indent + 2)}`;
        }
        else if (typeof item === 'string' && isBlock(item)) {
            out += `${pad}- ${block(item, indent + 2)}`;
        }
        else {
            out += `${pad}- ${inline(item)}\n`;
        }
    }
    return out;
}
function inline(value) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'number')
        return numberText(value);
    if (typeof value === 'string')
        return scalarText(value);
    if (Array.isArray(value))
        return '[]';
    if ((0,records/* isRecord */.u)(value))
        return '{}';
    return JSON.stringify(String(value));
}
function scalarText(text) {
    const plain = PLAIN.test(text) && !KEYWORDS.has(text) && !/[ :]$|: /.test(text) && !text.includes(' #');
    return plain ? text : JSON.stringify(text);
}
function numberText(value) {
    if (Number.isNaN(value))
        return '.nan';
    if (!Number.isFinite(value))
        return value > 0 ? '.inf' : '-.inf';
    const text = String(value);
    // YAML 1.1 reads `1e+21` as a string: its floats need a dot.
    return /e/.test(text) && !text.includes('.') ? text.replace('e', '.0e') : text;
}
/**
 * Several lines, none of which a literal block would change, and none a GitHub runner would
 * take for a workflow command when the block is printed (such text is double-quoted, where
 * slipway can escape it: see core/runner-output.ts).
 */
function isBlock(text) {
    return (text.includes('\n') &&
        !/(^|\n)\s*::/.test(text) &&
        !text.includes('##[') &&
        /^[^\s]/.test(text) &&
        !/[ \t]\n|[ \t]$/.test(text) &&
        !text.includes('\r') &&
        !hasControl(text));
}
function block(text, indent) {
    const body = text.replace(/\n+$/, '');
    const trailing = text.length - body.length;
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
    const pad = ' '.repeat(indent);
    const lines = body
        .split('\n')
        .map((line) => (line ? pad + line : ''))
        .join('\n');
    return `|${chomp}\n${lines}\n${'\n'.repeat(Math.max(0, trailing - 1))}`;
}
/** Characters a literal block cannot hold (besides newline and tab). */
function hasControl(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const c0 = c < 0x20 && c !== 0x0a && c !== 0x09;
        if (c0 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff)
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/core/manifests/serialize.ts



/**
 * A deep copy with every map's keys in code-point order, the order `kubectl get -o yaml`
 * prints. With it, equal objects always serialize to equal bytes, however they were written.
 */
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (!(0,records/* isRecord */.u)(value))
        return value;
    const sorted = {};
    for (const key of Object.keys(value).sort(compareCodePoints))
        sorted[key] = sortKeys(value[key]);
    return sorted;
}
/** One object as YAML that kubectl (YAML 1.1) reads back to the same values. Keys must be sorted. */
function objectYaml(object) {
    return emitYaml(object);
}
/** A multi-document YAML stream of sorted objects, `---` between documents. */
function manifestsYaml(objects) {
    return objects.map(objectYaml).join('---\n');
}
function manifestsJson(objects) {
    return JSON.stringify(objects, null, 2) + '\n';
}
function contentHash(text) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex')}`;
}
/**
 * `003-deployment.staging.hello.yaml`: numbered so that `kubectl apply -f <folder>`, which
 * reads files in name order, applies them in install order too.
 */
function objectFileName(index, count, id) {
    const width = Math.max(3, String(count).length);
    const name = [id.kind.toLowerCase(), id.namespace, id.name].filter(Boolean).join('.');
    return `${String(index + 1).padStart(width, '0')}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}.yaml`;
}
function compareCodePoints(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 24468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MB: () => (/* binding */ parseObjects),
/* harmony export */   k$: () => (/* binding */ manifestFrom),
/* harmony export */   to: () => (/* binding */ YAML_VERSION)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _input_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27906);
/* harmony import */ var _yaml_nesting_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3535);
/* harmony import */ var _yaml_unique_keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(67339);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(85033);






// kubectl and the API server read YAML 1.1 (`on`, `yes` are booleans there), so slipway reads
// and writes it the same way: a value means here what it will mean to the cluster.
const YAML_VERSION = '1.1';
/**
 * Parses a multi-document YAML file into objects with their source positions. Empty documents
 * are skipped; a `kind: List` is unpacked into its items. Bad YAML and documents that are not
 * objects are UserErrors with the file and line.
 */
function parseObjects(text, file, { positions = true } = {}) {
    const deep = (0,_yaml_nesting_js__WEBPACK_IMPORTED_MODULE_3__/* .tooDeepAt */ .U)(text);
    if (deep !== undefined) {
        const line = text.slice(0, deep).split('\n').length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`invalid YAML: nested more than ${_input_file_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUT_LIMITS */ .Ef.flowNesting} levels deep`, positions ? { file, line } : { file });
    }
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const errors = [];
    const parsed = [];
    let count = 0;
    for (const doc of documents(text, positions ? lineCounter : undefined)) {
        // Counted as they are composed: 285,000 documents held at once took 2.2 GB.
        if (++count > _input_file_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUT_LIMITS */ .Ef.documents) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`more than ${_input_file_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUT_LIMITS */ .Ef.documents} YAML documents`, { file });
        }
        const repeated = (0,_yaml_unique_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .repeatedKeys */ .f)(doc);
        if (doc.errors.length > 0 || repeated.length > 0) {
            if (!positions)
                return parseObjects(text, file);
            // Later errors of a document mostly follow from its first.
            const [first] = [
                ...doc.errors.map((e) => ({ offset: e.pos[0], message: `invalid YAML: ${e.message}` })),
                ...repeated.map((r) => ({ offset: r.offset, message: (0,_yaml_unique_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .repeatedKeyMessage */ .n)(r) }))
            ].sort((a, b) => a.offset - b.offset);
            const line = lineCounter.linePos(first.offset).line;
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(firstLine(first.message), { file, line }));
            continue;
        }
        if (doc.contents === null)
            continue;
        const source = sourceDocument(doc, lineCounter, file);
        const value = toJS(doc, source);
        if (value === null || value === undefined)
            continue;
        if (!(0,_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(value)) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('expected a Kubernetes object (a map with apiVersion, kind and metadata)', {
                file,
                line: source.line
            }));
            continue;
        }
        if (value.kind === 'List' && Array.isArray(value.items)) {
            value.items.forEach((item, index) => {
                if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(item))
                    parsed.push({ object: item, source: shifted(source, ['items', index]) });
            });
            continue;
        }
        parsed.push({ object: value, source });
    }
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserErrors */ .tQ(errors);
    return parsed;
}
/** The documents of a YAML stream, composed one at a time. */
function documents(text, lineCounter) {
    const parser = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .iX(lineCounter?.addNewLine);
    // The yaml library's uniqueKeys check is quadratic in the keys of a map: repeatedKeys instead.
    const composer = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Composer */ .Dk({ version: YAML_VERSION, uniqueKeys: false });
    return composer.compose(parser.parse(text));
}
function toJS(doc, source) {
    try {
        return doc.toJS({ maxAliasCount: 1000 });
    }
    catch (error) {
        // The yaml library's guard against alias bombs (a few lines that expand to billions of nodes).
        if (error instanceof ReferenceError && /alias/i.test(error.message)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('invalid YAML: too many alias expansions (an alias bomb?)', {
                file: source.file,
                line: source.line
            });
        }
        throw error;
    }
}
/** A manifest whose fields are located in one source document. */
function manifestFrom({ object, source }) {
    return {
        object,
        where: (path = []) => ({ file: source.file, line: source.locate(path).line })
    };
}
function sourceDocument(doc, lineCounter, file) {
    const start = doc.contents?.range?.[0] ?? 0;
    return {
        file,
        line: lineCounter.linePos(start).line,
        locate(path) {
            let node = doc.contents;
            let offset = start;
            let depth = 0;
            for (const segment of path) {
                const next = childOf(node, segment);
                if (!next)
                    break;
                offset = next.offset ?? offset;
                node = next.node;
                depth++;
            }
            return { line: lineCounter.linePos(offset).line, depth };
        }
    };
}
function childOf(node, segment) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        for (const pair of node.items) {
            const key = pair.key;
            if (key && String(key.value) === String(segment)) {
                return { node: pair.value, offset: key.range?.[0] };
            }
        }
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item)
            return { node: item, offset: item.range?.[0] };
    }
    return undefined;
}
function shifted(source, prefix) {
    const located = source.locate(prefix);
    return {
        file: source.file,
        line: located.line,
        locate: (path) => {
            const inner = source.locate([...prefix, ...path]);
            return { line: inner.line, depth: Math.max(0, inner.depth - prefix.length) };
        }
    };
}
function firstLine(text) {
    return text.split('\n')[0].trim();
}


/***/ }),

/***/ 20252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ yamlFilesUnder)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);



const YAML_FILE = /\.ya?ml$/;
/**
 * The YAML files under `dir`. Symbolic links are resolved and checked before they are followed:
 * one that leaves `root` is an error naming the link, and a folder already walked (a link to
 * `.` or `..`) is not walked again, so a link can neither reach the whole filesystem nor loop.
 */
async function yamlFilesUnder(dir, root) {
    const realRoot = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(root);
    const files = [];
    const errors = [];
    const walked = new Set();
    const walk = async (folder, realFolder) => {
        if (walked.has(realFolder))
            return;
        walked.add(realFolder);
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(folder, { withFileTypes: true });
        for (const entry of entries) {
            const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(folder, entry.name);
            if (entry.isDirectory()) {
                await walk(full, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(realFolder, entry.name));
            }
            else if (entry.isFile()) {
                if (YAML_FILE.test(entry.name))
                    files.push(full);
            }
            else if (entry.isSymbolicLink()) {
                await followLink(full, entry.name);
            }
        }
    };
    const followLink = async (link, name) => {
        let target;
        try {
            target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(link);
        }
        catch {
            if (YAML_FILE.test(name))
                errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('a symbolic link to nothing', { file: link }));
            return;
        }
        if (!within(realRoot, target)) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('a symbolic link that points outside the repository', { file: link }));
            return;
        }
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target);
        if (info.isDirectory())
            await walk(link, target);
        else if (info.isFile() && YAML_FILE.test(name))
            files.push(link);
    };
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('the manifests folder does not exist', { file: dir });
    }
    if (!info.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('expected a folder of manifests', { file: dir });
    await walk(dir, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(dir));
    const relative = (file) => node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, file);
    files.sort((a, b) => (relative(a) < relative(b) ? -1 : relative(a) > relative(b) ? 1 : 0));
    return { files, errors };
}
function within(base, target) {
    const back = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(base, target);
    return back === '' || (!back.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(back));
}


/***/ }),

/***/ 99978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _input_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27906);



/** Runs a program without a shell and collects its output. A missing program is a UserError. */
function runCommand(program, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(program, args, { cwd: options.cwd, env: options.env ?? process.env });
        const stdout = [];
        const stderr = [];
        let size = 0;
        let overflowed = false;
        const collect = (into) => (chunk) => {
            if (overflowed)
                return;
            size += chunk.length;
            if (options.maxOutputBytes !== undefined && size > options.maxOutputBytes) {
                overflowed = true;
                child.kill('SIGKILL');
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${program} printed more than ${(0,_input_file_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(options.maxOutputBytes)}: stopped`));
                return;
            }
            into.push(chunk);
        };
        child.stdout.on('data', collect(stdout));
        child.stderr.on('data', collect(stderr));
        child.on('error', (error) => reject(error.code === 'ENOENT'
            ? new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${program} is not installed or not on PATH`)
            : error));
        child.on('close', (code) => resolve({
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
            exitCode: code ?? 1
        }));
        // A program that exits without reading its input closes the pipe first: not our error.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
    });
}


/***/ }),

/***/ 88615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ markdownCode),
/* harmony export */   g5: () => (/* binding */ summaryText)
/* harmony export */ });
/* unused harmony exports summaryCode, summaryLink, chartLabel */
// Values in job summaries and pull-request comments come from repositories, images, reports and
// servers. GitHub renders a summary as Markdown with HTML in it, so a value is written as text
// safe in both: in an HTML table cell, in a Markdown table cell (a pipe would end the cell, a
// newline the row) and in a paragraph (no link, image, heading or tag of its own).
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
    '`': '&#96;',
    '\\': '&#92;',
    '#': '&#35;'
};
/**
 * `value` as summary text: characters that make HTML, a table cell or a heading as entities,
 * `](` (a link or an image) and `://` and `www.` (autolinks) broken by one, and line breaks as
 * `<br>`. Emphasis characters stay: they change how text looks, not what it is.
 */
function summaryText(value) {
    return value
        .replace(/[&<>|`\\#]/g, (c) => ENTITIES[c])
        .replace(/\]\(/g, '&#93;(')
        .replace(/:\/\//g, '&#58;//')
        .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#46;`)
        .replace(/\r\n|\r|\n/g, '<br>');
}
/** `value` as code, in HTML or Markdown: `<code>` with summaryText inside. */
function summaryCode(value) {
    return `<code>${summaryText(value)}</code>`;
}
/**
 * `value` as code in Markdown: a code span when it holds only characters that can neither end
 * one nor a table cell, else summaryCode.
 */
function markdownCode(value) {
    return /^[\w./@:+=[\]-]+$/.test(value) ? `\`${value}\`` : summaryCode(value);
}
/** A link to `url` when it is http or https; otherwise the text alone. */
function summaryLink(url, text) {
    const href = url === undefined ? undefined : webUrl(url);
    const attribute = href?.replace(/[&<>"']/g, (c) => ENTITIES[c]);
    return attribute ? `<a href="${attribute}">${summaryText(text)}</a>` : summaryText(text);
}
/** The URL in its normal form when it is absolute http(s). */
function webUrl(url) {
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * `value` as a label inside a Mermaid chart in a summary: letters, digits and a little
 * punctuation only (a quote would end the label, a newline or backticks the chart).
 */
function chartLabel(value) {
    return value
        .replace(/[^\p{L}\p{N} ._/()+-]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 80);
}


/***/ }),

/***/ 3535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ tooDeepAt)
/* harmony export */ });
/* harmony import */ var _input_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27906);

/**
 * The offset where flow collections (`[`, `{`) first nest deeper than the limit, or undefined.
 * The yaml library holds every open level of an unclosed `[[[[...` in memory: 280 KB of them
 * took 640 MB. A linear scan before parsing; brackets in quoted strings and comments do not count.
 */
function tooDeepAt(text, limit = _input_file_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_LIMITS */ .Ef.flowNesting) {
    let depth = 0;
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === '\\' && quote === '"')
                i++;
            else if (c === quote)
                quote = undefined;
            continue;
        }
        if (c === '"' || c === "'") {
            // A quote only opens a string at the start of a scalar, not inside a word (don't).
            const before = text[i - 1];
            if (before === undefined || /[\s[{,:-]/.test(before))
                quote = c;
        }
        else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
            const end = text.indexOf('\n', i);
            i = end === -1 ? text.length : end;
        }
        else if (c === '[' || c === '{') {
            if (++depth > limit)
                return i;
        }
        else if ((c === ']' || c === '}') && depth > 0) {
            depth--;
        }
    }
    return undefined;
}


/***/ }),

/***/ 67339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ repeatedKeys),
/* harmony export */   n: () => (/* binding */ repeatedKeyMessage)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);

/**
 * The keys that appear twice in one map, in one pass over the document. The yaml library's own
 * check (uniqueKeys) compares every key with every other: 50,000 keys took half a minute.
 * Keys that are not scalars are left to the schema; merge keys (`<<`) may repeat.
 */
function repeatedKeys(doc) {
    const repeated = [];
    const stack = [doc.contents];
    while (stack.length > 0) {
        const node = stack.pop();
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const seen = new Set();
            for (const pair of node.items) {
                const key = pair.key;
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key) && key.value !== '<<') {
                    const text = String(key.value);
                    if (seen.has(text))
                        repeated.push({ key: text, offset: key.range?.[0] ?? 0 });
                    seen.add(text);
                }
                stack.push(pair.value);
            }
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            for (const item of node.items)
                stack.push(item);
        }
    }
    return repeated.sort((a, b) => a.offset - b.offset);
}
function repeatedKeyMessage({ key }) {
    return `invalid YAML: Map keys must be unique: "${key.length > 60 ? key.slice(0, 60) + '...' : key}" is repeated`;
}


/***/ })

};
