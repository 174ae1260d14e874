# The README's commands, for those who have make.
PY ?= .venv/bin/python

.venv/bin/python:
	python3 -m venv .venv
	.venv/bin/pip install -e ".[dev]"

run: .venv/bin/python
	DEBUG=1 $(PY) manage.py rundemo

test: .venv/bin/python
	$(PY) -m pytest

test-postgres: .venv/bin/python
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom $(PY) -m pytest -m "not browser"

lint: .venv/bin/python
	$(PY) -m ruff check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

reference-data: .venv/bin/python
	DEBUG=1 $(PY) manage.py build_reference_data

.PHONY: run test test-postgres lint reference-data
