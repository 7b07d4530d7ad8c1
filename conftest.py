"""pytest's setup for the whole project (tests/ and the notebooks nbval runs).

Notebook 10 hands the student's layer to notebook 11 through a file in ``CONVKIT_STUDENT_DIR``
(``~/.convkit`` by default, see ``convkit_course/exercises/ex10/handover.py``).  A test run
points it at a fresh temporary folder unless ``make test`` already did, so a layer a developer
saved never changes what notebook 11 prints under nbval, nor what a test sees.
"""
import os
import tempfile


def pytest_configure(config):
    if not os.environ.get("CONVKIT_STUDENT_DIR", "").startswith(tempfile.gettempdir()):
        os.environ["CONVKIT_STUDENT_DIR"] = tempfile.mkdtemp(prefix="convkit-student-")
