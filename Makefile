# commongraph: one entry point for every task. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FRONTEND_STAMP := frontend/node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: help install neo4j-install frontend run serve stop test test-fast lint format bench bench-quick bench-uk clean

help: ## List the tasks
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "commongraph needs Python 3.11: set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP) ## Create .venv and install commongraph with its dev tools

neo4j-install: $(STAMP) ## Fetch Neo4j 5.26 and its jars with Maven (first time only)
	$(BIN)/python -c 'from graph.server.manager import install; from graph.server.config import ServerLayout; install(ServerLayout.default())'

$(FRONTEND_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend: $(FRONTEND_STAMP) ## Build the web UI into frontend/dist
	cd frontend && npm run build

run: install frontend ## Install, start Neo4j, load the demo data, serve API and UI on $(HOST):$(PORT)
	$(BIN)/commongraph neo4j start
	$(BIN)/commongraph migrate
	$(BIN)/commongraph load demo
	$(BIN)/commongraph serve --host $(HOST) --port $(PORT)

serve: install frontend ## Serve API and UI (Neo4j must be running)
	$(BIN)/commongraph serve --host $(HOST) --port $(PORT)

stop: ## Stop the local Neo4j
	$(BIN)/commongraph neo4j stop

test: install frontend neo4j-install ## Run the whole suite (starts its own Neo4j on free ports)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install ## Run the tests that need neither Neo4j nor a browser
	$(BIN)/python -m pytest -m 'not neo4j and not browser' $(PYTEST_ARGS)

lint: install ## ruff, ruff format --check, mypy --strict
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install frontend neo4j-install ## Full benchmarks (Wales scale); writes docs/performance.md
	$(BIN)/python -m bench.run --size wales

bench-quick: install frontend neo4j-install ## Small benchmarks, under 5 minutes
	$(BIN)/python -m bench.run --size small

bench-uk: install neo4j-install ## Scale curve towards UK size (~1-2 hours; not in CI); writes docs/performance.md
	$(BIN)/python -m bench.uk

clean: ## Remove build outputs (keeps .commongraph data)
	rm -rf frontend/dist .pytest_cache .mypy_cache .ruff_cache test-artifacts
