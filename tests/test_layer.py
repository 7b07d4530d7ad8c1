"""Conv2d under real use: one dtype rule, stale state, empty batches, memory, method switching.

The rules are the ones in ``Conv2d``'s docstring; every method of the registry obeys them.
Numbers are checked against the functional reference ``conv2d_loops`` / ``_backward``.
"""
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import convkit as ck
from convkit.methods import METHODS

GEOMETRY = dict(padding=1)  # stride 1, 3x3: every method runs it


def make(method, dtype=np.float64, seed=0, n=2):
    rng = np.random.default_rng(seed)
    layer = ck.Conv2d(3, 4, 3, method=method, rng=rng, dtype=dtype, **GEOMETRY)
    x = rng.standard_normal((n, 3, 6, 5))
    dy = rng.standard_normal((n, 4, 6, 5))
    return layer, x, dy


def reference(layer, x, dy, weight=None):
    weight = layer.weight if weight is None else weight
    y = ck.conv2d_loops(x, weight, layer.bias, **GEOMETRY)
    return (y,) + ck.conv2d_loops_backward(dy, x, weight, **GEOMETRY)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("x_dtype", [np.float64, np.float32, np.int64])
def test_the_parameter_dtype_wins(method, x_dtype):
    """A float32 layer given float64 (or int) x computes and returns float32, for every method."""
    layer, x, dy = make(method, dtype=np.float32)
    x = (x * 3).astype(x_dtype)
    y = layer.forward(x)
    dx = layer.backward(dy)            # float64 dy is cast too
    assert {y.dtype, dx.dtype, layer.grad_weight.dtype, layer.grad_bias.dtype} == {np.dtype(np.float32)}
    y_ref, dx_ref, dw_ref, db_ref = reference(layer, x.astype(np.float64), dy,
                                              layer.weight.astype(np.float64))
    for got, want in ((y, y_ref), (dx, dx_ref), (layer.grad_weight, dw_ref), (layer.grad_bias, db_ref)):
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("method", METHODS)
def test_editing_x_or_weight_after_forward_does_not_change_the_gradient(method):
    layer, x, dy = make(method)
    weight_used = layer.weight.copy()
    expected = reference(layer, x.copy(), dy)
    layer.forward(x)
    x[...] = 7.0                       # the caller reuses its buffer
    layer.weight[...] = -1.0           # an optimizer step, in place
    dx = layer.backward(dy)
    np.testing.assert_allclose(dx, expected[1], rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(layer.grad_weight, expected[2], rtol=1e-9, atol=1e-9)
    assert not np.array_equal(weight_used, layer.weight)


@pytest.mark.parametrize("method", METHODS)
def test_backward_answers_the_latest_forward(method):
    layer, x1, dy = make(method)
    x2 = x1[::-1] * 2.0
    layer.forward(x1)
    layer.forward(x2)
    layer.backward(dy)
    np.testing.assert_allclose(layer.grad_weight, reference(layer, x2, dy)[2], rtol=1e-9, atol=1e-9)
    first = layer.grad_weight.copy()
    layer.backward(dy)                 # again, on the same record: the same answer
    np.testing.assert_array_equal(layer.grad_weight, first)


def test_dy_must_match_the_latest_output():
    layer, x, dy = make("im2col")
    layer.forward(x)
    layer.forward(x[:1])
    with pytest.raises(ValueError, match=r"dy must have the shape of the latest forward's output "
                                         r"\(1, 4, 6, 5\), got \(2, 4, 6, 5\)"):
        layer.backward(dy)


@pytest.mark.parametrize("before, after", [("im2col", "direct"), ("direct", "im2col"),
                                           ("im2col", "winograd"), ("fft", "loops")])
def test_switching_method_between_forward_and_backward_is_safe(before, after):
    layer, x, dy = make(before)
    layer.forward(x)
    layer.method = after
    dx = layer.backward(dy)            # runs the method that ran the forward
    np.testing.assert_allclose(dx, reference(layer, x, dy)[1], rtol=1e-9, atol=1e-9)
    assert layer.method == after
    np.testing.assert_allclose(layer.forward(x), reference(layer, x, dy)[0], rtol=1e-9, atol=1e-9)


def test_setting_an_unknown_or_unfit_method_raises():
    layer = ck.Conv2d(2, 2, 3, stride=2)
    with pytest.raises(ValueError, match="method must be one of"):
        layer.method = "gemm"
    with pytest.raises(ValueError, match="stride 1"):
        layer.method = "winograd"
    assert layer.method == "im2col"


@pytest.mark.parametrize("method", METHODS)
def test_an_empty_batch(method):
    layer, _, _ = make(method)
    y = layer.forward(np.zeros((0, 3, 6, 5)))
    assert y.shape == (0, 4, 6, 5) and y.dtype == np.float64
    dx = layer.backward(np.zeros((0, 4, 6, 5)))
    assert dx.shape == (0, 3, 6, 5)
    np.testing.assert_array_equal(layer.grad_weight, np.zeros((4, 3, 3, 3)))
    np.testing.assert_array_equal(layer.grad_bias, np.zeros(4))


# N, C, F = 0 for every public function: (x shape, w shape) and groups
EMPTY = {"N=0": ((0, 4, 6, 5), (6, 2, 3, 3), 2),
         "C=0": ((2, 0, 6, 5), (6, 0, 3, 3), 1),
         "F=0": ((2, 4, 6, 5), (0, 4, 3, 3), 1)}


@pytest.mark.parametrize("case", EMPTY, ids=list(EMPTY))
@pytest.mark.parametrize("method", METHODS)
def test_empty_shapes_in_every_public_function(method, case):
    """Empty outputs and zero gradients of the right shapes; with C=0 every output is the
    bias (an empty sum), as the definition says."""
    x_shape, w_shape, groups = EMPTY[case]
    x, w = np.ones(x_shape), np.ones(w_shape)
    b = np.arange(w_shape[0], dtype=float)
    entry = METHODS[method]
    y = entry.forward(x, w, b, padding=1, groups=groups)
    assert y.shape == (x_shape[0], w_shape[0], 6, 5)
    np.testing.assert_array_equal(y, np.broadcast_to(b.reshape(1, -1, 1, 1), y.shape))
    dy = np.ones(y.shape)
    dx, dw, db = entry.backward(dy, x, w, padding=1, groups=groups)
    assert (dx.shape, dw.shape, db.shape) == (x.shape, w.shape, b.shape)
    assert not dx.any() and not dw.any()
    np.testing.assert_array_equal(db, dy.sum(axis=(0, 2, 3)))


def test_empty_batch_matches_torch():
    torch = pytest.importorskip("torch")
    x, w, b = np.zeros((0, 4, 6, 5)), np.ones((6, 2, 3, 3)), np.ones(6)
    tx, tw, tb = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    ty = torch.nn.functional.conv2d(tx, tw, tb, padding=1, groups=2)
    ty.backward(torch.ones_like(ty))
    for method in METHODS.values():
        y = method.forward(x, w, b, padding=1, groups=2)
        dx, dw, db = method.backward(np.ones(y.shape), x, w, padding=1, groups=2)
        assert y.shape == tuple(ty.shape)
        for ours, theirs in ((dx, tx.grad), (dw, tw.grad), (db, tb.grad)):
            np.testing.assert_array_equal(ours, theirs.numpy())


def run_python(code, timeout=300):
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("keep", [0, 2**20], ids=["no-room-to-keep", "1MB-to-keep"])
def test_im2col_layer_memory_stays_below_the_whole_batch_columns(keep):
    """tracemalloc peak of forward+backward in a fresh interpreter: a bounded number of
    batch-sized arrays (x, its copy, dx, y, dy) plus a few parts' columns, far below the
    57.8 MB the whole batch's columns alone would take (kept for backward only under
    fast.keep_bytes(), set here to 0 and to 1 MB)."""
    out = run_python(f"""
        import tracemalloc
        import numpy as np
        import convkit as ck
        ck.fast.keep_bytes = lambda: {keep}
        x = np.random.default_rng(0).standard_normal((16, 32, 56, 56)).astype(np.float32)
        layer = ck.Conv2d(32, 8, 3, padding=1, dtype=np.float32, rng=0)
        dy = np.ones((16, 8, 56, 56), np.float32)
        tracemalloc.start()
        layer.forward(x); layer.backward(dy)
        print(tracemalloc.get_traced_memory()[1])
    """)
    x_bytes, cols_bytes = 16 * 32 * 56 * 56 * 4, 16 * 32 * 9 * 56 * 56 * 4
    peak = int(out)
    assert peak < 4 * x_bytes + 3 * ck.fast.CACHE_BYTES
    assert peak < cols_bytes / 2


@pytest.mark.parametrize("method", ["im2col"])
def test_small_batches_keep_their_columns_for_backward(method, monkeypatch):
    """Under fast.keep_bytes() the forward's columns serve backward (x is not unfolded
    again); the gradients are the same either way."""
    from convkit import fast

    layer, x, dy = make(method)
    calls = []
    unfold = fast.unfold
    monkeypatch.setattr(fast, "unfold", lambda *a, **k: calls.append(1) or unfold(*a, **k))
    layer.forward(x)
    dx = layer.backward(dy)
    assert len(calls) == 1
    np.testing.assert_allclose(dx, reference(layer, x, dy)[1], rtol=1e-9, atol=1e-9)
    monkeypatch.setattr(fast, "keep_bytes", lambda: 0)
    layer.forward(x)
    np.testing.assert_allclose(layer.backward(dy), dx, rtol=1e-12, atol=1e-12)
    assert len(calls) == 3


def test_one_sample_too_large_for_the_budget_says_what_to_do():
    """One sample's im2col columns (64*49 x 400*400 float64 = 3.74 GiB) exceed the workspace
    budget: MemoryError before anything is allocated, naming the size, the budget and what
    fits."""
    x = np.zeros((1, 64, 400, 400))
    layer = ck.Conv2d(64, 1, 7, padding=3, rng=0)
    with pytest.raises(MemoryError) as excinfo:
        layer.forward(x)
    message = str(excinfo.value)
    assert "Conv2d(method='im2col') needs 3.74 GiB of workspace for ONE sample" in message
    assert "WORKSPACE_BYTES = 0.25 GiB" in message and "WORKSPACE_BYTES = 2**32" in message


def test_import_is_light():
    """The maths library loads numpy and nothing of the course: no matplotlib, no ipywidgets,
    no scikit-learn, no convkit_course."""
    out = run_python("""
        import sys
        import convkit
        heavy = [m for m in sys.modules
                 if m.split(".")[0] in ("matplotlib", "ipywidgets", "sklearn", "convkit_course",
                                        "IPython", "scipy")]
        print(heavy)
    """)
    assert out.strip() == "[]"
