# CDSS Desk — the two everyday commands are `make run` and `make test`; both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
QM := resources/translations/cdss_zh_CN.qm
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint translations screenshots bench package clean

run: $(VENV)/.installed $(QM)
	$(VENV)/bin/cdss gui --demo

test: $(VENV)/.installed-test $(QM)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) tools/typecheck.py
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 --dist loadfile -q -ra

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) tools/typecheck.py

translations: $(QM)

$(QM): resources/translations/cdss_zh_CN.ts $(VENV)/.installed
	$(PY) tools/translations.py release

screenshots: $(VENV)/.installed $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/cdss screenshot --demo docs/screenshots

# The one-folder app for this OS in dist/cdss/ (PyInstaller), then its --selftest; see README "Build an installer".
package: $(VENV)/.installed-package $(QM)
	$(PY) packaging/build.py

bench: $(VENV)/.installed-test $(QM)
	for script in bench/*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; done

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Re-install whenever pyproject.toml changes (the stamp is older than it).
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[desktop]"
	touch $@

# The package extra (PyInstaller) too: tests/packaging builds the frozen app and runs its --selftest.
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install --quiet -e ".[test,package]"
	touch $@

$(VENV)/.installed-package: pyproject.toml $(VENV)/.installed
	$(PIP) install --quiet -e ".[package]"
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache $(QM)
