# Two commands on a fresh machine with python3 and make: `make play`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help play test test-quick lint typecheck pytest bench fuzz simulate tmux chromium clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

# The game is byte-compiled first: where PYTHONDONTWRITEBYTECODE is set, Python would otherwise
# compile it from source at every start (about 60 ms of the menu's start-up).
play: $(STAMP) ## Set everything up and start the game
	@$(BIN)/python -m compileall -q src >/dev/null
	$(BIN)/boschquiz $(ARGS)

test: $(STAMP) tmux chromium lint typecheck pytest ## Set everything up; run ruff, mypy and the tests

lint: $(STAMP) ## ruff (lint and format check)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP) ## mypy --strict over src, tests and bench
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

# `make test` runs each fuzz target briefly (300 seeded cases); this runs many fresh ones.
fuzz: $(STAMP) ## Run the fuzz targets (plain-mode stdin, pack files) long, with fresh cases
	BOSCHQUIZ_FUZZ_EXAMPLES=$${BOSCHQUIZ_FUZZ_EXAMPLES:-20000} $(BIN)/python -m pytest -q \
	  tests/fuzz --hypothesis-show-statistics

# The no-repeat simulation at full size (make test runs 20 players): figures in docs/game.md.
simulate: $(STAMP) ## Simulate 200 players x 30 games on the shipped bank through the real store
	$(BIN)/python -m tests.simulation --players 200 --games 30
	$(BIN)/python -m tests.simulation --players 200 --games 30 --show ballard

# The unit tests that start no process (marker `process`): about ten seconds (22 s of CPU
# over two workers, measured 2026-11-30) while working. `make test` runs everything.
test-quick: $(STAMP) ## Unit tests that start no process, about 10 s
	$(BIN)/python -m pytest -n 2 -q tests/unit -m "not process"

# Every benchmark runs, even after one misses; the ones that exited non-zero are listed at the
# end and make exits 1 (exit policy: docs/testing.md, "Benchmarks").
bench: $(STAMP) ## Run every benchmark in bench/, each printing its figure next to its floor
	@failed=""; for b in bench/bench_*.py; do echo "== $$b"; \
	  $(BIN)/python $$b || failed="$$failed $$b"; done; \
	if [ -n "$$failed" ]; then echo "== not met or not measured:$$failed"; exit 1; fi; \
	echo "== every benchmark met its target"

tmux: ## Install tmux for the end-to-end tests when it is missing
	@command -v tmux >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq tmux >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq tmux >/dev/null; fi; }

# Where Chromium cannot be installed (no apt, no network), the browser tests skip and say why.
chromium: ## Install Chromium for the browser tests when it is missing (Playwright drives it)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; } \
	  || echo "make chromium: Chromium could not be installed; the browser tests will be skipped"

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
