#!/usr/bin/env bash
# The Spark driver in local[2] on loopback against single-machine `textpipe run`, byte for byte.
#   bash Integrations/spark/test_spark.sh [TEXTPIPE]     (default .build/release/textpipe)
# Makes Integrations/spark/.venv with pyspark from PyPI (about 40 s cold); skips, saying so, without Java.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/release/textpipe}
if ! command -v java >/dev/null 2>&1; then
  echo "Spark test skipped: no java on PATH (Debian: apt-get install openjdk-17-jre-headless)"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
venv=Integrations/spark/.venv
if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'pyspark==4.3.0'
fi
export SPARK_LOCAL_IP=127.0.0.1 LANG=C.UTF-8 LC_ALL=C.UTF-8 PYSPARK_PYTHON="$PWD/$venv/bin/python"
"$venv/bin/python" Integrations/spark/test_spark.py "$binary" 2> >(grep -v -E '^(WARNING: Using incubator|Using Spark|Setting default log|To adjust logging|[0-9/]+ [0-9:]+ WARN )' >&2)
