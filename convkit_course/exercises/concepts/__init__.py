"""Check-your-understanding questions in the middle of notebooks 02–07, and notebook 05's dW
exercise (one exercise unit each).  Each question is answered with a number or a letter.

    from convkit_course.exercises import concepts
    concepts.kernel_id_for(answer)          # 02: which weight meets input 12 in output 1
    concepts.dx_terms(answer)               # 03: terms in dX at input (1, 4) of a 6x8 input
    concepts.why_dw_not_rotated("b")        # 04: a choice letter
    concepts.dw_zeros(answer)               # 05: zeros between dZ entries in the dW recipe
    concepts.weight_gradient_strided(fn)    # 05: dW for stride, padding, dilation (a function)
    concepts.cols_entries(answer)           # 06: entries of the im2col matrix
    concepts.dx_terms_channels(answer)      # 07: terms in dX with C channels and F filters

Each checker has ``.hint()`` and ``.solution()``.  The units live in the folders beside this
file; ``registry.py`` lists them.
"""
from ..registry import export

__all__ = export(__name__, globals())
