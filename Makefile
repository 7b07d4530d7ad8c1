# Two commands: `make lab` opens the course, `make test` runs every test.
# Both create the project's virtual environment (.venv) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
# JupyterLab refuses to run as root unless told to (containers, CI machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test notebooks figures bench footprint clean zh solutions

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the package metadata changes.
$(VENV)/.installed-course: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[course]"
	touch $@

# `make test` also installs the extra `instructor` (nbgrader): tests/test_grading.py grades a class.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[course,test,instructor]"
	touch $@ $(VENV)/.installed-course

lab: $(VENV)/.installed-course
	PYTHON=$(BIN)/python sh postBuild  # the course's JupyterLab settings (no news pop-up)
	$(BIN)/jupyter lab --port=$(PORT) $(ROOT_FLAG) notebooks/

# Every test: the unit tests and each notebook, English and (when built) the Chinese edition,
# re-run by nbval and compared with its committed outputs.  `pytest` alone runs tests/ only.
NOTEBOOKS = $(wildcard notebooks/*.ipynb notebooks/zh/*.ipynb)
NBVAL     := --nbval --nbval-current-env --nbval-cell-timeout=300 \
             --nbval-sanitize-with tests/nbval_sanitize.cfg

# CONVKIT_STUDENT_DIR: a fresh folder for what notebook 10 hands to notebook 11, so a layer a
# developer saved in ~/.convkit never changes what the notebooks print under nbval.
test: $(VENV)/.installed-test
	CONVKIT_STUDENT_DIR=$$(mktemp -d) $(BIN)/python -m pytest tests $(NOTEBOOKS) $(NBVAL)

clean:
	rm -rf $(VENV) .pytest_cache

# Re-execute every notebook in a clean kernel and save it with outputs (commit the result).
notebooks: $(VENV)/.installed-test
	$(BIN)/python scripts/execute_notebooks.py

# Redraw every course figure into figures/ from convkit_course.diagrams (commit the result;
# tests/test_figures.py fails while a committed figure is stale).
figures: $(VENV)/.installed-course
	$(BIN)/python -m convkit_course.figures figures

# Time the literal loops, direct and im2col against PyTorch (when installed); a few minutes.
# `make bench ARGS="--quick"` passes options (see `python -m convkit_course.bench --help`).
bench: $(VENV)/.installed-course
	$(BIN)/python -m convkit_course.bench $(ARGS)

# Per-student cost for a hub: each notebook in a fresh kernel, its peak memory and CPU seconds
# (the README's "Teaching with this course" table); about as long as `make notebooks`.
footprint: $(VENV)/.installed-course
	$(BIN)/python scripts/footprint.py $(ARGS)

# The Chinese edition: write notebooks/zh/NN_slug.ipynb from the English notebooks plus
# notebooks/zh/translations/NN_slug.md, then execute them (commit the result).
# `scripts/zh.py check` lists translations that are stale or missing.
zh: $(VENV)/.installed-test
	$(BIN)/python scripts/zh.py build
	$(BIN)/python scripts/execute_notebooks.py notebooks/zh/[0-9][0-9]_*.ipynb

# The instructor edition (the answer key): every notebook, English and Chinese, with each
# exercise's scaffold filled in with its solution (and nbgrader's solution markers and test
# cells), executed, in build/instructor/ (not committed).  A solution its checker does not tick
# stops the run.  `python -m convkit_course.instructor status` lists the exercises.
KEY := build/instructor
solutions: $(VENV)/.installed-course
	rm -rf $(KEY)
	$(BIN)/python -m convkit_course.instructor solutions $(KEY)
	$(BIN)/python scripts/execute_notebooks.py $(KEY)/[0-9][0-9]_*.ipynb $(KEY)/zh/[0-9][0-9]_*.ipynb
