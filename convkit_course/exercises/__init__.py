"""The notebooks' exercises, one unit each (checker, data, solution, messages, corpus), grouped
by notebook (``ex01``, ``ex03``, ``concepts``, ...) and listed in ``registry.py``.

Every checker returns a :class:`Verdict`: ``✔ Correct — …`` or ``✘ Not yet — <a specific
hint>`` — never a traceback, whatever it is given.  Import one in a notebook with
``from convkit_course.exercises import ex03``; ``set_language("zh")`` shows the verdicts in Chinese.
"""
from ._core import Verdict, compare_array, get_language, set_language

__all__ = ["Verdict", "compare_array", "set_language", "get_language"]
