# Two commands on a fresh machine: `make run` serves the seeded app, `make test` passes the tests.
PYTHON ?= python3
VENV := .venv
PORT ?= 5000
BIN := $(VENV)/bin
export FLASK_APP := quizapp

.PHONY: run test test-fast install lint bench complexity translations

# `make run` installs what running needs; `make test` adds the test and lint tools.
$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	touch $(BIN)/activate

$(VENV)/.runtime-installed: pyproject.toml setup.py $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml setup.py $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev]'
	# pygiftparser, the GIFT reader others use, checks our GIFT export. Its last release (2017)
	# pins Markdown < 3.1 through MarkdownSuperscript, which would downgrade the Markdown the
	# `anki` package needs; its parser never calls Markdown, so it comes without its pins.
	$(BIN)/pip install --quiet --no-deps pygiftparser==1.1 MarkdownSuperscript==2.1.1 yattag==1.16.1
	touch $@ $(VENV)/.runtime-installed

install: $(VENV)/.dev-installed

run: $(VENV)/.runtime-installed
	$(BIN)/flask db upgrade
	$(BIN)/flask seed
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m bench.complexity
	$(BIN)/python -m pytest

# A developer's loop: the same checks and every test except the browser (tests/e2e) and wheel
# (tests/deploy) ones, spread over every core by pytest-xdist. CI runs `make test`.
test-fast: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m bench.complexity
	$(BIN)/python -m pytest -m "not browser and not deploy" -n auto

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: install
	$(BIN)/python -m bench.scheduler_eval

# Fails when any function in quizapp/ reaches cyclomatic complexity 20 (radon).
complexity: install
	$(BIN)/python -m bench.complexity

# The interface's catalogues: extract every marked string of quizapp/ and templates/, merge it
# into each language's .po (new strings arrive untranslated and fuzzy ones are flagged), then
# compile the .mo files the app reads. A new language: `$(BIN)/pybabel init -i
# quizapp/translations/messages.pot -d quizapp/translations -l <code>`.
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l -k N_plural:1,2 --no-location --sort-output \
		--project quizapp -o quizapp/translations/messages.pot .
	$(BIN)/pybabel update -i quizapp/translations/messages.pot -d quizapp/translations \
		--ignore-obsolete
	$(BIN)/pybabel compile -d quizapp/translations --statistics
