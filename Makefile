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
# Absolute, so targets that work inside a package folder (compilemessages) can use it too.
MANAGE := $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 24

# Two stamps: the demo needs only the host's packages (nothing to build against
# system libraries); the tests add theirs (mysqlclient, Playwright, ...) on top.
$(VENV)/.installed-dev: requirements/dev.txt setup.py
	@test -n "$(PYTHON312)" || { echo "Python 3.12 not found (install it, e.g. 'pyenv install 3.12')"; exit 1; }
	test -x $(BIN)/python || $(PYTHON312) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements/dev.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(VENV)/.installed-dev

$(VENV)/.installed: $(VENV)/.installed-dev requirements/test.txt conf/tutor/setup.py
	$(BIN)/python -m pip install -q -r requirements/test.txt
	$(BIN)/python -m pip install -q --no-deps -e conf/tutor
	touch $(VENV)/.installed

venv: $(VENV)/.installed ## create .venv with Python 3.12 and install everything (tests included)

# The plugin and the host use Django's locale/ layout; the blocks use the
# translations/<lang>/LC_MESSAGES/text.po layout the platform's XBlock i18n service reads.
CATALOG_DIRS := vetnet_plugin/locale vetnet_xblocks/translations conf/devhost/locale
LANGS := en it el es ca
# Django's makemessages, run from inside each package so only that package is
# scanned; it merges new strings into the existing catalogs and keeps their
# translations (a changed string comes back fuzzy, for review). makemessages only
# writes locale/<lang>/LC_MESSAGES/django.po, so for the blocks each text.po is
# copied there first and moved back after; the temporary locale/ is then removed.
# Block code may also name the i18n service's gettext _t, which Django's
# extraction does not know: xgettext collects those strings into the same
# template (--keep-pot) before the catalogs are merged again.
MAKEMESSAGES := $(MANAGE) makemessages $(addprefix -l ,$(LANGS)) --add-location=file --no-obsolete
BLOCK_KEYWORDS := _t _plural:1,2
makemessages: venv ## extract the strings of the plugin and the blocks into their catalogs
	mkdir -p vetnet_plugin/locale && cd vetnet_plugin && $(MAKEMESSAGES)
	@for l in $(LANGS); do mkdir -p vetnet_xblocks/locale/$$l/LC_MESSAGES; \
		test ! -f vetnet_xblocks/translations/$$l/LC_MESSAGES/text.po || \
		cp vetnet_xblocks/translations/$$l/LC_MESSAGES/text.po vetnet_xblocks/locale/$$l/LC_MESSAGES/django.po; done
	cd vetnet_xblocks && $(MAKEMESSAGES) --keep-pot
	cd vetnet_xblocks && find . -name '*.py' | sed 's|^\./||' | LC_ALL=C sort | \
		xgettext --language=Python --from-code=UTF-8 --keyword= $(addprefix --keyword=,$(BLOCK_KEYWORDS)) \
		--add-location=file --files-from=- -o locale/keywords.pot
	@cd vetnet_xblocks/locale && if [ -f keywords.pot ]; then \
		msgcat --use-first --add-location=file django.pot keywords.pot -o django.pot; fi; \
		for l in $(LANGS); do po=$$l/LC_MESSAGES/django.po; \
		old=../translations/$$l/LC_MESSAGES/text.po; test -f $$old || old=$$po; \
		msgmerge -q --previous --add-location=file -o $$po $$old django.pot; \
		msgattrib --no-obsolete --add-location=file -o $$po $$po; \
		mkdir -p ../translations/$$l/LC_MESSAGES; mv $$po ../translations/$$l/LC_MESSAGES/text.po; done
	rm -rf vetnet_xblocks/locale

# The platform's XBlock i18n service reads a block's bundled catalog from
# translations/ beside the block's own module, so the blocks' one catalog is
# compiled into each block's folder too.
BLOCK_DIRS := $(patsubst %/block.py,%,$(wildcard vetnet_xblocks/*/block.py))
compilemessages: ## compile the gettext catalogs (.po -> .mo)
	@command -v msgfmt >/dev/null || { echo "msgfmt (Debian: gettext) not found: using the compiled catalogs as committed"; exit 0; }; \
	for po in $$(find $(CATALOG_DIRS) -name '*.po' 2>/dev/null); do \
		msgfmt --check-format -o "$${po%.po}.mo" "$$po" || exit 1; done
	@for po in vetnet_xblocks/translations/*/LC_MESSAGES/text.po; do \
		lang_dir=$${po#vetnet_xblocks/}; lang_dir=$${lang_dir%/text.po}; \
		for block in $(BLOCK_DIRS); do mkdir -p $$block/$$lang_dir && \
			cp $${po%.po}.mo $$block/$$lang_dir/text.mo || exit 1; done; done

demo: $(VENV)/.installed-dev compilemessages ## run the development host with the course templates and demo accounts
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_demo --url http://$(HOST):$(PORT)/
	$(MANAGE) runserver $(HOST):$(PORT)

# Studio imports a .tar.gz whose single top-level folder holds course.xml; one archive per course template.
COURSE_TEMPLATES := $(notdir $(wildcard course_templates/*))
course-archive: ## pack each course template as dist/<template>.tar.gz for Studio import
	@for template in $(COURSE_TEMPLATES); do \
		rm -rf dist/course && mkdir -p dist/course && \
		cp -R course_templates/$$template/. dist/course/ && \
		tar -czf dist/$$template.tar.gz --owner=0 --group=0 --sort=name -C dist course && \
		rm -rf dist/course && \
		echo "dist/$$template.tar.gz: import it in Studio under Tools > Import" || exit 1; \
	done

requirements: ## recompile requirements/*.txt from requirements/*.in
	$(BIN)/pip-compile -q --no-strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/base.txt requirements/base.in
	$(BIN)/pip-compile -q --no-strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/dev.txt requirements/dev.in
	$(BIN)/pip-compile -q --no-strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/test.txt requirements/test.in

# The two passes of the suite. Each states its whole environment, so what a
# developer exported for other work does not change what a pass runs on.
# Markers decide what each pass runs (tests/conftest.py explains them); pytest
# exits 5 when a selection holds no test, and make stops on it like any failure.
PYTEST := $(BIN)/pytest -ra
SQLITE_ENV := VETNET_TEST_DB=sqlite VETNET_CELERY_BROKER=memory:// VETNET_CELERY_EAGER=1
SERVICES_ENV := VETNET_TEST_DB=mysql VETNET_CELERY_BROKER=redis://127.0.0.1:6379/1 VETNET_CELERY_EAGER=1 \
	VETNET_REQUIRED_MARKERS=services,celery_worker

test: ## prepare the machine, then quality checks, the suite on SQLite and again on MariaDB + Redis with a real worker
	bash conf/prepare-test-machine.sh
	$(MAKE) --no-print-directory venv compilemessages
	$(MAKE) --no-print-directory quality
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-services

test-sqlite: venv ## the suite on SQLite with eager tasks, browser tests included
	VETNET_REQUIRED_MARKERS=browser $(SQLITE_ENV) $(PYTEST) -m "not services and not celery_worker"

test-services: venv ## the suite on MariaDB, Redis as the broker, a real Celery worker (both services running)
	$(SERVICES_ENV) $(PYTEST) -m "not browser"

# The blocks' scripts are linted with ESLint from the npm registry, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch node_modules/.installed

quality: venv node_modules/.installed ## linters (ruff, ESLint), import contracts, migrations in step with the models, PII annotations at 100%, settings reference up to date
	$(BIN)/ruff check .
	npx --no-install eslint vetnet_xblocks
	PYTHONPATH=conf $(BIN)/lint-imports --no-cache
	$(SQLITE_ENV) DJANGO_SETTINGS_MODULE=devhost.test_settings $(MANAGE) makemigrations --check --dry-run vetnet devhost
	rm -rf var/pii_report
	$(SQLITE_ENV) DJANGO_SETTINGS_MODULE=devhost.test_settings PYTHONPATH=conf \
		$(BIN)/code_annotations django_find_annotations --config_file .pii_annotations.yml --lint --report --coverage
	$(BIN)/python conf/settings_reference.py --check

settings-reference: venv ## regenerate docs/reference/settings.md from the settings' annotations
	$(BIN)/python conf/settings_reference.py

.PHONY: test test-sqlite test-services quality

.PHONY: help venv demo course-archive requirements makemessages compilemessages settings-reference

bench: venv ## the lists members use, over HTTP, at 1,000, 10,000 and 100,000 items on MariaDB (bench/RESULTS.md)
	VETNET_TEST_DB=mysql VETNET_MYSQL_TEST_DATABASE=$${VETNET_BENCH_DATABASE:-test_vetnet_bench} $(BIN)/python bench/run.py --keep $(BENCH_ARGS)

.PHONY: bench
