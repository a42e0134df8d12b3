export const id = 495;
export const ids = [495];
export const modules = {

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


/***/ })

};
