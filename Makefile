# Two commands for a new machine: `make serve` and `make test`. Each sets everything up first.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.13 || command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

NODE_STAMP := node_modules/.installed
WHEELS_STAMP := .cache/wheels/.installed

.PHONY: setup check build serve test lint lint-js format clean browser dist bench bench-scale

setup: $(STAMP) $(NODE_STAMP) $(WHEELS_STAMP) browser

# Pure-Python wheels that run in the browser (browser-wheels.txt), shipped with the site.
$(WHEELS_STAMP): browser-wheels.txt $(STAMP)
	$(BIN)/python -m pip download --quiet --no-deps --only-binary=:all: --dest .cache/wheels -r browser-wheels.txt
	@touch $(WHEELS_STAMP)

# The site's front-end runtime (Pyodide), pinned in package-lock.json; copied into the site.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 (it brings npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { echo "policypress needs Python 3.12 or newer (found $$($(PYTHON) --version))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Browser tests drive Debian's chromium; install it when missing and we may (root).
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium (for the browser tests)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "chromium is missing: run 'sudo apt-get install chromium fonts-noto-cjk' (needed by the browser tests)"; \
	  fi; \
	fi

check: $(STAMP)
	$(BIN)/policypress check

build: $(STAMP) $(NODE_STAMP) $(WHEELS_STAMP)
	$(BIN)/policypress build

serve: $(STAMP) $(NODE_STAMP) $(WHEELS_STAMP)
	$(BIN)/policypress serve --host $(HOST) --port $(PORT)

test: setup lint-js
	$(BIN)/ruff check policypress calculators reports bench tests
	$(BIN)/ruff format --check policypress calculators reports bench tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check policypress calculators reports bench tests

# The site's JavaScript, type-checked before a browser runs it: TypeScript's checker over the .js
# and .mjs files with their JSDoc types (docs/decisions/009-javascript-checker.md). The templates
# (*.js.tmpl) are checked as .js copies in .cache/lint-js: an error there is at the same line.
LINT_JS := .cache/lint-js
lint-js: $(NODE_STAMP)
	@rm -rf $(LINT_JS) && mkdir -p $(LINT_JS)
	@for f in policypress/assets/*.js.tmpl; do cp "$$f" "$(LINT_JS)/$$(basename "$$f" .tmpl)"; done
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.staff.json
	node_modules/.bin/tsc -p tsconfig.workers.json

format: $(STAMP)
	$(BIN)/ruff format policypress tests
	$(BIN)/ruff check --fix policypress tests

# The built site as one archive with a checksum (see README, "Publishing"). Refused when site_url
# is this computer or a private network (the QR codes would open nowhere): ALLOW_LOCAL_SITE_URL=1 to pack it anyway.
dist: build
	$(BIN)/policypress dist $(if $(ALLOW_LOCAL_SITE_URL),--allow-local-site-url)

clean:
	rm -rf build dist node_modules .cache

# Timings (reported, never asserted): see bench/README.md. `bench` runs both benchmarks.
# In Chromium: set up and build exactly as `make build` does, then measure. BENCH_SAMPLES=… to change.
bench: browser build
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/scale.py $(SCALE_ARGS)

# policypress against plain `mkdocs build` on a generated corpus (100 documents × 20 clauses;
# SCALE_ARGS="--documents 20 --repeat 3" to change).
bench-scale: $(STAMP) $(NODE_STAMP) $(WHEELS_STAMP)
	$(BIN)/python bench/scale.py $(SCALE_ARGS)
