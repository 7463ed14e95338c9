# Every target sets up .venv from the pinned requirements on first use: `make site` (and the
# other site targets) from requirements-site.lock, `make test` and `make lint` add the test tools
# from requirements-test.lock, which holds the site's pins exactly plus those tools.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test
# --no-compile: Python writes the bytecode of the modules that actually run on first import;
# compiling every module of every package ahead (numpy's tests, pip itself …) adds ~50 MB.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile
# pip from Python's own bundled copy (ensurepip: no download), when the .venv has none.
ENSURE_PIP := $(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --default-pip >/dev/null
# The third-party checks in the tests (Nu Html Checker, axe-core) come from npm, pinned in
# package-lock.json. `make site` does not need them.
NODE_STAMP := node_modules/.installed
# Zensical (`make site-zensical`, and its tests in `make test`) in a venv of its own, pinned in
# requirements-zensical.lock: its pins (Markdown, pymdown-extensions …) need not match MkDocs'.
ZENSICAL_VENV := .venv-zensical
ZENSICAL := $(ZENSICAL_VENV)/bin/zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed

.PHONY: site site-zensical test serve serve-zensical lint validate fmt schema bench lighthouse lock lock-zensical clean

$(SITE_STAMP): requirements-site.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(ENSURE_PIP)
	@# A .venv from before phonenumberslite has phonenumbers, which installs the same files.
	@$(BIN)/python -m pip uninstall --quiet --yes phonenumbers >/dev/null 2>&1 || true
	$(PIP_INSTALL) -r requirements-site.lock
	$(PIP_INSTALL) --no-deps --no-build-isolation -e .
	@$(BIN)/python -c 'import importlib.metadata as m; assert [e for e in m.entry_points(group="mkdocs.plugins") if e.name == "regio"]'
	@$(BIN)/python -m pip check >/dev/null
	@# Building the site needs no installer: pip and setuptools (the editable install is done)
	@# are 21 MB of this .venv. The next install brings pip back (ENSURE_PIP).
	@$(BIN)/python -m pip uninstall --quiet --yes pip setuptools
	@touch $(SITE_STAMP)

$(TEST_STAMP): $(SITE_STAMP) requirements-test.lock
	@$(ENSURE_PIP)
	$(PIP_INSTALL) -r requirements-test.lock
	@$(BIN)/python -m pip check >/dev/null
	@touch $(TEST_STAMP)

$(ZENSICAL_STAMP): requirements-zensical.lock
	test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-compile -r requirements-zensical.lock
	@$(ZENSICAL_VENV)/bin/python -m pip check >/dev/null
	@touch $(ZENSICAL_STAMP)

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime from GitHub when none is
# found; the tests use the system's java (CI installs it) and skip locally without it.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts && touch $@; \
	else \
	  echo "npm ontbreekt: de HTML- en toegankelijkheidscontroles worden overgeslagen (op CI: fout)"; \
	fi

# Strict, as the pull-request check: a warning (such as an entry without 'bron') is an error.
validate: $(SITE_STAMP)
	$(BIN)/regio validate --strict

# Rewrite data/*.yaml in the canonical layout (key order, quoting); CI runs `regio fmt --check`.
fmt: $(SITE_STAMP)
	$(BIN)/regio fmt

site: validate
	$(BIN)/mkdocs build --strict

# The site built by Zensical instead of MkDocs (README: "Na Material"); same site/, same checks.
site-zensical: validate $(ZENSICAL_STAMP)
	$(BIN)/python -m regio.zensical.build --zensical $(ZENSICAL)

# One worker per core; a test file stays on one worker, so a module's site build runs once.
# `make test PYTEST_ARGS=tests/uitvoer` runs part of the suite.
# Bytecode is written during the tests even where the environment says not to
# (PYTHONDONTWRITEBYTECODE): without it every worker rewrites the asserts of every test module
# again (8 s of collection) and every Python the tests start compiles MkDocs, Material and the
# rest from source again (0.4-0.7 s each). It lands in .venv and in __pycache__/ (ignored by git).
# The three installs are independent (.venv, node_modules, .venv-zensical): side by side, a
# fresh clone's set-up takes the time of the longest (the .venv, ~36 s) instead of ~45 s.
PYTEST_ARGS ?=
test:
	@$(MAKE) --no-print-directory -j3 $(TEST_STAMP) $(NODE_STAMP) $(ZENSICAL_STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy

serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve

# Zensical's preview; the pages are rendered again whenever data/ or content/ changes.
serve-zensical: $(SITE_STAMP) $(ZENSICAL_STAMP)
	$(BIN)/python -m regio.zensical.serve --zensical $(ZENSICAL)

# Build times, memory and output sizes on fictional data (issue 6); writes bench/results.md and
# bench/results.json. Quick run: make bench BENCH_ARGS="--sizes 100,1000 --runs 1"
bench: $(SITE_STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

# Lighthouse (mobile, simulated throttling) on the real site served by nginx with gzip; writes
# bench/lighthouse.md and bench/lighthouse.json. Needs npm's lighthouse, chromium and nginx.
# Quick run: make lighthouse LIGHTHOUSE_ARGS="--runs 1 --pages contact/"
LIGHTHOUSE_STAMP := scripts/lighthouse/node_modules/.installed
$(LIGHTHOUSE_STAMP): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	@# install, not ci: a dependency of Lighthouse asks for third-party-web@"latest", which npm ci
	@# refuses as soon as the registry's latest moves past the locked version.
	npm install --prefix scripts/lighthouse --no-audit --no-fund --ignore-scripts && touch $@
lighthouse: $(SITE_STAMP) $(LIGHTHOUSE_STAMP)
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

schema: $(SITE_STAMP)
	$(BIN)/regio schema --out schemas

# Re-resolve the pins from pyproject.toml: first what the site needs, then the test tools on top
# of exactly those versions (-c), so requirements-test.lock contains requirements-site.lock.
LOCK_VENV := /tmp/regio-lock
FREEZE := $(LOCK_VENV)/bin/pip freeze --all --exclude-editable | grep -v '^pip==' | LC_ALL=C sort -f
lock:
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet 'setuptools>=70.1' -e '.[site]'
	(echo '# Exact versions for building the site (`make site`). Regenerate with `make lock`.'; \
	 $(FREEZE)) > requirements-site.lock
	$(LOCK_VENV)/bin/pip install --quiet -c requirements-site.lock -e '.[site,test]'
	(echo '# Exact versions for the tests (`make test`): requirements-site.lock plus the test tools. Regenerate with `make lock`.'; \
	 $(FREEZE)) > requirements-test.lock

# Re-resolve Zensical's pins (its newest release that installs from our registries).
lock-zensical:
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet zensical
	(sed -n '/^#/p' requirements-zensical.lock; $(FREEZE) | grep -v '^setuptools==') > requirements-zensical.lock.neu
	mv requirements-zensical.lock.neu requirements-zensical.lock

clean:
	rm -rf $(VENV) $(ZENSICAL_VENV) build node_modules site .pytest_cache .hypothesis .ruff_cache .mypy_cache
