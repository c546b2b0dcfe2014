#!/usr/bin/env bash
# Runs the whole test suite with a JDK >= 21, found by scripts/jdk.sh. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
. scripts/jdk.sh
echo "test.sh: using JDK at $JAVA_HOME" >&2
exec mvn -B -ntp verify "$@"
