# The two commands of the README: `make demo` and `make test`.
# Each creates .venv and installs Detente into it when missing.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.detente-installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: install demo test test-sqlite test-postgres bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/detente demo

# The whole suite on the embedded default (SQLite), then the database tests
# again on PostgreSQL when it is reachable (CI always has it).
test: install test-sqlite test-postgres

test-sqlite: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -m "db" $(PYTEST_ARGS); \
	else \
		echo "PostgreSQL at $(PG_URL) is not reachable: database tests ran on SQLite only"; \
		if [ -n "$$CI" ]; then echo "CI must have PostgreSQL"; exit 1; fi; \
	fi

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
