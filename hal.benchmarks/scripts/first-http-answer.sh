#!/usr/bin/env bash
# Time from `java -jar run.jar` to the first HTTP answers: the Web Console's 401 (it answers only once the HAL console's
# security provider is up) and /system/health.json's 200. Each run is a first start (a fresh folder, so the defaults
# are applied too). Usage: first-http-answer.sh target/run.jar [runs] [port]
set -uo pipefail
jar=$(realpath "${1:?usage: first-http-answer.sh path/to/run.jar [runs] [port]}"); runs=${2:-5}; port=${3:-18282}
for run in $(seq "$runs"); do
  w=$(mktemp -d); mkdir -p "$w/etc"; : > "$w/etc/gosh_profile"; cd "$w" || exit 2
  t0=$(date +%s%N)
  java -Dorg.osgi.service.http.port="$port" -Dgosh.args=--nointeractive -jar "$jar" > out.txt 2>&1 &
  pid=$!
  c=""; h=""
  while [ -z "$c" ] || [ -z "$h" ]; do
    now=$(date +%s%N)
    if [ $(( (now - t0) / 1000000000 )) -ge 60 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run: no answer within 60 s (or the runtime ended); its output: $w/out.txt"; kill "$pid" 2>/dev/null; exit 1
    fi
    if [ -z "$c" ]; then code=$(curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:$port/system/console/hal-drivers); [ "$code" = 401 ] && c=$(( (now - t0) / 1000000 )); fi
    if [ -z "$h" ]; then code=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/system/health.json?tags=hal"); [ "$code" = 200 ] && h=$(( (now - t0) / 1000000 )); fi
    sleep 0.05
  done
  echo "run $run: console 401 after $c ms, health 200 after $h ms"
  kill "$pid"; wait "$pid" 2>/dev/null; cd / && rm -rf "$w"
done
