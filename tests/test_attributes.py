"""Conv2d's attributes are read at every call: an edit works as a fresh layer, or says why not.

Each method (and ``auto``) x each edit, made before the first step and between two steps:
the next forward and backward either equal a fresh layer built with the new values and the
literal loops (PyTorch too, in test_fuzz_torch.py), or raise an error that names the
attribute — never a silently wrong number and never an error from deep inside numpy.
"""
import numpy as np
import pytest

import convkit as ck
from convkit.geometry import geometry_args
from convkit.methods import METHODS

ALL = tuple(METHODS) + ("auto",)
RNG = np.random.default_rng(5)
EDITS = {  # name: {attribute: value}, applied in order
    "stride-2": {"stride": 2},
    "stride-1x2": {"stride": (1, 2)},
    "padding-2": {"padding": 2},
    "padding-0x1": {"padding": (0, 1)},
    "dilation-2": {"dilation": 2},
    "stride-padding-dilation-2": {"stride": 2, "padding": 2, "dilation": 2},
    "weight-5x5": {"weight": RNG.standard_normal((6, 4, 5, 5))},
    "weight-1x3": {"weight": RNG.standard_normal((6, 4, 1, 3))},
    "weight-3-filters": {"weight": RNG.standard_normal((3, 4, 3, 3)),
                         "bias": RNG.standard_normal(3)},
    "groups-2": {"groups": 2, "weight": RNG.standard_normal((6, 2, 3, 3))},
    "bias-none": {"bias": None},
    "bias-new": {"bias": RNG.standard_normal(6)},
    "dtype-float32": {"dtype": np.float32},
    "weight-in-place": {"weight[...]": 0.5},
}


def layer_and_data(method):
    rng = np.random.default_rng(0)
    layer = ck.Conv2d(4, 6, 3, padding=1, method=method, rng=rng)
    x = rng.standard_normal((2, 4, 9, 8))
    return layer, x


def apply(layer, edit):
    for attribute, value in edit.items():
        if attribute == "weight[...]":
            layer.weight[...] = value
        else:
            setattr(layer, attribute, value)


def step(layer, x, seed=1):
    """forward, backward, an SGD step -> (y, dx, grad_weight, grad_bias)."""
    y = layer.forward(x)
    dy = np.random.default_rng(seed).standard_normal(y.shape)
    dx = layer.backward(dy)
    out = (y, dx, layer.grad_weight.copy(),
           None if layer.grad_bias is None else layer.grad_bias.copy(), dy)
    ck.SGD([layer], lr=0.01).step()
    return out


def unmet(layer, method):
    """What the method cannot run of the layer's current geometry ({} for auto)."""
    if method == "auto":
        return {}
    kernel, stride, _, dilation = geometry_args(layer.weight.shape[2:], layer.stride,
                                                layer.padding, layer.dilation)
    return METHODS[method].unmet(kernel, stride, dilation)


def check_against_loops_and_a_fresh_layer(layer, x, method):
    weight, bias = layer.weight.copy(), None if layer.bias is None else layer.bias.copy()
    y, dx, dw, db, dy = step(layer, x)
    geometry = layer.geometry
    x64 = x.astype(layer.dtype).astype(np.float64)
    w64 = weight.astype(np.float64)
    b64 = None if bias is None else bias.astype(np.float64)
    tol = dict(rtol=1e-9, atol=1e-9) if layer.dtype == np.float64 else dict(rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(y, ck.conv2d_loops(x64, w64, b64, **geometry), **tol)
    ref_dx, ref_dw, ref_db = ck.conv2d_loops_backward(dy.astype(layer.dtype).astype(np.float64),
                                                      x64, w64, **geometry)
    np.testing.assert_allclose(dx, ref_dx, **tol)
    np.testing.assert_allclose(dw, ref_dw, **tol)
    assert (db is None) == (bias is None)
    if db is not None:
        np.testing.assert_allclose(db, ref_db, **tol)
    assert y.dtype == dx.dtype == dw.dtype == layer.dtype
    fresh = ck.Conv2d(weight.shape[1] * geometry["groups"], weight.shape[0], weight.shape[2:],
                      bias=bias is not None, method=method, dtype=layer.dtype, **geometry)
    fresh.weight = weight
    if bias is not None:
        fresh.bias = bias
    fy, fdx, fdw, fdb, _ = step(fresh, x)
    np.testing.assert_allclose(fy, y, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(fdx, dx, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(fdw, dw, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("when", ["before-any-step", "between-steps"])
@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
@pytest.mark.parametrize("method", ALL)
def test_an_edited_attribute_works_or_is_named(method, edit, when):
    layer, x = layer_and_data(method)
    if when == "between-steps":
        step(layer, x)
    apply(layer, EDITS[edit])
    missing = unmet(layer, method)
    if missing:
        names = {"kernel": "weight", "stride": "stride", "dilation": "dilation"}
        with pytest.raises(ValueError) as excinfo:
            layer.forward(x)
        message = str(excinfo.value)
        assert f"Conv2d(method={method!r})" in message
        assert any(names[argument] in message for argument in missing), message
        return
    check_against_loops_and_a_fresh_layer(layer, x, method)


BAD_EDITS = [
    ("padding", -1, ValueError, "padding"),
    ("stride", 0, ValueError, "stride"),
    ("stride", 1.5, TypeError, "stride"),
    ("dilation", (1, 0), ValueError, "dilation"),
    ("groups", 0, ValueError, "groups"),
    ("groups", 4, ValueError, "groups"),
    ("weight", np.zeros((6, 4, 3)), ValueError, "Conv2d.weight"),
    ("weight", np.zeros((6, 4, 3, 3), dtype=np.int64), TypeError, "Conv2d.weight"),
    ("weight", [[1.0]], TypeError, "Conv2d.weight"),
    ("weight", np.zeros((6, 3, 3, 3)), ValueError, "in_channels"),
    ("bias", np.zeros(5), ValueError, "Conv2d.bias"),
    ("bias", np.zeros((6, 1)), ValueError, "Conv2d.bias"),
]


@pytest.mark.parametrize("attribute, value, error, words", BAD_EDITS,
                         ids=[f"{a}-{i}" for i, (a, *_ ) in enumerate(BAD_EDITS)])
@pytest.mark.parametrize("method", ALL)
def test_a_bad_edit_is_named_at_the_next_call(method, attribute, value, error, words):
    layer, x = layer_and_data(method)
    setattr(layer, attribute, value)
    with pytest.raises(error) as excinfo:
        layer.forward(x)
    assert words in str(excinfo.value)


def test_derived_attributes_follow_the_weight():
    layer = ck.Conv2d(4, 6, 3, groups=2, rng=0)
    layer.weight = np.zeros((8, 2, 5, 1))
    assert (layer.kernel_size, layer.in_channels, layer.out_channels) == ((5, 1), 4, 8)
    with pytest.raises(AttributeError, match="Conv2d.kernel_size follows the weight's shape"):
        layer.kernel_size = 3
    assert "Conv2d(4, 8, kernel_size=(5, 1)" in repr(layer)


def test_setting_dtype_converts_the_parameters_like_a_fresh_layer():
    layer, x = layer_and_data("im2col")
    layer.dtype = np.float32
    fresh = ck.Conv2d(4, 6, 3, padding=1, rng=np.random.default_rng(0), dtype=np.float32)
    np.testing.assert_array_equal(layer.weight, fresh.weight)
    np.testing.assert_array_equal(layer.bias, fresh.bias)
    assert layer.weight.dtype == layer.bias.dtype == layer.grad_weight.dtype == np.float32
    with pytest.raises(ValueError, match="dtype must be a floating dtype"):
        layer.dtype = np.int32


@pytest.mark.parametrize("method", ALL)
def test_method_checks_the_geometry_when_set_and_when_run(method):
    layer = ck.Conv2d(4, 6, 3, stride=2, rng=0)
    if unmet(layer, method):
        with pytest.raises(ValueError, match=f"Conv2d\\(method={method!r}\\) needs stride 1"):
            layer.method = method
    else:
        layer.method = method
        assert layer.method == method


# ------------------------------------------------------------------- x edited in place
@pytest.mark.parametrize("method", ALL)
def test_a_small_x_is_copied_so_editing_it_changes_nothing(method):
    layer, x = layer_and_data(method)
    dy = np.random.default_rng(3).standard_normal(layer.forward(x).shape)
    expected = ck.conv2d_loops_backward(dy, x.copy(), layer.weight, **layer.geometry)
    layer.forward(x)
    x[...] = 7.0                       # the caller reuses its buffer
    np.testing.assert_allclose(layer.backward(dy), expected[0], rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(layer.grad_weight, expected[1], rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("edit", ["one-value", "swap-samples", "flip-rows"])
@pytest.mark.parametrize("method", ["im2col", "auto"])
def test_a_large_x_is_checked_and_an_edit_raises(method, edit, monkeypatch):
    """Above a quarter of the workspace budget x is kept by reference (no copy: memory),
    and backward refuses an x edited in place since forward, naming it — as PyTorch does."""
    monkeypatch.setattr(ck.memory, "WORKSPACE_BYTES", 32 * 2**20)
    layer = ck.Conv2d(4, 6, 3, padding=1, method=method, rng=0)
    x = np.random.default_rng(0).standard_normal((80, 4, 64, 64))     # 10 MiB > 32 MiB / 4
    y = layer.forward(x)
    dy = np.ones_like(y)
    layer.backward(dy)                 # unchanged: fine, and again
    layer.backward(dy)
    if edit == "one-value":
        x[3, 2, 10, 11] = np.nextafter(x[3, 2, 10, 11], np.inf)
    elif edit == "swap-samples":
        x[[0, 1]] = x[[1, 0]]
    else:
        x[...] = x[..., ::-1, :].copy()
    with pytest.raises(RuntimeError, match="x was edited in place between forward and backward"):
        layer.backward(dy)
    layer.forward(x)                   # a new forward starts a new record
    layer.backward(dy)


def test_checksum_sees_any_change_of_one_value_and_a_swap():
    from convkit.saved import checksum

    rng = np.random.default_rng(0)
    for shape, dtype in [((3, 5, 7, 9), np.float64), ((2, 3, 5, 5), np.float32),
                         ((1, 1, 3, 3), np.float16), ((4, 7), np.float32)]:
        a = rng.standard_normal(shape).astype(dtype)
        base = checksum(a)
        assert checksum(a.copy()) == base
        for index in [(0,) * a.ndim, tuple(s - 1 for s in shape), tuple(s // 2 for s in shape)]:
            b = a.copy()
            b[index] = np.nextafter(b[index], np.inf)
            assert checksum(b) != base, (shape, index)
        b = a.copy()
        b.flat[0], b.flat[-1] = a.flat[-1], a.flat[0]              # two values swap places
        assert a.flat[0] != a.flat[-1] and checksum(b) != base
        view = a[:, ::2]                                   # not contiguous: sample by sample
        assert checksum(view) == checksum(view)
