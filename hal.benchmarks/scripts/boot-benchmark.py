#!/usr/bin/env python3
"""Boot time of the exported HAL runtime against a bare Felix + SCR runtime with the same number of bundles.

The bare runtime is target/run.jar with every flight.hal bundle replaced by a peer bundle holding one immediate DS
component, so both start the same framework, SCR, Config Admin, Event Admin, FileInstall, Gogo and SLF4J, and the same
number of bundles. Each run starts a fresh JVM in a scratch folder; the time is from launching the JVM to the line that
says the runtime is ready: for the HAL the output of `hal:await` (every driver registered at start-up selected), for
the bare runtime an `echo` run by the shell once every bundle below its start level is active. The runs alternate.

usage: hal.benchmarks/scripts/boot-benchmark.py [--runs N] [--jar target/run.jar]   (after `mvn -B -DskipTests package`)
"""
import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

GOAL = 1.3
PEER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="boot.peer.{n}" immediate="true">
  <implementation class="java.lang.Object"/>
</scr:component>
"""


def peer_bundle(n):
    """A bundle with one immediate DS component, the bare runtime's stand-in for one HAL bundle."""
    manifest = ("Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: boot.peer.{n}\r\n"
                "Bundle-Version: 1.0.0\r\nService-Component: OSGI-INF/peer.xml\r\n"
                "Require-Capability: osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.3.0))\"\r\n"
                "\r\n").format(n=n)
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as jar:
        jar.writestr("META-INF/MANIFEST.MF", manifest)
        jar.writestr("OSGI-INF/peer.xml", PEER_XML.format(n=n))
    return data.getvalue()


def bare_runtime(run_jar, target):
    """run.jar with its flight.hal bundles replaced one for one by peer bundles; returns how many were replaced."""
    with zipfile.ZipFile(run_jar) as source:
        hal = [name for name in source.namelist() if name.startswith("jar/flight.hal.")]
        peers = ["jar/boot.peer.%d.jar" % n for n in range(len(hal))]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bare:
            for item in source.infolist():
                if item.filename in hal:
                    continue
                data = source.read(item.filename)
                if item.filename == "launcher.properties":
                    data = launcher_properties(data.decode("latin-1"), peers).encode("latin-1")
                bare.writestr(item, data)
            for n, name in enumerate(peers):
                bare.writestr(name, peer_bundle(n))
    return len(hal)


def launcher_properties(text, peers):
    """Drops the flight.hal bundles from the launcher's bundle lists and adds the peers at start level 10."""
    lines = []
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if key in ("launch.bundles", "launch.runbundles.attrs"):
            entries = [entry for entry in value.split(",") if entry and "flight.hal" not in entry]
            if key == "launch.bundles":
                entries += peers
            else:
                entries += ["boot.peer.%d;version\\=\"1.0.0\";startlevel\\=10" % n for n in range(len(peers))]
            line = key + sep + ",".join(entries)
        lines.append(line)
    return "\n".join(lines) + "\n"


def boot_once(jar, script, marker, timeout):
    """Seconds from launching the JVM to the marker line, in a fresh scratch folder; the JVM is always ended."""
    work = tempfile.mkdtemp(prefix="hal-boot-")
    try:
        os.makedirs(os.path.join(work, "etc"))
        os.makedirs(os.path.join(work, "deploy"))
        open(os.path.join(work, "etc", "gosh_profile"), "w").close()
        with open(os.path.join(work, "boot.gosh"), "w") as f:
            f.write(script)
        start = time.monotonic()
        process = subprocess.Popen(["java", "-Dgosh.args=--nointeractive boot.gosh", "-jar", jar], cwd=work,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            seen = []
            for line in process.stdout:
                if marker in line:
                    elapsed = time.monotonic() - start
                    process.stdout.read()
                    process.wait(timeout=timeout)
                    return elapsed
                seen.append(line)
                if time.monotonic() - start > timeout:
                    break
            raise RuntimeError("no '%s' within %d s; output:\n%s" % (marker, timeout, "".join(seen[-40:])))
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jar", default="target/run.jar")
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()
    run_jar = os.path.abspath(args.jar)
    scratch = tempfile.mkdtemp(prefix="hal-boot-bare-")
    bare_jar = os.path.join(scratch, "bare-run.jar")
    replaced = bare_runtime(run_jar, bare_jar)
    try:
        hal, bare = [], []
        for n in range(args.runs):
            hal.append(boot_once(run_jar, "echo (hal:await)\nstop 0\n", "HAL ready", args.timeout))
            bare.append(boot_once(bare_jar, "echo bare runtime ready\nstop 0\n", "bare runtime ready", args.timeout))
            print("run %d: HAL %.0f ms, bare %.0f ms" % (n + 1, hal[-1] * 1000, bare[-1] * 1000), file=sys.stderr)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    ratio = statistics.median(hal) / statistics.median(bare)
    print("| boot, JVM start to ready (%d runs, median) | HAL %.0f ms | bare Felix + SCR, %d HAL bundles replaced"
          " by DS peers, %.0f ms | %.2fx (goal <= %.1fx: %s) |"
          % (args.runs, statistics.median(hal) * 1000, replaced, statistics.median(bare) * 1000, ratio, GOAL,
             "met" if ratio <= GOAL else "NOT met"))


if __name__ == "__main__":
    main()
