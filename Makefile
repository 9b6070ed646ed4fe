# VETNet: the two commands a newcomer needs are `make demo` and `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
# Python 3.12 may be a pyenv version that is not the default; find it by itself.
PYTHON312 := $(shell for c in python3.12 $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.12*/bin/python3.12 2>/dev/null | sort -rV) /usr/local/bin/python3.12 /usr/bin/python3.12; do \
	"$$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1 && { echo "$$c"; break; }; done)
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 24

$(VENV)/.installed: requirements/test.txt setup.py
	@test -n "$(PYTHON312)" || { echo "Python 3.12 not found (install it, e.g. 'pyenv install 3.12')"; exit 1; }
	test -x $(BIN)/python || $(PYTHON312) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements/test.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(VENV)/.installed

venv: $(VENV)/.installed ## create .venv with Python 3.12 and install everything

compilemessages: venv ## compile the gettext catalogs
	cd vetnet_plugin && ../$(MANAGE) compilemessages -v 0
	cd vetnet_xblocks && ../$(MANAGE) compilemessages -v 0

demo: venv compilemessages ## run the development host with the course templates and demo accounts
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_demo
	$(MANAGE) runserver $(HOST):$(PORT)

requirements: ## recompile requirements/*.txt from requirements/*.in
	$(BIN)/pip-compile -q --no-strip-extras --allow-unsafe -o requirements/base.txt requirements/base.in
	$(BIN)/pip-compile -q --no-strip-extras --allow-unsafe -o requirements/dev.txt requirements/dev.in
	$(BIN)/pip-compile -q --no-strip-extras --allow-unsafe -o requirements/test.txt requirements/test.in

.PHONY: help venv demo requirements compilemessages
