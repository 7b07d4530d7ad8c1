"""Checkers for notebook 04 · the weight gradient (one exercise unit each).

    from convkit_course.exercises import ex04
    x, dz = ex04.weight_gradient_task()         # exercise 1: one sample, x (5, 5), dz (3, 3)
    ex04.weight_gradient(dw)                    #             dW (3, 3): X correlated with dZ
    x, dz = ex04.batch_weight_gradient_task()   # exercise 2: a batch of 4
    ex04.batch_weight_gradient(dw)              #             dW (1, 1, 3, 3), summed over it
    dz = ex04.bias_gradient_task()              # exercise 3: dZ (4, 2, 3, 3)
    ex04.bias_gradient(db)                      #             db (2,)

Each task function hands out fresh copies of its data; each checker has ``.hint()`` and
``.solution()``.  The units live in the folders beside this file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
