export const id = 911;
export const ids = [911];
export const modules = {

/***/ 47911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SCAN_HELP: () => (/* binding */ SCAN_HELP),
  scanCommand: () => (/* binding */ scanCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/core/config/index.ts + 1 modules
var config = __webpack_require__(27244);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(98571);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/core/scan/findings.ts
// The scanner-independent shape of a vulnerability finding, and how findings are counted.
const findings_SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];
/**
 * The severities `fail-on` accepts. A finding of unknown severity (the scanner's data has
 * none yet) blocks under `low` only, the level that means "any finding": under higher levels
 * it is counted and listed but does not block, as with Grype's --fail-on (docs/scan.md).
 */
const FAIL_ON = ['critical', 'high', 'medium', 'low'];
function emptyCounts() {
    return { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
}
const RANK = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };
function severityRank(severity) {
    return RANK[severity];
}
function atOrAbove(severity, threshold) {
    if (severity === 'unknown')
        return threshold === 'low';
    return RANK[severity] >= RANK[threshold];
}
/** Trivy's upper case, Grype's title case with Negligible (counted as low), or missing. */
function normaliseSeverity(value) {
    const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if (text === 'negligible')
        return 'low';
    return findings_SEVERITIES.includes(text) ? text : 'unknown';
}
const CVE = /^CVE-\d{4}-\d+$/i;
/**
 * The ID findings are counted under: the finding's own ID when it is a CVE, else the one CVE
 * among its aliases (Grype reports GHSA-xxxx with CVE-yyyy as related), else its own ID.
 */
function canonicalId(finding) {
    if (CVE.test(finding.id))
        return finding.id.toUpperCase();
    if (finding.aliases.length === 0)
        return finding.id;
    const cves = [...new Set(finding.aliases.filter((a) => CVE.test(a)).map((a) => a.toUpperCase()))];
    return cves.length === 1 ? cves[0] : finding.id;
}
/** Findings are distinct by (vulnerability, package, installed version). */
function findingKey(finding) {
    return `${canonicalId(finding)}\u0000${finding.package}\u0000${finding.installed}`;
}
/** Every ID the finding is known by, upper-cased. */
function idsOf(finding) {
    return [finding.id, ...finding.aliases].map((id) => id.toUpperCase());
}
/**
 * Folds occurrences of one finding (several targets, or the same vulnerability under a GHSA and
 * a CVE ID) into one: the canonical ID, the highest severity, a fix if any occurrence knows one.
 */
function mergeFinding(into, other) {
    const id = canonicalId(into);
    const aliases = uniqueIds([into.id, ...into.aliases, other.id, ...other.aliases], id);
    const fixedOne = into.status === 'fixed' ? into : other.status === 'fixed' ? other : into;
    const primary = other.id.toUpperCase() === id.toUpperCase() && into.id !== id ? other : into;
    return {
        ...into,
        id,
        aliases,
        severity: RANK[other.severity] > RANK[into.severity] ? other.severity : into.severity,
        status: fixedOne.status,
        fixed: fixedOne.fixed ?? into.fixed ?? other.fixed,
        title: into.title || other.title,
        url: primary.url ?? into.url ?? other.url,
        dataSource: primary.dataSource ?? into.dataSource,
        score: into.score ?? other.score,
        description: into.description ?? other.description,
        purl: into.purl ?? other.purl
    };
}
/** Distinct findings, merged, highest severity first, otherwise in the report's order. */
function distinctFindings(occurrences) {
    return bySeverity(groupFindings(occurrences).values());
}
/** Distinct findings by findingKey, merged, in the order first seen. */
function groupFindings(occurrences) {
    const byKey = new Map();
    for (const finding of occurrences) {
        const key = findingKey(finding);
        const seen = byKey.get(key);
        byKey.set(key, seen ? mergeFinding(seen, finding) : withCanonicalId(finding));
    }
    return byKey;
}
function withCanonicalId(finding) {
    const id = canonicalId(finding);
    if (id === finding.id)
        return finding;
    return { ...finding, id, aliases: uniqueIds([finding.id, ...finding.aliases], id) };
}
/** IDs without duplicates (ignoring case) and without `except`, in their first spelling. */
function uniqueIds(ids, except) {
    const seen = new Set([except.toUpperCase()]);
    const result = [];
    for (const id of ids) {
        const upper = id.toUpperCase();
        if (seen.has(upper))
            continue;
        seen.add(upper);
        result.push(id);
    }
    return result;
}
/** Highest severity first; within a severity the order given (a stable bucket sort). */
function bySeverity(findings) {
    const buckets = {
        critical: [],
        high: [],
        medium: [],
        low: [],
        unknown: []
    };
    for (const finding of findings)
        buckets[finding.severity].push(finding);
    return findings_SEVERITIES.flatMap((severity) => buckets[severity]);
}
function countBySeverity(findings) {
    const counts = emptyCounts();
    for (const finding of findings)
        counts[finding.severity]++;
    return counts;
}
/** The fields a finding is printed with (JSON output, summaries); the rest is internal. */
function publicFinding(finding) {
    return {
        id: finding.id,
        aliases: finding.aliases,
        package: finding.package,
        installed: finding.installed,
        ...(finding.fixed !== undefined ? { fixed: finding.fixed } : {}),
        severity: finding.severity,
        status: finding.status,
        target: finding.target,
        title: finding.title,
        ...(finding.url !== undefined ? { url: finding.url } : {}),
        ...(finding.dataSource !== undefined ? { dataSource: finding.dataSource } : {})
    };
}

;// CONCATENATED MODULE: ./src/core/scan/glob.ts
/**
 * A doublestar glob (`**` any folders, `*` and `?` within one path segment) as a RegExp, as
 * Trivy matches the `paths` of .trivyignore.yaml against targets and package paths.
 */
function globToRegExp(glob) {
    let source = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            const slashAfter = glob[i + 2] === '/';
            source += slashAfter ? '(?:.*/)?' : '.*';
            i += slashAfter ? 2 : 1;
        }
        else if (c === '*') {
            source += '[^/]*';
        }
        else if (c === '?') {
            source += '[^/]';
        }
        else {
            source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        }
    }
    return new RegExp(`^${source}$`);
}

;// CONCATENATED MODULE: ./src/core/scan/purl.ts
// Package URLs (https://github.com/package-url/purl-spec) as VEX documents and Trivy's ignore
// files use them to name packages: pkg:type/namespace/name@version?qualifiers#subpath.
function parsePurl(text) {
    const match = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/+([^?#]+)(?:\?([^#]*))?(?:#.*)?$/.exec(text.trim());
    if (!match)
        return undefined;
    const type = match[1].toLowerCase();
    let rest = match[2];
    let version;
    const at = rest.lastIndexOf('@');
    if (at > 0) {
        version = decode(rest.slice(at + 1));
        rest = rest.slice(0, at);
    }
    const segments = rest.split('/').filter((s) => s.length > 0);
    const name = decode(segments.pop() ?? '');
    if (!name)
        return undefined;
    const qualifiers = {};
    for (const pair of (match[3] ?? '').split('&')) {
        if (!pair)
            continue;
        const eq = pair.indexOf('=');
        if (eq <= 0)
            continue;
        qualifiers[pair.slice(0, eq).toLowerCase()] = decode(pair.slice(eq + 1));
    }
    return {
        type,
        namespace: segments.map(decode).join('/'),
        name,
        ...(version ? { version } : {}),
        qualifiers
    };
}
/**
 * Whether `pattern` (from a VEX statement or an ignore file) names `target` (a finding's
 * package), as Trivy matches them: type, namespace and name must be equal; a pattern without a
 * version matches every version; the pattern's qualifiers must all be present in the target
 * (extra ones on the target are fine).
 */
function purlMatches(pattern, target) {
    if (pattern.type !== target.type)
        return false;
    if (normaliseName(pattern, pattern.namespace) !== normaliseName(target, target.namespace)) {
        return false;
    }
    if (normaliseName(pattern, pattern.name) !== normaliseName(target, target.name))
        return false;
    if (pattern.version !== undefined && pattern.version !== target.version)
        return false;
    return Object.entries(pattern.qualifiers).every(([key, value]) => target.qualifiers[key] === value);
}
/** The purl-spec's per-type rules that matter here: case-insensitive names, pypi's `_` as `-`. */
function normaliseName(purl, text) {
    switch (purl.type) {
        case 'pypi':
            return text.toLowerCase().replace(/_/g, '-');
        case 'npm':
        case 'deb':
        case 'apk':
        case 'github':
        case 'golang':
        case 'oci':
            return text.toLowerCase();
        default:
            return text;
    }
}
function decode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./src/core/scan/allowlist.ts








const ENTRY_KEYS = ['id', 'package', 'reason', 'expires'];
const TRIVY_ENTRY_KEYS = ['id', 'paths', 'purls', 'expired_at', 'statement'];
const TRIVY_SECTIONS = ['vulnerabilities', 'misconfigurations', 'secrets', 'licenses'];
/**
 * Reads an allowlist: `.trivyignore*` files without a YAML extension are Trivy's plain format;
 * YAML with a `vulnerabilities:` key is .trivyignore.yaml; any other YAML is slipway's list.
 */
async function loadAllowlist(file) {
    return parseAllowlist(await readAllowlistText(file), file);
}
/** Several allowlists, in order: the first entry that matches a finding is reported. */
async function loadAllowlists(files) {
    const entries = [];
    for (const file of files) {
        for (const entry of await loadAllowlist(file))
            entries.push({ ...entry, order: entries.length });
    }
    return entries;
}
async function readAllowlistText(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        throw new core_errors/* UserError */.yo(`allowlist ${missing ? 'not found' : 'cannot be read'}`, { file });
    }
}
function parseAllowlist(text, file) {
    return parseEntries(text, file).map((entry, order) => ({ ...entry, order }));
}
function parseEntries(text, file) {
    const base = external_node_path_default().basename(file);
    if (base.startsWith('.trivyignore') && !/\.ya?ml$/i.test(base))
        return parseTrivyIgnore(text, file);
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const at = (node) => ({ file, line: lineOf(node, lines) });
    if (doc.errors.length > 0) {
        const error = doc.errors[0];
        throw new core_errors/* UserError */.yo(`invalid YAML: ${error.message.split('\n')[0]}`, {
            file,
            line: lines.linePos(error.pos[0]).line
        });
    }
    const root = doc.contents;
    if (root === null || ((0,dist/* isScalar */.jn)(root) && root.value === null))
        return [];
    if ((0,dist/* isSeq */.oP)(root))
        return collect(root.items.map((item) => () => slipwayEntry(item, at)));
    if ((0,dist/* isMap */.jh)(root) && root.items.every((pair) => TRIVY_SECTIONS.includes(keyText(pair.key)))) {
        return trivyYamlEntries(root, at);
    }
    throw new core_errors/* UserError */.yo('an allowlist is a list of entries (id, package, reason, expires), or a .trivyignore.yaml document', at(root));
}
function slipwayEntry(item, at) {
    if (!(0,dist/* isMap */.jh)(item))
        throw new core_errors/* UserError */.yo('expected an entry with id, reason and expires', at(item));
    const fields = fieldsOf(item, ENTRY_KEYS, at);
    const id = requiredText(fields, 'id', item, at);
    const reason = requiredText(fields, 'reason', item, at);
    if (!fields.expires) {
        throw new core_errors/* UserError */.yo(`${id}: expires is required (a date, YYYY-MM-DD); every exception gets a review date`, at(item));
    }
    const pkg = fields.package ? allowlist_text(fields.package, 'package', at) : undefined;
    if (pkg?.startsWith('pkg:') && !parsePurl(pkg)) {
        throw new core_errors/* UserError */.yo(`package: "${pkg}" is not a valid package URL`, at(fields.package));
    }
    return {
        id,
        ...(pkg ? { package: pkg } : {}),
        reason,
        expires: dateOf(fields.expires, 'expires', at),
        source: at(item)
    };
}
function trivyYamlEntries(root, at) {
    const section = root.items.find((pair) => keyText(pair.key) === 'vulnerabilities')?.value;
    if (!section || ((0,dist/* isScalar */.jn)(section) && section.value === null))
        return [];
    if (!(0,dist/* isSeq */.oP)(section))
        throw new core_errors/* UserError */.yo('vulnerabilities: expected a list', at(section));
    return collect(section.items.map((item) => () => {
        if (!(0,dist/* isMap */.jh)(item))
            throw new core_errors/* UserError */.yo('expected an entry with an id', at(item));
        const fields = fieldsOf(item, TRIVY_ENTRY_KEYS, at);
        const id = requiredText(fields, 'id', item, at);
        const purls = fields.purls ? textList(fields.purls, 'purls', at) : undefined;
        const paths = fields.paths ? textList(fields.paths, 'paths', at) : undefined;
        const parsed = purls?.map((p) => {
            const purl = parsePurl(p);
            if (!purl)
                throw new core_errors/* UserError */.yo(`purls: "${p}" is not a valid package URL`, at(fields.purls));
            return purl;
        });
        return {
            id,
            ...(parsed ? { purls: parsed } : {}),
            ...(paths ? { paths } : {}),
            reason: fields.statement
                ? allowlist_text(fields.statement, 'statement', at)
                : `listed in ${external_node_path_default().basename(at(item).file)}`,
            ...(fields.expired_at ? { expires: dateOf(fields.expired_at, 'expired_at', at) } : {}),
            source: at(item)
        };
    }));
}
/** One ID per line, `exp:YYYY-MM-DD` after it; `#` comments. A bad date is an error, not a skip. */
function parseTrivyIgnore(content, file) {
    const entries = [];
    const errors = [];
    content.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return;
        const [id, ...rest] = line.split(/\s+/);
        const source = { file, line: index + 1 };
        const exp = rest.find((field) => field.startsWith('exp:'))?.slice(4);
        let expires;
        if (exp !== undefined) {
            expires = parseDate(exp);
            if (!expires) {
                errors.push(new core_errors/* UserError */.yo(`${id}: exp:${exp} is not a date (exp:YYYY-MM-DD)`, source));
                return;
            }
        }
        entries.push({
            id,
            reason: `listed in ${external_node_path_default().basename(file)}`,
            ...(expires ? { expires } : {}),
            source
        });
    });
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new core_errors/* UserErrors */.tQ(errors);
    return entries;
}
/** How far ahead an entry may expire unless scan.allowlist-max-expiry says otherwise. */
const DEFAULT_ALLOWLIST_MAX_EXPIRY_MS = 365 * 86_400_000;
/**
 * An exception needs a review date that comes: an entry expiring further than `maxMs` after
 * `now` (9999-12-31, say) is refused, one line per entry at its file and line.
 */
function checkExpiryHorizon(entries, now, maxMs) {
    const latest = new Date(now.getTime() + maxMs);
    const errors = entries
        .filter((entry) => entry.expires !== undefined && entry.expires.getTime() > latest.getTime())
        .map((entry) => new core_errors/* UserError */.yo(`${entry.id}: expires ${allowlist_formatDate(entry.expires)} is more than ${inDays(maxMs)} after today (${allowlist_formatDate(now)}): the latest allowed is ${allowlist_formatDate(latest)} (scan.allowlist-max-expiry)`, entry.source));
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new core_errors/* UserErrors */.tQ(errors);
}
function inDays(ms) {
    return ms % 86_400_000 === 0 ? `${ms / 86_400_000}d` : (0,duration/* formatDuration */.a)(ms);
}
function isExpired(entry, now) {
    return entry.expires !== undefined && now.getTime() >= entry.expires.getTime();
}
/** Entries by upper-cased ID, so a finding is checked against the entries for its IDs only. */
function indexAllowlist(entries) {
    const index = new Map();
    for (const entry of entries) {
        const id = entry.id.toUpperCase();
        const list = index.get(id);
        if (list)
            list.push(entry);
        else
            index.set(id, [entry]);
    }
    return index;
}
/** The first entry (in file order) that covers the finding. */
function findAllowlistEntry(index, finding) {
    if (index.size === 0)
        return undefined;
    let first;
    for (const id of idsOf(finding)) {
        for (const entry of index.get(id) ?? []) {
            if (!coversPackage(entry, finding))
                continue;
            if (!first || entry.order < first.order)
                first = entry;
        }
    }
    return first;
}
function allowlistMatches(entry, finding) {
    return idsOf(finding).includes(entry.id.toUpperCase()) && coversPackage(entry, finding);
}
function coversPackage(entry, finding) {
    if (entry.package !== undefined && !packageMatches(entry.package, finding))
        return false;
    if (entry.purls && !entry.purls.some((purl) => purlOfFindingMatches(purl, finding)))
        return false;
    if (entry.paths) {
        const candidates = [finding.target, finding.path].filter((p) => !!p);
        const globs = entry.paths.map(compiledGlob);
        if (!globs.some((glob) => candidates.some((candidate) => glob.test(candidate))))
            return false;
    }
    return true;
}
const globs = new Map();
function compiledGlob(glob) {
    let regexp = globs.get(glob);
    if (!regexp)
        globs.set(glob, (regexp = globToRegExp(glob)));
    return regexp;
}
function packageMatches(pkg, finding) {
    if (!pkg.startsWith('pkg:'))
        return pkg === finding.package;
    const pattern = parsePurl(pkg);
    return pattern !== undefined && purlOfFindingMatches(pattern, finding);
}
/** A finding without a package URL never matches a URL-scoped entry (Trivy's does: fail open). */
function purlOfFindingMatches(pattern, finding) {
    const target = finding.purl ? parsePurl(finding.purl) : undefined;
    return target !== undefined && purlMatches(pattern, target);
}
function allowlist_formatDate(date) {
    return date.toISOString().slice(0, 10);
}
// YAML helpers: every error names the file and line of the offending key or entry.
function collect(makers) {
    const entries = [];
    const errors = [];
    for (const make of makers) {
        try {
            entries.push(make());
        }
        catch (error) {
            if (error instanceof core_errors/* UserErrors */.tQ)
                errors.push(...error.errors);
            else if (error instanceof core_errors/* UserError */.yo)
                errors.push(error);
            else
                throw error;
        }
    }
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new core_errors/* UserErrors */.tQ(errors);
    return entries;
}
function fieldsOf(map, allowed, at) {
    const fields = {};
    const unknown = [];
    for (const pair of map.items) {
        const key = keyText(pair.key);
        if (!allowed.includes(key)) {
            unknown.push(new core_errors/* UserError */.yo(`${key}: unknown key (expected ${allowed.join(', ')})`, at(pair.key)));
        }
        else {
            fields[key] = (pair.value ?? undefined);
        }
    }
    if (unknown.length === 1)
        throw unknown[0];
    if (unknown.length > 1)
        throw new core_errors/* UserErrors */.tQ(unknown);
    return fields;
}
function requiredText(fields, key, entry, at) {
    const node = fields[key];
    if (!node || ((0,dist/* isScalar */.jn)(node) && (node.value === null || node.value === ''))) {
        throw new core_errors/* UserError */.yo(`${key} is required`, at(entry));
    }
    return allowlist_text(node, key, at);
}
function allowlist_text(node, key, at) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || typeof node.value === 'object') {
        throw new core_errors/* UserError */.yo(`${key}: expected text`, at(node));
    }
    return String(node.value).trim();
}
function textList(node, key, at) {
    if (!(0,dist/* isSeq */.oP)(node))
        throw new core_errors/* UserError */.yo(`${key}: expected a list`, at(node));
    return node.items.map((item) => allowlist_text(item, key, at));
}
function dateOf(node, key, at) {
    const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
    const date = value instanceof Date ? value : typeof value === 'string' ? parseDate(value) : undefined;
    if (!date) {
        throw new core_errors/* UserError */.yo(`${key}: expected a date YYYY-MM-DD, got ${JSON.stringify(value ?? null)}`, at(node));
    }
    return date;
}
/** YYYY-MM-DD (midnight UTC) or an RFC 3339 time; undefined when not a real date. */
function parseDate(value) {
    const text = value.trim();
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (day) {
        const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
        const time = new Date(Date.UTC(year, month - 1, date));
        const valid = time.getUTCFullYear() === year &&
            time.getUTCMonth() === month - 1 &&
            time.getUTCDate() === date;
        return valid ? time : undefined;
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text))
        return undefined;
    const time = Date.parse(text);
    return Number.isNaN(time) ? undefined : new Date(time);
}
function keyText(key) {
    return (0,dist/* isScalar */.jn)(key) ? String(key.value) : String(key);
}
function lineOf(node, lines) {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
}

// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(85033);
;// CONCATENATED MODULE: ./src/core/scan/text.ts
/** `text` on one line, cut at a word boundary to at most `max` characters (with an ellipsis). */
function shortText(text, max) {
    // Only the start matters; long descriptions are not normalised whole.
    const cutEarly = text.length > max * 2;
    const line = (cutEarly ? text.slice(0, max * 2) : text).replace(/\s+/g, ' ').trim();
    if (line.length <= max)
        return cutEarly ? `${line}…` : line;
    const cut = line.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
/** The first sentence of a description, as a title for scanners that have none (Grype). */
function titleFrom(description) {
    if (!description)
        return '';
    const sentence = /^(.+?[.!?])(\s|$)/.exec(description.trim())?.[1] ?? description;
    return shortText(sentence, 120);
}

;// CONCATENATED MODULE: ./src/core/scan/vex.ts






const SUPPRESSING = ['not_affected', 'fixed'];
async function loadVex(file, order = 0) {
    let document;
    try {
        document = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        throw new core_errors/* UserError */.yo(missing ? 'VEX document not found' : `VEX document is not valid JSON: ${(0,core_errors/* errorMessage */.gJ)(error)}`, { file });
    }
    return parseVex(document, file, order);
}
/** `order` places the document among others: with equal times, later documents win. */
function parseVex(document, file, order = 0) {
    const doc = record(document);
    if (Array.isArray(doc.statements))
        return openVexStatements(doc, file, order);
    if (doc.bomFormat === 'CycloneDX')
        return cycloneDxStatements(doc, file, order);
    throw new core_errors/* UserError */.yo('not a VEX document: expected OpenVEX (statements) or CycloneDX (bomFormat, vulnerabilities)', { file });
}
function openVexStatements(doc, file, order) {
    const docTime = timeOf(doc.last_updated) ?? timeOf(doc.timestamp) ?? 0;
    const statements = [];
    doc.statements.forEach((raw, index) => {
        const statement = record(raw);
        const status = statement.status;
        if (!isStatus(status)) {
            throw new core_errors/* UserError */.yo(`statements[${index}]: unknown status ${JSON.stringify(status)}`, {
                file
            });
        }
        const vulnerability = record(statement.vulnerability);
        const ids = [
            vex_text(vulnerability.name),
            idFromAtId(vex_text(vulnerability['@id'])),
            ...list(vulnerability.aliases).map(vex_text)
        ].filter((id) => !!id);
        if (ids.length === 0) {
            throw new core_errors/* UserError */.yo(`statements[${index}]: the vulnerability has no name`, { file });
        }
        statements.push({
            ids: [...new Set(ids.map((id) => id.toUpperCase()))],
            products: list(statement.products).flatMap((product) => openVexProduct(record(product))),
            status,
            ...optionalText('justification', statement.justification),
            ...optionalText('impact', statement.impact_statement ?? statement.status_notes),
            time: timeOf(statement.last_updated) ?? timeOf(statement.timestamp) ?? docTime,
            order: order * 100_000 + index,
            file
        });
    });
    return statements;
}
function openVexProduct(product) {
    const purl = purlOf(product);
    if (!purl)
        return [];
    const subcomponents = list(product.subcomponents)
        .map((sub) => purlOf(record(sub)))
        .filter((p) => p !== undefined);
    return [{ purl, subcomponents }];
}
/** The product's package URL: its @id, or identifiers.purl when @id is something else. */
function purlOf(component) {
    const candidates = [vex_text(component['@id']), vex_text(record(component.identifiers).purl)];
    for (const candidate of candidates) {
        const purl = candidate?.startsWith('pkg:') ? parsePurl(candidate) : undefined;
        if (purl)
            return purl;
    }
    return undefined;
}
const CYCLONEDX_STATES = {
    not_affected: 'not_affected',
    false_positive: 'not_affected',
    resolved: 'fixed',
    resolved_with_pedigree: 'fixed',
    exploitable: 'affected',
    in_triage: 'under_investigation'
};
/** CycloneDX VEX: `affects[].ref` is a BOM-Link (urn:cdx:serial/version#bom-ref) or a purl. */
function cycloneDxStatements(doc, file, order) {
    const docTime = timeOf(record(doc.metadata).timestamp) ?? 0;
    return list(doc.vulnerabilities).flatMap((raw, index) => {
        const vulnerability = record(raw);
        const analysis = record(vulnerability.analysis);
        const status = CYCLONEDX_STATES[vex_text(analysis.state) ?? ''];
        const id = vex_text(vulnerability.id);
        if (!status || !id)
            return [];
        const ids = [id, ...list(vulnerability.references).map((r) => vex_text(record(r).id))].filter((i) => !!i);
        return list(vulnerability.affects).flatMap((affect, affectIndex) => {
            const ref = vex_text(record(affect).ref) ?? '';
            const purl = parsePurl(ref.includes('#') ? decodeURIComponent(ref.slice(ref.indexOf('#') + 1)) : ref);
            if (!purl)
                return [];
            const versions = list(record(affect).versions).map((v) => ({
                version: vex_text(record(v).version) ?? '',
                status: vex_text(record(v).status) ?? ''
            }));
            return [
                {
                    ids: [...new Set(ids.map((i) => i.toUpperCase()))],
                    products: [{ purl, subcomponents: [] }],
                    status,
                    ...optionalText('justification', analysis.justification),
                    ...optionalText('impact', analysis.detail),
                    ...(versions.length > 0 ? { versions } : {}),
                    time: timeOf(analysis.lastUpdated) ?? timeOf(analysis.firstIssued) ?? docTime,
                    order: order * 100_000 + index * 100 + affectIndex,
                    file
                }
            ];
        });
    });
}
function indexVex(statements) {
    const index = new Map();
    for (const statement of statements) {
        for (const id of statement.ids) {
            const list = index.get(id);
            if (list)
                list.push(statement);
            else
                index.set(id, [statement]);
        }
    }
    return index;
}
/** The statement that decides a finding: the latest of those that apply to it. */
function vexDecision(finding, index, artifact) {
    if (index.size === 0)
        return undefined;
    let decision;
    const findingPurl = finding.purl ? parsePurl(finding.purl) : undefined;
    for (const id of idsOf(finding)) {
        for (const statement of index.get(id) ?? []) {
            if (!appliesTo(statement, finding, findingPurl, artifact))
                continue;
            if (!decision ||
                statement.time > decision.time ||
                (statement.time === decision.time && statement.order > decision.order)) {
                decision = statement;
            }
        }
    }
    return decision;
}
function suppresses(statement) {
    return SUPPRESSING.includes(statement.status);
}
function vexReason(statement) {
    const why = [statement.justification, statement.impact && shortText(statement.impact, 200)]
        .filter(Boolean)
        .join(': ');
    return `VEX ${statement.status}${why ? ` (${why})` : ''}`;
}
/**
 * An image product (pkg:oci) must be the scanned image, and then covers the subcomponents it
 * lists, or everything when it lists none. A package product covers itself, or the
 * subcomponents it lists: the report does not tell which module pulled a package in, so the
 * statement's author is trusted on that. A finding without a package URL matches nothing.
 */
function appliesTo(statement, finding, findingPurl, artifact) {
    if (statement.versions) {
        const listed = statement.versions.find((v) => v.version === finding.installed);
        if (!listed || listed.status !== 'unaffected')
            return false;
    }
    return statement.products.some((product) => {
        const matchesPackage = (purl) => findingPurl !== undefined && purlMatches(purl, findingPurl);
        if (product.purl.type === 'oci') {
            if (!imageMatches(product.purl, artifact))
                return false;
            return product.subcomponents.length === 0 || product.subcomponents.some(matchesPackage);
        }
        if (product.subcomponents.length === 0)
            return matchesPackage(product.purl);
        return product.subcomponents.some(matchesPackage);
    });
}
/** pkg:oci/<name>@<digest>?repository_url=<registry/path>: name, repository and digest must agree. */
function imageMatches(product, artifact) {
    const repositories = artifact.repositories.map(normaliseRepository);
    const name = product.name.toLowerCase();
    if (!repositories.some((r) => r.slice(r.lastIndexOf('/') + 1) === name))
        return false;
    const repositoryUrl = product.qualifiers.repository_url;
    if (repositoryUrl && !repositories.includes(normaliseRepository(repositoryUrl)))
        return false;
    if (product.version && !artifact.digests.includes(product.version.toLowerCase()))
        return false;
    return true;
}
/** Docker's defaults: `alpine` is docker.io/library/alpine, index.docker.io is docker.io. */
function normaliseRepository(repository) {
    let text = repository.toLowerCase().replace(/^[a-z]+:\/\//, '');
    const first = text.split('/')[0];
    const hasRegistry = text.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
    if (!hasRegistry)
        text = `docker.io/${text}`;
    text = text.replace(/^(index\.docker\.io|registry-1\.docker\.io)\//, 'docker.io/');
    if (/^docker\.io\/[^/]+$/.test(text))
        text = text.replace('docker.io/', 'docker.io/library/');
    return text;
}
function isStatus(value) {
    return ['not_affected', 'affected', 'fixed', 'under_investigation'].includes(value);
}
/** `https://pkg.go.dev/vuln/GO-2024-2575` names GO-2024-2575; a plain @id is the ID itself. */
function idFromAtId(atId) {
    if (!atId)
        return undefined;
    return atId.includes('://') ? atId.slice(atId.lastIndexOf('/') + 1) || undefined : atId;
}
function record(value) {
    return (0,records/* isRecord */.u)(value) ? value : {};
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
function vex_text(value) {
    return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}
function optionalText(key, value) {
    const t = vex_text(value);
    return t ? { [key]: t } : {};
}
function timeOf(value) {
    if (typeof value !== 'string')
        return undefined;
    const time = Date.parse(value);
    return Number.isNaN(time) ? undefined : time;
}

;// CONCATENATED MODULE: ./src/core/scan/gate.ts




function evaluateGate(inputs) {
    const { report, policy, now } = inputs;
    const allowlist = inputs.allowlist ?? [];
    const allowed = indexAllowlist(allowlist.filter((entry) => !isExpired(entry, now)));
    const vexIndex = indexVex(inputs.vex ?? []);
    const suppressionOf = (finding) => {
        if (finding.status === 'not_affected') {
            return { by: 'scanner', reason: 'the vendor says not affected (status not_affected)' };
        }
        const statement = vexDecision(finding, vexIndex, report.artifact);
        if (statement && suppresses(statement)) {
            return { by: 'vex', reason: vexReason(statement), source: statement.file };
        }
        const entry = findAllowlistEntry(allowed, finding);
        if (entry) {
            const until = entry.expires ? ` (until ${allowlist_formatDate(entry.expires)})` : '';
            return { by: 'allowlist', reason: `${entry.reason}${until}`, source: where(entry) };
        }
        if (policy.ignoreUnfixed && finding.status !== 'fixed') {
            return { by: 'ignore-unfixed', reason: `no fix available (${finding.status})` };
        }
        return undefined;
    };
    const remaining = [];
    const suppressedOccurrences = report.upstreamSuppressed.map((s) => ({
        finding: s.finding,
        by: 'scanner',
        reason: s.reason
    }));
    for (const finding of report.findings) {
        const suppression = suppressionOf(finding);
        if (suppression)
            suppressedOccurrences.push({ finding, ...suppression });
        else
            remaining.push(finding);
    }
    const groups = groupFindings(remaining);
    const findings = bySeverity(groups.values());
    const suppressed = distinctSuppressions(suppressedOccurrences, groups);
    const known = inputs.baseline ? baselineIds(inputs.baseline) : undefined;
    const atThreshold = findings.filter((f) => atOrAbove(f.severity, policy.failOn));
    const inBaseline = known ? atThreshold.filter((f) => isKnown(f, known)) : [];
    const blocking = known ? atThreshold.filter((f) => !isKnown(f, known)) : atThreshold;
    const expired = allowlist
        .filter((entry) => isExpired(entry, now))
        .map((entry) => ({ entry, matches: findings.filter((f) => allowlistMatches(entry, f)).length }));
    const dataAge = dataAgeOf(inputs);
    const failClosed = failClosedReason(inputs, dataAge);
    return {
        verdict: failClosed || blocking.length > 0 ? 'fail' : 'pass',
        counts: countBySeverity(findings),
        findings,
        blocking,
        suppressed,
        inBaseline,
        expired,
        ...(dataAge ? { dataAge } : {}),
        ...(failClosed ? { failClosed } : {}),
        policy
    };
}
/** The result when there is no usable report: fail, saying why. */
function failedGate(policy, reason) {
    return {
        verdict: 'fail',
        counts: emptyCounts(),
        findings: [],
        blocking: [],
        suppressed: [],
        inBaseline: [],
        expired: [],
        failClosed: reason,
        policy
    };
}
function distinctSuppressions(occurrences, activeKeys) {
    const byKey = new Map();
    for (const occurrence of occurrences) {
        const key = findingKey(occurrence.finding);
        if (activeKeys.has(key))
            continue;
        const list = byKey.get(key);
        if (list)
            list.push(occurrence);
        else
            byKey.set(key, [occurrence]);
    }
    return [...byKey.values()]
        .map((list) => {
        const [merged] = distinctFindings(list.map((s) => s.finding));
        return { ...list[0], finding: merged };
    })
        .sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity));
}
/** Per package, every ID the baseline knows (any version: an upgrade that keeps a CVE is not new). */
function baselineIds(baseline) {
    const known = new Map();
    const add = (finding) => {
        let ids = known.get(finding.package);
        if (!ids)
            known.set(finding.package, (ids = new Set()));
        for (const id of idsOf(finding))
            ids.add(id);
    };
    baseline.findings.forEach(add);
    baseline.upstreamSuppressed.forEach((s) => add(s.finding));
    return known;
}
function isKnown(finding, known) {
    const ids = known.get(finding.package);
    return ids !== undefined && idsOf(finding).some((id) => ids.has(id));
}
function dataAgeOf(inputs) {
    const { report, now, dbUpdatedAt } = inputs;
    const known = [
        ['database updated', dbUpdatedAt],
        ['database built', report.dbBuiltAt],
        ['report written', report.createdAt]
    ];
    const [what, at] = known.find(([, date]) => date !== undefined) ?? [];
    return what && at ? { what, at, ageMs: now.getTime() - at.getTime() } : undefined;
}
function failClosedReason(inputs, dataAge) {
    const { report, policy } = inputs;
    if (policy.maxDbAgeMs !== undefined) {
        const limit = (0,duration/* formatDuration */.a)(policy.maxDbAgeMs);
        if (!dataAge) {
            return `cannot tell how old the vulnerability data is (the report has no database or creation time), and max-db-age is ${limit}`;
        }
        if (dataAge.ageMs > policy.maxDbAgeMs) {
            const subject = dataAge.what === 'report written'
                ? 'the report was written'
                : `the vulnerability ${dataAge.what.replace(' ', ' was ')}`;
            return `${subject} ${formatAge(dataAge.ageMs)} ago (${dataAge.at.toISOString()}), longer than max-db-age ${limit}: refresh the database or rescan`;
        }
    }
    if (report.scannedTargets === 0 && !policy.allowEmptyReport) {
        return `the ${report.scanner} report has no Results: it checked no packages in ${report.artifact.name || 'the artifact'} (its OS was not detected, or every scanner was skipped), and a scan that saw nothing does not pass; set allow-empty-report if the image really has nothing to scan`;
    }
    if (policy.ignoreUnfixed && !report.hasFixInfo) {
        const by = report.scannerVersion ? ` (${report.scanner} ${report.scannerVersion})` : '';
        return `the report${by} has no fix information, so ignore-unfixed cannot be applied: rescan with a current ${report.scanner}`;
    }
    return undefined;
}
function formatAge(ms) {
    const hours = Math.floor(ms / 3_600_000);
    if (hours >= 48)
        return `${Math.floor(hours / 24)} days`;
    if (hours >= 1)
        return `${hours}h`;
    return `${Math.max(0, Math.floor(ms / 60_000))}m`;
}
function where(entry) {
    return entry.source.line ? `${entry.source.file}:${entry.source.line}` : entry.source.file;
}

;// CONCATENATED MODULE: ./src/core/scan/report-shape.ts

// What a scanner's report must look like before anything in it counts. A value of the wrong
// type or a severity the scanner never writes is a report the gate cannot read: it fails
// closed, naming the place, rather than treating the value as absent (which reads as "no
// findings" or "unknown severity", and both pass).
/** Where a value is, e.g. `Results[0].Vulnerabilities[3].Severity`. */
function jsonPathText(path) {
    let text = '';
    for (const part of path) {
        if (typeof part === 'number')
            text += `[${part}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(part))
            text += text ? `.${part}` : part;
        else
            text += `[${JSON.stringify(part)}]`;
    }
    return text;
}
/** A value that is not where the scanner would put it, at a path relative to the caller's. */
class ShapeError extends Error {
    at;
    constructor(at, message) {
        super(message);
        this.at = at;
        this.name = 'ShapeError';
    }
    /** `message` prefixed with the full path, for a report error. */
    describe(base = []) {
        return `${jsonPathText([...base, ...this.at])}: ${this.message}`;
    }
}
/** A short, one-line picture of a value for an error message. */
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if ((0,records/* isRecord */.u)(value))
        return 'an object';
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
function expectObject(value, at = []) {
    if (!(0,records/* isRecord */.u)(value))
        throw new ShapeError(at, `expected an object, got ${describeValue(value)}`);
    return value;
}
/** Fields that, when present, are strings. */
function expectStrings(object, keys) {
    for (const key of keys) {
        const value = object[key];
        if (value !== undefined && typeof value !== 'string') {
            throw new ShapeError([key], `expected a string, got ${describeValue(value)}`);
        }
    }
}
function expectId(object, key) {
    const value = object[key];
    if (typeof value !== 'string' || value.length === 0) {
        throw new ShapeError([key], `expected a vulnerability ID, got ${describeValue(value)}`);
    }
    return value;
}
/** A list, when present, of strings. */
function expectStringList(object, key) {
    const value = object[key];
    if (value === undefined)
        return;
    if (!Array.isArray(value)) {
        throw new ShapeError([key], `expected a list, got ${describeValue(value)}`);
    }
    value.forEach((item, index) => {
        if (typeof item !== 'string') {
            throw new ShapeError([key, index], `expected a string, got ${describeValue(item)}`);
        }
    });
}
/** A list, when present, of objects. */
function expectObjectList(object, key) {
    const value = object[key];
    if (value === undefined)
        return;
    if (!Array.isArray(value)) {
        throw new ShapeError([key], `expected a list, got ${describeValue(value)}`);
    }
    value.forEach((item, index) => expectObject(item, [key, index]));
}
/** An object, when present. */
function expectOptionalObject(object, key) {
    if (object[key] !== undefined)
        expectObject(object[key], [key]);
}
/**
 * A key that differs only in case from one the scanner writes (`vulnerabilities` for
 * `Vulnerabilities`): the scanner did not write it, and skipping it would hide findings.
 */
function misspelledKey(key, known) {
    const lower = key.toLowerCase();
    return known.find((k) => k !== key && k.toLowerCase() === lower);
}

;// CONCATENATED MODULE: ./src/core/scan/grype.ts


/** The severities Grype writes (grype/vulnerability/severity.go), exactly so; Negligible counts as low. */
const GRYPE_SEVERITIES = new Map([
    ['Critical', 'critical'],
    ['High', 'high'],
    ['Medium', 'medium'],
    ['Low', 'low'],
    ['Negligible', 'low'],
    ['Unknown', 'unknown']
]);
function checkGrypeVulnerability(raw, at) {
    try {
        const object = expectObject(raw);
        expectId(object, 'id');
        expectStrings(object, ['dataSource', 'namespace', 'description']);
        expectStringList(object, 'urls');
        expectStringList(object, 'links');
        expectObjectList(object, 'cvss');
        expectOptionalObject(object, 'fix');
        if (object.fix) {
            expectStringList(object.fix, 'versions');
            expectStrings(object.fix, ['state']);
        }
    }
    catch (error) {
        if (error instanceof ShapeError)
            throw new ShapeError([...at, ...error.at], error.message);
        throw error;
    }
}
/** A match as Grype writes it, or a ShapeError naming the field that is not. */
function checkGrypeMatch(raw) {
    const match = expectObject(raw);
    checkGrypeVulnerability(match.vulnerability, ['vulnerability']);
    const severity = match.vulnerability.severity;
    if (!GRYPE_SEVERITIES.has(severity)) {
        throw new ShapeError(['vulnerability', 'severity'], `${describeValue(severity)} is not a severity Grype writes (Critical, High, Medium, Low, Negligible or Unknown)`);
    }
    expectObjectList(match, 'relatedVulnerabilities');
    match.relatedVulnerabilities?.forEach((related, index) => checkGrypeVulnerability(related, ['relatedVulnerabilities', index]));
    if (match.artifact !== undefined) {
        const artifact = expectObject(match.artifact, ['artifact']);
        try {
            expectStrings(artifact, ['name', 'version', 'type', 'purl']);
            expectObjectList(artifact, 'locations');
        }
        catch (error) {
            if (error instanceof ShapeError)
                throw new ShapeError(['artifact', ...error.at], error.message);
            throw error;
        }
    }
    return match;
}
function grypeFinding(raw, fallbackTarget) {
    const match = checkGrypeMatch(raw);
    const vulnerability = match.vulnerability;
    const id = vulnerability.id;
    const artifact = match.artifact ?? {};
    const related = match.relatedVulnerabilities ?? [];
    const fixVersions = (vulnerability.fix?.versions ?? []).filter((v) => v.trim().length > 0);
    const description = vulnerability.description ?? related.find((r) => r.description)?.description ?? undefined;
    const location = artifact.locations?.find((l) => l.path)?.path;
    const url = vulnerability.dataSource ?? vulnerability.urls?.[0] ?? vulnerability.links?.[0];
    const score = scoreOf(vulnerability) ?? related.map(scoreOf).find((s) => s !== undefined);
    return {
        id,
        aliases: [...new Set(related.map((r) => r.id).filter((r) => !!r && r !== id))],
        package: artifact.name ?? '',
        installed: artifact.version ?? '',
        ...(fixVersions.length > 0 ? { fixed: fixVersions.join(', ') } : {}),
        severity: GRYPE_SEVERITIES.get(vulnerability.severity),
        status: grypeStatus(vulnerability.fix, fixVersions.length > 0),
        target: location ?? fallbackTarget,
        title: titleFrom(description),
        ...(url ? { url } : {}),
        ...(vulnerability.namespace ? { dataSource: vulnerability.namespace } : {}),
        ...(artifact.purl ? { purl: artifact.purl } : {}),
        ...(location ? { path: location } : {}),
        ...(score !== undefined ? { score } : {}),
        ...(description ? { description: shortText(description, 1000) } : {})
    };
}
/** fixed, not-fixed, wont-fix, unknown, or "" (older presenters) onto Trivy's statuses. */
function grypeStatus(fix, hasVersions) {
    switch (fix?.state) {
        case 'fixed':
            return 'fixed';
        case 'not-fixed':
            return 'affected';
        case 'wont-fix':
            return 'will_not_fix';
        default:
            return hasVersions ? 'fixed' : 'unknown';
    }
}
function scoreOf(vulnerability) {
    const entries = vulnerability.cvss ?? [];
    const ordered = [
        ...entries.filter((c) => c.type === 'Primary' && c.version?.startsWith('3')),
        ...entries.filter((c) => c.version?.startsWith('3')),
        ...entries
    ];
    const score = ordered.map((c) => c.metrics?.baseScore).find((s) => typeof s === 'number') ??
        vulnerability.cvssV3?.baseScore ??
        vulnerability.cvssV2?.baseScore;
    return typeof score === 'number' ? score : undefined;
}
function grypeIgnoredReason(match) {
    const rule = match.appliedIgnoreRules?.[0];
    if (rule?.['vex-status']) {
        const why = rule['vex-justification'] ? `: ${rule['vex-justification']}` : '';
        return `suppressed by Grype, VEX ${rule['vex-status']}${why}`;
    }
    return `suppressed by Grype${rule?.reason ? `: ${shortText(rule.reason, 200)}` : ' ignore rule'}`;
}
function grypeHasFixBlock(match) {
    return match.vulnerability?.fix !== undefined;
}

;// CONCATENATED MODULE: ./src/core/scan/json-stream.ts

class ParseWithout {
    keys;
    whenSeen;
    /**
     * `whenSeen`: when the object's `key` member (a string, before the others) is a value
     * `seen` answers true for, `omit` those members too: Trivy repeats a vulnerability's title and
     * description for every package it affects, and one copy is enough. Best effort: objects laid
     * out otherwise keep those members.
     */
    constructor(keys, whenSeen) {
        this.keys = [...keys].map(keyBytes);
        this.whenSeen = whenSeen && {
            key: keyBytes(whenSeen.key),
            seen: whenSeen.seen,
            omit: [...this.keys, ...whenSeen.omit.map(keyBytes)]
        };
    }
}
function keyBytes(key) {
    return Buffer.from(JSON.stringify(key).slice(1, -1), 'utf8');
}
class JsonStreamError extends Error {
}
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/** Bytes that matter when finding where a container ends; everything else is passed over. */
const IS_QUOTE = 1;
const IS_OPEN = 2;
const IS_CLOSE = 3;
const IS_COMMA = 4;
const STRUCTURAL = new Uint8Array(256);
STRUCTURAL[QUOTE] = IS_QUOTE;
STRUCTURAL[OPEN_BRACE] = IS_OPEN;
STRUCTURAL[OPEN_BRACKET] = IS_OPEN;
STRUCTURAL[CLOSE_BRACE] = IS_CLOSE;
STRUCTURAL[CLOSE_BRACKET] = IS_CLOSE;
/** The same, with commas: for finding the members of an object. */
const MEMBERS = Uint8Array.from(STRUCTURAL);
MEMBERS[COMMA] = IS_COMMA;
/** What a container expects next. */
const Expect = { Value: 0, KeyOrEnd: 1, Key: 2, Colon: 3, CommaOrEnd: 4, ValueOrEnd: 5 };
/** Reads a JSON file in chunks and walks it with `visitor`. */
async function streamJsonFile(file, visitor, options = {}) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const chunkSize = options.chunkSize ?? 4 << 20;
        const walker = new JsonWalker(visitor);
        // Each chunk is read behind some headroom, where the unfinished token of the previous chunk
        // is copied, so the chunk itself is not copied again.
        const read = (size) => handle.read(Buffer.allocUnsafe(HEADROOM + size), HEADROOM, size, null);
        // The next chunk is read while this one is walked.
        let next = read(chunkSize);
        for (;;) {
            const { bytesRead, buffer } = await next;
            if (bytesRead === 0)
                break;
            // A value longer than a chunk: read as much as it holds already, so copying stays linear.
            next = read(Math.max(chunkSize, walker.pendingBytes()));
            walker.push(buffer, HEADROOM, HEADROOM + bytesRead);
        }
        walker.end();
    }
    finally {
        await handle.close();
    }
}
/** The same walk over text already in memory, in chunks of `chunkSize` bytes (tests use tiny ones). */
function streamJsonText(text, visitor, chunkSize = 1 << 20) {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const walker = new JsonWalker(visitor);
    for (let start = 0; start < bytes.length; start += chunkSize) {
        const chunk = bytes.subarray(start, start + chunkSize);
        walker.push(chunk, 0, chunk.length);
    }
    walker.end();
}
const HEADROOM = 64 << 10;
class JsonWalker {
    visitor;
    buf = Buffer.alloc(0);
    pos = 0;
    /** Bytes consumed before `buf`, for error offsets. */
    consumed = 0;
    frames = [];
    path = [];
    rootDone = false;
    ended = false;
    /** A value whose end is not in the buffer yet: the visit decided, and where its scan resumes. */
    pendingVisit;
    scanOffset = -1;
    scanDepth = 0;
    constructor(visitor) {
        this.visitor = visitor;
    }
    /** Walks buffer[start..end), after what was left unwalked of the previous chunk. */
    push(buffer, start, end) {
        const rest = this.buf.length - this.pos;
        this.consumed += this.pos;
        if (rest === 0) {
            this.buf = buffer.subarray(start, end);
        }
        else if (rest <= start) {
            this.buf.copy(buffer, start - rest, this.pos);
            this.buf = buffer.subarray(start - rest, end);
        }
        else {
            this.buf = Buffer.concat([this.buf.subarray(this.pos), buffer.subarray(start, end)]);
        }
        this.pos = 0;
        if (this.consumed === 0 &&
            this.buf[0] === 0xef &&
            this.buf[1] === 0xbb &&
            this.buf[2] === 0xbf) {
            this.pos = 3;
        }
        this.run();
    }
    /** Bytes of an unfinished value held in the buffer. */
    pendingBytes() {
        return this.pendingVisit === undefined ? 0 : this.buf.length - this.pos;
    }
    end() {
        this.ended = true;
        this.run();
        if (!this.rootDone) {
            throw new JsonStreamError(this.consumed + this.buf.length === 0 ? 'the file is empty' : 'the JSON ends too early');
        }
    }
    /** Processes whole tokens until the buffer runs out; a partial token waits for the next chunk. */
    run() {
        for (;;) {
            this.skipWhitespace();
            if (this.pos >= this.buf.length)
                return;
            if (this.rootDone)
                this.fail('unexpected data after the end of the JSON');
            if (!this.step())
                return;
        }
    }
    /** One token or value; false when it needs more input. */
    step() {
        const frame = this.frames[this.frames.length - 1];
        if (!frame)
            return this.value();
        const c = this.buf[this.pos];
        switch (frame.expect) {
            case Expect.KeyOrEnd:
                if (c === CLOSE_BRACE)
                    return this.close('object');
                return this.key(frame);
            case Expect.Key:
                return this.key(frame);
            case Expect.Colon:
                if (c !== COLON)
                    this.fail('expected ":"');
                this.pos++;
                frame.expect = Expect.Value;
                return true;
            case Expect.ValueOrEnd:
                if (c === CLOSE_BRACKET)
                    return this.close('array');
                this.path[this.frames.length - 1] = 0;
                return this.value();
            case Expect.Value:
                return this.value();
            case Expect.CommaOrEnd:
                if (c === COMMA) {
                    this.pos++;
                    if (frame.kind === 'object') {
                        frame.expect = Expect.Key;
                    }
                    else {
                        ;
                        this.path[this.frames.length - 1]++;
                        frame.expect = Expect.Value;
                    }
                    return true;
                }
                if (c === (frame.kind === 'object' ? CLOSE_BRACE : CLOSE_BRACKET))
                    return this.close(frame.kind);
                return this.fail(`expected "," or "${frame.kind === 'object' ? '}' : ']'}"`);
        }
    }
    key(frame) {
        if (this.buf[this.pos] !== QUOTE)
            this.fail('expected a key');
        const end = stringEnd(this.buf, this.pos + 1);
        if (end < 0)
            return this.needMore();
        this.path[this.frames.length - 1] = decodeString(this.buf, this.pos, end + 1);
        this.pos = end + 1;
        frame.expect = Expect.Colon;
        return true;
    }
    /** A value at the current path: visited, then entered, parsed or skipped. */
    value() {
        const c = this.buf[this.pos];
        const visit = this.pendingVisit ?? this.visitor.visit(this.path);
        if (visit === 'enter' && (c === OPEN_BRACE || c === OPEN_BRACKET)) {
            const kind = c === OPEN_BRACE ? 'object' : 'array';
            this.pos++;
            const parent = this.frames[this.frames.length - 1];
            if (parent)
                parent.expect = Expect.CommaOrEnd;
            this.frames.push({ kind, expect: kind === 'object' ? Expect.KeyOrEnd : Expect.ValueOrEnd });
            this.path.push(kind === 'object' ? '' : 0);
            this.visitor.enter?.(this.path.slice(0, -1), kind);
            return true;
        }
        if (visit instanceof ParseWithout && c === OPEN_BRACE) {
            const parsed = this.parseWithout(visit);
            if (!parsed) {
                this.pendingVisit = visit;
                return this.needMore();
            }
            this.pendingVisit = undefined;
            this.visitor.value?.(this.path, parsed.value);
            this.pos = parsed.end;
        }
        else {
            // Skipped values are scanned like parsed ones (to find their end), just not decoded.
            const end = this.valueEnd();
            if (end < 0) {
                this.pendingVisit = visit;
                return this.needMore();
            }
            this.pendingVisit = undefined;
            if (visit !== 'skip')
                this.visitor.value?.(this.path, this.parseSlice(this.pos, end));
            this.pos = end;
        }
        const parent = this.frames[this.frames.length - 1];
        if (parent)
            parent.expect = Expect.CommaOrEnd;
        else
            this.rootDone = true;
        return true;
    }
    close(kind) {
        this.pos++;
        this.frames.pop();
        this.path.pop();
        this.visitor.leave?.(this.path, kind);
        if (this.frames.length === 0)
            this.rootDone = true;
        return true;
    }
    /** The end (exclusive) of the value at `pos`, or -1 when the buffer holds only part of it. */
    valueEnd() {
        const buf = this.buf;
        const c = buf[this.pos];
        if (c === QUOTE) {
            const end = stringEnd(buf, this.pos + 1);
            return end < 0 ? -1 : end + 1;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            // Resumes where the previous attempt stopped, so a value spanning many chunks is scanned once.
            let depth = this.scanOffset < 0 ? 0 : this.scanDepth;
            let i = this.scanOffset < 0 ? this.pos : this.pos + this.scanOffset;
            const length = buf.length;
            for (; i < length; i++) {
                const kind = STRUCTURAL[buf[i]];
                if (kind === 0)
                    continue;
                if (kind === IS_QUOTE) {
                    const end = stringEnd(buf, i + 1);
                    if (end < 0)
                        break;
                    i = end;
                }
                else if (kind === IS_OPEN) {
                    depth++;
                }
                else if (--depth === 0) {
                    this.scanOffset = -1;
                    return i + 1;
                }
            }
            this.scanOffset = i - this.pos;
            this.scanDepth = depth;
            return -1;
        }
        for (let i = this.pos; i < buf.length; i++) {
            const b = buf[i];
            if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isWhitespace(b)) {
                if (i === this.pos)
                    this.fail('expected a value');
                return i;
            }
        }
        return this.ended ? buf.length : -1;
    }
    parseSlice(start, end) {
        const buf = this.buf;
        if (buf[start] === QUOTE)
            return decodeString(buf, start, end);
        try {
            return JSON.parse(buf.toString('utf8', start, end));
        }
        catch (error) {
            return this.fail(error.message.replace(/ in JSON at position \d+.*$/, ''));
        }
    }
    /**
     * The object at `pos` without the members named in `omit`, and where it ends; undefined when
     * the buffer does not hold all of it. Pretty-printed input (what scanners write) takes a fast
     * path that finds members by their indentation with native searches, and JSON.parse checks
     * the result; anything else is scanned byte by byte.
     */
    parseWithout(visit) {
        const omit = visit.keys;
        const fast = indentedMembers(this.buf, this.pos, visit);
        if (fast) {
            try {
                return {
                    value: JSON.parse(piecesText(this.buf, this.pos, fast.end, fast.cuts)),
                    end: fast.end
                };
            }
            catch {
                // not laid out as it looked: the exact scan below decides
            }
        }
        const exact = membersWithout(this.buf, this.pos, omit);
        if (!exact)
            return undefined;
        try {
            return {
                value: JSON.parse(piecesText(this.buf, this.pos, exact.end, exact.cuts)),
                end: exact.end
            };
        }
        catch (error) {
            return this.fail(error.message.replace(/ in JSON at position \d+.*$/, ''));
        }
    }
    needMore() {
        if (this.ended)
            this.fail('the JSON ends too early');
        return false;
    }
    skipWhitespace() {
        const buf = this.buf;
        let i = this.pos;
        while (i < buf.length && isWhitespace(buf[i]))
            i++;
        this.pos = i;
    }
    fail(message) {
        throw new JsonStreamError(`${message} at byte ${this.consumed + this.pos}`);
    }
}
function isWhitespace(b) {
    return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
/**
 * The end of the object at `start` and the ranges to cut out of it so that the members named
 * in `omit` are gone (with their commas), as [from, to, from, to, ...]; undefined when the
 * buffer ends first.
 */
function membersWithout(buf, start, omit) {
    const cuts = [];
    let depth = 0;
    /** Where the member being cut starts (its preceding comma, or its key when it is the first). */
    let cutFrom = -1;
    let cutIsFirst = false;
    let lastComma = -1;
    let expectKey = false;
    for (let i = start; i < buf.length; i++) {
        const kind = MEMBERS[buf[i]];
        if (kind === 0)
            continue;
        if (kind === IS_QUOTE) {
            const end = stringEnd(buf, i + 1);
            if (end < 0)
                return undefined;
            if (depth === 1 && expectKey) {
                expectKey = false;
                if (isOneOf(buf, i + 1, end, omit)) {
                    cutIsFirst = lastComma < 0;
                    cutFrom = cutIsFirst ? i : lastComma;
                }
            }
            i = end;
        }
        else if (kind === IS_OPEN) {
            if (++depth === 1)
                expectKey = true;
        }
        else if (kind === IS_CLOSE) {
            if (--depth === 0) {
                if (cutFrom >= 0)
                    cuts.push(cutFrom, i);
                return { end: i + 1, cuts };
            }
        }
        else if (depth === 1) {
            if (cutFrom >= 0) {
                cuts.push(cutFrom, cutIsFirst ? i + 1 : i);
                cutFrom = -1;
            }
            lastComma = cutIsFirst && cuts.length > 0 && cuts[cuts.length - 1] === i + 1 ? -1 : i;
            expectKey = true;
        }
    }
    return undefined;
}
/** buf[start..end) less the `cuts` ranges, as text. */
function piecesText(buf, start, end, cuts) {
    let text = '';
    let from = start;
    for (let i = 0; i < cuts.length; i += 2) {
        text += buf.toString('utf8', from, cuts[i]);
        from = cuts[i + 1];
    }
    return text + buf.toString('utf8', from, end);
}
const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
/**
 * The fast path of parseWithout for an object laid out one member per line: its members are the
 * lines indented as its first member is, starting with a quote; its closing brace is the first
 * line holding the brace at the indentation of the line the object opens on. (JSON strings
 * cannot hold a raw newline, so no such line is inside a string.) Lines are found with
 * indexOf('\n'), which is much faster than scanning every byte. Undefined when the layout is
 * different or the object is not all in the buffer; the caller checks the result with JSON.parse.
 */
function indentedMembers(buf, start, visit) {
    let omit = visit.keys;
    const whenSeen = visit.whenSeen;
    const lineStart = buf.lastIndexOf(NEWLINE, start) + 1;
    if (lineStart === 0 || buf[start + 1] !== NEWLINE)
        return undefined;
    const outer = start - lineStart;
    for (let i = lineStart; i < start; i++)
        if (buf[i] !== SPACE && buf[i] !== TAB)
            return undefined;
    const memberIndent = start + 2;
    let inner = 0;
    while (buf[memberIndent + inner] === SPACE || buf[memberIndent + inner] === TAB)
        inner++;
    if (inner <= outer || buf[memberIndent + inner] !== QUOTE)
        return undefined;
    // Cuts: with a kept member before it, from the comma ending that member up to the comma ending
    // this one; otherwise this member with its own comma. Either way consecutive cuts join up.
    const cuts = [];
    let keptOne = false;
    let member = start + 1;
    /** Once this member is read, whether its value was seen. */
    let peeking = whenSeen !== undefined && keyIs(buf, memberIndent + inner, whenSeen.key);
    let cutting = isOmitted(buf, memberIndent + inner, omit);
    if (cutting === undefined)
        return undefined;
    for (let at = start + 1;;) {
        let line = buf.indexOf(NEWLINE, at + 1);
        if (line < 0)
            return undefined;
        // A member whose value opens a list or object at the end of its line ("References": [):
        // its closing bracket is the first one at the member's indentation. One native search for
        // the bracket passes over all the lines in between.
        const opener = buf[line - 1];
        if (at === member && (opener === OPEN_BRACKET || opener === OPEN_BRACE)) {
            const closer = opener === OPEN_BRACKET ? CLOSE_BRACKET : CLOSE_BRACE;
            let q = buf.indexOf(closer, line);
            while (q >= 0 &&
                !(buf[q - inner - 1] === NEWLINE && isIndent(buf, q - inner, inner, memberIndent)))
                q = buf.indexOf(closer, q + 1);
            if (q < 0)
                return undefined;
            line = buf.indexOf(NEWLINE, q);
            if (line < 0)
                return undefined;
        }
        if (buf[line + 1 + outer] === CLOSE_BRACE && isIndent(buf, line + 1, outer, lineStart)) {
            if (cutting)
                cuts.push(keptOne ? member - 1 : member, line);
            return { end: line + 2 + outer, cuts };
        }
        const key = line + 1 + inner;
        if (buf[key] === QUOTE && isIndent(buf, line + 1, inner, memberIndent)) {
            if (buf[line - 1] !== COMMA)
                return undefined;
            if (peeking && whenSeen) {
                peeking = false;
                const value = memberString(buf, member + 1 + inner, line - 1);
                if (value !== undefined && whenSeen.seen(value))
                    omit = whenSeen.omit;
            }
            if (cutting)
                cuts.push(keptOne ? member - 1 : member, keptOne ? line - 1 : line);
            else
                keptOne = true;
            cutting = isOmitted(buf, key, omit);
            if (cutting === undefined)
                return undefined;
            member = line;
        }
        at = line;
    }
}
/** The string value of the one-line member buf[from..to) (`"key": "value"`), if it is one. */
function memberString(buf, from, to) {
    const keyEnd = stringEnd(buf, from + 1);
    let i = keyEnd + 1;
    while (buf[i] === SPACE)
        i++;
    if (buf[i] !== COLON)
        return undefined;
    i++;
    while (buf[i] === SPACE)
        i++;
    if (buf[i] !== QUOTE)
        return undefined;
    const end = stringEnd(buf, i + 1);
    return end === to - 1 ? decodeString(buf, i, end + 1) : undefined;
}
function keyIs(buf, quote, key) {
    return (isOneOf(buf, quote + 1, quote + 1 + key.length, [key]) && buf[quote + 1 + key.length] === QUOTE);
}
/** Whether the key whose opening quote is at `quote` is one of `omit`; undefined if cut off. */
function isOmitted(buf, quote, omit) {
    const end = stringEnd(buf, quote + 1);
    return end < 0 ? undefined : isOneOf(buf, quote + 1, end, omit);
}
/** Whether buf[from..from+length) is the same whitespace as buf[model..model+length). */
function isIndent(buf, from, length, model) {
    for (let i = 0; i < length; i++)
        if (buf[from + i] !== buf[model + i])
            return false;
    return true;
}
/** Whether buf[from..to) spells one of `names`. */
function isOneOf(buf, from, to, names) {
    const length = to - from;
    for (const name of names) {
        if (name.length !== length)
            continue;
        let same = true;
        for (let k = 0; k < length; k++) {
            if (buf[from + k] !== name[k]) {
                same = false;
                break;
            }
        }
        if (same)
            return true;
    }
    return false;
}
/** Index of the quote closing a string whose content starts at `from`, or -1 if not in `buf`. */
function stringEnd(buf, from) {
    // Most strings (keys, versions) are short: a plain loop beats indexOf's call for them.
    const stop = Math.min(from + 24, buf.length);
    for (let i = from; i < stop; i++) {
        const b = buf[i];
        if (b === BACKSLASH)
            break;
        if (b === QUOTE)
            return i;
    }
    let q = from;
    for (;;) {
        q = buf.indexOf(QUOTE, q);
        if (q < 0)
            return -1;
        let backslashes = 0;
        for (let k = q - 1; buf[k] === BACKSLASH; k--)
            backslashes++;
        if ((backslashes & 1) === 0)
            return q;
        q++;
    }
}
/** The string token buf[start..end) (quotes included), unescaped. */
function decodeString(buf, start, end) {
    let escaped = false;
    for (let i = start + 1; i < end - 1; i++) {
        if (buf[i] === BACKSLASH) {
            escaped = true;
            break;
        }
    }
    const text = buf.toString('utf8', start, end);
    return escaped ? JSON.parse(text) : text.slice(1, -1);
}

;// CONCATENATED MODULE: ./src/core/scan/trivy.ts


const STATUSES = [
    'fixed',
    'affected',
    'will_not_fix',
    'fix_deferred',
    'end_of_life',
    'under_investigation',
    'not_affected',
    'unknown'
];
/** The severities Trivy writes (trivy-db pkg/types SeverityNames), exactly so. */
const TRIVY_SEVERITIES = new Map([
    ['CRITICAL', 'critical'],
    ['HIGH', 'high'],
    ['MEDIUM', 'medium'],
    ['LOW', 'low'],
    ['UNKNOWN', 'unknown']
]);
/** A vulnerability entry as Trivy writes it, or a ShapeError naming the field that is not. */
function checkTrivyVulnerability(raw) {
    const object = expectObject(raw);
    expectId(object, 'VulnerabilityID');
    expectStrings(object, [
        'PkgName',
        'PkgPath',
        'InstalledVersion',
        'FixedVersion',
        'Status',
        'SeveritySource',
        'Title',
        'Description',
        'PrimaryURL'
    ]);
    expectStringList(object, 'VendorIDs');
    for (const key of ['PkgIdentifier', 'DataSource', 'CVSS'])
        expectOptionalObject(object, key);
    if (object.PkgIdentifier)
        expectStrings(object.PkgIdentifier, ['PURL']);
    if (!TRIVY_SEVERITIES.has(object.Severity)) {
        throw new ShapeError(['Severity'], `${describeValue(object.Severity)} is not a severity Trivy writes (CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)`);
    }
    return object;
}
/**
 * A Trivy vulnerability as a finding. `describe` lets the reader share one copy of the long texts
 * of a vulnerability ID among all the packages it affects.
 */
function trivyFinding(raw, target, describe) {
    const id = checkTrivyVulnerability(raw).VulnerabilityID;
    const fixed = raw.FixedVersion?.trim() || undefined;
    const texts = describe(id, raw);
    // Built field by field: this runs once per finding, 100,000 times for a large report.
    const finding = {
        id,
        aliases: raw.VendorIDs ? raw.VendorIDs.filter((vendorId) => vendorId !== id) : [],
        package: raw.PkgName ?? '',
        installed: raw.InstalledVersion ?? '',
        severity: TRIVY_SEVERITIES.get(raw.Severity),
        status: trivyStatus(raw.Status, fixed),
        target,
        title: texts.title
    };
    if (fixed)
        finding.fixed = fixed;
    const url = raw.PrimaryURL ?? texts.url;
    if (url)
        finding.url = url;
    const dataSource = raw.DataSource?.Name ?? raw.DataSource?.ID;
    if (dataSource)
        finding.dataSource = dataSource;
    if (raw.PkgIdentifier?.PURL)
        finding.purl = raw.PkgIdentifier.PURL;
    if (raw.PkgPath)
        finding.path = raw.PkgPath;
    const score = raw.CVSS ? trivy_scoreOf(raw) : texts.score;
    if (score !== undefined)
        finding.score = score;
    if (texts.description)
        finding.description = texts.description;
    return finding;
}
/** The Texts of the first occurrence of an ID. */
function textsOf(raw) {
    const texts = { title: raw.Title ?? '' };
    const description = raw.Description;
    if (description) {
        texts.description = description.length > 1000 ? `${description.slice(0, 999)}…` : description;
    }
    if (raw.PrimaryURL)
        texts.url = raw.PrimaryURL;
    const score = trivy_scoreOf(raw);
    if (score !== undefined)
        texts.score = score;
    return texts;
}
/** Reports from before Trivy 0.29 have no Status: a fixed version then means fixable. */
function trivyStatus(status, fixed) {
    if (status && STATUSES.includes(status))
        return status;
    if (status)
        return 'unknown';
    return fixed ? 'fixed' : 'unknown';
}
/** The CVSS score Trivy's own SARIF uses: the V3 score of the severity's source, else any. */
function trivy_scoreOf(raw) {
    const cvss = raw.CVSS;
    if (!cvss)
        return undefined;
    for (const source of [raw.SeveritySource, 'nvd', ...Object.keys(cvss)]) {
        const entry = source ? cvss[source] : undefined;
        const score = entry?.V3Score ?? entry?.V40Score ?? entry?.V2Score;
        if (typeof score === 'number')
            return score;
    }
    return undefined;
}
function trivyModifiedReason(entry) {
    const status = entry.Status ?? 'ignored';
    const statement = entry.Statement ? `: ${shortText(entry.Statement, 200)}` : '';
    const source = entry.Source ? ` (${entry.Source})` : '';
    return `suppressed by Trivy, ${status}${statement}${source}`;
}
/** `ghcr.io/acme/app` from `ghcr.io/acme/app@sha256:...` or `ghcr.io/acme/app:1.2`. */
function repositoryOf(reference) {
    const at = reference.indexOf('@');
    const withoutDigest = at >= 0 ? reference.slice(0, at) : reference;
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}
function digestOf(reference) {
    const match = /@(sha256:[a-f0-9]{64})$/i.exec(reference);
    return match?.[1].toLowerCase();
}

;// CONCATENATED MODULE: ./src/core/scan/report.ts






const SCANNERS = ['trivy', 'grype'];
/** A report that cannot be used; the gate fails closed on it. */
class ReportError extends core_errors/* UserError */.yo {
}
/**
 * Reads a Trivy (SchemaVersion 2) or Grype JSON report, streaming, whichever it is; `expected`
 * makes the other scanner's report an error.
 */
async function readReport(file, expected) {
    try {
        const info = await (0,promises_.stat)(file);
        if (!info.isFile())
            throw new ReportError('the report is not a file', { file });
    }
    catch (error) {
        if (error instanceof ReportError)
            throw error;
        const missing = error.code === 'ENOENT';
        throw new ReportError(missing ? 'the report does not exist' : 'the report cannot be read', {
            file
        });
    }
    const collector = new ReportCollector();
    try {
        await streamJsonFile(file, collector);
    }
    catch (error) {
        if (error instanceof ReportError)
            throw new ReportError(error.message, { file });
        throw new ReportError(`the report is not valid JSON: ${(0,core_errors/* errorMessage */.gJ)(error)}`, { file });
    }
    const report = collector.report(file);
    if (expected && report.scanner !== expected) {
        throw new ReportError(`the report was written by ${report.scanner}, not ${expected} as the scanner option says`, { file });
    }
    return report;
}
/** Collects both formats in one pass: their top-level keys differ (PascalCase vs camelCase). */
class ReportCollector {
    top = Object.create(null);
    /** Top-level keys whose value was a list (entered, so not in `top`). */
    lists = new Set();
    findings = [];
    upstream = [];
    texts = new Map();
    /** The texts of an ID already read are not decoded again. */
    vulnerabilityVisit = new ParseWithout(UNUSED_VULNERABILITY_FIELDS, {
        key: 'VulnerabilityID',
        seen: (id) => this.texts.has(id),
        omit: ['Title', 'Description', 'PrimaryURL', 'CVSS']
    });
    resultTarget;
    results = 0;
    resultStart = 0;
    upstreamStart = 0;
    grypeMatches = 0;
    grypeWithFix = 0;
    visit(path) {
        const [key, , field, item] = path;
        switch (path.length) {
            case 0:
                return 'enter';
            case 1:
                refuseMisspelled(path, KNOWN_TOP_LEVEL);
                if (LISTS.has(key))
                    return 'enter';
                return TOP_LEVEL.has(key) ? 'parse' : 'skip';
            case 2:
                if (key === 'Results')
                    return 'enter';
                return key === 'matches' || key === 'ignoredMatches' ? 'parse' : 'skip';
            case 3:
                if (key !== 'Results')
                    return 'skip';
                refuseMisspelled(path, TRIVY_RESULT_KEYS);
                if (field === 'Vulnerabilities' || field === 'ExperimentalModifiedFindings')
                    return 'enter';
                return field === 'Target' ? 'parse' : 'skip';
            case 4:
                if (typeof item !== 'number')
                    return 'skip';
                return field === 'Vulnerabilities' ? this.vulnerabilityVisit : 'parse';
            default:
                return 'skip';
        }
    }
    enter(path, kind) {
        if (path.length === 0 && kind === 'array') {
            throw new ReportError('a Trivy report from before SchemaVersion 2 (a bare list of results) is not supported: rerun with Trivy 0.20 or newer');
        }
        // Lists at the top and in each result, objects for each result: what the scanners write.
        const wanted = path.length === 2 ? 'object' : 'array';
        if (path.length > 0 && kind !== wanted) {
            const name = { object: 'an object', array: 'a list' };
            throw shapeError(path, `expected ${name[wanted]}, got ${name[kind]}`);
        }
        if (path.length === 1)
            this.lists.add(path[0]);
        if (path.length === 2 && path[0] === 'Results') {
            this.results++;
            this.resultTarget = undefined;
            this.resultStart = this.findings.length;
            this.upstreamStart = this.upstream.length;
        }
    }
    leave(path) {
        if (path.length === 2 && path[0] === 'Results') {
            // Target may come after the vulnerabilities (a re-serialised report with sorted keys).
            const target = this.resultTarget ?? '';
            for (let i = this.resultStart; i < this.findings.length; i++)
                this.findings[i].target = target;
            for (let i = this.upstreamStart; i < this.upstream.length; i++) {
                this.upstream[i].finding.target = target;
            }
        }
    }
    value(path, value) {
        const [key, , field] = path;
        if (path.length === 1 && LISTS.has(key)) {
            throw shapeError(path, `expected a list, got ${describeValue(value)}`);
        }
        if (path.length === 2 && key === 'Results') {
            throw shapeError(path, `expected an object, got ${describeValue(value)}`);
        }
        if (path.length === 3 &&
            (field === 'Vulnerabilities' || field === 'ExperimentalModifiedFindings')) {
            throw shapeError(path, `expected a list, got ${describeValue(value)}`);
        }
        if (path.length === 1) {
            this.top[key] = value;
        }
        else if (key === 'matches') {
            this.addGrypeMatch(value, path);
        }
        else if (key === 'ignoredMatches') {
            const match = value;
            this.upstream.push({ finding: this.grype(match, path), reason: grypeIgnoredReason(match) });
        }
        else if (field === 'Target') {
            if (typeof value !== 'string') {
                throw shapeError(path, `expected a string, got ${describeValue(value)}`);
            }
            this.resultTarget = value;
        }
        else if (field === 'Vulnerabilities') {
            this.findings.push(this.trivy(value, path));
        }
        else if (field === 'ExperimentalModifiedFindings') {
            if (!isObject(value))
                throw shapeError(path, `expected an object, got ${describeValue(value)}`);
            const entry = value;
            if (entry.Type === 'vulnerability') {
                this.upstream.push({
                    finding: this.trivy(entry.Finding, path),
                    reason: trivyModifiedReason(entry)
                });
            }
        }
    }
    addGrypeMatch(match, path) {
        const finding = this.grype(match, path);
        this.grypeMatches++;
        if (grypeHasFixBlock(match))
            this.grypeWithFix++;
        this.findings.push(finding);
    }
    grype(match, path) {
        try {
            return grypeFinding(match, '');
        }
        catch (error) {
            if (error instanceof ShapeError)
                throw new ReportError(error.describe(path));
            throw new ReportError(`${jsonPathText(path)}: ${(0,core_errors/* errorMessage */.gJ)(error)}`);
        }
    }
    trivy(raw, path) {
        try {
            return trivyFinding(raw, '', this.describe);
        }
        catch (error) {
            const at = path[2] === 'ExperimentalModifiedFindings' ? [...path, 'Finding'] : path;
            if (error instanceof ShapeError)
                throw new ReportError(error.describe(at));
            throw new ReportError(`${jsonPathText(at)}: ${(0,core_errors/* errorMessage */.gJ)(error)}`);
        }
    }
    /** One copy of the long texts per vulnerability ID; 100,000 findings share a few thousand. */
    describe = (id, raw) => {
        const known = this.texts.get(id);
        if (known)
            return known;
        const texts = textsOf(raw);
        this.texts.set(id, texts);
        return texts;
    };
    report(file) {
        const top = this.top;
        if ('SchemaVersion' in top || 'Results' in top)
            return this.trivyReport(file);
        if (this.lists.has('matches') || 'descriptor' in top)
            return this.grypeReport(file);
        throw new ReportError('not a Trivy or Grype JSON report (no SchemaVersion, Results or matches); write it with --format json (Trivy) or -o json (Grype)', { file });
    }
    trivyReport(file) {
        const top = this.top;
        if (top.SchemaVersion !== 2) {
            throw new ReportError(`Trivy report SchemaVersion ${JSON.stringify(top.SchemaVersion ?? null)} is not supported (expected 2)`, { file });
        }
        for (const key of ['Metadata', 'Trivy']) {
            if (top[key] !== undefined && !isObject(top[key])) {
                throw new ReportError(`${key}: expected an object, got ${describeValue(top[key])}`, {
                    file
                });
            }
        }
        checkMetadata(top, file, [
            [['Metadata', 'RepoDigests'], 'list'],
            [['Metadata', 'RepoTags'], 'list'],
            [['Trivy', 'Version'], 'string'],
            [['ArtifactName'], 'string']
        ]);
        const metadata = (top.Metadata ?? {});
        const name = typeof top.ArtifactName === 'string' ? top.ArtifactName : '';
        const references = [...(metadata.RepoDigests ?? []), ...(metadata.RepoTags ?? [])].filter((r) => r.length > 0);
        if (top.ArtifactType === 'container_image' && name)
            references.push(name);
        const version = top.Trivy?.Version;
        return {
            scanner: 'trivy',
            ...(version ? { scannerVersion: version } : {}),
            file,
            artifact: artifactOf(name, references),
            ...dateField('createdAt', top.CreatedAt),
            findings: this.findings,
            upstreamSuppressed: this.upstream,
            hasFixInfo: true,
            scannedTargets: this.results
        };
    }
    grypeReport(file) {
        const top = this.top;
        if (!isObject(top.descriptor)) {
            throw new ReportError(`descriptor: expected the object Grype writes, got ${describeValue(top.descriptor)}`, { file });
        }
        if (top.descriptor.name !== 'grype') {
            throw new ReportError(`descriptor.name: expected "grype", got ${describeValue(top.descriptor.name)}`, { file });
        }
        if (!this.lists.has('matches')) {
            throw new ReportError('matches: missing (Grype writes a list of matches, empty when it found nothing)', { file });
        }
        if (top.source !== undefined && !isObject(top.source)) {
            throw new ReportError(`source: expected an object, got ${describeValue(top.source)}`, {
                file
            });
        }
        checkMetadata(top, file, [
            [['descriptor', 'version'], 'string'],
            [['descriptor', 'timestamp'], 'string'],
            [['source', 'type'], 'string'],
            [['source', 'target', 'userInput'], 'string'],
            [['source', 'target', 'manifestDigest'], 'string'],
            [['source', 'target', 'repoDigests'], 'list'],
            [['source', 'target', 'tags'], 'list']
        ]);
        const descriptor = top.descriptor;
        const source = (top.source ?? {});
        const target = source.target;
        const name = typeof target === 'string' ? target : (target?.userInput ?? '');
        const references = typeof target === 'object' && target
            ? [
                ...(target.repoDigests ?? []),
                ...(target.tags ?? []),
                ...(target.userInput ? [target.userInput] : [])
            ]
            : [];
        const artifact = artifactOf(name, source.type === 'image' ? references : []);
        if (typeof target === 'object' && target?.manifestDigest) {
            artifact.digests.push(target.manifestDigest.toLowerCase());
        }
        for (const finding of this.findings)
            if (!finding.target)
                finding.target = name;
        const version = descriptor.version && !descriptor.version.startsWith('[') ? descriptor.version : undefined;
        return {
            scanner: 'grype',
            ...(version ? { scannerVersion: version } : {}),
            file,
            artifact,
            ...dateField('createdAt', descriptor.timestamp),
            ...dateField('dbBuiltAt', descriptor.db?.built ?? descriptor.db?.status?.built),
            findings: this.findings,
            upstreamSuppressed: this.upstream,
            hasFixInfo: this.grypeWithFix === this.grypeMatches
        };
    }
}
/** Fields of a Trivy vulnerability no finding uses: References alone is a third of a report. */
const UNUSED_VULNERABILITY_FIELDS = [
    'References',
    'CweIDs',
    'VendorSeverity',
    'Layer',
    'PublishedDate',
    'LastModifiedDate',
    'PkgID',
    'Fingerprint'
];
/** Top-level lists: Trivy's Results, Grype's matches and ignoredMatches. */
const LISTS = new Set(['Results', 'matches', 'ignoredMatches']);
/** Every key Trivy (pkg/types/report.go) or Grype (presenter/models/document.go) writes at the top. */
const KNOWN_TOP_LEVEL = [
    'SchemaVersion',
    'ReportID',
    'CreatedAt',
    'ArtifactID',
    'ArtifactName',
    'ArtifactType',
    'Metadata',
    'Results',
    'Trivy',
    'matches',
    'ignoredMatches',
    'source',
    'distro',
    'descriptor',
    'alertsByPackage'
];
/** The keys of a Trivy Result (pkg/types/report.go). */
const TRIVY_RESULT_KEYS = [
    'Target',
    'Class',
    'Type',
    'Packages',
    'Vulnerabilities',
    'MisconfSummary',
    'Misconfigurations',
    'Secrets',
    'Licenses',
    'CustomResources',
    'ExperimentalModifiedFindings'
];
function refuseMisspelled(path, known) {
    const key = path[path.length - 1];
    const meant = typeof key === 'string' ? misspelledKey(key, known) : undefined;
    if (meant)
        throw shapeError(path, `not a key the scanner writes (it writes ${meant})`);
}
/**
 * What names the artifact (matched against VEX products) and the scanner: strings, and lists of
 * strings, where present. The scanner writes nothing else there.
 */
function checkMetadata(top, file, fields) {
    for (const [path, kind] of fields) {
        let value = top;
        for (const key of path)
            value = isObject(value) ? value[key] : undefined;
        if (value === undefined)
            continue;
        const ok = kind === 'string'
            ? typeof value === 'string'
            : Array.isArray(value) && value.every((item) => typeof item === 'string');
        if (!ok) {
            const wanted = kind === 'string' ? 'a string' : 'a list of strings';
            throw new ReportError(`${jsonPathText(path)}: expected ${wanted}, got ${describeValue(value)}`, {
                file
            });
        }
    }
}
function shapeError(path, message) {
    return new ReportError(`${jsonPathText(path)}: ${message}`);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const TOP_LEVEL = new Set([
    'SchemaVersion',
    'CreatedAt',
    'ArtifactName',
    'ArtifactType',
    'Trivy',
    'Metadata',
    'descriptor',
    'source',
    'distro'
]);
function artifactOf(name, references) {
    const repositories = [...new Set(references.map(repositoryOf).filter((r) => r.length > 0))];
    const digests = [...new Set(references.map(digestOf).filter((d) => d !== undefined))];
    return { name, repositories, digests };
}
function dateField(key, value) {
    if (typeof value !== 'string' || value.length === 0)
        return {};
    const time = Date.parse(value);
    return Number.isNaN(time) ? {} : { [key]: new Date(time) };
}

;// CONCATENATED MODULE: ./src/core/scan/output.ts


/** `slipway scan gate --format json`: exactly verdict, counts, blocking and suppressed. */
function gateJson(result) {
    return {
        verdict: result.verdict,
        counts: result.counts,
        blocking: result.blocking.map(publicFinding),
        suppressed: result.suppressed.map((s) => ({
            ...publicFinding(s.finding),
            suppressedBy: s.by,
            reason: s.reason,
            ...(s.source ? { source: s.source } : {})
        }))
    };
}
function output_countsText(counts) {
    return findings_SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ');
}
/** The one line that says why the gate failed (or that it passed). */
function output_verdictLine(result) {
    if (result.failClosed)
        return `scan gate failed closed: ${result.failClosed}`;
    const threshold = result.policy.failOn;
    if (result.verdict === 'pass') {
        return `scan gate passed: no findings at or above ${threshold} (${output_countsText(result.counts)})`;
    }
    const n = result.blocking.length;
    const bySeverity = findings_SEVERITIES.map((s) => [s, result.blocking.filter((f) => f.severity === s).length])
        .filter(([, count]) => count > 0)
        .map(([s, count]) => `${count} ${s}`)
        .join(', ');
    const ids = result.blocking
        .slice(0, 3)
        .map((f) => `${f.id} (${f.package})`)
        .join(', ');
    const more = n > 3 ? `, and ${n - 3} more` : '';
    return `scan gate failed: ${n} finding${n === 1 ? '' : 's'} at or above ${threshold} (${bySeverity}): ${ids}${more}`;
}
/** The human output of `slipway scan gate`. */
function gateText(result, limit = 50) {
    const lines = [output_verdictLine(result)];
    if (!result.failClosed || result.findings.length > 0)
        lines.push(`counts: ${output_countsText(result.counts)}`);
    if (result.blocking.length > 0) {
        lines.push('blocking:');
        for (const f of result.blocking.slice(0, limit)) {
            lines.push(`  ${f.severity.padEnd(8)} ${f.id} ${f.package} ${f.installed} -> ${f.fixed ?? 'no fix'}`);
        }
        if (result.blocking.length > limit)
            lines.push(`  ... and ${result.blocking.length - limit} more`);
    }
    if (result.inBaseline.length > 0) {
        lines.push(`not blocking, already in the baseline (only-new): ${result.inBaseline.length}`);
    }
    if (result.suppressed.length > 0) {
        lines.push('suppressed:');
        for (const s of result.suppressed.slice(0, limit)) {
            lines.push(`  ${s.finding.id} ${s.finding.package} ${s.finding.installed}: ${s.reason}`);
        }
        if (result.suppressed.length > limit)
            lines.push(`  ... and ${result.suppressed.length - limit} more`);
    }
    for (const { entry, matches } of result.expired) {
        const date = entry.expires ? allowlist_formatDate(entry.expires) : '';
        const effect = matches > 0 ? `; ${matches} finding${matches === 1 ? '' : 's'} count again` : '';
        lines.push(`expired allowlist entry: ${entry.id} (expired ${date}, ${entry.source.file}:${entry.source.line ?? 1})${effect}`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
;// CONCATENATED MODULE: ./src/core/scan/sarif.ts





const GITHUB_MAX_RESULTS = 25_000;
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    unknown: 'note'
};
/** GitHub's bands for security-severity, and a score inside each (Trivy's fallbacks). */
const BAND = {
    critical: [9.0, 10.0, 9.5],
    high: [7.0, 8.9, 8.0],
    medium: [4.0, 6.9, 5.5],
    low: [0.1, 3.9, 2.0]
};
function toSarif(report, result, options) {
    // Blocking findings first, then the others by severity, then the suppressed: when GitHub's
    // limit cuts the list, what matters most is kept.
    const blocking = new Set(result.blocking);
    const entries = [
        ...result.blocking.map((finding) => ({ finding, blocking: true })),
        ...result.findings
            .filter((finding) => !blocking.has(finding))
            .map((finding) => ({ finding, blocking: false })),
        ...result.suppressed.map((suppression) => ({
            finding: suppression.finding,
            blocking: false,
            suppression
        }))
    ];
    const max = options.maxResults ?? GITHUB_MAX_RESULTS;
    const kept = entries.slice(0, max);
    const rules = [];
    const ruleIndex = new Map();
    const byRule = new Map();
    for (const { finding } of kept) {
        const list = byRule.get(finding.id);
        if (list)
            list.push(finding);
        else
            byRule.set(finding.id, [finding]);
    }
    for (const [id, findings] of byRule) {
        ruleIndex.set(id, rules.length);
        rules.push(ruleOf(id, findings));
    }
    const results = kept.map(({ finding, suppression }) => ({
        ruleId: finding.id,
        ruleIndex: ruleIndex.get(finding.id),
        level: LEVEL[finding.severity],
        message: { text: messageOf(finding) },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: options.dockerfile, uriBaseId: '%SRCROOT%' },
                    region: { startLine: options.line, startColumn: 1, endLine: options.line, endColumn: 1 }
                },
                message: {
                    text: `${finding.package} ${finding.installed} in ${finding.target || 'the image'}`
                }
            }
        ],
        partialFingerprints: fingerprints(finding),
        properties: {
            package: finding.package,
            installedVersion: finding.installed,
            ...(finding.fixed ? { fixedVersion: finding.fixed } : {}),
            severity: finding.severity,
            status: finding.status,
            target: finding.target,
            ...(finding.purl ? { purl: finding.purl } : {})
        },
        ...(suppression && suppression.by !== 'ignore-unfixed'
            ? {
                suppressions: [
                    {
                        kind: 'external',
                        status: 'accepted',
                        justification: suppression.source
                            ? `${suppression.reason} [${suppression.source}]`
                            : suppression.reason
                    }
                ]
            }
            : {})
    }));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'slipway',
                        informationUri: 'https://github.com/acme/slipway',
                        version: options.toolVersion,
                        rules
                    }
                },
                results,
                properties: {
                    scanner: report.scanner,
                    ...(report.scannerVersion ? { scannerVersion: report.scannerVersion } : {}),
                    artifact: report.artifact.name,
                    ...(report.artifact.digests.length > 0 ? { digests: report.artifact.digests } : {}),
                    verdict: result.verdict,
                    ...(entries.length > kept.length
                        ? {
                            truncated: `${entries.length - kept.length} of ${entries.length} findings left out (GitHub accepts ${max} results per run)`
                        }
                        : {})
                }
            }
        ]
    };
}
function ruleOf(id, findings) {
    const worst = findings.reduce((a, b) => severityRank(b.severity) > severityRank(a.severity) ? b : a);
    const severity = worst.severity;
    const score = securitySeverity(severity, findings.map((f) => f.score));
    const described = findings.find((f) => f.description) ?? worst;
    const title = worst.title || id;
    const url = findings.find((f) => f.url)?.url;
    const packages = [...new Set(findings.map((f) => `${f.package} ${f.installed}`))];
    const text = [
        `${id} (${severity.toUpperCase()}): ${shortText(title, 200)}`,
        `Packages: ${packages.slice(0, 20).join(', ')}${packages.length > 20 ? ', ...' : ''}`,
        ...(url ? [`More: ${url}`] : [])
    ].join('\n\n');
    const markdown = [
        `**${id}** · ${severity.toUpperCase()}${score ? ` · security severity ${score}` : ''}`,
        escapeMarkdown(described.description ?? title),
        `| Package | Installed | Fixed |\n| --- | --- | --- |\n${findings
            .slice(0, 20)
            .map((f) => `| ${escapeMarkdown(f.package)} | ${escapeMarkdown(f.installed)} | ${escapeMarkdown(f.fixed ?? 'none')} |`)
            .join('\n')}`,
        ...(url ? [`[${url}](${url})`] : [])
    ].join('\n\n');
    return {
        id,
        name: ruleName(id),
        shortDescription: { text: shortText(title, 200) },
        fullDescription: { text: shortText(described.description ?? title, 1000) },
        ...(url ? { helpUri: url } : {}),
        help: { text, markdown },
        defaultConfiguration: { level: LEVEL[severity] },
        properties: {
            tags: ['security', 'vulnerability', severity.toUpperCase()],
            precision: 'very-high',
            ...(score ? { 'security-severity': score } : {})
        }
    };
}
/** The CVSS score when it agrees with the severity (GitHub ranks alerts by it), else the band's. */
function securitySeverity(severity, scores) {
    if (severity === 'unknown')
        return undefined;
    const [low, high, fallback] = BAND[severity];
    const fitting = scores.filter((s) => s !== undefined && s >= low && s <= high);
    return (fitting.length > 0 ? Math.max(...fitting) : fallback).toFixed(1);
}
function messageOf(finding) {
    const fix = finding.fixed ? `fixed in ${finding.fixed}` : 'no fixed version';
    const title = finding.title ? `: ${finding.title}` : '';
    return `${finding.id} in ${finding.package} ${finding.installed} (${finding.severity}, ${fix})${title}`;
}
/** Stable across runs for the same vulnerability in the same package version. */
function fingerprints(finding) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(findingKey(finding)).digest('hex');
    return { 'slipway/finding/v1': hash, primaryLocationLineHash: `${hash.slice(0, 16)}:1` };
}
/** A rule name in SARIF's identifier style. */
function ruleName(id) {
    return id.replace(/[^A-Za-z0-9]+/g, '_');
}
function escapeMarkdown(text) {
    return text.replace(/[|\\`*_<>[\]]/g, '\\$&').replace(/\r?\n/g, ' ');
}
/** The line of the last FROM (the final stage's base image), or 1. */
function baseImageLine(dockerfile) {
    if (!dockerfile)
        return 1;
    const lines = dockerfile.split(/\r?\n/);
    for (let i = lines.length - 1; i >= 0; i--) {
        if (/^\s*FROM\s/i.test(lines[i]))
            return i + 1;
    }
    return 1;
}
/**
 * Writes a SARIF log as JSON, one rule and one result at a time: 25,000 results with their rules
 * are tens of megabytes as one string (twice that as UTF-16), which would double the peak memory.
 */
async function writeSarif(file, sarif) {
    const [run] = sarif.runs;
    const { rules, ...driver } = run.tool.driver;
    const { results, tool, ...rest } = run;
    void tool;
    const out = (0,external_node_fs_.createWriteStream)(file);
    const done = new Promise((resolve, reject) => {
        out.on('finish', resolve);
        out.on('error', reject);
    });
    // Pieces are gathered into writes of about a megabyte: a write per result costs more than
    // stringifying it.
    let pending = '';
    const write = async (text) => {
        pending += text;
        if (pending.length < 1 << 20)
            return;
        const chunk = pending;
        pending = '';
        if (!out.write(chunk))
            await (0,external_node_events_.once)(out, 'drain');
    };
    const open = (value) => JSON.stringify(value).slice(0, -1);
    await write(`${open({ $schema: sarif.$schema, version: sarif.version })},"runs":[`);
    await write(`${open(rest)},"tool":{"driver":${open(driver)},"rules":[`);
    for (const [i, rule] of rules.entries())
        await write((i ? ',' : '') + JSON.stringify(rule));
    await write(']}},"results":[');
    for (const [i, result] of results.entries())
        await write((i ? ',' : '') + JSON.stringify(result));
    out.end(pending + ']}]}\n');
    await done;
}

// EXTERNAL MODULE: ./src/core/summary-text.ts
var summary_text = __webpack_require__(88615);
;// CONCATENATED MODULE: ./src/core/scan/summary.ts




function gateSummary(result, report, options = {}) {
    const rows = options.rows ?? 100;
    const icon = result.verdict === 'pass' ? '✅' : '❌';
    const parts = [
        `## ${icon} Image scan: ${result.verdict}`,
        '',
        summaryText(verdictLine(result)),
        ''
    ];
    if (report)
        parts.push(`${describeReport(report, result)}`, '');
    parts.push(`| Severity | Findings | Blocking |`, `| --- | ---: | ---: |`, ...SEVERITIES.map((s) => `| ${s} | ${result.counts[s]} | ${result.blocking.filter((f) => f.severity === s).length} |`), '', `Policy: fail on ${result.policy.failOn} or higher${result.policy.ignoreUnfixed ? ', ignoring findings without a fix' : ''}. Counts are distinct (vulnerability, package, version) findings after suppression.`, '');
    if (result.blocking.length > 0) {
        parts.push(`### Blocking findings (${result.blocking.length})`, '', findingTable(result.blocking.slice(0, rows)), ...more(result.blocking.length, rows), '');
    }
    if (result.inBaseline.length > 0) {
        parts.push(`${result.inBaseline.length} finding(s) at or above ${result.policy.failOn} are also in the baseline and do not block (only-new).`, '');
    }
    const expired = result.expired;
    if (expired.length > 0) {
        parts.push(`### Expired allowlist entries (${expired.length})`, '', 'These entries no longer suppress anything; renew them with a new date or fix the findings.', '', '| ID | Expired | Where | Findings it covered |', '| --- | --- | --- | ---: |', ...expired.map(({ entry, matches }) => `| ${cell(entry.id)} | ${entry.expires ? formatDate(entry.expires) : ''} | ${cell(`${entry.source.file}:${entry.source.line ?? 1}`)} | ${matches} |`), '');
    }
    if (result.suppressed.length > 0) {
        parts.push(`### Suppressed (${result.suppressed.length})`, '', '| ID | Severity | Package | Installed | By | Reason |', '| --- | --- | --- | --- | --- | --- |', ...result.suppressed
            .slice(0, rows)
            .map((s) => `| ${cell(s.finding.id)} | ${s.finding.severity} | ${cell(s.finding.package)} | ${cell(s.finding.installed)} | ${s.by} | ${cell(s.source ? `${s.reason} (${s.source})` : s.reason)} |`), ...more(result.suppressed.length, rows), '');
    }
    const files = [
        options.reportPath ? `full report: ${markdownCode(options.reportPath)}` : '',
        options.sarifPath ? `SARIF: ${markdownCode(options.sarifPath)}` : ''
    ].filter(Boolean);
    if (files.length > 0)
        parts.push(files.join(' · '), '');
    return parts.join('\n');
}
function describeReport(report, result) {
    const scanner = report.scannerVersion
        ? `${report.scanner} ${report.scannerVersion}`
        : report.scanner;
    const artifact = report.artifact.name ? ` of ${markdownCode(report.artifact.name)}` : '';
    const age = result.dataAge ? `; ${result.dataAge.what} ${result.dataAge.at.toISOString()}` : '';
    return `Scanned by ${cell(scanner)}${artifact}${age}. ${countsText(result.counts)}.`;
}
function findingTable(findings) {
    return [
        '| ID | Severity | Package | Installed | Fixed | Target |',
        '| --- | --- | --- | --- | --- | --- |',
        ...findings.map((f) => `| ${summaryLink(f.url, f.id)} | ${f.severity} | ${cell(f.package)} | ${cell(f.installed)} | ${cell(f.fixed ?? 'no fix')} | ${cell(f.target)} |`)
    ].join('\n');
}
function more(total, shown) {
    return total > shown
        ? ['', `… and ${total - shown} more; see the full report and the SARIF file.`]
        : [];
}
const cell = (/* unused pure expression or super */ null && (summaryText));

;// CONCATENATED MODULE: ./src/core/scan/index.ts











/**
 * Reads everything the gate needs and applies it. Mistakes in the allowlist or VEX files are
 * UserErrors with file and line; a report that cannot be read fails the gate closed.
 */
async function runGate(options) {
    const allowlist = await loadAllowlists(options.allowlists ?? []);
    checkExpiryHorizon(allowlist, options.now ?? new Date(), options.allowlistMaxExpiryMs ?? DEFAULT_ALLOWLIST_MAX_EXPIRY_MS);
    const vex = [];
    for (const [order, file] of (options.vex ?? []).entries())
        vex.push(...(await loadVex(file, order)));
    const report = await readOrFail(options.reportFile, options.scanner);
    if ('failed' in report)
        return { result: failedGate(options.policy, report.failed) };
    let baseline;
    if (options.baselineFile) {
        const read = await readOrFail(options.baselineFile);
        if ('failed' in read)
            return { result: failedGate(options.policy, `baseline: ${read.failed}`), report };
        baseline = read;
    }
    const result = evaluateGate({
        report,
        policy: options.policy,
        allowlist,
        vex,
        ...(baseline ? { baseline } : {}),
        now: options.now ?? new Date(),
        ...(options.dbUpdatedAt ? { dbUpdatedAt: options.dbUpdatedAt } : {})
    });
    return { result, report };
}
async function readOrFail(file, scanner) {
    try {
        return await readReport(file, scanner);
    }
    catch (error) {
        if (error instanceof ReportError)
            return { failed: (0,core_errors/* formatUserError */.XR)(error) };
        throw error;
    }
}

// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(83323);
;// CONCATENATED MODULE: ./src/cli/scan.ts









const SCAN_HELP = `Usage: slipway scan gate --report FILE [options]

Applies the vulnerability policy to a Trivy or Grype JSON report and prints the verdict.

  --report FILE          the scanner's JSON report (required)
  --scanner trivy|grype  expect this scanner's report (default: whichever it is)
  --fail-on SEVERITY     lowest severity that fails: critical, high, medium, low (default: high)
  --ignore-unfixed       findings without a fixed version do not count
  --allowlist FILE       allowlist (slipway YAML, .trivyignore or .trivyignore.yaml); repeatable
  --vex FILE             OpenVEX or CycloneDX VEX document; repeatable
  --baseline FILE        report of the baseline image: only findings absent from it block
  --max-db-age DURATION  fail when the vulnerability data is older (e.g. 72h); default: no check
  --allow-empty-report   pass a Trivy report without Results (default: it fails, nothing was scanned)
  --sarif OUT            also write SARIF 2.1.0 for GitHub code scanning
  --dockerfile FILE      the Dockerfile SARIF results point at (default: Dockerfile)
  --config FILE          take defaults from the scan section of this slipway.yaml
  --format text|json     json prints {"verdict", "counts", "blocking", "suppressed"}

Exit codes: 0 pass, 1 fail (or a report that cannot be read), 2 usage error.
`;
const USAGE = 2;
/** `slipway scan <subcommand>`; today `gate`. */
async function scanCommand(args, io) {
    const [subcommand, ...rest] = args;
    if (subcommand !== 'gate') {
        io.err(`slipway scan: ${subcommand ? `unknown subcommand "${subcommand}"` : 'missing subcommand'} (see slipway scan --help)\n`);
        return USAGE;
    }
    const options = parseGateArgs(rest);
    if (typeof options === 'string') {
        io.err(`slipway scan gate: ${options}\n`);
        return USAGE;
    }
    const resolve = (file) => external_node_path_default().resolve(io.cwd, file);
    const scan = options.config ? (await (0,config/* loadConfig */.Z9)(resolve(options.config))).scan : undefined;
    const maxDbAge = options.maxDbAge ?? scan?.['max-db-age'];
    const { result, report } = await runGate({
        reportFile: resolve(options.report),
        ...(options.scanner ? { scanner: options.scanner } : {}),
        policy: {
            failOn: options.failOn ?? scan?.['fail-on'] ?? 'high',
            ignoreUnfixed: options.ignoreUnfixed || (scan?.['ignore-unfixed'] ?? false),
            allowEmptyReport: options.allowEmptyReport || (scan?.['allow-empty-report'] ?? false),
            ...(maxDbAge ? { maxDbAgeMs: (0,duration/* parseDuration */.E)(maxDbAge) } : {})
        },
        allowlists: (options.allowlist.length > 0
            ? options.allowlist
            : scan?.allowlist
                ? [scan.allowlist]
                : []).map(resolve),
        vex: [...(scan?.vex ?? []), ...options.vex].map(resolve),
        ...(options.baseline ? { baselineFile: resolve(options.baseline) } : {}),
        ...(scan ? { allowlistMaxExpiryMs: (0,duration/* parseDuration */.E)(scan['allowlist-max-expiry']) } : {})
    });
    if (options.sarif && report) {
        const dockerfile = options.dockerfile ?? 'Dockerfile';
        const dockerfilePath = resolve(dockerfile);
        const text = (0,external_node_fs_.existsSync)(dockerfilePath) ? (0,external_node_fs_.readFileSync)(dockerfilePath, 'utf8') : undefined;
        const sarif = toSarif(report, result, {
            dockerfile: dockerfile.split((external_node_path_default()).sep).join('/'),
            line: baseImageLine(text),
            toolVersion: version/* VERSION */.x
        });
        await (0,promises_.mkdir)(external_node_path_default().dirname(resolve(options.sarif)), { recursive: true });
        await writeSarif(resolve(options.sarif), sarif);
    }
    if (options.format === 'json') {
        io.out(JSON.stringify(gateJson(result), null, 2) + '\n');
        if (result.failClosed)
            io.err(`slipway scan gate: ${result.failClosed}\n`);
    }
    else {
        io.out(gateText(result));
    }
    return result.verdict === 'pass' ? 0 : 1;
}
/** The options, or what is wrong with them. */
function parseGateArgs(args) {
    let values;
    try {
        values = (0,external_node_util_.parseArgs)({
            args,
            allowPositionals: false,
            options: {
                report: { type: 'string' },
                scanner: { type: 'string' },
                'fail-on': { type: 'string' },
                'ignore-unfixed': { type: 'boolean' },
                'allow-empty-report': { type: 'boolean' },
                allowlist: { type: 'string', multiple: true },
                vex: { type: 'string', multiple: true },
                baseline: { type: 'string' },
                'max-db-age': { type: 'string' },
                sarif: { type: 'string' },
                dockerfile: { type: 'string' },
                config: { type: 'string' },
                format: { type: 'string' }
            }
        }).values;
    }
    catch (error) {
        return (0,core_errors/* errorMessage */.gJ)(error);
    }
    if (!values.report)
        return '--report is required';
    const oneOf = (flag, value, allowed) => value === undefined || allowed.includes(value)
        ? undefined
        : `--${flag} must be one of ${allowed.join(', ')}, got "${value}"`;
    const problem = oneOf('scanner', values.scanner, SCANNERS) ??
        oneOf('fail-on', values['fail-on'], FAIL_ON) ??
        oneOf('format', values.format, ['text', 'json']);
    if (problem)
        return problem;
    const maxDbAge = values['max-db-age'];
    if (maxDbAge !== undefined && (0,duration/* parseDuration */.E)(maxDbAge) === undefined) {
        return `--max-db-age must be a duration such as 72h or 3d, got "${maxDbAge}"`;
    }
    return {
        report: values.report,
        ...(values.scanner ? { scanner: values.scanner } : {}),
        ...(values['fail-on'] ? { failOn: values['fail-on'] } : {}),
        ignoreUnfixed: values['ignore-unfixed'] ?? false,
        allowEmptyReport: values['allow-empty-report'] ?? false,
        allowlist: values.allowlist ?? [],
        vex: values.vex ?? [],
        ...(values.baseline ? { baseline: values.baseline } : {}),
        ...(maxDbAge ? { maxDbAge } : {}),
        ...(values.sarif ? { sarif: values.sarif } : {}),
        ...(values.dockerfile ? { dockerfile: values.dockerfile } : {}),
        ...(values.config ? { config: values.config } : {}),
        format: values.format === 'json' ? 'json' : 'text'
    };
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
