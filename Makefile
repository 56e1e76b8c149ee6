# Two commands from a fresh clone: `make run` and `make test`.
# The venv is built from the committed lock (constraints.txt: exact versions
# of every package in it, transitive ones too), so two clones a month apart
# get the same packages and write the same catalogs, editions and MO files.
# CPU-only torch goes in first so argostranslate's stanza dependency does not
# pull a multi-GB CUDA build. When the lock changes, the venv is rebuilt from
# scratch; `make lock` refreshes the lock from pyproject.toml.
VENV   ?= .venv
PYTHON ?= python3
LOCK    = constraints.txt
TORCH   = torch==2.13.0
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed
# What the lock records: every installed distribution but the project, with
# local version labels dropped (torch 2.13.0+cpu is pinned as 2.13.0, which
# the CPU wheel and PyPI's wheel both satisfy).
FREEZE  = -m pip freeze --all --exclude-editable --exclude l10n | sed -e 's/+[^ ]*$$//'

.PHONY: run test test-fast lint venv lock lock-lt clean lt-venv

venv: $(STAMP)

$(STAMP): $(LOCK) pyproject.toml
	@cmp -s $(LOCK) $(VENV)/$(LOCK) || { echo "lock changed: rebuilding $(VENV)"; rm -rf $(VENV); }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c $(LOCK) pip
	$(PY) -m pip install -q -c $(LOCK) torch
	$(PY) -m pip install -q -c $(LOCK) -e '.[test,argos]'
	@grep -v '^#' $(LOCK) > $(VENV)/locked.txt
	@$(PY) $(FREEZE) | diff -u $(VENV)/locked.txt - \
	    || { echo "$(VENV) differs from $(LOCK) (pyproject.toml changed?): run make lock"; exit 1; }
	cp $(LOCK) $(VENV)/$(LOCK)
	touch $(STAMP)

# Resolve pyproject.toml afresh, without the lock, in a throwaway venv.
lock:
	rm -rf $(VENV)-lock
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install -q --upgrade pip
	$(VENV)-lock/bin/python -m pip install -q $(TORCH)
	$(VENV)-lock/bin/python -m pip install -q -e '.[test,argos]'
	{ echo "# Exact versions of every package in the venv; written by \`make lock\` (do not edit)."; \
	  echo "# Resolved with $$($(VENV)-lock/bin/python -c 'import platform as p; print("Python", p.python_version(), p.machine())')."; \
	  $(VENV)-lock/bin/python $(FREEZE); } > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf $(VENV)-lock

run: $(STAMP)
	$(VENV)/bin/l10n update
	$(VENV)/bin/l10n build

# LibreTranslate 1.9.6 for the shared-server tests, in a venv of its own: it
# pins Flask 2.2, polib 1.1.1, numpy < 2 and its Argos fork, which needs no
# torch (so none is installed here).
LT_VENV ?= .venv-lt
LT_STAMP = $(LT_VENV)/.installed

lt-venv: $(LT_STAMP)

LT_LOCK  = constraints-lt.txt

$(LT_STAMP): $(LT_LOCK)
	@cmp -s $(LT_LOCK) $(LT_VENV)/$(LT_LOCK) || { echo "lock changed: rebuilding $(LT_VENV)"; rm -rf $(LT_VENV); }
	test -x $(LT_VENV)/bin/python || $(PYTHON) -m venv $(LT_VENV)
	$(LT_VENV)/bin/python -m pip install -q -c $(LT_LOCK) pip
	$(LT_VENV)/bin/python -m pip install -q -c $(LT_LOCK) libretranslate==1.9.6
	cp $(LT_LOCK) $(LT_VENV)/$(LT_LOCK)
	touch $(LT_STAMP)

# Resolve LibreTranslate afresh in a throwaway venv and rewrite its lock.
lock-lt:
	rm -rf $(LT_VENV)-lock
	$(PYTHON) -m venv $(LT_VENV)-lock
	$(LT_VENV)-lock/bin/python -m pip install -q --upgrade pip
	$(LT_VENV)-lock/bin/python -m pip install -q libretranslate==1.9.6
	{ echo "# Exact versions of every package in .venv-lt (LibreTranslate for the shared-server tests); written by \`make lock-lt\` (do not edit)."; \
	  echo "# Resolved with $$($(LT_VENV)-lock/bin/python -c 'import platform as p; print("Python", p.python_version(), p.machine())')."; \
	  $(LT_VENV)-lock/bin/python -m pip freeze --all | sed -e 's/+[^ ]*$$//'; } > $(LT_LOCK).new
	mv $(LT_LOCK).new $(LT_LOCK)
	rm -rf $(LT_VENV)-lock

test: $(STAMP) $(LT_STAMP)
	L10N_LT_VENV=$(abspath $(LT_VENV)) $(PY) -m pytest -q

# The fast lane: everything but the tests marked slow (a real model, a server,
# many subprocesses, thousands of generated cases). `make test` runs them all.
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

# Types and lint (configured in pyproject.toml: mypy --strict over l10n/, ruff's rule set).
lint: $(STAMP)
	$(VENV)/bin/mypy
	$(VENV)/bin/ruff check l10n tests benchmarks

clean:
	rm -rf build .pytest_cache
