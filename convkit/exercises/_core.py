"""What every checker shares: the verdict object and the array comparison with hints."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..direct import conv2d_loops

__all__ = ["Verdict", "compare_array", "correct", "not_yet", "judge_number", "shape_hint",
           "correlate_2d"]


@dataclass(frozen=True)
class Verdict:
    """A checker's answer: truthy when correct; shows as one readable line in a notebook."""

    correct: bool
    message: str

    def __bool__(self):
        return self.correct

    def __repr__(self):
        return ("✅ Correct — " if self.correct else "❌ Not yet — ") + self.message

    __str__ = __repr__


def correct(message="well done."):
    return Verdict(True, message)


def not_yet(message):
    return Verdict(False, message)


def compare_array(answer, expected, name="your answer", *, rtol=1e-6, atol=1e-8, mistakes=(),
                  praise="well done."):
    """Judge ``answer`` against ``expected``; return a :class:`Verdict` with a specific hint.

    ``mistakes`` is a sequence of ``(wrong_array, hint)`` pairs: answers a student typically
    gives (e.g. the kernel not rotated); when ``answer`` equals one of them, its hint is given.
    """
    if answer is None or answer is Ellipsis:
        return not_yet(f"{name} is still empty: replace the ... / None with your code.")
    try:
        answer = np.asarray(answer)
    except Exception:  # a student may hand in anything
        return not_yet(f"{name} should be an array, got {type(answer).__name__}.")
    expected = np.asarray(expected)
    if not (np.issubdtype(answer.dtype, np.number) or answer.dtype == np.bool_):
        return not_yet(f"{name} should hold numbers, got dtype {answer.dtype}.")
    if answer.shape != expected.shape:
        if answer.size == expected.size:
            return not_yet(f"{name} has the right number of entries ({answer.size}) but shape "
                           f"{answer.shape}; expected {expected.shape} — reshape it.")
        return not_yet(f"{name} has shape {answer.shape}; expected {expected.shape}.")
    if np.allclose(answer, expected, rtol=rtol, atol=atol):
        return correct(praise)
    for wrong, hint in mistakes:
        wrong = np.asarray(wrong)
        if wrong.shape == answer.shape and np.allclose(answer, wrong, rtol=rtol, atol=atol):
            return not_yet(f"{name} has the right shape, but {hint}")
    bad = np.argwhere(~np.isclose(answer, expected, rtol=rtol, atol=atol))
    first = tuple(int(i) for i in bad[0])
    return not_yet(f"{name} has the right shape, but {len(bad)} of {answer.size} entries differ; "
                   f"the first is at index {first}: got {answer[first].item()!r}, expected "
                   f"{expected[first].item()!r}.")


def judge_number(answer, expected, hints, praise, fallback):
    """Judge a numeric answer: ``praise`` when right, ``hints[answer]`` for a known slip
    (a {wrong value: hint} dict), else ``fallback`` (a hint on how to count)."""
    if answer == expected:
        return correct(praise)
    if answer in hints:
        return not_yet(hints[answer])
    return not_yet(f"{answer} is not it: {fallback}")


def shape_hint(answer, hints):
    """A specific hint when ``answer`` has one of the shapes in ``hints`` ({shape: hint})."""
    if answer is None or answer is Ellipsis:
        return None
    try:
        shape = np.shape(answer)
    except Exception:  # ragged lists and the like: compare_array explains
        return None
    return not_yet(hints[shape]) if shape in hints else None


def correlate_2d(x, k):
    """Valid cross-correlation of one-channel 2-D arrays via the literal-loop oracle.

    x (H, W), k (KH, KW) -> (Ho, Wo).  The checkers' expected answers come from here, not
    from the vectorised code a student is learning to write.
    """
    return conv2d_loops(np.asarray(x, float)[None, None], np.asarray(k, float)[None, None])[0, 0]
