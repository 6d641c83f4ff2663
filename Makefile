# Quick start: `make demo`, then `make test`. Both set up .venv from the pinned lock files first:
# requirements.lock is what production runs (`make setup`), requirements-test.lock adds the test
# tools (`make test` only).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The demo's own folder: `make demo` starts it afresh and never touches ./data, the default
# data folder of every command (where a real deployment may keep its history).
DEMO_DATA ?= demo-data
NIGHTS ?= build/nights

.PHONY: setup setup-test demo test bench docs clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

setup-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.lock -c requirements.lock
	touch $@

# The nightly job, night after night, over the recorded sites (oldest first). Each night is
# composed per university: its latest capture on or before that date (crawler/crawl/recordings.py);
# a university with no recorded pages yet is in no night.
demo: setup
	@case "$$(realpath -m $(DEMO_DATA))" in "$$(realpath -m data)"|"$$(realpath -m .)"|/) \
	  echo "make demo: DEMO_DATA=$(DEMO_DATA) would delete a real data folder; choose another"; exit 2;; esac
	@if [ -n "$$(ls -A '$(DEMO_DATA)' 2>/dev/null)" ] && [ ! -e '$(DEMO_DATA)/.mlis-demo' ]; then \
	  echo "make demo: DEMO_DATA=$(DEMO_DATA) holds files the demo did not write (it would delete them); choose another"; exit 2; fi
	rm -rf $(DEMO_DATA) $(NIGHTS)
	mkdir -p $(NIGHTS) $(DEMO_DATA)
	touch $(DEMO_DATA)/.mlis-demo
	$(BIN)/python -m crawler.crawl.recordings fixtures/sites $(NIGHTS) > $(NIGHTS).list
	@while read -r night universities; do \
	  echo; echo "=== night of $$(basename $$night) ==="; \
	  spiders=""; for u in $$universities; do spiders="$$spiders --spider $$u"; done; \
	  $(BIN)/mlis-crawler refresh --replay $$night --data $(DEMO_DATA) $$spiders < /dev/null; \
	  status=$$?; [ $$status -le 1 ] || exit $$status; \
	done < $(NIGHTS).list
	@echo; echo "Published database: $(DEMO_DATA)/programs.db ($$($(BIN)/python -m crawler.roster): docs/coverage.md)"
	@echo "Change reports, night by night (report.html, report.md, report.json):"
	@for report in $(DEMO_DATA)/reports/*/; do \
	  echo "  $${report}report.html: $$($(BIN)/python -c 'import json, sys; print(json.load(open(sys.argv[1]))["summary"])' $${report}report.json)"; \
	done
	@echo; echo "=== audit of the rankings page's claims (fixtures/claims/rankings-2026.csv) ==="
	@$(BIN)/mlis-crawler audit fixtures/claims/rankings-2026.csv --data $(DEMO_DATA) > $(DEMO_DATA)/audit-rankings-2026.md
	@echo "Audit: $(DEMO_DATA)/audit-rankings-2026.md"

test: setup-test
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: setup
	$(BIN)/python benchmarks/reconcile_scale.py --programs 10000

# docs/cli.md from every command's --help (tests/test_docs.py fails when they drift apart).
docs: setup
	$(BIN)/python -m crawler.cli.docs

clean:
	rm -rf $(VENV) $(DEMO_DATA) build .pytest_cache .hypothesis
