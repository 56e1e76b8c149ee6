# Two commands from a fresh clone: `make run` and `make test`.
# The venv is built once; CPU-only torch goes in first so argostranslate's
# stanza dependency does not pull a multi-GB CUDA build.
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

.PHONY: run test venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/l10n update
	$(VENV)/bin/l10n build

test: $(STAMP)
	$(PY) -m pytest -q

clean:
	rm -rf build .pytest_cache
