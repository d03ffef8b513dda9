#!/usr/bin/env bash
# Runs the jcstress tests of a module (those on the class path given, its test class path in the build) and fails
# unless every planned test result passed: jcstress itself exits non-zero on a forbidden outcome, and this also fails
# a run with errors or with no test at all (a wrong -t filter must not pass vacuously). The console output and the
# HTML report go to the results directory. cnf/pom.xml binds it (execution "jcstress"); jcstress forks its test VMs
# with the same class path.
# usage: run-jcstress.sh <java> <class path> <results dir> [jcstress options...]
set -uo pipefail
java=${1:?java executable}
classpath=${2:?class path}
results=${3:?results directory}
shift 3
mkdir -p "$results"
log="$results/console.txt"
start=$SECONDS
"$java" -cp "$classpath" org.openjdk.jcstress.Main -r "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# the last progress line: "(Results: 22 planned; 22 passed, 0 failed, 0 soft errs, 0 hard errs)"
summary=$(grep -E '^\(Results: ' "$log" | tail -n 1)
echo "jcstress: ${summary:-no results} in $((SECONDS - start)) s; exit status $status; report $results/index.html"
if [[ $status -ne 0 ]]; then
  echo "jcstress FAILED: a test showed a forbidden outcome or failed to run (see above)"
  exit 1
fi
clean='^\(Results: ([0-9]+) planned; ([0-9]+) passed, 0 failed, 0 soft errs, 0 hard errs\)$'
if [[ ! $summary =~ $clean ]] || [[ ${BASH_REMATCH[1]} -eq 0 ]] || [[ ${BASH_REMATCH[1]} -ne ${BASH_REMATCH[2]} ]]; then
  echo "jcstress FAILED: not every planned test result passed, or no test ran"
  exit 1
fi
