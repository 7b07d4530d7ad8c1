"""Bad input gets an error that names the argument, what it got and what was expected;
good input is never modified."""
import re

import numpy as np
import pytest

import convkit as ck
from convkit.methods import METHODS

FORWARDS = [m.forward for m in METHODS.values()]
BACKWARDS = [m.backward for m in METHODS.values()]

X = np.zeros((2, 4, 5, 5))
W = np.zeros((6, 4, 3, 3))

# (id, x, w, kwargs, exception, words the message must contain)
BAD_CALLS = [
    ("x-3d", np.zeros((4, 5, 5)), W, {}, ValueError, ["x", "4-D", "(4, 5, 5)"]),
    ("w-2d", X, np.zeros((3, 3)), {}, ValueError, ["w", "4-D", "(3, 3)"]),
    ("x-not-array", [[1.0]], W, {}, TypeError, ["x", "numpy array", "list"]),
    ("channel-mismatch", X, np.zeros((6, 3, 3, 3)), {}, ValueError, ["channel", "4", "(6, 3, 3, 3)"]),
    ("stride-zero", X, W, dict(stride=0), ValueError, ["stride", "(0, 0)", ">= 1"]),
    ("stride-negative-pair", X, W, dict(stride=(1, -2)), ValueError, ["stride", "(1, -2)"]),
    ("dilation-zero", X, W, dict(dilation=0), ValueError, ["dilation", "(0, 0)"]),
    ("padding-negative", X, W, dict(padding=-1), ValueError, ["padding", "(-1, -1)", "non-negative"]),
    ("kernel-too-big", X, np.zeros((6, 4, 6, 6)), {}, ValueError, ["kernel", "larger than the padded input", "5"]),
    ("dilated-kernel-too-big", X, W, dict(dilation=3), ValueError, ["dilation", "reaches 7", "padded input"]),
    ("stride-float", X, W, dict(stride=1.5), TypeError, ["stride", "1.5", "int"]),
    ("padding-triple", X, W, dict(padding=(1, 1, 1)), TypeError, ["padding", "(1, 1, 1)", "pair"]),
    ("stride-bool", X, W, dict(stride=True), TypeError, ["stride", "True"]),
    ("string-dtype", X.astype(str), W, {}, TypeError, ["x", "numeric", "<U"]),
    ("complex-dtype", X.astype(complex), W, {}, TypeError, ["x", "numeric", "complex"]),
    ("groups-not-dividing", X, np.zeros((6, 4 // 2, 3, 3)), dict(groups=3), ValueError, ["groups=3", "divide", "4"]),
    ("groups-filters", X, np.zeros((5, 2, 3, 3)), dict(groups=2), ValueError, ["groups=2", "filters", "5"]),
    ("groups-zero", X, W, dict(groups=0), ValueError, ["groups", "0"]),
    ("groups-float", X, W, dict(groups=1.0), TypeError, ["groups", "1.0"]),
]


def assert_message(excinfo, words):
    message = str(excinfo.value)
    for word in words:
        assert word in message, f"{word!r} not in error message {message!r}"


@pytest.mark.parametrize("forward", FORWARDS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("case", BAD_CALLS, ids=lambda c: c[0])
def test_forward_rejects(forward, case):
    _, x, w, kwargs, error, words = case
    with pytest.raises(error) as excinfo:
        forward(x, w, **kwargs)
    assert_message(excinfo, words)


@pytest.mark.parametrize("backward", BACKWARDS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("case", BAD_CALLS, ids=lambda c: c[0])
def test_backward_rejects(backward, case):
    _, x, w, kwargs, error, words = case
    with pytest.raises(error) as excinfo:
        backward(np.zeros((2, 6, 3, 3)), x, w, **kwargs)
    assert_message(excinfo, words)


@pytest.mark.parametrize("backward", BACKWARDS, ids=lambda f: f.__name__)
def test_backward_rejects_wrong_dy_shape(backward):
    with pytest.raises(ValueError) as excinfo:
        backward(np.zeros((2, 6, 4, 4)), X, W)
    assert_message(excinfo, ["dy", "(2, 6, 3, 3)", "(2, 6, 4, 4)"])


@pytest.mark.parametrize("forward", FORWARDS, ids=lambda f: f.__name__)
def test_bias_shape_is_checked(forward):
    with pytest.raises(ValueError) as excinfo:
        forward(X, W, np.zeros(5))
    assert_message(excinfo, ["b", "(6,)", "(5,)"])


@pytest.mark.parametrize("args, kwargs, error, words", [
    ((5, 3), dict(stride=0), ValueError, ["stride", ">= 1", "0"]),
    ((5, 3), dict(padding=-1), ValueError, ["padding", ">= 0", "-1"]),
    ((5, 7), {}, ValueError, ["kernel", "larger than the padded input"]),
    ((5, 3), dict(dilation=3), ValueError, ["reaches 7", "dilation 3"]),
    ((5.0, 3), {}, TypeError, ["size", "5.0"]),
    ((0, 1), {}, ValueError, ["size", ">= 1", "0"]),
], ids=["stride", "padding", "kernel", "dilation", "float-size", "zero-size"])
def test_output_size_rejects(args, kwargs, error, words):
    with pytest.raises(error) as excinfo:
        ck.output_size(*args, **kwargs)
    assert_message(excinfo, words)


def test_im2col_and_col2im_reject():
    with pytest.raises(ValueError, match=re.escape("x must be 4-D, got shape (5, 5)")):
        ck.im2col(np.zeros((5, 5)), 3)
    with pytest.raises(ValueError, match="cols.shape\\[2\\]=8 must equal Ho\\*Wo=3\\*3=9"):
        ck.col2im(np.zeros((1, 9, 8)), (5, 5), 3)
    with pytest.raises(ValueError, match="cols.shape\\[1\\]=10 must be a multiple of KH\\*KW=9"):
        ck.col2im(np.zeros((1, 10, 9)), (5, 5), 3)
    with pytest.raises(ValueError, match="kernel_size"):
        ck.im2col(np.zeros((1, 1, 2, 2)), 3)


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(in_channels=0, out_channels=2, kernel_size=3), ValueError, ["in_channels", "0"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, groups=3), ValueError, ["groups=3", "in_channels=4"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, method="gemm"), ValueError, ["method", "'gemm'", "im2col", "winograd"]),
    (dict(in_channels=4, out_channels=6, kernel_size=(3, 3, 3)), TypeError, ["kernel_size", "(3, 3, 3)"]),
    (dict(in_channels=4, out_channels=6, kernel_size=0), ValueError, ["kernel_size", "(0, 0)", ">= 1"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, stride=0), ValueError, ["stride", "(0, 0)", ">= 1"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, padding=-1), ValueError, ["padding", "(-1, -1)", "non-negative"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, dilation=(1, 0)), ValueError, ["dilation", "(1, 0)"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, stride=1.5), TypeError, ["stride", "1.5"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, dtype=int), ValueError, ["dtype", "int64", "float"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, dtype="banana"), TypeError, ["dtype", "banana"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, rng="seed"), TypeError, ["rng", "seed"]),
    (dict(in_channels=4, out_channels=6, kernel_size=5, method="winograd"), ValueError, ["winograd", "3x3", "(5, 5)"]),
    (dict(in_channels=4, out_channels=6, kernel_size=3, stride=2, method="fft"), ValueError, ["fft", "stride 1", "(2, 2)"]),
], ids=["channels", "groups", "method", "kernel", "kernel-zero", "stride-zero", "padding-negative",
        "dilation-zero", "stride-float", "dtype-int", "dtype-nonsense", "rng-string",
        "winograd-k5", "fft-stride2"])
def test_conv2d_layer_rejects(kwargs, error, words):
    with pytest.raises(error) as excinfo:
        ck.Conv2d(**kwargs)
    assert_message(excinfo, words)


def test_layer_backward_before_forward():
    with pytest.raises(RuntimeError, match="before forward"):
        ck.Conv2d(1, 1, 3).backward(np.zeros((1, 1, 3, 3)))


def frozen(a):
    """A read-only copy: any in-place write into it raises."""
    a = a.copy()
    a.flags.writeable = False
    return a


UNMODIFIED = [pytest.param(m.forward, m.backward, geometry, id=f"{name}-{label}")
              for name, m in METHODS.items()
              for label, geometry in (("plain", dict()), ("pad-groups", dict(padding=1, groups=2)),
                                      ("stride-pad-dilation-groups",
                                       dict(stride=2, padding=1, dilation=2, groups=2)))
              if name not in ("fft", "winograd") or "stride" not in geometry]  # stride 1 only


@pytest.mark.parametrize("forward, backward, geometry", UNMODIFIED)
def test_inputs_are_not_modified(forward, backward, geometry):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 4, 7, 7))
    w = rng.standard_normal((4, 4 // geometry.get("groups", 1), 3, 3))
    b = rng.standard_normal(4)
    originals = [a.copy() for a in (x, w, b)]
    x, w, b = frozen(x), frozen(w), frozen(b)
    y = forward(x, w, b, **geometry)
    dy = frozen(rng.standard_normal(y.shape))
    dy_before = dy.copy()
    backward(dy, x, w, **geometry)
    for before, after in zip(originals + [dy_before], (x, w, b, dy)):
        np.testing.assert_array_equal(before, after)


@pytest.mark.parametrize("method", METHODS)
def test_layer_does_not_modify_input_or_gradient(method):
    layer = ck.Conv2d(3, 4, 3, padding=1, method=method, rng=0)
    x = frozen(np.random.default_rng(1).standard_normal((2, 3, 5, 5)))
    y = layer.forward(x)
    layer.backward(frozen(np.ones_like(y)))


def test_im2col_col2im_do_not_modify():
    x = frozen(np.arange(50.0).reshape(1, 2, 5, 5))
    cols = frozen(ck.im2col(x, 3, padding=1))
    ck.col2im(cols, (5, 5), 3, padding=1)
