#!/usr/bin/env bash
# Boots the exported runtime (target/run.jar) in a scratch folder, runs hal:await, hal:drivers and hal:info through its
# Gogo shell, and checks that the HAL came up: every driver selected, host memory driver selected, real platform data,
# SLF4J really logging.
set -uo pipefail
jar=$(realpath "${1:?usage: runtime-smoke.sh path/to/run.jar}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/etc" "$work/deploy"
: > "$work/etc/gosh_profile"   # a non-interactive Gogo needs a profile (the bundled one wants a terminal)
printf 'echo (hal:await)\necho (hal:drivers)\necho (hal:info host.memory)\nstop 0\n' > "$work/smoke.gosh"
cd "$work"
timeout 120 java -Dgosh.args="--nointeractive smoke.gosh" -jar "$jar" > out.txt 2>&1
status=$?
# the bnd launcher exits 117 when the framework was stopped from inside (our `stop 0`)
passed=0 failed=0
check() {
  if grep -Eq "$2" out.txt; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi
}
if [ "$status" -eq 117 ] || [ "$status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: runtime exited with $status"; fi
check "every driver registered at start-up selected" '^HAL ready [0-9]+ ms after the JVM started'
check "host memory driver selected" '^  \* host\.memory +10 +SELECTED +yes +flight\.hal\.driver\.host'
check "platform info from the real machine" "^platform +$(uname -s)"
check "capabilities listed" '^capabilities +\[BASIC_MEMORY'
check "SLF4J logs inside the framework" 'INFO flight\.hal\.registry\.internal\.DriverRegistry - HAL registry started'
if [ "$failed" -ne 0 ]; then echo "--- runtime output ---"; cat out.txt; fi
echo "runtime smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
