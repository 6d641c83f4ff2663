# Quick start: `make demo`, then `make test`. Both set up .venv from the pinned lock file first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data
SNAPSHOTS := $(sort $(wildcard fixtures/sites/*/))

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The nightly job, night after night, over the recorded snapshots (oldest first).
demo: setup
	rm -rf $(DATA)
	@for snap in $(SNAPSHOTS); do \
	  echo; echo "=== night of $$(basename $$snap) ==="; \
	  $(BIN)/mlis-crawler refresh --replay $$snap --data $(DATA); \
	  status=$$?; [ $$status -le 1 ] || exit $$status; \
	done
	@echo; echo "Published database: $(DATA)/programs.db"; echo "Change reports, night by night (report.html, report.md, report.json):"
	@for report in $(DATA)/reports/*/; do \
	  echo "  $${report}report.html: $$($(BIN)/python -c 'import json, sys; print(json.load(open(sys.argv[1]))["summary"])' $${report}report.json)"; \
	done

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/reconcile_scale.py --programs 10000

clean:
	rm -rf $(VENV) $(DATA) .pytest_cache .hypothesis
