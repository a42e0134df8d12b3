"""SciPy's side of bench/canary.mjs: scipy.stats.mannwhitneyu on the same samples files.

    python3 bench/canary_scipy.py serve BASELINE.json CANARY.json [--groups a,b]
        In-process timing: reads both files once, converts every series to a NumPy array
        (untimed), warms up, prints U and p of every metric as a JSON line (to check that both
        sides computed the same test), then for every line "run" on stdin times
        mannwhitneyu(canary, baseline, alternative='two-sided', method='asymptotic') over the
        metrics of each group (names starting with "a-", ..., and "all") and prints a JSON line
        of wall and CPU (process_time) milliseconds per group. The caller interleaves its own
        runs with these, so a change in the machine's load falls on both.

    python3 bench/canary_scipy.py judge BASELINE.json CANARY.json
        End to end, as a user would script it: read the files, test every metric, print
        {"<name>": {"U": ..., "p": ...}} as JSON.

The files are slipway's samples format: {"metrics": {"<name>": [numbers or null]}}.
"""

import json
import sys
import time

import numpy as np
from scipy.stats import mannwhitneyu


def load(path):
    with open(path) as f:
        return json.load(f)["metrics"]


def arrays(baseline, canary):
    out = {}
    for name, values in canary.items():
        x = np.array([v for v in values if v is not None], dtype=np.float64)
        y = np.array([v for v in baseline[name] if v is not None], dtype=np.float64)
        out[name] = (x, y)
    return out


def test(x, y):
    # Same orientation as slipway: U of the canary (x) against the baseline (y).
    return mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")


def judge(baseline_file, canary_file):
    pairs = arrays(load(baseline_file), load(canary_file))
    result = {}
    for name, (x, y) in pairs.items():
        r = test(x, y)
        result[name] = {"U": float(r.statistic), "p": float(r.pvalue)}
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


def serve(baseline_file, canary_file, groups):
    """Times one pass per "run" line on stdin, so that the caller can interleave its own."""
    pairs = arrays(load(baseline_file), load(canary_file))
    names = {g: [n for n in pairs if n.startswith(g + "-")] for g in groups}
    names["all"] = list(pairs)
    for _ in range(3):  # warm-up
        for x, y in pairs.values():
            test(x, y)
    stats = {}
    for name, (x, y) in pairs.items():
        r = test(x, y)
        stats[name] = {"U": float(r.statistic), "p": float(r.pvalue)}
    print(json.dumps({"ready": True, "metrics": stats}), flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        times = {}
        cpu = {}
        for group, members in names.items():
            start = time.perf_counter()
            start_cpu = time.process_time()
            for name in members:
                x, y = pairs[name]
                test(x, y)
            cpu[group] = (time.process_time() - start_cpu) * 1000
            times[group] = (time.perf_counter() - start) * 1000
        print(json.dumps({"times": times, "cpu": cpu}), flush=True)


def main(argv):
    if len(argv) < 3 or argv[0] not in ("serve", "judge"):
        sys.stderr.write(__doc__)
        return 2
    if argv[0] == "judge":
        judge(argv[1], argv[2])
        return 0
    groups = []
    rest = argv[3:]
    while rest:
        flag, value, rest = rest[0], rest[1], rest[2:]
        if flag == "--groups":
            groups = [g for g in value.split(",") if g]
        else:
            sys.stderr.write(f"unknown option {flag}\n")
            return 2
    serve(argv[1], argv[2], groups)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
