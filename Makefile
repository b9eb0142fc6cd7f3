# Set-up is part of every target: a fresh machine needs only Python 3.11+, pip and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test check bench messages clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# argostranslate's own requirements pull stanza and torch; hawal needs only its package module.
	$(BIN)/pip install --quiet --no-deps "argostranslate>=1.11,<1.12"
	$(BIN)/pip install --quiet -e ".[test]"
	@du -sh $(VENV) | sed 's/^/installed size of /'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python build.py build

# Browser tests need Debian's chromium, Java, rsync and the npm tools (axe-core, vnu-jar);
# the script installs only what is missing and says why when it cannot.
test: $(STAMP)
	bash tools/setup-test-deps.sh
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/python build.py check

bench: $(STAMP)
	$(BIN)/python bench/bench_build.py

# Refresh locale/messages.pot and the catalogs after changing strings in templates/.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --sort-output -o locale/messages.pot .
	$(BIN)/pybabel update -i locale/messages.pot -d locale

clean:
	rm -rf site site.tmp-* site.old-* .hawal
