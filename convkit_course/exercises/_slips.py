"""Answers judged against the slips that produce them: numbers, arrays, shapes.

A unit lists its known slips as ``(what a student hands in with that slip, Message)`` pairs.
These helpers compare an answer with the right one and with every slip, under the one shape
rule of :func:`~._core.conform_shape`, and name **every** slip that gives the answer (two
slips landing on the same answer are named together with :func:`~._core.join_slips`):

* :func:`judge_count` — a number (a count, a size in bytes);
* :func:`judge_array` — an array (a dX worked out in a cell); when no slip fits it falls back
  on :func:`~._core.compare_array`, which names the slips any array shows (transposed,
  rotated, scaled, rounded …) and the shape asked for;
* :func:`same_array` / :func:`show_array` — ``same`` and ``show`` for
  :func:`~._harness.check_function` when a student's function returns an array.
"""
from __future__ import annotations

import numpy as np

from ._core import (CORE, Reject, as_array, as_number, compare_array, conform_shape, correct,
                    fallback, fmt, join_slips, not_yet, number_note)

__all__ = ["judge_count", "judge_array", "same_array", "show_array", "matching", "is_array", "is_count"]


def _key(hint):
    """Two hints with the same id and fields are one hint (a slip listed twice)."""
    fields = getattr(hint, "fields", {})
    return getattr(hint, "qualified_id", id(hint)), repr(sorted(fields.items(), key=str))


def matching(value, slips, same):
    """The hints of every slip whose answer is ``same`` as ``value``, each hint once."""
    hits, seen = [], set()
    for wrong, hint in slips:
        if wrong is None or _key(hint) in seen:
            continue
        if same(value, wrong):
            hits.append(hint)
            seen.add(_key(hint))
    return hits


def judge_count(answer, right, slips, *, praise, catch_all, name=None, whole=True):
    """A number ``answer`` against ``right`` and ``slips`` ((value, Message) pairs).

    Right -> ✔ (with a note when a one-element list was read as a number); the value of known
    slips -> their hints; with ``whole``, a fraction no slip explains -> the core "not a whole
    number" hint; else the unit's ``catch_all`` (the generic verdict)."""
    name = name if name is not None else CORE("name.answer")
    value = as_number(answer, name)
    close = lambda a, b: bool(np.isclose(a, b, rtol=1e-9, atol=1e-9))  # noqa: E731
    if close(value, right):
        return number_note(answer, correct(praise))
    hits = matching(value, slips, close)
    if hits:
        return not_yet(join_slips(hits))
    if whole and value != np.floor(value):
        raise Reject(not_yet(CORE("answer.not_whole", name=name, value=fmt(value))))
    return fallback(CORE("number.not_it", value=fmt(value), hint=catch_all))


def same_array(got, want, rtol=1e-6, atol=1e-8):
    """``got`` equals ``want`` under the shape rule; False for anything that is not numbers."""
    if got is None or want is None:
        return False
    try:
        got = np.asarray(got, dtype=float)
        want = np.asarray(want, dtype=float)
    except (TypeError, ValueError):
        return False
    got, _ = conform_shape(got, want.shape)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=rtol, atol=atol))


def is_count(answer, expected):
    """Whether ``answer``, read by the answer policy (:func:`~._core.as_number`), is the
    number ``expected`` — a unit's ``is_right`` without its slip logic."""
    try:
        return as_number(answer) == expected
    except Exception:
        return False


def is_array(answer, expected):
    """Whether ``answer``, read by the answer policy (:func:`~._core.as_array`), is
    ``expected`` under the shape rule — a unit's ``is_right`` without its slip logic."""
    try:
        return same_array(as_array(answer), expected)
    except Exception:
        return False


def judge_array(answer, expected, name=None, *, slips=(), shapes=None, praise=None,
                rtol=1e-6, atol=1e-8):
    """An array ``answer`` against ``expected`` and ``slips`` ((array, Message) pairs, any
    shape); ``shapes``: ``{shape: Message}`` for wrong shapes no slip explains.  Raises
    :class:`~._core.Reject` for what is not an array of numbers."""
    name = name if name is not None else CORE("name.answer")
    values = as_array(answer, name)
    expected = np.asarray(expected, dtype=float)
    conformed, note = conform_shape(values, expected.shape)
    if conformed.shape == expected.shape and np.allclose(conformed, expected, rtol=rtol,
                                                         atol=atol):
        verdict = correct(praise)
        return verdict.with_note(note) if note is not None else verdict
    hits = matching(values, slips, lambda a, b: same_array(a, b, rtol, atol))
    if hits:
        return not_yet(join_slips(hits))
    return compare_array(values, expected, name, rtol=rtol, atol=atol, praise=praise,
                         shapes=shapes)


def show_array(value):
    """A value as a hint writes it, without words: a number as a student writes it, a small
    array in full, a larger one as its shape and first entries: ``5×5 [[0.12, -0.3, …], …]``."""
    if value is None:
        return "None"
    array = np.asarray(value)
    if array.ndim == 0:
        return fmt(array[()])
    if array.size <= 8:
        return _nested(array)
    first = array.reshape(-1, array.shape[-1])[0]
    row = ", ".join(fmt(round(float(v), 4)) for v in first[:3])
    more = ", …" if first.size > 3 else ""
    size = "×".join(str(n) for n in array.shape)
    return f"{size} " + "[" * array.ndim + row + more + "]" + (
        ", …]" + "]" * (array.ndim - 2) if array.ndim > 1 else "")


def _nested(array):
    if array.ndim == 1:
        return "[" + ", ".join(fmt(round(float(v), 4)) for v in array) + "]"
    return "[" + ", ".join(_nested(sub) for sub in array) + "]"
