# The handbook: `make` converts source/ into docs/ and builds the site into
# site/; `make test` runs the whole suite. `make help` lists every target.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The raw texts: every .txt in source/ (the data files there have other suffixes).
SOURCES := $(sort $(wildcard source/*.txt))
# OpenCC configuration of the Traditional edition (s2tw, s2hk, s2t …).
HANT ?= s2tw
# The editions `make` builds: zh-Hans at the site's root, zh-Hant under zh-Hant/.
EDITIONS ?= zh-Hans zh-Hant
export HANT EDITIONS
# Material prints a banner about its successor on every build; the build log should show our warnings only.
export NO_MKDOCS_2_WARNING := 1

# Debian packages the build and the tests need (fonts, browser, PDF tools).
DEBIAN_PACKAGES := chromium fonts-noto-cjk fontconfig poppler-utils libpango-1.0-0 libpangoft2-1.0-0

.DEFAULT_GOAL := all
.PHONY: all venv convert build pdf offline deploy bench corpus serve check lint test system-deps clean help

all: build pdf ## Convert source/ into docs/, build the site into site/ with its PDFs

$(BIN)/handbook: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

venv: $(BIN)/handbook ## Create .venv with the pinned dependencies

convert: venv ## Convert source/*.txt into Markdown pages under docs/ (report in build/)
	@mkdir -p build
	$(BIN)/handbook convert $(SOURCES) --out docs --report build/report.json

build: convert ## Build the site into site/ with mkdocs build --strict
	$(BIN)/mkdocs build --strict

pdf: build ## Typeset one A4 PDF per edition into the site (site/downloads/, site/zh-Hant/downloads/)
	$(BIN)/python -m handbook.pdf --site site

offline: pdf ## Zip a build that works opened from disk, PDFs included, into build/handbook-offline.zip
	rm -rf build/offline build/handbook-offline.zip
	HANDBOOK_OFFLINE=true $(BIN)/mkdocs build --strict -d build/offline/handbook
	cd site && find . -path '*/downloads/*.pdf' -exec cp --parents {} ../build/offline/handbook/ \;
	cd build/offline && ../../$(BIN)/python -m zipfile -c ../handbook-offline.zip handbook

deploy: convert ## Publish the site to GitHub Pages (gh-pages branch); set HANDBOOK_SITE_URL first
	$(BIN)/mkdocs gh-deploy --strict --force

bench: venv ## Measure conversion, builds, PDFs and sizes at ×1, ×10, ×100 (table in build/bench/results.md)
	$(BIN)/python -m handbook.bench

corpus: venv ## Score the converter on the corpus of real texts (table in build/corpus.md)
	$(BIN)/python -m handbook.corpus

serve: convert ## Serve the handbook at http://127.0.0.1:8000 while you edit
	$(BIN)/mkdocs serve

check: venv ## Fail if docs/ is stale against source/, or a text's Traditional review is unfinished
	$(BIN)/handbook check $(SOURCES) --out docs
	$(BIN)/handbook hant --check $(SOURCES)

lint: venv ## ruff lint and format check
	$(BIN)/ruff check tools tests
	$(BIN)/ruff format --check tools tests

test: venv lint check ## The whole test suite (lint, staleness check, pytest)
	$(BIN)/pytest

system-deps: ## Install the Debian packages (needs root or sudo)
	@if dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1; then echo "system packages present"; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(DEBIAN_PACKAGES); fi

clean: ## Remove the built site and build output (docs/ is kept: it is committed)
	rm -rf site build .pytest_cache

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'
