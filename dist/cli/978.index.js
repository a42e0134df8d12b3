export const id = 978;
export const ids = [978];
export const modules = {

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


/***/ })

};
