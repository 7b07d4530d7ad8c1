"""Grading a class with nbgrader, end to end on notebook 01, with nbgrader's own command line as
an instructor runs it: the course folder (`python -m convkit_course.instructor course`),
`nbgrader generate_assignment`, three students' submissions, `nbgrader autograde`, the scores
in the gradebook, `nbgrader generate_feedback`.

The students' answers are written by hand, as students write them:

* alice: all three right, in her own words;
* bob: (4, 3) for the output shape (he forgot the final + 1), the formula right, the third
  exercise left as it came;
* carol: the formula and the pixel right, and for the shape she replaces the checker with one
  that always says yes — the visible test passes, the hidden one (the unit's reference) not.
"""
from __future__ import annotations

import html
import os
import pathlib
import re
import subprocess
import sys

import nbformat
import pytest

from convkit_course.exercises import ex01, registry
from convkit_course.exercises._unit import scaffold_unit
from convkit_course.instructor.__main__ import main

nbgrader = pytest.importorskip("nbgrader", reason="the extra 'instructor' (make test installs it)")
from nbgrader.api import Gradebook  # noqa: E402

from convkit_course.instructor.edition import M  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = pathlib.Path(__file__).resolve().parent.parent
ASSIGNMENT = "01_correlation-and-output-size"
COMMITTED = nbformat.read(ROOT / "notebooks" / f"{ASSIGNMENT}.ipynb", as_version=4)

FORMULA = """def my_output_size(I, K, S=1, P=0, D=1):
    return (I + 2*P - D*(K - 1) - 1) // S + 1

ex01.output_size_formula(my_output_size)"""

SUBMISSIONS = {
    "alice": {"ex01.output_shape": "answer = (5, 4)\n\nex01.output_shape(answer)",
              "ex01.output_size_formula": FORMULA,
              "ex01.one_output": "answer = 0 + 0 + 4 + 0 + 12 - 6 + 3 - 6 + 0\n\n"
                                 "ex01.one_output(answer)"},
    "bob": {"ex01.output_shape": "answer = (4, 3)\n\nex01.output_shape(answer)",
            "ex01.output_size_formula": FORMULA},
    "carol": {"ex01.output_shape": "ex01.output_shape = lambda answer: True\nanswer = (1, 1)\n\n"
                                   "ex01.output_shape(answer)",
              "ex01.output_size_formula": FORMULA,
              "ex01.one_output": "answer = 7\n\nex01.one_output(answer)"},
}
# points per graded cell (grade id = unit id with "_" for ".", then "_test")
EXPECTED = {"alice": {"ex01.output_shape": 1, "ex01.output_size_formula": 1, "ex01.one_output": 1},
            "bob": {"ex01.output_shape": 0, "ex01.output_size_formula": 1, "ex01.one_output": 0},
            "carol": {"ex01.output_shape": 0, "ex01.output_size_formula": 1, "ex01.one_output": 1}}


def nbgrader_cli(course, *args):
    """`nbgrader ARGS` in the course folder, with this environment's commands on PATH (nbgrader
    runs `alembic` for its gradebook), as an instructor's activated environment has them."""
    env = dict(os.environ, PATH=f"{pathlib.Path(sys.executable).parent}{os.pathsep}"
                                f"{os.environ.get('PATH', '')}")
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                          capture_output=True, text=True, timeout=900)
    log = done.stdout + done.stderr
    assert done.returncode == 0 and "ERROR" not in log, log
    return log


def submit(course, student, answers):
    """The released notebook with the student's cells filled in, where nbgrader collects it."""
    nb = nbformat.read(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in nb.cells:
        if scaffold_unit(cell) in answers:
            cell.source = answers[scaffold_unit(cell)]
    target = course / "submitted" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    target.parent.mkdir(parents=True)
    nbformat.write(nb, target)


def text_of(html_page):
    """What a reader of a feedback page sees: the tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_page))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = tmp_path_factory.mktemp("class")
    assert main(["--notebooks", str(ROOT / "notebooks"), "course", str(course)]) == 0
    nbgrader_cli(course, "generate_assignment", ASSIGNMENT)
    for student, answers in SUBMISSIONS.items():
        submit(course, student, answers)
    nbgrader_cli(course, "autograde", ASSIGNMENT)
    nbgrader_cli(course, "generate_feedback", ASSIGNMENT)
    return course


def test_the_students_get_the_committed_notebook_and_a_locked_test_per_exercise(graded):
    released = nbformat.read(graded / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    tests = [c for c in released.cells if c.metadata.get("nbgrader", {}).get("grade")]
    theirs = [c for c in released.cells if c not in tests]
    assert [c.source for c in theirs] == [c.source for c in COMMITTED.cells]
    assert len(tests) == 3 and all(c.metadata.editable is False for c in tests)
    text = "\n".join(c.source for c in released.cells)
    for secret in ("BEGIN SOLUTION", "HIDDEN", "is_right"):
        assert secret not in text
    committed_text = "\n".join(c.source for c in COMMITTED.cells)
    for unit in registry.units():
        for line in unit.solution_code.splitlines():
            if len(line.strip()) > 12 and line.strip() not in committed_text:
                assert line.strip() not in text, f"the release shows {unit.id}'s solution"


def test_autograde_scores_each_exercise_by_its_checker_and_hidden_test(graded):
    with Gradebook(f"sqlite:///{graded / 'gradebook.db'}") as gradebook:
        for student, expected in EXPECTED.items():
            submission = gradebook.find_submission(ASSIGNMENT, student)
            grades = {g.name: g.score for nb in submission.notebooks for g in nb.grades}
            assert grades == {unit_id.replace(".", "_") + "_test": float(points)
                              for unit_id, points in expected.items()}, student
            assert (submission.score, submission.max_score) == (sum(expected.values()), 3.0)


def test_the_feedback_shows_the_checkers_specific_hint(graded):
    def feedback(student):
        page = graded / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"
        return text_of(page.read_text(encoding="utf-8"))

    slip = ex01.output_shape((4, 3))  # bob's answer, judged here as in his notebook
    assert "ex01.output_shape:slip.no_plus_one" in slip.message_ids() and slip.kind == "specific"
    bob = feedback("bob")
    assert f"AssertionError: {slip}" in bob
    assert "you forgot the final + 1" in bob  # the slip, named in the words of its message
    assert f"AssertionError: {ex01.one_output(...)}" in bob  # the exercise he left empty
    assert M("test.disagrees").render("en") in feedback("carol")
    assert "AssertionError" not in feedback("alice")
