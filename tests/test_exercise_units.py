"""Every exercise unit of the registry, checked the same way (a unit added to
``convkit_course/exercises/registry.py`` is covered without editing this file).

* The corpus (``corpus.py`` of each unit): every right variant gets ✔, every slip gets ✘ with
  the hint that names it (the message id the entry gives), nothing crashes — in English and in
  Chinese; no slip gives the right answer on the exercise's data (``Unit.is_right``, which does
  not use the checker's slip logic); every message of the unit is shown by some corpus entry.
* The notebook: each unit has exactly one scaffold cell (cell metadata
  ``{"convkit": {"exercise": id}}``) in its English notebook and the same in the Chinese
  edition; that cell calls the unit's checker, and as committed (unfilled) it gets the "still
  empty" answer; the unit's solution code, run in its place after the cells it may use, gets ✔;
  the notebook states the data the checker judges.
* Hint and solution render in both languages, as Markdown and as plain text.
"""
from __future__ import annotations

import ast
import importlib
import json
import pathlib
import re

import matplotlib
import pytest

import convkit_course.exercises as exercises
from convkit_course.exercises import _corpus, registry, set_language
from convkit_course.diagrams.gridpaper import set_slide_style
from convkit_course.exercises._unit import scaffold_unit

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PACKAGE = pathlib.Path(exercises.__file__).parent
CJK = re.compile(r"[\u4e00-\u9fff]")

UNITS = registry.units()
BY_ID = {unit.id: unit for unit in UNITS}


def unit_ids():
    return [unit.id for unit in UNITS]


# --------------------------------------------------------------------------- the registry
def test_the_registry_lists_each_unit_once_and_each_loads():
    assert len(set(registry.UNITS)) == len(registry.UNITS) >= 3
    for unit_id, unit in zip(registry.UNITS, UNITS):
        assert unit.id == unit_id
        assert unit.check.unit is unit and unit.check.is_checker
        folder = PACKAGE.joinpath(*unit_id.split("."))
        assert {"__init__.py", "messages.toml", "corpus.py"} <= {p.name for p in folder.iterdir()}


def test_every_unit_folder_is_registered():
    folders = {p.parent.relative_to(PACKAGE).as_posix().replace("/", ".")
               for p in PACKAGE.rglob("messages.toml")}
    assert folders == set(registry.UNITS), "a unit folder missing from registry.UNITS (or the "\
                                           "other way round)"


@pytest.mark.parametrize("unit_id", unit_ids())
def test_the_notebook_package_exports_the_checker(unit_id):
    package, _, name = unit_id.rpartition(".")
    module = importlib.import_module(f"convkit_course.exercises.{package}")
    assert getattr(module, name) is BY_ID[unit_id].check
    assert name in module.__all__


# --------------------------------------------------------------------------- the corpus
def corpus_cases():
    return [pytest.param(unit.id, i, id=f"{unit.id}-{i}-{answer.why[:30]}")
            for unit in UNITS for i, answer in enumerate(_corpus.corpus(unit))]


@pytest.mark.parametrize("unit_id, index", corpus_cases())
@pytest.mark.parametrize("language", ["en", "zh"])
def test_each_corpus_answer_gets_what_it_should(unit_id, index, language):
    unit = BY_ID[unit_id]
    answer = _corpus.corpus(unit)[index]
    set_language(language)
    try:
        outcome = _corpus.judge(unit, answer)
        text = repr(outcome.verdict)
    finally:
        set_language("en")
    assert outcome.problem is None, f"{answer.why}: {outcome.problem}: {text}"
    if language == "zh":
        assert text.startswith("✔ 正确 — " if answer.right else "✘ 还不对 — "), text
        assert CJK.search(text[8:]), text


def test_the_corpus_meets_the_bar():
    """The issue's bar over every unit: 0 false ✔, 0 right answers rejected, 0 crashes,
    ≥ 90 % of the slips named by their hint; and each unit has a real corpus."""
    total = dict.fromkeys(["slips", "false ✔", "rejected", "crashes", "named"], 0)
    for unit in UNITS:
        row = _corpus.figures(unit)
        assert row["right"] >= 3 and row["slips"] >= 6, (unit.id, row)
        total = {key: total[key] + row[key] for key in total}
    assert total["false ✔"] == total["rejected"] == total["crashes"] == 0, total
    assert total["named"] >= 0.9 * total["slips"], total


@pytest.mark.parametrize("unit_id", unit_ids())
def test_no_slip_gives_the_right_answer_on_the_exercise_data(unit_id):
    """Judged by the unit's reference (``is_right``), not by the checker: a slip that lands
    on the right answer would be praised whatever the checker's hints say."""
    unit = BY_ID[unit_id]
    for answer in _corpus.corpus(unit):
        assert unit.is_right(*answer.args) == answer.right, answer.why


@pytest.mark.parametrize("unit_id", unit_ids())
def test_every_message_of_a_unit_is_shown_by_its_corpus(unit_id):
    unit = BY_ID[unit_id]
    shown = {"hint", "solution"}
    for answer in _corpus.corpus(unit):
        shown |= {i.split(":", 1)[1] for i in unit.check(*answer.args).message_ids()
                  if i.startswith(unit.id + ":")}
    unused = set(unit.messages.entries) - shown
    assert not unused, f"{unit.id}: messages no corpus entry shows: {sorted(unused)}"


# --------------------------------------------------------------------------- the notebook
def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell):
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def scaffolds(folder):
    """{unit id: [(notebook path, cell index)]} over the notebooks of ``folder``."""
    found = {}
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        for index, cell in enumerate(_cells(path)):
            if scaffold_unit(cell):
                found.setdefault(scaffold_unit(cell), []).append((path, index))
    return found


ENGLISH, CHINESE = scaffolds(NOTEBOOKS), scaffolds(NOTEBOOKS / "zh")


def test_every_scaffold_names_a_registered_unit():
    assert set(ENGLISH) <= set(registry.UNITS) and set(CHINESE) <= set(registry.UNITS)


@pytest.mark.parametrize("unit_id", unit_ids())
def test_each_unit_has_one_scaffold_cell_that_calls_its_checker(unit_id):
    assert len(ENGLISH.get(unit_id, [])) == 1, f"{unit_id}: scaffold cells {ENGLISH.get(unit_id)}"
    (path, index), = ENGLISH[unit_id]
    cell = _cells(path)[index]
    assert cell["cell_type"] == "code" and f"{unit_id}(" in _source(cell)
    zh = [(p.name, i) for p, i in CHINESE.get(unit_id, [])]
    assert zh == [(path.name, index)], f"{unit_id}: the Chinese edition's scaffold {zh}"


def context_sources(unit):
    """The code the unit's solution may rely on, then the scaffold cell's source."""
    (path, index), = ENGLISH[unit.id]
    cells = _cells(path)
    code = [i for i in range(index) if cells[i]["cell_type"] == "code"]
    if unit.context == "notebook":
        before = code
    else:  # the setup cell, and the code cells of this exercise (after its text)
        text = max(i for i in range(index) if cells[i]["cell_type"] == "markdown")
        before = [code[0]] + [i for i in code if i > text]
    return [_source(cells[i]) for i in before], _source(cells[index])


def run_cells(sources):
    """Run notebook cells in one namespace (IPython magics dropped); the value of the last
    cell's last expression, as a notebook would display it.  What a setup cell switches on for
    the whole notebook (``slidestyle.use()``: matplotlib's rcParams, the diagrams' slide style)
    is switched off again, so that it never reaches the tests that run after this one."""
    with matplotlib.rc_context():
        try:
            return _run_cells(sources)
        finally:
            set_slide_style(False)


def _run_cells(sources):
    namespace = {}
    *first, last = ["\n".join(line for line in s.splitlines() if not line.lstrip().startswith("%"))
                    for s in sources]
    for source in first:
        exec(compile(source, "<cell>", "exec"), namespace)
    tree = ast.parse(last)
    tail = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    return eval(compile(ast.Expression(tail.value), "<cell>", "eval"), namespace) if tail else None


@pytest.mark.parametrize("unit_id", unit_ids())
def test_the_solution_in_place_of_the_scaffold_gets_a_tick(unit_id):
    unit = BY_ID[unit_id]
    before, _ = context_sources(unit)
    verdict = run_cells(before + [unit.solution_code])
    assert verdict is not None and verdict.correct, repr(verdict)


@pytest.mark.parametrize("unit_id", unit_ids())
def test_the_committed_scaffold_gets_the_still_empty_answer(unit_id):
    unit = BY_ID[unit_id]
    verdict = run_cells(list(context_sources(unit)[0]) + [context_sources(unit)[1]])
    assert not verdict and verdict.kind == "input", repr(verdict)
    assert verdict.help is not None and f"{unit_id}.hint()" in repr(verdict)


@pytest.mark.parametrize("unit_id", unit_ids())
def test_the_notebook_states_the_data_the_checker_judges(unit_id):
    unit = BY_ID[unit_id]
    (path, _), = ENGLISH[unit_id]
    text = " ".join(" ".join(_source(c).split()) for c in _cells(path))
    assert unit.stated, f"{unit_id}: say which phrases of the notebook state its data"
    for phrase in unit.stated:
        assert " ".join(phrase.split()) in text, f"{path.name} does not say {phrase!r}"


# --------------------------------------------------------------------------- hint and solution
@pytest.mark.parametrize("unit_id", unit_ids())
@pytest.mark.parametrize("language", ["en", "zh"])
def test_hint_then_solution_render_in_both_languages(unit_id, language):
    unit = BY_ID[unit_id]
    set_language(language)
    try:
        hint, solution = unit.check.hint(), unit.check.solution()
        hint_md, hint_text = hint._repr_markdown_(), repr(hint)
        solution_md, solution_text = solution._repr_markdown_(), repr(solution)
    finally:
        set_language("en")
    assert f"`{unit_id}.solution()`" in hint_md  # the hint leads on to the solution
    assert f"```python\n{unit.solution_code.rstrip()}\n```" in solution_md
    assert unit.solution_code.rstrip() in solution_text
    for plain in (hint_text, solution_text.replace(unit.solution_code.rstrip(), "")):
        assert "**" not in plain and "`" not in plain, plain
    if language == "zh":
        assert CJK.search(hint_text) and CJK.search(solution_text)


@pytest.mark.parametrize("unit_id", unit_ids())
def test_a_verdict_renders_as_markdown_and_plain_text_in_the_language_of_the_moment(unit_id):
    unit = BY_ID[unit_id]
    slip = next(a for a in _corpus.corpus(unit) if not a.right)
    verdict = unit.check(*slip.args)  # made in English ...
    assert repr(verdict).startswith("✘ Not yet — ")
    assert verdict._repr_markdown_().startswith("**✘ Not yet** — ")
    assert verdict._repr_markdown_().endswith(f"\n\nStuck? `{unit_id}.hint()` gives a hint.")
    assert "**" not in repr(verdict) and "`" not in repr(verdict)
    set_language("zh")
    try:  # ... shown again after the switch: in Chinese
        assert repr(verdict).startswith("✘ 还不对 — ")
        assert verdict._repr_markdown_().startswith("**✘ 还不对** — ")
        assert f"`{unit_id}.hint()`" in verdict._repr_markdown_()
    finally:
        set_language("en")
