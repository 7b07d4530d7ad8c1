"""Checkers for notebook 09 · beyond im2col: Winograd, FFT, multiply counts.

    from convkit_course.exercises import ex09
    d, g = ex09.f23_problem()          # exercise 1: 4 inputs, 3 kernel taps
    ex09.winograd_products(m)          #   the four products m1..m4 of F(2, 3)
    x, k = ex09.fft_problem()          # exercise 2: 10 samples, 3 taps
    ex09.fft_correlation(answer)       #   the valid correlation, through the FFT
    ex09.winograd_count(answer)        # exercise 3: general multiplies of F(2x2, 3x3)

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
