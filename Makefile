# make demo: set up .venv and extract the bundled fictional reports in examples/ into out/demo
# make test: set up .venv with the dev tools and run ruff, mypy and the test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/govreport: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

demo: $(BIN)/govreport
	$(BIN)/govreport extract examples --out out/demo
	@$(BIN)/python -c "import json; rows=[json.loads(l) for l in open('out/demo/facts.jsonl', encoding='utf-8')]; \
	[print(f\"{r['doc']:32} {r['indicator']:24} {r['kind']:8} {r['period']} {r['value']}{r['unit'] or ''} «{r['quote']}»\") for r in rows[:15]]; \
	print(f'... {len(rows)} facts in out/demo/facts.jsonl')"

lint: $(BIN)/govreport
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(BIN)/govreport
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
