"""The instructor edition (convkit_course/instructor): every registered exercise unit, in both
editions, gets its solution in place of its scaffold, and the solution gets ✔ from its own
checker when the edition's cells run in a real kernel; nbgrader's assign steps (the course's
ClearToScaffold, nbgrader's ClearHiddenTests) give the students back the committed notebook.
A unit added to the registry is covered without editing this file.  (tests/test_grading.py
runs nbgrader's whole pipeline on notebook 01.)
"""
from __future__ import annotations

import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

from convkit_course.exercises import registry
from convkit_course.exercises._unit import scaffold_unit
from convkit_course.instructor import edition, status
from convkit_course.instructor.__main__ import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EDITIONS = {"en": NOTEBOOKS, "zh": NOTEBOOKS / "zh"}
PREFIX = {"en": "✔ Correct — ", "zh": "✔ 正确 — "}
UNITS = registry.units()


def committed(language):
    return {path.name: nbformat.read(path, as_version=4)
            for path in sorted(EDITIONS[language].glob("[0-9][0-9]_*.ipynb"))}


def graded_notebooks(language):
    return {name: nb for name, nb in committed(language).items() if edition.has_exercises(nb)}


# --------------------------------------------------------------------------- splitting a scaffold
SCAFFOLD = "answer = ...  # (height, width)\n\nex01.output_shape(answer)"


@pytest.mark.parametrize("scaffold, solution, split", [
    # both end with the same call: the call stays outside the region, for both versions
    (SCAFFOLD, "h = 5\nanswer = (h, 4)\n\nex01.output_shape(answer)\n",
     ("answer = ...  # (height, width)", "h = 5\nanswer = (h, 4)", "\n\nex01.output_shape(answer)")),
    ("x = ex01.task()\nanswer = ...\nex01.output_shape(answer)",
     "x = ex01.task()\nanswer = x\nex01.output_shape(answer)",
     ("x = ex01.task()\nanswer = ...", "x = ex01.task()\nanswer = x", "\nex01.output_shape(answer)")),
    # the solution calls the checker otherwise, or not at all: the whole cell is the region
    (SCAFFOLD, "answer = (5, 4)\nex01.output_shape(answer=answer)",
     (SCAFFOLD, "answer = (5, 4)\nex01.output_shape(answer=answer)", "")),
    (SCAFFOLD, "answer = (5, 4)", (SCAFFOLD, "answer = (5, 4)", "")),
    # the scaffold's call is not its last statement, or is all of it
    ("answer = ...\nex01.output_shape(answer)\nprint('done')", "answer = 1\nex01.output_shape(answer)",
     ("answer = ...\nex01.output_shape(answer)\nprint('done')", "answer = 1\nex01.output_shape(answer)", "")),
    ("ex01.output_shape(answer)", "answer = 1\nex01.output_shape(answer)",
     ("ex01.output_shape(answer)", "answer = 1\nex01.output_shape(answer)", "")),
])
def test_split_gives_the_scaffold_back_as_stub_plus_tail(scaffold, solution, split):
    found = edition.split_scaffold(scaffold, solution, "ex01.output_shape")
    assert (found.stub, found.region, found.tail) == split
    assert found.call == "ex01.output_shape(answer)"
    assert found.stub + found.tail == scaffold or found.tail == ""


def test_a_scaffold_that_does_not_call_its_checker_is_named():
    with pytest.raises(ValueError, match=r"ex01\.output_shape: its scaffold cell has no statement"):
        edition.split_scaffold("answer = ...\nprint(answer)", "answer = 1", "ex01.output_shape")


# --------------------------------------------------------------------------- the edition's cells
def unit_cells(language):
    """[(notebook name, unit, its committed scaffold, index of its solution cell in the
    edition, the edition)] over the notebooks with exercise units."""
    found = []
    for name, nb in graded_notebooks(language).items():
        scaffolds = {scaffold_unit(c): c.source for c in nb.cells if scaffold_unit(c)}
        key = edition.instructor_notebook(nb)
        for index, cell in enumerate(key.cells):
            if scaffold_unit(cell):
                unit = registry.unit(scaffold_unit(cell))
                found.append((name, unit, scaffolds[unit.id], index, key))
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_unit_has_its_solution_and_a_graded_test_cell_in_the_edition(language):
    cells = unit_cells(language)
    assert sorted(unit.id for _, unit, _, _, _ in cells) == sorted(registry.UNITS)
    for name, unit, scaffold, index, key in cells:
        solution, test = key.cells[index], key.cells[index + 1]
        assert solution.metadata.nbgrader["solution"] and not solution.metadata.nbgrader["grade"]
        region = solution.source.split(edition.BEGIN_SOLUTION)[1].split(edition.END_SOLUTION)[0]
        code = edition.split_scaffold(scaffold, unit.solution_code, unit.id).region
        assert code.strip() and code in region, f"{name}: {unit.id}'s solution is not in its cell"
        assert test.metadata.nbgrader == {"schema_version": 3, "grade": True, "solution": False,
                                          "locked": True, "points": edition.POINTS,
                                          "grade_id": unit.id.replace(".", "_") + "_test"}
        assert edition.BEGIN_HIDDEN in test.source and f'"{unit.id}"' in test.source
    for key in {id(k): k for *_, k in cells}.values():
        nbformat.validate(key)


@pytest.mark.parametrize("language", ["zh"])
def test_the_chinese_edition_explains_and_grades_in_chinese(language):
    for name, unit, _, index, key in unit_cells(language):
        comments = [line for cell in key.cells[index:index + 2]
                    for line in cell.source.splitlines() if line.startswith("# ")]
        explanation = unit.messages("solution", **unit.fields).render("zh")
        assert explanation[:20] in "".join(line[2:] for line in comments), unit.id
        assert any("评分" in line for line in comments), unit.id


@pytest.mark.parametrize("language", ["en", "zh"])
def test_nbgraders_assign_steps_give_the_students_the_committed_cells(language):
    """ClearToScaffold (stub per cell) and nbgrader's ClearHiddenTests, run over the edition
    of every notebook with exercises: the students' cells are the committed ones, the test
    cells keep their visible part and lose the hidden one."""
    pytest.importorskip("nbgrader", reason="the extra 'instructor' (make test installs it)")
    from nbgrader.preprocessors import ClearHiddenTests

    from convkit_course.instructor.grading import ClearToScaffold

    notebooks = graded_notebooks(language)
    assert notebooks, "no notebook has an exercise unit"
    for name, nb in notebooks.items():
        key = edition.instructor_notebook(nb)
        released, _ = ClearToScaffold().preprocess(key, {})
        released, _ = ClearHiddenTests().preprocess(released, {})
        students = [c for c in released.cells if not c.metadata.get("nbgrader", {}).get("grade")]
        assert [c.source for c in students] == [c.source for c in nb.cells], name
        for cell in students:
            assert "stub" not in cell.metadata.get("convkit", {})
        tests = [c for c in released.cells if c.metadata.get("nbgrader", {}).get("grade")]
        assert len(tests) == sum(bool(scaffold_unit(c)) for c in nb.cells)
        for cell in tests:
            assert cell.source.endswith("assert _verdict, _verdict")
            assert "HIDDEN" not in cell.source and "is_right" not in cell.source


# --------------------------------------------------------------------------- run in a kernel
def kernel_run(key_folder):
    """One notebook of the cells each unit needs (its notebook's setup cell, its exercise's
    cells, its solution cell and test cell), per notebook in turn after a `%reset -f`; run in
    one real kernel from the edition's folder.  -> the executed notebook, and for each unit
    (notebook name, unit id, index of its solution cell, of its test cell) in it."""
    cells, where = [], []
    for path in sorted(key_folder.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        needed = {}
        for index, cell in enumerate(nb.cells):
            unit_id = scaffold_unit(cell)
            if unit_id:
                unit = registry.unit(unit_id)
                for context in status.context_cells(nb.cells, index, unit):
                    needed.setdefault(id(context), context)
                needed[id(cell)], needed[id(nb.cells[index + 1])] = cell, nb.cells[index + 1]
        if not needed:
            continue
        cells.append(nbformat.v4.new_code_cell("%reset -f"))
        for cell in (c for c in nb.cells if id(c) in needed):
            if scaffold_unit(cell):
                where.append((path.name, scaffold_unit(cell), len(cells), len(cells) + 1))
            cells.append(nbformat.v4.new_code_cell(cell.source, metadata=cell.metadata))
    run = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    NotebookClient(run, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(key_folder)}}).execute()
    return run, where


@pytest.mark.slow  # two kernels: about 5-10 s
def test_every_solution_gets_a_tick_from_its_checker_in_both_editions(tmp_path):
    """The edition as `make solutions` writes it, run in a kernel: each solution cell shows its
    checker's ✔ (in the edition's language) and its test cell, hidden tests included, passes."""
    assert main(["--notebooks", str(NOTEBOOKS), "solutions", str(tmp_path)]) == 0
    for language, folder in (("en", tmp_path), ("zh", tmp_path / "zh")):
        run, where = kernel_run(folder)
        assert sorted(unit_id for _, unit_id, _, _ in where) == sorted(registry.UNITS)
        for name, unit_id, solution, test in where:
            outputs = run.cells[solution].outputs
            shown = [o.data["text/plain"] for o in outputs if o.output_type == "execute_result"]
            assert len(shown) == 1 and shown[0].startswith(PREFIX[language]), (
                f"{language} {name} {unit_id}: {outputs}")
            errors = [o for o in run.cells[test].outputs if o.output_type == "error"]
            assert not errors, f"{language} {name} {unit_id}: {errors}"


def test_make_solutions_writes_every_notebook_of_both_editions(tmp_path):
    assert main(["--notebooks", str(NOTEBOOKS), "solutions", str(tmp_path)]) == 0
    for language, folder in (("en", tmp_path), ("zh", tmp_path / "zh")):
        written = sorted(p.name for p in folder.glob("[0-9][0-9]_*.ipynb"))
        assert written == sorted(committed(language)), language


# --------------------------------------------------------------------------- the status list
def test_status_lists_every_unit_with_a_ticked_solution():
    found = status.exercises(NOTEBOOKS)
    ids = [e.id for e in found]
    assert len(ids) == len(set(ids))
    by_id = {e.id: e for e in found}
    for unit in UNITS:
        exercise = by_id[unit.id]
        assert exercise.unit and exercise.scaffold and exercise.verdict, (unit.id, exercise)
    for exercise in found:  # a call of a checker that no unit owns is listed as such
        assert exercise.unit == (exercise.id in registry.UNITS)
    table = status.table(found)
    assert all(f"`{e.id}`" in table for e in found)
    assert f"{len(found)} exercises: {len(UNITS)} units with a solution, {len(UNITS)} of them" \
           in table
