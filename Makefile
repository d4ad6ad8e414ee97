# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint format bench clean messages catalogs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files make the install step re-run only when the requirement lists change.
$(VENV)/.runtime: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.port $(PORT)

# lint-imports: the folder layers and the no-circles rule (pyproject.toml, importlinter).
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python -m pytest

# Timings against baselines measured in the same run; not part of `make test`.
# Writes bench-results.json; see docs/benchmarks.md.
bench: $(VENV)/.dev
	$(BIN)/python -m bench

# The interface's messages (README, "Languages"): `make messages` extracts every marked
# message into the template and merges it into each language's catalog (new messages
# arrive untranslated, changed ones marked fuzzy); `make catalogs` compiles the catalogs
# the app reads. Both are committed, and a test checks the compiled ones are current.
LOCALES := src/rapport/locales
messages: $(VENV)/.dev
	$(BIN)/pybabel extract -F pyproject.toml -o $(LOCALES)/rapport.pot \
	  -k N_ -c Translators: --sort-by-file \
	  --project Rapport --no-wrap src/rapport app_pages app.py
	$(BIN)/pybabel update -i $(LOCALES)/rapport.pot -d $(LOCALES) -D rapport \
	  --no-wrap --ignore-obsolete

catalogs: $(VENV)/.dev
	$(BIN)/pybabel compile -d $(LOCALES) -D rapport --statistics

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
