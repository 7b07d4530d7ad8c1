"""Checkers for notebook 00 · start here (one exercise unit).

    from convkit_course.exercises import ex00
    ex00.article_output_size(answer)    # the warm-up: how many columns wide is the output?

The checker has ``.hint()`` and ``.solution()``.  The unit lives in the folder beside this
file; ``registry.py`` lists it.
"""
from ..registry import export

__all__ = export(__name__, globals())
