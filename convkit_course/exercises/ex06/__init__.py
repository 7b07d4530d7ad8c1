"""Checkers for notebook 06 · im2col (偶像派): a 整容 row, forward as a matmul, dX via col2im.

    from convkit_course.exercises import ex06
    ex06.ROW_TASK                          # exercise 1: input size, kernel size, output id
    ex06.im2col_row(row)                   #   the 9 input ids that output reads
    x, w, b = ex06.forward_task()          # exercise 2: x (1, 1, 5, 6), w (2, 1, 3, 3), b (2,)
    ex06.forward_matmul(y)                 #   y (1, 2, 3, 4) from one matrix product
    dy, w = ex06.input_gradient_task()     # exercise 3: dy (1, 2, 3, 5), w (2, 1, 3, 2)
    ex06.input_gradient_col2im(dx)         #   dx (1, 1, 5, 6) = col2im(Wᵀ·dY)

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
