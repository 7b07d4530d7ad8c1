"""im2col / col2im: layout, the adjoint identity, and the torch unfold/fold layout."""
import numpy as np
import pytest

import convkit as ck
from geometries import ARGNAMES, PARAMS


@pytest.mark.parametrize(ARGNAMES, PARAMS)
def test_im2col_columns_are_receptive_fields(make_problem, n, c, h, w, f, kernel, stride,
                                             padding, dilation, groups):
    """Column l, rows for channel ch, hold the padded input under window l, row-major."""
    x, weight, _, kw = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    kh, kw_ = weight.shape[2:]
    geom = dict(stride=stride, padding=padding, dilation=dilation)
    cols = ck.im2col(x, (kh, kw_), **geom)
    s, p, d = (ck.geometry.pair(v, "v") for v in (stride, padding, dilation))
    ho = ck.output_size(h, kh, s[0], p[0], d[0])
    wo = ck.output_size(w, kw_, s[1], p[1], d[1])
    assert cols.shape == (n, c * kh * kw_, ho * wo)
    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])))
    for oy in range(ho):
        for ox in range(wo):
            window = xp[:, :, oy * s[0]:oy * s[0] + d[0] * (kh - 1) + 1:d[0],
                        ox * s[1]:ox * s[1] + d[1] * (kw_ - 1) + 1:d[1]]
            np.testing.assert_array_equal(cols[:, :, oy * wo + ox], window.reshape(n, -1))


@pytest.mark.parametrize(ARGNAMES, PARAMS)
def test_col2im_is_the_adjoint_of_im2col(make_problem, n, c, h, w, f, kernel, stride, padding,
                                         dilation, groups):
    """<im2col(x), v> == <x, col2im(v)> for all x, v: col2im is im2col's transpose."""
    x, weight, _, _ = make_problem(n, c, h, w, f, kernel, stride, padding, dilation, groups)
    geom = dict(stride=stride, padding=padding, dilation=dilation)
    cols = ck.im2col(x, weight.shape[2:], **geom)
    v = np.random.default_rng(5).standard_normal(cols.shape)
    back = ck.col2im(v, (h, w), weight.shape[2:], **geom)
    assert back.shape == x.shape
    np.testing.assert_allclose(np.vdot(cols, v), np.vdot(x, back), rtol=1e-12)


def test_col2im_of_im2col_counts_participation():
    """Folding the unfolded ones gives how many windows covered each pixel (1 2 3 2 1 ...)."""
    ones = np.ones((1, 1, 5, 5))
    counts = ck.col2im(ck.im2col(ones, 3), (5, 5), 3)[0, 0]
    edge = np.array([1, 2, 3, 2, 1])
    np.testing.assert_array_equal(counts, np.outer(edge, edge))
    assert counts.sum() == 81


def test_article_im2col_matrix():
    """COURSE.md's 整容 matrix: row o holds the input ids output o reads."""
    ids = np.arange(25.0).reshape(1, 1, 5, 5)
    first_rows = ck.im2col(ids, 3)[0].T[:3]
    np.testing.assert_array_equal(first_rows, [[0, 1, 2, 5, 6, 7, 10, 11, 12],
                                               [1, 2, 3, 6, 7, 8, 11, 12, 13],
                                               [2, 3, 4, 7, 8, 9, 12, 13, 14]])
    assert ck.im2col(ids, 3)[0].T[-1].tolist() == [12, 13, 14, 17, 18, 19, 22, 23, 24]
