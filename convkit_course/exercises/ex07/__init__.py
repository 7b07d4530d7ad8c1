"""Checkers for notebook 07 · channels, batches and groups.

    from convkit_course.exercises import ex07
    ex07.grouped_weight_shape(shape)          # exercise 1: the weight shape of GROUPED_LAYER
    ex07.im2col_shapes(cols_shape, w_shape)   # exercise 2: cols and W shapes of IM2COL_LAYER
    ex07.conv_transpose(my_function)          # exercise 3: my_function(y, k, stride) -> out

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
