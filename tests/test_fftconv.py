"""FFT convolution == the literal loops, forward and backward, wherever stride is 1.

Runs over the stride-1 cases of the shared geometry sweep (dilation, padding, groups,
non-square kernels and inputs) plus large kernels, where FFT is meant to pay off.
"""
import numpy as np
import pytest

import convkit as ck
from geometries import ARGNAMES, CASES

STRIDE1 = {name: case for name, case in CASES.items() if case[6] in (1, (1, 1))}
EXTRA = {
    # (N, C, H, W, F, kernel, stride, padding, dilation, groups)
    "k5-even-input-8x8":           (2, 3, 8, 8, 2, 5, 1, 0, 1, 1),
    "k7-pad3-odd-input-9x11":      (1, 2, 9, 11, 3, 7, 1, 3, 1, 1),
    "k4-even-kernel-pad2":         (2, 2, 6, 7, 2, 4, 1, 2, 1, 1),
    "nonsquare-k1x5-groups2":      (1, 4, 5, 8, 2, (1, 5), 1, (0, 2), 1, 2),
    "k9-equals-padded-input":      (1, 1, 7, 7, 1, 9, 1, 1, 1, 1),
}
SWEEP = [pytest.param(*case, id=name) for name, case in {**STRIDE1, **EXTRA}.items()]


def test_the_sweep_is_not_empty():
    assert len(STRIDE1) >= 8


@pytest.mark.parametrize(ARGNAMES, SWEEP)
def test_forward_matches_loops(make_problem, n, c, h, w, f, kernel, stride, padding, dilation,
                               groups):
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    np.testing.assert_allclose(ck.conv2d_fft(x, weight, b, **kw), ck.conv2d_loops(x, weight, b, **kw),
                               rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize(ARGNAMES, SWEEP)
def test_backward_matches_loops(make_problem, n, c, h, w, f, kernel, stride, padding, dilation,
                                groups):
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    dy = np.random.default_rng(1).standard_normal(ck.conv2d_loops(x, weight, **kw).shape)
    expected = ck.conv2d_loops_backward(dy, x, weight, **kw)
    for name, got, exp in zip(("dx", "dw", "db"), ck.conv2d_fft_backward(dy, x, weight, **kw), expected):
        assert got.shape == exp.shape, name
        np.testing.assert_allclose(got, exp, rtol=1e-10, atol=1e-12, err_msg=name)


@pytest.mark.parametrize(ARGNAMES, [p for p in SWEEP if p.id in
                                    ("batch2-c3-f4-k3-p1", "dilation3-k2", "groups2", "k4-even-kernel-pad2")])
def test_gradients_match_numerical(make_problem, n, c, h, w, f, kernel, stride, padding, dilation,
                                   groups):
    """Central differences of sum(conv2d_direct(...) * dy): no FFT code on the expected side."""
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    dy = np.random.default_rng(2).standard_normal(ck.conv2d_loops(x, weight, **kw).shape)
    dx, dw, db = ck.conv2d_fft_backward(dy, x, weight, **kw)
    assert ck.rel_error(dx, ck.numerical_gradient(lambda v: ck.conv2d_direct(v, weight, b, **kw), x, dy)) < 1e-7
    assert ck.rel_error(dw, ck.numerical_gradient(lambda v: ck.conv2d_direct(x, v, b, **kw), weight, dy)) < 1e-7
    assert ck.rel_error(db, ck.numerical_gradient(lambda v: ck.conv2d_direct(x, weight, v, **kw), b, dy)) < 1e-7


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_preserved_and_float32_is_accurate(make_problem, dtype):
    x, weight, b, kw = make_problem(2, 4, 9, 8, 4, 5, 1, 2, 1, 2, dtype=dtype)
    y = ck.conv2d_fft(x, weight, b, **kw)
    assert y.dtype == dtype
    grads = ck.conv2d_fft_backward(np.ones_like(y), x, weight, **kw)
    assert [g.dtype for g in grads] == [dtype] * 3
    y64 = ck.conv2d_loops(*(a.astype(np.float64) for a in (x, weight, b)), **kw)
    # FFT rounding error is spread over all outputs: relative to the largest value, not each one
    scale = np.abs(y64).max()
    np.testing.assert_allclose(y, y64, rtol=0, atol=1e-5 * scale if dtype == np.float32 else 1e-12 * scale)


def test_integer_inputs_compute_in_float64():
    x = np.arange(25).reshape(1, 1, 5, 5)
    w = np.arange(9).reshape(1, 1, 3, 3)
    y = ck.conv2d_fft(x, w)
    assert y.dtype == np.float64
    np.testing.assert_allclose(y, ck.conv2d_loops(x, w), atol=1e-10)


def test_article_example():
    """The article's 5x5 / 3x3 example; first output written out by hand."""
    y = ck.conv2d_fft(np.arange(25.0).reshape(1, 1, 5, 5), np.arange(9.0).reshape(1, 1, 3, 3))
    assert y.shape == (1, 1, 3, 3)
    assert y[0, 0, 0, 0] == pytest.approx(0*0 + 1*1 + 2*2 + 5*3 + 6*4 + 7*5 + 10*6 + 11*7 + 12*8)


def test_inputs_are_not_modified(make_problem):
    x, weight, b, kw = make_problem(2, 2, 6, 6, 2, 3, 1, 1, 1, 1)
    copies = [a.copy() for a in (x, weight, b)]
    y = ck.conv2d_fft(x, weight, b, **kw)
    dy = np.ones_like(y)
    ck.conv2d_fft_backward(dy, x, weight, **kw)
    for a, before in zip((x, weight, b), copies):
        np.testing.assert_array_equal(a, before)
    np.testing.assert_array_equal(dy, 1.0)


@pytest.mark.parametrize("call", ["forward", "backward"])
@pytest.mark.parametrize("stride", [2, (1, 2)], ids=["stride2", "stride1x2"])
def test_stride_is_rejected_with_a_clear_message(call, stride):
    x, w = np.zeros((1, 2, 8, 8)), np.zeros((3, 2, 3, 3))
    with pytest.raises(ValueError) as excinfo:
        if call == "forward":
            ck.conv2d_fft(x, w, stride=stride)
        else:
            dy = np.zeros(ck.conv2d_loops(x, w, stride=stride).shape)
            ck.conv2d_fft_backward(dy, x, w, stride=stride)
    message = str(excinfo.value)
    assert "stride 1" in message and str(ck.geometry.pair(stride, "s")) in message
    assert "conv2d_im2col" in message


def test_general_argument_checks_still_apply():
    with pytest.raises(ValueError, match="x must be 4-D"):
        ck.conv2d_fft(np.zeros((2, 5, 5)), np.zeros((1, 2, 3, 3)))
    with pytest.raises(ValueError, match="channel mismatch"):
        ck.conv2d_fft(np.zeros((1, 2, 5, 5)), np.zeros((1, 3, 3, 3)))


@pytest.mark.parametrize("n, expected", [(1, 1), (8, 8), (11, 12), (17, 18), (34, 35), (46, 48),
                                         (97, 98), (121, 125)])
def test_fast_length_has_only_small_prime_factors(n, expected):
    assert ck.fftconv.fast_length(n) == expected


@pytest.mark.parametrize("h", [13, 17, 23])   # padded sizes with a large prime factor
def test_fft_larger_than_the_input_still_gives_valid_outputs(h):
    x = np.random.default_rng(0).standard_normal((1, 2, h, h + 2))
    w = np.random.default_rng(1).standard_normal((2, 2, 3, 3))
    geom = ck.geometry.conv_geometry(x.shape[2:], 3)
    assert ck.fftconv.fft_size(geom) != (h, h + 2)
    np.testing.assert_allclose(ck.conv2d_fft(x, w), ck.conv2d_loops(x, w), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize(ARGNAMES, SWEEP)
def test_matches_torch(make_problem, n, c, h, w, f, kernel, stride, padding, dilation, groups):
    """PyTorch as an oracle we did not write (skips without it: pip install torch==2.13.0)."""
    torch = pytest.importorskip("torch", reason="PyTorch not installed: pip install torch==2.13.0")
    x, weight, b, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, weight, b))
    yt = torch.nn.functional.conv2d(xt, wt, bt, **kw)
    dy = np.random.default_rng(7).standard_normal(tuple(yt.shape))
    yt.backward(torch.tensor(dy))
    ours = (ck.conv2d_fft(x, weight, b, **kw),) + ck.conv2d_fft_backward(dy, x, weight, **kw)
    theirs = (yt.detach().numpy(), xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy())
    for name, o, t in zip(("y", "dx", "dw", "db"), ours, theirs):
        np.testing.assert_allclose(o, t, rtol=1e-10, atol=1e-10, err_msg=name)
