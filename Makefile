# Every target sets up .venv from the pinned requirements on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve lint validate schema lock clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@$(BIN)/python -c 'import importlib.metadata as m; assert [e for e in m.entry_points(group="mkdocs.plugins") if e.name == "regio"]'
	@$(BIN)/pip check >/dev/null
	@touch $(STAMP)

validate: $(STAMP)
	$(BIN)/regio validate

site: validate
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy

serve: $(STAMP)
	$(BIN)/mkdocs serve

schema: $(STAMP)
	$(BIN)/regio schema --out schemas

lock:
	rm -rf /tmp/regio-lock && $(PYTHON) -m venv /tmp/regio-lock
	/tmp/regio-lock/bin/pip install --quiet -e '.[dev,site]' 'setuptools>=70.1'
	(echo '# Exact versions installed by `make` (pip install -r requirements.lock). Regenerate with `make lock`.'; \
	 /tmp/regio-lock/bin/pip freeze --all --exclude-editable | grep -v '^pip==') > requirements.lock

clean:
	rm -rf $(VENV) site .pytest_cache .hypothesis .ruff_cache .mypy_cache
