export const id = 978;
export const ids = [978];
export const modules = {

/***/ 9978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _input_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7906);



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
