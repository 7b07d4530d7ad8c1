"""Checkers for notebook 03 · the input gradient (one exercise unit each).

    from convkit_course.exercises import ex03
    dz, k = ex03.dx_problem()   # exercise 1: dZ (3 x 4) and a 3 x 3 kernel of a 5 x 6 input
    ex03.input_gradient(dx)     #             dX (5 x 6): pad dZ by K - 1, correlate with rot180(k)
    ex03.participation(counts)  # exercise 2: participation counts, 5 x 7 input, 4 x 3 kernel

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
