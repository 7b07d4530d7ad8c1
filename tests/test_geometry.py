"""The output-size formula against counting window positions one by one."""
import itertools

import pytest

import convkit as ck
from convkit.geometry import conv_geometry


def count_windows(size, kernel, stride, padding, dilation):
    """Slide the window along the padded axis and count where it still fits."""
    reach = dilation * (kernel - 1) + 1
    return sum(1 for start in range(0, size + 2 * padding, stride)
               if start + reach <= size + 2 * padding)


SWEEP = [combo for combo in itertools.product(range(1, 10), range(1, 5), range(1, 4), range(0, 3), range(1, 4))
         if combo[4] * (combo[1] - 1) + 1 <= combo[0] + 2 * combo[3]]


@pytest.mark.parametrize("size,kernel,stride,padding,dilation", SWEEP)
def test_output_size_counts_windows(size, kernel, stride, padding, dilation):
    assert ck.output_size(size, kernel, stride, padding, dilation) == \
        count_windows(size, kernel, stride, padding, dilation)


@pytest.mark.parametrize("size,kernel", [(5, 3), (28, 5), (7, 7), (4, 1)])
def test_simple_form(size, kernel):
    """The article's O = I - K + 1 for stride 1, no padding, no dilation."""
    assert ck.output_size(size, kernel) == size - kernel + 1


def test_floor_drops_the_last_row():
    # 8 rows, 3x3 window, stride 2: windows start at 0, 2, 4; one at 6 would need row 8.
    assert ck.output_size(8, 3, stride=2) == 3


def test_geometry_pairs_and_windows():
    g = conv_geometry((7, 9), (3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 3))
    assert g.output == (ck.output_size(7, 3, 2, 1, 1), ck.output_size(9, 2, 1, 0, 3))
    assert g.taps == [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)]
    rows, cols = g.window(2, 1)
    assert (rows.start, rows.step, cols.start, cols.step) == (2, 2, 3, 1)
