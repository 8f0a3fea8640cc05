# Everything from a fresh machine with only python3: `make run`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test golden install clean fonts

run: $(STAMP)  ## convert everything in samples/ into out/ and print a summary
	$(BIN)/hoshin convert samples --out out

test: $(STAMP) fonts  ## unit, golden and integration tests
	$(BIN)/pytest

# The layout-variation fixtures embed IPAex fonts (Debian fonts-ipaexfont, IPA
# Font License). Installed only when missing and only where apt-get runs as
# root; elsewhere those tests skip and say why.
IPAEX := /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf
fonts:
	@if [ ! -f $(IPAEX) ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && apt-get install -y -qq fonts-ipaexfont >/dev/null; fi

golden: $(STAMP)  ## rewrite samples/expected/ from the current parser; review the diff by hand
	$(BIN)/python -m tests.golden --write

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) out .pytest_cache
