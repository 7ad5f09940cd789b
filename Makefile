# Two commands work from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test console check sync bench lint typecheck clean translations i18n-review soak

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Reinstall when the dependencies change.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed-run

config.yaml:
	cp config.example.yaml config.yaml
	@echo "Created config.yaml from config.example.yaml; edit it to taste."

## Run the bot (needs DISCORD_TOKEN; without one it says how to get one).
## Sources are compiled first: Python would compile them on every start where PYTHONDONTWRITEBYTECODE is set.
run: $(VENV)/.installed-run config.yaml
	$(BIN)/python -m compileall -q bot >/dev/null
	$(BIN)/python -m bot run --config config.yaml

## Lint, type-check and run the whole test suite.
test: $(VENV)/.installed-dev
	$(BIN)/ruff check bot tests bench
	$(BIN)/ruff format --check bot tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

## The daily-post simulator on many seeds, with progress: `make soak SEEDS=100000` (FROM=first seed).
## A failure prints its seed, a shrunk history and the command that replays it.
SEEDS ?= 10000
FROM  ?= 0
JOBS  ?= $(shell nproc 2>/dev/null || echo 1)
soak: $(VENV)/.installed-dev
	$(BIN)/python -m tests.simulation --seeds $(FROM)-$(shell echo $$(($(FROM) + $(SEEDS) - 1))) --progress --keep-going --jobs $(JOBS)

## Try the commands in a terminal: no token, no network.
console: $(VENV)/.installed-run
	$(BIN)/python -m bot console

check: $(VENV)/.installed-run
	$(BIN)/python -m bot check

## Publish slash commands: `make sync` (global) or `make sync GUILD=1234` (one server, instant).
sync: $(VENV)/.installed-run config.yaml
	$(BIN)/python -m bot sync --config config.yaml $(if $(GUILD),--guild $(GUILD))

## Every benchmark; writes bench/RESULTS.md (a few minutes; not part of `make test`).
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/results.py

## Also removes the bytecode and the content's parse cache (both in __pycache__ folders).
clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

## Every translation beside its English source, for review by reading: `make translations`, or one
## language with `make i18n-review LANG=fr` (fr, es-ES, ru, zh-CN).
translations: $(VENV)/.installed-run
	$(BIN)/python -m bot.i18n.review

i18n-review: $(VENV)/.installed-run
	$(BIN)/python -m bot.i18n.review $(if $(filter command line,$(origin LANG)),$(LANG))
