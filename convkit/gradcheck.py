"""Numerical gradients, to check the analytic ones (CS231n's idea, but asserted)."""
from __future__ import annotations

import numpy as np

__all__ = ["numerical_gradient", "rel_error"]


def numerical_gradient(f, x, dout=None, h=1e-5):
    """Central-difference gradient of ``sum(f(x) * dout)`` with respect to ``x``.

    x: any shape (float64 recommended) -> array of x's shape.  ``f`` takes one array;
    ``dout`` defaults to ones (the gradient of ``sum(f(x))``).  x is not modified:
    the probing happens on a private copy.
    """
    x = np.array(x, dtype=np.float64)  # a private copy; float64 so h is meaningful
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        plus = np.asarray(f(x))
        x[index] = saved - h
        minus = np.asarray(f(x))
        x[index] = saved
        weights = np.ones_like(plus) if dout is None else dout
        grad[index] = np.sum((plus - minus) * weights) / (2 * h)
    return grad


def rel_error(a, b):
    """Largest elementwise relative error ``|a-b| / max(1e-8, |a|+|b|)``.  Same-shape arrays -> float."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"rel_error needs arrays of one shape, got {a.shape} and {b.shape}")
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
