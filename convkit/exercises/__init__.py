"""Checkers for the notebooks' exercises: one module per notebook (``ex01``, ``ex03``, ...).

Every checker returns a :class:`Verdict`: ``✅ Correct`` or ``❌ Not yet`` followed by a
specific hint — never a bare assertion error.  Import one in a notebook with
``from convkit.exercises import ex03``.
"""
from ._core import Verdict, compare_array

__all__ = ["Verdict", "compare_array"]
