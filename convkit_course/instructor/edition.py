"""The instructor edition: each exercise's scaffold cell replaced by its unit's solution.

A notebook's scaffold cell (metadata ``{"convkit": {"exercise": "ex01.output_shape"}}``)
becomes two cells in nbgrader's format (https://nbgrader.readthedocs.io), so that the one
edition is both the answer key and the source nbgrader makes the students' version from:

* a **solution cell**: the unit's solution (``Unit.solution_code``) between nbgrader's
  ``### BEGIN SOLUTION`` and ``### END SOLUTION`` markers, headed by the unit's ``solution``
  explanation as comments in the edition's language, followed by the scaffold's own checker
  call; the scaffold itself is kept in the cell's metadata (``convkit.stub``), which
  :class:`~convkit_course.instructor.grading.ClearToScaffold` puts back in place of the
  markers, so nbgrader's assign step gives the students exactly the committed notebook's cell;
* a locked **test cell** worth one point: the checker's verdict must be ✔ (a failing verdict
  is raised as the ``AssertionError``'s message, so the feedback shows the checker's specific
  hint), then, between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``, the unit's
  reference (``Unit.is_right``, no slip logic) must agree.

Every other cell is kept as it is.  The functions here only rewrite notebooks (nbformat);
nothing needs nbgrader but its assign and grade steps (``grading.py``).
"""
from __future__ import annotations

import ast
import copy
import dataclasses
import pathlib
import re
import unicodedata

import nbformat

from ..exercises import registry
from ..exercises._unit import scaffold_unit
from ..i18n import Catalog

__all__ = ["instructor_notebook", "graded_cells", "write_edition", "Split", "split_scaffold",
           "BEGIN_SOLUTION", "END_SOLUTION", "BEGIN_HIDDEN", "END_HIDDEN", "POINTS"]

M = Catalog.beside(__file__, "instructor.toml", label="instructor")

# nbgrader's default delimiters (ClearSolutions, ClearHiddenTests), written as Python comments
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
POINTS = 1  # per exercise
COMMENT_COLUMNS = 92  # per comment line; a CJK character takes two columns
_NO_LINE_START = set("，。、；：！？）》」』")  # Chinese punctuation that never starts a line
_TOKENS = re.compile(r"\s+|[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff"
                     r"\u3000-\u303f\uff00-\uffef]+")


def _source(cell):
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def _checker_call(source, unit_id, what):
    """The last top-level statement of ``source`` that calls the checker ``unit_id``, as
    ``(statement, is it the last statement)``; ``ValueError`` naming the unit when none."""
    body = ast.parse(source).body
    for statement in reversed(body):
        if (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
                and ast.unparse(statement.value.func) == unit_id):
            return statement, statement is body[-1]
    raise ValueError(f"{unit_id}: its {what} has no statement `{unit_id}(...)`: the instructor "
                     f"edition and the grader call the checker as the scaffold does")


def _offset(source, node):
    """The index in ``source`` where ``node`` starts."""
    lines = source.splitlines(keepends=True)
    return sum(len(line) for line in lines[:node.lineno - 1]) + node.col_offset


@dataclasses.dataclass(frozen=True)
class Split:
    """A solution cell's parts: ``stub`` (what the student gets in place of the solution
    region), ``region`` (the solution code), ``tail`` (after the region, kept for both: the
    checker call) and ``call`` (the checker call's source, for the test cell)."""

    stub: str
    region: str
    tail: str
    call: str


def split_scaffold(scaffold, solution, unit_id):
    """Split a scaffold and its solution around the checker call they both end with.

    When both end with the same call, ``scaffold == stub + tail`` and the solution region is
    the solution without its call; otherwise the whole solution is the region and the whole
    scaffold the stub.  Either way nbgrader's assign step, putting ``stub`` in place of the
    region, gives back the scaffold exactly."""
    statement, last = _checker_call(scaffold, unit_id, "scaffold cell")
    call_source = ast.get_source_segment(scaffold, statement.value)
    whole = Split(stub=scaffold, region=solution.strip("\n"), tail="", call=call_source)
    if not last:
        return whole
    try:
        solution_statement, solution_last = _checker_call(solution, unit_id, "solution")
    except ValueError:
        return whole
    if not solution_last or ast.dump(solution_statement) != ast.dump(statement):
        return whole
    head_and_gap = scaffold[:_offset(scaffold, statement)]
    stub = head_and_gap.rstrip("\n")
    region = solution[:_offset(solution, solution_statement)].strip("\n")
    if not stub.strip() or not region.strip():
        return whole
    return Split(stub=stub, region=region, tail=head_and_gap[len(stub):] + scaffold[
        _offset(scaffold, statement):], call=call_source)


def _columns(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(paragraph, columns):
    """Greedy line filling that breaks at spaces and between CJK characters, never inside a
    Latin word (``textwrap`` only breaks at spaces: Chinese would come out ragged)."""
    lines, line = [], ""
    for token in _TOKENS.findall(paragraph):
        if token.isspace():
            line += " " if line else ""
        elif line and _columns(line + token) > columns and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    return lines + [line.rstrip()]


def _comment(text):
    lines = [line for paragraph in text.splitlines() or [""]
             for line in _wrap(paragraph, COMMENT_COLUMNS - 2)]
    return "\n".join(f"# {line}".rstrip() for line in lines)


def _cell_metadata(cell, **nbgrader):
    metadata = copy.deepcopy(dict(cell.get("metadata", {})))
    metadata["nbgrader"] = {"schema_version": 3, **nbgrader}
    return metadata


def graded_cells(cell, unit, language="en"):
    """The scaffold ``cell`` of ``unit`` -> (solution cell, test cell), as nbformat nodes."""
    scaffold = _source(cell)
    split = split_scaffold(scaffold, unit.solution_code, unit.id)
    explanation = unit.messages("solution", **unit.fields).render(language)
    region = f"{_comment(explanation)}\n\n{split.region}"
    source = f"{BEGIN_SOLUTION}\n{region}\n{END_SOLUTION}"
    source += split.tail if split.tail else ""
    grade_id = unit.id.replace(".", "_")

    solution_metadata = _cell_metadata(cell, grade=False, solution=True, locked=False,
                                       grade_id=grade_id)
    solution_metadata["convkit"] = {**solution_metadata.get("convkit", {}), "stub": split.stub}
    solution_cell = nbformat.v4.new_code_cell(source, metadata=solution_metadata)

    reference_call = f'_convkit_unit("{unit.id}").is_right' + split.call[
        len(split.call.split("(", 1)[0]):]
    test_source = "\n".join([
        _comment(M("test.visible", points=POINTS).render(language)),
        f"_verdict = {split.call}",
        "assert _verdict, _verdict",
        BEGIN_HIDDEN,
        _comment(M("test.hidden").render(language)),
        "from convkit_course.exercises.registry import unit as _convkit_unit",
        f"assert {reference_call}, {M('test.disagrees').render(language)!r}",
        END_HIDDEN,
    ])
    test_metadata = _cell_metadata({"metadata": {"slideshow": {"slide_type": "skip"}}},
                                   grade=True, solution=False, locked=True, points=POINTS,
                                   grade_id=f"{grade_id}_test")
    test_cell = nbformat.v4.new_code_cell(test_source, metadata=test_metadata)
    # stable ids (nbformat would draw random ones): the scaffold's, and the test cell's after it
    base = cell.get("id") or grade_id.replace("_", "-")
    solution_cell["id"], test_cell["id"] = base, f"{base}-test"
    return solution_cell, test_cell


def notebook_language(nb):
    return nb.get("metadata", {}).get("language", "en")


def instructor_notebook(nb):
    """A copy of notebook ``nb`` with each scaffold cell replaced by its solution and test
    cells; the edition's language is the notebook's (``metadata.language``, English if none)."""
    language = notebook_language(nb)
    edition = copy.deepcopy(nb)
    cells = []
    for cell in edition["cells"]:
        unit_id = scaffold_unit(cell)
        cells += graded_cells(cell, registry.unit(unit_id), language) if unit_id else [cell]
    edition["cells"] = cells
    return edition


def has_exercises(nb):
    return any(scaffold_unit(cell) for cell in nb["cells"])


def write_edition(notebooks, out, *, only_graded=False, layout="flat"):
    """Write the instructor edition of every ``NN_*.ipynb`` of the folder ``notebooks`` into
    ``out``; returns the paths written.

    ``layout="flat"``: ``out/NN_slug.ipynb`` (the answer key, links between notebooks work);
    ``layout="nbgrader"``: ``out/NN_slug/NN_slug.ipynb`` (one assignment per notebook, as
    nbgrader's ``source/`` folder wants).  ``only_graded``: skip notebooks without exercise
    units."""
    notebooks, out = pathlib.Path(notebooks), pathlib.Path(out)
    written = []
    for path in sorted(notebooks.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if only_graded and not has_exercises(nb):
            continue
        target = out / path.name if layout == "flat" else out / path.stem / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(instructor_notebook(nb), target)
        written.append(target)
    return written
