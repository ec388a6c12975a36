# Vouch: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test bench lint typecheck screenshots clean system-deps fuzz crash package package-test interop translations

# `make run` installs only what the app needs; `make test`, `bench`, `lint`... add the test
# tools and the fuzzer on top (a second stamp). Each stamp is redone only when
# pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[linux-unlock]'
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,linux-unlock,fuzz]'
	touch $(TEST_STAMP)

system-deps:
	bash scripts/system-deps.sh

# The app's translations, compiled from their sources (docs/TRANSLATING.md).
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))
resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@
translations: $(QM)

run: $(STAMP) system-deps translations
	$(VENV)/bin/vouch-gui

test: $(TEST_STAMP) system-deps translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not bench and not package" tests
	$(PY) -m ruff check app tests
	$(PY) -m ruff format --check app tests
	$(PY) -m mypy

lint: $(TEST_STAMP)
	$(PY) -m ruff check app tests
	$(PY) -m ruff format --check app tests

typecheck: $(TEST_STAMP)
	$(PY) -m mypy

# The whole-process figures run first: after the in-process benchmarks, the test process holds
# about 1 GB and the same import measured from it took up to 1.5 s longer (BENCHMARKS.md).
BENCH_FIRST := tests/bench/test_import_cli_bench.py tests/bench/test_startup_bench.py
BENCH_REST  := $(filter-out $(BENCH_FIRST),$(sort $(wildcard tests/bench/test_*.py)))

bench: $(TEST_STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m bench --benchmark-enable -p no:randomly \
		$(BENCH_FIRST) $(BENCH_REST)

clean:
	rm -rf $(VENV) build dist *.egg-info app/*.egg-info

screenshots: $(TEST_STAMP) system-deps translations
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

# Long coverage-guided fuzzing of every outside-data parser (a short smoke run is in `make test`).
FUZZ_SECONDS ?= 600
fuzz: $(TEST_STAMP)
	$(PY) fuzz/run.py --seconds $(FUZZ_SECONDS)

# The SIGKILL crash harness with many more runs than `make test` does.
CRASH_RUNS ?= 500
crash: $(TEST_STAMP) system-deps
	VOUCH_CRASH_RUNS=$(CRASH_RUNS) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/hardening -k kill

# The one-folder desktop bundle for this platform (Linux here), in dist/.
package: $(STAMP) system-deps translations
	$(PY) -m pip install --quiet -e '.[package]'
	bash packaging/linux/build.sh

package-test: package $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m package tests/packaging

# Vouch against an independent VC 2.0 implementation (node; npm fetches the pinned packages once).
interop: $(TEST_STAMP)
	VOUCH_INTEROP=1 $(PY) -m pytest -q tests/interop
