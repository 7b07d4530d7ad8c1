"""Conv2d(method="auto"): times the eligible methods once per geometry, keeps the fastest.

No timed asserts: what is tested is what auto may choose (never a method that cannot run
the geometry or does not fit the memory budget), that it times once and then only looks up,
that the numbers are right whatever it picks, and that a non-finite input runs an exact
method.
"""
import numpy as np
import pytest

import convkit as ck
from convkit import auto, memory
from convkit.methods import METHODS
from convkit.prelude import backward_call, forward_call


@pytest.fixture(autouse=True)
def fresh_choices():
    auto.clear()
    yield
    auto.clear()


GEOMETRIES = {  # (x shape, w shape, geometry): what auto may pick there
    "k3-s1": ((3, 4, 9, 8), (5, 4, 3, 3), dict(padding=1), {"im2col", "winograd", "fft",
                                                            "direct"}),
    "k3-s2": ((3, 4, 9, 8), (5, 4, 3, 3), dict(stride=2, padding=1), {"im2col", "direct"}),
    "k5-s1": ((2, 4, 9, 9), (6, 2, 5, 5), dict(padding=2, groups=2), {"im2col", "fft", "direct"}),
    "k3-d2": ((2, 3, 9, 9), (2, 3, 3, 3), dict(dilation=2, padding=2), {"im2col", "fft",
                                                                        "direct"}),
}


@pytest.mark.parametrize("x_shape, w_shape, geometry, allowed", GEOMETRIES.values(),
                         ids=list(GEOMETRIES))
def test_auto_picks_only_what_can_run_and_is_right(x_shape, w_shape, geometry, allowed):
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
    layer = ck.Conv2d(x_shape[1], w_shape[0], w_shape[2:], method="auto", rng=0, **geometry)
    layer.weight = w
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape)
    dx = layer.backward(dy)
    np.testing.assert_allclose(y, ck.conv2d_loops(x, w, layer.bias, **geometry), rtol=1e-9,
                               atol=1e-9)
    ref = ck.conv2d_loops_backward(dy, x, w, **geometry)
    np.testing.assert_allclose(dx, ref[0], rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(layer.grad_weight, ref[1], rtol=1e-9, atol=1e-9)
    choices = list(auto.CHOICES.values())
    assert [c.pass_name for c in choices] == ["forward", "backward"]
    for choice in choices:
        assert choice.method in allowed
        assert set(choice.seconds) == allowed                 # every eligible one was timed
        assert set(choice.skipped) == set(auto.CANDIDATES) - allowed
        assert all(t > 0 for t in choice.seconds.values())
        assert choice.method == min(choice.seconds, key=choice.seconds.get)
        for name, reason in choice.reasons().items():
            assert reason.startswith("needs ")


def test_auto_times_once_per_geometry_then_looks_up(monkeypatch):
    timings = []
    real = auto._time
    monkeypatch.setattr(auto, "_time", lambda call, backward: timings.append(backward) or
                        real(call, backward))
    layer = ck.Conv2d(4, 5, 3, padding=1, method="auto", rng=0)
    x = np.random.default_rng(0).standard_normal((2, 4, 8, 8))
    for _ in range(3):
        layer.backward(layer.forward(x))
    assert timings == [False, True]
    layer.forward(x[:1])                       # another batch size: another geometry
    layer.stride = 2                           # another stride: another one again
    layer.forward(x)
    assert timings == [False, True, False, False]
    other = ck.Conv2d(4, 5, 3, padding=1, method="auto", rng=1)   # same geometry, new layer
    other.forward(x[:1])
    assert len(timings) == 4


def test_a_method_over_the_budget_is_not_a_candidate(monkeypatch):
    """With a budget that FFT's kernel spectra alone exceed, auto leaves FFT out and says why."""
    x, w = np.ones((1, 32, 40, 40)), np.ones((32, 32, 3, 3))
    call = forward_call(x, w, padding=1)
    fft_need = METHODS["fft"].workspace(call, False).total(1)
    others = max(METHODS[m].workspace(call, False).total(1) for m in ("im2col", "direct",
                                                                      "winograd"))
    assert others < fft_need
    monkeypatch.setattr(memory, "WORKSPACE_BYTES", (others + fft_need) // 2)
    eligible, skipped = auto.eligible(call, False)
    assert "fft" not in eligible and "memory" in skipped["fft"]
    assert auto.choice_for(call, False).method != "fft"


@pytest.mark.parametrize("where", ["x", "w", "dy"])
def test_a_non_finite_value_runs_an_exact_method(where, monkeypatch):
    x, w = np.ones((2, 3, 6, 6)), np.ones((4, 3, 3, 3))
    dy = np.ones((2, 4, 6, 6))
    dict(x=x, w=w, dy=dy)[where][0, 0, 1, 1] = np.nan
    for name in ("fft", "winograd"):             # even when a transform method was chosen
        for backward in (False, True):
            call = backward_call(dy, x, w, padding=1) if backward else forward_call(x, w,
                                                                                   padding=1)
            auto.CHOICES[auto.geometry_key(call, backward)] = auto.Choice(
                "backward" if backward else "forward", name)
            poisoned = where != "dy" or backward
            choice = auto.choose(call, backward)
            assert (choice.method in auto.EXACT) == poisoned and choice.finite != poisoned


def test_probe_size_is_enough_work_and_at_most_the_batch():
    small = forward_call(np.ones((64, 3, 8, 8)), np.ones((4, 3, 3, 3)))
    large = forward_call(np.ones((64, 64, 56, 56)), np.ones((64, 64, 3, 3)))
    assert auto.probe_size(small) == 64
    assert 1 <= auto.probe_size(large) < 64


def test_a_backward_method_other_than_the_forwards_never_reads_stale_columns():
    """im2col keeps its forward's columns for its backward.  When auto runs direct forward
    and im2col backward, the columns an earlier im2col forward kept belong to another x."""
    rng = np.random.default_rng(0)
    x1, x2 = rng.standard_normal((2, 3, 7, 7)), rng.standard_normal((2, 3, 7, 7))
    layer = ck.Conv2d(3, 4, 3, padding=1, method="im2col", rng=0)
    dy = rng.standard_normal((2, 4, 7, 7))
    layer.forward(x1)
    layer.backward(dy)                                 # columns of x1 kept in the layer
    for backward, name in ((False, "direct"), (True, "im2col")):
        call = (backward_call(dy, x2, layer.weight, padding=1) if backward
                else forward_call(x2, layer.weight, layer.bias, padding=1))
        auto.CHOICES[auto.geometry_key(call, backward)] = auto.Choice(
            "backward" if backward else "forward", name)
    layer.method = "auto"
    layer.forward(x2)
    dx = layer.backward(dy)
    assert {k: c.method for k, c in layer.choices.items()} == {"forward": "direct",
                                                               "backward": "im2col"}
    ref_dx, ref_dw, _ = ck.conv2d_loops_backward(dy, x2, layer.weight, padding=1)
    np.testing.assert_allclose(layer.grad_weight, ref_dw, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(dx, ref_dx, rtol=1e-10, atol=1e-10)
