# Quick start: `make demo`, then `make test`. Both set up .venv from the pinned lock file first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The demo's own folder: `make demo` starts it afresh and never touches ./data, the default
# data folder of every command (where a real deployment may keep its history).
DEMO_DATA ?= demo-data
SNAPSHOTS := $(sort $(wildcard fixtures/sites/*/))

.PHONY: setup demo test bench docs clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The nightly job, night after night, over the recorded snapshots (oldest first).
demo: setup
	@case "$$(realpath -m $(DEMO_DATA))" in "$$(realpath -m data)"|"$$(realpath -m .)"|/) \
	  echo "make demo: DEMO_DATA=$(DEMO_DATA) would delete a real data folder; choose another"; exit 2;; esac
	rm -rf $(DEMO_DATA)
	@for snap in $(SNAPSHOTS); do \
	  echo; echo "=== night of $$(basename $$snap) ==="; \
	  $(BIN)/mlis-crawler refresh --replay $$snap --data $(DEMO_DATA); \
	  status=$$?; [ $$status -le 1 ] || exit $$status; \
	done
	@echo; echo "Published database: $(DEMO_DATA)/programs.db"; echo "Change reports, night by night (report.html, report.md, report.json):"
	@for report in $(DEMO_DATA)/reports/*/; do \
	  echo "  $${report}report.html: $$($(BIN)/python -c 'import json, sys; print(json.load(open(sys.argv[1]))["summary"])' $${report}report.json)"; \
	done

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/reconcile_scale.py --programs 10000

# docs/cli.md from every command's --help (tests/test_docs.py fails when they drift apart).
docs: setup
	$(BIN)/python -m crawler.cli.docs

clean:
	rm -rf $(VENV) $(DEMO_DATA) .pytest_cache .hypothesis
