"""NaN and inf, method by method: where PyTorch puts them, or where each method documents.

The exact methods (loops, direct, im2col) and ``Conv2d(method="auto")`` form the products of
the definition — padding zeros included, as PyTorch's float64 path does — so a NaN or an
inf in x, w or dY must land in exactly the cells where it lands in PyTorch: NaN where
PyTorch has NaN, +inf where +inf, -inf where -inf; forward and backward; through the public
functions and through ``Conv2d``.  Without PyTorch the literal loops are the oracle (they are
the definition, written out; the first test holds them to PyTorch where it is installed).

FFT and Winograd mix values before they multiply, and say so in their docstrings: FFT
spreads a non-finite value over the whole image (all of y[n] for one in x[n]), Winograd over
its tiles.  Those claims are what is tested for them.
"""
import numpy as np
import pytest

import convkit as ck
from convkit.methods import METHODS
from convkit.winograd import winograd_tiles

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")

GEOMETRIES = {  # (N, C, H, W, F, kernel, stride, padding, dilation, groups)
    "k3-p1": (2, 3, 7, 8, 4, 3, 1, 1, 1, 1),
    "k3-s2-p1": (2, 3, 9, 8, 4, 3, 2, 1, 1, 1),
    "k2x3-p(2,1)-d2": (2, 2, 8, 9, 3, (2, 3), 1, (2, 1), 2, 1),
    "groups2-s(1,2)": (2, 4, 7, 7, 4, 3, (1, 2), 1, 1, 2),
}
POISON = {"x-nan": ("x", np.nan), "x-inf": ("x", np.inf), "w-inf": ("w", np.inf),
          "w-minus-inf": ("w", -np.inf), "w-nan": ("w", np.nan), "dy-nan": ("dy", np.nan),
          "dy-minus-inf": ("dy", -np.inf)}
EXACT = ("loops", "direct", "im2col", "auto")


def problem(spec, where, value, seed):
    """Seeded float64 x, w, dy with ``value`` in one or two random cells of ``where``."""
    n, c, h, w, f, kernel, stride, padding, dilation, groups = spec
    kh, kw = ck.geometry.pair(kernel, "kernel")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, h, w))
    weight = rng.standard_normal((f, c // groups, kh, kw))
    geometry = dict(stride=stride, padding=padding, dilation=dilation, groups=groups)
    dy = rng.standard_normal(ck.conv2d_loops(x, weight, **geometry).shape)
    target = dict(x=x, w=weight, dy=dy)[where]
    for _ in range(1 + seed % 2):
        target[tuple(rng.integers(0, s) for s in target.shape)] = value
    return x, weight, dy, geometry


def oracle(x, weight, dy, geometry):
    """(y, dx, dw): PyTorch's when it is installed, else the literal loops'."""
    try:
        import torch
    except ImportError:
        return (ck.conv2d_loops(x, weight, **geometry),) + ck.conv2d_loops_backward(
            dy, x, weight, **geometry)[:2]
    xt, wt = (torch.tensor(a, requires_grad=True) for a in (x, weight))
    yt = torch.nn.functional.conv2d(xt, wt, **geometry)
    yt.backward(torch.tensor(dy))
    return yt.detach().numpy(), xt.grad.numpy(), wt.grad.numpy()


def run(method, path, x, weight, dy, geometry):
    """(y, dx, dw) of one method, through its public functions or through Conv2d."""
    if path == "functions":
        entry = METHODS[method]
        return (entry.forward(x, weight, **geometry),) + entry.backward(dy, x, weight,
                                                                        **geometry)[:2]
    layer = ck.Conv2d(x.shape[1], weight.shape[0], weight.shape[2:], bias=False, method=method,
                      **geometry)
    layer.weight = weight
    y = layer.forward(x)
    return y, layer.backward(dy), layer.grad_weight


def same_cells(got, want, name):
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want), err_msg=f"{name}: NaN cells")
    np.testing.assert_array_equal(np.isposinf(got), np.isposinf(want), err_msg=f"{name}: +inf")
    np.testing.assert_array_equal(np.isneginf(got), np.isneginf(want), err_msg=f"{name}: -inf")
    finite = np.isfinite(want)
    np.testing.assert_allclose(got[finite], want[finite], rtol=1e-9, atol=1e-9, err_msg=name)


def test_the_loops_are_pytorch_where_pytorch_is_installed():
    """The fallback oracle must itself agree with PyTorch cell for cell."""
    torch = pytest.importorskip("torch", reason="PyTorch not installed: pip install torch==2.13.0")
    assert torch is not None
    for spec in GEOMETRIES.values():
        for where, value in POISON.values():
            x, weight, dy, geometry = problem(spec, where, value, 0)
            loops = (ck.conv2d_loops(x, weight, **geometry),) + ck.conv2d_loops_backward(
                dy, x, weight, **geometry)[:2]
            for name, ours, theirs in zip(("y", "dx", "dw"), loops,
                                          oracle(x, weight, dy, geometry)):
                same_cells(ours, theirs, name)


PATHS = [(m, p) for m in EXACT for p in ("functions", "layer")
         if m != "auto" or p == "layer"]  # auto is a Conv2d method only


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("poison", POISON)
@pytest.mark.parametrize("spec", GEOMETRIES.values(), ids=list(GEOMETRIES))
@pytest.mark.parametrize("method, path", PATHS, ids=[f"{m}-{p}" for m, p in PATHS])
def test_exact_methods_put_them_where_pytorch_does(method, path, spec, poison, seed):
    x, weight, dy, geometry = problem(spec, *POISON[poison], seed)
    for name, ours, theirs in zip(("y", "dx", "dw"), run(method, path, x, weight, dy, geometry),
                                  oracle(x, weight, dy, geometry)):
        same_cells(ours, theirs, name)


def test_the_direct_method_gives_no_nan_where_pytorch_gives_inf():
    """The issue's case: an inf weight; stride 1 and 2.  PyTorch's dx has inf and finite
    cells only; the direct method's correlation used to multiply the inf by the zeros it
    inserts around dY."""
    for stride in (1, 2):
        x, weight, dy, geometry = problem((2, 3, 9, 9, 4, 3, stride, 1, 1, 1), "x", 0.0, 0)
        weight[1, 2, 0, 1] = np.inf
        for path in ("functions", "layer"):
            dx = run("direct", path, x, weight, dy, geometry)[1]
            assert not np.isnan(dx).any() and np.isinf(dx).any()
            same_cells(dx, oracle(x, weight, dy, geometry)[1], "dx")


# ------------------------------------------------------------------- FFT: whole images
STRIDE1 = {k: v for k, v in GEOMETRIES.items() if v[6] == 1}


@pytest.mark.parametrize("path", ["functions", "layer"])
@pytest.mark.parametrize("spec", STRIDE1.values(), ids=list(STRIDE1))
def test_fft_spreads_a_non_finite_value_over_the_whole_image(spec, path):
    """One NaN or inf in x[n, c] -> all of y[n] non-finite (the filters of c's group) and all
    of dw[:, c]; the other samples untouched.  One in w[f, c] -> all of y[:, f] and of
    dx[:, c].  One in dy[n, f] -> all of dx[n] (the channels of f's group) and of dw[f]."""
    groups = spec[-1]
    for value in (np.nan, np.inf):
        x, weight, dy, geometry = problem(spec, "x", 0.0, 0)
        x[1, 0, 2, 3] = value
        y, dx, dw = run("fft", path, x, weight, dy, geometry)
        filters = y.shape[1] // groups                           # group 0's filters
        assert not np.isfinite(y[1, :filters]).any() and np.isfinite(y[0]).all()
        assert not np.isfinite(dw[:filters, 0]).any() and np.isfinite(dx).all()
        x, weight, dy, geometry = problem(spec, "x", 0.0, 0)
        weight[0, 1, 0, 0] = value
        y, dx, dw = run("fft", path, x, weight, dy, geometry)
        assert not np.isfinite(y[:, 0]).any() and np.isfinite(y[:, 1:]).all()
        assert not np.isfinite(dx[:, 1]).any()
        x, weight, dy, geometry = problem(spec, "x", 0.0, 0)
        dy[0, 1, 1, 1] = value
        y, dx, dw = run("fft", path, x, weight, dy, geometry)
        channels = x.shape[1] // groups
        assert not np.isfinite(dx[0, :channels]).any() and np.isfinite(dx[1]).all()
        assert not np.isfinite(dw[1]).any() and np.isfinite(np.delete(dw, 1, axis=0)).all()


# ------------------------------------------------------------------- Winograd: whole tiles
def tile_closure(bad_input, geometry, output):
    """Output cells whose 2x2 tile's 4x4 input tile holds a non-finite input: (N, Ho, Wo)."""
    ph, pw = ck.geometry.pair(geometry["padding"], "padding")
    n, h, w = bad_input.shape
    padded = np.zeros((n, h + 2 * ph + 4, w + 2 * pw + 4), dtype=bool)
    padded[:, ph:ph + h, pw:pw + w] = bad_input
    th, tw = winograd_tiles(output)
    closure = np.zeros((n, 2 * th, 2 * tw), dtype=bool)
    for i in range(th):
        for j in range(tw):
            hit = padded[:, 2 * i:2 * i + 4, 2 * j:2 * j + 4].any(axis=(1, 2))
            closure[:, 2 * i:2 * i + 2, 2 * j:2 * j + 2] = hit[:, None, None]
    return closure[:, :output[0], :output[1]]


@pytest.mark.parametrize("path", ["functions", "layer"])
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf], ids=["nan", "inf", "minus-inf"])
def test_winograd_spreads_a_non_finite_input_over_its_tiles(value, seed, path):
    """Every cell PyTorch makes non-finite is non-finite here too, and no cell outside the
    2x2 output tiles whose 4x4 input tile holds the bad value."""
    spec = (2, 3, 7, 8, 4, 3, 1, 1, 1, 1)
    x, weight, dy, geometry = problem(spec, "x", value, seed)
    y = run("winograd", path, x, weight, dy, geometry)[0]
    theirs = oracle(x, weight, dy, geometry)[0]
    bad = ~np.isfinite(y)
    assert (bad | np.isfinite(theirs)).all()                     # ⊇ PyTorch's cells
    closure = tile_closure(~np.isfinite(x).all(axis=1), geometry, y.shape[2:])
    assert not (bad & ~closure[:, None]).any()                   # ⊆ the tiles that hold it
