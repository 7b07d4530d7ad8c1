"""Checkers for notebook 01 · correlation and output size (one exercise unit each).

    from convkit_course.exercises import ex01
    ex01.output_shape(answer)           # exercise 1: the output's (height, width), by hand
    ex01.output_size_formula(my_fn)     # exercise 2: your output-size function, on hidden cases
    x, k = ex01.one_output_problem()    # exercise 3: a 5x5 input, a 3x3 kernel (2-D arrays)
    ex01.one_output(answer)             #             the output at row 1, column 2, by hand

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
