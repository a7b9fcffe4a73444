# Two commands on a fresh clone: `make run` serves the tracker with the seed data on
# 127.0.0.1:8000, `make test` runs every check. Both build the virtualenv themselves.

VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test lint migrate seed clean browser messages

# Django 6 needs Python >= 3.12: take the first such interpreter we can find
# (.python-version selects pyenv's 3.13 on the team's machines).
$(BIN)/.installed: requirements.lock pyproject.toml
	@set -e; \
	py=""; \
	for candidate in python3.13 python3.12 python3 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null); do \
	  if command -v $$candidate >/dev/null 2>&1 && \
	     $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    py=$$candidate; break; \
	  fi; \
	done; \
	if [ -z "$$py" ]; then \
	  echo "error: Python >= 3.12 is required (Django 6). Install it, e.g. 'pyenv install 3.13'." >&2; \
	  exit 1; \
	fi; \
	if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	  rm -rf $(VENV); echo "Creating $(VENV) with $$py ($$($$py --version))"; $$py -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

install: $(BIN)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py load_seeds

run: seed
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack on this machine: gunicorn with the production settings, PostgreSQL
# and Redis (both running here), static files collected and served by WhiteNoise. HTTPS is
# off only because loopback has no certificate: behind a TLS proxy run it with HTTPS=true
# (the default of the production settings) and TRUSTED_PROXY_COUNT=1.
SERVE_ENV := DJANGO_SETTINGS_MODULE=config.settings.production \
	DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tracker}" \
	REDIS_URL="$${REDIS_URL:-redis://127.0.0.1:6379/0}" \
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	HTTPS="$${HTTPS:-false}" HOST=$(HOST) PORT=$(PORT)
serve: install
	@mkdir -p var
	@test -s var/secret_key || $(BIN)/python -c \
	  'from django.core.management.utils import get_random_secret_key as k; print(k())' \
	  > var/secret_key
	@$(SERVE_ENV) $(BIN)/python manage.py createdatabase
	@$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	@$(SERVE_ENV) $(BIN)/python manage.py load_seeds
	@$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@if [ "$${HTTPS:-false}" = false ]; then echo "HTTPS=false (plain HTTP on this machine): \
	check --deploy names the HTTPS settings that production keeps on."; fi
	@$(SERVE_ENV) $(BIN)/python manage.py check --deploy --fail-level ERROR
	@echo "Serving http://$(HOST):$(PORT)/ (health: http://$(HOST):$(PORT)/healthz)"
	@$(SERVE_ENV) exec $(BIN)/gunicorn -c config/gunicorn.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports

# The browser tests (tests/browser/) drive Debian's chromium through Playwright's Python
# package (in requirements.lock); never a browser download. Installed here when missing.
CHROMIUM := /usr/bin/chromium
browser: install
	@if [ ! -x $(CHROMIUM) ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium; \
	fi
	@$(CHROMIUM) --version

test: lint browser
	$(BIN)/pytest

# Extract the interface strings into the Arabic and French catalogs, then compile them
# (translate what is new in locale/*/LC_MESSAGES/django.po before compiling).
messages: install
	$(BIN)/python manage.py makemessages -l ar -l fr --ignore=.venv --ignore=var \
	  --ignore=tests --ignore=bench --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
