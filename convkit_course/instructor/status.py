"""The course's exercises and the state of their solutions.

An exercise is a call of a checker (a function marked ``is_checker``) in a notebook's code.
Each one found, in course order, gets: the unit that owns it (``registry.UNITS``), whether
its notebook has the scaffold cell for it, and the verdict of its unit's solution run in place
of the scaffold after the cells it may use (its notebook's setup cell and its own exercise's
cells, or every cell above: ``Unit.context``).  ``python -m convkit_course.instructor status``
prints the table.
"""
from __future__ import annotations

import ast
import contextlib
import dataclasses
import importlib
import importlib.util
import io
import pathlib

import nbformat

from ..exercises import registry
from ..exercises._unit import scaffold_unit
from ..i18n import language
from ..slidestyle import kept

__all__ = ["Exercise", "exercises", "context_cells", "run_cells", "solution_verdict", "table"]

_PACKAGE = "convkit_course.exercises"


@dataclasses.dataclass
class Exercise:
    id: str                 # how the notebook calls the checker: "ex01.output_shape"
    notebook: str           # the first notebook that calls it
    unit: bool              # registered as an exercise unit (with a solution)
    scaffold: bool          # its notebook has the scaffold cell (metadata) for it
    verdict: object = None  # the checker's verdict on the unit's solution, when it has one


def _code(cell):
    """A code cell's source without IPython magics (``%matplotlib inline``)."""
    return "\n".join(line for line in cell.source.splitlines()
                     if not line.lstrip().startswith(("%", "!")))


def _checker_calls(source):
    """``"pkg.name"`` of each checker a cell calls: ``pkg`` a module of the exercises package."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)):
            package, name = node.func.value.id, node.func.attr
            if importlib.util.find_spec(f"{_PACKAGE}.{package}") is None:
                continue
            function = getattr(importlib.import_module(f"{_PACKAGE}.{package}"), name, None)
            if getattr(function, "is_checker", False):
                found.append(f"{package}.{name}")
    return found


def _notebooks(folder):
    return [(path, nbformat.read(path, as_version=4))
            for path in sorted(pathlib.Path(folder).glob("[0-9][0-9]_*.ipynb"))]


def context_cells(cells, index, unit):
    """The code cells the solution of ``unit``, in place of ``cells[index]``, may rely on."""
    code = [i for i in range(index) if cells[i].cell_type == "code"]
    if unit.context == "notebook":
        return [cells[i] for i in code]
    text = max(i for i in range(index) if cells[i].cell_type == "markdown")
    return [cells[code[0]]] + [cells[i] for i in code if i > text]


def run_cells(sources):
    """Run code in one fresh namespace; the value of the last source's last expression."""
    namespace = {"__name__": "__main__"}
    *first, last = sources
    for source in first:
        exec(compile(source, "<cell>", "exec"), namespace)  # noqa: S102 - the course's own code
    tree = ast.parse(last)
    tail = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)  # noqa: S102
    return eval(compile(ast.Expression(tail.value), "<cell>", "eval"), namespace) if tail else None


def solution_verdict(cells, index, unit):
    """The verdict the unit's solution gets in place of its scaffold ``cells[index]``, in
    English; a solution that raises gives the exception instead."""
    sources = [_code(cell) for cell in context_cells(cells, index, unit)]
    # the setup cell switches the slide style on: kept() switches it off again afterwards
    with language("en"), kept(), contextlib.redirect_stdout(io.StringIO()):  # their prints
        try:
            return run_cells(sources + [unit.solution_code])
        except Exception as error:  # a broken solution is a status to report, not a crash
            return error


def exercises(notebooks="notebooks", *, run=True):
    """Every exercise of the English notebooks in ``notebooks``, in course order."""
    found = {}
    for path, nb in _notebooks(notebooks):
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            unit_id = scaffold_unit(cell)
            for exercise_id in dict.fromkeys(_checker_calls(_code(cell))):
                if exercise_id not in found:
                    found[exercise_id] = Exercise(exercise_id, path.stem,
                                                  unit=exercise_id in registry.UNITS,
                                                  scaffold=False)
            if unit_id in found:
                exercise = found[unit_id]
                exercise.scaffold = True
                if run and exercise.unit:
                    exercise.verdict = solution_verdict(nb.cells, index, registry.unit(unit_id))
    return list(found.values())


def _state(exercise):
    if not exercise.unit:
        return "no solution yet: its checker is not an exercise unit", ""
    if not exercise.scaffold:
        return "unit, but no scaffold cell names it", ""
    verdict = exercise.verdict
    if verdict is None:
        return "solution (not run)", ""
    if isinstance(verdict, Exception):
        return "solution raises", f"{type(verdict).__name__}: {verdict}"
    return "solution", "✔" if verdict else str(verdict).splitlines()[0]


def table(found):
    """A Markdown table of ``exercises()``; the last line counts them."""
    rows = ["| # | exercise | notebook | solution | its checker says |", "|--:|---|---|---|---|"]
    for number, exercise in enumerate(found, 1):
        state, says = _state(exercise)
        rows.append(f"| {number} | `{exercise.id}` | {exercise.notebook} | {state} | {says} |")
    ticked = sum(bool(e.verdict) and not isinstance(e.verdict, Exception) for e in found)
    units = sum(e.unit for e in found)
    rows.append(f"\n{len(found)} exercises: {units} units with a solution, {ticked} of them "
                f"ticked ✔ by their checker; {len(found) - units} without a solution yet.")
    return "\n".join(rows)
