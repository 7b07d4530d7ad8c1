"""convkit_course.datasets: the 8x8 digits, split the same way every time."""
import numpy as np
import pytest

from convkit_course.datasets import digits


def test_digits_split_is_fixed_stratified_and_scaled():
    x_train, y_train, x_test, y_test = digits()
    assert x_train.shape == (1347, 1, 8, 8) and x_test.shape == (450, 1, 8, 8)
    assert x_train.dtype == np.float32 and 0 <= x_train.min() and x_train.max() <= 1
    counts_train, counts_test = np.bincount(y_train), np.bincount(y_test)
    np.testing.assert_allclose(counts_test / (counts_train + counts_test), 0.25, atol=0.01)
    again = digits()
    np.testing.assert_array_equal(again[3], y_test)
    np.testing.assert_array_equal(again[2], x_test)
    from sklearn.datasets import load_digits
    # a partition: every original image lands on exactly one side (x/16 and *16 are exact)
    everything = (np.concatenate([x_train, x_test])[:, 0] * 16).reshape(-1, 64)
    np.testing.assert_array_equal(np.unique(everything, axis=0), np.unique(load_digits().data, axis=0))
    assert len(everything) == len(load_digits().data) == 1797


def test_digits_dtype_option():
    assert digits(dtype=np.float64)[0].dtype == np.float64


def test_digits_bad_fraction():
    with pytest.raises(ValueError, match="test_fraction"):
        digits(test_fraction=1.5)
