"""Checker for notebook 10 · your own layer, and the hand-over to notebook 11.

    from convkit_course.exercises import ex10
    ex10.conv_layer(conv_forward, conv_backward)    # the layer, on hidden geometries
        # conv_forward(x, w, b, stride, pad) -> (y, cache)
        # conv_backward(dy, cache)           -> (dx, dw, db)
    ex10.save_layer(conv_forward, conv_backward)    # notebook 10: write the layer as code
    ex10.load_layer()                               # notebook 11: import it, check it again

The checker lives in the unit folder ``conv_layer/``; the hand-over in ``handover.py``.
"""
from ..registry import export
from .handover import load_layer, save_layer, student_dir  # noqa: F401 - notebook helpers

__all__ = export(__name__, globals())  # the checker; save_layer and load_layer are helpers
