"""Bounded memory: every method keeps its scratch within convkit.memory.WORKSPACE_BYTES.

Each method says what it needs (``Method.workspace``, and the reference modules' own
``workspace``); the prelude splits the batch so that it fits.  Tested: the estimates bound
what tracemalloc sees each function allocate beyond its outputs; a small budget splits the
batch and changes no number; a method that cannot fit one sample raises a MemoryError that
says how much it asked and what fits; numpy's own MemoryError gets the batch size that
would fit; and (slow) a real layer, N64·C128·112² float32, peaks under 2 GB of RSS.
"""
import resource
import subprocess
import sys
import textwrap
import tracemalloc

import numpy as np
import pytest

import convkit as ck
from convkit import direct, fftconv, im2col_gemm, memory, winograd
from convkit.methods import METHODS
from convkit.prelude import Caller, backward_call, forward_call

# (x shape, w shape, geometry)
GEOMETRIES = {
    "k3-p1": ((4, 16, 20, 20), (16, 16, 3, 3), dict(padding=1)),
    "k5-p2-groups2": ((3, 8, 17, 19), (12, 4, 5, 5), dict(padding=2, groups=2)),
    "k3-s2": ((4, 16, 21, 20), (8, 16, 3, 3), dict(stride=2, padding=1)),
    "k3x2-d2": ((2, 6, 15, 15), (6, 6, 3, 2), dict(dilation=2, padding=(2, 1))),
}
REFERENCE_WORKSPACE = {"loops": direct.loops_workspace, "direct": direct.workspace,
                       "im2col": im2col_gemm.workspace, "fft": fftconv.workspace,
                       "winograd": winograd.workspace}
SLACK = 256 * 1024  # small arrays and numpy's bookkeeping


def runnable(method, w_shape, geometry):
    kernel, stride, _, dilation = ck.geometry.geometry_args(
        w_shape[2:], geometry.get("stride", 1), geometry.get("padding", 0),
        geometry.get("dilation", 1))
    return not METHODS[method].unmet(kernel, stride, dilation)


def cases():
    for gname, (x_shape, w_shape, geometry) in GEOMETRIES.items():
        for method in METHODS:
            if runnable(method, w_shape, geometry) and (method != "loops" or gname == "k3x2-d2"):
                for path in ("functions", "layer"):
                    yield pytest.param(method, path, x_shape, w_shape, geometry,
                                       id=f"{method}-{path}-{gname}")


def traced_peak(run):
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("method, path, x_shape, w_shape, geometry", list(cases()))
def test_the_estimate_bounds_what_is_allocated(method, path, x_shape, w_shape, geometry):
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
    dy = rng.standard_normal(ck.conv2d_im2col(x, w, **geometry).shape)
    entry = METHODS[method]
    for backward in (False, True):
        call = backward_call(dy, x, w, **geometry) if backward else forward_call(x, w, **geometry)
        if path == "functions":
            need = REFERENCE_WORKSPACE[method](call, backward)
            run = ((lambda: entry.backward(dy, x, w, **geometry)) if backward
                   else (lambda: entry.forward(x, w, **geometry)))
        else:
            need = entry.workspace(call, backward)
            run = ((lambda: call.backward(entry.layer_backward, entry.workspace, Caller(method)))
                   if backward else
                   (lambda: call.forward(entry.layer_forward, entry.workspace, Caller(method))))
        outputs = dy.nbytes + (x.nbytes + w.nbytes if backward else 0)
        peak = traced_peak(run)
        assert peak - outputs <= need.total(x_shape[0]) + SLACK, (backward, peak, need)


@pytest.mark.parametrize("method", list(METHODS) + ["auto"])
def test_a_small_budget_splits_the_batch_and_changes_no_number(method, monkeypatch):
    """With the smallest budget that splits the batch of 7 into parts (or, for a method whose
    own cache-sized parts bound it, the smallest it fits), the results are the loops' and
    the scratch stays within the budget."""
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((7, 6, 12, 11)), rng.standard_normal((8, 6, 3, 3))
    dy = rng.standard_normal((7, 8, 12, 11))
    call = backward_call(dy, x, w, padding=1)
    entry = METHODS["im2col" if method == "auto" else method]
    for budget in (2 ** k for k in range(24, 12, -1)):          # the largest that splits
        monkeypatch.setattr(memory, "WORKSPACE_BYTES", budget)
        need = entry.workspace(call, True)                      # depends on the budget (im2col)
        if not need.fits():
            budget *= 2
            monkeypatch.setattr(memory, "WORKSPACE_BYTES", budget)
            break
        if need.per_sample and len(call.parts(entry.workspace, True, Caller(method))) >= 2:
            break
    parts = call.parts(entry.workspace, True, Caller(method))
    assert sum(p.stop - p.start for p in parts) == 7
    assert len(parts) >= 2 or entry.workspace(call, True).per_sample == 0
    layer = ck.Conv2d(6, 8, 3, padding=1, method=method, rng=0)
    layer.weight = w
    peak = traced_peak(lambda: (layer.forward(x), layer.backward(dy)))
    y_ref = ck.conv2d_loops(x, w, layer.bias, padding=1)
    dx_ref, dw_ref, _ = ck.conv2d_loops_backward(dy, x, w, padding=1)
    np.testing.assert_allclose(layer.forward(x), y_ref, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(layer.backward(dy), dx_ref, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(layer.grad_weight, dw_ref, rtol=1e-9, atol=1e-9)
    in_and_out = x.nbytes * 3 + 2 * dy.nbytes              # x, its copy, dx; y, grads
    assert peak <= in_and_out + budget + SLACK


def test_memory_error_says_how_much_and_what_fits():
    """One 400x400 sample, 64 channels, 7x7: im2col's columns alone are 3.74 GiB."""
    x, w = np.zeros((1, 64, 400, 400)), np.zeros((1, 64, 7, 7))
    with pytest.raises(memory.BudgetExceeded) as excinfo:
        ck.conv2d_im2col(x, w, padding=3)
    message = str(excinfo.value)
    assert message.startswith("conv2d_im2col needs 3.8")                 # columns + the rest
    assert "of workspace for ONE sample" in message
    assert "convkit.memory.WORKSPACE_BYTES = 0.25 GiB" in message
    assert "WORKSPACE_BYTES = 2**32" in message
    x32, w32 = x[:, :, :200, :200].astype(np.float32), w.astype(np.float32)
    with pytest.raises(MemoryError) as excinfo:                 # a quarter: direct fits
        ck.conv2d_im2col(x32, w32, padding=3)
    assert "method='direct' (0.0" in str(excinfo.value)


def test_numpys_memory_error_gets_the_batch_size_that_would_fit():
    """Under a 1 GiB address-space cap, a batch whose y alone needs 1.5 GiB: the error says
    what numpy could not allocate, what the call needs in all, and a smaller batch."""
    code = """
        import resource
        import numpy as np
        import convkit as ck
        x, w = np.zeros((384, 1, 64, 64), np.float32), np.zeros((256, 1, 1, 1), np.float32)
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))
        try:
            ck.conv2d_im2col(x, w)
        except MemoryError as error:
            print(error)
    """
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                         text=True, timeout=120).stdout
    assert out.startswith("conv2d_im2col: Unable to allocate 1.50 GiB"), out
    total = float(out.split("The call needs about ")[1].split()[0])
    batch = int(out.split("A batch of N=")[1].split()[0])
    assert 1.5 < total < 1.8 and 100 < batch <= 192 and "float64" not in out


# ------------------------------------------------------------------- peak RSS, for real
RSS = """
    import resource, sys
    import numpy as np
    import convkit as ck
    what = sys.argv[1]
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 128, 112, 112), dtype=np.float32)      # 0.41 GB
    w = (rng.standard_normal((128, 128, 3, 3), dtype=np.float32) * 0.03)
    if what == "layer-im2col" or what == "layer-auto":
        layer = ck.Conv2d(128, 128, 3, padding=1, method=what[6:], dtype=np.float32, rng=0)
        y = layer.forward(x)                                            # kept, as a caller would
        dx = layer.backward(np.ones_like(y))
    elif what == "conv2d_im2col":
        y = ck.conv2d_im2col(x, w, padding=1)
    else:
        dy = np.ones((64, 128, 112, 112), np.float32)
        dx, dw, db = ck.conv2d_im2col_backward(dy, x, w, padding=1)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is KiB on Linux")
@pytest.mark.parametrize("what", ["layer-im2col", "layer-auto", "conv2d_im2col",
                                  "conv2d_im2col_backward"])
def test_n64_c128_112_float32_peaks_under_2_gb(what):
    """Peak resident memory of a fresh interpreter, input included: Conv2d forward + backward
    (x, y, dy, dx: 1.64 GB of arrays the caller holds), the functional forward and backward."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(RSS), what],
                          capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, done.stderr
    peak = int(done.stdout.split()[-1])
    assert peak <= 2e9, f"{what}: peak RSS {peak / 1e9:.2f} GB"
