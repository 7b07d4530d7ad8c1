"""The fast paths compute exactly what the reference computes, for every geometry.

The fast paths (``convkit.fast``: stride-1 flat runs, cache-sized batch parts, one column
buffer, a strided-view im2col) change only how memory is walked, so each is checked against
``conv2d_loops`` / ``conv2d_loops_backward`` (the oracle written from the definition), in
float64 tightly and in float32 with its dtype kept end to end, and against its own method's
reference module with NaN and inf in the inputs (the same cells must be NaN / inf).
``CACHE_BYTES`` is shrunk to force every batch split, including a short last part.  The
general method-equivalence sweep lives in test_conv.py.
"""
import functools
import json

import numpy as np
import pytest

import convkit as ck
from convkit import fast
from convkit_course import bench
from convkit.geometry import conv_geometry, pad
from convkit.methods import METHODS

FAST = {"direct": (fast.conv2d_direct, fast.conv2d_direct_backward),
        "im2col": (fast.conv2d_im2col, fast.conv2d_im2col_backward)}

# (N, C, H, W, F, KH, KW, stride, padding, dilation, groups)
GEOMETRIES = {
    "s1-p0-3x3": (2, 3, 6, 6, 4, 3, 3, 1, 0, 1, 1),
    "s1-p1-nonsquare-3x2": (3, 2, 5, 7, 3, 3, 2, 1, 1, 1, 1),
    "s1-p(2,1)-d(2,1)-k3x3": (2, 2, 7, 6, 2, 3, 3, 1, (2, 1), (2, 1), 1),
    "s1-groups2-d2": (2, 4, 8, 9, 6, 2, 3, 1, 1, 2, 2),
    "s1-depthwise-g3": (2, 3, 6, 5, 3, 3, 3, 1, 1, 1, 3),
    "s1-k1x1": (2, 3, 4, 5, 2, 1, 1, 1, 0, 1, 1),
    "s1-kernel-fills-padded-input": (2, 2, 3, 4, 2, 5, 4, 1, (1, 0), 1, 1),
    "s2-p1-floor-drops-row": (2, 3, 8, 7, 4, 3, 3, 2, 1, 1, 1),
    "s(1,2)-p(0,1)": (2, 2, 6, 7, 3, 2, 3, (1, 2), (0, 1), 1, 1),
    "s(3,1)-d2-groups2": (3, 4, 9, 6, 4, 2, 2, (3, 1), 1, 2, 2),
    "s3-k1x1-rows-no-tap-meets": (2, 3, 7, 8, 2, 1, 1, 3, 0, 1, 1),
    "s2-d2-p(2,1)-one-phase": (2, 2, 9, 7, 3, 3, 2, 2, (2, 1), 2, 1),
}
IDS = list(GEOMETRIES)


def draw(spec, dtype, seed=0):
    """Fresh copies of seeded inputs in ``dtype``, plus the loops' float64 answers."""
    (x, w, b, dy), geometry, y, grads = _draw64(spec, seed)
    return [a.astype(dtype) for a in (x, w, b, dy)], dict(geometry), y, grads


@functools.lru_cache(maxsize=None)
def _draw64(spec, seed):
    n, c, h, w_, f, kh, kw, stride, padding, dilation, groups = spec
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, h, w_))
    w = rng.standard_normal((f, c // groups, kh, kw))
    b = rng.standard_normal(f)
    geometry = dict(stride=stride, padding=padding, dilation=dilation, groups=groups)
    y = ck.conv2d_loops(x, w, b, **geometry)            # the oracle, always in float64
    dy = rng.standard_normal(y.shape)
    grads = ck.conv2d_loops_backward(dy, x, w, **geometry)
    return (x, w, b, dy), geometry, y, grads


TOL = {np.float64: dict(rtol=1e-10, atol=1e-10), np.float32: dict(rtol=2e-4, atol=2e-4)}


def _two_per_part(n, bytes_per_sample):
    return [slice(s, min(s + 2, n)) for s in range(0, n, 2)]


@pytest.fixture(params=["one-part", "part-per-sample", "two-per-part"])
def cache_bytes(request, monkeypatch):
    """Force the batch into parts: one sample each, or two (N=3 leaves a short last part)."""
    if request.param == "part-per-sample":
        monkeypatch.setattr(fast, "CACHE_BYTES", 1)
    elif request.param == "two-per-part":
        monkeypatch.setattr(fast, "cache_sized_parts", _two_per_part)
    return request.param


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("spec", GEOMETRIES.values(), ids=IDS)
@pytest.mark.parametrize("method", FAST)
def test_functions_match_loops(spec, dtype, method, cache_bytes):
    (x, w, b, dy), geometry, y_ref, grads_ref = draw(spec, dtype)
    forward, backward = FAST[method]
    saved = [a.copy() for a in (x, w, b, dy)]
    y = forward(x, w, b, **geometry)
    grads = backward(dy, x, w, **geometry)
    assert y.dtype == dtype and all(g.dtype == dtype for g in grads)
    np.testing.assert_allclose(y, y_ref, **TOL[dtype])
    for got, want, name in zip(grads, grads_ref, ("dx", "dw", "db")):
        assert got.shape == want.shape, name
        np.testing.assert_allclose(got, want, **TOL[dtype], err_msg=name)
    for before, after in zip(saved, (x, w, b, dy)):
        np.testing.assert_array_equal(before, after)  # inputs never modified


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("spec", GEOMETRIES.values(), ids=IDS)
@pytest.mark.parametrize("method", FAST)
def test_layer_matches_loops(spec, dtype, method, cache_bytes):
    """Conv2d runs the fast paths."""
    (x, w, b, dy), geometry, y_ref, (dx_ref, dw_ref, db_ref) = draw(spec, dtype, seed=1)
    f, cg, kh, kw = w.shape
    layer = ck.Conv2d(cg * geometry["groups"], f, (kh, kw), method=method, dtype=dtype,
                      **geometry)
    layer.weight, layer.bias = w, b
    for _ in range(2):  # a second step must not see stale columns
        y = layer.forward(x)
        dx = layer.backward(dy)
    assert y.dtype == dx.dtype == layer.grad_weight.dtype == layer.grad_bias.dtype == dtype
    np.testing.assert_allclose(y, y_ref, **TOL[dtype])
    np.testing.assert_allclose(dx, dx_ref, **TOL[dtype])
    np.testing.assert_allclose(layer.grad_weight, dw_ref, **TOL[dtype])
    np.testing.assert_allclose(layer.grad_bias, db_ref, **TOL[dtype])


def test_layer_backward_uses_the_latest_forward():
    """Two different batches: backward must use the columns of the second one."""
    spec = GEOMETRIES["s1-p1-nonsquare-3x2"]
    (x1, w, b, dy), geometry, _, _ = draw(spec, np.float64)
    x2 = x1[::-1] * 2.0
    layer = ck.Conv2d(2, 3, (3, 2), dtype=np.float64, **geometry)
    layer.weight, layer.bias = w, b
    layer.forward(x1)
    layer.forward(x2)
    layer.backward(dy)
    _, dw_ref, _ = ck.conv2d_loops_backward(dy, x2, w, **geometry)
    np.testing.assert_allclose(layer.grad_weight, dw_ref, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("dilation", [1, 2, (1, 3)], ids=["d1", "d2", "d(1,3)"])
@pytest.mark.parametrize("padding", [0, 1, (2, 0)], ids=["p0", "p1", "p(2,0)"])
def test_flat_runs_pick_the_same_pixels_as_the_window(padding, dilation):
    """Each flat run, cut into Wp-wide rows and cropped to Wo, is the tap's strided window."""
    x = np.arange(2 * 7 * 8, dtype=float).reshape(1, 2, 7, 8)
    geom = conv_geometry((7, 8), (3, 2), 1, padding, dilation)
    xp = pad(x, geom.padding)
    starts, length, wp = fast.flat_runs(xp.shape, geom)
    flat = xp.reshape(1, 2, -1)
    ho, wo = geom.output
    for (i, j), start in zip(geom.taps, starts):
        run = flat[..., start:start + length]
        rows = np.concatenate([run, np.zeros((1, 2, ho * wp - length))], axis=-1)
        rows = rows.reshape(1, 2, ho, wp)[..., :wo]
        np.testing.assert_array_equal(rows, xp[:, :, geom.window(i, j)[0], geom.window(i, j)[1]])
        assert start + length <= flat.shape[-1]  # never reads past the image


@pytest.mark.parametrize("n, per_sample, budget, expected", [
    (5, 10, 100, [slice(0, 5)]),
    (5, 40, 100, [slice(0, 2), slice(2, 4), slice(4, 5)]),
    (3, 500, 100, [slice(0, 1), slice(1, 2), slice(2, 3)]),
    (1, 0, 100, [slice(0, 1)]),
])
def test_cache_sized_parts_cover_the_batch_once(monkeypatch, n, per_sample, budget, expected):
    monkeypatch.setattr(fast, "CACHE_BYTES", budget)
    assert fast.cache_sized_parts(n, per_sample) == expected


def test_im2col_returns_a_writable_copy():
    """A 1x1 kernel makes the unfolding a pure reshape; it must still not alias x."""
    x = np.arange(24.0).reshape(1, 2, 3, 4)
    cols = ck.im2col(x, 1)
    np.testing.assert_array_equal(cols, x.reshape(1, 2, 12))
    cols += 1
    np.testing.assert_array_equal(x, np.arange(24.0).reshape(1, 2, 3, 4))


@pytest.mark.parametrize("spec", [GEOMETRIES[k] for k in ("s1-groups2-d2", "s(1,2)-p(0,1)")],
                         ids=["s1-groups2-d2", "s(1,2)-p(0,1)"])
def test_layer_float32_matches_torch(spec):
    torch = pytest.importorskip("torch")
    (x, w, b, dy), geometry, _, _ = draw(spec, np.float32, seed=2)
    tx, tw, tb = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    ty = torch.nn.functional.conv2d(tx, tw, tb, **geometry)
    ty.backward(torch.tensor(dy))
    for method in ("im2col", "direct"):
        layer = ck.Conv2d(x.shape[1], w.shape[0], w.shape[2:], method=method, dtype=np.float32,
                          **geometry)
        layer.weight, layer.bias = w, b
        np.testing.assert_allclose(layer.forward(x), ty.detach().numpy(), rtol=1e-4, atol=1e-4)
        np.testing.assert_allclose(layer.backward(dy), tx.grad.numpy(), rtol=1e-4, atol=1e-4)
        np.testing.assert_allclose(layer.grad_weight, tw.grad.numpy(), rtol=1e-4, atol=1e-4)
        np.testing.assert_allclose(layer.grad_bias, tb.grad.numpy(), rtol=1e-4, atol=1e-4)


def test_bench_runs_without_torch_and_says_na(capsys):
    assert bench.main(["--quick", "--case", "0", "--no-torch", "--budget", "0.05"]) == 0
    table = capsys.readouterr().out
    assert "f32 GEMM" in table and "GFLOP/s" in table and "CPU:" in table
    assert "n/a" in table and "loops" in table and "auto, forward:" in table


def test_bench_leaves_no_trace(monkeypatch):
    """After main returns: the same BLAS thread counts, the same environment variables."""
    threadpoolctl = pytest.importorskip("threadpoolctl")
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    before = {d["filepath"]: d["num_threads"] for d in threadpoolctl.threadpool_info()}
    environ = dict(__import__("os").environ)
    assert bench.main(["--quick", "--case", "0", "--threads", "1", "--budget", "0.05"]) == 0
    after = {d["filepath"]: d["num_threads"] for d in threadpoolctl.threadpool_info()}
    # (a library that main loaded, PyTorch's OpenMP when this test runs first, is new)
    assert {path: after[path] for path in before} == before
    assert dict(__import__("os").environ) == environ


@pytest.mark.parametrize("preset, expected", [(None, bench.OPENBLAS_THREAD_TIMEOUT), ("4", "4")],
                         ids=["unset-restarts-with-quiet-blas", "caller's-setting-kept"])
def test_bench_command_quiets_openblas_threads(preset, expected):
    """``python -m convkit_course.bench`` runs with numpy's idle BLAS threads told to sleep soon (or
    with the caller's own setting): otherwise PyTorch is timed while they spin."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_THREAD_TIMEOUT"}
    if preset is not None:
        env["OPENBLAS_THREAD_TIMEOUT"] = preset
    done = subprocess.run([sys.executable, "-m", "convkit_course.bench", "--quick", "--case", "0",
                           "--no-torch", "--budget", "0.05", "--json", "-"],
                          env=env, capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(done.stdout)["machine"]["OPENBLAS_THREAD_TIMEOUT"] == expected


def test_bench_products_row_times_the_layers_own_work(monkeypatch):
    """The "products" row multiplies exactly the layer's FLOPs, part by part, and its forward
    products are im2col's: W @ cols is the forward pass (up to layout) for that W."""
    for case in bench.CASES:
        runners = bench.products_runners(case, np.float64, np.random.default_rng(0))
        ys = runners["forward"]()
        assert sum(y.shape[1] for y in ys) == case.n * case.output ** 2
        assert all(y.shape[0] == case.f for y in ys)
        grads = runners["backward"]()
        assert 2 * sum(dw.size * dcols.shape[1] for dw, dcols in grads) == case.flops
        assert all(dcols.shape[0] == dw.shape[1] for dw, dcols in grads)
    monkeypatch.setattr(fast, "CACHE_BYTES", 1)  # one sample per part: parts kept in order
    case = bench.Case("small", 3, 4, 9, 5, 3, padding=1)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((case.n, case.c, case.size, case.size))
    w = rng.standard_normal((case.f, case.c * case.k ** 2))
    y = ck.conv2d_loops(x, w.reshape(case.f, case.c, case.k, case.k), padding=case.padding)
    ys = bench.products_runners(case, np.float64, np.random.default_rng(0))["forward"]()
    y_flat = np.concatenate(ys, axis=1).reshape(case.f, case.n, -1).transpose(1, 0, 2)
    np.testing.assert_allclose(y_flat, y.reshape(case.n, case.f, -1), rtol=1e-10, atol=1e-10)


def test_bench_uses_no_private_names():
    """bench reaches convkit only through public names (no ``module._name``, no ``_`` imports)."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(bench))
    private = [node.attr for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and node.attr.startswith("_")
               and not node.attr.startswith("__")]
    private += [alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names if alias.name.startswith("_")]
    assert private == []


def test_bench_json_reports_every_pass_and_agreement(capsys):
    assert bench.main(["--case", "0", "--dtype", "float64", "--no-torch", "--budget", "0.05",
                       "--json", "-"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["matmul_gflops"]["float64"] > 0
    rows = {(r["method"], r["pass"]): r for r in report["results"]}
    for method in ("direct", "im2col"):
        for p in bench.PASSES:
            row = rows[(method, p)]
            assert row["median_s"] > 0 and row["ratio_to_torch"] is None
            assert row["forward_max_rel_diff"] < 1e-12  # agrees with the direct method
    assert set(rows) >= {("loops", "forward"), ("loops", "fwd+bwd")}
    assert {(m, p) for m in ("im2col·GEMM", "winograd·GEMM", "fft·GEMM", "auto")
            for p in bench.PASSES} <= set(rows)
    assert rows[("auto", "forward")]["forward_max_rel_diff"] < 1e-12
    assert report["auto"][0]["choices"]["forward"]["method"] in {"im2col", "direct", "fft",
                                                                 "winograd"}
    article = report["results"][0]
    assert article["cols_bytes"] == 1 * 1 * 9 * 9 * 8 and article["input_bytes"] == 25 * 8


@pytest.mark.parametrize("spec", GEOMETRIES.values(), ids=IDS)
def test_fast_unfold_is_im2col_with_the_batch_inside_the_columns(spec):
    """fast.unfold (C*KH*KW, N*L) holds ck.im2col's (N, C*KH*KW, L), samples side by side."""
    (x, w, _, _), geometry, _, _ = draw(spec, np.float64)
    geometry = {k: v for k, v in geometry.items() if k != "groups"}
    geom = conv_geometry(x.shape[2:], w.shape[2:], **geometry)
    cols = fast.unfold(x, geom)
    expected = ck.im2col(x, w.shape[2:], **geometry)
    np.testing.assert_array_equal(cols, expected.transpose(1, 0, 2).reshape(cols.shape))


def test_fast_unfold_returns_a_writable_copy():
    x = np.arange(24.0).reshape(1, 2, 3, 4)
    cols = fast.unfold(x, conv_geometry((3, 4), 1))
    np.testing.assert_array_equal(cols, x.reshape(2, 12))
    cols += 1
    np.testing.assert_array_equal(x, np.arange(24.0).reshape(1, 2, 3, 4))


# ---------------------------------------------------------------- NaN and inf
def assert_same_numbers(got, want, name):
    """Same NaN cells, same ±inf cells, and the finite cells equal to rounding."""
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want), err_msg=f"{name}: NaN cells")
    np.testing.assert_array_equal(np.isposinf(got), np.isposinf(want), err_msg=f"{name}: +inf")
    np.testing.assert_array_equal(np.isneginf(got), np.isneginf(want), err_msg=f"{name}: -inf")
    finite = np.isfinite(want)
    np.testing.assert_allclose(got[finite], want[finite], rtol=1e-10, atol=1e-10, err_msg=name)


def poisoned(spec, where, value, seed):
    """Seeded inputs with ``value`` (nan or ±inf) in one or two random cells of ``where``."""
    (x, w, b, dy), geometry, _, _ = draw(spec, np.float64)
    arrays = dict(x=x, w=w, dy=dy)
    rng = np.random.default_rng(seed)
    target = arrays[where]
    for _ in range(1 + seed % 2):
        target[tuple(rng.integers(0, s) for s in target.shape)] = value
    return x, w, b, dy, geometry


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("where, value", [("x", np.nan), ("x", np.inf), ("w", np.inf),
                                          ("w", -np.inf), ("dy", np.nan)],
                         ids=["x-nan", "x-inf", "w-inf", "w-minus-inf", "dy-nan"])
@pytest.mark.parametrize("spec", GEOMETRIES.values(), ids=IDS)
@pytest.mark.parametrize("method", FAST)
def test_non_finite_numbers_propagate_as_in_the_reference(method, spec, where, value, seed,
                                                          cache_bytes):
    x, w, b, dy, geometry = poisoned(spec, where, value, seed)
    reference = METHODS[method]
    forward, backward = FAST[method]
    assert_same_numbers(forward(x, w, b, **geometry), reference.forward(x, w, b, **geometry), "y")
    for name, got, want in zip(("dx", "dw", "db"), backward(dy, x, w, **geometry),
                               reference.backward(dy, x, w, **geometry)):
        assert_same_numbers(got, want, name)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("method", ["loops", "direct", "im2col"])
def test_one_nan_reaches_only_the_weights_that_met_it(method):
    """The issue's case: NaN at x[0, 2] of a 3x3 image meets taps (0, 1) only (2x2 kernel);
    the stride-1 flat runs used to put 0 * NaN into tap (0, 0) as well (PyTorch: [[0, nan], [0, 0]])."""
    x = np.zeros((1, 1, 3, 3))
    x[0, 0, 0, 2] = np.nan
    layer = ck.Conv2d(1, 1, 2, method=method, rng=0)
    layer.weight[...] = 1.0
    layer.forward(x)
    layer.backward(np.ones((1, 1, 2, 2)))
    np.testing.assert_array_equal(np.isnan(layer.grad_weight[0, 0]), [[False, True], [False, False]])


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("method", ["loops", "im2col", "direct"])
def test_inf_weight_in_dx(method):
    """An inf weight, 4x4 input, 2x2 kernel, dy all ones: the definition (and PyTorch) give
    inf where the weight met an output and no NaN.  The direct method's dx correlates the
    zero-padded dY with the rotated kernel; the padding zeros stand for no output, so the
    inf must not meet them (0 * inf would put NaN in the last row and column)."""
    x = np.ones((1, 1, 4, 4))
    layer = ck.Conv2d(1, 1, 2, method=method, rng=0)
    layer.weight[...] = 1.0
    layer.weight[0, 0, 0, 0] = np.inf
    layer.forward(x)
    dx = layer.backward(np.ones((1, 1, 3, 3)))
    assert np.isnan(dx).sum() == 0
    assert np.isposinf(dx[0, 0, :3, :3]).all()
    np.testing.assert_array_equal(dx[0, 0, 3], [1, 2, 2, 1])
    np.testing.assert_array_equal(dx[0, 0, :3, 3], [1, 2, 2])


@pytest.mark.parametrize("module", ["direct", "im2col_gemm"])
def test_reference_modules_hold_no_speed_tricks(module):
    """The modules the notebooks teach import nothing from the fast module and split no batch."""
    import ast
    import importlib
    import inspect

    source = inspect.getsource(importlib.import_module(f"convkit.{module}"))
    imported = {alias.name for node in ast.walk(ast.parse(source))
                if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    assert not imported & {"fast", "cache_sized_parts", "flat_runs", "sliding_window_view"}
    assert "cache_sized_parts" not in source and "flat_runs" not in source


# ---------------------------------------------------------------- every layer function
LAYER_CASES = [pytest.param(name, spec, id=f"{name}-{gid}")
               for name, method in METHODS.items() if name != "loops"
               for gid, spec in GEOMETRIES.items()
               if not method.unmet(ck.geometry.pair(spec[5:7], "k"),
                                   ck.geometry.pair(spec[7], "s"), ck.geometry.pair(spec[9], "d"))]
WINOGRAD_EXTRA = {  # 3x3 stride-1 geometries for Winograd: odd and even outputs, groups
    "w-odd-7x6-p1": (3, 2, 7, 6, 3, 3, 3, 1, 1, 1, 1),
    "w-even-8x8-p0": (2, 3, 10, 10, 2, 3, 3, 1, 0, 1, 1),
    "w-groups2-p2": (2, 4, 5, 9, 6, 3, 3, 1, 2, 1, 2),
}
LAYER_CASES += [pytest.param("winograd", spec, id=f"winograd-{gid}")
                for gid, spec in WINOGRAD_EXTRA.items()]


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("name, spec", LAYER_CASES)
def test_every_layer_function_matches_loops(name, spec, dtype, cache_bytes):
    """What Conv2d runs (``Method.layer_forward`` / ``layer_backward``: the fast paths,
    fast_winograd and fast_fft included), batch parts forced, against the literal loops."""
    from convkit.prelude import backward_call, forward_call

    (x, w, b, dy), geometry, y_ref, grads_ref = draw(spec, dtype, seed=3)
    method = METHODS[name]
    saved = [a.copy() for a in (x, w, b, dy)]
    y = forward_call(x, w, b, **geometry).forward(method.layer_forward)
    grads = backward_call(dy, x, w, **geometry).backward(method.layer_backward)
    tol = TOL[dtype] if dtype == np.float64 else dict(rtol=5e-4, atol=5e-4)
    assert y.dtype == dtype and all(g.dtype == dtype for g in grads)
    np.testing.assert_allclose(y, y_ref, **tol)
    for got, want, label in zip(grads, grads_ref, ("dx", "dw", "db")):
        np.testing.assert_allclose(got, want, **tol, err_msg=label)
    for before, after in zip(saved, (x, w, b, dy)):
        np.testing.assert_array_equal(before, after)
