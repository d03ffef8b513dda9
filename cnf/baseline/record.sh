#!/usr/bin/env bash
# Records the API baseline: builds the bundles that export packages and copies their jars here, where this folder's
# pom attaches them to the reactor and bnd-baseline-maven-plugin compares every later build against them. Run it from
# anywhere, on a clean tree, after an API change was reviewed and its package versions moved (or to start over).
# usage: cnf/baseline/record.sh [extra mvn options, e.g. -o]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# module directory:artifact id of every baselined bundle; this folder's pom attaches the same list
modules=(hal.api:flight.hal.api drivers/support:flight.hal.driver.support hal.testkit:flight.hal.testkit)
cd "$root"
version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' cnf/pom.xml)   # the parent's own, first
list=$(printf '%s,' "${modules[@]%%:*}")
mvn -B -q "$@" -pl "${list%,}" -am package -DskipTests -Dbnd.baseline.skip=true
for module in "${modules[@]}"; do
  cp "${module%%:*}/target/${module##*:}-$version.jar" "cnf/baseline/${module##*:}.jar"
  echo "recorded cnf/baseline/${module##*:}.jar"
done
