#!/usr/bin/env bash
# Runs the mnist-mlp workload in backprop (1 and 2 threads), PyTorch (float64 and float32,
# 1 and 2 threads) and Encog 3.4, one after the other on this machine, and prints a table of
# the median milliseconds per timed epoch with backprop's ratio to each peer.
#
# Usage: bench/compare.sh            (from anywhere; builds the bench jar if it is missing)
# Environment: EPOCHS (timed epochs after one warm-up, default 3), ENCOG_EPOCHS (default 1:
# Encog takes tens of seconds per epoch), PYTHON (an interpreter that imports torch).
#
# PyTorch gets its best setting on a small machine: OMP_WAIT_POLICY=PASSIVE, so its idle
# OpenMP threads sleep instead of spinning on the cores the others need.
set -euo pipefail

cd "$(dirname "$0")/.."
EPOCHS=${EPOCHS:-3}
ENCOG_EPOCHS=${ENCOG_EPOCHS:-1}
JAR=bench/target/backprop-bench.jar
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

if [[ ! -f $JAR ]]; then
  echo "building $JAR ..."
  if [[ -x ./mvnw ]]; then MVN=./mvnw; else MVN=mvn; fi
  $MVN -q -pl bench -am package -DskipTests
fi

# A Python that has torch: $PYTHON, else python3 on the PATH, else Debian's own.
PY=""
for candidate in "${PYTHON:-}" python3 /usr/bin/python3; do
  if [[ -n $candidate ]] && "$candidate" -c 'import torch' >/dev/null 2>&1; then
    PY=$candidate
    break
  fi
done
if [[ -z $PY ]]; then
  cat <<'EOF'
PyTorch was not found, so its rows are skipped. To add them, install Debian's package:
    apt-get update && apt-get install -y python3-torch
(or set PYTHON to an interpreter that can import torch).
EOF
else
  blas=$(readlink -f "/usr/lib/$(uname -m)-linux-gnu/libblas.so.3" 2>/dev/null || true)
  if [[ $blas == */blas/libblas.so.3 ]]; then
    cat <<'EOF'
Warning: Debian's torch does its float64 products through libblas.so.3, which here is the
reference BLAS, about ten times slower than an optimised one. For a fair comparison install
OpenBLAS, which takes over libblas.so.3:
    apt-get install -y libopenblas0-openmp
EOF
  fi
fi

# run LABEL THREADS COMMAND...: runs one benchmark, shows its output, keeps its last line
# (the JSON summary) for the table.
run() {
  local label=$1 threads=$2 line last=""
  shift 2
  echo "== $label, $threads thread(s)"
  while IFS= read -r line; do
    echo "$line"
    last=$line
  done < <("$@")
  if [[ $last != "{"* ]]; then
    echo "compare.sh: $label on $threads thread(s) printed no JSON summary; stopping" >&2
    exit 1
  fi
  printf '%s\t%s\t%s\n' "$label" "$threads" "$last" >>"$RESULTS"
}

for t in 1 2; do
  run "backprop float64" "$t" java -jar "$JAR" e2e --threads "$t" --epochs "$EPOCHS"
done
if [[ -n $PY ]]; then
  for dtype in float64 float32; do
    for t in 1 2; do
      run "PyTorch $dtype" "$t" env OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS="$t" \
        OPENBLAS_NUM_THREADS="$t" MKL_NUM_THREADS="$t" \
        "$PY" bench/torch_mnist_mlp.py --dtype "$dtype" --threads "$t" --epochs "$EPOCHS"
    done
  done
fi
run "Encog 3.4 float64" 1 java -jar "$JAR" encog --epochs "$ENCOG_EPOCHS"

# The table: median ms per timed epoch; ratio = backprop's time / the peer's time at the same
# thread count (Encog runs on one thread: compared with backprop on one), below 1 = backprop
# is faster.
awk -F'\t' '
  function median(list,    n, a, i, j, t) {
    n = split(list, a, /, */)
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) {
      t = a[i]; a[i] = a[j]; a[j] = t
    }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    match($3, /"msPerEpoch": \[[^]]*\]/)
    list = substr($3, RSTART + 15, RLENGTH - 16)
    label[NR] = $1; threads[NR] = $2; ms[NR] = median(list)
    heap[NR] = ""
    if (match($3, /"peakHeapMB": [0-9.]+/)) heap[NR] = substr($3, RSTART + 14, RLENGTH - 14)
    if ($1 ~ /^backprop/) ours[$2] = ms[NR]
  }
  END {
    printf "\n%-20s %7s %14s %16s %14s\n", "run", "threads", "ms per epoch", "backprop/this", "peak heap MB"
    for (i = 1; i <= NR; i++) {
      ratio = (label[i] ~ /^backprop/ || !(threads[i] in ours)) ? "-" \
          : sprintf("%.2f", ours[threads[i]] / ms[i])
      printf "%-20s %7s %14.0f %16s %14s\n", label[i], threads[i], ms[i], ratio, \
          heap[i] == "" ? "-" : heap[i]
    }
    if ((1 in ours) && (2 in ours)) {
      printf "\nbackprop 2 threads vs 1: %.2fx faster\n", ours[1] / ours[2]
    }
  }' "$RESULTS"
