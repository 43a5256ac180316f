#!/usr/bin/env bash
# Puts the weights returned by bench/device/train_verifier.sh back together and checks them:
#
#   bash bench/device/reassemble_verifier.sh RETURNED_DIR DEST_DIR [PYTHON]
#
# RETURNED_DIR holds weights.tar.part0.. and weights.sha256; DEST_DIR gets config.json,
# model.safetensors, tokenizer files and training.json. Then the weights are loaded with
# storytrace.verifier.Verifier and two pairs are scored (printed: a trained model scores the supported one higher).
set -eu
RETURNED=${1:?RETURNED_DIR}
DEST=${2:?DEST_DIR}
PYTHON=${3:-${PYTHON:-python3}}
parts=$(ls "$RETURNED"/weights.tar.part* 2>/dev/null | sort -V)
[ -n "$parts" ] || { echo "$RETURNED: no weights.tar.part* files" >&2; exit 1; }
mkdir -p "$DEST"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cat $parts > "$tmp"
if [ -f "$RETURNED/weights.sha256" ]; then
  want=$(cat "$RETURNED/weights.sha256"); got=$(sha256sum "$tmp" | cut -d' ' -f1)
  [ "$want" = "$got" ] || { echo "$RETURNED: checksum mismatch ($got, expected $want)" >&2; exit 1; }
fi
tar -xf "$tmp" -C "$DEST"
here=$(cd "$(dirname "$0")/../.." && pwd)
PYTHONPATH="$here/src${PYTHONPATH:+:$PYTHONPATH}" "$PYTHON" - "$DEST" <<'PY'
import sys
from storytrace.verifier import Verifier
v = Verifier(sys.argv[1])
premise = "The council voted on Tuesday to close the harbour bridge for repairs until June."
good, bad = v.score([(premise, "The council voted to close the bridge."), (premise, "The council voted to keep the bridge open.")])
print(f"{sys.argv[1]}: loads; supported pair {good:.3f}, contradicted pair {bad:.3f}")
PY
