#!/usr/bin/env bash
# Runs the mnist-mlp workload in backprop (1 and 2 threads, with the plain-Java gemm loops that
# JDK 17 runs by default and with the Vector API blocks that --add-modules jdk.incubator.vector
# turns on), PyTorch (float64 and float32, 1 and 2 threads) and Encog 3.4, one after the other
# on this machine, and prints a table of the median milliseconds per timed epoch with
# backprop's ratio to each peer.
#
# Usage: bench/compare.sh            (from anywhere; builds the bench jar if it is missing)
# Environment: EPOCHS (timed epochs after one warm-up, default 3), REPEAT (runs of each backprop
# configuration, default 3), ENCOG_EPOCHS (default 1: Encog takes tens of seconds per epoch),
# PYTHON (an interpreter that imports torch), JAVA (default: java on the PATH).
#
# Backprop's runs go round by round, 1 thread then 2 in each, and its rows give the median of the
# runs' medians: on a shared virtual machine one run can come out 10-20% slower or faster
# throughout than the next, and a single pair of runs then misstates the 2-thread speed-up by as
# much.
#
# PyTorch gets its best setting on a small machine: OMP_WAIT_POLICY=PASSIVE, so its idle
# OpenMP threads sleep instead of spinning on the cores the others need.
set -euo pipefail

cd "$(dirname "$0")/.."
EPOCHS=${EPOCHS:-3}
REPEAT=${REPEAT:-3}
ENCOG_EPOCHS=${ENCOG_EPOCHS:-1}
JAVA=${JAVA:-java}
VECTOR_FLAG=(--add-modules jdk.incubator.vector)
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

VECTOR=yes
if ! "$JAVA" "${VECTOR_FLAG[@]}" -version >/dev/null 2>&1; then
  VECTOR=""
  echo "This JVM has no jdk.incubator.vector module: the Vector API rows are skipped."
fi
for ((round = 1; round <= REPEAT; round++)); do
  for t in 1 2; do
    run "backprop java-loops" "$t" "$JAVA" -jar "$JAR" e2e --threads "$t" --epochs "$EPOCHS"
  done
  if [[ -n $VECTOR ]]; then
    for t in 1 2; do
      run "backprop vector-api" "$t" "$JAVA" "${VECTOR_FLAG[@]}" -jar "$JAR" e2e --threads "$t" \
        --epochs "$EPOCHS"
    done
  fi
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
run "Encog 3.4 float64" 1 "$JAVA" -jar "$JAR" encog --epochs "$ENCOG_EPOCHS"

# The table, one row per configuration: the median over its runs of each run's median ms per
# timed epoch; each ratio = backprop's time / the peer's time at the same thread count (Encog
# runs on one thread: compared with backprop on one), below 1 = backprop is faster; the largest
# peak heap of its runs (pools' peaks, garbage included) and the largest live heap (the most any
# collection left in use: what the run needs). All backprop runs are float64.
awk -F'\t' '
  function median(list,    n, a, i, j, t) {
    n = split(list, a, /, */)
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) {
      t = a[i]; a[i] = a[j]; a[j] = t
    }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(ours, t, i) {
    return (label[i] ~ /^backprop/ || !(t in ours)) ? "-" : sprintf("%.2f", ours[t] / ms[i])
  }
  {
    match($3, /"msPerEpoch": \[[^]]*\]/)
    list = substr($3, RSTART + 15, RLENGTH - 16)
    key = $1 SUBSEP $2
    if (!(key in row)) {
      row[key] = ++rows; label[rows] = $1; threads[rows] = $2; medians[rows] = median(list)
      heap[rows] = ""; live[rows] = ""; runs[rows] = 0
    } else {
      medians[row[key]] = medians[row[key]] ", " median(list)
    }
    i = row[key]; runs[i]++
    if (match($3, /"peakHeapMB": [0-9.]+/)) {
      h = substr($3, RSTART + 14, RLENGTH - 14)
      if (heap[i] == "" || h + 0 > heap[i] + 0) heap[i] = h
    }
    if (match($3, /"liveHeapMB": [0-9.]+/)) {
      h = substr($3, RSTART + 14, RLENGTH - 14)
      if (live[i] == "" || h + 0 > live[i] + 0) live[i] = h
    }
  }
  END {
    for (i = 1; i <= rows; i++) {
      ms[i] = median(medians[i])
      if (label[i] == "backprop java-loops") loops[threads[i]] = ms[i]
      if (label[i] == "backprop vector-api") vector[threads[i]] = ms[i]
    }
    printf "\n%-22s %7s %5s %13s %12s %13s %13s %13s\n", "run", "threads", "runs", \
        "ms per epoch", "loops/this", "vector/this", "peak heap MB", "live heap MB"
    for (i = 1; i <= rows; i++) {
      t = threads[i]
      printf "%-22s %7s %5s %13.0f %12s %13s %13s %13s\n", label[i], t, runs[i], ms[i], \
          ratio(loops, t, i), ratio(vector, t, i), heap[i] == "" ? "-" : heap[i], \
          live[i] == "" ? "-" : live[i]
    }
    if ((1 in loops) && (2 in loops)) {
      printf "\nbackprop java-loops, 2 threads vs 1: %.2fx faster\n", loops[1] / loops[2]
    }
    if ((1 in vector) && (2 in vector)) {
      printf "backprop vector-api, 2 threads vs 1: %.2fx faster\n", vector[1] / vector[2]
    }
  }' "$RESULTS"
