# Vouch: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint typecheck screenshots clean system-deps

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,linux-unlock]'
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

run: $(STAMP) system-deps
	$(VENV)/bin/vouch-gui

test: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not bench" tests
	$(PY) -m ruff check app tests
	$(PY) -m ruff format --check app tests
	$(PY) -m mypy

lint: $(STAMP)
	$(PY) -m ruff check app tests
	$(PY) -m ruff format --check app tests

typecheck: $(STAMP)
	$(PY) -m mypy

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m bench --benchmark-enable tests/bench -p no:randomly

clean:
	rm -rf $(VENV) build dist *.egg-info app/*.egg-info

screenshots: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py
