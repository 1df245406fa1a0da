# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make book   set up .venv and node_modules, validate the data, build the site strictly
#   make test   the same set-up plus test dependencies, Chromium and Firefox, then the whole test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
BUILD_FLAGS := --all -W -n --keep-going

.PHONY: book book-fr gettext catalogues test test-js pdf validate data serve clean setup setup-test lab bench mutants mutants-js faults shots
.DEFAULT_GOAL := book

$(BIN)/python:
	PYTHON=$(PYTHON) scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)

# Stamps: re-install only when the pins change.
# pip byte-compiles what it installs one file at a time (a third of the set-up's time, plotly's
# thousands of modules); compileall does the same on every core.
COMPILE := $(BIN)/python -m compileall -q -j 0 $(VENV)/lib

$(VENV)/.book-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --no-compile -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	$(COMPILE)
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements-lab.txt scripts/system-deps.sh $(VENV)/.book-deps
	PYTHON=$(PYTHON) scripts/system-deps.sh --test
	$(BIN)/python -m pip install -q --no-compile -r requirements-test.txt
	$(COMPILE)
	touch $@

# JupyterLab with jupytext and jupyterlab-myst; lab/overrides.json opens a chapter's .md as a
# notebook (jupytext's "Jupytext Notebook" viewer) on a double-click.
$(VENV)/.lab-deps: requirements-lab.txt $(VENV)/.book-deps
	$(BIN)/python -m pip install -q -r requirements-lab.txt
	touch $@

# The book needs plotly.js only; StrykerJS (a devDependency) comes with `make mutants-js`.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --omit=dev

# The Firefox check (tests/test_firefox.py) has its own node package, puppeteer-core alone: the
# book's `npm ci --omit=dev` stays plotly.js only, and the tests never install StrykerJS.
tests/firefox/node_modules/.package-lock.json: tests/firefox/package.json tests/firefox/package-lock.json
	cd tests/firefox && npm ci --ignore-scripts --no-audit --no-fund

setup: $(VENV)/.book-deps node_modules/.package-lock.json
setup-test: setup $(VENV)/.test-deps tests/firefox/node_modules/.package-lock.json

validate: setup
	$(BIN)/liberal-crisis-validate data

# Assemble data/datapackage.json from data/meta, re-derive every derived CSV from the
# publishers' files in data/raw (and the curated inputs each step declares, e.g.
# data/polls_curated.csv), record the checksums in data/raw/manifest.json, rewrite the data
# dictionary, then validate (liberal_crisis.data.derive; `liberal-crisis-derive --list`).
data: setup
	$(BIN)/liberal-crisis-derive data
	$(BIN)/python -m liberal_crisis.data.dictionary --write data/README.md
	$(BIN)/liberal-crisis-validate data

# Strict: warnings are errors, notebook errors raise, every page rebuilt (an incremental build
# would not repeat a warning). Executed notebooks are cached in _build/.jupyter_cache.
# Then the French edition (CONTRIBUTING.md "The French edition"): the same sources with
# language fr_CA, the kernels in French, its own execution cache (_build/fr/), copied into the
# site as _build/html/fr/. Strict too: an untranslated message fails the build.
book: validate
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)
	$(BIN)/python -m liberal_crisis.site.build_fr . --into-site

# The French edition alone, for work on the translation: untranslated messages pass (the English
# shows), into _build/fr/html (not the site). Never what `make book` publishes.
book-fr: validate
	$(BIN)/python -m liberal_crisis.site.build_fr . --lenient

# Re-extract the English messages (the pages' prose, and the code's _() strings) and merge them
# into locale/fr_CA/LC_MESSAGES/ (changed messages become fuzzy, removed ones obsolete), then
# list what is left to translate.
gettext: setup
	$(BIN)/python -m liberal_crisis.site.catalogues update .
	-$(BIN)/python -m liberal_crisis.site.catalogues check .

# What stops the French edition: untranslated, fuzzy or obsolete messages, dropped roles.
catalogues: setup
	$(BIN)/python -m liberal_crisis.site.catalogues check .

# pytest runs everything, the node tests of the JavaScript's pure modules too (tests/test_js.py),
# in two processes (pytest-xdist; tests/conftest.py shares one build and the survey's visits
# between them; each test file runs whole in one process).
# The reproducibility test's second clean build starts first, in the background
# (tests/second_build.py): pip installs the test dependencies on one core, the build takes the
# other. It is stopped and removed when the run ends, however it ends.
test: setup validate
	second=$$(mktemp -d -t liberal-crisis-second-build.XXXXXX) && \
	trap '$(BIN)/python tests/second_build.py stop "$$second"; rm -rf "$$second"' EXIT && \
	$(BIN)/python tests/second_build.py start "$$second" && \
	$(MAKE) --no-print-directory setup-test && \
	LIBERAL_CRISIS_SECOND_BUILD="$$second" \
	  $(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder --durations=25

# The node tests alone (tests/js/, node's own test runner: under a second).
test-js:
	node --test tests/js/

# The whole book as one PDF, each chart printed as an image; drives Chromium like the tests.
pdf: setup-test book
	$(BIN)/python -m liberal_crisis.site.pdf _build/html _build/pdf/book.pdf

# The chart desk's contact sheet: every chart at 1366 and 375 px, light and dark, one PNG each,
# with the layout problems the browser tests look for listed under each shot.
shots: setup-test book
	$(BIN)/python -m liberal_crisis.site.shots _build/html _build/shots

# JupyterLab on this machine only (127.0.0.1), offline: chapters open as notebooks that render
# like the site (jupyterlab-myst), with the book's plotly theme; Run All fills in the numbers.
lab: setup $(VENV)/.lab-deps
	$(BIN)/jupyter lab --ip 127.0.0.1 --ServerApp.root_dir=. --LabApp.app_settings_dir=lab \
	  $(if $(filter 0,$(shell id -u)),--allow-root)

# Ours vs a stock Jupyter Book set-up: page weight, chart drawing, build times (prints numbers).
bench: setup-test
	$(BIN)/python scripts/bench.py

# Mutation testing of the pure layers (analysis/, data/rules.py, data/dictionary.py) against the
# fast unit tests; prints a score per module and the surviving mutants (about 15 minutes on
# 2 cores; a second run re-tests only what changed). Not part of `make test`.
# One module: make mutants MODULES=liberal_crisis.analysis.swing
MODULES ?= liberal_crisis.analysis liberal_crisis.data
mutants: setup-test
	$(BIN)/python -m pip install -q -r requirements-mutants.txt
	$(BIN)/python scripts/mutants.py $(MODULES)

# Mutation testing of the JavaScript's pure modules (site/static/explorer-core.js and
# charts-core.js) with StrykerJS (pinned in package.json's devDependencies, installed here),
# against `node --test tests/js/`; prints the score per file and every surviving mutant, and
# writes _build/mutants-js/mutation.json (a few minutes on 2 cores). Not part of `make test`.
node_modules/.bin/stryker: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

mutants-js: node_modules/.bin/stryker
	node_modules/.bin/stryker run stryker.config.json

# Realistic bugs in the site layers and the data rules, one at a time in a temporary copy:
# prints caught/missed (builds the book for some; about 15 minutes). Not part of `make test`.
faults: setup-test
	$(BIN)/python scripts/fault_injection.py

serve:
	@test -f _build/html/index.html || { echo "Run 'make book' first."; exit 1; }
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html 8000

clean:
	rm -rf _build
