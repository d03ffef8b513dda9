#!/usr/bin/env bash
# Boots the exported runtime (target/run.jar) in a scratch folder, runs hal:await, hal:drivers and hal:info through its
# Gogo shell, and checks that the HAL came up: every driver selected, host memory driver selected, real platform data,
# SLF4J really logging, the first-start default devices there. Then boots it a second time in the same folder and
# checks that its state was kept: a configuration made in the first run, a default device deleted in the first run
# still deleted, no bundle installed twice or updated from the same jar, and a bundle an earlier run.jar left behind
# (installed by the first run at a launcher location this run.jar does not have) uninstalled before the HAL starts.
set -uo pipefail
jar=$(realpath "${1:?usage: runtime-smoke.sh path/to/run.jar}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/etc" "$work/deploy"
: > "$work/etc/gosh_profile"   # a non-interactive Gogo needs a profile (the bundled one wants a terminal)
# a bundle as an earlier run.jar would have installed it: at a launcher location (jar/<file>) this run.jar lacks
stale_location=jar/flight.hal.smoke.stale-1.0.0.jar
printf 'Bundle-ManifestVersion: 2\nBundle-SymbolicName: flight.hal.smoke.stale\nBundle-Version: 1.0.0\n' > "$work/stale.mf"
jar --create --file "$work/stale.jar" --manifest "$work/stale.mf"
# Config Admin from the shell: the service, then its methods (Gogo calls them by reflection)
admin='cm = ($.context getService ($.context getServiceReference org.osgi.service.cm.ConfigurationAdmin))'
cat > "$work/first.gosh" <<GOSH
echo (hal:await)
echo (hal:drivers)
echo (hal:info host.memory)
echo (hal:devices)
$admin
(\$cm getConfiguration "flight.hal.storage.device~zns0" "?") delete
pin = (new java.util.Hashtable)
\$pin put "pin.MemoryDriver" "host.memory"
(\$cm getConfiguration "flight.hal.registry" "?") update \$pin
echo (\$.context installBundle "$stale_location" (new java.io.FileInputStream "$work/stale.jar"))
stop 0
GOSH
printf 'echo (hal:await)\necho (hal:devices)\necho (hal:drivers)\necho stale: ($.context getBundle "%s")\nstop 0\n' \
  "$stale_location" > "$work/second.gosh"
cd "$work"
passed=0 failed=0
# boot <script> <output>: runs the runtime until the script stops it
boot() {
  timeout 120 java -Dgosh.args="--nointeractive $1" -jar "$jar" > "$2" 2>&1
  local status=$?
  # the bnd launcher exits 117 when the framework was stopped from inside (our `stop 0`)
  if [ "$status" -eq 117 ] || [ "$status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1 exited with $status"; fi
}
check() {   # check <what> <output> <pattern that must match>
  if grep -Eq "$3" "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi
}
check_absent() {   # check_absent <what> <output> <pattern that must not match>
  if grep -Eq "$3" "$2"; then failed=$((failed + 1)); echo "FAILED: $1"; else passed=$((passed + 1)); fi
}

boot first.gosh first.txt
check "every driver registered at start-up selected" first.txt '^HAL ready [0-9]+ ms after the JVM started'
check "host memory driver selected" first.txt '^  \* host\.memory +10 +SELECTED +yes +flight\.hal\.driver\.host'
check "platform info from the real machine" first.txt "^platform +$(uname -s)"
check "capabilities listed" first.txt '^capabilities +\[BASIC_MEMORY'
check "SLF4J logs inside the framework" first.txt 'INFO flight\.hal\.registry\.internal\.DriverRegistry - HAL registry started'
for device in file0 nvm0 zns0; do
  check "default device $device listed by hal:devices on first start" first.txt "^[ +*]*$device +10 "
  check "backing file of $device under data/devices" first.txt "block device $device open: .* at $work/data/devices/$device\.img"
done
check "a stale bundle installed at $stale_location" first.txt '^flight\.hal\.smoke\.stale \[[0-9]+\]'
if [ -f data/framework/bundle0/bundle.id ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: framework storage not in data/framework"; fi
installed=$(ls -d data/framework/bundle* | wc -l)

boot second.gosh second.txt
check "second start: HAL up" second.txt '^HAL ready [0-9]+ ms after the JVM started'
check "configuration of the first run kept (registry pin)" second.txt '^flight\.hal\.memory\.MemoryDriver .*pinned to host\.memory'
check "default device file0 kept" second.txt '^[ +*]*file0 +10 '
check "default device nvm0 kept" second.txt '^[ +*]*nvm0 +10 '
check_absent "the default device deleted in the first run stays deleted" second.txt '^[ +*]*zns0 '
check_absent "defaults not applied again" second.txt 'first start: default configurations created'
check "the bundle an earlier run.jar left behind uninstalled at start" second.txt \
  "INFO flight\.hal\.upgrade\.internal\.StaleBundleRemover - uninstalled flight\.hal\.smoke\.stale 1\.0\.0 \($stale_location\)"
check "and gone" second.txt '^stale: *$'
# every bundle of the first run but the stale one, none installed again
if [ "$(ls -d data/framework/bundle* | wc -l)" -eq $((installed - 1)) ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: bundles installed again: $((installed - 1)) expected, $(ls -d data/framework/bundle* | wc -l) now"; fi
# the same run.jar again: the launcher compares each embedded bundle's digest (run.bndrun's -digests) and updates none
updated=$(ls -d data/framework/bundle*/version* | grep -vc '/version0\.0$')
if [ "$updated" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $updated bundle(s) updated from an unchanged run.jar"; fi

if [ "$failed" -ne 0 ]; then echo "--- first run ---"; cat first.txt; echo "--- second run ---"; cat second.txt; fi
echo "runtime smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
