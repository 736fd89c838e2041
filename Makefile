# The project's interface. A fresh Debian/Ubuntu machine with Python 3.11+ needs nothing else:
# every target installs what it uses (pinned) into .venv first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
# The browser the tests drive: Debian's chromium, or any Chromium/Chrome binary (CHROMIUM=...).
export CHROMIUM ?= /usr/bin/chromium
ARTICLE ?=
PYTEST_ARGS ?=

# Material 9.8 prints an end-of-life banner on every build; it is known and not actionable here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site test lint fix import browser bench bench-scale clean help

help:
	@echo "make serve   set up, build and serve the site at http://$(ADDR)"
	@echo "make test    set up and run every test (unit, build, browser)"
	@echo "make site    strict build into site/"
	@echo "make lint    check content (file:line for every problem); make fix applies automatic fixes"
	@echo "make import  import every content/articles/*.txt into docs/ (ARTICLE=path for one; FORCE=1 overwrites edited pages)"
	@echo "make bench   measure budgets (weight, speed) into reports/"
	@echo "make bench-scale  build synthetic sites of 100/500/2000 pages, with and without hooks"

$(VENV)/.site-deps: requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q --no-deps -e .
	@touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	@touch $@

# Node tooling for tests (pinned in package-lock.json); the site itself needs no Node.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr $(ADDR)

site: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict

# Every article under content/articles/, or ARTICLE=path; the report is content/import-report.md.
import: $(VENV)/.site-deps
	$(BIN)/python -m debtkb.importer $(ARTICLE) $(if $(FORCE),--force)

# Browser tests drive Debian's Chromium. As root we install it; otherwise we say what to run.
browser:
	@test -x "$(CHROMIUM)" || { \
	  if [ "$(CHROMIUM)" = /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Chromium for the browser tests (Debian package chromium)..."; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	  else \
	    echo "The browser tests need Chromium at $(CHROMIUM). Install it with:"; \
	    echo "  sudo apt-get install chromium"; \
	    echo "or point CHROMIUM at a Chromium or Chrome binary: make test CHROMIUM=/usr/bin/google-chrome"; \
	    exit 1; \
	  fi; }

lint: $(VENV)/.dev-deps node_modules/.installed
	$(BIN)/python -m debtkb.lint
	node_modules/.bin/markdownlint-cli2

fix: $(VENV)/.dev-deps
	$(BIN)/python -m debtkb.lint --fix

test: $(VENV)/.dev-deps node_modules/.installed browser lint
	node --test tests/js/
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Every benchmark runs and writes its report even when an earlier one is over budget; the target
# fails at the end if any was.
bench: $(VENV)/.dev-deps node_modules/.installed browser
	@status=0; for script in bench_calculator bench_glossary bench_editions bench_import bench_search bench_quality; do \
		echo "$(BIN)/python scripts/$$script.py"; $(BIN)/python scripts/$$script.py || status=1; \
	done; exit $$status

# Build time, memory and hook cost on synthetic sites of 100, 500 and 2,000 pages (about 10 minutes).
bench-scale: $(VENV)/.dev-deps
	$(BIN)/python scripts/bench_scale.py

clean:
	rm -rf site .pytest_cache
