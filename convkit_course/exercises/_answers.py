"""Answers of exercise units: counts and arrays against named slips, arrays written in a hint.

:func:`judge_count` judges a number worked out by hand (an output width, a count of terms):
right -> ✔; the value of one or more known slips -> their hints, named together; a fraction
where a count is asked -> the core hint; else the unit's catch-all hint.

:func:`judge_array` judges an array a student hands in (dX worked out in a cell, a table of
counts): right -> ✔; the array of a known slip -> that slip's hint (any shape: a slip often
changes the shape, a 7 × 7 dX from padding twice); else :func:`~._core.compare_array`, which
names the slips any array shows (transposed, rotated, scaled, rounded …) and the shape asked
for.  The one shape rule of ``_core.conform_shape`` applies to the answer and to every slip.

:func:`same_array` and :func:`show_array` are the ``same`` and ``show`` of
:func:`~._harness.check_function` for functions that return arrays: the shape rule, and a
value written without words (``5×5 [[0.12, -0.3, …], …]``) so that a hint reads the same in
every language.
"""
from __future__ import annotations

import numpy as np

from ._core import (CORE, Reject, as_array, as_number, compare_array, conform_shape, correct,
                    fallback, fmt, join_slips, not_yet, number_note)
from ._harness import call_guarded, check_function

__all__ = ["judge_count", "is_count", "judge_array", "is_array", "matching", "same_array",
           "show_array", "read_array", "Shaped", "check_in_stages", "right_on_cases"]


def judge_count(answer, right, slips, *, praise, catch_all, name=None, whole=True):
    """The verdict on a number ``answer`` whose right value is ``right``.

    ``slips``: ``(value, Message)`` pairs, the number a student gets with that slip (several
    slips may give one value: all are named).  ``catch_all``: the unit's fallback hint.  With
    ``whole``, a fraction that no slip explains gets the core "not a whole number" hint."""
    name = name if name is not None else CORE("name.answer")
    value = as_number(answer, name)
    if np.isclose(value, right, rtol=1e-9, atol=1e-9):
        return number_note(answer, correct(praise))
    hits = matching(value, slips, lambda a, b: bool(np.isclose(a, b, rtol=1e-9, atol=1e-9)))
    if hits:
        return not_yet(join_slips(hits))
    if whole and value != np.floor(value):
        raise Reject(not_yet(CORE("answer.not_whole", name=name, value=fmt(value))))
    return fallback(CORE("number.not_it", value=fmt(value), hint=catch_all))


def _strip(shape):
    shape = tuple(shape)
    while len(shape) > 1 and shape[0] == 1:
        shape = shape[1:]
    return shape


class Shaped:
    """What a slip is known by when its numbers are not: an array of ``shape`` (a dW with the
    input's shape, a kernel's height and width swapped) — :func:`same_array` compares shapes."""

    def __init__(self, shape):
        self.shape = tuple(shape)


def same_array(got, want, rtol=1e-5, atol=1e-5):
    """``got`` equals ``want`` under the shape rule (:func:`~._core.conform_shape`), to the
    precision of float32 arithmetic (``atol`` is relative to the largest entry of ``want``):
    False for None or anything that is not numbers.  A :class:`Shaped` ``want`` asks for its
    shape only; a ``want`` of None or an empty array (a slip that raised, or gave nothing,
    there) is matched by an empty ``got``."""
    if got is None:
        return False
    if want is None or _empty(want):
        return _empty(got)
    if isinstance(want, Shaped):
        return _strip(np.shape(got)) == _strip(want.shape)
    try:
        got = np.asarray(got, dtype=float)
        want = np.asarray(want, dtype=float)
    except (TypeError, ValueError):
        return False
    got, _ = conform_shape(got, want.shape)
    if got.shape != want.shape:
        return False
    scale = max(1.0, float(np.max(np.abs(want)))) if want.size else 1.0
    return bool(np.allclose(got, want, rtol=rtol, atol=atol * scale))


def _matches(answer, wrong, rtol, atol):
    wrong = np.asarray(wrong, dtype=float)
    conformed, _ = conform_shape(answer, wrong.shape)
    return conformed.shape == wrong.shape and bool(np.allclose(conformed, wrong, rtol=rtol,
                                                               atol=atol))


def is_count(answer, right):
    """Whether ``answer`` is the number ``right`` under the answer policy (the ``is_right`` of a
    count unit: no slip logic)."""
    try:
        return as_number(answer) == right
    except Reject:
        return False


def is_array(answer, expected):
    """Whether ``answer``, read by the answer policy (:func:`~._core.as_array`), is
    ``expected`` under the shape rule (the ``is_right`` of an array unit: no slip logic)."""
    try:
        return same_array(as_array(answer), expected)
    except Reject:
        return False


def _key(hint):
    """Two hints with the same id and fields are one hint (a slip listed twice)."""
    fields = getattr(hint, "fields", {})
    return getattr(hint, "qualified_id", id(hint)), repr(sorted(fields.items(), key=str))


def matching(value, slips, same):
    """The hints of every slip ``(answer, Message)`` whose answer is ``same`` as ``value``, each
    hint once (several slips may land on one answer: all are named)."""
    hits, seen = [], set()
    for wrong, hint in slips:
        if wrong is None or _key(hint) in seen:
            continue
        if same(value, wrong):
            hits.append(hint)
            seen.add(_key(hint))
    return hits


def judge_array(answer, expected, name=None, *, slips=(), shapes=None, praise=None,
                rtol=1e-6, atol=1e-8):
    """The verdict on an array ``answer`` (see the module docstring).

    ``slips``: ``(array, Message)`` pairs, what a student hands in with that slip, any shape;
    two slips giving the same array are named together.  ``shapes``: ``{shape: Message}`` for
    wrong shapes no slip array explains.  Raises :class:`~._core.Reject` for what is not an
    array of numbers (the :func:`~._core.checker` turns it into the hint)."""
    name = name if name is not None else CORE("name.answer")
    values = as_array(answer, name)
    expected = np.asarray(expected, dtype=float)
    conformed, note = conform_shape(values, expected.shape)
    if conformed.shape == expected.shape and np.allclose(conformed, expected, rtol=rtol,
                                                         atol=atol):
        verdict = correct(praise)
        return verdict.with_note(note) if note is not None else verdict
    hits = matching(values, slips, lambda a, b: _matches(a, b, rtol, atol))
    if hits:
        return not_yet(join_slips(hits))
    return compare_array(values, expected, name, rtol=rtol, atol=atol, praise=praise,
                         shapes=shapes)


def read_array(result, name=None):
    """What a student's function returned, as a float array (:class:`~._core.Reject` with the
    hint when it is not an array of numbers): the ``read`` of ``check_function``.  An empty
    array is read as it is — a wrong answer whose slip (dZ not spread, a crop past the end)
    can then be named."""
    name = name if name is not None else CORE("name.returned")
    try:
        return as_array(result, name)
    except Reject:
        if isinstance(result, (np.ndarray, list, tuple)) and np.size(result) == 0:
            try:
                return np.asarray(result, dtype=float)
            except (TypeError, ValueError):
                pass
        raise


def show_array(value):
    """A value as a hint writes it, without words: a number as a student writes it, a small
    array in full, a larger one as its size and first entries: ``5×5 [[0.12, -0.3, …], …]``."""
    if value is None:
        return "None"
    array = np.asarray(value)
    if array.ndim == 0:
        return fmt(array[()])
    if array.size <= 6:
        return _nested(array)
    size = "×".join(str(n) for n in array.shape)
    first = array.reshape(-1, array.shape[-1])[0]
    row = ", ".join(fmt(round(float(v), 4)) for v in first[:3])
    more = ", …" if first.size > 3 else ""
    opening, closing = "[" * array.ndim, "]"
    return f"{size} {opening}{row}{more}{closing}" + (", …]" + "]" * (array.ndim - 2)
                                                       if array.ndim > 1 else "")


def _nested(array):
    if array.ndim == 1:
        return "[" + ", ".join(fmt(round(float(v), 4)) for v in array) + "]"
    return "[" + ", ".join(_nested(sub) for sub in array) + "]"


# --------------------------------------------------------------------------- functions, in stages
def _value(function, args):
    """``function(*args)``, or None when it raises."""
    try:
        with np.errstate(all="ignore"):
            return function(*args)
    except Exception:
        return None


def _copies(args):
    return [arg.copy() if isinstance(arg, np.ndarray) else arg for arg in args]




def check_in_stages(function, cases, reference, *, slips=(), **options):
    """:func:`~._harness.check_function` on the notebook's cases first, then on all of them.

    A slip is named from the cases the notebook shows when the function already fails there
    (a hidden case that makes the wrong code raise cannot hide it) — unless a slip explains
    every case, which then tells apart slips that look alike on the notebook's few.  When the
    function raises, the slips that raise on that case too — and on the cases before it agree
    with what the function gave there — are named with that case (a window hard-coded to
    3 × 3 fails on the first 3 × 2 kernel).  ``options`` go to ``check_function`` (``names``,
    ``read``, ``same``, ``show``, ``name``, ``praise``)."""
    visible = [case for case in cases if not case.hidden]
    if visible and len(visible) < len(cases):
        try:
            shown = check_function(function, visible, reference, slips=slips, **options)
        except Reject as reject:
            _name_raising_slip(reject, function, visible, slips, options)
            raise
        if not shown.correct:
            try:  # a slip that explains every case is named more surely than from a few
                everywhere = check_function(function, cases, reference, slips=slips, **options)
            except Reject:
                return shown
            return everywhere if everywhere.kind == "specific" else shown
    try:
        return check_function(function, cases, reference, slips=slips, **options)
    except Reject as reject:
        _name_raising_slip(reject, function, cases, slips, options)
        raise


def _name_raising_slip(reject, function, cases, slips, options):
    """Give ``reject`` (the function raised on ``reject.case``) the hint of the slips that
    fail there too — raise, or return nothing — and agree with the function on the cases
    before it (on the first case, with nothing before it: raise the same exception)."""
    case = getattr(reject, "case", None)
    if case is None or reject.error is None:
        return
    same, read = options["same"], options["read"]
    before = cases[:next(i for i, c in enumerate(cases) if c is case)]
    got = [_value(lambda *args: read(function(*_copies(args))), earlier.args)
           for earlier in before]
    hits = []
    for slip, hint in slips:
        raised = _raised(slip, case.args)
        if raised is None and not _empty(_value(slip, case.args)):
            continue
        if before and all(same(g, _value(slip, earlier.args)) for g, earlier in zip(got, before)):
            hits.append(hint)
        elif not before and raised is type(reject.error):
            hits.append(hint)
    if hits:
        reject.verdict = not_yet(CORE("case.where_hint", where=case.where,
                                      hint=join_slips(hits)))


def _raised(function, args):
    """The type of the exception ``function(*args)`` raises, else None."""
    try:
        with np.errstate(all="ignore"):
            function(*args)
    except Exception as error:
        return type(error)
    return None


def _empty(value):
    try:
        return value is not None and np.size(value) == 0
    except Exception:
        return False


def right_on_cases(function, cases, reference, *, names, read, same):
    """Whether ``function`` is right on every case, leaves its inputs alone and answers the
    same when called twice — the ``is_right`` of a function unit, without any slip logic."""
    try:
        return all(same(read(call_guarded(function, case.args, where=case.where, names=names)),
                        reference(*case.args)) for case in cases)
    except Exception:  # Reject, or anything the function or its result raises
        return False
