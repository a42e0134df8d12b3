import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 71604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ parseOptions),
/* harmony export */   Bx: () => (/* binding */ formatOption),
/* harmony export */   JN: () => (/* binding */ printProblem),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   w7: () => (/* binding */ annotation)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(74296);


const EXIT = { ok: 0, failure: 1, usage: 2 };
/** A mistake in the command line: exit code 2 and the command's name in the message. */
class UsageError extends Error {
}
/** The values of a command's options; a mistake in them is a UsageError. */
function parseOptions(args, options) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args, options, allowPositionals: false }).values;
    }
    catch (error) {
        throw new UsageError((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error));
    }
}
/** The value of --format: one of `allowed`, the first when not given. */
function formatOption(value, allowed) {
    const format = typeof value === 'string' ? value : allowed[0];
    if (!allowed.includes(format)) {
        throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${format}"`);
    }
    return format;
}
/**
 * One line per problem on stderr; on a GitHub runner also the workflow command that
 * turns it into an annotation on the file and line.
 */
function printProblem(io, problem) {
    io.err(`${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUserError */ .XR)(problem)}\n`);
    io.command?.(annotation('error', problem));
}
/** The workflow command that shows `problem` as an annotation on its file and line. */
function annotation(level, problem) {
    const where = problem.location;
    const props = where
        ? ` file=${escapeProperty(where.file)}${where.line ? `,line=${where.line}` : ''}${where.column ? `,col=${where.column}` : ''}`
        : '';
    return `::${level}${props}::${escapeData(problem.message)}\n`;
}
// The runner's escaping for workflow command data and properties.
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ }),

/***/ 66048:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: EXIT

// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __nccwpck_require__(74296);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __nccwpck_require__(83323);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __nccwpck_require__(71604);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./src/core/runner-output.ts

// The GitHub runner reads every line a step prints, on stdout and stderr, for workflow
// commands: `::name ...::` after leading whitespace, and the legacy `##[name ...]` anywhere in
// the line (actions/runner, ActionCommand.cs). Text slipway prints that carries data from a
// repository, an image, a report or a server goes through inertText; output of a child that
// slipway echoes goes between the lines of a commandFence.
// Line ends as the runner splits lines (\r, \n, \r\n), then whitespace as .NET's TrimStart
// removes it (JavaScript's \s lacks U+0085).
const LINE_START_COMMAND = /(^|[\r\n])([^\S\r\n]|\u0085)*::/g;
/**
 * `text` with every `##[` and every `::` that starts a line escaped as `#\u0023[` and
 * `\u003a:`: JSON strings and YAML double-quoted strings read them back as the same
 * characters, and a person still reads the text.
 */
function inertText(text) {
    let out = text.replace(LINE_START_COMMAND, (match) => `${match.slice(0, -2)}\\u003a:`);
    while (out.includes('##['))
        out = out.replaceAll('##[', '#\\u0023[');
    return out;
}
/**
 * The lines that turn workflow commands off (`::stop-commands::TOKEN`) and on again
 * (`::TOKEN::`), with a random token that echoed output cannot guess.
 */
function commandFence() {
    const token = `slipway-${randomBytes(16).toString('hex')}`;
    return { start: `::stop-commands::${token}`, end: `::${token}::` };
}

;// CONCATENATED MODULE: ./src/cli/runner-io.ts


/**
 * Set by the root action for the command it runs: slipway's own workflow commands go to this
 * file, and the action replays them after the echoed output (which it fences off).
 */
const COMMANDS_FILE_ENV = 'SLIPWAY_COMMANDS_FILE';
/**
 * `io` as it must be on a GitHub runner, which reads every printed line for workflow commands:
 * out and err escape any that data would start (whole lines at a time; `flush` writes a last
 * partial one), and `command` writes slipway's own.
 */
function runnerIo(io, env = process.env) {
    const commandsFile = env[COMMANDS_FILE_ENV];
    const out = lineWriter(io.out);
    const err = lineWriter(io.err);
    return {
        cwd: io.cwd,
        out: out.write,
        err: err.write,
        command: (line) => (commandsFile ? (0,external_node_fs_.appendFileSync)(commandsFile, line) : io.err(line)),
        flush: () => {
            out.flush();
            err.flush();
        }
    };
}
function lineWriter(write) {
    let pending = '';
    return {
        write: (text) => {
            const all = pending + text;
            const end = Math.max(all.lastIndexOf('\n'), all.lastIndexOf('\r'));
            pending = all.slice(end + 1);
            if (end >= 0)
                write(inertText(all.slice(0, end + 1)));
        },
        flush: () => {
            if (pending)
                write(inertText(pending));
            pending = '';
        }
    };
}

;// CONCATENATED MODULE: ./src/cli/main.ts





const processIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd()
};
const HELP = `slipway ${version/* VERSION */.x}: build, scan, render, deploy, judge canaries and promote

Usage: slipway <command> [options]

Commands:
  validate   check slipway.yaml and the workflow files in .github/workflows
  render     render, pin, validate and check the manifests of one environment
  diff       compare a render with an earlier one, object by object
  canary     judge a canary's metric samples against the baseline's: slipway canary judge
  image      copy an image by digest between tags, repositories, registries: slipway image copy
  scan       gate a Trivy or Grype report on the vulnerability policy: slipway scan gate
  deploy     deploy an image to an environment, with automatic rollback on failure
  rollback   put an environment back on an earlier release, as recorded in the cluster
  history    list the releases of an environment, from the cluster
  status     say which release is live in an environment
  promote    promote the digest live in one environment to the next, behind its gates
  schema     print the JSON Schema of slipway.yaml
  help       show this help, or a command's: slipway help render
  version    print the version

Options for every command:
  --config FILE      the config file (default: slipway.yaml)
  --format text|json output format (default: text)

Exit codes: 0 ok; 1 findings, a failed gate or operation; 2 usage error or input that cannot
be read; 3 inconclusive (canary). See docs/cli.md.
`;
// Commands with heavy dependencies load on first use, so `slipway image copy` does not pay
// for the Kubernetes schemas and `slipway validate` not for the registry client.
const lazyCommands = {
    validate: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(162), __nccwpck_require__.e(967), __nccwpck_require__.e(989)]).then(__nccwpck_require__.bind(__nccwpck_require__, 85989));
        return { run: m.validateCommand, help: m.VALIDATE_HELP };
    },
    schema: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(967), __nccwpck_require__.e(68)]).then(__nccwpck_require__.bind(__nccwpck_require__, 43068));
        return {
            run: async (_args, io) => {
                io.out(JSON.stringify(m.configJsonSchema(), null, 2) + '\n');
                return cli_io/* EXIT */.dc.ok;
            },
            help: 'Usage: slipway schema\n\nPrints the JSON Schema of slipway.yaml.\n'
        };
    },
    render: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(356), __nccwpck_require__.e(967), __nccwpck_require__.e(764)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2764));
        return { run: m.renderCommand, help: m.RENDER_HELP };
    },
    diff: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(356), __nccwpck_require__.e(967), __nccwpck_require__.e(764)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2764));
        return { run: m.diffCommand, help: m.DIFF_HELP };
    },
    canary: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(752), __nccwpck_require__.e(967), __nccwpck_require__.e(164)]).then(__nccwpck_require__.bind(__nccwpck_require__, 46164));
        return { run: m.canaryCommand, help: m.CANARY_HELP };
    },
    image: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(974), __nccwpck_require__.e(111)]).then(__nccwpck_require__.bind(__nccwpck_require__, 91111));
        return { run: m.imageCommand, help: m.IMAGE_HELP };
    },
    scan: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(967), __nccwpck_require__.e(911)]).then(__nccwpck_require__.bind(__nccwpck_require__, 47911));
        return { run: m.scanCommand, help: m.SCAN_HELP };
    },
    deploy: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(356), __nccwpck_require__.e(967), __nccwpck_require__.e(764), __nccwpck_require__.e(698), __nccwpck_require__.e(495)]).then(__nccwpck_require__.bind(__nccwpck_require__, 72698));
        return { run: m.deployCommand, help: m.DEPLOY_HELP };
    },
    rollback: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(356), __nccwpck_require__.e(967), __nccwpck_require__.e(764), __nccwpck_require__.e(698), __nccwpck_require__.e(495)]).then(__nccwpck_require__.bind(__nccwpck_require__, 72698));
        return { run: m.rollbackCommand, help: m.ROLLBACK_HELP };
    },
    history: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(356), __nccwpck_require__.e(967), __nccwpck_require__.e(764), __nccwpck_require__.e(698), __nccwpck_require__.e(495)]).then(__nccwpck_require__.bind(__nccwpck_require__, 72698));
        return { run: m.historyCommand, help: m.HISTORY_HELP };
    },
    status: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(356), __nccwpck_require__.e(967), __nccwpck_require__.e(764), __nccwpck_require__.e(698), __nccwpck_require__.e(495)]).then(__nccwpck_require__.bind(__nccwpck_require__, 72698));
        return { run: m.statusCommand, help: m.STATUS_HELP };
    },
    promote: async () => {
        const m = await Promise.all(/* import() */[__nccwpck_require__.e(311), __nccwpck_require__.e(815), __nccwpck_require__.e(356), __nccwpck_require__.e(967), __nccwpck_require__.e(764), __nccwpck_require__.e(974), __nccwpck_require__.e(698), __nccwpck_require__.e(725)]).then(__nccwpck_require__.bind(__nccwpck_require__, 36725));
        return { run: m.promoteCommand, help: m.PROMOTE_HELP };
    }
};
const commands = {
    ...Object.fromEntries(Object.entries(lazyCommands).map(([name, load]) => [
        name,
        async (args, io) => (await load()).run(args, io)
    ])),
    version: async (_args, io) => {
        io.out(`${version/* VERSION */.x}\n`);
        return cli_io/* EXIT */.dc.ok;
    },
    help: async (args, io) => {
        const lazy = lazyCommands[args[0]];
        io.out(lazy ? (await lazy()).help : HELP);
        return cli_io/* EXIT */.dc.ok;
    }
};
async function main(argv, io = processIo) {
    if (process.env.GITHUB_ACTIONS !== 'true')
        return run(argv, io);
    const onRunner = runnerIo(io);
    try {
        return await run(argv, onRunner);
    }
    finally {
        onRunner.flush();
    }
}
async function run(argv, io) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h') {
        io.out(HELP);
        return name ? cli_io/* EXIT */.dc.ok : cli_io/* EXIT */.dc.usage;
    }
    if (name === '--version')
        return commands.version([], io);
    const command = commands[name];
    if (!command) {
        io.err(`slipway: unknown command "${name}" (see slipway --help)\n`);
        return cli_io/* EXIT */.dc.usage;
    }
    if (rest.includes('--help') || rest.includes('-h'))
        return commands.help([name], io);
    try {
        return await command(rest, io);
    }
    catch (error) {
        if (error instanceof cli_io/* UsageError */.eb) {
            io.err(`slipway ${name}: ${error.message}\n`);
            return cli_io/* EXIT */.dc.usage;
        }
        if (error instanceof core_errors/* UserError */.yo) {
            const errors = error instanceof core_errors/* UserErrors */.tQ ? error.errors : [error];
            for (const each of errors)
                (0,cli_io/* printProblem */.JN)(io, each);
            return (0,core_errors/* isInputError */.BT)(error) ? cli_io/* EXIT */.dc.usage : cli_io/* EXIT */.dc.failure;
        }
        io.err(`slipway ${name}: internal error: ${(0,core_errors/* errorMessage */.gJ)(error)}\n`);
        return cli_io/* EXIT */.dc.failure;
    }
}


/***/ }),

/***/ 74296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BT: () => (/* binding */ isInputError),
/* harmony export */   XR: () => (/* binding */ formatUserError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   tQ: () => (/* binding */ UserErrors),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony export formatLocation */
/**
 * A problem the user can fix: bad input, a bad config entry, a policy that says no.
 * It is reported as one line (an annotation on GitHub), never with a stack trace.
 */
class UserError extends Error {
    location;
    constructor(message, location) {
        super(message);
        this.location = location;
        this.name = 'UserError';
    }
}
/**
 * Input that cannot be read at all: not found, not a regular file, too big, not parseable.
 * The CLI exits 2 on it (bad input), where 1 means a gate or an operation said no.
 */
class InputError extends UserError {
    constructor(message, location) {
        super(message, location);
        this.name = 'InputError';
    }
}
/** True when `error` is, or holds, an InputError. */
function isInputError(error) {
    if (error instanceof UserErrors)
        return error.errors.some(isInputError);
    return error instanceof InputError;
}
/** Several user errors found in one pass, so the user can fix them all at once. */
class UserErrors extends UserError {
    errors;
    constructor(errors) {
        super(errors.map((e) => formatUserError(e)).join('\n'));
        this.errors = errors;
        this.name = 'UserErrors';
    }
}
function formatLocation(location) {
    if (!location)
        return '';
    const line = location.line ? `:${location.line}` : '';
    const column = location.line && location.column ? `:${location.column}` : '';
    return `${location.file}${line}${column}`;
}
/** `file:line: message`, the form compilers and linters print. */
function formatUserError(error) {
    const where = formatLocation(error.location);
    return where ? `${where}: ${error.message}` : error.message;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 83323:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
// Kept in step with package.json by scripts/bundle.mjs' check; read at build time.
const VERSION = '0.1.0';


/***/ }),

/***/ 33546:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _preload_compile_cache_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(34834);
/* harmony import */ var _preload_quiet_punycode_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(56608);
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(66048);



process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_2__/* .main */ .i)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 34834:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {


;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
var external_node_module_default = /*#__PURE__*/__nccwpck_require__.n(external_node_module_namespaceObject);
;// CONCATENATED MODULE: ./src/entries/preload/compile-cache.ts

// Node 22.1 and later keep V8's compiled code of the command chunks on disk (in the OS temp
// folder), which halves the start of a short command such as `slipway image copy`. A no-op on
// older Node.
external_node_module_default().enableCompileCache?.();


/***/ }),

/***/ 56608:
/***/ (() => {

// node-fetch 2, under @kubernetes/client-node, loads Node's deprecated `punycode` module, and
// Node 22 and later print DEP0040 on stderr of every run that touches Kubernetes objects. Nothing
// a user can act on, so it is dropped; every other warning still prints. Import this first.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning, ...rest) => {
    const [typeOrOptions, code] = rest;
    const warningCode = typeof typeOrOptions === 'object' && typeOrOptions !== null
        ? typeOrOptions.code
        : code;
    if (warningCode === 'DEP0040')
        return;
    emitWarning(warning, ...rest);
});



/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 24876:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("punycode");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 69154:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("vm");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(33546);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
