"""Checkers for notebook 08 · speed: FLOPs, the memory price of im2col, the stride-1 trick.

    from convkit_course.exercises import ex08
    ex08.forward_flops(answer)          # exercise 1: FLOPs of one forward pass
    ex08.im2col_bytes(answer)           # exercise 2: bytes of an im2col matrix
    ex08.flat_runs(starts, length)      # exercise 3: each tap's run in the flattened 5x5 input

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
