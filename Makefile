# Two commands do all set-up: `make run` (launch the app) and `make test` (the whole suite).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
SHARED_MNIST := $(abspath ../shared/data/mnist)

.PHONY: run test test-floors lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/nndesk

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen \
	NNDESK_DATA_DIR=$${NNDESK_DATA_DIR:-$(SHARED_MNIST)} \
	$(PY) -m pytest -q $(ARGS)
	$(VENV)/bin/ruff check nndesk tests benchmarks

# The engine and the preprocessing on the lowest versions pyproject.toml allows (tests/nn/floors.txt).
test-floors:
	test -x .venv-floors/bin/python || $(PYTHON) -m venv .venv-floors
	.venv-floors/bin/python -m pip install --quiet -c tests/nn/floors.txt -e . pytest pytest-qt hypothesis
	QT_QPA_PLATFORM=offscreen \
	NNDESK_DATA_DIR=$${NNDESK_DATA_DIR:-$(SHARED_MNIST)} \
	.venv-floors/bin/python -m pytest -q -p no:cacheprovider tests/nn tests/test_presets.py \
		tests/data/test_preprocess.py tests/data/test_photos.py

bench: $(STAMP)
	$(PY) -m pip install --quiet torch==2.13.0 || echo "torch not installed: nndesk figures only"
	NNDESK_DATA_DIR=$${NNDESK_DATA_DIR:-$(SHARED_MNIST)} $(PY) benchmarks/run.py $(ARGS)

clean:
	rm -rf $(VENV) .venv-floors .pytest_cache
