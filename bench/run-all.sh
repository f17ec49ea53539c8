#!/usr/bin/env bash
# Installs the plugin, then runs every benchmark and prints its table. Not part of CI: the
# figures are ratios measured side by side in one run; absolute times on a shared machine are not.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -Dinvoker.skip
cd bench
python3 -c 'import common; print("Machine:", common.machine())'
for bench in fidelity startup jmh_agreement selfcheck overhead sampling batching gate gate_history gate_unchanged cluster; do
  python3 "$bench.py"
done
# 45 builds: in one go here, in a fresh state folder
STATE="$(mktemp -d)" CHUNK_MINUTES=1000 python3 compare_release.py
