#!/usr/bin/env bash
# End-to-end: drives the real `nomen` app in a tmux terminal — types a description, waits for the streamed
# suggestions, shortlists one, quits — and checks the screen at each step. Needs tmux and a built dist/.
#   apps/tui/e2e/tmux-suggest.sh                 # the embedded default model (models/), else the demo backend
#   apps/tui/e2e/tmux-suggest.sh --demo          # demo backend (no model needed)
#   apps/tui/e2e/tmux-suggest.sh --model m.gguf  # any Llama/Qwen2 GGUF
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
command -v tmux >/dev/null || { echo "e2e: tmux is not installed" >&2; exit 3; }
[ -f "$here/dist/cli.js" ] || { echo "e2e: build first (pnpm turbo run build --filter=nomen...)" >&2; exit 3; }
args=("$@")
if [ ${#args[@]} -eq 0 ] && [ ! -f "$here/../../models/nomen-base.gguf" ] && [ -z "${NOMEN_MODELS_DIR:-}" ]; then args=(--demo); fi
echo "e2e: nomen ${args[*]:-(embedded default model)}"
description="organic coffee shop downtown"
session="nomen-e2e-$$"
state="$(mktemp -d)"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$state"' EXIT

screen() { tmux capture-pane -p -t "$session" 2>/dev/null || true; }
# wait_for <grep -E pattern> <what> [seconds]: polls the screen, never a fixed sleep for correctness.
wait_for() {
  local deadline=$((SECONDS + ${3:-20}))
  until screen | grep -Eq "$1"; do
    if ((SECONDS > deadline)); then echo "e2e: FAIL waiting for $2; screen:" >&2; screen >&2; exit 1; fi
    sleep 0.1
  done
  echo "e2e: ok — $2"
}

tmux new-session -d -s "$session" -x 110 -y 32 \
  "cd '$state' && XDG_DATA_HOME='$state/data' NO_COLOR=1 node '$here/dist/cli.js' ${args[*]}; echo \"[exit \$?]\"; sleep 30"
wait_for "Describe the business|\\[exit [0-9]+\\]" "the app started"
if screen | grep -q "\[exit"; then echo "e2e: FAIL: the app exited:" >&2; screen >&2; exit 1; fi
tmux send-keys -t "$session" -l "$description"
wait_for "│ $description" "typed the description"
tmux send-keys -t "$session" Enter
wait_for "Names for: $description" "results screen"
row='^│ .*\.[a-z]{2,} +[█░]+ +[0-9]+%'
wait_for "$row" "first suggestion streamed in"
deadline=$((SECONDS + 30))
until ! screen | grep -q "generating…" && [ "$(screen | grep -Ec "$row")" -ge 3 ]; do
  if ((SECONDS > deadline)); then echo "e2e: FAIL: generation did not finish with 3+ suggestions" >&2; screen >&2; exit 1; fi
  sleep 0.1
done
echo "e2e: ok — $(screen | grep -Ec "$row") suggestions streamed in"
wait_for "^│ ❯ .*% (✓ available|✗ taken|\? unknown|\$ premium)" "availability badge on the first suggestion"
tmux send-keys -t "$session" s
wait_for "★ .* shortlisted" "shortlisted the first suggestion"
test -s "$state/data/nomen/shortlist.json" && echo "e2e: ok — shortlist persisted to a file"
screen | sed -n '1,20p'
tmux send-keys -t "$session" q
wait_for "\\[exit 0\\]" "quit with exit code 0"
