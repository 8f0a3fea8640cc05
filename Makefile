# Everything from a fresh machine with only python3: `make run`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run report test golden docs bench layouts table-layouts producers install clean fonts

run: $(STAMP)  ## convert everything in samples/ into out/ and print a summary
	$(BIN)/hoshin convert samples --out out

report: run  ## HTML quality report of out/ → out/report.html
	$(BIN)/hoshin report out --html out/report.html

test: $(STAMP) fonts  ## unit, golden and integration tests (installs chromium for the report test)
	.ci/chromium
	$(BIN)/pytest

# The layout-variation fixtures embed IPAex fonts (Debian fonts-ipaexfont, IPA
# Font License). Installed only when missing and only where apt-get runs as
# root; elsewhere those tests skip and say why.
IPAEX := /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf
fonts:
	@if [ ! -f $(IPAEX) ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && apt-get install -y -qq fonts-ipaexfont >/dev/null; fi

golden: $(STAMP)  ## rewrite samples/expected/ from the current parser; review the diff by hand
	$(BIN)/hoshin expect samples --expected samples/expected

docs: $(STAMP)  ## regenerate docs/data-dictionary.md from schemas/tables.py and the README's page picture
	mkdir -p docs
	$(BIN)/hoshin schema > docs/data-dictionary.md.tmp && mv docs/data-dictionary.md.tmp docs/data-dictionary.md
	rm -rf .docs-out && $(BIN)/hoshin convert samples/minato_h29_gaiyo.pdf --out .docs-out --quiet
	$(BIN)/hoshin report .docs-out --png .docs-out/png
	cp .docs-out/png/minato_h29_gaiyo-*-p5.png docs/sample-page-boxes.png && rm -rf .docs-out

bench: $(STAMP)  ## measure pages/s and peak memory against bare pdfplumber (bench/results/bench.json)
	$(BIN)/python bench/run.py

N ?= 2000
layouts: $(STAMP) fonts  ## score N random layouts of the sample's content; per-axis table → bench/results/layouts.txt
	$(BIN)/python -m tests.layouts.run -n $(N)

table-layouts: $(STAMP) fonts  ## score N random budget-table layouts of the Nankoku lists → bench/results/table_layouts.txt
	$(BIN)/python -m tests.table_layouts.run -n $(N)

# The producer fixtures: the sample's content as a Word document and an Excel workbook,
# printed to PDF by LibreOffice; committed, so `make test` needs none of this.
producers: $(STAMP) fonts  ## rebuild tests/fixtures/producers/*.pdf (needs soffice: LibreOffice Writer and Calc)
	@command -v soffice >/dev/null || { echo "make producers needs LibreOffice (soffice): apt-get install libreoffice-writer libreoffice-calc" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet python-docx openpyxl
	$(BIN)/python -m tests.producers.build

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) out .pytest_cache
