"""PyTorch as an oracle we did not write: forward, dx, dw, db, unfold and fold.

Skips (with the reason) when PyTorch is not installed; `.ci/run` installs the CPU build.
"""
import numpy as np
import pytest

import convkit as ck
from convkit.methods import METHODS
from geometries import ARGNAMES, CASES, PARAMS, method_params

torch = pytest.importorskip("torch", reason="PyTorch not installed: pip install torch==2.13.0")
F = torch.nn.functional
TOL = {name: dict(rtol=1e-10, atol=1e-10) for name in METHODS}
TOL.update(fft=dict(rtol=1e-9, atol=1e-9), winograd=dict(rtol=1e-9, atol=1e-9))
QUICK = {name: m for name, m in METHODS.items() if name != "loops"}  # loops: test_conv.py


def torch_conv(x, weight, b, dy, stride, padding, dilation, groups):
    xt = torch.tensor(x, requires_grad=True)
    wt = torch.tensor(weight, requires_grad=True)
    bt = torch.tensor(b, requires_grad=True)
    yt = F.conv2d(xt, wt, bt, stride=stride, padding=padding, dilation=dilation, groups=groups)
    yt.backward(torch.tensor(dy))
    return yt.detach().numpy(), xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy()


@pytest.mark.parametrize("method," + ARGNAMES, method_params(QUICK))
def test_conv_matches_torch(make_problem, method, n, c, h, w, f, kernel, stride, padding,
                            dilation, groups):
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    forward, backward = METHODS[method].forward, METHODS[method].backward
    y = forward(x, weight, b, **kw)
    dy = np.random.default_rng(7).standard_normal(y.shape)
    ty, tdx, tdw, tdb = torch_conv(x, weight, b, dy, **kw)
    dx, dw, db = backward(dy, x, weight, **kw)
    for name, ours, theirs in (("y", y, ty), ("dx", dx, tdx), ("dw", dw, tdw), ("db", db, tdb)):
        np.testing.assert_allclose(ours, theirs, **TOL[method], err_msg=name)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("where", ["x", "w"])
@pytest.mark.parametrize("method", ["loops", "im2col"])
@pytest.mark.parametrize(ARGNAMES, PARAMS)
def test_nan_and_inf_land_where_torch_puts_them(make_problem, method, where, n, c, h, w, f,
                                                kernel, stride, padding, dilation, groups):
    """A NaN in x and an inf in w reach the same cells of y, dx, dw as in PyTorch, through
    Conv2d (the fast path).  (The direct method's dx differs for a non-finite w by
    construction: see direct.py.)"""
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    if where == "x":
        x[0, -1, h // 2, w - 1] = np.nan
    else:
        weight[-1, 0, 0, -1] = np.inf
    layer = ck.Conv2d(c, f, kernel, method=method, **kw)
    layer.weight, layer.bias = weight, b
    y = layer.forward(x)
    dy = np.random.default_rng(7).standard_normal(y.shape)
    dx = layer.backward(dy)
    ty, tdx, tdw, _ = torch_conv(x, weight, b, dy, **kw)
    for name, ours, theirs in (("y", y, ty), ("dx", dx, tdx), ("dw", layer.grad_weight, tdw)):
        np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs), err_msg=name)
        np.testing.assert_array_equal(np.isinf(ours), np.isinf(theirs), err_msg=name)


@pytest.mark.parametrize(ARGNAMES, PARAMS)
def test_unfold_and_fold_match_torch(make_problem, n, c, h, w, f, kernel, stride, padding,
                                     dilation, groups):
    x, weight, _, _ = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    geom = dict(stride=stride, padding=padding, dilation=dilation)
    ksize = tuple(weight.shape[2:])
    cols = ck.im2col(x, ksize, **geom)
    np.testing.assert_array_equal(cols, F.unfold(torch.tensor(x), ksize, **geom).numpy())
    v = np.random.default_rng(8).standard_normal(cols.shape)
    np.testing.assert_allclose(ck.col2im(v, (h, w), ksize, **geom),
                               F.fold(torch.tensor(v), (h, w), ksize, **geom).numpy(),
                               rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("method", ["direct", "im2col"])  # fft and winograd need stride 1
def test_float32_layer_matches_torch(method):
    rng = np.random.default_rng(9)
    layer = ck.Conv2d(8, 16, 3, stride=2, padding=1, method=method, rng=rng, dtype=np.float32)
    x = rng.standard_normal((4, 8, 15, 15)).astype(np.float32)
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape).astype(np.float32)
    dx = layer.backward(dy)
    ty, tdx, tdw, tdb = torch_conv(x, layer.weight, layer.bias, dy, 2, 1, 1, 1)
    for ours, theirs in ((y, ty), (dx, tdx), (layer.grad_weight, tdw), (layer.grad_bias, tdb)):
        assert ours.dtype == np.float32
        np.testing.assert_allclose(ours, theirs, rtol=1e-4, atol=1e-4)
