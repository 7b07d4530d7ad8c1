"""Every registered method agrees with the literal loops and with calculus.

loops (the definition, written out) == vectorised direct (实力派) == im2col (偶像派) == FFT ==
Winograd == Conv2d (every method), forward and backward, over the geometry sweep in
geometries.py (each method on the geometries it supports); analytic gradients == numerical
gradients.  The methods come from the registry ``convkit.methods.METHODS``.
"""
import numpy as np
import pytest

import convkit as ck
from convkit.methods import METHODS
from geometries import ARGNAMES, PARAMS, method_params

OTHERS = {name: m for name, m in METHODS.items() if name != "loops"}
# FFT and Winograd round differently (transforms); the others add the same products.
TOL = {name: dict(rtol=1e-10, atol=1e-12) for name in METHODS}
TOL.update(fft=dict(rtol=1e-9, atol=1e-10), winograd=dict(rtol=1e-9, atol=1e-10))


@pytest.mark.parametrize("method," + ARGNAMES, method_params(OTHERS))
def test_forward_matches_loops(make_problem, method, n, c, h, w, f, kernel, stride, padding,
                               dilation, groups):
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    expected = ck.conv2d_loops(x, weight, b, **kw)
    np.testing.assert_allclose(METHODS[method].forward(x, weight, b, **kw), expected, **TOL[method])


@pytest.mark.parametrize("method," + ARGNAMES, method_params(OTHERS))
def test_backward_matches_loops(make_problem, method, n, c, h, w, f, kernel, stride, padding,
                                dilation, groups):
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    dy = np.random.default_rng(1).standard_normal(ck.conv2d_loops(x, weight, **kw).shape)
    expected = ck.conv2d_loops_backward(dy, x, weight, **kw)
    got = METHODS[method].backward(dy, x, weight, **kw)
    for name, g, e in zip(("dx", "dw", "db"), got, expected):
        assert g.shape == e.shape, name
        np.testing.assert_allclose(g, e, **TOL[method], err_msg=name)


@pytest.mark.parametrize(ARGNAMES, PARAMS)
def test_gradients_match_numerical(make_problem, n, c, h, w, f, kernel, stride, padding,
                                   dilation, groups):
    """Central differences on loss = sum(y * dy); independent of any backward code."""
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    dy = np.random.default_rng(2).standard_normal(ck.conv2d_direct(x, weight, b, **kw).shape)
    dx, dw, db = ck.conv2d_direct_backward(dy, x, weight, **kw)
    num_dx = ck.numerical_gradient(lambda v: ck.conv2d_im2col(v, weight, b, **kw), x, dy)
    num_dw = ck.numerical_gradient(lambda v: ck.conv2d_im2col(x, v, b, **kw), weight, dy)
    num_db = ck.numerical_gradient(lambda v: ck.conv2d_im2col(x, weight, v, **kw), b, dy)
    assert ck.rel_error(dx, num_dx) < 1e-7
    assert ck.rel_error(dw, num_dw) < 1e-7
    assert ck.rel_error(db, num_db) < 1e-7


@pytest.mark.parametrize("method," + ARGNAMES, method_params(METHODS))
def test_layer_matches_functions(make_problem, method, n, c, h, w, f, kernel, stride, padding,
                                 dilation, groups):
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    layer = ck.Conv2d(c, f, kernel, method=method, rng=0, **kw)
    layer.weight, layer.bias = weight.copy(), b.copy()
    y = layer.forward(x)
    tol = TOL[method]
    np.testing.assert_allclose(y, ck.conv2d_loops(x, weight, b, **kw), **tol)
    dy = np.random.default_rng(3).standard_normal(y.shape)
    dx = layer.backward(dy)
    ex_dx, ex_dw, ex_db = ck.conv2d_loops_backward(dy, x, weight, **kw)
    np.testing.assert_allclose(dx, ex_dx, **tol)
    np.testing.assert_allclose(layer.grad_weight, ex_dw, **tol)
    np.testing.assert_allclose(layer.grad_bias, ex_db, **tol)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_preserved(make_problem, method, dtype):
    geometry = (1, 1, 1, 2) if method in ("fft", "winograd") else (2, 1, 1, 2)  # stride 1 for them
    x, weight, b, kw = make_problem(2, 4, 7, 6, 4, 3, *geometry, dtype=dtype)
    y = METHODS[method].forward(x, weight, b, **kw)
    assert y.dtype == dtype
    grads = METHODS[method].backward(np.ones_like(y), x, weight, **kw)
    assert [g.dtype for g in grads] == [dtype] * 3
    # float32 results agree with a float64 computation to float32 precision
    y64 = ck.conv2d_loops(*(a.astype(np.float64) for a in (x, weight, b)), **kw)
    np.testing.assert_allclose(y, y64, rtol=1e-4, atol=1e-4)


def test_integer_inputs_compute_in_float64():
    x = np.arange(25).reshape(1, 1, 5, 5)
    w = np.arange(9).reshape(1, 1, 3, 3)
    y = ck.conv2d_im2col(x, w)
    assert y.dtype == np.float64
    np.testing.assert_array_equal(y, ck.conv2d_direct(x, w))


@pytest.mark.parametrize("method", METHODS)
def test_layer_keeps_float32(method):
    layer = ck.Conv2d(3, 5, 3, padding=1, method=method, rng=0, dtype=np.float32)
    x = np.random.default_rng(0).standard_normal((2, 3, 6, 6)).astype(np.float32)
    y = layer.forward(x)
    dx = layer.backward(np.ones_like(y))
    assert (y.dtype, dx.dtype, layer.grad_weight.dtype, layer.grad_bias.dtype) == (np.float32,) * 4


def test_article_example_by_hand():
    """The article's first output: Z0 = sum of X[0:3, 0:3] * K, written out."""
    x = np.arange(25.0).reshape(1, 1, 5, 5)
    k = np.arange(9.0).reshape(1, 1, 3, 3)
    z = ck.conv2d_direct(x, k)
    assert z.shape == (1, 1, 3, 3)
    assert z[0, 0, 0, 0] == 0*0 + 1*1 + 2*2 + 5*3 + 6*4 + 7*5 + 10*6 + 11*7 + 12*8
    # each step right adds 1 to every input index, so adds sum(K) = 36 to the output
    assert z[0, 0, 0, 1] - z[0, 0, 0, 0] == 36
    assert z[0, 0, 1, 0] - z[0, 0, 0, 0] == 5 * 36
