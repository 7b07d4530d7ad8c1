"""Checkers for notebook 05 · stride, padding and dilation (one exercise unit each).

    from convkit_course.exercises import ex05
    ex05.output_sizes([o1, o2, o3])     # exercise 1: output sizes of OUTPUT_SIZE_PROBLEMS
    ex05.counts(counts)                 # exercise 2: participation counts, 6x5 input, stride 2
    ex05.input_gradient(my_function)    # exercise 3: dx for any stride and padding, hidden cases
    ex05.stride_two_dx(dx)              # exercise 5: the article's question, dX for stride 2

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
