# The two commands: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM_TEST := offscreen

.PHONY: run test lint typecheck pytest bench package package-test translations clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,build,crypto]'
	touch $(STAMP)

run: $(STAMP)
	bash packaging/system-deps.sh run
	$(VENV)/bin/crm-desktop

lint: $(STAMP)
	$(VENV)/bin/ruff check crm_desktop tests bench
	$(VENV)/bin/ruff format --check crm_desktop tests bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	bash packaging/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

test: lint typecheck pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_bench.py

translations: $(STAMP)
	$(PY) packaging/build_translations.py

package: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/crm_desktop.spec

package-test: package
	QT_QPA_PLATFORM=offscreen dist/crm-desktop/crm-desktop --selftest

clean:
	rm -rf build dist .mypy_cache .ruff_cache
