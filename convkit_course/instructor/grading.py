"""Grading a class with nbgrader: the course's scaffolds as the students' stubs, and a class folder.

nbgrader's assign step (``nbgrader generate_assignment``) replaces every region between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` with one stub for the whole course
(``ClearSolutions.code_stub``: ``# YOUR CODE HERE / raise NotImplementedError()``).  The
course's scaffolds differ from cell to cell (``answer = ...  # (height, width): two numbers``),
so :class:`ClearToScaffold` takes each cell's stub from the metadata the instructor edition
put there (``convkit.stub``, see ``edition.py``): the students get the committed notebook's
cells, plus nbgrader's locked test cells.  Everything else is nbgrader's own pipeline.

Needs the extra ``instructor`` (``pip install -e ".[instructor]"``: nbgrader).
"""
from __future__ import annotations

import pathlib

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions

from .edition import write_edition

__all__ = ["ClearToScaffold", "assignment_preprocessors", "configure", "write_course"]

COURSE_ID = "convkit"
CELL_TIMEOUT = 600  # seconds; notebook 11 trains a network in one cell


class ClearToScaffold(ClearSolutions):
    """nbgrader's ClearSolutions with a stub per cell: ``cell.metadata.convkit.stub`` (the
    course's scaffold) when the cell has one, nbgrader's ``code_stub`` otherwise.  The stub is
    removed from the metadata: the students' notebook keeps only ``convkit.exercise``."""

    def preprocess_cell(self, cell, resources, cell_index):
        stub = cell.metadata.get("convkit", {}).pop("stub", None)
        if stub is None:
            return super().preprocess_cell(cell, resources, cell_index)
        default = self.code_stub
        self.code_stub = {**default, resources["language"]: stub}
        try:
            return super().preprocess_cell(cell, resources, cell_index)
        finally:
            self.code_stub = default


def assignment_preprocessors():
    """nbgrader's assign pipeline with :class:`ClearToScaffold` in place of ClearSolutions."""
    default = GenerateAssignment.class_traits()["preprocessors"].default()
    if ClearSolutions not in default:
        raise RuntimeError("nbgrader's GenerateAssignment no longer runs ClearSolutions: "
                           "convkit_course.instructor.grading needs updating")
    return [ClearToScaffold if step is ClearSolutions else step for step in default]


def configure(c, course_id=COURSE_ID):
    """Set up an nbgrader configuration ``c`` (``get_config()`` in ``nbgrader_config.py``)."""
    c.CourseDirectory.course_id = course_id
    c.GenerateAssignment.preprocessors = assignment_preprocessors()
    c.Execute.timeout = CELL_TIMEOUT
    return c


CONFIG = '''\
# nbgrader's configuration for a class taught with convkit (written by
# `python -m convkit_course.instructor course`).  Add your own settings below, e.g.
# c.Exchange.root = "/srv/nbgrader/exchange"  (see https://nbgrader.readthedocs.io).
from convkit_course.instructor.grading import configure

c = get_config()  # noqa: F821 - provided by nbgrader
configure(c, course_id={course_id!r})
'''


def write_course(notebooks, folder, course_id=COURSE_ID):
    """Make ``folder`` an nbgrader course folder: ``nbgrader_config.py`` (kept if present) and
    ``source/NN_slug/NN_slug.ipynb``, the instructor edition of every notebook of
    ``notebooks`` that has exercise units (one assignment each).  Returns the notebooks written.
    """
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "nbgrader_config.py"
    if not config.exists():
        config.write_text(CONFIG.format(course_id=course_id), encoding="utf-8")
    return write_edition(notebooks, folder / "source", only_graded=True, layout="nbgrader")
