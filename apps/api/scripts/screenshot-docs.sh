#!/usr/bin/env bash
# Screenshots Swagger UI (GET /docs) in headless Chromium, to check that the page renders the endpoints with
# assets served locally (no CDN). Outside CI: needs a Chromium (`apt-get install -y chromium`).
#   apps/api/scripts/screenshot-docs.sh [out.png]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$here/docs-screenshot.png}")"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "screenshot-docs: no Chromium found (apt-get install -y chromium)" >&2; exit 3; }

profile="$(mktemp -d)"
log="$(mktemp)"
BENCH_BACKEND=fake node --import tsx "$here/bench/server.ts" >"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile" "$log"' EXIT
for _ in $(seq 1 100); do grep -q '"url"' "$log" && break; sleep 0.1; done
url="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8").split("\n")[0]).url)' "$log")"

"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars --window-size=1280,1400 \
  --virtual-time-budget=10000 --screenshot="$out" "$url/docs" 2>/dev/null
echo "screenshot-docs: $url/docs → $out"
