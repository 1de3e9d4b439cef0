# Elchi: every verb a developer, operator or CI needs. `make demo` and `make test` are the two
# set-up commands of the README; both bootstrap uv in .tools/ and sync .venv/ from uv.lock.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
RUN := $(UV) run --frozen --no-sync
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: install demo run test lint format typecheck pytest clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --python $(PYTHON)
	@touch $@

install: .venv/.synced  ## create .venv with the locked dependencies

demo: install  ## chat with the bot in this terminal: no token, temporary database
	$(RUN) elchi demo $(DEMO_ARGS)

run: install  ## run the bot against BOT_API_URL with BOT_TOKEN (see README "Configuration")
	$(RUN) elchi run

lint: install  ## ruff (lint + format check) and strict mypy on bot/
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy

pytest: install
	$(RUN) pytest --cov --cov-report=term:skip-covered $(PYTEST_ARGS)

test: lint pytest  ## everything CI runs

format: install
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

clean:
	rm -rf .venv $(TOOLS) .pytest_cache .mypy_cache .ruff_cache .coverage
