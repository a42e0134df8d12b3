export const id = 989;
export const ids = [989];
export const modules = {

/***/ 85989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VALIDATE_HELP: () => (/* binding */ VALIDATE_HELP),
  validateCommand: () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: ./src/core/config/index.ts + 1 modules
var config = __webpack_require__(27244);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./node_modules/@actions/workflow-parser/dist/index.js + 92 modules
var dist = __webpack_require__(45162);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/core/input-file.ts
var input_file = __webpack_require__(27906);
// EXTERNAL MODULE: ./src/core/yaml-nesting.ts
var yaml_nesting = __webpack_require__(3535);
;// CONCATENATED MODULE: ./src/cli/workflows.ts







/** Validates every workflow file in `dir` with GitHub's own workflow parser. */
async function validateWorkflows(dir) {
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
    }
    catch {
        return [];
    }
    const problems = [];
    for (const name of names) {
        const file = external_node_path_default().join(dir, name);
        let content;
        try {
            content = (0,input_file/* readInputFile */.jH)(file, input_file/* INPUT_LIMITS */.Ef.configBytes, 'workflow file');
        }
        catch (error) {
            if (!(error instanceof errors/* UserError */.yo))
                throw error;
            problems.push(...(error instanceof errors/* UserErrors */.tQ ? error.errors : [error]));
            continue;
        }
        // GitHub's parser expands aliases without a bound: a few lines can make it run for ever.
        if ((0,yaml_nesting/* tooDeepAt */.U)(content) !== undefined) {
            problems.push(new errors/* InputError */.dz('invalid YAML: nested more than 1000 levels deep', { file }));
            continue;
        }
        if (hasAliasBomb(content)) {
            problems.push(new errors/* InputError */.dz('invalid YAML: too many alias expansions (an alias bomb?)', { file }));
            continue;
        }
        const result = (0,dist/* parseWorkflow */.hM)({ name: file, content }, new dist/* NoOperationTraceWriter */.P0());
        for (const error of result.context.errors.getErrors()) {
            problems.push(new errors/* UserError */.yo(error.rawMessage, {
                file,
                line: error.range?.start.line,
                column: error.range?.start.column
            }));
        }
    }
    return problems;
}
function hasAliasBomb(content) {
    const docs = (0,yaml_dist/* parseAllDocuments */.hR)(content, { uniqueKeys: false });
    try {
        for (const doc of Array.isArray(docs) ? docs : [docs])
            doc.toJS({ maxAliasCount: 100 });
        return false;
    }
    catch (error) {
        return error instanceof ReferenceError && /alias/i.test(error.message);
    }
}

;// CONCATENATED MODULE: ./src/cli/validate.ts




const VALIDATE_HELP = `Usage: slipway validate [--config FILE] [--workflows DIR] [--format text|json]

Checks slipway.yaml against its schema and, when the folder exists, every workflow file
in .github/workflows with GitHub's workflow parser. Prints one line per problem (file:line).
`;
const OPTIONS = {
    config: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    workflows: { type: 'string' }
};
async function validateCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, OPTIONS);
    const format = (0,cli_io/* formatOption */.Bx)(values.format, ['text', 'json']);
    const configFile = values.config ?? config/* DEFAULT_CONFIG_FILE */.Cu;
    const problems = [];
    try {
        await (0,config/* loadConfig */.Z9)(configFile);
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        problems.push(...(error instanceof errors/* UserErrors */.tQ ? error.errors : [error]));
    }
    const workflowDir = values.workflows ?? '.github/workflows';
    problems.push(...(await validateWorkflows(workflowDir)));
    if (format === 'json') {
        const list = problems.map((p) => ({
            file: p.location?.file,
            line: p.location?.line,
            message: p.message
        }));
        io.out(JSON.stringify({ ok: problems.length === 0, problems: list }, null, 2) + '\n');
    }
    else if (problems.length === 0) {
        io.out(`${configFile}: ok\n`);
    }
    else {
        for (const p of problems)
            (0,cli_io/* printProblem */.JN)(io, p);
    }
    if (problems.some(errors/* isInputError */.BT))
        return cli_io/* EXIT */.dc.usage;
    return problems.length === 0 ? cli_io/* EXIT */.dc.ok : cli_io/* EXIT */.dc.failure;
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
