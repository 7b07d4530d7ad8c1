"""Checkers for notebook 02 · the forward map (one exercise unit each).

    from convkit_course.exercises import ex02
    ex02.window_ids(answer)     # exercise 1: the input ids output 5 reads, in kernel-id order
    ex02.forward_one(my_fn)     # exercise 2: my_fn(x, k, r, c) -> output (r, c), on hidden cases

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
