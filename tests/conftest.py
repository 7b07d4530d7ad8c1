import numpy as np
import pytest

from convkit.geometry import pair


@pytest.fixture
def make_problem():
    """Random (x, w, b, kwargs) for one geometry; seeded so every run sees the same numbers."""

    def make(n, c, h, w, f, kernel, stride, padding, dilation, groups, dtype=np.float64, seed=0):
        rng = np.random.default_rng(seed)
        kh, kw = pair(kernel, "kernel")
        x = rng.standard_normal((n, c, h, w)).astype(dtype)
        weight = rng.standard_normal((f, c // groups, kh, kw)).astype(dtype)
        b = rng.standard_normal(f).astype(dtype)
        kwargs = dict(stride=stride, padding=padding, dilation=dilation, groups=groups)
        return x, weight, b, kwargs

    return make
