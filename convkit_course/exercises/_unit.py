"""An exercise unit: one checker with everything that belongs to it, in one folder.

    convkit_course/exercises/ex01/output_shape/
        __init__.py     the problem's data, the checker, SOLUTION (code text), UNIT = Unit(...)
        messages.toml   every text it shows, English + Chinese, under stable ids
        corpus.py       what students hand in: right variants and known slips (_corpus.py)

The unit's id is how a notebook calls its checker: ``ex01.output_shape``.  The registry
(``registry.py``) lists the ids; a notebook package (``ex01/__init__.py``) exports its units.

:class:`Unit` ties the pieces together and gives the checker its help:

* ``ex01.output_shape.hint()`` — the unit's ``hint`` message: the way in, not the answer;
* ``ex01.output_shape.solution()`` — its ``solution`` message (a short explanation) and the
  code of :attr:`Unit.solution_code`, the notebook's scaffold cell filled in;
* every verdict that is not yet right ends with how to ask for the hint (``help.stuck``).

The instructor edition replaces the notebook cell whose metadata says
``{"convkit": {"exercise": "ex01.output_shape"}}`` with :attr:`Unit.solution_code`.
"""
from __future__ import annotations

from ..i18n import Catalog, get_language, spaced
from ._core import CORE, Shown

__all__ = ["Unit", "unit_messages", "unit_id", "Reveal", "scaffold_unit"]

_PACKAGE = __name__.rpartition(".")[0]  # convkit_course.exercises


def scaffold_unit(cell):
    """The id of the unit whose scaffold ``cell`` is (a notebook cell as a dict or nbformat
    node), from ``cell.metadata["convkit"]["exercise"]``; None for any other cell."""
    meta = cell.get("metadata", {}).get("convkit", {})
    return meta.get("exercise") if isinstance(meta, dict) else None


def unit_id(module_name):
    """``convkit_course.exercises.ex01.output_shape`` -> ``ex01.output_shape``."""
    return module_name.removeprefix(_PACKAGE + ".")


def unit_messages(module_name, module_file):
    """The catalog of a unit: ``messages.toml`` beside its ``__init__.py``, labelled by id."""
    return Catalog.beside(module_file, "messages.toml", label=unit_id(module_name))


class Unit:
    """One exercise: its ``check``er, its ``messages`` (a Catalog with ``hint`` and
    ``solution`` ids), ``solution_code`` (the scaffold cell, filled in) and ``is_right``.

    ``is_right(*args) -> bool`` says whether an answer is right *without* the checker's slip
    logic (from the reference and the answer policy); the corpus tests use it to show that no
    known slip gives the right answer on the exercise's data.

    ``fields``: a dict, or a function returning one, of the fields the ``hint`` and
    ``solution`` messages quote (numbers taken from the exercise's data, so they cannot drift).

    ``stated``: phrases the notebook must contain (its markdown or code), built from the data
    the checker judges — so the exercise the notebook states and the one the checker judges
    cannot drift apart.

    ``context``: the notebook cells the solution code may use — ``"exercise"`` (default: the
    notebook's setup cell and the code cells of its own exercise, between the exercise's text
    and the scaffold) or ``"notebook"`` (every code cell above the scaffold).
    """

    def __init__(self, check, *, messages, solution_code, is_right, fields=None, stated=(),
                 context="exercise"):
        if context not in ("exercise", "notebook"):
            raise ValueError(f"Unit: context must be 'exercise' or 'notebook', got {context!r}")
        for needed in ("hint", "solution"):
            if needed not in messages:
                raise ValueError(f"{messages.path}: a unit needs a [{needed}] message")
        self.check = check
        self.messages = messages
        self.id = messages.label
        self.solution_code = solution_code.strip("\n") + "\n"
        self.is_right = is_right
        self._fields = fields if fields is not None else {}
        self.stated = tuple(stated)
        self.context = context
        check.unit = self
        check.hint = self.hint
        check.solution = self.solution

    @property
    def fields(self):
        return dict(self._fields() if callable(self._fields) else self._fields)

    @property
    def module(self):
        return f"{_PACKAGE}.{self.id}"

    def stuck(self):
        """The last line of a verdict that is not yet right."""
        return CORE("help.stuck", call=self.id)

    def hint(self):
        """The unit's hint, then how to see the solution (shown in the current language)."""
        return Reveal(CORE("hint.title", call=self.id), self.messages("hint", **self.fields),
                     footer=CORE("hint.more", call=self.id))

    def solution(self):
        """The worked solution: a short explanation and the code of the filled-in cell."""
        return Reveal(CORE("solution.title", call=self.id),
                     self.messages("solution", **self.fields),
                     code=self.solution_code)

    def __repr__(self):
        return f"Unit({self.id})"


class Reveal(Shown):
    """A hint or a solution as a notebook shows it: Markdown, or plain text in a terminal;
    rendered when displayed, so ``set_language`` applies to it like to a verdict."""

    def __init__(self, title, body, footer=None, code=None):
        self.title, self.body, self.footer, self.code = title, body, footer, code

    def render(self, language=None, markdown=False):
        language = language or get_language()
        parts = [self.title.render(language, markdown=markdown),
                 spaced(self.body.render(language, markdown=markdown), language)]
        if self.code is not None:
            parts.append(f"```python\n{self.code.rstrip()}\n```" if markdown else self.code.rstrip())
        if self.footer is not None:
            parts.append(spaced(self.footer.render(language, markdown=markdown), language))
        return "\n\n".join(parts)
