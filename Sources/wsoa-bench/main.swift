// Benchmarks for wsoa; run through scripts/bench.sh (release build).
print("no benchmarks yet")
