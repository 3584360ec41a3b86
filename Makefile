# drugkg: two commands do everything on a fresh machine.
#   make demo   build the graph and views from data/ into out/
#   make test   install what the tests need (Python and Debian packages), run them all
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench system-deps clean help

help:
	@echo "make demo   - build data/documents into out/ (graph, store, views)"
	@echo "make test   - install everything the tests need, then run the whole suite"
	@echo "make lint   - ruff and mypy"
	@echo "make bench  - run the benchmarks and print their figures"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,lint]'
	-$(BIN)/python -c "from graph_builder.adverse import fetch_hpo; fetch_hpo()"  # HPO synonyms, cached in ~/.cache/drugkg
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/drugkg build data/documents -o out
	@echo
	@echo "Graph:     out/graph.ttl"
	@test ! -d out/views || echo "Views:     out/views/index.html (open it in a browser; works offline)"
	@echo "Conflicts: $(BIN)/drugkg conflicts -g out"

system-deps:
	@bash .ci/system-deps.sh chromium libgomp1  # libgomp1: LightGBM's OpenMP

test: $(STAMP) system-deps
	$(BIN)/pytest
	$(BIN)/pytest --nbmake --nbmake-timeout=60 notebooks  # teaching notebooks, run top to bottom

lint: $(STAMP)
	$(BIN)/ruff check graph_builder tests benchmarks notebooks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
