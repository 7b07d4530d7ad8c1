"""PyTorch as an oracle we did not write: forward, dx, dw, db, unfold and fold.

Skips (with the reason) when PyTorch is not installed; `.ci/run` installs the CPU build.
"""
import numpy as np
import pytest

import convkit as ck
from geometries import ARGNAMES, PARAMS

torch = pytest.importorskip("torch", reason="PyTorch not installed: pip install torch==2.13.0")
F = torch.nn.functional

METHODS = {"direct": (ck.conv2d_direct, ck.conv2d_direct_backward),
           "im2col": (ck.conv2d_im2col, ck.conv2d_im2col_backward)}


def torch_conv(x, weight, b, dy, stride, padding, dilation, groups):
    xt = torch.tensor(x, requires_grad=True)
    wt = torch.tensor(weight, requires_grad=True)
    bt = torch.tensor(b, requires_grad=True)
    yt = F.conv2d(xt, wt, bt, stride=stride, padding=padding, dilation=dilation, groups=groups)
    yt.backward(torch.tensor(dy))
    return yt.detach().numpy(), xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy()


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(ARGNAMES, PARAMS)
def test_conv_matches_torch(make_problem, method, n, c, h, w, f, kernel, stride, padding,
                            dilation, groups):
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    forward, backward = METHODS[method]
    y = forward(x, weight, b, **kw)
    dy = np.random.default_rng(7).standard_normal(y.shape)
    ty, tdx, tdw, tdb = torch_conv(x, weight, b, dy, **kw)
    dx, dw, db = backward(dy, x, weight, **kw)
    for name, ours, theirs in (("y", y, ty), ("dx", dx, tdx), ("dw", dw, tdw), ("db", db, tdb)):
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-10, err_msg=name)


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


@pytest.mark.parametrize("method", ["direct", "im2col"])
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
