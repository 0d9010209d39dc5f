# Two commands do everything: `make demo` and `make test` each create .venv and install on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB := demo.db
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: demo test test-all install clean screenshots postgres

install: $(STAMP)

# torch first, from its pinned CPU build, so nothing later pulls a CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test,scale]'
	touch $(STAMP)

# Debian's chromium, for the browser tests (tests/serve/test_web.py) and `make screenshots`.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# Debian's postgresql, for the store tests against a real server (tests/store/conftest.py starts its own).
postgres:
	sh scripts/ensure_postgres.sh

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock $(DEMO_DB).migrate.lock
	@echo "== storytrace add examples/ (examples/bad/ holds deliberately broken inputs)"
	$(BIN)/storytrace add --db $(DEMO_DB) examples/ || test $$? -eq 3
	@echo "== adding the same folder again stores nothing new"
	$(BIN)/storytrace add --db $(DEMO_DB) --quiet examples/ 2>/dev/null || test $$? -eq 3
	@echo "== storytrace stories"
	$(BIN)/storytrace stories --db $(DEMO_DB)
	@echo "== storytrace disputes"
	$(BIN)/storytrace disputes --db $(DEMO_DB)
	@echo "== storytrace report (one self-contained HTML file)"
	$(BIN)/storytrace report --db $(DEMO_DB) --out report.html

test: $(STAMP) $(CHROMIUM) postgres
	$(BIN)/ruff check --select F,E9 storytrace tests scripts
	$(BIN)/pytest -q -m "not slow"

test-all: $(STAMP) $(CHROMIUM) postgres
	$(BIN)/pytest -q

screenshots: $(STAMP) $(CHROMIUM)
	test -f $(DEMO_DB) || $(MAKE) demo
	$(BIN)/python scripts/screenshots.py --db $(DEMO_DB) --out out/screenshots

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm report.html out *.egg-info .pytest_cache
