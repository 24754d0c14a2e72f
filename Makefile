# Ateliers numériques — everything a conseiller or CI needs, in two commands:
#   make lancer   installe ce qu'il faut puis lance les ateliers
#   make test     installe ce qu'il faut (dont Chromium) puis lance tous les tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8866
ADRESSE ?= 0.0.0.0

.PHONY: lancer test installer installer-tests navigateur carnets clean

lancer: installer
	$(BIN)/atelier lancer --adresse $(ADRESSE) --port $(PORT)

test: installer-tests navigateur
	$(BIN)/python -m pytest

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Il faut Python 3.10 ou plus récent.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv

$(VENV)/.installe: $(BIN)/python pyproject.toml
	$(BIN)/python -m uv pip install --quiet --python $(BIN)/python -e .
	@touch $@

$(VENV)/.installe-tests: $(VENV)/.installe
	$(BIN)/python -m uv pip install --quiet --python $(BIN)/python -e ".[test]"
	@touch $@

installer: $(VENV)/.installe
installer-tests: $(VENV)/.installe-tests

# Debian's Chromium, for the real-browser tests (Playwright never downloads a browser here).
navigateur:
	@{ command -v chromium && /sbin/ldconfig -p | grep -q libpangoft2; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  echo "Installation de Chromium (paquet Debian)…"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

# Re-run the notebooks and save their outputs (what nbval compares) after changing a notebook.
carnets: installer
	$(BIN)/python -c "from pathlib import Path; from widgets.authoring.notebook import execute_notebook; [execute_notebook(p) for p in sorted(Path('ateliers').glob('*/atelier.ipynb'))]"

clean:
	rm -rf $(VENV) .pytest_cache
