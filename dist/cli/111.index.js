export const id = 111;
export const ids = [111];
export const modules = {

/***/ 91111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IMAGE_HELP: () => (/* binding */ IMAGE_HELP),
/* harmony export */   imageCommand: () => (/* binding */ imageCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _core_image_copy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98048);
/* harmony import */ var _core_image_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94007);
/* harmony import */ var _core_image_registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96441);
/* harmony import */ var _core_image_transfer_guard_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70542);
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98571);







const USAGE_EXIT = 2;
const IMAGE_HELP = `Usage: slipway image copy SRC DST [--format text|json] [--insecure HOST]... [--concurrency N]
                         [--request-timeout D] [--min-rate RATE] [--min-rate-window D]

Copies an image by digest, with all platforms of a multi-arch index: a tag in the same
repository without moving blobs, another repository of the registry by mounting blobs,
another registry by streaming them. DST gets the manifest last, so it never points at a
partial image. Prints the digest (--format json: digest, media type, blob counts).

Credentials come from ~/.docker/config.json ($DOCKER_CONFIG): docker login, credential
helpers. Loopback registries may use plain HTTP; --insecure HOST allows it for another
(repeatable; HOST or HOST:PORT).

A registry that stalls cannot hold a copy forever: each request must finish within
--request-timeout (default ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a)(_core_image_transfer_guard_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_TRANSFER_LIMITS */ .xe.requestTimeoutMs)}), and while a body moves the registry must keep at
least --min-rate bytes per second (default ${(0,_core_image_transfer_guard_js__WEBPACK_IMPORTED_MODULE_5__/* .formatRate */ .CE)(_core_image_transfer_guard_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_TRANSFER_LIMITS */ .xe.minBytesPerSecond)}; k and M for KiB and MiB, 0 for
no minimum) over each --min-rate-window (default ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a)(_core_image_transfer_guard_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_TRANSFER_LIMITS */ .xe.minRateWindowMs)}).
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
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args,
            allowPositionals: true,
            options: {
                format: { type: 'string', default: 'text' },
                insecure: { type: 'string', multiple: true, default: [] },
                concurrency: { type: 'string' },
                config: { type: 'string' },
                'request-timeout': { type: 'string' },
                'min-rate': { type: 'string' },
                'min-rate-window': { type: 'string' }
            }
        });
    }
    catch (error) {
        return usage(io, (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error));
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
    const requestTimeoutMs = durationFlag(values['request-timeout']);
    if (requestTimeoutMs === null) {
        return usage(io, `--request-timeout must be a duration such as 10m, got "${values['request-timeout']}"`);
    }
    const minRateWindowMs = durationFlag(values['min-rate-window']);
    if (minRateWindowMs === null) {
        return usage(io, `--min-rate-window must be a duration such as 30s, got "${values['min-rate-window']}"`);
    }
    const minBytesPerSecond = rateFlag(values['min-rate']);
    if (minBytesPerSecond === null) {
        return usage(io, `--min-rate must be bytes per second such as 1024, 10k or 1M, got "${values['min-rate']}"`);
    }
    // Bad references are the user's to fix: UserError, one line, exit 1.
    const source = (0,_core_image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(positionals[0]);
    const destination = (0,_core_image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(positionals[1]);
    const client = new _core_image_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryClient */ .b({
        insecure: values.insecure,
        requestTimeoutMs,
        minRateWindowMs,
        minBytesPerSecond
    });
    const result = await (0,_core_image_copy_js__WEBPACK_IMPORTED_MODULE_2__/* .copyImage */ .L)(source, destination, client, { concurrency });
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
/** undefined when not given, null when not a positive duration. */
function durationFlag(value) {
    if (value === undefined)
        return undefined;
    const ms = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .parseDuration */ .E)(value);
    return ms !== undefined && ms > 0 ? ms : null;
}
/** Bytes per second: 1024, 10k (KiB), 1M (MiB); 0 turns the minimum off. */
function rateFlag(value) {
    if (value === undefined)
        return undefined;
    const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(value);
    if (!match)
        return null;
    const unit = { '': 1, k: 1024, m: 1 << 20 }[match[2].toLowerCase()];
    return Math.round(Number(match[1]) * unit);
}
function usage(io, message) {
    io.err(`slipway image copy: ${message} (see slipway help image)\n`);
    return USAGE_EXIT;
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


/***/ })

};
