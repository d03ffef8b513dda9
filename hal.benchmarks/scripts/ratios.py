#!/usr/bin/env python3
"""Runs the HAL's JMH benchmarks with quick settings in one JMH invocation and prints the project's paths next to the
peers measured in the same run, as ratios against the goals of issues 11 and 14 (a Markdown table).

usage: hal.benchmarks/scripts/ratios.py [--json results.json] [--long] [JMH regexps and options ...]
  --json FILE   read an earlier run's JSON instead of running (JMH's -rf json output)
  without it, runs java -jar hal.benchmarks/target/benchmarks.jar (build it first: mvn -B -DskipTests package)
"""
import argparse
import json
import subprocess
import sys

# four warm-up seconds: host.memory's tables reach G1's steady state after about three
QUICK = ["-f", "1", "-wi", "4", "-w", "1s", "-i", "3", "-r", "1s"]
LONG = ["-f", "2", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s"]


def at(benchmark, method, **params):
    return (benchmark + "." + method, tuple(sorted(params.items())))


def ratio(label, project, peer, most, lower_is_better=True):
    """project / peer, which must stay at or below `most` (or, for throughput, at or above it)."""
    return dict(label=label, project=project, peer=peer, kind="ratio", goal=most, lower=lower_is_better)


def median(label, project, peer, most):
    """project's median (a sample-time benchmark's p50) in the score's unit, at most `most`; peer shown beside it."""
    return dict(label=label, project=project, peer=peer, kind="median", goal=most, lower=True)


def extra(label, project, peer, most):
    """project - peer in the score's unit, at most `most`."""
    return dict(label=label, project=project, peer=peer, kind="extra", goal=most, lower=True)


LOOKUP = "DriverLookupBenchmark"
BUDGET = "BudgetBenchmark"
POOL = "PoolBenchmark"
HOST_MEMORY = "HostMemoryBenchmark"
STORAGE = "StoragePathBenchmark"
REMOTE = "RemoteBlockDeviceBenchmark"
SIZES = ("256", "4096", "65536")
ROWS = [
    ratio("accounting: reserve 4 KiB + release (bundle and type budgets, stats, peak, pressure) vs"
          " AtomicLong.getAndAdd, 1 thread",
          at(BUDGET, "oneThread", accounting="ledger"), at(BUDGET, "oneThread", accounting="atomicLong"), 2.0),
    ratio("accounting: the same per thread vs one shared CAS loop with a limit, 2 threads",
          at(BUDGET, "twoThreads", accounting="ledger"), at(BUDGET, "twoThreads", accounting="casLoop"), 1.0),
    ratio("accounting: the budget counter alone vs the CAS loop, 2 threads",
          at(BUDGET, "twoThreads", accounting="budgetCounter"), at(BUDGET, "twoThreads", accounting="casLoop"), 1.0),
    ratio("lookup: current() vs a volatile field, 1 thread",
          at(LOOKUP, "oneThread", variant="handle.current"), at(LOOKUP, "oneThread", variant="volatile.field"), 1.1),
    extra("lookup: leased call (lease()+call+close) over current(), 1 thread",
          at(LOOKUP, "oneThread", variant="handle.lease"), at(LOOKUP, "oneThread", variant="handle.current"), 3.0),
    extra("lookup: handle.call over current(), 1 thread",
          at(LOOKUP, "oneThread", variant="handle.call"), at(LOOKUP, "oneThread", variant="handle.current"), 3.0),
    ratio("lookup: leased call per thread, 2 threads vs 1",
          at(LOOKUP, "twoThreads", variant="handle.lease"), at(LOOKUP, "oneThread", variant="handle.lease"), 1.5),
] + [
    row for size in SIZES for row in (
        ratio("pool churn %s B vs Netty PooledByteBufAllocator, 2 threads" % size,
              at(POOL, "twoThreads", pool="flight", blockSize=size),
              at(POOL, "twoThreads", pool="netty.pooled", blockSize=size), 0.25),
        ratio("pool churn %s B vs a per-thread deque, 2 threads" % size,
              at(POOL, "twoThreads", pool="flight", blockSize=size),
              at(POOL, "twoThreads", pool="thread.deque", blockSize=size), 2.0),
        ratio("pool churn %s B vs Netty, 1 thread" % size,
              at(POOL, "oneThread", pool="flight", blockSize=size),
              at(POOL, "oneThread", pool="netty.pooled", blockSize=size), 0.25))
] + [
    ratio("host.memory allocate+free %s B vs Netty PooledByteBufAllocator, %s" % (size, threads),
          at(HOST_MEMORY, method, allocator="host.memory", size=size),
          at(HOST_MEMORY, method, allocator="netty.pooled", size=size), 1.0)
    for method, threads in (("oneThread", "1 thread"), ("twoThreads", "2 threads")) for size in SIZES
] + [
    ratio("storage: sequential 1 MiB writes vs raw FileChannel",
          at(STORAGE, "sequentialWrite", path="hal.write"), at(STORAGE, "sequentialWrite", path="raw.write"),
          0.95, lower_is_better=False),
    ratio("storage: the same with a flush every 8 MiB vs force(false)",
          at(STORAGE, "sequentialWrite", path="hal.write.flush8m"),
          at(STORAGE, "sequentialWrite", path="raw.write.force8m"), 0.95, lower_is_better=False),
    ratio("storage: zone append 1 MiB vs a raw positional write",
          at(STORAGE, "zoneAppend", path="hal.zoneAppend"), at(STORAGE, "zoneAppend", path="raw.positionalWrite"),
          0.9, lower_is_better=False),
    ratio("storage: random 4 KiB direct-I/O reads vs raw O_DIRECT",
          at(STORAGE, "directRead4k", path="hal.directRead4k"), at(STORAGE, "directRead4k", path="raw.directRead4k"),
          0.9, lower_is_better=False),
    ratio("storage: 1 MiB reads (page cache) vs raw",
          at(STORAGE, "sequentialRead", path="hal.read"), at(STORAGE, "sequentialRead", path="raw.read"),
          0.95, lower_is_better=False),
    ratio("storage: asynchronous queue depth 8 vs synchronous, 4 KiB direct reads",
          at(STORAGE, "queuedRead4k", path="hal.async.qd8"), at(STORAGE, "queuedRead4k", path="hal.sync"),
          1.0, lower_is_better=False),
    median("remote: 4 KiB random read over 127.0.0.1 (HAL provider, node JVM), median",
           at(REMOTE, "read4k", peer="remote", io="page-cache"), at(REMOTE, "read4k", peer="local", io="page-cache"),
           1000.0),
]
# 1 MiB transfers against the same device in this JVM, through the page cache and bypassing it (direct I/O)
for _io in ("page-cache", "direct"):
    for _method, _what in (("write1m", "writes"), ("read1m", "reads")):
        ROWS.append(ratio("remote: 1 MiB sequential %s vs the same file device in this JVM (%s)" % (_what, _io),
                          at(REMOTE, _method, peer="remote", io=_io), at(REMOTE, _method, peer="local", io=_io),
                          0.5, lower_is_better=False))


def run_jmh(jar, options, more, output):
    """JMH with the quick or long settings, then `more` (benchmark regexps and JMH options) as given."""
    command = ["java", "-jar", jar] + options + ["-prof", "gc", "-rf", "json", "-rff", output] + more
    print("running: " + " ".join(command), file=sys.stderr)
    subprocess.run(command, check=True, stdout=sys.stderr)


def index(results):
    scores = {}
    for result in results:
        name = result["benchmark"].rsplit(".", 2)
        key = (name[-2] + "." + name[-1], tuple(sorted(result.get("params", {}).items())))
        metric = result["primaryMetric"]
        alloc = result.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        p50 = metric.get("scorePercentiles", {}).get("50.0") if result.get("mode") == "sample" else None
        scores[key] = (metric["score"], metric["scoreError"], metric["scoreUnit"], alloc, p50)
    return scores


def describe(key, score):
    """`variant: score ± error unit, allocation`; the row's label says which benchmark."""
    value, error, unit, alloc, p50 = score
    variant = "/".join(v for k, v in key[1] if not k.lower().endswith("size"))
    text = "`%s` %.3g ± %.2g %s" % (variant, value, error if error == error else 0, unit)
    if p50 is not None:
        text += ", p50 %.3g %s" % (p50, unit)
    return text + ("" if alloc is None else ", %.0f B/op" % alloc)


def table(scores):
    lines = ["| path | project | peer in the same run | measured | goal | met |", "| --- | --- | --- | --- | --- | --- |"]
    missing = []
    for row in ROWS:
        if row["project"] not in scores or row["peer"] not in scores:
            missing.append(row["label"])
            continue
        project, peer = scores[row["project"]], scores[row["peer"]]
        if row["kind"] == "ratio":
            measured = project[0] / peer[0]
            shown, goal = "%.2fx" % measured, ("<= %.2fx" if row["lower"] else ">= %.2fx") % row["goal"]
        elif row["kind"] == "median":
            measured = project[4]
            shown, goal = "%.3g %s" % (measured, project[2]), "<= %.0f %s" % (row["goal"], project[2])
        else:
            measured = project[0] - peer[0]
            shown, goal = "%+.1f %s" % (measured, project[2]), "<= +%.1f %s" % (row["goal"], project[2])
        met = measured <= row["goal"] if row["lower"] else measured >= row["goal"]
        lines.append("| %s | %s | %s | %s | %s | %s |" % (row["label"], describe(row["project"], project),
                                                          describe(row["peer"], peer), shown, goal,
                                                          "yes" if met else "**no**"))
    return lines, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json")
    parser.add_argument("--jar", default="hal.benchmarks/target/benchmarks.jar")
    parser.add_argument("--long", action="store_true", help="2 forks, longer iterations")
    parser.add_argument("--out", default="jmh-results.json")
    args, jmh_options = parser.parse_known_args()
    if args.json is None:
        run_jmh(args.jar, LONG if args.long else QUICK, jmh_options, args.out)
        args.json = args.out
    with open(args.json) as f:
        scores = index(json.load(f))
    lines, missing = table(scores)
    print("\n".join(lines))
    if missing:
        print("\nnot in this run: " + "; ".join(missing))


if __name__ == "__main__":
    main()
