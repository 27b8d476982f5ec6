# The handbook: `make` converts source/ into docs/, builds the site into site/
# with a PDF per edition; `make test` runs the whole suite. Both first check the
# system packages (tools/setup/system_packages.py) and install them on Debian
# and Ubuntu. `make help` lists every target.
#
# Every step is a file with real dependencies, so `make` does only what changed:
#   source/, the converter          -> docs/ (build/report.json stands for it)
#   docs/, mkdocs.yml, hooks, theme -> build/editions/EDITION (one mkdocs build each)
#                                   -> site/ (each edition copied into its place)
#   an edition's pages, the print stylesheet and maker -> its PDF
#   an edition's pages, the EPUB maker and its stylesheet -> its EPUB
# The editions, their PDFs and EPUBs are independent: `make -j2` builds them side by side.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The raw texts: every .txt in source/ (the data files there have other suffixes).
SOURCES := $(sort $(wildcard source/*.txt))
# `make HANT=s2hk` (the OpenCC configuration of the Traditional edition) and
# `make EDITIONS=zh-Hans` reach the build through the environment; their
# defaults are in tools/handbook/editions.py. Here, the editions to make targets
# for: zh-Hans at the site's root, zh-Hant under zh-Hant/.
BUILT_EDITIONS := $(or $(EDITIONS),zh-Hans zh-Hant)
# The address the site is published at; without it, no canonical links or sitemap entries.
export HANDBOOK_SITE_URL
# Material prints a banner about its successor on every build; the build log should show our warnings only.
export NO_MKDOCS_2_WARNING := 1

STAMPS   := build/make
EDITIONS_DIR := build/editions
# Where each edition sits in the site.
SITE_PATH_zh-Hans :=
SITE_PATH_zh-Hant := zh-Hant
site_index = site/$(if $(SITE_PATH_$1),$(SITE_PATH_$1)/)index.html

# Inputs, found afresh on every run: files may move between modules and packages.
HANDBOOK_FILES := $(shell find tools/handbook -type f ! -path '*/__pycache__/*')
# (A filter pattern holds one wildcard %: folders are named from tools/handbook/.)
EPUB_FILES     := $(filter tools/handbook/epub/% %/fonts.py %/publication.py,$(HANDBOOK_FILES))
PRINT_FILES    := $(filter-out tools/handbook/epub/%,$(filter %/pdf.py %/fonts.py %/publication.py %.css tools/handbook/print/%,$(HANDBOOK_FILES)))
# The benchmark, the corpus scorer, the audit and the browser they start (chromium.py) measure the handbook; they are not part of the converter.
CONVERTER      := $(filter-out $(PRINT_FILES) $(EPUB_FILES) tools/handbook/bench/% tools/handbook/corpus/% %/audit.py %/chromium.py,$(HANDBOOK_FILES))
DOCS_FILES     := $(shell find docs -type f)
SITE_FILES     := mkdocs.yml $(shell find tools/hooks tools/theme -type f ! -path '*/__pycache__/*')
SYSTEM_CHECK   := tools/setup/system_packages.py

# Settings that change the built pages: a new value rewrites this file, and the builds follow.
SITE_SETTINGS := HANT=$(HANT) HANDBOOK_SITE_URL=$(HANDBOOK_SITE_URL)
$(shell mkdir -p $(STAMPS) && [ "$$(cat $(STAMPS)/site-settings 2>/dev/null)" = '$(SITE_SETTINGS)' ] \
  || echo '$(SITE_SETTINGS)' > $(STAMPS)/site-settings)
# `make EPUB_FONTS=embed`: the EPUBs carry subsets of their fonts (default: none).
EPUB_FONTS ?= none
$(shell [ "$$(cat $(STAMPS)/settings-epub 2>/dev/null)" = '$(EPUB_FONTS)' ] \
  || echo '$(EPUB_FONTS)' > $(STAMPS)/settings-epub)

# The browser audits, pinned in package.json / package-lock.json: axe-core for
# the tests (npm's production dependencies), Lighthouse for make audit only.
AXE        := node_modules/axe-core/axe.min.js
LIGHTHOUSE := node_modules/.bin/lighthouse

CONVERT := $(BIN)/handbook convert $(SOURCES) --out docs --report build/report.json

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.PHONY: all venv convert build pdf epub offline publish bench audit corpus serve check lint test test-fast system-deps clean help

all: build pdf epub ## Convert source/ into docs/, build the site into site/ with its PDFs and EPUBs

# --- set-up -------------------------------------------------------------------

$(STAMPS)/system-build: $(SYSTEM_CHECK)
	@$(PYTHON) $(SYSTEM_CHECK) build
	@mkdir -p $(@D) && touch $@

$(STAMPS)/system-test: $(SYSTEM_CHECK) | $(STAMPS)/system-build
	@$(PYTHON) $(SYSTEM_CHECK) test
	@touch $@

system-deps: ## Install the system packages for building and testing (Debian/Ubuntu; names them elsewhere)
	$(PYTHON) $(SYSTEM_CHECK) test

$(BIN)/handbook: pyproject.toml requirements.lock | $(STAMPS)/system-build
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

venv: $(BIN)/handbook ## Create .venv with the pinned dependencies

$(AXE): package.json package-lock.json | $(STAMPS)/system-test
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

$(LIGHTHOUSE): package.json package-lock.json | $(STAMPS)/system-test
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# --- conversion ---------------------------------------------------------------

build/report.json: $(wildcard source/*) $(CONVERTER) $(BIN)/handbook
	@mkdir -p build
	$(CONVERT)

# A page the conversion removes is a change, not a missing input.
$(DOCS_FILES):

convert: venv ## Convert source/*.txt into Markdown pages under docs/ now (report in build/)
	@mkdir -p build
	$(CONVERT)

# --- site ---------------------------------------------------------------------

# Each edition alone into its own folder: mkdocs empties its output folder, so
# two builds cannot share site/.
$(STAMPS)/edition-%: build/report.json $(DOCS_FILES) $(SITE_FILES) $(STAMPS)/site-settings
	@[ -n "$(HANDBOOK_SITE_URL)" ] || echo "warning: HANDBOOK_SITE_URL is not set: $* is built without canonical links or sitemap entries"
	EDITIONS=$* $(BIN)/mkdocs build --strict --site-dir $(EDITIONS_DIR)/$*
	@touch $@

# Copy edition $1 into site/, replacing its last build and leaving the other editions' folders.
define place_edition
@echo "$1 -> site/$(SITE_PATH_$1)"
@mkdir -p site/$(SITE_PATH_$1)
@find site/$(SITE_PATH_$1) -mindepth 1 -maxdepth 1 ! -name $(SITE_PATH_zh-Hant) -exec rm -rf {} +
@cp -R $(EDITIONS_DIR)/$1/$(SITE_PATH_$1)/. site/$(SITE_PATH_$1)
@touch $@
endef

$(call site_index,zh-Hans): $(STAMPS)/edition-zh-Hans
	$(call place_edition,zh-Hans)

$(call site_index,zh-Hant): $(STAMPS)/edition-zh-Hant
	$(call place_edition,zh-Hant)

build: $(foreach e,$(BUILT_EDITIONS),$(call site_index,$e)) ## Convert and build the site into site/ (mkdocs build --strict, an edition at a time)

# --- print --------------------------------------------------------------------

# The PDF maker reads the site's home page to find the editions.
$(STAMPS)/pdf-zh-Hans: $(call site_index,zh-Hans)
$(STAMPS)/pdf-zh-Hant: $(call site_index,zh-Hant) | $(if $(filter zh-Hans,$(BUILT_EDITIONS)),$(call site_index,zh-Hans))
$(STAMPS)/pdf-%: $(PRINT_FILES)
	$(BIN)/python -m handbook.pdf --site site --script $(subst zh-,,$*)
	@touch $@

pdf: $(foreach e,$(BUILT_EDITIONS),$(STAMPS)/pdf-$e) ## One A4 PDF per edition: site/downloads/, site/zh-Hant/downloads/

# --- EPUB ---------------------------------------------------------------------

# Like the PDF maker, the EPUB maker reads the site's home page to find the editions.
$(STAMPS)/epub-zh-Hans: $(call site_index,zh-Hans)
$(STAMPS)/epub-zh-Hant: $(call site_index,zh-Hant) | $(if $(filter zh-Hans,$(BUILT_EDITIONS)),$(call site_index,zh-Hans))
$(STAMPS)/epub-%: $(EPUB_FILES) $(STAMPS)/settings-epub
	$(BIN)/python -m handbook.epub --site site --script $(subst zh-,,$*) --fonts $(EPUB_FONTS)
	@touch $@

epub: $(foreach e,$(BUILT_EDITIONS),$(STAMPS)/epub-$e) ## One EPUB 3 per edition, beside its PDF (EPUB_FONTS=embed: with its fonts)

build/handbook-offline.zip: build/report.json $(DOCS_FILES) $(SITE_FILES) $(STAMPS)/site-settings $(foreach e,$(BUILT_EDITIONS),$(STAMPS)/pdf-$e $(STAMPS)/epub-$e)
	rm -rf build/offline $@
	HANDBOOK_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir build/offline/handbook
	cd site && find . \( -path '*/downloads/*.pdf' -o -path '*/downloads/*.epub' \) -exec cp --parents {} ../build/offline/handbook/ \;
	cd build/offline && ../../$(BIN)/python -m zipfile -c ../handbook-offline.zip handbook

offline: build/handbook-offline.zip ## Zip a build that works opened from disk, PDFs and EPUBs included: build/handbook-offline.zip

site/downloads/handbook-offline.zip: build/handbook-offline.zip $(call site_index,zh-Hans)
	mkdir -p $(@D) && cp $< $@

publish: all site/downloads/handbook-offline.zip ## Everything a web host serves, in site/: both editions, PDFs, EPUBs, offline zip

# --- working on the handbook ----------------------------------------------------

SERVE_ADDRESS ?= 127.0.0.1:8000
# mkdocs serve rebuilds when docs/ changes; the loop re-converts when source/ does.
serve: build/report.json ## Serve the handbook at http://127.0.0.1:8000, re-converting when source/ changes
	@$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDRESS) & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; seen=; \
	while kill -0 $$server 2>/dev/null; do \
	  now=$$(cksum source/*); \
	  [ "$$now" = "$$seen" ] || { seen=$$now; $(MAKE) --no-print-directory -s build/report.json; }; \
	  sleep 1; \
	done

bench: venv ## Measure conversion, builds, PDFs, sizes at ×1, ×10, ×100 and make itself (build/bench/results.md)
	$(BIN)/python -m handbook.bench

# The site is built for the address the audit serves it at, so that its
# canonical and hreflang links are absolute, as published (a later `make`
# builds it again for HANDBOOK_SITE_URL).
AUDIT_PORT ?= 8765
audit: $(LIGHTHOUSE) venv ## Lighthouse (mobile) on the home page, the longest essay and a term page of each edition, served compressed (table in build/audit/results.md)
	$(MAKE) build HANDBOOK_SITE_URL=http://127.0.0.1:$(AUDIT_PORT)/
	$(BIN)/python -m handbook.audit --site site --port $(AUDIT_PORT)

corpus: venv ## Score the converter on the corpus of real texts (table in build/corpus.md)
	$(BIN)/python -m handbook.corpus

check: venv ## Fail if docs/ is stale against source/, or a text's Traditional review is unfinished
	$(BIN)/handbook check $(SOURCES) --out docs
	$(BIN)/handbook hant --check $(SOURCES)

lint: venv ## ruff lint and format check
	$(BIN)/ruff check tools tests
	$(BIN)/ruff format --check tools tests

test: $(STAMPS)/system-test venv $(AXE) lint check ## The whole test suite (system packages, lint, staleness check, pytest)
	$(BIN)/pytest

test-fast: venv lint check ## The suite without Chromium, WeasyPrint, EPUBCheck or slow site builds
	$(BIN)/pytest -m "not browser and not pdf and not epub and not slow"

clean: ## Remove the built site and build output (docs/ is kept: it is committed)
	rm -rf site build .pytest_cache

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'
