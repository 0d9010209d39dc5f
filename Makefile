# Two commands do everything: `make demo` and `make test` each create .venv and install on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB := demo.db

.PHONY: demo test test-all install clean

install: $(STAMP)

# torch first, from its pinned CPU build, so nothing later pulls a CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo "== storytrace add examples/ (examples/bad/ holds deliberately broken inputs)"
	$(BIN)/storytrace add --db $(DEMO_DB) examples/ || test $$? -eq 3
	@echo "== adding the same folder again stores nothing new"
	$(BIN)/storytrace add --db $(DEMO_DB) --quiet examples/ 2>/dev/null || test $$? -eq 3
	@echo "== storytrace stories"
	$(BIN)/storytrace stories --db $(DEMO_DB)
	@echo "== storytrace disputes"
	$(BIN)/storytrace disputes --db $(DEMO_DB)

test: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

test-all: $(STAMP)
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) $(DEMO_DB) *.egg-info .pytest_cache
