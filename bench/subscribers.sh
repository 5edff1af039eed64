#!/usr/bin/env bash
# Subscriber list benchmark: validate a list of ROWS rows (default 100,000)
# with `digest subscribers validate`, and print the time and rows/s.
#   bench/subscribers.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
cargo build --release --quiet
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/subscribers" "$WORK/feeds"
cp -r templates "$WORK/"
cp samples/feeds/europe.xml "$WORK/feeds/"
python3 - "$WORK/subscribers/big.csv" "$ROWS" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("email,name,sections,format\n# generated for the benchmark\n")
    for i in range(n):
        name = f'"Reader {i}, Jr"' if i % 7 == 0 else f"Reader {i}"
        f.write(f"reader{i:07d}@example{i % 50}.org,{name},{'Europe' if i % 3 == 0 else ''},{'text' if i % 5 == 0 else 'html'}\n")
PY
cat > "$WORK/digest.toml" <<'TOML'
[digest]
title = "Benchmark"
timezone = "Europe/Brussels"
from = "Benchmark <bench@example.org>"
base_url = "https://example.org"
[[section]]
name = "Europe"
sources = ["feeds/europe.xml"]
TOML
START=$(date +%s.%N)
target/release/digest --config "$WORK/digest.toml" subscribers validate | tail -1
END=$(date +%s.%N)
python3 -c "s=$END-$START; print(f'validated $ROWS rows in {s:.3f} s ({$ROWS/s:,.0f} rows/s, process start included)')"
