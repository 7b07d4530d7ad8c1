"""Multiply counts, checked against counts done by hand."""
import math

import pytest

from convkit import costs


def test_direct_article_example():
    """9 outputs x 9 multiplies: the article's participation counts sum to 81."""
    assert costs.direct_multiplies((1, 1, 5, 5), (1, 1, 3, 3)) == 81


def test_direct_counts_channels_filters_batch_groups_stride():
    # N=2, F=4, C/g=3, 3x3 taps, output 6x6 (6 + 2 - 3 + 1)
    assert costs.direct_multiplies((2, 3, 6, 6), (4, 3, 3, 3), padding=1) == 2 * 4 * 3 * 9 * 36
    # groups=2 halves the channels each filter reads
    assert costs.direct_multiplies((1, 4, 6, 6), (6, 2, 3, 3), padding=1, groups=2) == 6 * 2 * 9 * 36
    # stride 2 on 8x8, 3x3: output 3x3
    assert costs.direct_multiplies((1, 1, 8, 8), (1, 1, 3, 3), stride=2) == 9 * 9


def test_winograd_16_per_tile():
    # 6x6 input, output 4x4 = 2x2 tiles: 4 tiles x 16 = 64, against 16 outputs x 9 = 144 direct
    assert costs.winograd_multiplies((1, 1, 6, 6), (1, 1, 3, 3)) == 64
    assert costs.direct_multiplies((1, 1, 6, 6), (1, 1, 3, 3)) == 144
    # odd output 5x5 needs 3x3 tiles (the last ones half used): 9 x 16 = 144 vs 225
    assert costs.winograd_multiplies((1, 1, 7, 7), (1, 1, 3, 3)) == 144
    # with batch, channels and filters: every (image, filter, channel) triple pays 16 per tile
    assert costs.winograd_multiplies((2, 16, 10, 10), (32, 16, 3, 3), padding=1) == 2 * 32 * 16 * 16 * 25


def test_winograd_refuses_other_kernels():
    with pytest.raises(ValueError, match="3x3"):
        costs.winograd_multiplies((1, 1, 7, 7), (1, 1, 5, 5))


def test_fft_counts():
    # padded 8x8: half spectrum 8 x 5 = 40 complex products per (n, f, c), 4 real multiplies each
    pointwise, transforms = costs.fft_multiplies((2, 3, 6, 6), (4, 3, 3, 3), padding=1)
    assert pointwise == 4 * 2 * 4 * 3 * 40
    # 2*3 input + 4*3 kernel + 2*4 inverse transforms of 64 points, 64*log2(64) = 384 each
    assert transforms == (6 + 12 + 8) * 384
    # padded 11x11 is rounded up to the fast length 12: half spectrum 12 x 7
    assert costs.fft_multiplies((1, 1, 9, 9), (1, 1, 3, 3), padding=1)[0] == 4 * 12 * 7
    # the pointwise cost does not depend on the kernel size
    assert costs.fft_multiplies((1, 1, 16, 16), (1, 1, 3, 3))[0] == costs.fft_multiplies((1, 1, 16, 16), (1, 1, 11, 11))[0]


def test_shape_mismatch_is_reported():
    with pytest.raises(ValueError, match="groups"):
        costs.direct_multiplies((1, 4, 6, 6), (2, 3, 3, 3))
    assert math.isfinite(costs.fft_multiplies((1, 1, 1, 1), (1, 1, 1, 1))[1])
