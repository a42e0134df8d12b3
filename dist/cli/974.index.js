export const id = 974;
export const ids = [974,495];
export const modules = {

/***/ 98048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ copyImage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93613);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13512);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94007);
/* harmony import */ var _registry_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65485);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1495);






/** How deep indexes may nest (an index of indexes is legal, if rare). */
const MAX_DEPTH = 4;
async function copyImage(src, dst, client, options = {}) {
    client.willPush(dst);
    const top = await client.getManifest(src);
    if (dst.digest && dst.digest !== top.digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${dst} names digest ${dst.digest}, but ${src} is ${top.digest}`);
    }
    const tag = dst.tag ?? (dst.digest ? undefined : 'latest');
    const target = new _reference_js__WEBPACK_IMPORTED_MODULE_3__/* .ImageReference */ .ZN(dst.registry, dst.repository, tag, top.digest);
    const result = {
        digest: top.digest,
        mediaType: top.mediaType,
        blobsCopied: 0,
        blobsMounted: 0,
        blobsSkipped: 0,
        bytes: 0,
        manifests: 0
    };
    const sameRegistry = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .registryApiHost */ .Mb)(src.registry) === (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .registryApiHost */ .Mb)(dst.registry);
    // Same repository, or the destination has this manifest already (and so everything it
    // needs): only the tag is missing.
    const present = (sameRegistry && src.repository === dst.repository) ||
        (await client.headManifest(dst.atDigest(top.digest))) !== undefined;
    if (!present) {
        const plan = { manifests: [], blobs: new Map(), foreign: 0 };
        await collect(src, dst, top, client, plan, 0);
        result.blobsSkipped += plan.foreign;
        await forEachLimit([...plan.blobs.values()], options.concurrency ?? 4, async (blob) => {
            const action = await transferBlob(src, dst, blob, client, sameRegistry, options);
            if (action === 'copied') {
                result.blobsCopied++;
                result.bytes += blob.size;
            }
            else if (action === 'mounted')
                result.blobsMounted++;
            else
                result.blobsSkipped++;
            options.onBlob?.({ digest: blob.digest, size: blob.size, action });
        });
        for (const manifest of plan.manifests) {
            await client.putManifest(dst.atDigest(manifest.digest), manifest.bytes, manifest.mediaType);
            result.manifests++;
        }
    }
    if (tag || !present) {
        await client.putManifest(target, top.bytes, top.mediaType);
        result.manifests++;
    }
    return result;
}
/** Walks the manifest tree: child manifests DST lacks, and the blobs they need. */
async function collect(src, dst, manifest, client, plan, depth) {
    const what = `manifest ${src.atDigest(manifest.digest)}`;
    const parsed = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType, what);
    if (parsed.kind === 'image') {
        for (const blob of (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .blobsOf */ .OR)(parsed)) {
            if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .isForeign */ .jq)(blob))
                plan.foreign++;
            else
                plan.blobs.set(blob.digest, blob);
        }
        return;
    }
    if (depth >= MAX_DEPTH)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} nests indexes deeper than ${MAX_DEPTH} levels`);
    const children = [];
    await forEachLimit(parsed.manifests, 4, async (child) => {
        if (await client.headManifest(dst.atDigest(child.digest)))
            return; // there, with its blobs
        const fetched = await client.getManifest(src.atDigest(child.digest));
        if (fetched.size !== child.size) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} lists ${child.digest} with size ${child.size}, but it has ${fetched.size} bytes`);
        }
        children[parsed.manifests.indexOf(child)] = {
            ...fetched,
            mediaType: child.mediaType || fetched.mediaType
        };
    });
    for (const child of children) {
        if (!child)
            continue;
        await collect(src, dst, child, client, plan, depth + 1);
        if (!plan.manifests.some((m) => m.digest === child.digest))
            plan.manifests.push(child);
    }
}
async function transferBlob(src, dst, blob, client, sameRegistry, options) {
    let opened;
    if (sameRegistry) {
        // No HEAD first: a mount answers 201 also when DST has the blob, and each request saved is a
        // round trip to a registry that is rarely near.
        const mount = await client.mountBlob(dst, blob.digest, src.repository);
        if (mount.mounted)
            return 'mounted';
        opened = mount.location;
    }
    if (await client.blobExists(dst, blob.digest)) {
        if (opened)
            client.cancelUpload(dst, opened).catch(() => { });
        return 'skipped';
    }
    try {
        await (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .withRetry */ .bD)(async (attempt) => {
            // A transfer that failed late may have completed all the same.
            if (attempt > 1 && (await client.blobExists(dst, blob.digest)))
                return;
            const location = opened ?? (await client.startUpload(dst));
            opened = undefined;
            let stream;
            try {
                stream = (await client.getBlob(src, blob.digest, blob.size)).stream;
                await client.uploadBlob(dst, blob.digest, blob.size, stream, {
                    location,
                    chunkSize: options.chunkSize
                });
            }
            catch (error) {
                stream?.destroy();
                client.cancelUpload(dst, location).catch(() => { });
                throw error;
            }
        }, options.retry ?? client.retryOptions);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
            throw error;
        throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryError */ .gl(`copying blob ${(0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .shortDigest */ .VK)(blob.digest)} from ${src.name} to ${dst.name} failed: ${error.message}`);
    }
    return 'copied';
}
/** Runs `task` over `items`, at most `limit` at a time; the first failure stops new starts. */
async function forEachLimit(items, limit, task) {
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const item = items[next++];
            try {
                await task(item);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
}


/***/ }),

/***/ 13512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   OR: () => (/* binding */ blobsOf),
/* harmony export */   gp: () => (/* binding */ manifestMediaType),
/* harmony export */   jq: () => (/* binding */ isForeign)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93613);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89645);



/**
 * Reads a manifest's JSON. `mediaType` is what the registry said (Content-Type); when it says
 * nothing useful, the document's own mediaType field, or its shape, decides.
 */
function parseManifest(bytes, mediaType, what = 'manifest') {
    let document;
    try {
        document = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} is not valid JSON: ${error.message}`);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} is not a JSON object`);
    }
    const type = manifestMediaType(document, mediaType);
    if (type === _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCKER_MANIFEST_V1 */ .fb || type === _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCKER_MANIFEST_V1_SIGNED */ .k4) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} is a Docker schema 1 manifest, which slipway does not support`);
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexType */ .$U)(type)) {
        return { kind: 'index', mediaType: type, manifests: descriptors(document.manifests, what) };
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isImageManifestType */ .tr)(type)) {
        const [config] = descriptors([document.config], what);
        return {
            kind: 'image',
            mediaType: type,
            config,
            layers: descriptors(document.layers ?? [], what)
        };
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} has unsupported media type "${type || 'unknown'}"`);
}
/** The manifest's media type: a specific Content-Type, else its mediaType field, else its shape. */
function manifestMediaType(document, contentType) {
    if (contentType && ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexType */ .$U)(contentType) || (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isImageManifestType */ .tr)(contentType))) {
        return contentType;
    }
    if (typeof document.mediaType === 'string' && document.mediaType)
        return document.mediaType;
    if (document.schemaVersion === 1)
        return _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCKER_MANIFEST_V1 */ .fb;
    if (Array.isArray(document.manifests))
        return _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p;
    if (document.config && Array.isArray(document.layers))
        return _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG;
    return contentType ?? '';
}
/** The blobs an image manifest needs in the registry: config and layers, less foreign ones. */
function blobsOf(manifest) {
    if (manifest.kind !== 'image')
        return [];
    return [manifest.config, ...manifest.layers];
}
/**
 * Non-distributable ("foreign") layers live elsewhere (their urls); registries do not hold
 * them and copies leave them out, as docker and skopeo do.
 */
function isForeign(descriptor) {
    return ((descriptor.urls?.length ?? 0) > 0 ||
        descriptor.mediaType.includes('foreign') ||
        descriptor.mediaType.includes('nondistributable'));
}
function descriptors(value, what) {
    if (!Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} has no list of descriptors`);
    return value.map((item, index) => {
        const d = item;
        if (!d || typeof d !== 'object' || typeof d.digest !== 'string' || !(0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(d.digest)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} has a descriptor (#${index + 1}) without a valid digest`);
        }
        if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} has a descriptor (${d.digest}) without a valid size`);
        }
        return { ...d, mediaType: typeof d.mediaType === 'string' ? d.mediaType : '' };
    });
}


/***/ }),

/***/ 89645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $U: () => (/* binding */ isIndexType),
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   ZX: () => (/* binding */ bareMediaType),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   fb: () => (/* binding */ DOCKER_MANIFEST_V1),
/* harmony export */   k4: () => (/* binding */ DOCKER_MANIFEST_V1_SIGNED),
/* harmony export */   tr: () => (/* binding */ isImageManifestType)
/* harmony export */ });
/* unused harmony exports DOCKER_MANIFEST_LIST, DOCKER_MANIFEST, INDEX_TYPES, IMAGE_MANIFEST_TYPES */
// The manifest media types slipway reads and writes (OCI image spec, Docker image manifest v2).
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_MANIFEST_V1 = 'application/vnd.docker.distribution.manifest.v1+json';
const DOCKER_MANIFEST_V1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
const INDEX_TYPES = [OCI_INDEX, DOCKER_MANIFEST_LIST];
const IMAGE_MANIFEST_TYPES = [OCI_MANIFEST, DOCKER_MANIFEST];
/** The Accept header for manifests: indexes first, so a multi-arch tag is read as one. */
const MANIFEST_ACCEPT = [
    OCI_INDEX,
    DOCKER_MANIFEST_LIST,
    OCI_MANIFEST,
    DOCKER_MANIFEST
].join(', ');
function isIndexType(mediaType) {
    return INDEX_TYPES.includes(mediaType);
}
function isImageManifestType(mediaType) {
    return IMAGE_MANIFEST_TYPES.includes(mediaType);
}
/** The media type without parameters (`; charset=utf-8`) and in lower case. */
function bareMediaType(contentType) {
    return (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
}


/***/ }),

/***/ 65485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   ut: () => (/* binding */ describeErrorBody)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

/**
 * A registry said no, or could not be reached. One line that names the registry and what was
 * asked, plus what is known about the failure.
 */
class RegistryError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    status;
    code;
    retryable;
    retryAfterMs;
    constructor(message, details = {}) {
        super(oneLine(message, 500));
        this.name = 'RegistryError';
        this.status = details.status;
        this.code = details.code;
        this.retryable = details.retryable ?? false;
        this.retryAfterMs = details.retryAfterMs;
    }
}
/** Whitespace collapsed, and at most `max` characters: server text goes into one-line errors. */
function oneLine(text, max = 300) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
/**
 * The first error of a distribution error body ({"errors":[{"code","message","detail"}]}),
 * as "CODE: message"; or the start of whatever else the body is.
 */
function describeErrorBody(body) {
    try {
        const parsed = JSON.parse(body);
        const first = parsed.errors?.[0];
        if (first) {
            const text = [first.code, first.message].filter(Boolean).join(': ');
            return { code: first.code, text: oneLine(text, 200) };
        }
    }
    catch {
        // not JSON: fall through
    }
    return { text: oneLine(body, 200) };
}


/***/ }),

/***/ 96441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ RegistryClient)
});

// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/core/image/reference.ts + 1 modules
var reference = __webpack_require__(94007);
;// CONCATENATED MODULE: ./src/core/image/credentials.ts

/** The secrets in a credential, for masking. */
function secretsOf(credential) {
    const secrets = [credential.password, credential.identityToken, credential.registryToken];
    if (credential.username !== undefined && credential.password !== undefined) {
        secrets.push(Buffer.from(`${credential.username}:${credential.password}`).toString('base64'));
    }
    return secrets.filter((s) => typeof s === 'string' && s.length > 0);
}
/** The names a registry goes by: Docker Hub has several. */
function registryAliases(registry) {
    const hub = [reference/* DOCKER_HUB */.Xb, 'index.docker.io', reference/* DOCKER_HUB_API_HOST */.Tz];
    return hub.includes(registry) ? hub : [registry];
}
/** Credentials given explicitly (inputs, flags), keyed by registry. */
class StaticCredentials {
    byRegistry = new Map();
    constructor(entries = {}) {
        for (const [registry, credential] of Object.entries(entries))
            this.set(registry, credential);
    }
    set(registry, credential) {
        const host = registry.replace(/^https?:\/\//, '').split('/', 1)[0];
        for (const alias of registryAliases(host))
            this.byRegistry.set(alias, credential);
        return this;
    }
    async get(registry) {
        return this.byRegistry.get(registry);
    }
}
/** No credentials: anonymous access only. */
const anonymous = { get: async () => undefined };
/** Asks each store in turn; the first that knows the registry answers. */
function chainCredentials(...stores) {
    return {
        async get(registry) {
            for (const store of stores) {
                const credential = await store.get(registry);
                if (credential)
                    return credential;
            }
            return undefined;
        }
    };
}

// EXTERNAL MODULE: ./src/core/image/registry-error.ts
var registry_error = __webpack_require__(65485);
;// CONCATENATED MODULE: ./src/core/image/www-authenticate.ts
// WWW-Authenticate (RFC 7235 section 4.1): one or more challenges, each a scheme followed by
// either a token68 or comma-separated auth-params whose values are tokens or quoted strings.
//
//   Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"
//   Basic realm="Registry Realm", Bearer realm="https://ghcr.io/token",service="ghcr.io"
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;
function parseWwwAuthenticate(header) {
    if (header === undefined)
        return [];
    const text = Array.isArray(header) ? header.join(', ') : header;
    const challenges = [];
    let pos = 0;
    const skip = (chars) => {
        while (pos < text.length && chars.test(text[pos]))
            pos++;
    };
    const token = () => {
        const start = pos;
        while (pos < text.length && TOKEN_CHAR.test(text[pos]))
            pos++;
        return text.slice(start, pos);
    };
    const quoted = () => {
        let value = '';
        pos++; // opening quote
        while (pos < text.length && text[pos] !== '"') {
            if (text[pos] === '\\' && pos + 1 < text.length)
                pos++;
            value += text[pos++];
        }
        pos++; // closing quote (or end)
        return value;
    };
    while (pos < text.length) {
        skip(/[\s,]/);
        const scheme = token();
        if (!scheme) {
            pos++; // not a token character: skip it rather than loop forever
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        skip(/[ \t]/);
        // token68: token68 characters, then "="s, then the end or a comma
        const token68 = /^[A-Za-z0-9\-._~+/]+=*\s*(?:,|$)/.exec(text.slice(pos));
        if (token68 && !/^[^=,\s]+=[^=,\s]/.test(text.slice(pos))) {
            let end = pos;
            while (end < text.length && (TOKEN68_CHAR.test(text[end]) || text[end] === '='))
                end++;
            challenge.token68 = text.slice(pos, end);
            pos = end;
            continue;
        }
        // auth-params until the next challenge (a token not followed by "=")
        for (;;) {
            skip(/[\s,]/);
            const start = pos;
            const name = token();
            if (!name)
                break;
            skip(/[ \t]/);
            if (text[pos] !== '=') {
                pos = start; // the scheme of the next challenge
                break;
            }
            pos++;
            skip(/[ \t]/);
            challenge.params[name.toLowerCase()] = text[pos] === '"' ? quoted() : token();
        }
    }
    return challenges;
}

;// CONCATENATED MODULE: ./src/core/image/auth.ts



// Registry authentication (the distribution "token authentication" spec): a request without
// credentials gets 401 and a WWW-Authenticate challenge. For Bearer, slipway asks the realm for
// a token for the scopes it needs (with basic auth when it has a user and password, with an
// OAuth2 refresh-token grant for an identity token, anonymously otherwise) and retries with it.
// For Basic, it sends the user and password. Docker Hub, GHCR and Artifact Registry use Bearer;
// ECR and many self-hosted registries Basic. Once a registry's scheme is known, later requests
// carry credentials from the start.
/** Scope for pulling from, or pushing to, a repository. */
function pullScope(repository) {
    return `repository:${repository}:pull`;
}
function pushScope(repository) {
    return `repository:${repository}:pull,push`;
}
/** Tokens are renewed this long before they expire. */
const EXPIRY_MARGIN_MS = 15_000;
/** The token lifetime when the realm does not say (the token spec's default). */
const DEFAULT_TOKEN_SECONDS = 60;
class Authenticator {
    options;
    registries = new Map();
    credentials = new Map();
    constructor(options) {
        this.options = options;
    }
    now() {
        return (this.options.now ?? Date.now)();
    }
    state(registry) {
        let state = this.registries.get(registry);
        if (!state) {
            state = { tokens: new Map() };
            this.registries.set(registry, state);
        }
        return state;
    }
    /** The registry's credential, looked up once; its secrets are reported before any use. */
    credential(registry) {
        let credential = this.credentials.get(registry);
        if (!credential) {
            credential = this.options.credentials.get(registry).then((found) => {
                if (found)
                    for (const secret of secretsOf(found))
                        this.options.onSecret?.(secret);
                return found;
            });
            this.credentials.set(registry, credential);
        }
        return credential;
    }
    /** The Authorization header for a request, once the registry's scheme is known. */
    async header(registry, scopes) {
        const state = this.registries.get(registry);
        if (!state?.scheme)
            return undefined;
        if (state.scheme === 'basic')
            return state.basic;
        const key = scopeKey(scopes);
        let token = state.tokens.get(key);
        if (token) {
            const known = await token.catch(() => undefined);
            if (!known || known.expiresAt - EXPIRY_MARGIN_MS <= this.now())
                token = undefined;
        }
        if (!token) {
            token = this.fetchToken(registry, state, scopes);
            state.tokens.set(key, token);
            token.catch(() => state.tokens.delete(key));
        }
        const value = (await token).value;
        return value ? `Bearer ${value}` : undefined;
    }
    /**
     * Learns from a 401: remembers the scheme and realm and drops the token that was refused, so
     * that the next header() fetches a fresh one. Throws when nothing can be done.
     */
    async challenge(registry, scopes, wwwAuthenticate) {
        const challenges = parseWwwAuthenticate(wwwAuthenticate);
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
        const basic = challenges.find((c) => c.scheme === 'basic');
        const state = this.state(registry);
        if (bearer) {
            state.scheme = 'bearer';
            state.realm = bearer.params.realm;
            state.service = bearer.params.service;
            const wanted = mergeScopes(scopes, bearer);
            state.tokens.delete(scopeKey(scopes));
            if (wanted.length !== scopes.length) {
                // The registry asks for a scope we did not name; ask for both under our key.
                state.tokens.set(scopeKey(scopes), this.fetchToken(registry, state, wanted));
            }
            return;
        }
        if (basic) {
            const credential = await this.credential(registry);
            if (!credential?.username || credential.password === undefined) {
                throw this.required(registry);
            }
            const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
            this.options.onSecret?.(encoded);
            state.scheme = 'basic';
            state.basic = `Basic ${encoded}`;
            return;
        }
        throw new registry_error/* RegistryError */.gl(`authentication required for ${registry}, but its challenge is not one slipway knows ` +
            `(${challenges.map((c) => c.scheme).join(', ') || 'none given'})`, { status: 401 });
    }
    /** The error for a request still refused after authenticating. */
    async refused(registry, repository, wwwAuthenticate) {
        const credential = await this.credential(registry);
        if (!credential) {
            return new registry_error/* RegistryError */.gl(`authentication required for ${registry}: anonymous access to ${repository} was refused ` +
                `(log in with docker login ${registry}, or pass credentials)`, { status: 401, code: 'UNAUTHORIZED' });
        }
        const bearer = parseWwwAuthenticate(wwwAuthenticate).find((c) => c.scheme === 'bearer');
        if (bearer?.params.error === 'insufficient_scope') {
            return new registry_error/* RegistryError */.gl(`access denied to ${repository} on ${registry}: the credentials do not grant ${bearer.params.scope ?? 'the access needed'}`, { status: 401, code: 'DENIED' });
        }
        return new registry_error/* RegistryError */.gl(`authentication failed for ${registry}: the registry refused the credentials`, { status: 401, code: 'UNAUTHORIZED' });
    }
    required(registry) {
        return new registry_error/* RegistryError */.gl(`authentication required for ${registry}: no credentials found (log in with docker login ${registry}, or pass credentials)`, { status: 401, code: 'UNAUTHORIZED' });
    }
    async fetchToken(registry, state, scopes) {
        const credential = await this.credential(registry);
        if (credential?.registryToken) {
            return { value: credential.registryToken, expiresAt: Number.POSITIVE_INFINITY };
        }
        let realm;
        try {
            realm = new URL(state.realm ?? '');
        }
        catch {
            throw new registry_error/* RegistryError */.gl(`${registry} sent an invalid token realm "${state.realm}"`);
        }
        if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
            throw new registry_error/* RegistryError */.gl(`${registry} sent a token realm that is not HTTP(S): ${realm.href}`);
        }
        const hasSecret = Boolean(credential?.identityToken || credential?.password);
        if (hasSecret && realm.protocol === 'http:' && !this.options.mayUsePlainHttp(realm)) {
            throw new registry_error/* RegistryError */.gl(`refusing to send credentials for ${registry} to the plain-HTTP token realm ${realm.origin} (mark it insecure to allow)`);
        }
        let response;
        if (credential?.identityToken) {
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: credential.identityToken,
                client_id: 'slipway',
                ...(state.service ? { service: state.service } : {}),
                ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {})
            });
            response = await this.options.send({
                method: 'POST',
                url: realm,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: Buffer.from(form.toString())
            });
        }
        else {
            const url = new URL(realm);
            if (state.service)
                url.searchParams.set('service', state.service);
            for (const scope of scopes)
                url.searchParams.append('scope', scope);
            const headers = {};
            if (credential?.username !== undefined && credential.password !== undefined) {
                headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
            }
            response = await this.options.send({ method: 'GET', url, headers });
        }
        const body = await response.text(1 << 20);
        if (response.status === 401 || response.status === 403) {
            const detail = (0,registry_error/* describeErrorBody */.ut)(body).text;
            throw new registry_error/* RegistryError */.gl(credential
                ? `authentication failed for ${registry}: the token service refused the credentials (${response.status}${detail ? ` ${detail}` : ''})`
                : `authentication required for ${registry}: anonymous access refused (log in with docker login ${registry})`, { status: response.status, code: 'UNAUTHORIZED' });
        }
        if (response.status !== 200) {
            throw new registry_error/* RegistryError */.gl(`token service of ${registry} (${realm.host}) answered HTTP ${response.status}: ${(0,registry_error/* describeErrorBody */.ut)(body).text}`, { status: response.status });
        }
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            throw new registry_error/* RegistryError */.gl(`token service of ${registry} (${realm.host}) answered something that is not JSON`);
        }
        const value = parsed.token ?? parsed.access_token;
        if (!value)
            throw new registry_error/* RegistryError */.gl(`token service of ${registry} (${realm.host}) answered without a token`);
        this.options.onSecret?.(value);
        const seconds = Number(parsed.expires_in) > 0 ? Number(parsed.expires_in) : DEFAULT_TOKEN_SECONDS;
        return { value, expiresAt: this.now() + seconds * 1000 };
    }
}
function scopeKey(scopes) {
    return [...scopes].sort().join(' ');
}
function mergeScopes(scopes, challenge) {
    const asked = (challenge.params.scope ?? '').split(' ').filter(Boolean);
    const merged = [...scopes];
    for (const scope of asked)
        if (!merged.includes(scope) && !covered(scope, merged))
            merged.push(scope);
    return merged;
}
/** Whether repository:X:pull is covered by repository:X:pull,push already in the list. */
function covered(scope, scopes) {
    const [type, name, actions] = splitScope(scope);
    return scopes.some((other) => {
        const [otherType, otherName, otherActions] = splitScope(other);
        return (otherType === type && otherName === name && actions.every((a) => otherActions.includes(a)));
    });
}
function splitScope(scope) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    return [scope.slice(0, first), scope.slice(first + 1, last), scope.slice(last + 1).split(',')];
}

// EXTERNAL MODULE: ./src/core/image/retry.ts
var retry = __webpack_require__(1495);
;// CONCATENATED MODULE: ./src/core/image/chunked-upload.ts


// Chunked blob upload (distribution spec "chunked upload"): the body goes in PATCH requests of
// a fixed size with Content-Range; a PATCH that fails is not blindly repeated: the registry is
// asked how much it has (GET on the upload location, Range header) and the rest is sent.
/** PATCHes the body in chunks; returns the location for the closing PUT and the bytes sent. */
async function uploadInChunks(transport, target, location, body, chunkSize) {
    let offset = 0;
    for await (const chunk of chunksOf(body, chunkSize)) {
        location = await patchChunk(transport, target, location, chunk, offset);
        offset += chunk.length;
    }
    return { location, bytes: offset };
}
/** One PATCH of a chunked upload; after a failure, asks where the upload stands and resumes. */
async function patchChunk(transport, target, location, chunk, offset) {
    const budget = new retry/* RetryBudget */.Km(transport.retry);
    let sent = 0;
    for (;;) {
        try {
            const response = await transport.call({
                ...target,
                method: 'PATCH',
                url: location,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-range': `${offset + sent}-${offset + chunk.length - 1}`
                },
                body: chunk.subarray(sent),
                once: true
            });
            response.discard();
            if (response.status === 202 || response.status === 204)
                return transport.location(response, target.what, location);
            const error = await transport.failure(response, target.what);
            // 416: the registry disagrees about the offset; the whole blob starts over.
            if (response.status === 416) {
                throw new registry_error/* RegistryError */.gl(error.message, { status: 416, code: error.code, retryable: true });
            }
            throw error;
        }
        catch (error) {
            const retryable = error.retryable === true;
            if (!retryable)
                throw error;
            const decision = budget.next(error.retryAfterMs);
            if (!decision.retry)
                throw new registry_error/* RegistryError */.gl(error.message);
            await budget.sleep(decision.delayMs);
            const status = await uploadStatus(transport, target, location);
            location = status.location;
            sent = Math.max(0, Math.min(chunk.length, status.received - offset));
            if (sent === chunk.length)
                return location;
        }
    }
}
/** How many bytes of an upload the registry has (GET on the upload location). */
async function uploadStatus(transport, target, location) {
    const response = await transport.call({ ...target, method: 'GET', url: location });
    response.discard();
    if (response.status !== 204 && response.status !== 200) {
        const error = await transport.failure(response, `${target.what} (upload status)`);
        // The session is gone: the whole blob must start over.
        throw new registry_error/* RegistryError */.gl(error.message, {
            status: error.status,
            code: error.code,
            retryable: true
        });
    }
    // "0-N": bytes 0 to N are there. Registries say "0-0" for an empty upload too (distribution
    // does), so "0-0" is taken as nothing: resending one byte costs less than skipping one.
    const range = /^(?:bytes=)?(\d+)-(\d+)$/.exec(response.header('range') ?? '');
    const end = range ? Number(range[2]) : -1;
    return {
        location: transport.location(response, target.what, location),
        received: end > 0 ? end + 1 : 0
    };
}
/** The body in buffers of `size` bytes (the last one shorter). */
async function* chunksOf(body, size) {
    if (Buffer.isBuffer(body)) {
        for (let start = 0; start < body.length; start += size)
            yield body.subarray(start, start + size);
        return;
    }
    let parts = [];
    let length = 0;
    for await (const piece of body) {
        let rest = piece;
        while (length + rest.length >= size) {
            const take = size - length;
            parts.push(rest.subarray(0, take));
            yield Buffer.concat(parts, size);
            rest = rest.subarray(take);
            parts = [];
            length = 0;
        }
        if (rest.length > 0) {
            parts.push(rest);
            length += rest.length;
        }
    }
    if (length > 0)
        yield Buffer.concat(parts, length);
}

// EXTERNAL MODULE: ./src/core/image/digest.ts
var image_digest = __webpack_require__(93613);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/core/image/docker-config.ts






// Credentials as `docker login` leaves them in ~/.docker/config.json (or $DOCKER_CONFIG):
//   credHelpers: { "<registry>": "<name>" }  ask docker-credential-<name> for that registry
//   credsStore: "<name>"                      ask docker-credential-<name> for any registry
//   auths: { "<registry>": { auth: base64("user:password"), identitytoken, registrytoken } }
// A helper is run as `docker-credential-<name> get` with the server address on stdin and
// answers {"ServerURL","Username","Secret"}; the user "<token>" means Secret is an identity token.
/** The server address docker uses as the key for Docker Hub. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
class DockerConfigCredentials {
    file;
    config;
    env;
    constructor(options = {}) {
        const env = options.env ?? process.env;
        const dir = options.configDir ?? env.DOCKER_CONFIG ?? external_node_path_default().join((0,external_node_os_.homedir)(), '.docker');
        this.file = external_node_path_default().join(dir, 'config.json');
        this.env = env;
    }
    async get(registry) {
        const config = await (this.config ??= this.load());
        const aliases = registryAliases(registry);
        const serverAddress = aliases.includes(reference/* DOCKER_HUB */.Xb) ? DOCKER_HUB_SERVER : registry;
        const helper = findHelper(config.credHelpers, aliases, serverAddress);
        if (helper) {
            const credential = await this.fromHelper(helper, serverAddress, true);
            if (credential)
                return credential;
        }
        if (config.credsStore) {
            const credential = await this.fromHelper(config.credsStore, serverAddress, false);
            if (credential)
                return credential;
        }
        return fromAuths(config.auths, aliases, this.file);
    }
    async load() {
        let text;
        try {
            // Synchronously: a small file, and node:fs/promises would cost a short command more to
            // load than the read itself.
            text = (0,external_node_fs_.readFileSync)(this.file, 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return {};
            throw new errors/* UserError */.yo(`cannot read ${this.file}: ${error.message}`);
        }
        try {
            const config = JSON.parse(text);
            return typeof config === 'object' && config !== null ? config : {};
        }
        catch (error) {
            throw new errors/* UserError */.yo(`${this.file} is not valid JSON: ${error.message}`);
        }
    }
    /**
     * Runs docker-credential-<name> get. A helper named for this registry in credHelpers must
     * exist; a global credsStore that is not installed (a config copied from a desktop) is
     * passed over, and the auths entries are used instead.
     */
    async fromHelper(name, serverAddress, required) {
        if (!/^[A-Za-z0-9._-]+$/.test(name))
            throw new errors/* UserError */.yo(`${this.file}: invalid credential helper name "${name}"`);
        const program = `docker-credential-${name}`;
        const { runCommand } = await __webpack_require__.e(/* import() */ 978).then(__webpack_require__.bind(__webpack_require__, 99978)); // child_process only when a helper runs
        let result;
        try {
            result = await runCommand(program, ['get'], { input: serverAddress, env: this.env });
        }
        catch (error) {
            if (!required && error instanceof errors/* UserError */.yo)
                return undefined;
            throw new errors/* UserError */.yo(`${program} (credential helper for ${serverAddress} in ${this.file}) is not installed or not on PATH`);
        }
        if (result.exitCode !== 0) {
            const said = `${result.stdout} ${result.stderr}`.trim();
            if (/credentials not found/i.test(said) || said === '')
                return undefined;
            // Its output is not shown: a helper may print the secret it failed to store or read.
            throw new errors/* UserError */.yo(`${program} get failed for ${serverAddress} (exit ${result.exitCode}; its output is not shown, as it may hold credentials)`);
        }
        let answer;
        try {
            answer = JSON.parse(result.stdout);
        }
        catch {
            throw new errors/* UserError */.yo(`${program} get answered something that is not JSON for ${serverAddress}`);
        }
        if (!answer.Secret)
            return undefined;
        if (answer.Username === '<token>')
            return { identityToken: answer.Secret };
        return { username: answer.Username ?? '', password: answer.Secret };
    }
}
/** The host a config key names: "https://index.docker.io/v1/" is index.docker.io. */
function configKeyHost(key) {
    return key.replace(/^[a-z]+:\/\//i, '').split('/', 1)[0];
}
function findHelper(helpers, aliases, serverAddress) {
    if (!helpers)
        return undefined;
    if (helpers[serverAddress])
        return helpers[serverAddress];
    for (const [key, helper] of Object.entries(helpers)) {
        if (aliases.includes(configKeyHost(key)))
            return helper;
    }
    return undefined;
}
function fromAuths(auths, aliases, file) {
    if (!auths)
        return undefined;
    for (const [key, entry] of Object.entries(auths)) {
        if (!aliases.includes(configKeyHost(key)) || !entry)
            continue;
        const credential = {};
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon === -1)
                throw new errors/* UserError */.yo(`${file}: the auth entry for ${key} is not base64 of user:password`);
            credential.username = decoded.slice(0, colon);
            credential.password = decoded.slice(colon + 1);
        }
        else if (entry.username !== undefined && entry.password !== undefined) {
            credential.username = entry.username;
            credential.password = entry.password;
        }
        if (entry.identitytoken)
            credential.identityToken = entry.identitytoken;
        if (entry.registrytoken)
            credential.registryToken = entry.registrytoken;
        if (Object.keys(credential).length > 0)
            return credential;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/core/image/manifest.ts
var manifest = __webpack_require__(13512);
// EXTERNAL MODULE: ./src/core/image/media-types.ts
var media_types = __webpack_require__(89645);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/core/image/transfer-guard.ts
var transfer_guard = __webpack_require__(70542);
;// CONCATENATED MODULE: ./src/core/image/http.ts




const agentOptions = { keepAlive: true, maxSockets: 32, keepAliveMsecs: 10_000 };
const httpAgent = new (external_node_http_default()).Agent(agentOptions);
// node:https (and TLS with its root certificates) is loaded when first needed: a loopback
// registry over plain HTTP never needs it, and the CLI starts faster without it.
let httpsLoaded;
function loadHttps() {
    httpsLoaded ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 44708, 23)).then((https) => ({
        https,
        agent: new https.Agent(agentOptions),
        insecureAgent: new https.Agent({ ...agentOptions, rejectUnauthorized: false })
    }));
    return httpsLoaded;
}
class HttpTimeoutError extends Error {
    code = 'ETIMEDOUT';
    constructor(url, ms) {
        super(`no answer from ${url.host} within ${Math.round(ms / 1000)} s`);
    }
}
async function send(request) {
    const { url, method } = request;
    const secure = url.protocol === 'https:';
    const loaded = secure ? await loadHttps() : undefined;
    const agent = loaded ? (request.insecureTls ? loaded.insecureAgent : loaded.agent) : httpAgent;
    const client = loaded ? loaded.https : (external_node_http_default());
    const idle = request.idleTimeoutMs ?? 60_000;
    const headers = { 'user-agent': USER_AGENT, ...request.headers };
    if (Buffer.isBuffer(request.body))
        headers['content-length'] = request.body.length;
    else if (!request.body && (method === 'PUT' || method === 'POST' || method === 'PATCH')) {
        headers['content-length'] = 0;
    }
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            reject(error);
        };
        let answer;
        const req = client.request(url, { method, headers, agent, timeout: idle }, (res) => {
            if (settled) {
                res.destroy();
                return;
            }
            settled = true;
            answer = res;
            guard.response(res);
            resolve(wrap(res, url, method === 'HEAD'));
        });
        const guard = (0,transfer_guard/* guardTransfer */.zH)(req, url.host, request.limits ?? {}, (error) => {
            // The reader of the answer's body gets the error, not a bare "aborted".
            answer?.destroy(error);
            req.destroy(error);
        });
        req.on('error', fail);
        req.on('timeout', () => req.destroy(new HttpTimeoutError(url, idle)));
        const body = request.body;
        if (body === undefined)
            req.end();
        else if (Buffer.isBuffer(body))
            req.end(body);
        else {
            // When the server answers early (an error) and closes, the pipeline fails: ignored then.
            (0,promises_.pipeline)(body, req).catch((error) => {
                fail(error);
                req.destroy(error);
            });
        }
    });
}
function wrap(res, url, bodiless) {
    const response = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        url,
        body: res,
        header(name) {
            const value = res.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
        },
        async bytes(limit) {
            const chunks = [];
            let length = 0;
            for await (const chunk of res) {
                length += chunk.length;
                if (length > limit) {
                    res.destroy();
                    throw new Error(`response from ${url.host} is larger than ${limit} bytes`);
                }
                chunks.push(chunk);
            }
            return Buffer.concat(chunks, length);
        },
        async text(limit = 1 << 20) {
            return (await response.bytes(limit)).toString('utf8');
        },
        discard() {
            // Small bodies (errors, HEAD) are read to the end, which hands the connection back to
            // the pool (also when the parser is done: 'end' only comes once the stream is read);
            // big ones are cut.
            const length = Number(res.headers['content-length'] ?? Number.NaN);
            if (bodiless || res.complete || (Number.isFinite(length) && length <= 64 * 1024))
                res.resume();
            else
                res.destroy();
        }
    };
    return response;
}
const USER_AGENT = 'slipway (+https://github.com/acme/slipway)';
/** 127.0.0.0/8, ::1 and localhost: registries Docker lets you use over plain HTTP. */
function isLoopbackHost(hostAndPort) {
    let host = hostAndPort;
    if (host.startsWith('['))
        host = host.slice(1, host.indexOf(']'));
    else if (host.split(':').length === 2)
        host = host.split(':')[0];
    host = host.toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if ((0,external_node_net_.isIP)(host) === 4)
        return host.startsWith('127.');
    if ((0,external_node_net_.isIP)(host) === 6)
        return host === '::1' || host === '0:0:0:0:0:0:0:1';
    return false;
}

;// CONCATENATED MODULE: ./src/core/image/registry-transport.ts






// How RegistryClient talks to registries: which scheme (HTTPS, or plain HTTP for loopback and
// insecure registries), authentication answering challenges, redirects, and retries with
// backoff that honours Retry-After. Each call is one distribution API request.
const MAX_REDIRECTS = 5;
class RegistryTransport {
    options;
    endpoints = new Map();
    insecure;
    /** Set by RegistryClient once built (it needs this transport to reach token realms). */
    auth;
    constructor(options) {
        this.options = options;
        this.insecure = new Set(options.insecure.map((host) => host.trim().toLowerCase()));
    }
    get retry() {
        return this.options.retry;
    }
    /**
     * Sends a call: authenticates (answering challenges), follows redirects for blob reads
     * (without credentials to other hosts), and retries connection failures, 429 and 5xx with
     * backoff that honours Retry-After. A call with a stream body is sent once.
     */
    async call(call) {
        const base = await this.endpoint(call.registry);
        let url = call.url ?? new URL(call.path ?? '/v2/', base);
        const replayable = !call.once && (call.body === undefined || Buffer.isBuffer(call.body));
        const budget = new retry/* RetryBudget */.Km(this.options.retry);
        let challenges = 0;
        let redirects = 0;
        for (;;) {
            const ours = url.origin === base.origin;
            const authorization = ours ? await this.auth?.header(call.registry, call.scopes) : undefined;
            let response;
            try {
                response = await send({
                    method: call.method,
                    url,
                    headers: { ...call.headers, ...(authorization ? { authorization } : {}) },
                    body: call.body,
                    insecureTls: this.isInsecure(url.host),
                    idleTimeoutMs: this.options.idleTimeoutMs,
                    limits: this.options.limits
                });
            }
            catch (error) {
                if (error instanceof registry_error/* RegistryError */.gl || error instanceof image_digest/* DigestMismatchError */.h)
                    throw error;
                if (error instanceof transfer_guard/* TransferLimitError */.lC) {
                    throw new registry_error/* RegistryError */.gl(`${call.what}: ${error.message}`);
                }
                const network = (0,retry/* isRetryableNetworkError */.Hr)(error);
                const message = `${call.what}: ${networkMessage(error)}`;
                if (!network || !replayable)
                    throw new registry_error/* RegistryError */.gl(message, { retryable: network });
                const decision = budget.next();
                if (!decision.retry) {
                    throw new registry_error/* RegistryError */.gl(`${call.what}: cannot reach ${call.registry}: ${networkMessage(error)} (${budget.attemptsMade} attempts)`);
                }
                await budget.sleep(decision.delayMs);
                continue;
            }
            const status = response.status;
            if (status === 401 && ours) {
                const challenge = response.header('www-authenticate');
                response.discard();
                if (!replayable && call.body !== undefined) {
                    throw new registry_error/* RegistryError */.gl(`${call.what}: ${call.registry} asked to authenticate again`, {
                        status,
                        retryable: true
                    });
                }
                if (!this.auth)
                    throw new registry_error/* RegistryError */.gl(`${call.what}: ${call.registry} wants authentication`, { status });
                if (challenges >= 2 || (challenges >= 1 && authorization !== undefined)) {
                    throw await this.auth.refused(call.registry, call.repository, challenge);
                }
                challenges++;
                await this.auth.challenge(call.registry, call.scopes, challenge);
                continue;
            }
            if (call.followRedirects && [301, 302, 303, 307, 308].includes(status)) {
                const location = response.header('location');
                response.discard();
                if (!location || ++redirects > MAX_REDIRECTS) {
                    throw new registry_error/* RegistryError */.gl(`${call.what}: too many redirects, or one without a location`, {
                        status
                    });
                }
                url = new URL(location, url);
                continue;
            }
            if ((0,retry/* isRetryableStatus */.PS)(status)) {
                const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(response.header('retry-after'));
                const body = await response.text(64 << 10).catch(() => '');
                const { code, text } = (0,registry_error/* describeErrorBody */.ut)(body);
                const message = `${call.what}: ${call.registry} answered HTTP ${status}${text ? ` ${text}` : ''}`;
                if (!replayable)
                    throw new registry_error/* RegistryError */.gl(message, { status, code, retryable: true, retryAfterMs });
                const decision = budget.next(retryAfterMs);
                if (!decision.retry) {
                    const waited = retryAfterMs !== undefined && decision.delayMs >= retryAfterMs
                        ? `, asked to retry after ${Math.ceil(retryAfterMs / 1000)} s`
                        : '';
                    throw new registry_error/* RegistryError */.gl(`${message} (${budget.attemptsMade} attempts${waited})`, {
                        status,
                        code
                    });
                }
                await budget.sleep(decision.delayMs);
                continue;
            }
            return response;
        }
    }
    location(response, what, fallback) {
        const location = response.header('location');
        if (!location) {
            if (fallback)
                return fallback;
            throw new registry_error/* RegistryError */.gl(`${what}: the registry gave no upload location`);
        }
        return new URL(location, response.url);
    }
    /** A RegistryError for an unexpected answer, with the registry's own error code and message. */
    async failure(response, what) {
        const body = await response.text(64 << 10).catch(() => '');
        const { code, text } = (0,registry_error/* describeErrorBody */.ut)(body);
        const status = response.status;
        const detail = text ? `: ${text}` : '';
        if (status === 403)
            return new registry_error/* RegistryError */.gl(`access denied: ${what} (HTTP 403${detail})`, { status, code });
        return new registry_error/* RegistryError */.gl(`${what}: HTTP ${status}${detail}`, { status, code });
    }
    isInsecure(host) {
        const lower = host.toLowerCase();
        const hostname = lower.startsWith('[')
            ? lower.slice(0, lower.indexOf(']') + 1)
            : lower.split(':')[0];
        return isLoopbackHost(lower) || this.insecure.has(lower) || this.insecure.has(hostname);
    }
    /** https://host, except for loopback and insecure registries (see probe). */
    endpoint(registry) {
        const host = (0,reference/* registryApiHost */.Mb)(registry);
        let endpoint = this.endpoints.get(host);
        if (!endpoint) {
            endpoint = this.isInsecure(host)
                ? this.probe(host)
                : Promise.resolve(new URL(`https://${host}`));
            this.endpoints.set(host, endpoint);
        }
        return endpoint;
    }
    /**
     * The scheme of a loopback or insecure registry. Loopback: plain HTTP first (what local
     * registries speak; TLS is not even loaded), HTTPS when the answer says so (Go's "Client sent
     * an HTTP request to an HTTPS server") or there is no HTTP answer. A registry marked insecure:
     * HTTPS first without certificate checks, then HTTP, as Docker does.
     */
    async probe(host) {
        const plain = new URL(`http://${host}`);
        const secure = new URL(`https://${host}`);
        const order = isLoopbackHost(host) ? [plain, secure] : [secure, plain];
        for (const base of order) {
            try {
                const response = await send({
                    method: 'GET',
                    url: new URL('/v2/', base),
                    insecureTls: true,
                    idleTimeoutMs: 5_000
                });
                if (base === plain && response.status === 400) {
                    const text = await response.text(4096).catch(() => '');
                    if (/https/i.test(text))
                        continue;
                }
                else {
                    response.discard();
                }
                return base;
            }
            catch {
                // no answer in this scheme: try the other
            }
        }
        return order[0];
    }
    /** Token realms: retried like registry calls, without registry auth. */
    async sendWithRetry(request, what) {
        const budget = new retry/* RetryBudget */.Km(this.options.retry);
        for (;;) {
            let response;
            try {
                response = await send({
                    ...request,
                    insecureTls: this.isInsecure(request.url.host),
                    idleTimeoutMs: this.options.idleTimeoutMs,
                    limits: this.options.limits
                });
            }
            catch (error) {
                if (!(0,retry/* isRetryableNetworkError */.Hr)(error))
                    throw new registry_error/* RegistryError */.gl(`${what} to ${request.url.host} failed: ${networkMessage(error)}`);
                const decision = budget.next();
                if (!decision.retry)
                    throw new registry_error/* RegistryError */.gl(`cannot reach ${request.url.host} (${what}): ${networkMessage(error)}`);
                await budget.sleep(decision.delayMs);
                continue;
            }
            if (!(0,retry/* isRetryableStatus */.PS)(response.status))
                return response;
            const decision = budget.next((0,retry/* parseRetryAfter */.mu)(response.header('retry-after')));
            if (!decision.retry)
                return response;
            response.discard();
            await budget.sleep(decision.delayMs);
        }
    }
}
function networkMessage(error) {
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    return code && !message.includes(code) ? `${code} ${message}` : message;
}

;// CONCATENATED MODULE: ./src/core/image/registry.ts










/** Manifests are small; registries accept at least 4 MiB. Anything far larger is refused. */
const MAX_MANIFEST_BYTES = 8 << 20;
class RegistryClient {
    transport;
    pushing = new Set();
    constructor(options = {}) {
        const transport = new RegistryTransport({
            insecure: options.insecure ?? [],
            retry: options.retry ?? {},
            idleTimeoutMs: options.idleTimeoutMs,
            limits: {
                requestTimeoutMs: options.requestTimeoutMs,
                minBytesPerSecond: options.minBytesPerSecond,
                minRateWindowMs: options.minRateWindowMs
            }
        });
        transport.auth = new Authenticator({
            credentials: options.credentials ?? new DockerConfigCredentials(),
            onSecret: options.onSecret,
            send: (request) => transport.sendWithRetry(request, 'token request'),
            mayUsePlainHttp: (url) => transport.isInsecure(url.host)
        });
        this.transport = transport;
    }
    /** The retry policy of this client's requests (a copy restarts broken blobs by it too). */
    get retryOptions() {
        return this.transport.retry;
    }
    /** The manifest's digest, media type and size, or undefined when the registry has none. */
    async headManifest(ref) {
        const what = `HEAD manifest ${ref}`;
        const response = await this.transport.call({
            ...this.pull(ref, what),
            method: 'HEAD',
            path: `/v2/${ref.repository}/manifests/${ref.identifier}`,
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY }
        });
        response.discard();
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw await this.transport.failure(response, what);
        const digest = saidDigest(response, what, ref.registry);
        const mediaType = (0,media_types/* bareMediaType */.ZX)(response.header('content-type'));
        const size = Number(response.header('content-length'));
        const known = (0,media_types/* isIndexType */.$U)(mediaType) || (0,media_types/* isImageManifestType */.tr)(mediaType);
        if (!digest || !known || !Number.isSafeInteger(size)) {
            // Not all registries say enough on HEAD: read the manifest instead.
            const manifest = await this.getManifest(ref);
            return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.size };
        }
        if (ref.digest && digest !== ref.digest) {
            throw new image_digest/* DigestMismatchError */.h(`${ref.registry} answered digest ${digest} for ${ref}`);
        }
        return { digest, mediaType, size };
    }
    /** The manifest's bytes, verified against the digest asked for or the one the registry gave. */
    async getManifest(ref) {
        const what = `GET manifest ${ref}`;
        const response = await this.transport.call({
            ...this.pull(ref, what),
            method: 'GET',
            path: `/v2/${ref.repository}/manifests/${ref.identifier}`,
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY }
        });
        if (response.status === 404) {
            const { code } = (0,registry_error/* describeErrorBody */.ut)(await response.text(64 << 10).catch(() => ''));
            throw new registry_error/* RegistryError */.gl(`manifest unknown: ${ref}`, { status: 404, code });
        }
        if (response.status !== 200)
            throw await this.transport.failure(response, what);
        let bytes;
        try {
            bytes = await response.bytes(MAX_MANIFEST_BYTES);
        }
        catch (error) {
            throw new registry_error/* RegistryError */.gl(`${what}: ${error.message}`, {
                retryable: (0,retry/* isRetryableNetworkError */.Hr)(error)
            });
        }
        const said = saidDigest(response, what, ref.registry);
        const expected = ref.digest ?? said;
        const digest = (0,image_digest/* digestOf */.ol)(bytes, expected);
        if (expected && digest !== expected) {
            throw new image_digest/* DigestMismatchError */.h(`manifest of ${ref} does not match its digest ${expected}: content has ${digest}`);
        }
        let mediaType = (0,media_types/* bareMediaType */.ZX)(response.header('content-type'));
        if (!(0,media_types/* isIndexType */.$U)(mediaType) && !(0,media_types/* isImageManifestType */.tr)(mediaType)) {
            try {
                mediaType = (0,manifest/* manifestMediaType */.gp)(JSON.parse(bytes.toString('utf8')), mediaType);
            }
            catch {
                // not JSON: parseManifest will say so when someone reads it
            }
        }
        return { bytes, digest, mediaType, size: bytes.length };
    }
    /** Stores a manifest under the reference's tag (or its digest); returns its digest. */
    async putManifest(ref, bytes, mediaType) {
        const identifier = ref.tag ?? ref.digest;
        if (!identifier)
            throw new registry_error/* RegistryError */.gl(`cannot store a manifest at ${ref} without a tag or digest`);
        const digest = (0,image_digest/* digestOf */.ol)(bytes, ref.digest);
        if (ref.digest && digest !== ref.digest) {
            throw new image_digest/* DigestMismatchError */.h(`manifest for ${ref} has digest ${digest}, not ${ref.digest}`);
        }
        const what = `PUT manifest ${ref}`;
        const response = await this.transport.call({
            ...this.push(ref, what),
            method: 'PUT',
            path: `/v2/${ref.repository}/manifests/${identifier}`,
            headers: { 'content-type': mediaType },
            body: bytes
        });
        if (response.status < 200 || response.status >= 300)
            throw await this.transport.failure(response, what);
        response.discard();
        const said = saidDigest(response, what, ref.registry);
        if (said && said !== (0,image_digest/* digestOf */.ol)(bytes, said)) {
            throw new image_digest/* DigestMismatchError */.h(`${ref.registry} stored ${ref} as ${said}, expected ${digest}`);
        }
        return digest;
    }
    async blobExists(ref, digest) {
        const what = `HEAD blob ${(0,image_digest/* shortDigest */.VK)(digest)} in ${ref.name}`;
        const response = await this.transport.call({
            ...this.pull(ref, what),
            method: 'HEAD',
            path: `/v2/${ref.repository}/blobs/${digest}`,
            followRedirects: true
        });
        response.discard();
        if (response.status === 200)
            return true;
        if (response.status === 404)
            return false;
        throw await this.transport.failure(response, what);
    }
    /**
     * Asks the registry to link a blob from another repository of the same registry into this
     * one. 201: done. 202: the registry would not (or cannot) mount and started an ordinary
     * upload instead, whose location is returned.
     */
    async mountBlob(ref, digest, fromRepository) {
        const what = `mount blob ${(0,image_digest/* shortDigest */.VK)(digest)} from ${fromRepository} into ${ref.name}`;
        const query = new URLSearchParams({ mount: digest, from: fromRepository });
        const response = await this.transport.call({
            registry: ref.registry,
            repository: ref.repository,
            scopes: [pushScope(ref.repository), pullScope(fromRepository)],
            what,
            method: 'POST',
            path: `/v2/${ref.repository}/blobs/uploads/?${query}`
        });
        response.discard();
        if (response.status === 201)
            return { mounted: true };
        if (response.status === 202)
            return { mounted: false, location: this.transport.location(response, what).href };
        throw await this.transport.failure(response, what);
    }
    /** Starts an upload session; returns its location. */
    async startUpload(ref) {
        const what = `start upload to ${ref.name}`;
        const response = await this.transport.call({
            ...this.push(ref, what),
            method: 'POST',
            path: `/v2/${ref.repository}/blobs/uploads/`
        });
        response.discard();
        if (response.status !== 202)
            throw await this.transport.failure(response, what);
        return this.transport.location(response, what).href;
    }
    /** Abandons an upload session (best effort). */
    async cancelUpload(ref, location) {
        const response = await this.transport.call({
            ...this.push(ref, `cancel upload to ${ref.name}`),
            method: 'DELETE',
            url: new URL(location),
            once: true
        });
        response.discard();
    }
    /**
     * Uploads a blob: one PUT with the whole body (streamed, not buffered) or, with chunkSize,
     * PATCH chunks that resume where the registry says it stopped. The registry checks the
     * digest before it keeps the blob.
     */
    async uploadBlob(ref, digest, size, body, options = {}) {
        let location = new URL(options.location ?? (await this.startUpload(ref)));
        const what = `upload blob ${(0,image_digest/* shortDigest */.VK)(digest)} to ${ref.name}`;
        const chunkSize = options.chunkSize;
        if (chunkSize && size > chunkSize) {
            const sent = await uploadInChunks(this.transport, this.push(ref, what), location, body, chunkSize);
            if (sent.bytes !== size) {
                throw new image_digest/* DigestMismatchError */.h(`blob ${digest} has ${sent.bytes} bytes, expected ${size}`);
            }
            location = sent.location;
            body = Buffer.alloc(0);
        }
        const url = new URL(location);
        url.searchParams.set('digest', digest);
        let error;
        try {
            const response = await this.transport.call({
                ...this.push(ref, what),
                method: 'PUT',
                url,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-length': Buffer.isBuffer(body) ? body.length : size
                },
                body
            });
            response.discard();
            if (response.status === 201 || response.status === 204 || response.status === 200)
                return;
            error = await this.transport.failure(response, what);
        }
        catch (caught) {
            if (!(caught instanceof registry_error/* RegistryError */.gl) || !Buffer.isBuffer(body))
                throw caught;
            error = caught;
        }
        // A PUT whose answer was lost may have been done all the same (a retry then finds the
        // upload gone): the blob being there is what counts.
        if (await this.blobExists(ref, digest).catch(() => false))
            return;
        throw error;
    }
    /** A blob's content as a stream that fails at its end unless digest (and size) match. */
    async getBlob(ref, digest, size) {
        const what = `GET blob ${(0,image_digest/* shortDigest */.VK)(digest)} from ${ref.name}`;
        const response = await this.transport.call({
            ...this.pull(ref, what),
            method: 'GET',
            path: `/v2/${ref.repository}/blobs/${digest}`,
            followRedirects: true
        });
        if (response.status === 404) {
            response.discard();
            throw new registry_error/* RegistryError */.gl(`blob unknown: ${digest} in ${ref.name}`, {
                status: 404,
                code: 'BLOB_UNKNOWN'
            });
        }
        if (response.status !== 200)
            throw await this.transport.failure(response, what);
        const length = Number(response.header('content-length'));
        const expected = size ?? (Number.isSafeInteger(length) ? length : undefined);
        const verifier = new image_digest/* DigestVerifier */.Do(digest, expected, `blob from ${ref.name}`);
        (0,promises_.pipeline)(response.body, verifier).catch((error) => verifier.destroy(error));
        return { stream: verifier, size: expected ?? -1 };
    }
    /** Every tag of the repository (following pagination); [] when the repository is unknown. */
    async listTags(ref) {
        const what = `list tags of ${ref.name}`;
        const tags = [];
        let url = new URL(`/v2/${ref.repository}/tags/list?n=1000`, await this.transport.endpoint(ref.registry));
        for (let page = 0; url && page < 10_000; page++) {
            const response = await this.transport.call({ ...this.pull(ref, what), method: 'GET', url });
            if (response.status === 404) {
                response.discard();
                return tags;
            }
            if (response.status !== 200)
                throw await this.transport.failure(response, what);
            let body;
            try {
                body = JSON.parse(await response.text(16 << 20));
            }
            catch {
                throw new registry_error/* RegistryError */.gl(`${what}: the registry answered something that is not JSON`);
            }
            tags.push(...(body.tags ?? []));
            const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.header('link') ?? '');
            url = next ? new URL(next[1], response.url) : undefined;
        }
        return tags;
    }
    /**
     * Says that the client is about to write to this repository: its reads then ask for a
     * pull,push token too, so that a copy needs one token for DST instead of two.
     */
    willPush(ref) {
        this.pushing.add(ref.name);
    }
    pull(ref, what) {
        const scope = this.pushing.has(ref.name) ? pushScope : pullScope;
        return {
            registry: ref.registry,
            repository: ref.repository,
            scopes: [scope(ref.repository)],
            what
        };
    }
    push(ref, what) {
        return {
            registry: ref.registry,
            repository: ref.repository,
            scopes: [pushScope(ref.repository)],
            what
        };
    }
}
/**
 * The Docker-Content-Digest a registry sent, if it sent one. A value that is not a digest is the
 * registry saying something wrong, and what it says of the content cannot be trusted then.
 */
function saidDigest(response, what, registry) {
    const said = response.header('docker-content-digest');
    if (said === undefined)
        return undefined;
    if (!(0,image_digest/* isDigest */.Bc)(said)) {
        throw new registry_error/* RegistryError */.gl(`${what}: ${registry} sent a malformed Docker-Content-Digest header "${(0,registry_error/* oneLine */.TN)(said, 80)}"`);
    }
    return said;
}


/***/ }),

/***/ 1495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hr: () => (/* binding */ isRetryableNetworkError),
/* harmony export */   Km: () => (/* binding */ RetryBudget),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, backoffDelay, isRetryable, retryAfterOf */
// Retries with exponential backoff and jitter, honouring Retry-After, bounded in attempts and in
// total time. Used for every registry request (429, 5xx, connection resets) and to restart a
// streamed blob copy that broke off.
const DEFAULT_RETRY = {
    maxAttempts: 6,
    baseDelayMs: 250,
    maxDelayMs: 10_000,
    maxElapsedMs: 60_000
};
/**
 * The delay after failed attempt number `attempt` (1-based): exponential, capped, with "equal
 * jitter": uniformly between half the step and the whole of it, so clients that failed
 * together do not retry together, yet every retry still waits a while.
 */
function backoffDelay(attempt, options = {}, random = Math.random) {
    const base = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
    const cap = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
    const step = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
    return Math.round(step / 2 + random() * (step / 2));
}
/**
 * Retry-After (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date. Returns milliseconds
 * from `now`, 0 for a date in the past, undefined when absent or malformed.
 */
function parseRetryAfter(value, now = Date.now()) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    if (!/[a-z]/i.test(text))
        return undefined; // "-1", "1.5": not a date either
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** Statuses worth another attempt: rate limiting and server-side trouble. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'ENETDOWN',
    'UND_ERR_SOCKET',
    'ERR_STREAM_PREMATURE_CLOSE'
]);
/** Connection failures that another attempt may not meet: resets, refusals, timeouts. */
function isRetryableNetworkError(error) {
    const code = error?.code;
    if (code && RETRYABLE_CODES.has(code))
        return true;
    const message = error instanceof Error ? error.message : '';
    return /socket hang up|aborted|premature close/i.test(message);
}
/**
 * Whether an operation that failed with `error` may succeed when tried again: errors that say
 * so (`retryable: true`, as RegistryError does for a broken stream) and connection failures.
 */
function isRetryable(error) {
    const flag = error?.retryable;
    if (typeof flag === 'boolean')
        return flag;
    return isRetryableNetworkError(error);
}
/** The delay the server asked for, when the error carries one. */
function retryAfterOf(error) {
    const value = error?.retryAfterMs;
    return typeof value === 'number' ? value : undefined;
}
/** Tracks attempts and elapsed time for one operation and says whether and when to retry. */
class RetryBudget {
    attempts = 0;
    started;
    options;
    constructor(options = {}) {
        this.options = options;
        this.started = this.now();
    }
    now() {
        return (this.options.now ?? Date.now)();
    }
    /** Call after a failed attempt. retryAfterMs is what the server asked for, if it did. */
    next(retryAfterMs) {
        this.attempts++;
        const maxAttempts = this.options.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
        const maxElapsed = this.options.maxElapsedMs ?? DEFAULT_RETRY.maxElapsedMs;
        if (this.attempts >= maxAttempts)
            return { retry: false, delayMs: 0 };
        const backoff = backoffDelay(this.attempts, this.options, this.options.random ?? Math.random);
        const delayMs = retryAfterMs !== undefined ? Math.max(retryAfterMs, backoff / 2) : backoff;
        const remaining = maxElapsed - (this.now() - this.started);
        if (delayMs > remaining)
            return { retry: false, delayMs };
        return { retry: true, delayMs: Math.round(delayMs) };
    }
    get attemptsMade() {
        return this.attempts;
    }
    sleep(ms) {
        if (this.options.sleep)
            return this.options.sleep(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
    }
}
/**
 * Runs `operation` until it succeeds, it throws an error that is not retryable, or the budget
 * runs out; then the last error is thrown.
 */
async function withRetry(operation, options = {}) {
    const budget = new RetryBudget(options);
    for (let attempt = 1;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            if (!isRetryable(error))
                throw error;
            const decision = budget.next(retryAfterOf(error));
            if (!decision.retry)
                throw error;
            await budget.sleep(decision.delayMs);
        }
    }
}


/***/ }),

/***/ 70542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   lC: () => (/* binding */ TransferLimitError),
/* harmony export */   xe: () => (/* binding */ DEFAULT_TRANSFER_LIMITS),
/* harmony export */   zH: () => (/* binding */ guardTransfer)
/* harmony export */ });
const DEFAULT_TRANSFER_LIMITS = {
    requestTimeoutMs: 30 * 60_000,
    minBytesPerSecond: 1024,
    minRateWindowMs: 30_000
};
/** Too slow: not retried, since another attempt at the same server would be as slow. */
class TransferLimitError extends Error {
    code = 'ESLOWTRANSFER';
    retryable = false;
}
/**
 * Watches one exchange. The rate counts only while the server is the one to move: while our
 * request body waits to be taken, or while the answer's body is awaited with nothing of it left
 * unread (a reader that is itself slow, like an upload elsewhere, is not the server's fault).
 */
function guardTransfer(req, host, limits, fail) {
    const defaults = DEFAULT_TRANSFER_LIMITS;
    const requestTimeoutMs = limits.requestTimeoutMs ?? defaults.requestTimeoutMs;
    const minBytesPerSecond = limits.minBytesPerSecond ?? defaults.minBytesPerSecond;
    const minRateWindowMs = limits.minRateWindowMs ?? defaults.minRateWindowMs;
    let res;
    let socket;
    let last = { read: 0, written: 0 };
    const timers = [];
    const stop = () => timers.forEach((timer) => clearTimeout(timer));
    const stopWith = (message) => {
        stop();
        fail(new TransferLimitError(message));
    };
    timers.push(setTimeout(() => stopWith(`${host} did not finish the request within ${seconds(requestTimeoutMs)} (request deadline)`), requestTimeoutMs));
    if (minBytesPerSecond > 0) {
        const minimum = (minBytesPerSecond * minRateWindowMs) / 1000;
        timers.push(setInterval(() => {
            if (!socket)
                return;
            const now = { read: socket.bytesRead, written: socket.bytesWritten };
            const read = now.read - last.read;
            const written = now.written - last.written;
            last = now;
            const rate = `in ${seconds(minRateWindowMs)}, below the minimum transfer rate of ${formatRate(minBytesPerSecond)}`;
            if (res) {
                if (res.complete || res.readableLength > 0)
                    return;
                if (read < minimum)
                    stopWith(`${host} sent ${plural(read, 'byte')} ${rate}`);
            }
            else if (req.writableLength > 0 && written < minimum) {
                stopWith(`${host} took ${plural(written, 'byte')} ${rate}`);
            }
        }, minRateWindowMs));
    }
    for (const timer of timers)
        timer.unref();
    req.on('socket', (s) => {
        socket = s;
        last = { read: s.bytesRead, written: s.bytesWritten };
    });
    req.on('close', () => {
        if (!res)
            stop();
    });
    return {
        response(answer) {
            res = answer;
            answer.on('close', stop);
        }
    };
}
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function formatRate(bytesPerSecond) {
    if (bytesPerSecond >= 1 << 20 && bytesPerSecond % (1 << 20) === 0) {
        return `${bytesPerSecond / (1 << 20)} MiB/s`;
    }
    if (bytesPerSecond >= 1024 && bytesPerSecond % 1024 === 0)
        return `${bytesPerSecond / 1024} KiB/s`;
    return `${bytesPerSecond} B/s`;
}


/***/ })

};
