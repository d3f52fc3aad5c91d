# Clippings: build the archive with Pelican. `make html` and `make test` set up .venv on first use.

PY ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV = $(CURDIR)/.venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed
PELICAN ?= $(BIN)/pelican
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py

GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_PAGES_COMMIT_MESSAGE ?= Generate Pelican site

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

# make serve / devserver listen on this machine only; serve-global opens SERVER to the network.
BIND ?= 127.0.0.1
SERVER ?= "0.0.0.0"

PORT ?= 0
ifneq ($(PORT), 0)
	PELICANOPTS += -p $(PORT)
endif

help:
	@echo 'Makefile for the Clippings archive (Pelican)'
	@echo ''
	@echo 'Usage:'
	@echo '   make html                           (re)generate the web site in output/'
	@echo '   make test                           ruff check and the whole test suite'
	@echo '   make import SRC="file|folder|URL"   add scrapes to content/scraped (IMPORTOPTS=--dry-run)'
	@echo '   make bench-extract                  cleaner vs trafilatura on ../shared (~1 min)'
	@echo '   make bench-entities                 people/places F1 and NER speed on ../shared (~1 min)'
	@echo '   make bench-site                     10,000-article build vs plain Pelican, search in Chromium'
	@echo '   make golden                         rewrite tests/golden/ from the current code'
	@echo '   make clean                          remove the generated files'
	@echo '   make regenerate                     regenerate files upon modification'
	@echo '   make publish                        generate using production settings'
	@echo '   make serve [PORT=8000]              serve output/ at http://127.0.0.1:8000'
	@echo '   make serve-global [SERVER=0.0.0.0]  serve (as root) to $(SERVER):80'
	@echo '   make devserver [PORT=8000]          serve and regenerate together'
	@echo '   make devserver-global               regenerate and serve on 0.0.0.0'
	@echo '   make github                         upload the web site via gh-pages'
	@echo ''
	@echo 'Set the DEBUG variable to 1 to enable debugging, e.g. make DEBUG=1 html'
	@echo 'Set the RELATIVE variable to 1 to enable relative urls'
	@echo ''

# The virtual environment, created once; reinstalled when the lock or pyproject.toml change.
$(BIN)/python:
	$(PY) -m venv "$(VENV)"

$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	"$(BIN)/pip" install --require-hashes --no-deps -r requirements.lock
	"$(BIN)/pip" install --no-deps --no-build-isolation -e .
	touch "$@"

venv: $(STAMP)

html: $(STAMP)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

test: $(STAMP)
	"$(BIN)/ruff" check .
	"$(BIN)/python" -m pytest

# SRC: files, folders, URLs, MHTML or WARC files (several, space-separated); IMPORTOPTS: e.g.
# --source NAME, --dry-run, --replace. Summary at the end; fails when any input failed.
import: $(STAMP)
	@[ -n "$(SRC)" ] || { echo 'usage: make import SRC="PATH|URL ..." [IMPORTOPTS=...]'; exit 2; }
	"$(BIN)/clippings" import $(SRC) --content "$(INPUTDIR)/scraped" $(IMPORTOPTS)

# Benchmarks and golden files read ../shared; neither is part of `make test`.
bench-extract: $(STAMP)
	"$(BIN)/python" -m bench.extract $(BENCHOPTS)

bench-entities: $(STAMP)
	"$(BIN)/python" -m bench.entities $(BENCHOPTS)

bench-site: $(STAMP)
	"$(BIN)/python" -m bench.site $(BENCHOPTS)

golden: $(STAMP)
	"$(BIN)/python" -m bench.golden --write

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"

regenerate: $(STAMP)
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b $(BIND)

serve-global: $(STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b $(SERVER)

devserver: $(STAMP)
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b $(BIND)

devserver-global: $(STAMP)
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b 0.0.0.0

publish: $(STAMP)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

# ghp-import is a pinned dependency (in .venv). --no-jekyll: GitHub Pages serves the files as
# they are (no Jekyll run, which would drop files and folders starting with _ or .).
github: publish
	"$(BIN)/ghp-import" -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b $(GITHUB_PAGES_BRANCH) --no-jekyll "$(OUTPUTDIR)"
	git push origin $(GITHUB_PAGES_BRANCH)

.PHONY: help venv html test import bench-extract bench-entities bench-site golden clean regenerate serve serve-global devserver devserver-global publish github
