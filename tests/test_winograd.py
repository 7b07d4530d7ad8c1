"""Winograd F(2x2, 3x3) == the literal loops; its transforms are Lavin & Gray's; clear refusals.

The sweep covers batch, channels, groups (and depthwise), padding, odd and even output sizes
(odd ones leave a half-empty last tile) and non-square inputs — every 3x3, stride-1 geometry
the algorithm supports.
"""
import numpy as np
import pytest

import convkit as ck
from convkit import winograd

ARGNAMES = "n,c,h,w,f,padding,groups"
SWEEP = [pytest.param(*case, id=name) for name, case in {
    # (N, C, H, W, F, padding, groups)
    "article-1x5x5-out3x3-odd":    (1, 1, 5, 5, 1, 0, 1),
    "one-tile-4x4-out2x2":         (1, 1, 4, 4, 1, 0, 1),
    "smallest-3x3-out1x1":         (1, 1, 3, 3, 2, 0, 1),
    "even-out6x6-pad1":            (2, 3, 6, 6, 4, 1, 1),
    "odd-out7x7-pad1":             (2, 2, 7, 7, 3, 1, 1),
    "nonsquare-9x4-pad1":          (1, 2, 9, 4, 2, 1, 1),
    "nonsquare-5x10-out3x8":       (2, 3, 5, 10, 2, 0, 1),
    "pad2-out-larger-than-input":  (1, 2, 4, 5, 2, 2, 1),
    "groups2":                     (2, 4, 6, 7, 6, 1, 2),
    "depthwise-c4":                (2, 4, 6, 6, 4, 1, 4),
    "depthwise-multiplier2":       (1, 3, 5, 6, 6, 1, 3),
    "batch3-c5-f3":                (3, 5, 8, 8, 3, 1, 1),
}.items()]


def problem(n, c, h, w, f, padding, groups, dtype=np.float64):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, c, h, w)).astype(dtype)
    weight = rng.standard_normal((f, c // groups, 3, 3)).astype(dtype)
    b = rng.standard_normal(f).astype(dtype)
    return x, weight, b, dict(padding=padding, groups=groups)


def test_f23_transforms_compute_correlation():
    """1-D F(2, 3): Aᵀ[(G g) ⊙ (Bᵀ d)] equals the two correlation outputs, with 4 products."""
    rng = np.random.default_rng(0)
    for _ in range(5):
        d, g = rng.standard_normal(4), rng.standard_normal(3)
        products = (winograd.G @ g) * (winograd.BT @ d)
        assert products.shape == (4,)
        np.testing.assert_allclose(winograd.AT @ products, np.correlate(d, g, mode="valid"), rtol=1e-12)


def test_transforms_are_lavin_and_grays():
    """The matrices of the paper, written out (Lavin & Gray 2016, section 4.1)."""
    np.testing.assert_array_equal(winograd.BT, [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]])
    np.testing.assert_array_equal(winograd.G, [[1, 0, 0], [.5, .5, .5], [.5, -.5, .5], [0, 0, 1]])
    np.testing.assert_array_equal(winograd.AT, [[1, 1, 1, 0], [0, 1, -1, -1]])


def test_one_tile_by_hand():
    """2-D: Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A on one 4x4 tile == the four sums of products."""
    rng = np.random.default_rng(1)
    d, g = rng.standard_normal((4, 4)), rng.standard_normal((3, 3))
    y = winograd.AT @ ((winograd.G @ g @ winograd.G.T) * (winograd.BT @ d @ winograd.BT.T)) @ winograd.AT.T
    expected = [[np.sum(d[i:i + 3, j:j + 3] * g) for j in range(2)] for i in range(2)]
    np.testing.assert_allclose(y, expected, rtol=1e-12)


@pytest.mark.parametrize(ARGNAMES, SWEEP)
def test_forward_matches_loops(n, c, h, w, f, padding, groups):
    x, weight, b, kw = problem(n, c, h, w, f, padding, groups)
    np.testing.assert_allclose(ck.conv2d_winograd(x, weight, b, **kw), ck.conv2d_loops(x, weight, b, **kw),
                               rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(ck.conv2d_winograd(x, weight, **kw), ck.conv2d_loops(x, weight, **kw),
                               rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize(ARGNAMES, SWEEP)
def test_backward_matches_loops(n, c, h, w, f, padding, groups):
    x, weight, b, kw = problem(n, c, h, w, f, padding, groups)
    dy = np.random.default_rng(1).standard_normal(ck.conv2d_loops(x, weight, **kw).shape)
    expected = ck.conv2d_loops_backward(dy, x, weight, **kw)
    for name, got, exp in zip(("dx", "dw", "db"), ck.conv2d_winograd_backward(dy, x, weight, **kw),
                              expected):
        assert got.shape == exp.shape, name
        np.testing.assert_allclose(got, exp, rtol=1e-10, atol=1e-12, err_msg=name)


@pytest.mark.parametrize(ARGNAMES, [p for p in SWEEP if p.id in
                                    ("odd-out7x7-pad1", "groups2", "nonsquare-5x10-out3x8")])
def test_gradients_match_numerical(n, c, h, w, f, padding, groups):
    x, weight, b, kw = problem(n, c, h, w, f, padding, groups)
    dy = np.random.default_rng(2).standard_normal(ck.conv2d_loops(x, weight, **kw).shape)
    dx, dw, db = ck.conv2d_winograd_backward(dy, x, weight, **kw)
    assert ck.rel_error(dx, ck.numerical_gradient(lambda v: ck.conv2d_direct(v, weight, b, **kw), x, dy)) < 1e-7
    assert ck.rel_error(dw, ck.numerical_gradient(lambda v: ck.conv2d_direct(x, v, b, **kw), weight, dy)) < 1e-7
    assert ck.rel_error(db, ck.numerical_gradient(lambda v: ck.conv2d_direct(x, weight, v, **kw), b, dy)) < 1e-7


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_preserved_and_float32_is_accurate(dtype):
    x, weight, b, kw = problem(2, 4, 9, 8, 4, 1, 2, dtype=dtype)
    y = ck.conv2d_winograd(x, weight, b, **kw)
    assert y.dtype == dtype
    grads = ck.conv2d_winograd_backward(np.ones_like(y), x, weight, **kw)
    assert [g.dtype for g in grads] == [dtype] * 3
    y64 = ck.conv2d_loops(*(a.astype(np.float64) for a in (x, weight, b)), **kw)
    np.testing.assert_allclose(y, y64, rtol=1e-4 if dtype == np.float32 else 1e-10, atol=1e-5)


def test_tile_counts():
    assert winograd.winograd_tiles((4, 4)) == (2, 2)
    assert winograd.winograd_tiles((5, 3)) == (3, 2)   # odd sizes: the last tile is half used
    assert winograd.winograd_tiles((1, 1)) == (1, 1)


def test_inputs_are_not_modified():
    x, weight, b, kw = problem(2, 2, 6, 6, 2, 1, 1)
    copies = [a.copy() for a in (x, weight, b)]
    y = ck.conv2d_winograd(x, weight, b, **kw)
    dy = np.ones_like(y)
    ck.conv2d_winograd_backward(dy, x, weight, **kw)
    for a, before in zip((x, weight, b), copies):
        np.testing.assert_array_equal(a, before)
    np.testing.assert_array_equal(dy, 1.0)


# (id, w shape, kwargs, words the message must contain)
REFUSALS = [
    ("kernel-5x5", (2, 2, 5, 5), {}, ["3x3", "(5, 5)", "conv2d_fft"]),
    ("kernel-1x1", (2, 2, 1, 1), {}, ["3x3", "(1, 1)"]),
    ("kernel-3x2", (2, 2, 3, 2), {}, ["3x3", "(3, 2)"]),
    ("stride-2", (2, 2, 3, 3), dict(stride=2), ["stride 1", "(2, 2)", "conv2d_im2col"]),
    ("stride-1x2", (2, 2, 3, 3), dict(stride=(1, 2)), ["stride 1", "(1, 2)"]),
    ("dilation-2", (2, 2, 3, 3), dict(dilation=2), ["dilation 1", "(2, 2)"]),
]


@pytest.mark.parametrize("call", ["forward", "backward"])
@pytest.mark.parametrize("case", REFUSALS, ids=lambda c: c[0])
def test_unsupported_geometry_is_refused_clearly(call, case):
    _, w_shape, kwargs, words = case
    x, w = np.zeros((1, 2, 9, 9)), np.zeros(w_shape)
    with pytest.raises(ValueError) as excinfo:
        if call == "forward":
            ck.conv2d_winograd(x, w, **kwargs)
        else:
            y = ck.conv2d_loops(x, w, **kwargs)
            ck.conv2d_winograd_backward(np.zeros(y.shape), x, w, **kwargs)
    for word in words:
        assert word in str(excinfo.value), (word, str(excinfo.value))


def test_general_argument_checks_still_apply():
    with pytest.raises(ValueError, match="x must be 4-D"):
        ck.conv2d_winograd(np.zeros((2, 5, 5)), np.zeros((1, 2, 3, 3)))
    with pytest.raises(ValueError, match="groups=2 must divide"):
        ck.conv2d_winograd(np.zeros((1, 3, 5, 5)), np.zeros((2, 1, 3, 3)), groups=2)


@pytest.mark.parametrize(ARGNAMES, SWEEP)
def test_matches_torch(n, c, h, w, f, padding, groups):
    """PyTorch as an oracle we did not write (skips without it: pip install torch==2.13.0)."""
    torch = pytest.importorskip("torch", reason="PyTorch not installed: pip install torch==2.13.0")
    x, weight, b, kw = problem(n, c, h, w, f, padding, groups)
    xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, weight, b))
    yt = torch.nn.functional.conv2d(xt, wt, bt, **kw)
    dy = np.random.default_rng(7).standard_normal(tuple(yt.shape))
    yt.backward(torch.tensor(dy))
    ours = (ck.conv2d_winograd(x, weight, b, **kw),) + ck.conv2d_winograd_backward(dy, x, weight, **kw)
    theirs = (yt.detach().numpy(), xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy())
    for name, o, t in zip(("y", "dx", "dw", "db"), ours, theirs):
        np.testing.assert_allclose(o, t, rtol=1e-10, atol=1e-10, err_msg=name)
