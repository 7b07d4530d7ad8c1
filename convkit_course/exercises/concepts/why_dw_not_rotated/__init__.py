"""Notebook 04's question: why is dW not rotated while dX is?  A choice letter.

    concepts.why_dw_not_rotated("b")

Each wrong letter is a misconception with its own answer; anything that is not one letter
among a–d says what form the answer takes.
"""
from __future__ import annotations

from ..._core import Reject, bad_input, checker, correct, is_empty, not_yet
from ..._unit import Unit, unit_messages

__all__ = ["why_dw_not_rotated"]

M = unit_messages(__name__, __file__)

OPTIONS = "abcd"
RIGHT = "b"


def _letter(answer):
    """A letter among :data:`OPTIONS` (case, spaces, brackets and a full stop ignored), or
    :class:`Reject` with the hint on the answer's form."""
    if is_empty(answer):
        raise Reject(bad_input(M("form.empty")))
    if not isinstance(answer, str):
        raise Reject(bad_input(M("form.not_text", kind=type(answer).__name__)))
    letter = answer.strip().strip("()[]. ").lower()
    if len(letter) > 1 and set(letter) <= set(OPTIONS + " ,"):
        raise Reject(not_yet(M("form.several", got=answer[:20])))
    if letter not in OPTIONS:
        raise Reject(bad_input(M("form.not_a_letter", letters=", ".join(OPTIONS),
                                 got=answer[:20])))
    return letter


@checker
def why_dw_not_rotated(answer):
    """Why dW is not rotated while dX is (a choice letter)."""
    letter = _letter(answer)
    if letter == RIGHT:
        return correct(M("praise"))
    return not_yet(M(f"slip.{letter}"))


def _is_right(answer):
    try:
        return _letter(answer) == RIGHT
    except Reject:
        return False


SOLUTION = """
from convkit_course.exercises import concepts

# dW[i, j] = sum dZ[a, b] * X[i + a, j + b]: the indices of dZ and X grow together (a correlation).
# dX at input p collects dZ[o] * K[p - o]: the kernel index runs against the output's.
answer = "b"
concepts.why_dw_not_rotated(answer)
"""

UNIT = Unit(why_dw_not_rotated, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["Why is dW **not** rotated"])
