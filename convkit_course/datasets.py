"""Real images that need no download: the 8×8 handwritten digits shipped with scikit-learn."""
from __future__ import annotations

import numbers

import numpy as np

__all__ = ["digits"]


def digits(test_fraction=0.25, seed=0, dtype=np.float32):
    """The 1,797 8×8 digits of ``sklearn.datasets.load_digits``, split into train and test.

    -> x_train (N_train, 1, 8, 8), y_train (N_train,), x_test (N_test, 1, 8, 8), y_test (N_test,)
    Pixels are scaled from 0..16 to 0..1; labels are ints 0..9.  The split is stratified
    (every digit in the same proportion on both sides) and fixed by ``seed``.
    """
    if not isinstance(test_fraction, numbers.Real) or not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be a number strictly between 0 and 1, "
                         f"got {test_fraction!r}")
    from sklearn.datasets import load_digits  # imported here: only this function needs it

    data = load_digits()
    x = (data.images / 16.0).astype(dtype)[:, None]  # (1797, 1, 8, 8), NCHW
    y = data.target.astype(np.int64)
    rng = np.random.default_rng(seed)
    test = np.zeros(len(y), dtype=bool)
    for label in np.unique(y):  # stratify by hand: the same share of each digit goes to test
        members = np.flatnonzero(y == label)
        test[rng.permutation(members)[:round(test_fraction * len(members))]] = True
    return x[~test], y[~test], x[test], y[test]
