# Set-up is part of every target: a fresh machine needs only Python 3.11+, pip and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test check bench messages clean

PIP    := $(BIN)/pip install --quiet --quiet --disable-pip-version-check

# Quiet set-up: one line per step; pip and setuptools print errors only (-qq hides their banners).
$(STAMP): pyproject.toml Makefile
	@echo "setting up $(VENV): the first time takes a few minutes (about 1 GB of packages)"
	@$(PYTHON) -m venv $(VENV)
	@echo "  [1/3] pip"
	@$(PIP) --upgrade pip
	@echo "  [2/3] hawal and its libraries (spaCy, CTranslate2, Babel, Jinja2, Pillow, Pagefind, Ray, test tools)"
	@# The tests cover the optional extras too: s3 (boto3 and moto in test) and ray (`translate --cluster`).
	@$(PIP) --no-warn-conflicts -e ".[test,ray]"
	@# argostranslate's own requirements pull stanza and torch; hawal needs only its package module. Last
	@# and without its dependencies, so pip's resolver has no missing requirement to warn about.
	@echo "  [3/3] argostranslate (its package module only: no torch, no stanza)"
	@$(PIP) --no-warn-conflicts --no-deps "argostranslate>=1.11,<1.12"
	@du -sh $(VENV) | sed 's/^/  done: /'
	@touch $(STAMP)

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
	$(BIN)/python bench/bench_build.py 3000 --hugo

# Refresh locale/messages.pot and the catalogs after changing strings in templates/.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --sort-output -o locale/messages.pot .
	$(BIN)/pybabel update -i locale/messages.pot -d locale

clean:
	rm -rf site site.tmp-* site.old-* .hawal
