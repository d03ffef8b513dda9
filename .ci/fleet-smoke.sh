#!/usr/bin/env bash
# Two real runtimes on 127.0.0.1, each started with the one command README ("More than one machine") gives: a node
# (rack-1) and a controller. Through the controller's Gogo shell: the node is listed REACHABLE with its devices as the
# drivers rack-1/<device>, hal:drivers --all shows the node's own selections, hal:comply runs the compliance kit on
# rack-1/file0 and hal:complyNodes collects every remote driver's report in one table. Then kill -9 of the node: the
# controller marks it UNREACHABLE and its drivers unavailable; the node started again with the same command is taken
# back by itself. Prints how long after the kill the controller marked the node. Every process it starts is ended.
set -uo pipefail
jar=$(realpath "${1:?usage: fleet-smoke.sh path/to/run.jar}")
work=$(mktemp -d)
node_pid=
controller_pid=
cleanup() {
  for pid in $node_pid $controller_pid; do { kill -9 "$pid"; wait "$pid"; } 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

# a port of 127.0.0.1 nothing listens on now
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}
# wait_for <file> <pattern> <seconds> [pid]: whether the pattern shows up in the file in time (and while pid runs);
# a failed shell command ends the wait at once
wait_for() {
  local deadline=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$deadline" ]; do
    grep -Eq "$2" "$1" 2>/dev/null && return 0
    grep -Eq '\.gosh:[0-9.]+[A-Za-z.]*(Exception|Error)' "$1" 2>/dev/null && return 1
    if [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null; then return 1; fi
    sleep 0.1
  done
  return 1
}
fleet_port=$(free_port)
mkdir -p "$work/node/etc" "$work/controller/etc"
: > "$work/node/etc/gosh_profile"
: > "$work/controller/etc/gosh_profile"
head -c 24 /dev/urandom | base64 > "$work/fleet.secret"
chmod 600 "$work/fleet.secret"

# README's node command, on free ports; its shell reads nothing and the runtime runs until killed
start_node() {
  (cd "$work/node" && exec java -Dflight.hal.node.name=rack-1 -Dflight.hal.fleet.secretFile=../fleet.secret \
    -Dflight.hal.fleet.port="$fleet_port" -Dorg.osgi.service.http.port="$(free_port)" -Dgosh.args=--noshutdown \
    -jar "$jar" >> node.txt 2>&1 < /dev/null) &
  node_pid=$!
}

cat > "$work/controller/controller.gosh" <<GOSH
echo (hal:nodes --await REACHABLE --timeout 60000)
echo (hal:drivers --all)
echo (hal:comply rack-1/file0)
echo (hal:complyNodes)
echo "KILL THE NODE NOW"
echo (hal:nodes --await UNREACHABLE --timeout 20000)
echo (hal:drivers)
echo "START THE NODE AGAIN"
echo (hal:nodes --await REACHABLE --timeout 60000)
echo (hal:drivers)
stop 0
GOSH

passed=0 failed=0
check() {   # check <what> <output> <pattern that must match>
  if grep -Eq "$3" "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi
}
node_out=$work/node/node.txt
out=$work/controller/controller.txt

start_node
if wait_for "$node_out" 'Node rack-1 exports its block devices' 90; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAILED: the node did not export its devices within 90 s"; fi
check "the node listens on 127.0.0.1 only" "$node_out" "exports listen on 127\.0\.0\.1:$fleet_port"

# README's controller command
(cd "$work/controller" && exec java -Dflight.hal.fleet.nodes="rack-1@127.0.0.1:$fleet_port" \
  -Dflight.hal.fleet.secretFile=../fleet.secret -Dorg.osgi.service.http.port="$(free_port)" \
  -Dgosh.args="--nointeractive controller.gosh" -jar "$jar" > controller.txt 2>&1 < /dev/null) &
controller_pid=$!

if wait_for "$out" '^KILL THE NODE NOW' 180 "$controller_pid"; then
  kill -9 "$node_pid"
  killed_ms=$(date +%s%3N)
  wait "$node_pid" 2>/dev/null
fi
if wait_for "$out" '^START THE NODE AGAIN' 60 "$controller_pid"; then
  start_node
  # the controller's script ends with stop 0: the bnd launcher exits 117
  timeout 120 tail --pid="$controller_pid" -f /dev/null || kill -9 "$controller_pid"
else
  kill -9 "$controller_pid"
fi
wait "$controller_pid"
status=$?
controller_pid=
if [ "$status" -eq 117 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: controller exited with $status"; fi

check "the node imported and reachable" "$out" '^every node REACHABLE after [0-9]+ ms'
check "hal:nodes lists it with its drivers and endpoint" "$out" \
  "^rack-1 +REACHABLE +[0-9.]+ s ago +[0-9.]+ ms +rack-1/file0, rack-1/nvm0, rack-1/zns0 +hal://127\.0\.0\.1:$fleet_port/node"
check "its devices are drivers of the controller" "$out" '^    rack-1/file0 +10 +AVAILABLE +yes +flight\.hal\.remote'
check "hal:drivers --all shows the node's own selections" "$out" '^node rack-1 \(REACHABLE'
check "the node's own devices under its heading" "$out" '^      file0 +10 +AVAILABLE +yes +flight\.hal\.driver\.storage'
check "hal:comply on a remote device" "$out" '^rack-1/file0 \(flight\.hal\.storage\.BlockDevice\)'
check "the remote device is compliant" "$out" '^  [0-9]+ passed, 0 failed, [0-9]+ skipped: COMPLIANT'
for device in file0 nvm0 zns0; do
  check "hal:complyNodes row of rack-1/$device" "$out" "^rack-1 +rack-1/$device +BlockDevice +[0-9]+ +0 +[0-9]+ +COMPLIANT$"
done
check "after kill -9 the node is UNREACHABLE" "$out" '^every node UNREACHABLE after [0-9]+ ms'
check "its drivers unavailable" "$out" '^    rack-1/file0 +10 +UNAVAILABLE +no'
if [ "$(grep -Ec '^every node REACHABLE after' "$out")" -eq 2 ]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAILED: the node was not reachable again"; fi
check "its drivers available again" "$out" '^    rack-1/file0 +10 +AVAILABLE +yes'

marked=$(grep -Eo '^[0-9:.]+ \[flight\.hal\.fleet-heartbeat\] INFO flight\.hal\.remote\.internal\.FleetController - Node rack-1 is UNREACHABLE' \
  "$out" | head -1 | cut -d' ' -f1)
if [ -n "${killed_ms:-}" ] && [ -n "$marked" ]; then
  echo "fleet smoke: the controller marked the node UNREACHABLE $(( $(date -d "$(date +%F) $marked" +%s%3N) - killed_ms )) ms after kill -9"
fi
if [ "$failed" -ne 0 ]; then echo "--- node ---"; cat "$node_out"; echo "--- controller ---"; cat "$out"; fi
echo "fleet smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
