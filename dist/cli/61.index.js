export const id = 61;
export const ids = [61];
export const modules = {

/***/ 74061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IMAGE_HELP: () => (/* binding */ IMAGE_HELP),
  imageCommand: () => (/* binding */ imageCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/core/image/digest.ts



// Content digests (algorithm:hex, OCI image spec "Digests"), computed and verified while
// streaming: nothing slipway reads from a registry is used before its digest is checked.
const HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
/** Parses and validates a digest; throws a UserError saying what is wrong. */
function parseDigest(text) {
    const colon = text.indexOf(':');
    if (colon <= 0)
        throw new errors/* UserError */.yo(`invalid digest "${text}": expected algorithm:hex`);
    const algorithm = text.slice(0, colon);
    const hex = text.slice(colon + 1);
    const length = HEX_LENGTH[algorithm];
    if (!length) {
        throw new errors/* UserError */.yo(`unsupported digest algorithm "${algorithm}" (sha256, sha384 or sha512)`);
    }
    if (hex.length !== length) {
        throw new errors/* UserError */.yo(`invalid ${algorithm} digest: ${hex.length} hex characters, expected ${length}`);
    }
    if (!/^[a-f0-9]+$/.test(hex)) {
        throw new errors/* UserError */.yo(`invalid ${algorithm} digest: only lowercase hex characters are allowed`);
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
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
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
class DigestMismatchError extends errors/* UserError */.yo {
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
class DigestVerifier extends external_node_stream_.Transform {
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
        this.hash = (0,external_node_crypto_.createHash)(this.expected.algorithm);
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

;// CONCATENATED MODULE: ./src/core/image/media-types.ts
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

;// CONCATENATED MODULE: ./src/core/image/manifest.ts



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
        throw new errors/* UserError */.yo(`${what} is not valid JSON: ${error.message}`);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new errors/* UserError */.yo(`${what} is not a JSON object`);
    }
    const type = manifestMediaType(document, mediaType);
    if (type === DOCKER_MANIFEST_V1 || type === DOCKER_MANIFEST_V1_SIGNED) {
        throw new errors/* UserError */.yo(`${what} is a Docker schema 1 manifest, which slipway does not support`);
    }
    if (isIndexType(type)) {
        return { kind: 'index', mediaType: type, manifests: descriptors(document.manifests, what) };
    }
    if (isImageManifestType(type)) {
        const [config] = descriptors([document.config], what);
        return {
            kind: 'image',
            mediaType: type,
            config,
            layers: descriptors(document.layers ?? [], what)
        };
    }
    throw new errors/* UserError */.yo(`${what} has unsupported media type "${type || 'unknown'}"`);
}
/** The manifest's media type: a specific Content-Type, else its mediaType field, else its shape. */
function manifestMediaType(document, contentType) {
    if (contentType && (isIndexType(contentType) || isImageManifestType(contentType))) {
        return contentType;
    }
    if (typeof document.mediaType === 'string' && document.mediaType)
        return document.mediaType;
    if (document.schemaVersion === 1)
        return DOCKER_MANIFEST_V1;
    if (Array.isArray(document.manifests))
        return OCI_INDEX;
    if (document.config && Array.isArray(document.layers))
        return OCI_MANIFEST;
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
        throw new errors/* UserError */.yo(`${what} has no list of descriptors`);
    return value.map((item, index) => {
        const d = item;
        if (!d || typeof d !== 'object' || typeof d.digest !== 'string' || !isDigest(d.digest)) {
            throw new errors/* UserError */.yo(`${what} has a descriptor (#${index + 1}) without a valid digest`);
        }
        if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
            throw new errors/* UserError */.yo(`${what} has a descriptor (${d.digest}) without a valid size`);
        }
        return { ...d, mediaType: typeof d.mediaType === 'string' ? d.mediaType : '' };
    });
}

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
            parseDigest(digest);
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
    return new errors/* UserError */.yo(`invalid image reference "${text}": ${reason}`);
}
/**
 * Parses an image reference like `docker pull` does. Throws a UserError naming the reason
 * when the reference is invalid.
 */
function parseReference(text) {
    if (typeof text !== 'string' || text.trim() === '')
        throw invalid(String(text), 'it is empty');
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
            parseDigest(digestText);
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

;// CONCATENATED MODULE: ./src/core/image/registry-error.ts

/**
 * A registry said no, or could not be reached. One line that names the registry and what was
 * asked, plus what is known about the failure.
 */
class RegistryError extends errors/* UserError */.yo {
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

;// CONCATENATED MODULE: ./src/core/image/retry.ts
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

;// CONCATENATED MODULE: ./src/core/image/copy.ts






/** How deep indexes may nest (an index of indexes is legal, if rare). */
const MAX_DEPTH = 4;
async function copyImage(src, dst, client, options = {}) {
    client.willPush(dst);
    const top = await client.getManifest(src);
    if (dst.digest && dst.digest !== top.digest) {
        throw new errors/* UserError */.yo(`${dst} names digest ${dst.digest}, but ${src} is ${top.digest}`);
    }
    const tag = dst.tag ?? (dst.digest ? undefined : 'latest');
    const target = new ImageReference(dst.registry, dst.repository, tag, top.digest);
    const result = {
        digest: top.digest,
        mediaType: top.mediaType,
        blobsCopied: 0,
        blobsMounted: 0,
        blobsSkipped: 0,
        bytes: 0,
        manifests: 0
    };
    const sameRegistry = registryApiHost(src.registry) === registryApiHost(dst.registry);
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
    const parsed = parseManifest(manifest.bytes, manifest.mediaType, what);
    if (parsed.kind === 'image') {
        for (const blob of blobsOf(parsed)) {
            if (isForeign(blob))
                plan.foreign++;
            else
                plan.blobs.set(blob.digest, blob);
        }
        return;
    }
    if (depth >= MAX_DEPTH)
        throw new errors/* UserError */.yo(`${what} nests indexes deeper than ${MAX_DEPTH} levels`);
    const children = [];
    await forEachLimit(parsed.manifests, 4, async (child) => {
        if (await client.headManifest(dst.atDigest(child.digest)))
            return; // there, with its blobs
        const fetched = await client.getManifest(src.atDigest(child.digest));
        if (fetched.size !== child.size) {
            throw new errors/* UserError */.yo(`${what} lists ${child.digest} with size ${child.size}, but it has ${fetched.size} bytes`);
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
        await withRetry(async (attempt) => {
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
        if (error instanceof errors/* UserError */.yo)
            throw error;
        throw new RegistryError(`copying blob ${shortDigest(blob.digest)} from ${src.name} to ${dst.name} failed: ${error.message}`);
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

// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
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
    const hub = [DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API_HOST];
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
        throw new RegistryError(`authentication required for ${registry}, but its challenge is not one slipway knows ` +
            `(${challenges.map((c) => c.scheme).join(', ') || 'none given'})`, { status: 401 });
    }
    /** The error for a request still refused after authenticating. */
    async refused(registry, repository, wwwAuthenticate) {
        const credential = await this.credential(registry);
        if (!credential) {
            return new RegistryError(`authentication required for ${registry}: anonymous access to ${repository} was refused ` +
                `(log in with docker login ${registry}, or pass credentials)`, { status: 401, code: 'UNAUTHORIZED' });
        }
        const bearer = parseWwwAuthenticate(wwwAuthenticate).find((c) => c.scheme === 'bearer');
        if (bearer?.params.error === 'insufficient_scope') {
            return new RegistryError(`access denied to ${repository} on ${registry}: the credentials do not grant ${bearer.params.scope ?? 'the access needed'}`, { status: 401, code: 'DENIED' });
        }
        return new RegistryError(`authentication failed for ${registry}: the registry refused the credentials`, { status: 401, code: 'UNAUTHORIZED' });
    }
    required(registry) {
        return new RegistryError(`authentication required for ${registry}: no credentials found (log in with docker login ${registry}, or pass credentials)`, { status: 401, code: 'UNAUTHORIZED' });
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
            throw new RegistryError(`${registry} sent an invalid token realm "${state.realm}"`);
        }
        if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
            throw new RegistryError(`${registry} sent a token realm that is not HTTP(S): ${realm.href}`);
        }
        const hasSecret = Boolean(credential?.identityToken || credential?.password);
        if (hasSecret && realm.protocol === 'http:' && !this.options.mayUsePlainHttp(realm)) {
            throw new RegistryError(`refusing to send credentials for ${registry} to the plain-HTTP token realm ${realm.origin} (mark it insecure to allow)`);
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
            const detail = describeErrorBody(body).text;
            throw new RegistryError(credential
                ? `authentication failed for ${registry}: the token service refused the credentials (${response.status}${detail ? ` ${detail}` : ''})`
                : `authentication required for ${registry}: anonymous access refused (log in with docker login ${registry})`, { status: response.status, code: 'UNAUTHORIZED' });
        }
        if (response.status !== 200) {
            throw new RegistryError(`token service of ${registry} (${realm.host}) answered HTTP ${response.status}: ${describeErrorBody(body).text}`, { status: response.status });
        }
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            throw new RegistryError(`token service of ${registry} (${realm.host}) answered something that is not JSON`);
        }
        const value = parsed.token ?? parsed.access_token;
        if (!value)
            throw new RegistryError(`token service of ${registry} (${realm.host}) answered without a token`);
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
    const budget = new RetryBudget(transport.retry);
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
                throw new RegistryError(error.message, { status: 416, code: error.code, retryable: true });
            }
            throw error;
        }
        catch (error) {
            const retryable = error.retryable === true;
            if (!retryable)
                throw error;
            const decision = budget.next(error.retryAfterMs);
            if (!decision.retry)
                throw new RegistryError(error.message);
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
        throw new RegistryError(error.message, {
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
        const serverAddress = aliases.includes(DOCKER_HUB) ? DOCKER_HUB_SERVER : registry;
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
            throw new errors/* UserError */.yo(`${program} get failed for ${serverAddress}: ${oneLine(said)}`);
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
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
        const req = client.request(url, { method, headers, agent, timeout: idle }, (res) => {
            if (settled) {
                res.destroy();
                return;
            }
            settled = true;
            resolve(wrap(res, url, method === 'HEAD'));
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
        const budget = new RetryBudget(this.options.retry);
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
                    idleTimeoutMs: this.options.idleTimeoutMs
                });
            }
            catch (error) {
                if (error instanceof RegistryError || error instanceof DigestMismatchError)
                    throw error;
                const network = isRetryableNetworkError(error);
                const message = `${call.what}: ${networkMessage(error)}`;
                if (!network || !replayable)
                    throw new RegistryError(message, { retryable: network });
                const decision = budget.next();
                if (!decision.retry) {
                    throw new RegistryError(`${call.what}: cannot reach ${call.registry}: ${networkMessage(error)} (${budget.attemptsMade} attempts)`);
                }
                await budget.sleep(decision.delayMs);
                continue;
            }
            const status = response.status;
            if (status === 401 && ours) {
                const challenge = response.header('www-authenticate');
                response.discard();
                if (!replayable && call.body !== undefined) {
                    throw new RegistryError(`${call.what}: ${call.registry} asked to authenticate again`, {
                        status,
                        retryable: true
                    });
                }
                if (!this.auth)
                    throw new RegistryError(`${call.what}: ${call.registry} wants authentication`, { status });
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
                    throw new RegistryError(`${call.what}: too many redirects, or one without a location`, {
                        status
                    });
                }
                url = new URL(location, url);
                continue;
            }
            if (isRetryableStatus(status)) {
                const retryAfterMs = parseRetryAfter(response.header('retry-after'));
                const body = await response.text(64 << 10).catch(() => '');
                const { code, text } = describeErrorBody(body);
                const message = `${call.what}: ${call.registry} answered HTTP ${status}${text ? ` ${text}` : ''}`;
                if (!replayable)
                    throw new RegistryError(message, { status, code, retryable: true, retryAfterMs });
                const decision = budget.next(retryAfterMs);
                if (!decision.retry) {
                    const waited = retryAfterMs !== undefined && decision.delayMs >= retryAfterMs
                        ? `, asked to retry after ${Math.ceil(retryAfterMs / 1000)} s`
                        : '';
                    throw new RegistryError(`${message} (${budget.attemptsMade} attempts${waited})`, {
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
            throw new RegistryError(`${what}: the registry gave no upload location`);
        }
        return new URL(location, response.url);
    }
    /** A RegistryError for an unexpected answer, with the registry's own error code and message. */
    async failure(response, what) {
        const body = await response.text(64 << 10).catch(() => '');
        const { code, text } = describeErrorBody(body);
        const status = response.status;
        const detail = text ? `: ${text}` : '';
        if (status === 403)
            return new RegistryError(`access denied: ${what} (HTTP 403${detail})`, { status, code });
        return new RegistryError(`${what}: HTTP ${status}${detail}`, { status, code });
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
        const host = registryApiHost(registry);
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
        const budget = new RetryBudget(this.options.retry);
        for (;;) {
            let response;
            try {
                response = await send({
                    ...request,
                    insecureTls: this.isInsecure(request.url.host),
                    idleTimeoutMs: this.options.idleTimeoutMs
                });
            }
            catch (error) {
                if (!isRetryableNetworkError(error))
                    throw new RegistryError(`${what} to ${request.url.host} failed: ${networkMessage(error)}`);
                const decision = budget.next();
                if (!decision.retry)
                    throw new RegistryError(`cannot reach ${request.url.host} (${what}): ${networkMessage(error)}`);
                await budget.sleep(decision.delayMs);
                continue;
            }
            if (!isRetryableStatus(response.status))
                return response;
            const decision = budget.next(parseRetryAfter(response.header('retry-after')));
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
            idleTimeoutMs: options.idleTimeoutMs
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
            headers: { accept: MANIFEST_ACCEPT }
        });
        response.discard();
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw await this.transport.failure(response, what);
        const digest = response.header('docker-content-digest');
        const mediaType = bareMediaType(response.header('content-type'));
        const size = Number(response.header('content-length'));
        const known = isIndexType(mediaType) || isImageManifestType(mediaType);
        if (!digest || !isDigest(digest) || !known || !Number.isSafeInteger(size)) {
            // Not all registries say enough on HEAD: read the manifest instead.
            const manifest = await this.getManifest(ref);
            return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.size };
        }
        if (ref.digest && digest !== ref.digest) {
            throw new DigestMismatchError(`${ref.registry} answered digest ${digest} for ${ref}`);
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
            headers: { accept: MANIFEST_ACCEPT }
        });
        if (response.status === 404) {
            const { code } = describeErrorBody(await response.text(64 << 10).catch(() => ''));
            throw new RegistryError(`manifest unknown: ${ref}`, { status: 404, code });
        }
        if (response.status !== 200)
            throw await this.transport.failure(response, what);
        let bytes;
        try {
            bytes = await response.bytes(MAX_MANIFEST_BYTES);
        }
        catch (error) {
            throw new RegistryError(`${what}: ${error.message}`, {
                retryable: isRetryableNetworkError(error)
            });
        }
        const said = response.header('docker-content-digest');
        const expected = ref.digest ?? (said && isDigest(said) ? said : undefined);
        const digest = digestOf(bytes, expected);
        if (expected && digest !== expected) {
            throw new DigestMismatchError(`manifest of ${ref} does not match its digest ${expected}: content has ${digest}`);
        }
        let mediaType = bareMediaType(response.header('content-type'));
        if (!isIndexType(mediaType) && !isImageManifestType(mediaType)) {
            try {
                mediaType = manifestMediaType(JSON.parse(bytes.toString('utf8')), mediaType);
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
            throw new RegistryError(`cannot store a manifest at ${ref} without a tag or digest`);
        const digest = digestOf(bytes, ref.digest);
        if (ref.digest && digest !== ref.digest) {
            throw new DigestMismatchError(`manifest for ${ref} has digest ${digest}, not ${ref.digest}`);
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
        const said = response.header('docker-content-digest');
        if (said && isDigest(said) && said !== digestOf(bytes, said)) {
            throw new DigestMismatchError(`${ref.registry} stored ${ref} as ${said}, expected ${digest}`);
        }
        return digest;
    }
    async blobExists(ref, digest) {
        const what = `HEAD blob ${shortDigest(digest)} in ${ref.name}`;
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
        const what = `mount blob ${shortDigest(digest)} from ${fromRepository} into ${ref.name}`;
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
        const what = `upload blob ${shortDigest(digest)} to ${ref.name}`;
        const chunkSize = options.chunkSize;
        if (chunkSize && size > chunkSize) {
            const sent = await uploadInChunks(this.transport, this.push(ref, what), location, body, chunkSize);
            if (sent.bytes !== size) {
                throw new DigestMismatchError(`blob ${digest} has ${sent.bytes} bytes, expected ${size}`);
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
            if (!(caught instanceof RegistryError) || !Buffer.isBuffer(body))
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
        const what = `GET blob ${shortDigest(digest)} from ${ref.name}`;
        const response = await this.transport.call({
            ...this.pull(ref, what),
            method: 'GET',
            path: `/v2/${ref.repository}/blobs/${digest}`,
            followRedirects: true
        });
        if (response.status === 404) {
            response.discard();
            throw new RegistryError(`blob unknown: ${digest} in ${ref.name}`, {
                status: 404,
                code: 'BLOB_UNKNOWN'
            });
        }
        if (response.status !== 200)
            throw await this.transport.failure(response, what);
        const length = Number(response.header('content-length'));
        const expected = size ?? (Number.isSafeInteger(length) ? length : undefined);
        const verifier = new DigestVerifier(digest, expected, `blob from ${ref.name}`);
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
                throw new RegistryError(`${what}: the registry answered something that is not JSON`);
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

;// CONCATENATED MODULE: ./src/cli/image.ts





const USAGE_EXIT = 2;
const IMAGE_HELP = `Usage: slipway image copy SRC DST [--format text|json] [--insecure HOST]... [--concurrency N]

Copies an image by digest, with all platforms of a multi-arch index: a tag in the same
repository without moving blobs, another repository of the registry by mounting blobs,
another registry by streaming them. DST gets the manifest last, so it never points at a
partial image. Prints the digest (--format json: digest, media type, blob counts).

Credentials come from ~/.docker/config.json ($DOCKER_CONFIG): docker login, credential
helpers. Loopback registries may use plain HTTP; --insecure HOST allows it for another
(repeatable; HOST or HOST:PORT).
`;
async function imageCommand(args, io) {
    const [subcommand, ...rest] = args;
    if (subcommand === 'copy')
        return copyCommand(rest, io);
    if (subcommand === undefined || subcommand === 'help') {
        io.out(IMAGE_HELP);
        return subcommand ? 0 : USAGE_EXIT;
    }
    io.err(`slipway image: unknown subcommand "${subcommand}" (see slipway help image)\n`);
    return USAGE_EXIT;
}
async function copyCommand(args, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args,
            allowPositionals: true,
            options: {
                format: { type: 'string', default: 'text' },
                insecure: { type: 'string', multiple: true, default: [] },
                concurrency: { type: 'string' },
                config: { type: 'string' }
            }
        });
    }
    catch (error) {
        return usage(io, (0,errors/* errorMessage */.gJ)(error));
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 2)
        return usage(io, 'expected SRC and DST');
    const format = values.format;
    if (format !== 'text' && format !== 'json') {
        return usage(io, `--format must be one of text, json, got "${format}"`);
    }
    const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
        return usage(io, `--concurrency must be a whole number from 1 to 64, got "${values.concurrency}"`);
    }
    // Bad references are the user's to fix: UserError, one line, exit 1.
    const source = parseReference(positionals[0]);
    const destination = parseReference(positionals[1]);
    const client = new RegistryClient({ insecure: values.insecure });
    const result = await copyImage(source, destination, client, { concurrency });
    if (format === 'json') {
        const output = {
            digest: result.digest,
            mediaType: result.mediaType,
            source: source.toString(),
            destination: destination.toString(),
            blobs: {
                copied: result.blobsCopied,
                mounted: result.blobsMounted,
                skipped: result.blobsSkipped,
                bytes: result.bytes
            },
            manifests: result.manifests
        };
        io.out(JSON.stringify(output, null, 2) + '\n');
    }
    else {
        io.out(`${result.digest}\n`);
    }
    return 0;
}
function usage(io, message) {
    io.err(`slipway image copy: ${message} (see slipway help image)\n`);
    return USAGE_EXIT;
}


/***/ })

};
