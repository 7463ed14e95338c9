# Every target sets up .venv from the pinned requirements on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The third-party checks in the tests (Nu Html Checker, axe-core) come from npm, pinned in
# package-lock.json. `make site` does not need them.
NODE_STAMP := node_modules/.installed

.PHONY: site test serve lint validate fmt schema bench lock clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@$(BIN)/python -c 'import importlib.metadata as m; assert [e for e in m.entry_points(group="mkdocs.plugins") if e.name == "regio"]'
	@$(BIN)/pip check >/dev/null
	@touch $(STAMP)

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime from GitHub when none is
# found; the tests use the system's java (CI installs it) and skip locally without it.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts && touch $@; \
	else \
	  echo "npm ontbreekt: de HTML- en toegankelijkheidscontroles worden overgeslagen (op CI: fout)"; \
	fi

validate: $(STAMP)
	$(BIN)/regio validate

# Rewrite data/*.yaml in the canonical layout (key order, quoting); CI runs `regio fmt --check`.
fmt: $(STAMP)
	$(BIN)/regio fmt

site: validate
	$(BIN)/mkdocs build --strict

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy

serve: $(STAMP)
	$(BIN)/mkdocs serve

# Build times, memory and output sizes on fictional data (issue 6); writes bench/results.md and
# bench/results.json. Quick run: make bench BENCH_ARGS="--sizes 100,1000 --runs 1"
bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

schema: $(STAMP)
	$(BIN)/regio schema --out schemas

lock:
	rm -rf /tmp/regio-lock && $(PYTHON) -m venv /tmp/regio-lock
	/tmp/regio-lock/bin/pip install --quiet -e '.[dev,site]' 'setuptools>=70.1'
	(echo '# Exact versions installed by `make` (pip install -r requirements.lock). Regenerate with `make lock`.'; \
	 /tmp/regio-lock/bin/pip freeze --all --exclude-editable | grep -v '^pip==') > requirements.lock

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .hypothesis .ruff_cache .mypy_cache
