"""Checks at the boundary: every public function and layer validates its arguments here,
once, and passes validated objects (arrays, a ``ConvGeometry``) inward.

Like scikit-learn's ``check_array`` / ``check_random_state``: each helper returns the value
to use and raises an error that names the argument, the value received and what was expected.
"""
from __future__ import annotations

import numbers

import numpy as np

__all__ = ["check_array", "check_int", "check_rng", "check_float_dtype", "check_choice",
           "FLOAT_DTYPES"]

# The floating dtypes convkit computes with (float16 through float32, see convkit.prelude);
# longdouble has no BLAS and no PyTorch counterpart, so it is refused rather than emulated.
FLOAT_DTYPES = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))


def check_array(a, name, ndim=None, *, shape_hint=""):
    """Return ``a`` if it is a numeric numpy array (with ``ndim`` axes when given).

    TypeError for a non-array or a dtype convkit does not compute with (bool, complex,
    longdouble, string, object: see ``convkit.prelude``'s dtype policy); ValueError for the
    wrong number of axes.  ``shape_hint`` (e.g. "(N, C, H, W)") is quoted in that message.
    """
    if not isinstance(a, np.ndarray):
        raise TypeError(f"{name} must be a numpy array, got {type(a).__name__}")
    if ndim is not None and a.ndim != ndim:
        expected = f"; expected {shape_hint}" if shape_hint else ""
        raise ValueError(f"{name} must be {ndim}-D, got shape {a.shape} ({a.ndim}-D){expected}")
    if a.dtype == np.bool_ or not (np.issubdtype(a.dtype, np.floating)
                                   or np.issubdtype(a.dtype, np.integer)):
        raise TypeError(f"{name} must have a numeric (float or int) dtype, got {a.dtype}")
    if np.issubdtype(a.dtype, np.floating) and a.dtype.newbyteorder("=") not in FLOAT_DTYPES:
        raise TypeError(f"{name} must have a numeric dtype convkit computes with (float16, "
                        f"float32, float64 or an integer type), got {a.dtype}; cast it, e.g. "
                        f"{name}.astype(np.float64)")
    return a


def check_int(value, name, low=1):
    """Return ``value`` as a Python int, checking that it is an int ``>= low``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < low:
        raise ValueError(f"{name} must be an int >= {low}, got {value!r}")
    return int(value)


def check_rng(rng):
    """A numpy Generator from ``rng``: None (fresh entropy), a seed, or a Generator itself."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        return np.random.default_rng(rng)
    raise TypeError(f"rng must be None, an int seed or a numpy Generator, got {rng!r}")


def check_float_dtype(dtype, name="dtype"):
    """The numpy floating dtype that ``dtype`` names: float16, float32 or float64."""
    try:
        resolved = np.dtype(dtype)
    except TypeError as error:
        raise TypeError(f"{name} must be a numpy floating dtype such as np.float32 or "
                        f"np.float64, got {dtype!r}") from error
    if not np.issubdtype(resolved, np.floating):
        raise ValueError(f"{name} must be a floating dtype such as np.float32 or np.float64 "
                         f"(parameters need gradients), got {resolved}")
    resolved = resolved.newbyteorder("=")
    if resolved not in FLOAT_DTYPES:
        raise ValueError(f"{name} must be float16, float32 or float64, got {resolved}")
    return resolved


def check_choice(value, name, choices):
    """Return ``value`` if it is one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r}")
    return value
