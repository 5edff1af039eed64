#!/usr/bin/env bash
# Sending benchmark: `digest send` into Postfix's smtp-sink on loopback,
# beside `smtp-source` against the same sink in the same run.
#
#   bench/send.sh [SUBSCRIBERS] [CONCURRENCY]     (defaults: 20000 20)
#   BENCH_MEMORY_ONLY=200000 bench/send.sh        peak memory for a big list
#
# Needs: postfix (smtp-sink, smtp-source), /usr/bin/time, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
C=${2:-20}
SINK=/usr/sbin/smtp-sink
SOURCE=/usr/sbin/smtp-source

cargo build --release --quiet
BIN=$PWD/target/release/digest
WORK=$(mktemp -d)
trap 'kill $SINK_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

# An edition of 3 sections x BENCH_ARTICLES articles (default 2: messages of
# about 20 KB, as in the issue), and N subscribers.
python3 - "$WORK" "$N" <<'PY'
import sys, json, html, os
work, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{work}/feeds"); os.makedirs(f"{work}/subscribers")
para = ("Ministers from the member states met in Brussels on Wednesday to discuss the "
        "next budget, and several delegations said they expected talks to run late. ")
for section in ["europe", "economy", "world"]:
    items = []
    for i in range(int(os.environ.get("BENCH_ARTICLES", "2"))):
        body = "".join(f"<p>{para * 2}</p>" for _ in range(3))
        body += ("<p>“We will find an agreement that serves every region, and we will find it this "
                 "week rather than next month,” the commissioner, Anna Berg, said after the meeting.</p>")
        items.append({"id": f"{section}-{i}", "url": f"https://news.example.org/{section}/{i}",
                      "title": f"{section.title()} story number {i} about the budget talks in Brussels",
                      "content_html": body, "date_published": f"2026-11-25T{8+i:02d}:00:00Z"})
    json.dump({"version": "https://jsonfeed.org/version/1.1", "title": f"{section.title()} Wire",
               "items": items}, open(f"{work}/feeds/{section}.json", "w"))
with open(f"{work}/subscribers/bench.csv", "w") as f:
    f.write("email,name\n")
    for i in range(n):
        f.write(f"reader{i:07d}@example.org,Reader {i}\n")
PY
cp -r templates "$WORK/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/digest.toml" <<TOML
[digest]
title = "Benchmark Briefing"
timezone = "Europe/Brussels"
from = "Benchmark <bench@briefing.example.org>"
base_url = "https://briefing.example.org"
postal_address = "1 Example Street, Brussels"
[[section]]
name = "Europe"
sources = ["feeds/europe.json"]
[[section]]
name = "Economy"
sources = ["feeds/economy.json"]
[[section]]
name = "World"
sources = ["feeds/world.json"]
[delivery]
transport = "smtp"
[delivery.smtp]
url = "smtp://127.0.0.1:$PORT"
concurrency = $C
TOML
export DIGEST_SECRET="benchmark secret, long enough to use"

if [ -n "${BENCH_MEMORY_ONLY:-}" ]; then
    N=$BENCH_MEMORY_ONLY
    python3 -c "
import sys
with open('$WORK/subscribers/bench.csv','w') as f:
    f.write('email,name\n')
    for i in range($N): f.write(f'reader{i:07d}@example.org,Reader {i}\n')"
fi

$SINK -u nobody 127.0.0.1:$PORT 1024 & SINK_PID=$!
sleep 0.5

SIZE=$("$BIN" --config "$WORK/digest.toml" send --date 2026-11-26 --dry-run | sed -E 's/.*to send \(([0-9]+) KB\).*/\1/')
echo "subscribers: $N, concurrency: $C, message size: about $(( SIZE * 1024 / N )) bytes"

STATUS=0
/usr/bin/time -f "%e %M" -o "$WORK/time" "$BIN" --config "$WORK/digest.toml" send --date 2026-11-26 \
    >"$WORK/out" 2>"$WORK/err" || STATUS=$?
echo "digest send exit code $STATUS: $(tail -1 "$WORK/out")"
[ "$STATUS" -eq 0 ] || { tail -5 "$WORK/err"; }
read -r OURS_S OURS_KB < <(tail -1 "$WORK/time")
OURS_RATE=$(python3 -c "print(round($N / $OURS_S))")
echo "digest send:  $N messages in ${OURS_S} s = ${OURS_RATE} msg/s, peak memory $(( OURS_KB / 1024 )) MB"
[ -n "${BENCH_MEMORY_ONLY:-}" ] && exit 0

START=$(date +%s.%N)
$SOURCE -d -s "$C" -m "$N" -l 20000 127.0.0.1:$PORT
END=$(date +%s.%N)
SOURCE_S=$(python3 -c "print(round($END - $START, 2))")
SOURCE_RATE=$(python3 -c "print(round($N / ($END - $START)))")
echo "smtp-source:  $N messages in ${SOURCE_S} s = ${SOURCE_RATE} msg/s (-d -s $C -m $N -l 20000)"
python3 -c "print(f'ratio digest/smtp-source: {$OURS_RATE / $SOURCE_RATE:.2f}')"
