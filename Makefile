# Two commands from a fresh clone: `make run` and `make test`.
# The venv is built once; CPU-only torch goes in first so argostranslate's
# stanza dependency does not pull a multi-GB CUDA build.
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

.PHONY: run test venv clean lt-venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test,argos]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/l10n update
	$(VENV)/bin/l10n build

# LibreTranslate 1.9.6 for the shared-server tests, in a venv of its own: it
# pins Flask 2.2, polib 1.1.1, numpy < 2 and its Argos fork, which needs no
# torch (so none is installed here).
LT_VENV ?= .venv-lt
LT_STAMP = $(LT_VENV)/.installed

lt-venv: $(LT_STAMP)

$(LT_STAMP):
	test -x $(LT_VENV)/bin/python || $(PYTHON) -m venv $(LT_VENV)
	$(LT_VENV)/bin/python -m pip install -q libretranslate==1.9.6
	touch $(LT_STAMP)

test: $(STAMP) $(LT_STAMP)
	L10N_LT_VENV=$(abspath $(LT_VENV)) $(PY) -m pytest -q

clean:
	rm -rf build .pytest_cache
