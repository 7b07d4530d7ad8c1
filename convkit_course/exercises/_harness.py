"""Running a student's function the way a checker should: on hidden cases, guarded, twice.

A function checker judges what the student *wrote*, not the one example the notebook shows:

* :class:`Case` — one set of arguments, the words that name it in a hint ("for I=9, K=2, …"),
  and whether the notebook shows it.  Cases the notebook shows come first; the others are the
  hidden ones, chosen wide enough (other sizes, strides, paddings, dilations, batch and
  channel counts) that a value hard-coded from the visible example cannot pass.
* :func:`call_guarded` — calls the function on copies of the arguments, checks that it left
  its inputs alone (:class:`InputGuard`: copy, call, compare), calls it a second time on fresh
  copies and checks that it gives the same result, and that its first result did not change
  meanwhile (state kept between calls, a buffer handed out twice).  Layer checkers use
  :class:`InputGuard` directly for what a layer caches (``layer.weight`` before and after
  ``backward``).
* :func:`check_function` — runs every case, then answers with the first thing that names
  the mistake: a known slip that explains every result ("the stride is hard-coded to 2"),
  else the first failing case — saying so when the notebook's own examples all pass and only
  a hidden case fails.

Every text comes from the core catalog (``_core.toml``: ``case.*``).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from ._core import (CORE, Reject, Verdict, as_function, call_student, correct, fallback, fmt,
                    join_slips, not_yet)

__all__ = ["Case", "InputGuard", "call_guarded", "check_function", "same_value"]


@dataclass(frozen=True)
class Case:
    """One call of a student's function: ``args``, the words ``where`` that name the case in a
    hint (a Message such as ``for I=9, K=2, S=4, P=3, D=3``), and ``hidden``: False for the
    cases the notebook shows."""

    args: tuple
    where: object
    hidden: bool = True


# --------------------------------------------------------------------------- in-place changes
def _copy(value):
    if isinstance(value, np.ndarray):
        return value.copy()
    try:
        return copy.deepcopy(value)
    except Exception:  # a module, a lock ...: nothing a student would change in place
        return value


def same_value(a, b):
    """Exactly equal: arrays by shape, dtype-free values and NaN positions; else ``==``."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        try:
            a, b = np.asarray(a), np.asarray(b)
            return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"
                                                              and b.dtype.kind in "fc"))
        except Exception:
            return False
    try:
        return bool(a == b)
    except Exception:
        return a is b


class InputGuard:
    """Copies of named inputs, taken now, to check later that nothing changed them in place.

        guard = InputGuard(where, x=x, w=layer.weight)
        y = student_forward(x)          # ... the student's code runs
        guard.check()                   # Reject naming the first input that changed
    """

    def __init__(self, where, **inputs):
        self.where = where
        self.inputs = inputs
        self.copies = {name: _copy(value) for name, value in inputs.items()}

    def fresh(self):
        """New copies of the inputs as they were, for another call."""
        return {name: _copy(value) for name, value in self.copies.items()}

    def changed(self):
        """Names of the inputs that no longer equal their copies."""
        return [name for name, value in self.inputs.items()
                if not same_value(value, self.copies[name])]

    def check(self):
        for name in self.changed():
            raise Reject(not_yet(CORE("case.changed_input", where=self.where, name=name)))


def call_guarded(function, args, *, where, names, twice=True):
    """``function(*copies of args)``, checked for in-place changes and for state between
    calls (see the module docstring); a failure raises :class:`Reject` with the hint."""
    guard = InputGuard(where, **{name: _copy(value) for name, value in zip(names, args)})
    first = call_student(function, *guard.inputs.values(), where=where)
    guard.check()
    if twice:
        kept = _copy(first)
        second = call_student(function, *guard.fresh().values(), where=where)
        if not same_value(kept, first):
            raise Reject(not_yet(CORE("case.result_changed", where=where)))
        if not same_value(second, first):
            raise Reject(not_yet(CORE("case.second_call", where=where)))
    return first


# --------------------------------------------------------------------------- judging on cases
def _quiet(function, args):
    """A slip's (or the reference's) value on one case; None where it is undefined."""
    try:
        with np.errstate(all="ignore"):
            return function(*args)
    except Exception:
        return None


def check_function(function, cases, reference, *, names, read, same, slips=(), name=None,
                   show=fmt, praise=None):
    """Judge a student's ``function`` on ``cases`` against ``reference``; a :class:`Verdict`.

    ``read(result)`` turns what the function returns into a comparable value (or raises
    :class:`Reject`, e.g. :func:`~._core.as_number`); ``same(got, want)`` compares;
    ``slips`` are ``(slip_function, Message)`` pairs: what a student's function computes when
    it makes that slip; ``names`` name the arguments in an in-place hint; ``show`` writes a
    value in a hint.  ``praise`` defaults to "right on all N cases …".
    """
    function = as_function(function)
    name = name if name is not None else CORE("name.function")
    got = []
    for case in cases:
        try:
            result = call_guarded(function, case.args, where=case.where, names=names)
        except Reject as reject:
            reject.case = case  # the checker may name a slip from the case and the error
            raise
        try:
            got.append(read(result))
        except Reject as reject:
            verdict = reject.verdict
            raise Reject(Verdict(False, CORE("case.where_hint", where=case.where,
                                             hint=verdict.message), verdict.kind)) from None
    want = [reference(*case.args) for case in cases]
    wrong = [i for i in range(len(cases)) if not same(got[i], want[i])]
    if not wrong:
        visible = sum(not case.hidden for case in cases)
        return correct(praise if praise is not None else CORE(
            "case.praise", count=len(cases), visible=visible, hidden=len(cases) - visible))
    first = wrong[0]
    example = dict(where=cases[first].where, got=show(got[first]), want=show(want[first]))
    everywhere = [hint for slip, hint in slips
                  if all(same(got[i], _quiet(slip, case.args)) for i, case in enumerate(cases))]
    if everywhere:
        return not_yet(CORE("case.slip", hint=join_slips(everywhere), **example))
    here = [hint for slip, hint in slips if same(got[first], _quiet(slip, cases[first].args))]
    if here:  # this case fits a slip, others fit none: name the slip and the case
        return not_yet(CORE("case.slip", hint=join_slips(here), **example))
    counts = dict(wrong=len(wrong), count=len(cases))
    if all(cases[i].hidden for i in wrong):
        return fallback(CORE("case.wrong_hidden", name=name, **example, **counts))
    return fallback(CORE("case.wrong", name=name, **example, **counts))
