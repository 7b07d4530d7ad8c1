"""One dtype policy (``convkit.prelude``), the same for every method, functions and Conv2d.

float32 and float64 compute in themselves; float16 computes in float32 and is rounded once
at the end, so its results are as accurate as float16 can hold; integers compute in float64;
bool, complex, longdouble and non-numbers are refused with an error naming the argument.
"""
import numpy as np
import pytest

import convkit as ck
from convkit.methods import METHODS

ALL = tuple(METHODS) + ("auto",)
GEOMETRY = dict(padding=1)                 # 3x3, stride 1: every method runs it
EPS16 = float(np.finfo(np.float16).eps)    # 2**-10


def data(dtype, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, 8, 7, 6)) * 3
    w = rng.standard_normal((5, 8, 3, 3))
    b = rng.standard_normal(5)
    return x.astype(dtype), w.astype(dtype), b.astype(dtype)


def exact(x, w, b, dy=None):
    """The loops in float64 on the given values -> y, or (dx, dw, db) with dy."""
    x, w = x.astype(np.float64), w.astype(np.float64)
    if dy is None:
        return ck.conv2d_loops(x, w, None if b is None else b.astype(np.float64), **GEOMETRY)
    return ck.conv2d_loops_backward(dy.astype(np.float64), x, w, **GEOMETRY)


def assert_float16_precise(got, want, name):
    """Within float16's own rounding of the exact value (half an ulp: eps/2 relative), plus
    what a float32 sum can add (far smaller)."""
    assert got.dtype == np.float16, name
    bound = EPS16 / 2 * np.abs(want) + 1e-5 * np.abs(want).max() + 2.0 ** -24
    excess = np.abs(got.astype(np.float64) - want) - bound
    assert excess.max() <= 0, f"{name}: off by {excess.max():.2g} beyond float16 rounding"


@pytest.mark.parametrize("method", METHODS)
def test_float16_functions_compute_in_float32(method):
    x, w, b = data(np.float16)
    entry = METHODS[method]
    y = entry.forward(x, w, b, **GEOMETRY)
    assert_float16_precise(y, exact(x, w, b), "y")
    dy = np.random.default_rng(1).standard_normal(y.shape).astype(np.float16)
    for name, got, want in zip(("dx", "dw", "db"), entry.backward(dy, x, w, **GEOMETRY),
                               exact(x, w, b, dy)):
        assert_float16_precise(got, want, name)


@pytest.mark.parametrize("method", ALL)
def test_float16_layer_keeps_float16_parameters_and_results(method):
    x, _, _ = data(np.float16)
    layer = ck.Conv2d(8, 5, 3, method=method, rng=0, dtype=np.float16, **GEOMETRY)
    assert layer.weight.dtype == layer.bias.dtype == np.float16
    y = layer.forward(x)
    assert_float16_precise(y, exact(x, layer.weight, layer.bias), "y")
    dy = np.random.default_rng(1).standard_normal(y.shape).astype(np.float16)
    dx = layer.backward(dy)
    for name, got, want in zip(("dx", "dw", "db"), (dx, layer.grad_weight, layer.grad_bias),
                               exact(x, layer.weight, layer.bias, dy)):
        assert_float16_precise(got, want, name)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("x_dtype, w_dtype, expected", [
    (np.int64, np.int64, np.float64), (np.int8, np.uint16, np.float64),
    (np.uint8, np.float32, np.float32), (np.int32, np.float64, np.float64),
    (np.float16, np.float32, np.float32), (np.float32, np.float64, np.float64),
], ids=["int64", "int8-uint16", "uint8-float32", "int32-float64", "float16-float32",
        "float32-float64"])
def test_mixed_and_integer_dtypes_promote_as_documented(method, x_dtype, w_dtype, expected):
    rng = np.random.default_rng(0)
    x = rng.integers(0, 5, (2, 3, 6, 5)).astype(x_dtype)
    w = rng.integers(-2, 3, (4, 3, 3, 3)).astype(w_dtype)
    entry = METHODS[method]
    y = entry.forward(x, w, **GEOMETRY)
    dx, dw, db = entry.backward(np.ones(y.shape, dtype=x_dtype), x, w, **GEOMETRY)
    assert {y.dtype, dx.dtype, dw.dtype, db.dtype} == {np.dtype(expected)}
    tol = 1e-4 if expected == np.float32 else 1e-9
    np.testing.assert_allclose(y, exact(x, w, None), rtol=tol, atol=tol)  # small ints: exact sums


REFUSED = [np.bool_, np.complex64, np.complex128, np.object_, np.str_]
if np.dtype(np.longdouble) != np.dtype(np.float64):
    REFUSED.append(np.longdouble)


@pytest.mark.parametrize("dtype", REFUSED, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("method", METHODS)
def test_other_dtypes_are_refused_naming_the_argument(method, dtype):
    x, w, b = data(np.float64)
    entry = METHODS[method]
    for name, args in (("x", (x.astype(dtype), w)), ("w", (x, w.astype(dtype))),
                       ("b", (x, w, b.astype(dtype)))):
        with pytest.raises(TypeError) as excinfo:
            entry.forward(*args, **GEOMETRY)
        assert str(excinfo.value).startswith(f"{name} must have a numeric")
    dy = np.ones((2, 5, 7, 6))
    with pytest.raises(TypeError, match="^dy must have a numeric"):
        entry.backward(dy.astype(dtype), x, w, **GEOMETRY)


@pytest.mark.parametrize("dtype", REFUSED + [np.int64], ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("method", ALL)
def test_the_layer_refuses_the_same(method, dtype):
    layer = ck.Conv2d(8, 5, 3, method=method, rng=0, **GEOMETRY)
    x, _, _ = data(np.float64)
    if dtype is np.int64:   # an integer x is cast to the parameters' dtype
        assert layer.forward(x.astype(dtype)).dtype == np.float64
        return
    with pytest.raises(TypeError, match="^x must have a numeric"):
        layer.forward(x.astype(dtype))
    with pytest.raises((TypeError, ValueError), match="dtype"):
        ck.Conv2d(8, 5, 3, dtype=dtype)


def test_the_result_is_native_byte_order():
    x, w, _ = data(np.float64)
    y = ck.conv2d_im2col(x.astype(">f8"), w.astype(">f8"), **GEOMETRY)
    assert y.dtype == np.dtype("=f8")
    np.testing.assert_allclose(y, exact(x, w, None), rtol=1e-10, atol=1e-10)
