"""The corpus of a unit: what students hand in, right and wrong, and what each must get back.

Each unit folder holds ``corpus.py`` with one list, ``CORPUS``, built from two helpers::

    from convkit_course.exercises._corpus import right, slip

    CORPUS = [
        right((5, 4), why="the formula on both axes"),
        right(np.array([[[[0]]]]).shape[:2] + (5, 4), why="the NCHW shape (1, 1, 5, 4)"),
        slip((6, 4), hint="slip.rounded_up", why="ceil((16 - 7) / 2) + 1 = 6 ..."),
        slip((4, 5), hint="core:compare.transposed", why="(width, height)"),
    ]

* ``right(*args, why=...)``: an answer the checker must praise (``*args``: the checker's
  arguments, usually one);
* ``slip(*args, hint=..., why=...)``: a wrong answer and the id of the message that names the
  slip — a message of the unit's ``messages.toml`` (``"slip.rounded_up"``) or of the core
  catalog (``"core:answer.empty"``).  The checker's verdict must contain that message.
  ``hint=None`` marks a known slip the checker cannot name yet (it counts against the 90 % bar);
* ``other(*args, why=...)``: a wrong answer no known slip explains (a product missed, a typo):
  it must get ✘ — the unit's ``fallback`` message — and is not counted as a slip.

Write the entries the way a student slips, from the exercise's text — work the wrong answer
out, as a student would, with the slip in it — never from the checker's code.  The generic
tests (``tests/test_exercise_units.py``) run every unit's corpus in both languages: no ✔ for a
slip, no right answer rejected, no crash, every slip named by its hint, and no slip that gives
the right answer on the exercise's data (``Unit.is_right``).
``python -m convkit_course.exercises._corpus`` prints the figures per unit.
"""
from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass

__all__ = ["Answer", "right", "slip", "other", "corpus", "judge", "figures"]

CRASH = {"core:checker.unreadable", "core:checker.bug"}


@dataclass(frozen=True)
class Answer:
    """One corpus entry: the checker's ``args``, ``why`` (how a student gets there), its
    ``kind`` ("right", "slip" or "other") and, for a slip, ``hint``: the id of the message that
    must name it."""

    args: tuple
    why: str
    kind: str
    hint: str | None = None

    @property
    def right(self):
        return self.kind == "right"

    def hint_id(self, unit):
        """The qualified message id: ``"core:..."`` as written, else ``"<unit id>:<hint>"``."""
        if self.hint is None:
            return None
        return self.hint if ":" in self.hint else f"{unit.id}:{self.hint}"


def right(*args, why):
    return Answer(args, why, "right")


def slip(*args, hint, why):
    return Answer(args, why, "slip", hint)


def other(*args, why):
    return Answer(args, why, "other")


def corpus(unit):
    """The ``CORPUS`` list of ``unit`` (its ``corpus.py``)."""
    return importlib.import_module(f"{unit.module}.corpus").CORPUS


@dataclass
class Outcome:
    answer: Answer
    verdict: object
    problem: str | None  # None: as it should be; else what went wrong

    @property
    def named(self):
        return self.answer.kind == "slip" and self.problem is None and self.answer.hint is not None


def judge(unit, answer):
    """Run one corpus entry through its unit's checker -> :class:`Outcome`."""
    verdict = unit.check(*answer.args)
    ids = verdict.message_ids()
    if ids & CRASH:
        problem = "crash"
    elif answer.right:
        problem = None if verdict.correct else "right answer rejected"
    elif verdict.correct:
        problem = "false ✔"
    elif answer.kind == "other":
        problem = None
    elif answer.hint is None:
        problem = None  # a known slip no hint names yet: counted, not failed
    elif verdict.kind == "generic":
        problem = "generic hint"
    elif answer.hint_id(unit) not in ids:
        problem = f"not named by {answer.hint_id(unit)}"
    else:
        problem = None
    return Outcome(answer, verdict, problem)


def figures(unit):
    """Counts for one unit: cases, rights, slips, others, false ✔, rights rejected, crashes,
    slips named by their hint, slips that got the generic hint."""
    outcomes = [judge(unit, answer) for answer in corpus(unit)]
    slips = [o for o in outcomes if o.answer.kind == "slip"]
    return {
        "cases": len(outcomes),
        "right": sum(o.answer.right for o in outcomes),
        "slips": len(slips),
        "others": sum(o.answer.kind == "other" for o in outcomes),
        "false ✔": sum(o.problem == "false ✔" for o in outcomes),
        "rejected": sum(o.problem == "right answer rejected" for o in outcomes),
        "crashes": sum(o.problem == "crash" for o in outcomes),
        "named": sum(o.named for o in slips),
        "generic": sum(o.verdict.kind == "generic" for o in slips),
    }


def main(argv=()):
    from .registry import units

    columns = ("cases", "right", "slips", "others", "false ✔", "rejected", "crashes", "named",
               "generic")
    print(f"{'unit':28}" + "".join(f"{c:>9}" for c in columns))
    total = dict.fromkeys(columns, 0)
    for unit in units():
        row = figures(unit)
        print(f"{unit.id:28}" + "".join(f"{row[c]:>9}" for c in columns))
        total = {c: total[c] + row[c] for c in columns}
    print(f"{'all':28}" + "".join(f"{total[c]:>9}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
