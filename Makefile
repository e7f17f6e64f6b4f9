# Two commands set everything up on a fresh machine:
#   make run   - create .venv, install Diptych, start it (the last project; at first start, the built-in sample project)
#   make test  - create .venv, install the test extras, run ruff, mypy and pytest (offscreen)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint typecheck pytest bench screenshot sample-template install-desktop uninstall-desktop clean

$(BIN)/.installed-app: pyproject.toml packaging/bootstrap.sh
	PYTHON=$(PYTHON) VENV=$(VENV) bash packaging/bootstrap.sh app
	touch $@

$(BIN)/.installed-test: pyproject.toml packaging/bootstrap.sh
	PYTHON=$(PYTHON) VENV=$(VENV) bash packaging/bootstrap.sh test
	touch $@

run: $(BIN)/.installed-app
	$(BIN)/diptych open

test: $(BIN)/.installed-test
	$(MAKE) lint typecheck pytest

lint: $(BIN)/.installed-test
	$(BIN)/ruff check gui storage resources tests bench packaging
	$(BIN)/ruff format --check gui storage resources tests bench packaging

# mypy cannot follow the setuptools package-dir mapping, so it checks a tree of
# symlinks that lays the folders out the way they are imported: diptych/gui, ...
typecheck: $(BIN)/.installed-test
	rm -rf build/typecheck && mkdir -p build/typecheck/diptych
	for d in gui storage resources; do ln -s ../../../$$d build/typecheck/diptych/$$d; done
	cd build/typecheck && ../../$(BIN)/mypy --config-file ../../pyproject.toml -p diptych

pytest: $(BIN)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(BIN)/.installed-test
	PYTHON=$(PYTHON) VENV=$(VENV) bash packaging/bootstrap.sh bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(BENCH_ARGS)

# The README screenshot, from the real window on a virtual screen (needs xvfb-run).
screenshot: $(BIN)/.installed-app
	@command -v xvfb-run >/dev/null || { echo "make screenshot needs xvfb-run: sudo apt-get install xvfb" >&2; exit 2; }
	mkdir -p docs
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python packaging/screenshot.py docs/screenshot.png

# The ready-made sample project a first start copies; rebuild it after changing the sample
# or the schema (tests/test_sample_template.py fails until then).
sample-template: $(BIN)/.installed-app
	$(BIN)/python -m diptych.storage.sample resources/samples/sample.diptych

# Diptych in the desktop's application menu, and .diptych files opening in it (this user only).
install-desktop: $(BIN)/.installed-app
	$(BIN)/python packaging/install_desktop.py

uninstall-desktop:
	$(PYTHON) packaging/install_desktop.py --remove

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
