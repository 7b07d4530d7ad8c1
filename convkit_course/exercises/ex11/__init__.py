"""Checkers for notebook 11 · train a tiny CNN.

    from convkit_course.exercises import ex11
    x, dy = ex11.relu_problem()            # exercise 1: x (2, 5) with zeros in it, dy (2, 5)
    ex11.relu_backward(dx)                 #   dx = dy where x > 0, else 0
    x, dy = ex11.pool_problem()            # exercise 2: x (1, 1, 4, 4) no ties, dy (1, 1, 2, 2)
    ex11.maxpool_backward(dx)              #   each dy to its window's maximum
    logits, labels = ex11.softmax_problem()
    ex11.cross_entropy_gradient(dlogits)   # exercise 3: (softmax - onehot) / N
    ex11.parameter_count(n)                # exercise 4: the notebook's network

Each checker has ``.hint()`` and ``.solution()``.  The expected answers are written out from the
definitions (loops), not taken from ``convkit.nn``.
"""
from ..registry import export

__all__ = export(__name__, globals())
