"""convkit.trace: the article's values typed in by hand, then every map checked against
the convolution itself (which outputs change when one input or one weight is switched on)."""
import numpy as np
import pytest

import convkit as ck
from convkit.geometry import conv_geometry
from geometries import CASES
from convkit.trace import window_positions

# ----------------------------------------------------------------- the article's example
ARTICLE_COUNTS = np.array([
    [1, 2, 3, 2, 1],
    [2, 4, 6, 4, 2],
    [3, 6, 9, 6, 3],
    [2, 4, 6, 4, 2],
    [1, 2, 3, 2, 1],
])

ARTICLE_FACELIFT = np.array([  # 整容 matrix: rows = outputs, columns = kernel weights
    [0, 1, 2, 5, 6, 7, 10, 11, 12],
    [1, 2, 3, 6, 7, 8, 11, 12, 13],
    [2, 3, 4, 7, 8, 9, 12, 13, 14],
    [5, 6, 7, 10, 11, 12, 15, 16, 17],
    [6, 7, 8, 11, 12, 13, 16, 17, 18],
    [7, 8, 9, 12, 13, 14, 17, 18, 19],
    [10, 11, 12, 15, 16, 17, 20, 21, 22],
    [11, 12, 13, 16, 17, 18, 21, 22, 23],
    [12, 13, 14, 17, 18, 19, 22, 23, 24],
])


def test_article_participation_counts():
    counts = ck.participation_counts(5, 3)
    np.testing.assert_array_equal(counts, ARTICLE_COUNTS)
    assert counts.sum() == 81  # 9 outputs x 9 multiply-adds


def test_article_facelift_matrix():
    np.testing.assert_array_equal(ck.im2col_indices(5, 3), ARTICLE_FACELIFT)
    np.testing.assert_array_equal(ck.im2col_indices((5, 5), (3, 3)), ARTICLE_FACELIFT)


def test_article_forward_map_of_the_centre_output():
    blank = -1
    expected = np.array([
        [blank, blank, blank, blank, blank],
        [blank, 0, 1, 2, blank],
        [blank, 3, 4, 5, blank],
        [blank, 6, 7, 8, blank],
        [blank, blank, blank, blank, blank],
    ])
    fmap = ck.forward_map(5, 3)
    assert fmap.shape == (3, 3, 5, 5)
    np.testing.assert_array_equal(fmap[1, 1], expected)


def test_article_input_grad_map_of_the_centre_input():
    # input 12 sits under every output, each time under a different weight: 8 7 6 / 5 4 3 / 2 1 0
    imap = ck.input_grad_map(5, 3)
    assert imap.shape == (5, 5, 3, 3)
    np.testing.assert_array_equal(imap[2, 2], [[8, 7, 6], [5, 4, 3], [2, 1, 0]])
    np.testing.assert_array_equal(imap[0, 0], [[0, -1, -1], [-1, -1, -1], [-1, -1, -1]])


def test_article_weight_grad_map_of_weight_0_and_8():
    wmap = ck.weight_grad_map(5, 3)
    assert wmap.shape == (3, 3, 3, 3)
    np.testing.assert_array_equal(wmap[0, 0], [[0, 1, 2], [5, 6, 7], [10, 11, 12]])
    np.testing.assert_array_equal(wmap[2, 2], [[12, 13, 14], [17, 18, 19], [22, 23, 24]])


def test_stride_2_padding_1_by_hand():
    # 4x4 input, 3x3 kernel, stride 2, padding 1 -> 2x2 output; -1 where the window is on padding
    np.testing.assert_array_equal(ck.im2col_indices(4, 3, stride=2, padding=1), [
        [-1, -1, -1, -1, 0, 1, -1, 4, 5],
        [-1, -1, -1, 1, 2, 3, 5, 6, 7],
        [-1, 4, 5, -1, 8, 9, -1, 12, 13],
        [5, 6, 7, 9, 10, 11, 13, 14, 15],
    ])
    np.testing.assert_array_equal(ck.participation_counts(4, 3, stride=2, padding=1), [
        [1, 2, 1, 1],
        [2, 4, 2, 2],
        [1, 2, 1, 1],
        [1, 2, 1, 1],
    ])


# ------------------------------------------------------ independent check: the Jacobian
GEOMETRIES = [
    pytest.param(dict(input_size=5, kernel_size=3), id="5x5-k3"),
    pytest.param(dict(input_size=7, kernel_size=3, stride=2), id="7x7-k3-s2"),
    pytest.param(dict(input_size=6, kernel_size=3, stride=2), id="6x6-k3-s2-floor-drops-last-row"),
    pytest.param(dict(input_size=5, kernel_size=3, padding=1), id="5x5-k3-p1"),
    pytest.param(dict(input_size=4, kernel_size=3, stride=2, padding=1), id="4x4-k3-s2-p1"),
    pytest.param(dict(input_size=7, kernel_size=3, dilation=2), id="7x7-k3-d2"),
    pytest.param(dict(input_size=(6, 8), kernel_size=(2, 3), stride=(1, 2), padding=(1, 0),
                      dilation=(2, 1)), id="6x8-k2x3-s1x2-p1x0-d2x1"),
    pytest.param(dict(input_size=(5, 7), kernel_size=(5, 3), stride=2, padding=2),
                 id="5x7-k5x3-s2-p2"),
    pytest.param(dict(input_size=1, kernel_size=3, padding=1), id="1x1-k3-p1"),
    pytest.param(dict(input_size=3, kernel_size=3, padding=3),
                 id="3x3-k3-p3-windows-on-padding-only"),
    pytest.param(dict(input_size=9, kernel_size=3), id="9x9-k3"),
] + [  # and the single-channel geometry of every case in the shared sweep
    pytest.param(dict(input_size=(h, w), kernel_size=kernel, stride=stride, padding=padding,
                      dilation=dilation), id=f"sweep-{name}")
    for name, (_n, _c, h, w, _f, kernel, stride, padding, dilation, _g) in CASES.items()
]


def _split(geometry):
    geometry = dict(geometry)
    return geometry.pop("input_size"), geometry.pop("kernel_size"), geometry


def _sizes(input_size, kernel_size, kw):
    g = conv_geometry(input_size, kernel_size, **kw)
    return g.input, g.kernel, g.output


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_forward_map_is_the_jacobian_pattern(geometry):
    """Switch on one input pixel; kernel weights 1..K make each output say which weight met it."""
    size, ksize, kw = _split(geometry)
    (h, w), (kh, kwid), (ho, wo) = _sizes(size, ksize, kw)
    kernel = np.arange(1, kh * kwid + 1, dtype=float).reshape(1, 1, kh, kwid)
    expected = np.empty((ho, wo, h, w), dtype=int)
    for r in range(h):
        for c in range(w):
            x = np.zeros((1, 1, h, w))
            x[0, 0, r, c] = 1.0
            y = ck.conv2d_direct(x, kernel, **kw)[0, 0]
            expected[:, :, r, c] = np.rint(y).astype(int) - 1  # 0 (untouched) -> -1
    np.testing.assert_array_equal(ck.forward_map(size, ksize, **kw), expected)


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_im2col_indices_and_weight_map_from_one_hot_kernels(geometry):
    """Switch on one kernel weight; input values 1..H*W make each output say which input it met."""
    size, ksize, kw = _split(geometry)
    (h, w), (kh, kwid), (ho, wo) = _sizes(size, ksize, kw)
    x = np.arange(1, h * w + 1, dtype=float).reshape(1, 1, h, w)
    expected = np.empty((kh, kwid, ho, wo), dtype=int)
    for i in range(kh):
        for j in range(kwid):
            kernel = np.zeros((1, 1, kh, kwid))
            kernel[0, 0, i, j] = 1.0
            expected[i, j] = np.rint(ck.conv2d_direct(x, kernel, **kw)[0, 0]).astype(int) - 1
    np.testing.assert_array_equal(ck.weight_grad_map(size, ksize, **kw), expected)
    np.testing.assert_array_equal(ck.im2col_indices(size, ksize, **kw),
                                  expected.reshape(kh * kwid, ho * wo).T)


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_im2col_indices_agree_with_im2col_of_an_id_image(geometry):
    size, ksize, kw = _split(geometry)
    (h, w), _, _ = _sizes(size, ksize, kw)
    ids_plus_one = np.arange(1, h * w + 1, dtype=float).reshape(1, 1, h, w)  # padding reads 0
    cols = ck.im2col(ids_plus_one, ksize, **kw)[0]  # (KH*KW, Ho*Wo)
    np.testing.assert_array_equal(ck.im2col_indices(size, ksize, **kw),
                                  np.rint(cols.T).astype(int) - 1)


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_input_grad_map_from_the_backward_pass(geometry):
    """Switch on one output's gradient; dX = dz * weight id + 1 where that input fed it."""
    size, ksize, kw = _split(geometry)
    (h, w), (kh, kwid), (ho, wo) = _sizes(size, ksize, kw)
    x = np.zeros((1, 1, h, w))
    kernel = np.arange(1, kh * kwid + 1, dtype=float).reshape(1, 1, kh, kwid)
    expected = np.empty((h, w, ho, wo), dtype=int)
    for oy in range(ho):
        for ox in range(wo):
            dy = np.zeros((1, 1, ho, wo))
            dy[0, 0, oy, ox] = 1.0
            dx = ck.conv2d_direct_backward(dy, x, kernel, **kw)[0][0, 0]
            expected[:, :, oy, ox] = np.rint(dx).astype(int) - 1
    np.testing.assert_array_equal(ck.input_grad_map(size, ksize, **kw), expected)


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_participation_counts_are_the_input_gradient_of_all_ones(geometry):
    size, ksize, kw = _split(geometry)
    (h, w), (kh, kwid), (ho, wo) = _sizes(size, ksize, kw)
    dx = ck.conv2d_loops_backward(np.ones((1, 1, ho, wo)), np.zeros((1, 1, h, w)),
                                  np.ones((1, 1, kh, kwid)), **kw)[0][0, 0]
    counts = ck.participation_counts(size, ksize, **kw)
    assert np.issubdtype(counts.dtype, np.integer)
    np.testing.assert_array_equal(counts, np.rint(dx).astype(int))


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_window_positions_land_where_the_formula_says(geometry):
    size, ksize, kw = _split(geometry)
    g = conv_geometry(size, ksize, **kw)
    pos = window_positions(size, ksize, **kw)
    (ho, wo), (kh, kwid) = g.output, g.kernel
    for o in range(ho * wo):
        for k in range(kh * kwid):
            oy, ox, i, j = o // wo, o % wo, k // kwid, k % kwid
            assert tuple(pos[o, k]) == (oy * g.stride[0] + i * g.dilation[0] - g.padding[0],
                                        ox * g.stride[1] + j * g.dilation[1] - g.padding[1])


# ---------------------------------------------------------------------- bad arguments
FUNCTIONS = [ck.participation_counts, ck.im2col_indices, ck.forward_map, ck.input_grad_map,
             ck.weight_grad_map]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("args, kw, error", [
    pytest.param((3, 5), {}, ValueError, id="kernel-larger-than-input"),
    pytest.param((5, 3), {"stride": 0}, ValueError, id="stride-0"),
    pytest.param((5, 3), {"padding": -1}, ValueError, id="padding-negative"),
    pytest.param((5, 3), {"dilation": 3}, ValueError, id="dilated-kernel-too-big"),
    pytest.param((5, 0), {}, ValueError, id="kernel-0"),
    pytest.param((5, True), {}, TypeError, id="kernel-bool"),
    pytest.param((5.0, 3), {}, TypeError, id="input-size-float"),
])
def test_bad_geometry_raises_like_geometry(function, args, kw, error):
    with pytest.raises(error) as expected:
        conv_geometry(*args, **kw)
    with pytest.raises(error) as raised:
        function(*args, **kw)
    assert str(raised.value) == str(expected.value)
