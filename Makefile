# Two commands for a newcomer (see README):
#   make report [CORPUS=path/to/articles] [COLUMNS=text=body,id=doc_id]
#                                           analyse a corpus and write HTML reports to reports/
#   make test                               run the whole test suite, notebooks included
PYTHON ?= python3
VENV ?= .venv
CORPUS ?= seeds
COLUMNS ?=
REPORTS ?= reports
BIN := $(VENV)/bin

.PHONY: report test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-notebook: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[notebook]"
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed-notebook

report: $(VENV)/.installed-notebook
	$(BIN)/newsvoices notebooks $(CORPUS) --out $(REPORTS) $(if $(COLUMNS),--columns $(COLUMNS))

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(REPORTS) .pytest_cache
