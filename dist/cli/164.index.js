export const id = 164;
export const ids = [164];
export const modules = {

/***/ 46164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CANARY_EXIT: () => (/* binding */ CANARY_EXIT),
  CANARY_HELP: () => (/* binding */ CANARY_HELP),
  canaryCommand: () => (/* binding */ canaryCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/canary/normal.ts
// The standard normal distribution, computed the way R computes it, so p-values and
// confidence intervals agree with R's wilcox.test to the last bits: the CDF by Cody's
// rational Chebyshev approximations (ACM TOMS 715, as in R's pnorm) and the quantile by
// Wichura's AS 241 (as in R's qnorm).
const SQRT_32 = 5.656854249492381;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const HALF_EPSILON = Number.EPSILON * 0.5;
const CENTRAL_NUM = [
    2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745
];
const CENTRAL_DEN = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const MIDDLE_NUM = [
    0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
    6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8
];
const MIDDLE_DEN = [
    22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
    34900.95272114598, 38912.00328609327, 19685.429676859992
];
const TAIL_NUM = [
    0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
    0.000029112874951168793, 0.023073441764940174
];
const TAIL_DEN = [
    1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
    0.00007297515550839662
];
/** P(Z <= x) for a standard normal Z. */
function normalCdf(x) {
    if (Number.isNaN(x))
        return NaN;
    const y = Math.abs(x);
    if (y <= 0.67448975) {
        let num = 0;
        let den = 0;
        if (y > HALF_EPSILON) {
            const xsq = x * x;
            num = CENTRAL_NUM[4] * xsq;
            den = xsq;
            for (let i = 0; i < 3; i++) {
                num = (num + CENTRAL_NUM[i]) * xsq;
                den = (den + CENTRAL_DEN[i]) * xsq;
            }
        }
        return 0.5 + (x * (num + CENTRAL_NUM[3])) / (den + CENTRAL_DEN[3]);
    }
    // Both remaining branches compute the smaller tail at |x| and reflect it.
    let small;
    if (y <= SQRT_32) {
        let num = MIDDLE_NUM[8] * y;
        let den = y;
        for (let i = 0; i < 7; i++) {
            num = (num + MIDDLE_NUM[i]) * y;
            den = (den + MIDDLE_DEN[i]) * y;
        }
        small = gaussianTail(y, (num + MIDDLE_NUM[7]) / (den + MIDDLE_DEN[7]));
    }
    else if (x > -37.5193 && x < 8.2924) {
        const xsq = 1 / (x * x);
        let num = TAIL_NUM[5] * xsq;
        let den = xsq;
        for (let i = 0; i < 4; i++) {
            num = (num + TAIL_NUM[i]) * xsq;
            den = (den + TAIL_DEN[i]) * xsq;
        }
        const ratio = (xsq * (num + TAIL_NUM[4])) / (den + TAIL_DEN[4]);
        small = gaussianTail(y, (ONE_OVER_SQRT_2PI - ratio) / y);
    }
    else {
        return x > 0 ? 1 : 0;
    }
    return x > 0 ? 1 - small : small;
}
/** exp(-y²/2)·factor, with y² split so the exponent keeps its precision (Cody). */
function gaussianTail(y, factor) {
    const head = Math.trunc(y * 16) / 16;
    const del = (y - head) * (y + head);
    return Math.exp(-head * (head / 2)) * Math.exp(-(del / 2)) * factor;
}
/**
 * The p-quantile of the standard normal distribution; with `upper`, the quantile of the
 * upper tail (R's qnorm(p, lower.tail = FALSE)), computed without forming 1 - p.
 */
function normal_normalQuantile(p, upper = false) {
    if (Number.isNaN(p) || p < 0 || p > 1)
        return NaN;
    if (p === 0)
        return upper ? Infinity : -Infinity;
    if (p === 1)
        return upper ? -Infinity : Infinity;
    const lowerP = upper ? 0.5 - p + 0.5 : p;
    const q = lowerP - 0.5;
    if (Math.abs(q) <= 0.425) {
        const r = 0.180625 - q * q;
        return ((q *
            (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r +
                45921.95393154987) *
                r +
                13731.69376550946) *
                r +
                1971.5909503065513) *
                r +
                133.14166789178438) *
                r +
                3.3871328727963665)) /
            (((((((r * 5226.495278852854 + 28729.085735721943) * r + 39307.89580009271) * r +
                21213.794301586597) *
                r +
                5394.196021424751) *
                r +
                687.1870074920579) *
                r +
                42.31333070160091) *
                r +
                1));
    }
    // The smaller tail probability, taken from the argument itself where possible.
    const tail = q > 0 ? (upper ? p : 0.5 - p + 0.5) : lowerP;
    let r = Math.sqrt(-Math.log(tail));
    let value;
    if (r <= 5) {
        r += -1.6;
        value =
            (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
                1.2704582524523684) *
                r +
                3.6478483247632045) *
                r +
                5.769497221460691) *
                r +
                4.630337846156546) *
                r +
                1.4234371107496835) /
                (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
                    0.14810397642748008) *
                    r +
                    0.6897673349851) *
                    r +
                    1.6763848301838038) *
                    r +
                    2.053191626637759) *
                    r +
                    1);
    }
    else {
        r += -5;
        value =
            (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
                0.026532189526576124) *
                r +
                0.29656057182850487) *
                r +
                1.7848265399172913) *
                r +
                5.463784911164114) *
                r +
                6.657904643501103) /
                (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
                    0.0007868691311456133) *
                    r +
                    0.014875361290850615) *
                    r +
                    0.1369298809227358) *
                    r +
                    0.599832206555888) *
                    r +
                    1);
    }
    return q < 0 ? -value : value;
}

;// CONCATENATED MODULE: ./src/core/canary/sort.ts
// Sorting is a large part of judging a metric, and the built-in Float64Array sort takes
// about twice as long as this on 5,000 values (Node 20). An LSD radix sort orders the values
// by the high 32 bits of their order-preserving integer image (sign, exponent and 20 bits of
// mantissa), which leaves only runs of values that share those bits, usually none, to sort
// by comparison. The order is the built-in sort's (-0 before +0). NaN must not be in the input.
const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;
const MASK = BUCKETS - 1;
/** Below this the built-in sort is as fast. */
const RADIX_FROM = 256;
/** Runs of equal keys up to this length get an insertion sort, longer ones the built-in sort. */
const INSERTION_UP_TO = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** A sorted copy of `values` as a Float64Array. */
function sortFloat64(values) {
    const n = values.length;
    const copy = new Float64Array(n);
    for (let i = 0; i < n; i++)
        copy[i] = values[i];
    if (n < RADIX_FROM || !LITTLE_ENDIAN)
        return copy.sort();
    // Int32 throughout: V8 keeps uint32 values above 2^31 as doubles, which is much slower.
    const words = new Int32Array(copy.buffer);
    let keys = new Int32Array(n);
    let sorted = copy;
    const counts = new Int32Array(3 * BUCKETS);
    for (let i = 0; i < n; i++) {
        // The high word (little-endian) mapped so that its unsigned order is the doubles' order.
        const high = words[2 * i + 1];
        const key = high < 0 ? ~high : high | 0x80000000;
        keys[i] = key;
        counts[key & MASK]++;
        counts[BUCKETS + ((key >>> RADIX_BITS) & MASK)]++;
        counts[2 * BUCKETS + (key >>> (2 * RADIX_BITS))]++;
    }
    let nextKeys = new Int32Array(n);
    let nextSorted = new Float64Array(n);
    for (let pass = 0; pass < 3; pass++) {
        const shift = pass * RADIX_BITS;
        const offset = pass * BUCKETS;
        if (counts[offset + ((keys[0] >>> shift) & MASK)] === n)
            continue; // every key has this digit
        let total = 0;
        for (let b = offset; b < offset + BUCKETS; b++) {
            const c = counts[b];
            counts[b] = total;
            total += c;
        }
        for (let i = 0; i < n; i++) {
            const key = keys[i];
            const at = counts[offset + ((key >>> shift) & MASK)]++;
            nextKeys[at] = key;
            nextSorted[at] = sorted[i];
        }
        const swapKeys = keys;
        keys = nextKeys;
        nextKeys = swapKeys;
        const swapSorted = sorted;
        sorted = nextSorted;
        nextSorted = swapSorted;
    }
    for (let start = 0; start < n;) {
        let end = start + 1;
        while (end < n && keys[end] === keys[start])
            end++;
        if (end - start > INSERTION_UP_TO)
            sorted.subarray(start, end).sort();
        else if (end - start > 1)
            insertionSort(sorted, start, end);
        start = end;
    }
    return sorted;
}
function insertionSort(values, start, end) {
    for (let i = start + 1; i < end; i++) {
        const v = values[i];
        let j = i - 1;
        // A run shares the sign bit, so -0 and +0 never meet here.
        while (j >= start && values[j] > v) {
            values[j + 1] = values[j];
            j--;
        }
        values[j + 1] = v;
    }
}

;// CONCATENATED MODULE: ./src/core/canary/rank-sum.ts

/** Thrown when every observation ties, so the rank-sum statistic has no variance. */
class AllTiedError extends Error {
    constructor() {
        super('cannot compute the test when all observations are tied');
        this.name = 'AllTiedError';
    }
}
const CROSS_TIE = -1;
const OVER_BUDGET = -2;
/** Below this many merge steps, one chain. */
const TWO_CHAINS_FROM = 256;
/**
 * The Wilcoxon rank-sum statistic of x shifted by d against y, for any d, in time linear
 * in the number of distinct values and with memory linear in the samples. Both samples are
 * sorted once and kept as distinct values with counts (metrics such as error counts repeat
 * a few values thousands of times). Subtracting d keeps x in order, so ranking the pooled
 * sample (x - d, y) is a merge, and its tie groups (for the variance) fall out of it. A
 * root finder evaluates at shifts ever closer together, so each evaluation starts from
 * where every x stood among the y's the time before and moves only as far as needed.
 */
class ShiftedRankSum {
    /** Sorted samples. */
    x;
    y;
    /** Sum of the mid-ranks of x - d in the pooled sample, after evaluate(d). */
    rankSum = 0;
    /** Sum of t^3 - t over the tie groups of the pooled sample, after evaluate(d). */
    tieTerm = 0;
    // Distinct values, each followed by +Infinity as a sentinel for the merge, and their counts.
    xValues;
    xCounts;
    yValues;
    yCounts;
    /** yBelow[j]: how many y's are in the distinct groups before j. */
    yBelow;
    /** t^3 - t summed over groups of equal values within x and within y. */
    ownTies;
    /** Neither sample repeats a value. */
    noRepeats;
    smallestGapInX;
    largestMagnitudeInX;
    /** positions[i]: the distinct y group the i-th distinct x - d came before, last time. */
    positions;
    /** The shift the positions are for (NaN: none yet), the pairs below then, and pairs per unit shift. */
    positionsAt = NaN;
    belowAtPositions = 0;
    pairsPerShift = NaN;
    constructor(x, y, alreadySorted = false) {
        this.x = asSorted(x, alreadySorted);
        this.y = asSorted(y, alreadySorted);
        const xs = distinct(this.x);
        const ys = distinct(this.y);
        this.xValues = xs.values;
        this.xCounts = xs.counts;
        this.yValues = ys.values;
        this.yCounts = ys.counts;
        this.yBelow = new Float64Array(ys.values.length);
        for (let j = 1; j < ys.values.length; j++)
            this.yBelow[j] = this.yBelow[j - 1] + ys.counts[j - 1];
        this.ownTies = xs.tieTerm + ys.tieTerm;
        this.noRepeats =
            xs.values.length === this.x.length + 1 && ys.values.length === this.y.length + 1;
        this.smallestGapInX = xs.smallestGap;
        const n = this.x.length;
        this.largestMagnitudeInX = n === 0 ? 0 : Math.max(Math.abs(this.x[0]), Math.abs(this.x[n - 1]));
        this.positions = new Int32Array(xs.values.length);
    }
    get nx() {
        return this.x.length;
    }
    get ny() {
        return this.y.length;
    }
    evaluate(d) {
        // x - d must stay comparable: a NaN or infinite shift would stall the merge.
        if (!Number.isFinite(d))
            throw new RangeError(`cannot rank at shift ${d}`);
        if (this.shiftKeepsXApart(d)) {
            if (this.apartFromY(d))
                return;
            let below = this.worthStartingFromLastPositions(d)
                ? this.countFromLastPositions(d)
                : OVER_BUDGET;
            if (below === OVER_BUDGET)
                below = this.countByMerge(d);
            if (below !== CROSS_TIE) {
                // Without ties across the samples, the ranks of x follow from the pairs below.
                const nx = this.x.length;
                this.rankSum = below + (nx * (nx + 1)) / 2;
                this.tieTerm = this.ownTies;
                return;
            }
        }
        this.mergeWithTieGroups(d);
    }
    /** U of x at shift d: #(x - d > y) + #(x - d == y) / 2 (R's W statistic). */
    u(d = 0) {
        this.evaluate(d);
        return this.rankSum - (this.nx * (this.nx + 1)) / 2;
    }
    /**
     * R's standardized statistic at shift d, (dz - correction) / sigma with the tie-corrected
     * sigma; the operations are in R's order so the value is bit-identical to R's.
     */
    standardized(d, continuityCorrection) {
        this.evaluate(d);
        const nx = this.nx;
        const ny = this.ny;
        const dz = this.rankSum - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
        const sigma = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - this.tieTerm / ((nx + ny) * (nx + ny - 1))));
        if (sigma === 0 || Number.isNaN(sigma))
            throw new AllTiedError();
        const correction = continuityCorrection ? Math.sign(dz) * 0.5 : 0;
        return (dz - correction) / sigma;
    }
    /**
     * Whether x - d can have no ties but x's own: distinct neighbours stay apart when their
     * gap exceeds the rounding of the subtraction at this magnitude. Otherwise only the full
     * merge with tie groups is exact.
     */
    shiftKeepsXApart(d) {
        return this.smallestGapInX > (this.largestMagnitudeInX + Math.abs(d)) * 2 ** -50;
    }
    /**
     * When x - d lies wholly above or below y, touching at most where its extreme group meets
     * y's (as at the ends of the range of shifts), the ranks follow from the group sizes.
     */
    apartFromY(d) {
        const { xValues, xCounts, yValues, yCounts } = this;
        const ux = xValues.length - 1;
        const uy = yValues.length - 1;
        const nx = this.x.length;
        const lowestX = xValues[0] - d;
        const highestX = xValues[ux - 1] - d;
        let u;
        let a = 0;
        let b = 0;
        if (lowestX >= yValues[uy - 1]) {
            if (lowestX === yValues[uy - 1])
                [a, b] = [xCounts[0], yCounts[uy - 1]];
            u = nx * this.y.length - (a * b) / 2;
        }
        else if (highestX <= yValues[0]) {
            if (highestX === yValues[0])
                [a, b] = [xCounts[ux - 1], yCounts[0]];
            u = (a * b) / 2;
        }
        else {
            return false;
        }
        this.rankSum = u + (nx * (nx + 1)) / 2;
        const t = a + b;
        this.tieTerm = this.ownTies + (t * t * t - t) - (a * a * a - a) - (b * b * b - b);
        return true;
    }
    /** Whether the pairs between the last shift and d look few enough to move through. */
    worthStartingFromLastPositions(d) {
        if (Number.isNaN(this.positionsAt))
            return false;
        // Until two counts give the local density, assume the pairs spread evenly over all shifts.
        const { x, y } = this;
        const density = Number.isNaN(this.pairsPerShift)
            ? (x.length * y.length) / (x[x.length - 1] - y[0] - (x[0] - y[y.length - 1]))
            : this.pairsPerShift;
        return density * Math.abs(d - this.positionsAt) <= this.moveBudget();
    }
    /** Moving is cheaper than merging up to about a quarter as many moves as merge steps (measured). */
    moveBudget() {
        return (this.xValues.length + this.yValues.length) >> 2;
    }
    notePositions(d, below) {
        if (!Number.isNaN(this.positionsAt) && d !== this.positionsAt) {
            this.pairsPerShift = Math.abs(below - this.belowAtPositions) / Math.abs(d - this.positionsAt);
        }
        this.positionsAt = d;
        this.belowAtPositions = below;
    }
    /**
     * Pairs with y < x - d, moving each x from where it stood among the y's last time; near
     * the last shift almost nothing moves. Gives up when the moves cost more than a merge.
     */
    countFromLastPositions(d) {
        const { xValues, xCounts, yValues, yBelow, positions } = this;
        const ux = xValues.length - 1;
        const budget = this.moveBudget();
        let moves = 0;
        let below = 0;
        let crossTie = 0;
        for (let i = 0; i < ux; i++) {
            const xv = xValues[i] - d;
            let j = positions[i];
            while (j > 0 && yValues[j - 1] >= xv)
                j--;
            while (yValues[j] < xv)
                j++; // the +Infinity sentinel stops it
            moves += Math.abs(j - positions[i]);
            if (moves > budget)
                return OVER_BUDGET;
            positions[i] = j;
            crossTie |= +(yValues[j] === xv);
            below += xCounts[i] * yBelow[j];
        }
        this.notePositions(d, below);
        return crossTie ? CROSS_TIE : below;
    }
    /**
     * Pairs with y < x - d in a merge without data-dependent branches (about twice as fast
     * as one with them on random data), noting where each x stands for the next time. The
     * merge runs as two halves side by side: each step of a merge waits on the step before,
     * so two independent chains in one loop take little longer than one.
     */
    countByMerge(d) {
        const { xValues, yValues, positions } = this;
        const ux = xValues.length - 1;
        const steps = ux + yValues.length - 1;
        let below = 0;
        let crossTie = 0;
        if (steps < TWO_CHAINS_FROM) {
            below = this.mergeSteps(d, 0, 0, steps);
            crossTie = this.crossTie;
        }
        else {
            // The second chain starts just before the x whose turn comes about halfway.
            const half = steps >> 1;
            let lo = 0;
            let hi = ux;
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (mid + this.firstYAtOrAbove(xValues[mid] - d) < half)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            const i2Start = lo;
            const j2Start = this.firstYAtOrAbove(xValues[i2Start] - d);
            const stepsA = i2Start + j2Start;
            const stepsB = steps - stepsA;
            const together = Math.min(stepsA, stepsB);
            const { xCounts, yCounts } = this;
            let i1 = 0;
            let j1 = 0;
            let i2 = i2Start;
            let j2 = j2Start;
            if (this.noRepeats) {
                for (let step = 0; step < together; step++) {
                    const xv1 = xValues[i1] - d;
                    const yv1 = yValues[j1];
                    const xv2 = xValues[i2] - d;
                    const yv2 = yValues[j2];
                    const take1 = +(xv1 <= yv1);
                    const take2 = +(xv2 <= yv2);
                    crossTie |= +(xv1 === yv1) | +(xv2 === yv2);
                    positions[i1] = j1;
                    positions[i2] = j2;
                    below += take1 * j1 + take2 * j2;
                    i1 += take1;
                    j1 += 1 - take1;
                    i2 += take2;
                    j2 += 1 - take2;
                }
            }
            else {
                let yBelow1 = 0;
                let yBelow2 = this.yBelow[j2Start];
                for (let step = 0; step < together; step++) {
                    const xv1 = xValues[i1] - d;
                    const yv1 = yValues[j1];
                    const xv2 = xValues[i2] - d;
                    const yv2 = yValues[j2];
                    const take1 = +(xv1 <= yv1);
                    const take2 = +(xv2 <= yv2);
                    crossTie |= +(xv1 === yv1) | +(xv2 === yv2);
                    positions[i1] = j1;
                    positions[i2] = j2;
                    below += take1 * xCounts[i1] * yBelow1 + take2 * xCounts[i2] * yBelow2;
                    yBelow1 += (1 - take1) * yCounts[j1];
                    yBelow2 += (1 - take2) * yCounts[j2];
                    i1 += take1;
                    j1 += 1 - take1;
                    i2 += take2;
                    j2 += 1 - take2;
                }
            }
            // The longer chain's rest.
            if (stepsA > together) {
                below += this.mergeSteps(d, i1, j1, stepsA - together);
                crossTie |= this.crossTie;
            }
            else if (stepsB > together) {
                below += this.mergeSteps(d, i2, j2, stepsB - together);
                crossTie |= this.crossTie;
            }
            // The first chain, once past its last x, wrote stale positions for the second's first.
            positions[i2Start] = j2Start;
        }
        this.notePositions(d, below);
        return crossTie ? CROSS_TIE : below;
    }
    /** Set by mergeSteps: whether an x - d equalled a y on the way. */
    crossTie = 0;
    /** `steps` steps of the merge from x group i and y group j: the pairs with y < x - d found. */
    mergeSteps(d, i, j, steps) {
        const { xValues, xCounts, yValues, yCounts, positions } = this;
        let below = 0;
        let crossTie = 0;
        if (this.noRepeats) {
            // Counts are all 1: the y's below are the merge position in y.
            for (let step = 0; step < steps; step++) {
                const xv = xValues[i] - d;
                const yv = yValues[j];
                const takeX = +(xv <= yv);
                crossTie |= +(xv === yv);
                positions[i] = j;
                below += takeX * j;
                i += takeX;
                j += 1 - takeX;
            }
        }
        else {
            let yBelow = this.yBelow[j];
            for (let step = 0; step < steps; step++) {
                const xv = xValues[i] - d;
                const yv = yValues[j];
                const takeX = +(xv <= yv);
                crossTie |= +(xv === yv);
                positions[i] = j;
                below += takeX * xCounts[i] * yBelow;
                yBelow += (1 - takeX) * yCounts[j];
                i += takeX;
                j += 1 - takeX;
            }
        }
        this.crossTie = crossTie;
        return below;
    }
    /** The first distinct y group at or above v (the +Infinity sentinel when none is). */
    firstYAtOrAbove(v) {
        const { yValues } = this;
        let lo = 0;
        let hi = yValues.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (yValues[mid] < v)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    mergeWithTieGroups(d) {
        const { xValues, xCounts, yValues, yCounts } = this;
        const ux = xValues.length - 1;
        const uy = yValues.length - 1;
        let i = 0;
        let j = 0;
        let placed = 0;
        let rankSum = 0;
        let tieTerm = 0;
        while (i < ux || j < uy) {
            // The sentinels make an exhausted side compare as +Infinity.
            const xv = xValues[i] - d;
            const yv = yValues[j];
            let a = 0;
            let b = 0;
            if (xv <= yv) {
                a = xCounts[i];
                while (++i < ux && xValues[i] - d === xv)
                    a += xCounts[i];
            }
            if (yv <= xv)
                b = yCounts[j++];
            const t = a + b;
            if (t === 0)
                throw new RangeError(`cannot rank at shift ${d}: the values do not compare`);
            if (a > 0)
                rankSum += a * (placed + (t + 1) / 2);
            if (t > 1)
                tieTerm += t * t * t - t;
            placed += t;
        }
        this.rankSum = rankSum;
        this.tieTerm = tieTerm;
    }
}
function asSorted(values, alreadySorted) {
    if (!alreadySorted)
        return sortFloat64(values);
    return values instanceof Float64Array ? values : Float64Array.from(values);
}
function distinct(sorted) {
    const n = sorted.length;
    const values = new Float64Array(n + 1);
    const counts = new Float64Array(n + 1);
    let k = -1;
    let tieTerm = 0;
    let smallestGap = Infinity;
    for (let i = 0; i < n; i++) {
        const v = sorted[i];
        if (k < 0 || v !== values[k]) {
            if (k >= 0) {
                const t = counts[k];
                tieTerm += t * t * t - t;
                if (v - values[k] < smallestGap)
                    smallestGap = v - values[k];
            }
            values[++k] = v;
        }
        counts[k]++;
    }
    if (k >= 0)
        tieTerm += counts[k] * counts[k] * counts[k] - counts[k];
    values[k + 1] = Infinity;
    return {
        values: values.subarray(0, k + 2),
        counts: counts.subarray(0, k + 2),
        tieTerm,
        smallestGap
    };
}
/**
 * Common-language effect size P(canary > baseline) + P(tie) / 2, from mid-ranks as in
 * Kayenta's EffectSizes.cles.
 */
function commonLanguageEffectSize(canary, baseline) {
    const rankSum = new ShiftedRankSum(canary, baseline);
    return rankSum.u(0) / (canary.length * baseline.length);
}

;// CONCATENATED MODULE: ./src/core/canary/stats.ts

/**
 * Kayenta reports zeros for an empty series rather than NaN. The mean is summed in the
 * given order; pass the values sorted as well to spare a sort for the median.
 */
function summarize(values, sorted) {
    const n = values.length;
    if (n === 0)
        return { count: 0, min: 0, max: 0, mean: 0, median: 0, std: 0 };
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
        if (values[i] < min)
            min = values[i];
        if (values[i] > max)
            max = values[i];
    }
    const avg = stats_mean(values);
    let squares = 0;
    for (let i = 0; i < n; i++)
        squares += (values[i] - avg) ** 2;
    return {
        count: n,
        min,
        max,
        mean: avg,
        median: sorted ? stats_median(sorted, true) : stats_median(values),
        std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0
    };
}
function stats_mean(values) {
    const n = values.length;
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += values[i];
    if (Number.isFinite(sum))
        return sum / n;
    // Finite values near Number.MAX_VALUE overflow the sum: add up their shares instead.
    let average = 0;
    for (let i = 0; i < n; i++)
        average += values[i] / n;
    return average;
}
/** The middle value, or the mean of the two middle values (R's median). */
function stats_median(values, alreadySorted = false) {
    const n = values.length;
    if (n === 0)
        return NaN;
    const sorted = alreadySorted ? values : sortedCopy(values);
    const half = Math.floor(n / 2);
    return n % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}
function sortedCopy(values) {
    return sortFloat64(values);
}
/**
 * Percentile `p` (0-100) with estimation type R-7 (linear interpolation between order
 * statistics, R's default quantile type and commons-math's Percentile R_7).
 */
function percentileR7(values, p, alreadySorted = false) {
    const n = values.length;
    if (n === 0)
        return NaN;
    const sorted = alreadySorted ? values : sortedCopy(values);
    if (n === 1)
        return sorted[0];
    const position = p === 100 ? n : 1 + (n - 1) * (p / 100);
    if (position < 1)
        return sorted[0];
    if (position >= n)
        return sorted[n - 1];
    const whole = Math.floor(position);
    const lower = sorted[whole - 1];
    return lower + (position - whole) * (sorted[whole] - lower);
}
/** mean(canary) / mean(baseline); NaN when either mean is 0, as in Kayenta. */
function meanRatio(canary, baseline) {
    const canaryMean = stats_mean(canary);
    const baselineMean = stats_mean(baseline);
    if (canaryMean === 0 || baselineMean === 0)
        return NaN;
    return canaryMean / baselineMean;
}
/** Cohen's d with the pooled standard deviation, as an absolute value. */
function cohenD(a, b) {
    const sa = summarize(a);
    const sb = summarize(b);
    const pooled = Math.sqrt(((sa.count - 1) * sa.std ** 2 + (sb.count - 1) * sb.std ** 2) / (sa.count + sb.count - 2));
    return Math.abs(sa.mean - sb.mean) / pooled;
}

;// CONCATENATED MODULE: ./src/core/canary/wilcoxon-exact.ts
// The exact null distribution of the Wilcoxon rank-sum statistic W (= U of x) for samples
// without ties, with R's pwilcox and qwilcox semantics. Used only for small samples (R's
// rule: both below 50), where the table has at most 49 * 49 + 1 entries.
const cache = new Map();
const CACHE_LIMIT = 64;
/**
 * counts[k] = the number of orderings of m x's and n y's with W = k. Built column by column
 * with c(k; i, j) = c(k - j; i - 1, j) + c(k; i, j - 1): the largest value is either an x
 * (above all j y's) or a y. Float64 keeps about 16 significant digits of counts up to 1e29.
 */
function distribution(m, n) {
    const key = m <= n ? `${m},${n}` : `${n},${m}`;
    const cached = cache.get(key);
    if (cached)
        return cached;
    const small = Math.min(m, n);
    const large = Math.max(m, n);
    const width = small * large + 1;
    // rows[i] holds c(.; i, j) for the current j; row 0 is always the single ordering.
    const rows = Array.from({ length: small + 1 }, () => new Float64Array(width));
    for (const row of rows)
        row[0] = 1;
    for (let j = 1; j <= large; j++) {
        for (let i = 1; i <= small; i++) {
            const row = rows[i];
            const previous = rows[i - 1];
            const top = i * j;
            for (let k = top; k >= j; k--)
                row[k] += previous[k - j];
        }
    }
    const counts = rows[small];
    let total = 0;
    for (let k = 0; k < width; k++)
        total += counts[k];
    const result = { counts, total };
    if (cache.size >= CACHE_LIMIT)
        cache.delete(cache.keys().next().value);
    cache.set(key, result);
    return result;
}
/** P(W <= q), or P(W > q) when lowerTail is false (R's pwilcox). */
function wilcoxon_exact_pwilcox(q, m, n, lowerTail = true) {
    const top = m * n;
    const whole = Math.floor(q + 1e-7);
    if (whole < 0)
        return lowerTail ? 0 : 1;
    if (whole >= top)
        return lowerTail ? 1 : 0;
    const { counts, total } = distribution(m, n);
    let p = 0;
    // Sum over the shorter side of the symmetric distribution.
    if (whole <= top / 2) {
        for (let k = 0; k <= whole; k++)
            p += counts[k] / total;
        return lowerTail ? p : 0.5 - p + 0.5;
    }
    for (let k = 0; k < top - whole; k++)
        p += counts[k] / total;
    return lowerTail ? 0.5 - p + 0.5 : p;
}
/** The smallest q with P(W <= q) >= p (R's qwilcox). */
function wilcoxon_exact_qwilcox(p, m, n) {
    if (p <= 0)
        return 0;
    if (p >= 1)
        return m * n;
    const { counts, total } = distribution(m, n);
    let cumulative = 0;
    if (p <= 0.5) {
        const target = p - 10 * Number.EPSILON;
        for (let q = 0;; q++) {
            cumulative += counts[q] / total;
            if (cumulative >= target)
                return q;
        }
    }
    const target = 1 - p + 10 * Number.EPSILON;
    for (let q = 0;; q++) {
        cumulative += counts[q] / total;
        if (cumulative > target)
            return m * n - q;
    }
}

;// CONCATENATED MODULE: ./src/core/canary/zeroin.ts
/**
 * Brent's root finder in the form R's uniroot uses (zeroin, Forsythe, Malcolm and Moler),
 * step for step, so roots of step functions (the rank-sum statistic) land on the same
 * floating-point values as R's and Kayenta's. f(lower) and f(upper) are given by the
 * caller, who usually has them already. An endpoint where f is exactly 0 is returned as
 * is; when the iterations run out the current best guess is returned, as R and Kayenta do.
 */
function zeroin_zeroin(f, lower, upper, fLower, fUpper, tolerance = 1e-4, maxIterations = 1000) {
    let a = lower;
    let b = upper;
    let fa = fLower;
    let fb = fUpper;
    let c = a;
    let fc = fa;
    if (fa === 0)
        return a;
    if (fb === 0)
        return b;
    for (let left = maxIterations + 1; left > 0; left--) {
        const previousStep = b - a;
        if (Math.abs(fc) < Math.abs(fb)) {
            // Make b the best approximation so far.
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        const actualTolerance = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
        let step = (c - b) / 2;
        if (Math.abs(step) <= actualTolerance || fb === 0)
            return b;
        if (Math.abs(previousStep) >= actualTolerance && Math.abs(fa) > Math.abs(fb)) {
            // Try interpolation: linear with two distinct points, inverse quadratic with three.
            const cb = c - b;
            let p;
            let q;
            if (a === c) {
                const t1 = fb / fa;
                p = cb * t1;
                q = 1 - t1;
            }
            else {
                const qa = fa / fc;
                const t1 = fb / fc;
                const t2 = fb / fa;
                p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
                q = (qa - 1) * (t1 - 1) * (t2 - 1);
            }
            if (p > 0)
                q = -q;
            else
                p = -p;
            if (p < 0.75 * cb * q - Math.abs(actualTolerance * q) / 2 &&
                p < Math.abs((previousStep * q) / 2)) {
                step = p / q;
            }
        }
        if (Math.abs(step) < actualTolerance)
            step = step > 0 ? actualTolerance : -actualTolerance;
        a = b;
        fa = fb;
        b += step;
        fb = f(b);
        if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
            c = a;
            fc = fa;
        }
    }
    return b;
}

;// CONCATENATED MODULE: ./src/core/canary/mann-whitney.ts





/** R's tol.root for the confidence interval and the estimate. */
const ROOT_TOLERANCE = 1e-4;
/** R uses the exact distribution when both samples are smaller than this and nothing ties. */
const EXACT_LIMIT = 50;
/**
 * The two-sided Wilcoxon rank-sum test of x against y with the confidence interval and
 * estimate of the shift x - y, as R's wilcox.test(x, y, conf.int = TRUE) computes them.
 */
function wilcoxTest(x, y, options = {}) {
    const confidenceLevel = options.confidenceLevel ?? 0.95;
    const correct = options.correct ?? true;
    const samples = prepare(x, y);
    const test = wilcoxPValue(samples, options.exact, correct);
    if (test.exact)
        return { ...test, ...exactInterval(samples, confidenceLevel), confidenceLevel };
    const alpha = 1 - confidenceLevel;
    const { muMin, muMax } = shiftRange(samples);
    const statistic = (d) => samples.standardized(d, correct);
    const atMin = statistic(muMin);
    const atMax = statistic(muMax);
    const ciLower = clampedRoot(statistic, muMin, muMax, atMin, atMax, normalQuantile(alpha / 2, true));
    const ciUpper = clampedRoot(statistic, muMin, muMax, atMin, atMax, normalQuantile(alpha / 2));
    // R sets correct <- FALSE before the estimate: no continuity correction there.
    const uncorrected = (d) => samples.standardized(d, false);
    const lowEnd = uncorrected(muMin);
    const highEnd = uncorrected(muMax);
    if (Math.sign(lowEnd) * Math.sign(highEnd) > 0) {
        throw new Error('the rank-sum statistic does not change sign over the range of shifts');
    }
    const estimate = zeroin(uncorrected, muMin, muMax, lowEnd, highEnd, ROOT_TOLERANCE);
    return { ...test, estimate, ciLower, ciUpper, confidenceLevel };
}
/** R's p-value only (exact or normal approximation), without the interval. */
function wilcoxPValue(samples, exact, correct = true) {
    const nx = samples.nx;
    const ny = samples.ny;
    samples.evaluate(0);
    const statistic = samples.rankSum - (nx * (nx + 1)) / 2;
    const ties = samples.tieTerm > 0;
    const useExact = (exact ?? (nx < EXACT_LIMIT && ny < EXACT_LIMIT)) && !ties;
    if (useExact) {
        const tail = statistic > (nx * ny) / 2 ? wilcoxon_exact_pwilcox(statistic - 1, nx, ny, false) : wilcoxon_exact_pwilcox(statistic, nx, ny);
        return { pValue: Math.min(2 * tail, 1), exact: true, statistic };
    }
    const z = samples.standardized(0, correct);
    return { pValue: 2 * normalCdf(-Math.abs(z)), exact: false, statistic, z };
}
/**
 * Kayenta's MannWhitney.mannWhitneyUTest: always the normal approximation with tie and
 * continuity correction; the interval equals R's asymptotic one, but the estimate keeps the
 * continuity correction and is not clamped to the ends of the range.
 */
function kayentaMannWhitney(x, y, confidenceLevel) {
    const samples = x instanceof ShiftedRankSum ? x : prepare(x, y ?? []);
    const { muMin, muMax } = shiftRange(samples);
    const statistic = (d) => samples.standardized(d, true);
    const atMin = statistic(muMin);
    const atMax = statistic(muMax);
    const z = normal_normalQuantile((1 - confidenceLevel) / 2);
    return {
        ciLower: clampedRoot(statistic, muMin, muMax, atMin, atMax, -z),
        ciUpper: clampedRoot(statistic, muMin, muMax, atMin, atMax, z),
        estimate: zeroin_zeroin(statistic, muMin, muMax, atMin, atMax, ROOT_TOLERANCE),
        muMin,
        muMax
    };
}
/** Kayenta's wilcoxonDiff(mu, quantile): the corrected statistic at shift mu minus quantile. */
function wilcoxonDiff(mu, quantile, x, y) {
    return prepare(x, y).standardized(mu, true) - quantile;
}
/** Sorts both samples once after checking they can be ranked. */
function prepare(x, y) {
    if (x.length === 0 || y.length === 0)
        throw new Error('both samples need at least one value');
    for (const sample of [x, y]) {
        for (let i = 0; i < sample.length; i++) {
            if (!Number.isFinite(sample[i]))
                throw new Error('samples must be finite numbers');
        }
    }
    return new ShiftedRankSum(x, y);
}
function shiftRange(samples) {
    const { x, y } = samples;
    return { muMin: x[0] - y[y.length - 1], muMax: x[x.length - 1] - y[0] };
}
/**
 * The shift where the statistic crosses zq; the ends of the range when it never does
 * there (R: "in extreme cases we need to return endpoints").
 */
function clampedRoot(statistic, muMin, muMax, atMin, atMax, zq) {
    const fLower = atMin - zq;
    if (fLower <= 0)
        return muMin;
    const fUpper = atMax - zq;
    if (fUpper >= 0)
        return muMax;
    return zeroin_zeroin((d) => statistic(d) - zq, muMin, muMax, fLower, fUpper, ROOT_TOLERANCE);
}
/** R's exact interval: order statistics of the pairwise differences at qwilcox(alpha / 2). */
function exactInterval(samples, confidenceLevel) {
    const { x, y } = samples;
    const nx = x.length;
    const ny = y.length;
    const differences = new Float64Array(nx * ny);
    for (let i = 0; i < nx; i++) {
        for (let j = 0; j < ny; j++)
            differences[i * ny + j] = x[i] - y[j];
    }
    differences.sort();
    const alpha = 1 - confidenceLevel;
    let qu = qwilcox(alpha / 2, nx, ny);
    if (qu === 0)
        qu = 1;
    const ql = nx * ny - qu;
    const achievedAlpha = 2 * pwilcox(Math.trunc(qu) - 1, nx, ny);
    return {
        estimate: median(differences, true),
        ciLower: differences[qu - 1],
        ciUpper: differences[ql],
        achievedConfidenceLevel: 1 - achievedAlpha
    };
}
/** The Hodges-Lehmann estimate from all n * m differences: for small samples only. */
function hodgesLehmann(x, y) {
    const differences = new Float64Array(x.length * y.length);
    for (let i = 0; i < x.length; i++) {
        for (let j = 0; j < y.length; j++)
            differences[i * y.length + j] = x[i] - y[j];
    }
    return median(differences.sort(), true);
}

;// CONCATENATED MODULE: ./src/core/canary/overflow-scale.ts
/**
 * Below this magnitude, sums and differences of a few samples and shifts stay finite: the
 * shifts between two samples reach twice the largest value, x - d three times, the root
 * finder's steps a few times more. Number.MAX_VALUE is just under 2^1024.
 */
const SAFE_MAGNITUDE = 2 ** 1016;
/**
 * A power of two that brings every value under SAFE_MAGNITUDE (1 when they already are).
 * Multiplying by a power of two is exact outside the subnormal range and keeps the order,
 * so the rank-sum test, the mean ratio and the effect sizes do not change.
 */
function overflowSafeFactor(...samples) {
    let largest = 0;
    for (const sample of samples) {
        for (let i = 0; i < sample.length; i++) {
            const magnitude = Math.abs(sample[i]);
            if (magnitude > largest)
                largest = magnitude;
        }
    }
    if (!(largest > SAFE_MAGNITUDE) || !Number.isFinite(largest))
        return 1;
    return 2 ** -Math.ceil(Math.log2(largest / SAFE_MAGNITUDE));
}

;// CONCATENATED MODULE: ./src/core/canary/classify.ts





/** NetflixACAJudge hard-codes these (the classifier's own defaults, 0.25 / 0.95, are unused). */
const KAYENTA_TOLERANCE = 0.25;
const KAYENTA_CONFIDENCE_LEVEL = 0.98;
/** Kayenta's noise for constant series: sd = |value| * 1e-5. */
const CONSTANT_NOISE_SCALE = 1e-5;
/**
 * Kayenta's MannWhitneyClassifier on two non-empty, NaN-free samples: identical samples
 * pass, a single distinct value passes, otherwise the Mann-Whitney interval of the shift
 * must clear +-tolerance * |estimate| and the effect size must reach the allowed ratio
 * (a NaN effect size, from a zero mean, does not hold High or Low back, as in Kayenta).
 */
function compareSamples(canary, baseline, params, sorted) {
    const factor = overflowSafeFactor(canary, baseline);
    if (factor !== 1)
        return compareScaled(canary, baseline, params, factor);
    const samples = sorted
        ? new ShiftedRankSum(sorted.canary, sorted.baseline, true)
        : new ShiftedRankSum(canary, baseline);
    const { x, y } = samples;
    if (sameValues(x, y))
        return { classification: 'Pass', critical: false, decision: 'identical' };
    const canaryConstant = x[0] === x[x.length - 1];
    const baselineConstant = y[0] === y[y.length - 1];
    if (canaryConstant && baselineConstant && x[0] === y[0]) {
        return { classification: 'Pass', critical: false, decision: 'single-value' };
    }
    const jittered = canaryConstant && baselineConstant;
    const tested = jittered
        ? new ShiftedRankSum(constantWithJitter(canary), constantWithJitter(baseline), true)
        : samples;
    let interval;
    let test;
    try {
        interval = kayentaMannWhitney(tested, undefined, params.confidenceLevel);
        test = wilcoxPValue(tested);
    }
    catch (error) {
        if (error instanceof RangeError) {
            return { classification: 'Error', critical: false, decision: 'error', error: error.message };
        }
        if (!(error instanceof AllTiedError))
            throw error;
        return {
            classification: 'Error',
            critical: false,
            decision: 'error',
            error: 'all observations tie at some shift (sigma = 0), so no interval exists'
        };
    }
    const ratio = meanRatio(canary, baseline);
    const effectSize = params.measure === 'cles' ? tested.u(0) / (canary.length * baseline.length) : ratio;
    const band = params.tolerance * Math.abs(interval.estimate);
    const details = {
        estimate: interval.estimate,
        ciLower: interval.ciLower,
        ciUpper: interval.ciUpper,
        confidenceLevel: params.confidenceLevel,
        band,
        tolerance: params.tolerance,
        pValue: test.pValue,
        pValueMethod: test.exact ? 'exact' : 'asymptotic',
        meanRatio: ratio,
        effectSize,
        effectSizeMeasure: params.measure,
        jittered,
        coarse: !jittered && interval.muMax - interval.muMin < 100 * ROOT_TOLERANCE
    };
    const unknownEffect = Number.isNaN(effectSize);
    const above = interval.ciLower > band;
    const below = interval.ciUpper < -band;
    const mayRise = params.direction !== 'decrease';
    const mayFall = params.direction !== 'increase';
    if (mayRise && above && (unknownEffect || effectSize >= params.allowedIncrease)) {
        const limit = params.escalate.increase;
        const critical = limit !== undefined && (unknownEffect || effectSize >= limit);
        return { classification: 'High', critical, decision: 'high', details };
    }
    if (mayFall && below && (unknownEffect || effectSize <= params.allowedDecrease)) {
        const limit = params.escalate.decrease;
        const critical = limit !== undefined && (unknownEffect || effectSize <= limit);
        return { classification: 'Low', critical, decision: 'low', details };
    }
    let decision = 'no-clear-shift';
    if ((above && mayRise) || (below && mayFall))
        decision = 'below-effect-size';
    else if (above || below)
        decision = 'allowed-direction';
    return { classification: 'Pass', critical: false, decision, details };
}
/**
 * The comparison of both samples times `factor`, with the shifts reported at the samples'
 * own scale (they may round to ±Infinity there; the decision was made where they do not).
 */
function compareScaled(canary, baseline, params, factor) {
    const outcome = compareSamples(canary.map((v) => v * factor), baseline.map((v) => v * factor), params);
    const details = outcome.details;
    if (!details)
        return outcome;
    return {
        ...outcome,
        details: {
            ...details,
            estimate: details.estimate / factor,
            ciLower: details.ciLower / factor,
            ciUpper: details.ciUpper / factor,
            band: details.band / factor
        }
    };
}
/**
 * Kayenta adds Gaussian noise (sd = |c| * 1e-5, unseeded) to both series when both are
 * constant. slipway uses the noise's expected order statistics instead,
 * c + |c| * 1e-5 * z((i + 1/2) / n), so the same data always gives the same answer; a
 * constant 0 stays 0, as in Kayenta.
 */
function constantWithJitter(values) {
    const n = values.length;
    const scale = Math.abs(values[0]) * CONSTANT_NOISE_SCALE;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
        out[i] = values[0] + scale * normal_normalQuantile((i + 0.5) / n);
    return out;
}
/** Kayenta's identical check: the sorted series are equal. */
function sameValues(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
/** Kayenta's MannWhitneyClassifier.classify, including its empty-series rules. */
function kayentaClassify(input) {
    const { control, experiment } = input;
    if (control.length === 0 || experiment.length === 0) {
        const reason = `missing data: experiment ${experiment.length}, control ${control.length} values`;
        // With NaNs replaced by 0, Kayenta passes an empty series (slipway's judge does not).
        if (input.nanStrategy === 'replace')
            return { classification: 'Pass', critical: false, deviation: NaN, reason };
        if (input.isDataRequired && !input.isCriticalMetric) {
            return { classification: 'NodataFailMetric', critical: false, deviation: NaN, reason };
        }
        return { classification: 'Nodata', critical: input.isCriticalMetric, deviation: NaN, reason };
    }
    const outcome = compareSamples(experiment, control, input.params);
    const deviation = outcome.decision === 'identical' || outcome.decision === 'single-value'
        ? 1
        : (outcome.details?.meanRatio ?? NaN);
    return {
        classification: outcome.classification,
        critical: outcome.critical,
        deviation,
        reason: outcome.error ?? outcome.decision
    };
}
/** Kayenta's MeanInequalityClassifier, the baseline classifier of its tests. */
function meanInequalityClassify(control, experiment, direction) {
    const canaryMean = mean(experiment);
    const baselineMean = mean(control);
    if (canaryMean > baselineMean && direction !== 'decrease')
        return 'High';
    if (canaryMean < baselineMean && direction !== 'increase')
        return 'Low';
    return 'Pass';
}

;// CONCATENATED MODULE: ./src/core/canary/group-sequential.ts

/**
 * Lan-DeMets' O'Brien-Fleming-type spending function for one side: the share of the one-sided
 * level `alpha` that may be spent by information fraction t, 2 - 2 Phi(z_(1 - alpha/2) / sqrt t)
 * (gsDesign's sfLDOF). Almost nothing early, alpha at t = 1.
 */
function obrienFlemingSpent(t, alpha) {
    if (t <= 0)
        return 0;
    if (t >= 1)
        return alpha;
    return 2 * normalCdf(-normal_normalQuantile(alpha / 2, true) / Math.sqrt(t));
}
const GRID = 241;
const group_sequential_cache = new Map();
/**
 * Two-sided group-sequential boundaries on the z scale for looks at the given information
 * fractions (increasing, the last 1), each side spending alpha / 2 the Lan-DeMets
 * O'Brien-Fleming way: under no change, the chance that |Z| crosses its boundary at any look
 * is alpha.
 *
 * Z_k = S_k / sqrt(t_k) with S a Brownian motion; the density of S on the region not yet
 * crossed is carried from look to look by numerical integration (Simpson's rule on a grid),
 * as in Armitage, McPherson and Rowe (1969) and Jennison and Turnbull (2000, ch. 19).
 */
function obrienFlemingBoundaries(fractions, alpha) {
    const key = `${alpha}|${fractions.join(',')}`;
    const cached = group_sequential_cache.get(key);
    if (cached)
        return cached;
    const bounds = [];
    let grid = new Float64Array(0);
    let density = new Float64Array(0);
    let spent = 0;
    let previous = 0;
    for (const t of fractions) {
        const target = 2 * obrienFlemingSpent(t, alpha / 2) - spent;
        const step = t - previous;
        let c;
        if (bounds.length === 0) {
            c = normal_normalQuantile(target / 2, true);
        }
        else {
            const crossing = (z) => crossingProbability(grid, density, step, z * Math.sqrt(t));
            c = solveDecreasing(crossing, target);
        }
        bounds.push(c);
        spent +=
            bounds.length === 1 ? target : crossingProbability(grid, density, step, c * Math.sqrt(t));
        const next = simpsonGrid(c * Math.sqrt(t));
        density = bounds.length === 1 ? normalDensityOn(next, t) : convolve(grid, density, next, step);
        grid = next;
        previous = t;
    }
    group_sequential_cache.set(key, bounds);
    return bounds;
}
/** Boundaries for look k of K equally spaced looks (the live loop's growing windows). */
function boundaryAtLook(look, looks, alpha) {
    const fractions = Array.from({ length: looks }, (_, i) => (i + 1) / looks);
    return obrienFlemingBoundaries(fractions, alpha)[look - 1];
}
function simpsonGrid(limit) {
    const grid = new Float64Array(GRID);
    for (let i = 0; i < GRID; i++)
        grid[i] = -limit + (2 * limit * i) / (GRID - 1);
    return grid;
}
function simpsonWeight(i, h) {
    const w = i === 0 || i === GRID - 1 ? 1 : i % 2 === 1 ? 4 : 2;
    return (w * h) / 3;
}
function normalDensityOn(grid, variance) {
    const out = new Float64Array(grid.length);
    for (let i = 0; i < grid.length; i++)
        out[i] = gaussian(grid[i], variance);
    return out;
}
function gaussian(x, variance) {
    return Math.exp((-x * x) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
}
/** P(still inside before, |S + increment| >= limit after). */
function crossingProbability(grid, density, variance, limit) {
    const h = grid[1] - grid[0];
    const sd = Math.sqrt(variance);
    let total = 0;
    for (let i = 0; i < grid.length; i++) {
        const s = grid[i];
        const out = normalCdf((-limit - s) / sd) + normalCdf((s - limit) / sd);
        total += simpsonWeight(i, h) * density[i] * out;
    }
    return total;
}
function convolve(grid, density, next, variance) {
    const h = grid[1] - grid[0];
    const out = new Float64Array(next.length);
    for (let j = 0; j < next.length; j++) {
        let total = 0;
        for (let i = 0; i < grid.length; i++) {
            total += simpsonWeight(i, h) * density[i] * gaussian(next[j] - grid[i], variance);
        }
        out[j] = total;
    }
    return out;
}
/** The z where a decreasing f(z) meets the target, by bisection. */
function solveDecreasing(f, target) {
    let low = 0;
    let high = 40;
    for (let i = 0; i < 100 && high - low > 1e-10; i++) {
        const mid = (low + high) / 2;
        if (f(mid) > target)
            low = mid;
        else
            high = mid;
    }
    return (low + high) / 2;
}

;// CONCATENATED MODULE: ./src/core/canary/reasons.ts
/** Four significant digits, without exponent noise for ordinary magnitudes. */
function formatNumber(value) {
    if (Number.isNaN(value))
        return 'n/a';
    if (!Number.isFinite(value))
        return value > 0 ? 'inf' : '-inf';
    if (value === 0)
        return '0';
    return String(Number(value.toPrecision(4)));
}
function formatSigned(value) {
    return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}
function formatPValue(p) {
    if (Number.isNaN(p))
        return 'n/a';
    return p < 0.001 ? p.toExponential(1) : String(Number(p.toPrecision(2)));
}
function formatInterval(details) {
    const level = `${formatNumber(details.confidenceLevel * 100)}%`;
    return `${formatSigned(details.estimate)} [${formatNumber(details.ciLower)}, ${formatNumber(details.ciUpper)}] at ${level}`;
}
function effectName(details) {
    return details.effectSizeMeasure === 'cles' ? 'CLES' : 'ratio';
}
function effectValue(details) {
    if (!Number.isNaN(details.effectSize))
        return `${effectName(details)} ${formatNumber(details.effectSize)}`;
    return `${effectName(details)} n/a (a mean is 0)`;
}
function comparisonReason(outcome, settings) {
    const reason = decisionReason(outcome, settings);
    const d = outcome.details;
    return d?.coarse
        ? `${reason}; coarse interval: the values span less than 0.01, scale the metric`
        : reason;
}
function decisionReason(outcome, settings) {
    const d = outcome.details;
    switch (outcome.decision) {
        case 'identical':
            return 'canary and baseline samples are identical';
        case 'single-value':
            return 'every canary and baseline sample has the same value';
        case 'error':
            return `cannot compare: ${outcome.error}`;
    }
    if (!d)
        return outcome.decision;
    const p = `p = ${formatPValue(d.pValue)}`;
    const { allowedIncrease, allowedDecrease } = settings.effectSize;
    const critical = outcome.critical ? '; critical failure' : '';
    switch (outcome.decision) {
        case 'high': {
            const gate = Number.isNaN(d.effectSize)
                ? effectValue(d)
                : `${effectValue(d)} ≥ allowed ${formatNumber(allowedIncrease)}`;
            return `canary higher: shift ${formatInterval(d)}, ${gate}, ${p}${critical}`;
        }
        case 'low': {
            const gate = Number.isNaN(d.effectSize)
                ? effectValue(d)
                : `${effectValue(d)} ≤ allowed ${formatNumber(allowedDecrease)}`;
            return `canary lower: shift ${formatInterval(d)}, ${gate}, ${p}${critical}`;
        }
        case 'below-effect-size': {
            const higher = d.ciLower > d.band;
            const gate = higher
                ? `${effectValue(d)} < allowed ${formatNumber(allowedIncrease)}`
                : `${effectValue(d)} > allowed ${formatNumber(allowedDecrease)}`;
            return `canary ${higher ? 'higher' : 'lower'} (shift ${formatInterval(d)}) but ${gate}, ${p}`;
        }
        case 'allowed-direction': {
            const higher = d.ciLower > d.band;
            return `canary ${higher ? 'higher' : 'lower'} (shift ${formatInterval(d)}), not a regression for direction ${settings.direction}, ${p}`;
        }
        default:
            return `no clear shift: ${formatInterval(d)} does not clear ±${formatNumber(d.band)}, ${effectValue(d)}, ${p}`;
    }
}
function thresholdReason(classification, details, used) {
    const what = `${details.aggregate} ${formatNumber(details.value)} of ${used} canary sample${used === 1 ? '' : 's'}`;
    if (classification === 'High')
        return `${what} > max ${formatNumber(details.max)}`;
    if (classification === 'Low')
        return `${what} < min ${formatNumber(details.min)}`;
    const bounds = [
        details.min !== undefined ? `min ${formatNumber(details.min)}` : '',
        details.max !== undefined ? `max ${formatNumber(details.max)}` : ''
    ]
        .filter(Boolean)
        .join(', ');
    return `${what} within ${bounds || 'no bounds'}`;
}
function sideText(side, counts) {
    const dropped = [
        counts.missing > 0 ? `${counts.missing} missing` : '',
        counts.warmup > 0 ? `${counts.warmup} warm-up` : '',
        counts.outliers > 0 ? `${counts.outliers} outliers` : ''
    ].filter(Boolean);
    return `${side} ${counts.used}${dropped.length > 0 ? ` (${dropped.join(', ')} dropped)` : ''}`;
}
function noDataReason(canary, baseline, settings) {
    const sides = [sideText('canary', canary), baseline ? sideText('baseline', baseline) : ''].filter(Boolean);
    const empty = canary.used === 0 || (baseline !== undefined && baseline.used === 0);
    const head = empty ? 'no data' : `too few samples (min-samples ${settings.minSamples})`;
    const policy = {
        fail: 'counted as a failure (on-no-data: fail)',
        inconclusive: 'inconclusive (on-no-data: inconclusive)',
        pass: 'counted as pass (on-no-data: pass)'
    }[settings.onNoData];
    return `${head}: ${sides.join(', ')}; ${policy}`;
}

;// CONCATENATED MODULE: ./src/core/canary/guard.ts


// Kayenta's rule calls a shift High or Low only when the whole interval of the shift clears a
// tolerance band, so a canary with half its samples at ten times the baseline passes: the
// interval spans both halves. A guard is a plain limit on canary / baseline of the mean or a
// percentile, which such a canary crosses.
/** The guard's statistic on both sides and whether their ratio crossed a limit. */
function checkGuard(guard, direction, canary, baseline) {
    const percentile = guard.percentile;
    const statistic = percentile === undefined ? 'mean' : `p${formatNumber(percentile)}`;
    const of = (side) => percentile === undefined ? stats_mean(side.values) : percentileR7(side.sorted, percentile, true);
    const c = of(canary);
    const b = of(baseline);
    const ratio = ratioOf(c, b);
    const details = { statistic, canary: c, baseline: b, ratio };
    if (guard.maxRatio !== undefined)
        details.maxRatio = guard.maxRatio;
    if (guard.minRatio !== undefined)
        details.minRatio = guard.minRatio;
    if (direction !== 'decrease' && guard.maxRatio !== undefined && ratio > guard.maxRatio) {
        details.tripped = 'max-ratio';
    }
    else if (direction !== 'increase' && guard.minRatio !== undefined && ratio < guard.minRatio) {
        details.tripped = 'min-ratio';
    }
    return details;
}
function ratioOf(canary, baseline) {
    if (canary < 0 || baseline < 0)
        return NaN;
    if (baseline === 0)
        return canary === 0 ? 1 : Infinity;
    return canary / baseline;
}
function guardReason(details) {
    const times = Number.isFinite(details.ratio) ? `${formatNumber(details.ratio)}×` : 'infinitely';
    const limit = details.tripped === 'max-ratio'
        ? `above max-ratio ${formatNumber(details.maxRatio)}`
        : `below min-ratio ${formatNumber(details.minRatio)}`;
    return `guard: canary ${details.statistic} is ${times} the baseline's, ${limit} (${formatNumber(details.canary)} vs ${formatNumber(details.baseline)})`;
}

;// CONCATENATED MODULE: ./src/core/canary/outliers.ts

/** Kayenta's judge default IQR fence factor. */
const DEFAULT_OUTLIER_FACTOR = 3;
/**
 * Kayenta's IQRDetector: a value is an outlier when strictly outside
 * [Q1 - f * IQR, Q3 + f * IQR] (R-7 quartiles). With reduceSensitivity, as the judge
 * uses it, the fences widen to at least P1 and P99, so at most the most extreme point on
 * each side can go from a series of 100 or fewer.
 */
function iqrOutliers(values, factor = DEFAULT_OUTLIER_FACTOR, reduceSensitivity = true) {
    if (values.length === 0)
        return [];
    const sorted = sortedCopy(values);
    const q1 = percentileR7(sorted, 25, true);
    const q3 = percentileR7(sorted, 75, true);
    const iqr = q3 - q1;
    let lowerFence = q1 - factor * iqr;
    let upperFence = q3 + factor * iqr;
    if (reduceSensitivity) {
        lowerFence = Math.min(percentileR7(sorted, 1, true), lowerFence);
        upperFence = Math.max(percentileR7(sorted, 99, true), upperFence);
    }
    return Array.from(values, (v) => v < lowerFence || v > upperFence);
}
/** Kayenta's KSigmaDetector: |x - mean| > k * population standard deviation. */
function kSigmaOutliers(values, k = 3) {
    if (values.length === 0)
        return [];
    const avg = mean(values);
    let squares = 0;
    for (let i = 0; i < values.length; i++)
        squares += (values[i] - avg) ** 2;
    const sd = Math.sqrt(squares / values.length);
    return Array.from(values, (v) => Math.abs(v - avg) > k * sd);
}
function withoutFlagged(values, flagged) {
    const kept = [];
    for (let i = 0; i < values.length; i++)
        if (!flagged[i])
            kept.push(values[i]);
    return kept;
}

;// CONCATENATED MODULE: ./src/core/canary/preprocess.ts

function isMissing(value) {
    return value === null || Number.isNaN(value);
}
/** Kayenta's Transforms.removeNaNs. */
function removeMissing(values) {
    return values.filter((v) => !isMissing(v));
}
/** Kayenta's Transforms.replaceNaNs with 0. */
function replaceMissingWithZero(values) {
    return values.map((v) => (isMissing(v) ? 0 : v));
}
/**
 * One side's samples as the judge uses them: the warm-up dropped (first samples in time),
 * missing values removed or replaced, then outliers removed when asked (Kayenta's order).
 */
function clean(raw, settings) {
    const warmup = Math.min(settings.warmupSamples, raw.length);
    const replace = settings.nanStrategy === 'replace';
    const present = [];
    let missing = 0;
    for (let i = warmup; i < raw.length; i++) {
        const value = raw[i];
        if (value === null || Number.isNaN(value)) {
            missing++;
            if (replace)
                present.push(0);
        }
        else {
            present.push(value);
        }
    }
    let values = present;
    if (settings.outliers.strategy === 'remove') {
        values = withoutFlagged(present, iqrOutliers(present, settings.outliers.factor, true));
    }
    return {
        values,
        counts: {
            raw: raw.length,
            warmup,
            missing,
            outliers: present.length - values.length,
            used: values.length
        }
    };
}

;// CONCATENATED MODULE: ./src/core/canary/score.ts
/** Spinnaker's documented starting points. */
const DEFAULT_SCORE_THRESHOLDS = { pass: 95, marginal: 75 };
/** Kayenta's ScoringHelper: this share of Nodata results or more zeroes the score. */
const NODATA_THRESHOLD_PERCENT = 50;
/**
 * Kayenta's WeightedSumScorer with ScoringHelper's overrides. Per group, the share of
 * Pass among Pass, High, Low and NodataFailMetric (Nodata and Error are left out); a group
 * with nothing countable counts as 100. Groups without a weight share what the given
 * weights leave of 100. One difference, documented: when the weights of the groups in
 * play do not add up to 100 the sum is normalised (a weighted mean), so relative weights
 * such as {errors: 2, latency: 1} work; weights that add up to 100 score exactly as Kayenta.
 */
function weightedSumScore(results, groupWeights = {}) {
    const tallies = new Map();
    for (const result of results) {
        for (const group of result.groups) {
            const tally = tallies.get(group) ?? { pass: 0, countable: 0 };
            if (result.classification === 'Pass')
                tally.pass++;
            if (result.classification !== 'Nodata' && result.classification !== 'Error')
                tally.countable++;
            tallies.set(group, tally);
        }
    }
    // Group names are data: only the weights' own entries count (not `constructor` & co).
    const weights = new Map(Object.entries(groupWeights));
    const names = [...tallies.keys()];
    const weighted = names.filter((name) => weights.has(name));
    const given = weighted.reduce((sum, name) => sum + weights.get(name), 0);
    const unweightedCount = names.length - weighted.length;
    const share = unweightedCount > 0 ? Math.max(0, 100 - given) / unweightedCount : 0;
    const groups = names.map((name) => {
        const { pass, countable } = tallies.get(name);
        return {
            name,
            score: countable === 0 ? 0 : (100 * pass) / countable,
            noData: countable === 0,
            weight: weights.get(name) ?? share
        };
    });
    const criticalFailure = results.some((r) => r.critical && r.classification !== 'Pass');
    const noData = results.filter((r) => r.classification === 'Nodata').length;
    const tooMuchNoData = results.length > 0 && (100 * noData) / results.length >= NODATA_THRESHOLD_PERCENT;
    if (criticalFailure || tooMuchNoData || groups.length === 0) {
        return { score: 0, groups, criticalFailure, tooMuchNoData };
    }
    const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0);
    let sum = 0;
    for (const g of groups)
        sum += ((g.noData ? 100 : g.score) * g.weight) / 100;
    const normalised = totalWeight > 0 && totalWeight !== 100 ? (sum * 100) / totalWeight : sum;
    return { score: roundHalfUp(normalised, 2), groups, criticalFailure, tooMuchNoData };
}
/** Kayenta's ThresholdScoreClassifier. */
function classifyScore(score, thresholds) {
    if (score >= thresholds.pass)
        return 'Pass';
    if (score >= thresholds.marginal)
        return 'Marginal';
    return 'Fail';
}
/**
 * Half-up rounding of the decimal a double prints as (commons-math Precision.round, which
 * goes through the decimal string), so 1.005 becomes 1.01 and not 1.
 */
function roundHalfUp(value, digits) {
    if (!Number.isFinite(value))
        return value;
    const text = Math.abs(value).toString();
    const [whole, fraction = ''] = text.split('.');
    if (text.includes('e') || fraction.length <= digits)
        return value;
    const scale = 10 ** digits;
    const kept = Number(whole) * scale + Number(fraction.slice(0, digits));
    const rounded = (fraction.charCodeAt(digits) >= 53 ? kept + 1 : kept) / scale;
    return value < 0 ? -rounded : rounded;
}
/**
 * Kayenta stand-alone analysis's final decision from the last judgement's score: it
 * fails at or below marginal (note: the judge calls a score equal to marginal Marginal)
 * and below pass; without thresholds it passes.
 */
function standaloneDidPass(finalScore, thresholds) {
    if (thresholds.marginal !== undefined && finalScore <= thresholds.marginal)
        return false;
    if (thresholds.pass !== undefined && finalScore < thresholds.pass)
        return false;
    return true;
}

;// CONCATENATED MODULE: ./src/core/canary/serial-variance.ts
/**
 * The variance of a mean of serially correlated samples, from an AR(1) fit. Per-step metrics
 * are correlated by construction (a rate() window longer than the step shares samples), and
 * treating them as independent underestimates the variance of their mean several times over.
 */
/** Beyond this the AR(1) model cannot tell a slow process from a level: no credit for more. */
const MAX_PHI = 0.95;
/**
 * n Var(mean) / sigma^2 for a stationary AR(1): 1 + 2 sum_{k<n} (1 - k/n) phi^k in closed form.
 * Tends to (1 + phi) / (1 - phi) for large n.
 */
function ar1VarianceInflation(phi, n) {
    if (phi === 0 || n <= 1)
        return 1;
    const q = 1 - phi;
    return 1 + 2 * (phi / q - (phi * (1 - Math.pow(phi, n))) / (n * q * q));
}
/**
 * The lag-1 autocorrelation r1 is biased towards 0 (about -(1 + 3 phi) / n with the mean
 * estimated, Kendall 1954); solving r1 = phi - (1 + 3 phi) / n for phi removes most of it.
 */
function biasCorrectedPhi(r1, n) {
    if (n <= 4)
        return MAX_PHI;
    return (n * r1 + 1) / (n - 3);
}
function lag1Autocorrelation(xs, mean) {
    let num = 0;
    let den = 0;
    for (let i = 0; i < xs.length; i++) {
        const d = xs[i] - mean;
        den += d * d;
        if (i > 0)
            num += d * (xs[i - 1] - mean);
    }
    return den === 0 ? 0 : num / den;
}
/**
 * Mean and variance of the mean under AR(1) correlation. A negative correlation earns no
 * credit (phi is clamped at 0), and the sample variance, itself biased low under positive
 * correlation (E s^2 = sigma^2 (n - f) / (n - 1) with f the inflation), is corrected too.
 *
 * phi is taken one standard error (sqrt((1 - phi^2) / n)) above its bias-corrected estimate:
 * at 30 samples the estimate of phi = 0.8 is so noisy that a t interval on the plain
 * estimate missed 3.8 % of the time at a nominal 1 %; with the margin 1.5 %, and at 360
 * iid samples the interval is only 4-7 % wider (test/unit/canary-serial-variance.test.ts).
 */
function serialMean(xs) {
    const n = xs.length;
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += xs[i];
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++)
        squares += (xs[i] - mean) ** 2;
    const estimate = Math.max(-1, Math.min(1, biasCorrectedPhi(lag1Autocorrelation(xs, mean), n)));
    const phi = Math.min(MAX_PHI, Math.max(0, estimate + Math.sqrt((1 - estimate ** 2) / n)));
    const inflation = ar1VarianceInflation(phi, n);
    // With f close to n the data cannot say more than "one independent sample".
    const sigma2 = squares / Math.max(1, n - inflation);
    return { mean, variance: (sigma2 * inflation) / n, phi, effectiveSamples: n / inflation };
}

;// CONCATENATED MODULE: ./src/core/canary/student-t.ts
/** Student's t distribution for real degrees of freedom (the effective ones are not whole). */
/** log Gamma by Lanczos' approximation (g = 7, n = 9), good to ~1e-15 for x > 0. */
function logGamma(x) {
    const c = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    const z = x - 1;
    let sum = c[0];
    for (let i = 1; i < 9; i++)
        sum += c[i] / (z + i);
    const t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x, a, b) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 1000; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-15)
            break;
    }
    return h;
}
/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    if (x < (a + 1) / (a + b + 2))
        return (front * betaFraction(x, a, b)) / a;
    return 1 - (front * betaFraction(1 - x, b, a)) / b;
}
/** P(T > t) for t >= 0. */
function studentTUpper(t, df) {
    if (t <= 0)
        return 0.5;
    if (!Number.isFinite(df))
        return NaN;
    return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}
/** The t with P(T > t) = p, for 0 < p <= 0.5: bisection on log t, to ~1e-12 relative. */
function studentTQuantileUpper(p, df) {
    if (p >= 0.5)
        return 0;
    let low = -30;
    let high = 30;
    for (let i = 0; i < 200 && high - low > 1e-13; i++) {
        const mid = (low + high) / 2;
        if (studentTUpper(Math.exp(mid), df) > p)
            low = mid;
        else
            high = mid;
    }
    return Math.exp((low + high) / 2);
}

;// CONCATENATED MODULE: ./src/core/canary/sequential.ts





/** The sequential judge wrongly fails an unchanged metric at most 1 % of the time, all looks. */
const DEFAULT_SEQUENTIAL_LEVEL = 0.99;
/**
 * Two healthy deployments of one release differ by a few percent (instances, nodes, caches)
 * whatever the sample size; 3 % is the sd of log(canary / baseline) allowed for that.
 */
const DEFAULT_SPREAD_TOLERANCE = 0.03;
/**
 * Canary and baseline samples paired by step (both come from one range query grid, so a step
 * is a timestamp): the warm-up dropped, a step kept only when both sides have it (or with
 * nan-strategy replace, a missing sample as 0). Outlier removal would break the pairing and
 * is not applied.
 */
function pairByStep(canary, baseline, warmupSamples, nanStrategy) {
    const steps = Math.max(canary.length, baseline.length);
    const replace = nanStrategy === 'replace';
    const pairs = {
        canary: [],
        baseline: [],
        counts: { canary: counts(), baseline: counts() }
    };
    pairs.counts.canary.raw = canary.length;
    pairs.counts.baseline.raw = baseline.length;
    pairs.counts.canary.warmup = Math.min(warmupSamples, canary.length);
    pairs.counts.baseline.warmup = Math.min(warmupSamples, baseline.length);
    for (let i = warmupSamples; i < steps; i++) {
        let c = i < canary.length ? canary[i] : null;
        let b = i < baseline.length ? baseline[i] : null;
        if (isMissing(c)) {
            if (i < canary.length)
                pairs.counts.canary.missing++;
            if (replace && i < canary.length)
                c = 0;
        }
        if (isMissing(b)) {
            if (i < baseline.length)
                pairs.counts.baseline.missing++;
            if (replace && i < baseline.length)
                b = 0;
        }
        if (isMissing(c) || isMissing(b))
            continue;
        pairs.canary.push(c);
        pairs.baseline.push(b);
    }
    pairs.counts.canary.used = pairs.canary.length;
    pairs.counts.baseline.used = pairs.baseline.length;
    return pairs;
}
function counts() {
    return { raw: 0, warmup: 0, missing: 0, outliers: 0, used: 0 };
}
function average(xs) {
    let sum = 0;
    for (const x of xs)
        sum += x;
    return sum / xs.length;
}
/**
 * The change canary / baseline with its interval at this look. The interval is
 * estimate +- sqrt((t se)^2 + (z tau)^2): se the standard error of the mean log-ratio under
 * AR(1) correlation, z the look's group-sequential boundary, t the same tail probability as
 * a Student t quantile on effective samples - 1 degrees of freedom (se is itself estimated),
 * and tau = log(1 + spread tolerance), an offset between deployments that no sample size
 * removes, taken as known variance.
 */
function compareSequential(canary, baseline, options) {
    const alpha = 1 - options.level;
    const boundary = boundaryAtLook(options.look.index, options.look.count, alpha);
    const tail = normalCdf(-boundary);
    const positive = canary.every((v) => v > 0) && baseline.every((v) => v > 0);
    const canaryMean = average(canary);
    const baselineMean = average(baseline);
    let scale;
    let series;
    let center;
    let spread = Math.log(1 + options.spreadTolerance);
    let divisor = 1;
    if (positive) {
        scale = 'log';
        series = canary.map((c, i) => Math.log(c) - Math.log(baseline[i]));
        center = NaN;
    }
    else if (canaryMean > 0 && baselineMean > 0) {
        // Delta method: log(mean c / mean b) has the variance of mean(c - R b) / mean(c).
        scale = 'ratio-of-means';
        const ratio = canaryMean / baselineMean;
        series = canary.map((c, i) => c - ratio * baseline[i]);
        center = Math.log(ratio);
        divisor = canaryMean;
    }
    else {
        scale = 'difference';
        series = canary.map((c, i) => c - baseline[i]);
        center = NaN;
        spread = 0;
    }
    const fit = serialMean(series);
    if (Number.isNaN(center))
        center = fit.mean;
    const standardError = Math.sqrt(fit.variance) / divisor;
    const critical = studentTQuantileUpper(tail, Math.max(1, fit.effectiveSamples - 1));
    const half = Math.hypot(critical * standardError, boundary * spread);
    const toScale = scale === 'difference' ? (x) => x : Math.exp;
    return {
        scale,
        estimate: toScale(center),
        lower: toScale(center - half),
        upper: toScale(center + half),
        look: options.look.index,
        looks: options.look.count,
        boundary,
        critical,
        level: options.level,
        spreadTolerance: options.spreadTolerance,
        pairs: canary.length,
        effectiveSamples: fit.effectiveSamples,
        autocorrelation: fit.phi,
        standardError
    };
}
/** Where the interval lies against no change: above, below, or across it. */
function sequentialSide(details) {
    const none = details.scale === 'difference' ? 0 : 1;
    if (details.lower > none)
        return 'above';
    if (details.upper < none)
        return 'below';
    return 'across';
}

;// CONCATENATED MODULE: ./src/core/canary/settings.ts



/**
 * Kayenta has no minimum sample size and calls 2 vs 2 non-overlapping points High (exact
 * p = 1/3). At 10 per side the exact rank-sum test can reach p ~ 1e-5, well past the
 * stricter level Kayenta's tolerance rule implies (about 0.002), and a 5-minute window at
 * a 30-second step yields 10 points. Spinnaker advises 50; set min-samples for that.
 */
const DEFAULT_MIN_SAMPLES = 10;
function analysisSettings(analysis) {
    return {
        confidenceLevel: analysis?.['confidence-level'] ?? KAYENTA_CONFIDENCE_LEVEL,
        minSamples: analysis?.['min-samples'] ?? DEFAULT_MIN_SAMPLES,
        thresholds: analysis?.thresholds ?? DEFAULT_SCORE_THRESHOLDS,
        groupWeights: analysis?.groups ?? {}
    };
}
/** Kayenta's defaults: allowed and critical effect sizes 1.0, or 0.5 for CLES. */
function neutralEffectSize(measure) {
    return measure === 'cles' ? 0.5 : 1;
}
/** Settings of a metric that has data but no entry in the config. */
function defaultMetricSettings(name, analysis) {
    return {
        name,
        group: 'default',
        direction: 'either',
        critical: false,
        effectSize: { measure: 'mean-ratio', allowedIncrease: 1, allowedDecrease: 1 },
        onNoData: 'inconclusive',
        minSamples: analysisSettings(analysis).minSamples,
        nanStrategy: 'remove',
        outliers: { strategy: 'keep', factor: DEFAULT_OUTLIER_FACTOR }
    };
}
function metricSettings(metric, analysis) {
    const effect = metric['effect-size'];
    const measure = effect?.measure ?? 'mean-ratio';
    const neutral = neutralEffectSize(measure);
    return {
        name: metric.name,
        group: metric.group,
        direction: metric.direction,
        critical: metric.critical,
        effectSize: {
            measure,
            allowedIncrease: effect?.['allowed-increase'] ?? neutral,
            allowedDecrease: effect?.['allowed-decrease'] ?? neutral,
            criticalIncrease: effect?.['critical-increase'],
            criticalDecrease: effect?.['critical-decrease']
        },
        threshold: metric.threshold && {
            min: metric.threshold.min,
            max: metric.threshold.max,
            aggregate: metric.threshold.aggregate
        },
        onNoData: metric['on-no-data'],
        // Thresholds judge one value; they need more only when the metric says so.
        minSamples: metric['min-samples'] ?? (metric.threshold ? 1 : analysisSettings(analysis).minSamples),
        nanStrategy: metric['nan-strategy'],
        outliers: {
            strategy: metric.outliers?.strategy ?? 'keep',
            factor: metric.outliers?.factor ?? DEFAULT_OUTLIER_FACTOR
        },
        ...(metric.judge ? { judge: metric.judge } : {}),
        ...(metric['spread-tolerance'] !== undefined
            ? { spreadTolerance: metric['spread-tolerance'] }
            : {}),
        ...(metric.guard
            ? {
                guard: {
                    maxRatio: metric.guard['max-ratio'],
                    minRatio: metric.guard['min-ratio'],
                    percentile: metric.guard.percentile
                }
            }
            : {})
    };
}
/**
 * When a High or Low becomes a critical failure. A critical metric escalates at Kayenta's
 * critical effect sizes (default 1, or 0.5 for CLES: every High or Low); another metric
 * only past a critical size the user set.
 */
function escalation(settings) {
    const { effectSize } = settings;
    const neutral = settings.critical ? neutralEffectSize(effectSize.measure) : undefined;
    return {
        increase: effectSize.criticalIncrease ?? neutral,
        decrease: effectSize.criticalDecrease ?? neutral
    };
}
function withDirection(settings, direction) {
    return { ...settings, direction };
}

;// CONCATENATED MODULE: ./src/core/canary/sequential-metric.ts





/** One comparison metric judged by the sequential judge (paired, serial-aware, per look). */
function judgeSequentialMetric(settings, canaryRaw, baselineRaw, options) {
    const paired = pairByStep(canaryRaw, baselineRaw, options.warmupSamples ?? 0, settings.nanStrategy);
    const { canary, baseline } = paired;
    const base = {
        name: settings.name,
        group: settings.group,
        direction: settings.direction,
        critical: settings.critical,
        onNoData: settings.onNoData,
        minSamples: settings.minSamples,
        kind: 'comparison',
        samples: paired.counts,
        canary: summary(canary),
        baseline: summary(baseline),
        effectSizeThresholds: settings.effectSize
    };
    const judged = (result) => ({ result, canary, baseline });
    if (canary.length === 0 || canary.length < settings.minSamples) {
        let scoredAs = 'Nodata';
        if (settings.onNoData === 'pass')
            scoredAs = 'Pass';
        else if (settings.onNoData === 'fail' && !settings.critical)
            scoredAs = 'NodataFailMetric';
        const criticalFailure = settings.onNoData === 'fail' && settings.critical;
        const reason = noDataReason(paired.counts.canary, paired.counts.baseline, settings);
        return judged({
            ...base,
            classification: 'NoData',
            reason: `${reason} (pairs of canary and baseline at the same step)${criticalFailure ? '; critical failure' : ''}`,
            criticalFailure,
            scoredAs
        });
    }
    const bad = [...canary, ...baseline].find((v) => !Number.isFinite(v) || v < 0);
    if (bad !== undefined) {
        return judged({
            ...base,
            classification: 'Error',
            reason: `cannot judge: the sequential judge compares ratios of values of at least 0, got ${formatNumber(bad)} (use --method kayenta or a threshold)`,
            criticalFailure: false,
            scoredAs: 'Error'
        });
    }
    const details = compareSequential(canary, baseline, {
        level: options.sequentialLevel ?? DEFAULT_SEQUENTIAL_LEVEL,
        spreadTolerance: settings.spreadTolerance ?? options.spreadTolerance ?? DEFAULT_SPREAD_TOLERANCE,
        look: options.look ?? { index: 1, count: 1 }
    });
    const { classification, critical } = classify(details, settings);
    return judged({
        ...base,
        classification,
        reason: sequentialReason(classification, details, settings) + (critical ? '; critical failure' : ''),
        criticalFailure: critical,
        scoredAs: classification,
        sequential: details
    });
}
/** High or Low when the interval clears no change in a direction the metric calls bad. */
function classify(details, settings) {
    const side = sequentialSide(details);
    const ratio = details.scale === 'difference' ? NaN : details.estimate;
    const { effectSize, direction } = settings;
    const passes = (limit, cmp) => Number.isNaN(ratio) || effectSize.measure !== 'mean-ratio' || cmp(ratio, limit);
    const escalate = escalation(settings);
    if (side === 'above' &&
        direction !== 'decrease' &&
        passes(effectSize.allowedIncrease, (a, b) => a >= b)) {
        const critical = escalate.increase !== undefined && passes(escalate.increase, (a, b) => a >= b);
        return { classification: 'High', critical };
    }
    if (side === 'below' &&
        direction !== 'increase' &&
        passes(effectSize.allowedDecrease, (a, b) => a <= b)) {
        const critical = escalate.decrease !== undefined && passes(escalate.decrease, (a, b) => a <= b);
        return { classification: 'Low', critical };
    }
    return { classification: 'Pass', critical: false };
}
function formatSequentialInterval(d) {
    const value = d.scale === 'difference'
        ? `${formatNumber(d.estimate)} [${formatNumber(d.lower)}, ${formatNumber(d.upper)}]`
        : `×${formatNumber(d.estimate)} [${formatNumber(d.lower)}, ${formatNumber(d.upper)}]`;
    return `${value} at look ${d.look}/${d.looks}, boundary z ${formatNumber(d.boundary)}`;
}
function sequentialReason(classification, d, settings) {
    const what = d.scale === 'difference' ? 'canary - baseline' : 'canary / baseline';
    const none = d.scale === 'difference' ? '0' : '1';
    const evidence = `${what} ${formatSequentialInterval(d)} (t ${formatNumber(d.critical)}); ` +
        `${d.pairs} pairs worth ${formatNumber(d.effectiveSamples)} independent (lag-1 ${formatNumber(d.autocorrelation)})` +
        (d.scale === 'difference' ? '' : `, spread tolerance ${formatNumber(d.spreadTolerance * 100)}%`);
    if (classification === 'High')
        return `increase: the interval is above ${none}: ${evidence}`;
    if (classification === 'Low')
        return `decrease: the interval is below ${none}: ${evidence}`;
    const side = sequentialSide(d);
    if (side !== 'across') {
        const why = (side === 'above' && settings.direction === 'decrease') ||
            (side === 'below' && settings.direction === 'increase')
            ? `direction ${settings.direction}`
            : 'within the allowed effect size';
        return `a ${side === 'above' ? 'rise' : 'fall'} the metric allows (${why}): ${evidence}`;
    }
    return `no clear change: ${evidence}`;
}
function summary(values) {
    if (values.length === 0)
        return { count: 0, min: NaN, max: NaN, mean: NaN, median: NaN, std: NaN };
    return summarize(values, sortFloat64(values));
}

;// CONCATENATED MODULE: ./src/core/canary/threshold.ts

/** The single value a threshold check looks at, from the canary's samples in time order. */
function aggregate(values, how) {
    if (values.length === 0)
        return NaN;
    switch (how) {
        case 'mean':
            return stats_mean(values);
        case 'median':
            return stats_median(values);
        case 'max':
            return values.reduce((a, b) => (b > a ? b : a));
        case 'min':
            return values.reduce((a, b) => (b < a ? b : a));
        case 'last':
            return values[values.length - 1];
    }
}
/** Argo Rollouts' and Flagger's range check in the judge's vocabulary. */
function checkThreshold(value, bounds) {
    if (bounds.max !== undefined && value > bounds.max)
        return 'High';
    if (bounds.min !== undefined && value < bounds.min)
        return 'Low';
    return 'Pass';
}

;// CONCATENATED MODULE: ./src/core/canary/judge.ts










/** Classifies every metric, scores them the Kayenta way and gives the verdict. */
function judge(metrics, options = {}) {
    const thresholds = options.thresholds ?? DEFAULT_SCORE_THRESHOLDS;
    const results = metrics.map((m) => judgeMetric(m, options));
    const inputs = results.map(scoreInput);
    const scored = weightedSumScore(inputs, options.groupWeights);
    const { verdict, reason } = decide(results, inputs, scored, thresholds, options.groupWeights);
    return {
        verdict,
        score: scored.score,
        reason,
        criticalFailure: results.some((r) => r.criticalFailure),
        thresholds,
        groups: scored.groups,
        metrics: results
    };
}
function judgeMetric(data, options = {}) {
    return inReadingOrder(classifyMetric(data, options));
}
/** The judge a comparison metric gets: `--method` over the metric's own over the analysis'. */
function judgeMethodOf(settings, options) {
    if (options.forceMethod && options.method)
        return options.method;
    return settings.judge ?? options.method ?? 'kayenta';
}
function classifyMetric(data, options) {
    const { settings } = data;
    if (!settings.threshold && judgeMethodOf(settings, options) === 'sequential') {
        return classifySequential(data, options);
    }
    const cleaning = {
        warmupSamples: options.warmupSamples ?? 0,
        nanStrategy: settings.nanStrategy,
        outliers: settings.outliers
    };
    const canary = clean(data.canary, cleaning);
    const canarySorted = sortFloat64(canary.values);
    const common = {
        name: settings.name,
        group: settings.group,
        direction: settings.direction,
        critical: settings.critical,
        onNoData: settings.onNoData,
        minSamples: settings.minSamples,
        canary: sideSummary(canary.values, canarySorted)
    };
    if (settings.threshold) {
        const base = { ...common, kind: 'threshold', samples: { canary: canary.counts } };
        if (canary.values.length < Math.max(1, settings.minSamples)) {
            return noData(base, settings, noDataReason(canary.counts, undefined, settings));
        }
        const details = {
            ...settings.threshold,
            value: aggregate(canary.values, settings.threshold.aggregate)
        };
        if (Number.isNaN(details.value)) {
            return error(base, `the ${details.aggregate} of the canary samples is not a number`, details);
        }
        const classification = checkThreshold(details.value, settings.threshold);
        const criticalFailure = settings.critical && classification !== 'Pass';
        return {
            ...base,
            classification,
            reason: thresholdReason(classification, details, canary.values.length) +
                (criticalFailure ? '; critical failure' : ''),
            criticalFailure,
            scoredAs: classification,
            threshold: details
        };
    }
    const baseline = clean(data.baseline ?? [], cleaning);
    const baselineSorted = sortFloat64(baseline.values);
    const base = {
        ...common,
        kind: 'comparison',
        samples: { canary: canary.counts, baseline: baseline.counts },
        baseline: sideSummary(baseline.values, baselineSorted),
        effectSizeThresholds: settings.effectSize
    };
    const fewest = Math.min(canary.values.length, baseline.values.length);
    if (fewest === 0 || fewest < settings.minSamples) {
        return noData(base, settings, noDataReason(canary.counts, baseline.counts, settings));
    }
    // Sorted, so an infinity would be at an end.
    if (![canarySorted, baselineSorted].every((s) => Number.isFinite(s[0]) && Number.isFinite(s[s.length - 1]))) {
        return error(base, 'infinite samples (e.g. a histogram_quantile above the top bucket) cannot be ranked into an interval');
    }
    const { effectSize } = settings;
    const outcome = compareSamples(canary.values, baseline.values, {
        tolerance: options.tolerance ?? KAYENTA_TOLERANCE,
        confidenceLevel: options.confidenceLevel ?? KAYENTA_CONFIDENCE_LEVEL,
        direction: settings.direction,
        measure: effectSize.measure,
        allowedIncrease: effectSize.allowedIncrease,
        allowedDecrease: effectSize.allowedDecrease,
        escalate: escalation(settings)
    }, { canary: canarySorted, baseline: baselineSorted });
    const result = {
        ...base,
        classification: outcome.classification,
        reason: comparisonReason(outcome, settings),
        criticalFailure: outcome.critical,
        scoredAs: outcome.classification,
        comparison: outcome.details
    };
    if (!settings.guard)
        return result;
    return withGuard(result, checkGuard(settings.guard, settings.direction, { values: canary.values, sorted: canarySorted }, { values: baseline.values, sorted: baselineSorted }), settings);
}
function classifySequential(data, options) {
    const { settings } = data;
    const judged = judgeSequentialMetric(settings, data.canary, data.baseline ?? [], options);
    const { result } = judged;
    if (!settings.guard || !result.sequential)
        return result;
    return withGuard(result, checkGuard(settings.guard, settings.direction, { values: judged.canary, sorted: sortFloat64(judged.canary) }, { values: judged.baseline, sorted: sortFloat64(judged.baseline) }), settings);
}
/**
 * The guard decides only where Kayenta's rule passed: a High or Low stands, and a metric
 * that could not be compared stays an error.
 */
function withGuard(result, guard, settings) {
    if (result.classification !== 'Pass')
        return { ...result, guard };
    if (Number.isNaN(guard.ratio)) {
        return {
            ...result,
            classification: 'Error',
            scoredAs: 'Error',
            reason: `cannot judge: the guard's ratio of ${guard.statistic}s needs values of at least 0 (canary ${formatNumber(guard.canary)}, baseline ${formatNumber(guard.baseline)})`,
            guard
        };
    }
    if (!guard.tripped)
        return { ...result, guard };
    const classification = guard.tripped === 'max-ratio' ? 'High' : 'Low';
    return {
        ...result,
        classification,
        scoredAs: classification,
        reason: `${guardReason(guard)}; ${result.sequential ? 'the sequential judge alone' : "Kayenta's rule alone"}: ${result.reason}${settings.critical ? '; critical failure' : ''}`,
        criticalFailure: settings.critical,
        guard
    };
}
/** The decision first in JSON, the evidence after it. */
function inReadingOrder(result) {
    const { name, classification, reason, kind, group, direction, critical, criticalFailure, scoredAs, ...rest } = result;
    return {
        name,
        classification,
        reason,
        kind,
        group,
        direction,
        critical,
        criticalFailure,
        scoredAs,
        ...rest
    };
}
/** NoData, and how on-no-data makes it count (Kayenta: Nodata, or NodataFailMetric for mustHaveData). */
function noData(base, settings, reason) {
    let scoredAs = 'Nodata';
    if (settings.onNoData === 'pass')
        scoredAs = 'Pass';
    else if (settings.onNoData === 'fail' && !settings.critical)
        scoredAs = 'NodataFailMetric';
    const criticalFailure = settings.onNoData === 'fail' && settings.critical;
    return {
        ...base,
        classification: 'NoData',
        reason: reason + (criticalFailure ? '; critical failure' : ''),
        criticalFailure,
        scoredAs
    };
}
function error(base, why, threshold) {
    return {
        ...base,
        classification: 'Error',
        reason: `cannot judge: ${why}`,
        criticalFailure: false,
        scoredAs: 'Error',
        ...(threshold ? { threshold } : {})
    };
}
function sideSummary(values, sorted) {
    if (values.length === 0)
        return { count: 0, min: NaN, max: NaN, mean: NaN, median: NaN, std: NaN };
    return summarize(values, sorted);
}
/** A critical metric without data zeroes Kayenta's score whatever its on-no-data (unless pass). */
function scoreInput(result) {
    const critical = result.criticalFailure ||
        (result.scoredAs === 'Nodata' && result.critical && result.onNoData !== 'pass');
    return { classification: result.scoredAs, groups: [result.group], critical };
}
/** Metrics with no result that on-no-data leaves undecided, and errors: these block a pass. */
function undecided(result) {
    return (result.classification === 'Error' ||
        (result.classification === 'NoData' && result.onNoData === 'inconclusive'));
}
/**
 * The verdict, failing closed: a critical failure fails; metrics without a decision make
 * the run inconclusive unless the others already rule out a pass (scored as if the missing
 * ones had passed); otherwise the score against the pass and marginal thresholds.
 */
function decide(results, inputs, scored, thresholds, groupWeights) {
    if (results.length === 0) {
        return { verdict: 'inconclusive', reason: 'nothing to judge: no metrics' };
    }
    const critical = results.filter((r) => r.criticalFailure);
    if (critical.length > 0) {
        const names = critical.map((r) => `${r.name} (${r.classification})`).join(', ');
        return { verdict: 'fail', reason: `critical metric failed: ${names}` };
    }
    const bad = describeFailures(results);
    const open = results.filter(undecided);
    if (open.length > 0) {
        const names = open.map((r) => `${r.name} (${r.classification})`).join(', ');
        const bestCase = inputs.map((input, i) => undecided(results[i]) ? { ...input, classification: 'Pass', critical: false } : input);
        const best = weightedSumScore(bestCase, groupWeights).score;
        const label = classifyScore(best, thresholds);
        if (label === 'Pass') {
            return {
                verdict: 'inconclusive',
                reason: `no decision without ${names}; the score would be ${formatNumber(best)} if they passed`
            };
        }
        return {
            verdict: label === 'Marginal' ? 'marginal' : 'fail',
            reason: `score at most ${formatNumber(best)} < pass ${formatNumber(thresholds.pass)} even if ${names} passed${bad}`
        };
    }
    const label = classifyScore(scored.score, thresholds);
    const score = formatNumber(scored.score);
    if (label === 'Pass')
        return { verdict: 'pass', reason: `score ${score} ≥ pass ${formatNumber(thresholds.pass)}` };
    if (label === 'Marginal') {
        return {
            verdict: 'marginal',
            reason: `score ${score} < pass ${formatNumber(thresholds.pass)} (≥ marginal ${formatNumber(thresholds.marginal)})${bad}`
        };
    }
    return {
        verdict: 'fail',
        reason: `score ${score} < marginal ${formatNumber(thresholds.marginal)}${bad}`
    };
}
function describeFailures(results) {
    const failing = results.filter((r) => r.classification === 'High' || r.classification === 'Low' || r.scoredAs === 'NodataFailMetric');
    if (failing.length === 0)
        return '';
    return `: ${failing.map((r) => `${r.name} ${r.classification}`).join(', ')}`;
}

// EXTERNAL MODULE: ./src/core/summary-text.ts
var summary_text = __webpack_require__(88615);
;// CONCATENATED MODULE: ./src/core/canary/report.ts



const MARK = {
    Pass: '✅ Pass',
    High: '❌ High',
    Low: '❌ Low',
    NoData: '⚠️ NoData',
    Error: '⚠️ Error'
};
/** The judgement as JSON; NaN (a mean ratio with a zero mean, an empty side) becomes null. */
function judgementJson(judgement) {
    return JSON.stringify(judgement, null, 2) + '\n';
}
/** A per-metric table for a job summary or a pull-request comment. */
function judgementMarkdown(judgement) {
    const lines = [
        `### Canary analysis: ${judgement.verdict} (score ${formatNumber(judgement.score)})`,
        '',
        report_escape(judgement.reason),
        '',
        '| Metric | Result | Canary median | Baseline median | Shift [interval] | p-value | Reason |',
        '| --- | --- | ---: | ---: | --- | ---: | --- |'
    ];
    for (const m of judgement.metrics) {
        const critical = m.critical ? ' (critical)' : '';
        lines.push('| ' +
            [
                `${report_escape(m.name)}${critical}`,
                MARK[m.classification],
                formatNumber(m.canary.median),
                m.baseline ? formatNumber(m.baseline.median) : '—',
                shiftCell(m),
                m.comparison ? formatPValue(m.comparison.pValue) : '—',
                report_escape(m.reason)
            ].join(' | ') +
            ' |');
    }
    const { pass, marginal } = judgement.thresholds;
    lines.push('', `Pass at score ≥ ${formatNumber(pass)}, marginal at ≥ ${formatNumber(marginal)}.`);
    return lines.join('\n') + '\n';
}
function shiftCell(m) {
    if (m.comparison)
        return formatInterval(m.comparison);
    if (m.sequential) {
        const d = m.sequential;
        return `${formatSequentialInterval(d)}, ${formatNumber(d.effectiveSamples)} effective of ${d.pairs}`;
    }
    if (m.threshold) {
        const bounds = [
            m.threshold.min !== undefined ? `min ${formatNumber(m.threshold.min)}` : '',
            m.threshold.max !== undefined ? `max ${formatNumber(m.threshold.max)}` : ''
        ].filter(Boolean);
        return `${m.threshold.aggregate} ${formatNumber(m.threshold.value)} vs ${bounds.join(', ') || 'no bounds'}`;
    }
    return '—';
}
const report_escape = summary_text/* summaryText */.g5;

// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(85033);
;// CONCATENATED MODULE: ./src/core/canary/samples-file.ts


/**
 * Reads `{"metrics": {"<name>": [numbers or null]}}`. Mistakes become a UserError naming
 * the file, with the line of a JSON syntax error.
 */
function parseSamplesFile(text, file) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch (error) {
        const offset = syntaxErrorOffset(text);
        const line = offset === undefined ? undefined : lineAt(text, offset);
        const detail = error.message
            .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
            .replace(/ in JSON at position \d+.*$/s, '');
        throw new core_errors/* UserError */.yo(`invalid JSON: ${detail}`, { file, line });
    }
    if (!(0,records/* isRecord */.u)(document) || !(0,records/* isRecord */.u)(document.metrics)) {
        throw new core_errors/* UserError */.yo('expected {"metrics": {"<name>": [numbers or null]}}', { file });
    }
    const samples = new Map();
    for (const [name, values] of Object.entries(document.metrics)) {
        if (!Array.isArray(values))
            throw new core_errors/* UserError */.yo(`metrics.${name}: expected an array of numbers or null`, { file });
        values.forEach((value, index) => {
            if (value !== null && typeof value !== 'number') {
                throw new core_errors/* UserError */.yo(`metrics.${name}[${index}]: expected a number or null, got ${sampleText(value)}`, {
                    file
                });
            }
        });
        samples.set(name, values);
    }
    return samples;
}
function lineAt(text, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
/**
 * Where JSON.parse gave up, found by a small recursive-descent scan: V8 names a position
 * for some errors only.
 */
function syntaxErrorOffset(text) {
    let at = 0;
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    const fail = () => {
        throw new SyntaxAt(at);
    };
    const space = () => {
        while (at < text.length && ' \t\n\r'.includes(text[at]))
            at++;
    };
    const string = () => {
        at++;
        while (at < text.length) {
            const c = text[at];
            if (c === '"') {
                at++;
                return;
            }
            if (c < ' ')
                fail();
            at += c === '\\' ? 2 : 1;
        }
        fail();
    };
    const value = () => {
        space();
        const c = text[at];
        if (c === '{' || c === '[') {
            const close = c === '{' ? '}' : ']';
            at++;
            space();
            if (text[at] === close) {
                at++;
                return;
            }
            for (;;) {
                if (c === '{') {
                    space();
                    if (text[at] !== '"')
                        fail();
                    string();
                    space();
                    if (text[at] !== ':')
                        fail();
                    at++;
                }
                value();
                space();
                if (text[at] === ',')
                    at++;
                else if (text[at] === close) {
                    at++;
                    return;
                }
                else
                    fail();
            }
        }
        if (c === '"')
            return string();
        for (const literal of ['true', 'false', 'null']) {
            if (text.startsWith(literal, at)) {
                at += literal.length;
                return;
            }
        }
        number.lastIndex = at;
        if (!number.test(text))
            fail();
        at = number.lastIndex;
    };
    try {
        value();
        space();
        if (at < text.length)
            fail();
        return undefined;
    }
    catch (error) {
        if (error instanceof SyntaxAt)
            return error.offset;
        throw error;
    }
}
class SyntaxAt {
    offset;
    constructor(offset) {
        this.offset = offset;
    }
}
// A sample that is not a number is shown briefly: it may be nested deeper than JSON.stringify's
// recursion can go.
function sampleText(value) {
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

;// CONCATENATED MODULE: ./src/core/canary/index.ts























// EXTERNAL MODULE: ./src/core/config/index.ts + 1 modules
var core_config = __webpack_require__(27244);
// EXTERNAL MODULE: ./src/core/input-file.ts
var input_file = __webpack_require__(27906);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(98571);
;// CONCATENATED MODULE: ./src/core/metrics/provider.ts
/** The metrics system did not answer (outage, timeout, bad query): never a pass. */
class MetricsError extends Error {
    constructor(message) {
        super(message);
        this.name = 'MetricsError';
    }
}
/** Fills `{selector}` with label matchers and `{name}` placeholders with values. */
function renderQuery(template, selector, values = {}) {
    const matchers = Object.entries(selector)
        .map(([label, value]) => `${label}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
        .join(',');
    return template.replace(/\{(\w+)\}/g, (whole, key) => key === 'selector' ? matchers : (values[key] ?? whole));
}

;// CONCATENATED MODULE: ./src/core/canary/live.ts


const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
/**
 * Judges the canary at every interval over the duration, on a window that grows from the
 * end of the warm-up (Kayenta's default). Stops early on a critical failure or when a
 * count goes above its limit; otherwise the last judgement is the verdict. A metrics
 * outage is an error: it never passes.
 */
async function analyzeLive(options) {
    const clock = options.clock ?? realClock;
    const begin = options.start.getTime() + options.warmupMs;
    const end = options.start.getTime() + options.durationMs;
    const measurements = [];
    const counts = { failures: 0, inconclusive: 0, errors: 0 };
    let consecutiveErrors = 0;
    let last;
    const firstAt = Math.max(begin, options.start.getTime()) + options.intervalMs;
    const looks = Math.max(1, Math.ceil((end - firstAt) / options.intervalMs) + 1);
    let look = 0;
    const finish = (verdict, reason) => ({
        verdict,
        reason,
        measurements,
        last,
        counts
    });
    for (let at = firstAt;; at += options.intervalMs) {
        const due = Math.min(at, end);
        const wait = due - clock.now();
        if (wait > 0)
            await clock.sleep(wait);
        const window = {
            start: new Date(begin),
            end: new Date(due),
            stepSeconds: options.stepSeconds
        };
        look = Math.min(look + 1, looks);
        const measurement = await measure(options, window, { index: look, count: looks });
        measurements.push(measurement);
        options.onMeasurement?.(measurement);
        if (measurement.kind === 'error') {
            counts.errors++;
            consecutiveErrors++;
            if (consecutiveErrors > options.consecutiveErrorLimit) {
                return finish('inconclusive', `metrics unavailable ${consecutiveErrors} times in a row (limit ${options.consecutiveErrorLimit}): ${measurement.error}`);
            }
        }
        else {
            consecutiveErrors = 0;
            last = measurement;
            const { verdict, score, criticalFailure } = measurement.judgement;
            if (criticalFailure)
                return finish('fail', `a critical metric failed (score ${score})`);
            if (verdict === 'fail' && ++counts.failures > options.failureLimit) {
                return finish('fail', `score ${score} failed ${counts.failures} time(s) (limit ${options.failureLimit})`);
            }
            if (verdict === 'inconclusive' &&
                ++counts.inconclusive > options.inconclusiveLimit &&
                options.inconclusiveLimit >= 0) {
                return finish('inconclusive', `inconclusive ${counts.inconclusive} time(s) (limit ${options.inconclusiveLimit})`);
            }
        }
        if (due >= end)
            break;
        // Measuring can take longer than the analysis (a slow judge or metrics system): the
        // duration still ends it, and a window cut short is no final judgement.
        if (clock.now() >= end) {
            return finish('inconclusive', `the analysis passed its deadline (duration ${formatMs(options.durationMs)}) before the judgement at its end`);
        }
    }
    if (!last)
        return finish('inconclusive', 'no judgement could be made: every measurement failed');
    if (measurements[measurements.length - 1].kind === 'error') {
        return finish('inconclusive', 'the last measurement failed, so there is no final judgement');
    }
    const { verdict, score } = last.judgement;
    return finish(verdict, `final judgement: ${verdict} with score ${score}`);
}
async function measure(options, window, look) {
    const at = new Date(window.end);
    try {
        const fetchSide = async (selector) => {
            const entries = await Promise.all(options.metrics.map(async (m) => [
                m.name,
                await options.provider.range(renderQuery(m.query, selector, options.values), window)
            ]));
            return new Map(entries);
        };
        const [canary, baseline] = await Promise.all([
            fetchSide(options.canary),
            fetchSide(options.baseline)
        ]);
        return {
            at,
            window,
            kind: 'judgement',
            judgement: options.judge(canary, baseline, look),
            canary,
            baseline
        };
    }
    catch (error) {
        return { at, window, kind: 'error', error: (0,core_errors/* errorMessage */.gJ)(error) };
    }
}
function formatMs(ms) {
    return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
}

;// CONCATENATED MODULE: ./src/core/canary/analysis.ts




/** Argo Rollouts' default consecutiveErrorLimit. */
const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
/** Judges one set of samples with the metric settings of the config. */
function judgeSamples(analysis, canary, baseline, options = {}) {
    const settings = analysisSettings(analysis);
    const metrics = analysis.metrics.map((metric) => ({
        settings: metricSettings(metric, analysis),
        canary: canary.get(metric.name) ?? [],
        baseline: baseline.get(metric.name) ?? []
    }));
    return judge(metrics, {
        confidenceLevel: settings.confidenceLevel,
        thresholds: settings.thresholds,
        groupWeights: settings.groupWeights,
        method: options.method ?? analysis.judge ?? 'kayenta',
        look: options.look,
        sequentialLevel: analysis['sequential-level'],
        spreadTolerance: analysis['spread-tolerance']
    });
}
/** The live analysis of slipway.yaml's `analysis` section against a metrics provider. */
function runAnalysis(run) {
    const { analysis } = run;
    const ms = (text) => (0,duration/* parseDuration */.E)(text) ?? 0;
    return analyzeLive({
        provider: run.provider,
        metrics: analysis.metrics.map((m) => ({ name: m.name, query: m.query })),
        canary: analysis.canary ?? { track: 'canary' },
        baseline: analysis.baseline ?? { track: 'baseline' },
        values: run.values,
        // Kayenta's judge stays the default: against the real Prometheus the sequential judge passed
        // a canary answering 5xx (docs/canary.md), so it is opt-in until that is understood.
        judge: (canary, baseline, look) => judgeSamples(analysis, canary, baseline, {
            method: analysis.judge ?? 'kayenta',
            look
        }),
        start: run.start ?? new Date(),
        intervalMs: run.intervalMs ?? ms(analysis.interval),
        durationMs: run.durationMs ?? ms(analysis.duration),
        warmupMs: ms(analysis.warmup),
        stepSeconds: Math.max(1, Math.round(ms(analysis.step) / 1000)),
        failureLimit: analysis['failure-limit'],
        inconclusiveLimit: analysis['inconclusive-limit'],
        consecutiveErrorLimit: analysis['consecutive-error-limit'],
        onMeasurement: run.onMeasurement
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
;// CONCATENATED MODULE: ./src/core/metrics/sample-value.ts
// Prometheus writes a sample value as a JSON string: a decimal number (Go's
// strconv.FormatFloat), or NaN, +Inf, -Inf. JavaScript's Number() would turn "", null and
// true into 0 and 1, so only that grammar is a value; the rest, and NaN and the
// infinities, are missing samples.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** The finite number a Prometheus sample value holds, or NaN when it holds none. */
function parseSampleValue(value) {
    if (typeof value !== 'string' || !DECIMAL.test(value))
        return NaN;
    const number = Number(value);
    return Number.isFinite(number) ? number : NaN;
}

;// CONCATENATED MODULE: ./src/core/metrics/prometheus.ts




const DEFAULT_TIMEOUT_MS = 30_000;
/** Prometheus HTTP API range queries (`/api/v1/query_range`). */
class PrometheusProvider {
    options;
    name = 'prometheus';
    base;
    headers;
    dispatcher;
    constructor(options) {
        this.options = options;
        this.base = options.url.replace(/\/+$/, '');
        this.headers = { Accept: 'application/json', ...options.headers };
        if (options.bearerToken) {
            options.onSecret?.(options.bearerToken);
            this.headers.Authorization = `Bearer ${options.bearerToken}`;
        }
        else if (options.basicAuth) {
            options.onSecret?.(options.basicAuth.password);
            const pair = `${options.basicAuth.username}:${options.basicAuth.password}`;
            this.headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
        }
        if (options.tls) {
            this.dispatcher = new undici/* Agent */.g6({
                connect: {
                    ca: options.tls.caFile ? (0,external_node_fs_.readFileSync)(options.tls.caFile) : undefined,
                    rejectUnauthorized: !options.tls.insecureSkipVerify
                }
            });
        }
    }
    async range(query, window) {
        const start = Math.floor(window.start.getTime() / 1000);
        const end = Math.floor(window.end.getTime() / 1000);
        const body = new URLSearchParams({
            query,
            start: String(start),
            end: String(end),
            step: String(window.stepSeconds)
        });
        const response = await this.post('/api/v1/query_range', body);
        const result = response.data?.result ?? [];
        if (response.data?.resultType !== 'matrix') {
            throw new MetricsError(`prometheus: expected a range vector, got ${response.data?.resultType}`);
        }
        if (result.length > 1) {
            throw new MetricsError(`prometheus: query returned ${result.length} series, aggregate it to one (e.g. sum(...)): ${query}`);
        }
        const steps = Math.floor((end - start) / window.stepSeconds) + 1;
        const samples = new Array(steps).fill(NaN);
        for (const [time, value] of result[0]?.values ?? []) {
            const index = Math.round((time - start) / window.stepSeconds);
            if (index >= 0 && index < steps)
                samples[index] = parseSampleValue(value);
        }
        return samples;
    }
    async post(path, body) {
        const attempts = this.options.attempts ?? 3;
        let lastError = '';
        for (let attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1)
                await sleep(Math.min(200 * 2 ** (attempt - 2), 2000));
            let response;
            try {
                response = await fetch(`${this.base}${path}`, {
                    method: 'POST',
                    headers: { ...this.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
                    body,
                    signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
                    // @ts-expect-error undici's fetch option, absent from the DOM RequestInit type
                    dispatcher: this.dispatcher
                });
            }
            catch (error) {
                lastError = describeFetchError(error);
                continue;
            }
            if (response.status === 429 || response.status >= 500) {
                lastError = `HTTP ${response.status}`;
                await response.body?.cancel();
                continue;
            }
            const text = await response.text();
            let parsed;
            try {
                parsed = JSON.parse(text);
            }
            catch {
                throw new MetricsError(`prometheus: HTTP ${response.status}, not a Prometheus API answer`);
            }
            if (parsed.status !== 'success') {
                throw new MetricsError(`prometheus: ${parsed.errorType ?? 'error'}: ${parsed.error ?? text}`);
            }
            return parsed;
        }
        throw new MetricsError(`prometheus at ${this.base} did not answer (${lastError})`);
    }
}
function describeFetchError(error) {
    // By name: AbortSignal.timeout's DOMException is not an Error of every realm (jest's vm).
    if (error?.name === 'TimeoutError')
        return 'timed out';
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? String(error);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/core/metrics/prometheus-config.ts



/**
 * The provider's options from analysis.provider.prometheus. Credentials are read from the
 * environment variables the config names, so slipway.yaml never holds one; a named variable that
 * is unset is an error rather than an anonymous query that would fail later with a less clear 401.
 */
function prometheusOptions(config, overrides = {}) {
    const env = overrides.env ?? process.env;
    const url = overrides.url ?? config?.url;
    if (!url) {
        throw new core_errors/* UserError */.yo('no Prometheus to query: set analysis.provider.prometheus.url');
    }
    const fromEnv = (name, key) => {
        const value = env[name];
        if (!value) {
            throw new core_errors/* UserError */.yo(`analysis.provider.prometheus.${key} names ${name}, which is not set in the environment`);
        }
        return value;
    };
    const options = { url, onSecret: overrides.onSecret };
    const tokenEnv = config?.['bearer-token-env'];
    if (overrides.bearerToken)
        options.bearerToken = overrides.bearerToken;
    else if (tokenEnv)
        options.bearerToken = fromEnv(tokenEnv, 'bearer-token-env');
    const basic = config?.['basic-auth'];
    if (basic && !options.bearerToken) {
        options.basicAuth = {
            username: basic.username,
            password: fromEnv(basic['password-env'], 'basic-auth.password-env')
        };
    }
    if (config?.headers)
        options.headers = config.headers;
    if (config?.tls) {
        options.tls = {
            caFile: config.tls['ca-file'],
            insecureSkipVerify: config.tls['insecure-skip-verify']
        };
    }
    options.timeoutMs = config?.timeout ? (0,duration/* parseDuration */.E)(config.timeout) : DEFAULT_TIMEOUT_MS;
    return options;
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
;// CONCATENATED MODULE: ./src/cli/canary.ts










/** pass 0; fail or marginal 1; usage and input errors 2; inconclusive 3. */
const CANARY_EXIT = {
    pass: 0,
    marginal: 1,
    fail: 1,
    usage: 2,
    inconclusive: 3
};
const CANARY_HELP = `Usage: slipway canary judge --baseline FILE --canary FILE [options]

Judges canary samples against baseline samples, metric by metric, and scores them the
Kayenta way. FILE is {"metrics": {"<name>": [numbers or null]}} (null is a missing sample,
in time order; the n-th samples of both files are the same step).

Options:
  --baseline FILE            the baseline's samples (required)
  --canary FILE              the canary's samples (required)
  --config FILE              take per-metric settings, weights and thresholds from the
                             analysis section of this slipway.yaml
  --direction NAME=DIR       which change of metric NAME is bad: increase, decrease or
                             either (default either); repeatable, overrides the config
  --warmup-samples N         drop the first N samples of every series
  --method sequential|kayenta
                             the judge of every comparison metric: sequential (paired by
                             step, autocorrelation-aware, valid at every look) or kayenta
                             (Kayenta's Mann-Whitney rule); default the config's
                             analysis.judge and per-metric judge, else kayenta
  --look K --looks N         sequential: this is look K of N (the live loop's K-th of
                             duration / interval judgements); default a single look
  --format json|markdown     output format (default json)

Prints {"verdict", "score", "reason", "metrics": [{"name", "classification", "reason", ...}]}.
Exit codes: 0 pass, 1 fail or marginal, 2 usage or input error, 3 inconclusive.

Usage: slipway canary analyze --env NAME [--prometheus URL] [--config FILE]
                              [--duration D] [--interval D] [--format json|markdown]

Runs the live analysis of slipway.yaml's analysis section against Prometheus: judges the
canary at every interval over the duration, stops early on a critical failure or above the
failure limit, and prints the final verdict (same exit codes). PROMETHEUS_TOKEN, when set,
is sent as a bearer token. A metrics outage is inconclusive, never a pass.
`;
const DIRECTIONS = ['increase', 'decrease', 'either'];
async function canaryCommand(args, io) {
    const [subcommand, ...rest] = args;
    try {
        if (subcommand === 'judge')
            return await judgeCommand(rest, io);
        if (subcommand === 'analyze')
            return await analyzeCommand(rest, io);
        throw new cli_io/* UsageError */.eb(subcommand
            ? `unknown subcommand "${subcommand}" (see slipway help canary)`
            : 'expected a subcommand: judge or analyze');
    }
    catch (error) {
        if (error instanceof core_errors/* UserError */.yo) {
            const errors = error instanceof core_errors/* UserErrors */.tQ ? error.errors : [error];
            for (const each of errors)
                io.err(`slipway canary ${subcommand}: ${(0,core_errors/* formatUserError */.XR)(each)}\n`);
            return CANARY_EXIT.usage;
        }
        if (error instanceof cli_io/* UsageError */.eb) {
            io.err(`slipway canary${subcommand ? ` ${subcommand}` : ''}: ${error.message}\n`);
            return CANARY_EXIT.usage;
        }
        throw error;
    }
}
async function analyzeCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, {
        env: { type: 'string' },
        prometheus: { type: 'string' },
        config: { type: 'string' },
        duration: { type: 'string' },
        interval: { type: 'string' },
        format: { type: 'string' }
    });
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'markdown') {
        throw new cli_io/* UsageError */.eb(`--format must be json or markdown, got "${format}"`);
    }
    if (!values.env)
        throw new cli_io/* UsageError */.eb('--env is required');
    const durationMs = durationOption('--duration', values.duration);
    const intervalMs = durationOption('--interval', values.interval);
    const configFile = values.config ?? 'slipway.yaml';
    const config = (0,core_config/* parseConfig */.o4)(await readInput(configFile, io, 'config file'), configFile);
    const env = Object.hasOwn(config.environments, values.env)
        ? config.environments[values.env]
        : undefined;
    if (!env)
        throw new core_errors/* UserError */.yo(`environment "${values.env}" is not defined`, { file: configFile });
    const analysis = config.analysis;
    if (!analysis || analysis.metrics.length === 0) {
        throw new core_errors/* UserError */.yo('no analysis.metrics to judge the canary by', { file: configFile });
    }
    if (!values.prometheus && !analysis.provider?.prometheus.url) {
        throw new cli_io/* UsageError */.eb('--prometheus is required: the config names no Prometheus');
    }
    const options = prometheusOptions(analysis.provider?.prometheus, {
        url: values.prometheus,
        bearerToken: process.env.PROMETHEUS_TOKEN || undefined
    });
    const result = await runAnalysis({
        provider: new PrometheusProvider(options),
        analysis,
        durationMs,
        intervalMs,
        values: { environment: values.env, namespace: env.namespace },
        onMeasurement: (m) => io.err(m.kind === 'error'
            ? `${m.at.toISOString()} metrics error: ${m.error}\n`
            : `${m.at.toISOString()} ${m.judgement.verdict} (score ${m.judgement.score})\n`)
    });
    const judgement = result.last?.judgement;
    if (format === 'markdown') {
        io.out(`**${result.verdict}**: ${result.reason}\n\n${judgement ? judgementMarkdown(judgement) : ''}`);
    }
    else {
        const { verdict, reason, counts } = result;
        io.out(JSON.stringify({ verdict, reason, counts, score: judgement?.score ?? 0, judgement }, null, 2) + '\n');
    }
    return CANARY_EXIT[result.verdict];
}
function durationOption(name, value) {
    if (value === undefined)
        return undefined;
    const ms = (0,duration/* parseDuration */.E)(value);
    if (ms === undefined)
        throw new cli_io/* UsageError */.eb(`${name} must be a duration such as 30s or 5m, got "${value}"`);
    return ms;
}
async function judgeCommand(args, io) {
    const values = (0,cli_io/* parseOptions */.Ac)(args, {
        baseline: { type: 'string' },
        canary: { type: 'string' },
        config: { type: 'string' },
        direction: { type: 'string', multiple: true },
        'warmup-samples': { type: 'string' },
        method: { type: 'string' },
        look: { type: 'string' },
        looks: { type: 'string' },
        format: { type: 'string' }
    });
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'markdown') {
        throw new cli_io/* UsageError */.eb(`--format must be json or markdown, got "${format}"`);
    }
    if (!values.baseline)
        throw new cli_io/* UsageError */.eb('--baseline is required');
    if (!values.canary)
        throw new cli_io/* UsageError */.eb('--canary is required');
    const warmupSamples = parseWarmup(values['warmup-samples']);
    const method = parseMethod(values.method);
    const look = parseLook(values.look, values.looks);
    const directions = parseDirections(values.direction ?? []);
    const baseline = parseSamplesFile(await readInput(values.baseline, io, 'samples file'), values.baseline);
    const canary = parseSamplesFile(await readInput(values.canary, io, 'samples file'), values.canary);
    const analysis = values.config
        ? (0,core_config/* parseConfig */.o4)(await readInput(values.config, io, 'config file'), values.config).analysis
        : undefined;
    const metrics = metricData(baseline, canary, analysis);
    for (const name of directions.keys()) {
        if (!metrics.some((m) => m.settings.name === name)) {
            throw new cli_io/* UsageError */.eb(`--direction ${name}=...: no metric "${name}" in the data or the config`);
        }
    }
    for (const m of metrics) {
        const direction = directions.get(m.settings.name);
        if (direction)
            m.settings = { ...m.settings, direction };
    }
    const settings = analysisSettings(analysis);
    const judgement = judge(metrics, {
        confidenceLevel: settings.confidenceLevel,
        thresholds: settings.thresholds,
        groupWeights: settings.groupWeights,
        warmupSamples,
        method: method ?? analysis?.judge ?? 'kayenta',
        forceMethod: method !== undefined,
        look,
        sequentialLevel: analysis?.['sequential-level'],
        spreadTolerance: analysis?.['spread-tolerance']
    });
    io.out(format === 'markdown' ? judgementMarkdown(judgement) : judgementJson(judgement));
    return CANARY_EXIT[judgement.verdict];
}
/**
 * Configured metrics first, in config order, then metrics only the data has (with
 * defaults). A configured metric missing from both files is judged too: NoData.
 */
function metricData(baseline, canary, analysis) {
    const configured = analysis?.metrics ?? [];
    const names = new Set(configured.map((m) => m.name));
    const extra = [...new Set([...canary.keys(), ...baseline.keys()])].filter((n) => !names.has(n));
    return [
        ...configured.map((m) => ({
            settings: metricSettings(m, analysis),
            canary: canary.get(m.name) ?? [],
            baseline: baseline.get(m.name) ?? []
        })),
        ...extra.map((name) => ({
            settings: defaultMetricSettings(name, analysis),
            canary: canary.get(name) ?? [],
            baseline: baseline.get(name) ?? []
        }))
    ];
}
async function readInput(file, io, what) {
    return (0,input_file/* readInputFile */.jH)(external_node_path_default().resolve(io.cwd, file), input_file/* INPUT_LIMITS */.Ef.samplesBytes, what, file);
}
function parseDirections(flags) {
    const directions = new Map();
    for (const flag of flags) {
        const at = flag.lastIndexOf('=');
        const name = flag.slice(0, at);
        const direction = flag.slice(at + 1);
        if (at <= 0 || !DIRECTIONS.includes(direction)) {
            throw new cli_io/* UsageError */.eb(`--direction expects NAME=increase|decrease|either, got "${flag}"`);
        }
        directions.set(name, direction);
    }
    return directions;
}
function parseMethod(value) {
    if (value === undefined || value === 'sequential' || value === 'kayenta')
        return value;
    throw new cli_io/* UsageError */.eb(`--method must be sequential or kayenta, got "${value}"`);
}
function parseLook(look, looks) {
    if (look === undefined && looks === undefined)
        return undefined;
    const whole = (text) => text !== undefined && /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
    const index = whole(look);
    const count = whole(looks);
    if (index === undefined || count === undefined || index > count) {
        throw new cli_io/* UsageError */.eb(`--look K --looks N expects whole numbers 1 <= K <= N, got --look ${look ?? '(none)'} --looks ${looks ?? '(none)'}`);
    }
    return { index, count };
}
function parseWarmup(value) {
    if (value === undefined)
        return 0;
    if (!/^\d+$/.test(value))
        throw new cli_io/* UsageError */.eb(`--warmup-samples expects a whole number, got "${value}"`);
    return Number(value);
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
