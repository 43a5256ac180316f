# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test setup browser clean bench model verifier-export

setup: $(STAMP)

# torch==2.13.0 goes in first: on these machines it is a local CPU build, and any other
# version pulled in by sentence-transformers would drag gigabytes of CUDA packages.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/storytrace analyze examples/corpus/ --out demo-report
	@echo "Open demo-report/report.html"

# Browser tests need Debian's chromium; install it when missing (CI machines start bare).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || echo "chromium not installed: browser tests will be skipped"

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Retrains the shipped sentence-pair verifier from scratch (about an hour on 2 CPU cores; fixed
# seeds and data order; needs ../shared/training and ../shared/benchmarks). demo/test never train.
VERIFIER_WEIGHTS := src/storytrace/verifier/weights
model: $(STAMP)
	rm -rf $(VERIFIER_WEIGHTS).new
	OMP_NUM_THREADS=1 nice -n 15 $(BIN)/python -m storytrace.verifier.train --out $(VERIFIER_WEIGHTS).new --threads 1
	rm -rf $(VERIFIER_WEIGHTS) && mv $(VERIFIER_WEIGHTS).new $(VERIFIER_WEIGHTS)

# The prebuilt examples and fp16 base model of a GPU training run (bench/device/train_verifier.sh,
# session 12) in .devcarry/ (ignored); about a minute. The GPU run itself is not part of make.
verifier-export: $(STAMP)
	$(BIN)/python -m storytrace.verifier.export --out .devcarry/train.jsonl.gz --base-out .devcarry/base

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) demo-report .pytest_cache
