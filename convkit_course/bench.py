"""Benchmark: the literal loops, 实力派 (direct) and 偶像派 (im2col) against PyTorch.

    python -m convkit_course.bench                  # float32 and float64, every layer, a table
    python -m convkit_course.bench --quick          # float32, fewer repeats (about a minute)
    python -m convkit_course.bench --json out.json  # also write every number as JSON ("-" = stdout)

Everything runs in one process with 2 BLAS/OpenMP threads (numpy through threadpoolctl,
PyTorch through ``torch.set_num_threads``; ``--threads`` changes it), and the methods take
turns inside each repeat, so a busy machine slows them all alike: compare the ratios, not
the absolute times.  Without PyTorch the ratio columns say n/a.  The header names the BLAS
kernel numpy runs: where OPENBLAS_CORETYPE pins an older CPU's kernel, numpy's matrix
product (and so convkit) is slower than the hardware allows.  Each library's idle threads
are told to sleep (OMP_WAIT_POLICY for PyTorch, OPENBLAS_THREAD_TIMEOUT for numpy, for which
the command restarts itself) so that neither is timed while the other's threads spin.

Methods come from the registry ``convkit.methods.METHODS`` (``--method`` picks them; the
literal loops join on the smallest layers).  Passes: forward and backward (dX, dW and db from
(x, dy)) as the fast functions of ``convkit.fast`` — what ``Conv2d`` runs — and fwd+bwd, one
``Conv2d`` forward and backward.  With im2col comes the row "products": its three matrix
products alone, part by part as ``Conv2d`` makes them, on columns made before timing;
im2col's time minus theirs is what its copies and folds cost.  GFLOP/s counts
2·N·F·(C/groups)·KH·KW·Ho·Wo per pass (two passes for backward, three for fwd+bwd).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass

import numpy as np

from convkit.fast import cache_sized_parts, unfold
from convkit.geometry import conv_geometry, output_size
from convkit.layer import Conv2d
from convkit.methods import METHODS
from convkit.prelude import backward_call, forward_call

THREADS = 2  # the default; --threads changes it
PASSES = ("forward", "backward", "fwd+bwd")
FLOP_PASSES = {"forward": 1, "backward": 2, "fwd+bwd": 3}  # convolution-sized products per pass
DEFAULT_METHODS = ("direct", "im2col")
# A pause before each timed call lets the previous library's idle threads go to sleep
# (measured: a 200² numpy product right after a PyTorch call took 13 ms, 1 ms later 0.13 ms).
SETTLE = 0.002
# OpenBLAS's idle threads spin for 2**28 clock ticks (about 0.1 s) after every product before
# they sleep, and OpenBLAS reads how long only once, when numpy loads it.  PyTorch timed in that
# window shares the two cores with them: measured here, its L3 fwd+bwd took 130 ms right after
# a numpy product instead of 83 ms, which made convkit's ratios look 1.5x better than they are.
# 2**21 ticks (under 1 ms on a 2-3 GHz clock) ends the spin within SETTLE and still keeps the
# threads awake between convkit's own back-to-back products (2**4, the minimum, cost it 2-5%).
# ``python -m convkit_course.bench`` restarts itself with this setting when it is not set.
OPENBLAS_THREAD_TIMEOUT = "21"
LOOPS_MAX_MACS = 4e6  # the literal loops do about a million multiply-adds a second


@dataclass(frozen=True)
class Case:
    name: str
    n: int
    c: int
    size: int
    f: int
    k: int
    stride: int = 1
    padding: int = 0

    @property
    def output(self):
        return output_size(self.size, self.k, self.stride, self.padding)

    @property
    def flops(self):
        """Multiply-adds of one pass, counted as 2 FLOPs each."""
        return 2 * self.n * self.f * self.c * self.k ** 2 * self.output ** 2


CASES = (
    Case("article N1·C1·5²·F1·k3", 1, 1, 5, 1, 3),
    Case("N8·C3·32²·F16·k3·p1", 8, 3, 32, 16, 3, padding=1),
    Case("N16·C64·56²·F64·k3·p1", 16, 64, 56, 64, 3, padding=1),
    Case("N8·C128·28²·F128·k3·s2·p1", 8, 128, 28, 128, 3, stride=2, padding=1),
    Case("N32·C32·32²·F64·k5·p2", 32, 32, 32, 64, 5, padding=2),
)


@contextlib.contextmanager
def limited_threads(threads, torch=None):
    """Limit BLAS/OpenMP (and PyTorch) to ``threads`` inside the block; yields a description
    of what runs (for the report).  Everything is restored when the block ends."""
    info = {}
    with contextlib.ExitStack() as stack:
        try:
            import threadpoolctl
        except ImportError:
            info.update(threadpoolctl=None,
                        note=f"threadpoolctl missing: set OMP_NUM_THREADS={threads} "
                             f"OPENBLAS_NUM_THREADS={threads} before starting python to get "
                             "comparable numbers")
        else:
            stack.enter_context(threadpoolctl.threadpool_limits(threads))
            info["threadpoolctl"] = [{k: d.get(k) for k in ("internal_api", "architecture",
                                                            "num_threads", "version")}
                                     for d in threadpoolctl.threadpool_info()]
        if torch is not None:
            before = torch.get_num_threads()
            torch.set_num_threads(threads)
            stack.callback(torch.set_num_threads, before)
            info["torch_threads"] = torch.get_num_threads()
        yield info


def machine_info(torch, threads):
    return {"threads": threads, "numpy": np.__version__,
            "torch": None if torch is None else torch.__version__,
            "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
            "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY"),
            "OPENBLAS_THREAD_TIMEOUT": os.environ.get("OPENBLAS_THREAD_TIMEOUT"),
            "cpu_count": os.cpu_count(), "load_average": os.getloadavg()}


def import_torch():
    """PyTorch, or None.  libgomp's threads (PyTorch's) spin-wait after every parallel region
    by default and take the 2 cores from numpy's BLAS threads: measured here, a 300² matmul
    went from 0.3 ms to 35 ms and torch's own layers got 3x slower.  Passive waiting is
    fairer to both; libgomp reads it once, when torch loads it, so the variable is set only
    around the import and then restored."""
    saved = os.environ.get("OMP_WAIT_POLICY")
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import torch
    except ImportError:
        torch = None
    finally:
        if saved is None:
            os.environ.pop("OMP_WAIT_POLICY", None)
        else:
            os.environ["OMP_WAIT_POLICY"] = saved
    return torch


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def matmul_gflops(dtype, size=1024, repeats=7):
    """The machine's own square matrix product speed: the ceiling for any GEMM-based conv."""
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((size, size)).astype(dtype) for _ in range(2))
    a @ b
    return 2 * size ** 3 / statistics.median(timed(lambda: a @ b) for _ in range(repeats)) / 1e9


def convkit_runners(case, dtype, method, rng):
    """callables for each pass of one registered method on freshly drawn, seeded data."""
    x = rng.standard_normal((case.n, case.c, case.size, case.size)).astype(dtype)
    layer = Conv2d(case.c, case.f, case.k, stride=case.stride, padding=case.padding,
                   method=method, rng=rng, dtype=dtype)
    w, b = layer.weight, layer.bias
    kw = dict(stride=case.stride, padding=case.padding)
    dy = rng.standard_normal((case.n, case.f, case.output, case.output)).astype(dtype)
    entry = METHODS[method]
    return {"forward": lambda: forward_call(x, w, b, **kw).forward(entry.layer_forward),
            "backward": lambda: backward_call(dy, x, w, **kw).backward(entry.layer_backward),
            "fwd+bwd": lambda: (layer.forward(x), layer.backward(dy))}


def products_runners(case, dtype, rng):
    """The three matrix products of im2col alone, as ``Conv2d`` makes them: part by part
    (``fast.cache_sized_parts``), on columns unfolded before timing.

    forward Y = W @ cols, backward dW = dY @ colsᵀ and dcols = Wᵀ @ dY, at the machine's BLAS
    speed: im2col's time minus this row's is what its copies, folds and transposes cost.
    """
    x = rng.standard_normal((case.n, case.c, case.size, case.size)).astype(dtype)
    geom = conv_geometry(x.shape[2:], case.k, case.stride, case.padding)
    rows, length = case.c * case.k ** 2, case.output ** 2
    parts = cache_sized_parts(case.n, rows * length * np.dtype(dtype).itemsize)
    cols = [unfold(x[part], geom) for part in parts]
    w = rng.standard_normal((case.f, rows)).astype(dtype)
    dys = [rng.standard_normal((case.f, c.shape[1])).astype(dtype) for c in cols]

    def forward():
        return [w @ c for c in cols]

    def backward():  # dW as (cols @ dYᵀ)ᵀ, the operand order Conv2d uses (BLAS runs it faster)
        return [((c @ dy.T).T, w.T @ dy) for c, dy in zip(cols, dys)]

    return {"forward": forward, "backward": backward,
            "fwd+bwd": lambda: (forward(), backward())}


def runs(case, method):
    """Whether ``method`` can run ``case`` (its geometry limits)."""
    try:
        METHODS[method].check_limits((case.k, case.k), (case.stride, case.stride), (1, 1))
    except ValueError:
        return False
    return True


def torch_runners(case, dtype, torch, rng):
    """The same passes in PyTorch, on the same draws as ``convkit_runners`` (same seed)."""
    fn = torch.nn.functional
    x = torch.from_numpy(rng.standard_normal((case.n, case.c, case.size, case.size)).astype(dtype))
    layer = Conv2d(case.c, case.f, case.k, rng=rng, dtype=dtype)
    w, b = torch.from_numpy(layer.weight), torch.from_numpy(layer.bias)
    dy = rng.standard_normal((case.n, case.f, case.output, case.output)).astype(dtype)
    dy = torch.from_numpy(dy)
    kw = dict(stride=case.stride, padding=case.padding)
    xg, wg, bg = (t.clone().requires_grad_() for t in (x, w, b))

    def forward():
        with torch.no_grad():
            return fn.conv2d(x, w, b, **kw).numpy()

    def both():
        xg.grad = wg.grad = bg.grad = None
        fn.conv2d(xg, wg, bg, **kw).backward(dy)

    def backward():
        return (torch.nn.grad.conv2d_input(x.shape, w, dy, **kw),
                torch.nn.grad.conv2d_weight(x, w.shape, dy, **kw), dy.sum(dim=(0, 2, 3)))

    return {"forward": forward, "backward": backward, "fwd+bwd": both}


def bench_case(case, dtype, torch, budget, methods=DEFAULT_METHODS):
    """Median seconds of every (method, pass), and how far each forward is from the reference.

    Every repeat runs every pass of every method once, in turn: when someone else's job
    slows the machine for a while, it slows all of them alike and the ratios survive.
    """
    runners = {m: convkit_runners(case, dtype, m, np.random.default_rng(0))
               for m in methods if m != "loops" and runs(case, m)}
    if torch is not None:
        runners["torch"] = torch_runners(case, dtype, torch, np.random.default_rng(0))
    # Same seed, same draws: every method sees the same x, w, b; check they agree before timing.
    outputs = {m: np.asarray(r["forward"]()) for m, r in runners.items()}
    if "im2col" in methods:
        runners["products"] = products_runners(case, dtype, np.random.default_rng(0))
    times = {m: {p: [] for p in PASSES} for m in runners}
    reference = outputs["torch"] if "torch" in outputs else next(iter(outputs.values()))
    scale = np.abs(reference).max()
    disagreement = {m: float(np.abs(y - reference).max() / scale) for m, y in outputs.items()}
    warm = sum(timed(run) for per in runners.values() for run in per.values())  # first calls
    for _ in range(int(min(30, max(3, budget / max(warm, 1e-9))))):
        for p in PASSES:
            for m in runners:
                time.sleep(SETTLE)
                times[m][p].append(timed(runners[m][p]))
    if case.n * case.f * case.c * case.k ** 2 * case.output ** 2 <= LOOPS_MAX_MACS:
        loops = convkit_runners(case, dtype, "loops", np.random.default_rng(0))
        loops = {p: loops[p] for p in ("forward", "fwd+bwd")}
        times["loops"] = {p: [] for p in loops}
        for p, run in loops.items():  # orders of magnitude slower: few repeats are enough
            first = timed(run)
            times["loops"][p] = [first] + [timed(run) for _ in range(2 if first < 0.5 else 0)]
    medians = {m: {p: statistics.median(t) for p, t in per.items() if t}
               for m, per in times.items()}
    bests = {m: {p: min(t) for p, t in per.items() if t} for m, per in times.items()}
    return medians, bests, disagreement


def memory(case, dtype):
    """Bytes of the input and of its im2col matrix (each input copied up to K² times)."""
    item = np.dtype(dtype).itemsize
    x = case.n * case.c * case.size ** 2 * item
    cols = case.n * case.c * case.k ** 2 * case.output ** 2 * item
    return {"input_bytes": x, "cols_bytes": cols, "cols_over_input": cols / x}


def run(cases, dtypes, budget, torch, threads=THREADS, methods=DEFAULT_METHODS):
    report = {"machine": machine_info(torch, threads), "matmul_gflops": {}, "results": []}
    with limited_threads(threads, torch) as info:
        report["machine"].update(info)
        for dtype in dtypes:
            _run_dtype(report, cases, dtype, budget, torch, methods)
    return report


def _run_dtype(report, cases, dtype, budget, torch, methods):
    name = np.dtype(dtype).name
    report["matmul_gflops"][name] = matmul_gflops(dtype)
    for case in cases:
        medians, bests, disagreement = bench_case(case, dtype, torch, budget, methods)
        for method, per in medians.items():
            for p, seconds in per.items():
                flops = case.flops * FLOP_PASSES[p]
                ref = medians.get("torch", {}).get(p)
                report["results"].append({
                    "case": case.name, "dtype": name, "method": method, "pass": p,
                    "median_s": seconds, "best_s": bests[method][p],
                    "gflops": flops / seconds / 1e9,
                    "ratio_to_torch": None if ref is None else seconds / ref,
                    "forward_max_rel_diff": disagreement.get(method),
                    **{f"case_{k}": v for k, v in asdict(case).items() if k != "name"},
                    **memory(case, dtype)})


def format_table(report):
    """The report as text: a header on the machine, then one block per (layer, dtype)."""
    m = report["machine"]
    blas = ", ".join(f"{d['internal_api']} {d['architecture'] or ''}".strip()
                     for d in m.get("threadpoolctl") or []) or m.get("note", "")
    lines = [f"convkit benchmark — numpy {m['numpy']}, torch {m['torch'] or 'not installed'}, "
             f"{m['threads']} threads ({blas}), OPENBLAS_CORETYPE={m['OPENBLAS_CORETYPE']}, "
             f"OPENBLAS_THREAD_TIMEOUT={m['OPENBLAS_THREAD_TIMEOUT']}, "
             f"load average {m['load_average'][0]:.1f} on {m['cpu_count']} cores",
             "machine matmul (numpy, 1024² square): " + ", ".join(
                 f"{k} {v:.0f} GFLOP/s" for k, v in report["matmul_gflops"].items()),
             "cells: median ms (ratio to torch in the same run); last column: GFLOP/s of "
             "forward | fwd+bwd", "",
             f"{'method':8}" + "".join(f"{p:>19}" for p in PASSES) + f"{'GFLOP/s':>18}"]
    blocks = {}
    for r in report["results"]:
        blocks.setdefault((r["case"], r["dtype"]), {}).setdefault(r["method"], {})[r["pass"]] = r
    for (case, dtype), methods in blocks.items():
        mem = next(iter(next(iter(methods.values())).values()))
        lines += ["", f"{case} {dtype} — im2col matrix {mem['cols_bytes'] / 1e6:.1f} MB = "
                      f"{mem['cols_over_input']:.1f}× the input "
                      f"({mem['input_bytes'] / 1e6:.2f} MB)"]
        for method, per in methods.items():
            cells = []
            for p in PASSES:
                r = per.get(p)
                if r is None:
                    cells.append(f"{'—':>19}")
                    continue
                ratio = "n/a" if r["ratio_to_torch"] is None else f"{r['ratio_to_torch']:.2f}×"
                cells.append(f"{r['median_s'] * 1e3:>11.3g} ({ratio:>5})")
            rates = " | ".join(f"{per[p]['gflops']:.3g}" if p in per else "—"
                               for p in ("forward", "fwd+bwd"))
            lines.append(f"{method:8}" + "".join(cells) + f"{rates:>18}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m convkit_course.bench",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="float32 only, a shorter time budget")
    parser.add_argument("--dtype", choices=("float32", "float64"), action="append",
                        help="repeat to run several (default: both, or float32 with --quick)")
    parser.add_argument("--case", action="append", type=int, metavar="I",
                        help=f"index of a case to run (0..{len(CASES) - 1}; default: all)")
    parser.add_argument("--budget", type=float, help="seconds of timing per case and dtype")
    parser.add_argument("--threads", type=int, default=THREADS,
                        help=f"BLAS/OpenMP threads for numpy and PyTorch (default {THREADS}; 1 "
                             "gives steadier numbers on a machine shared with other jobs)")
    parser.add_argument("--json", metavar="PATH",
                        help="write the full report as JSON ('-' for stdout)")
    parser.add_argument("--method", action="append", choices=tuple(METHODS),
                        help=f"repeat to time several (default: {', '.join(DEFAULT_METHODS)}; "
                             "layers a method cannot run are left out)")
    parser.add_argument("--no-torch", action="store_true", help="do not import PyTorch")
    args = parser.parse_args(argv)
    torch = None if args.no_torch else import_torch()
    names = args.dtype or (["float32"] if args.quick else ["float32", "float64"])
    dtypes = [getattr(np, d) for d in names]
    cases = [CASES[i] for i in args.case] if args.case else list(CASES)
    budget = args.budget or (2.0 if args.quick else 6.0)
    report = run(cases, dtypes, budget, torch, args.threads, tuple(args.method or DEFAULT_METHODS))
    if args.json != "-":
        print(format_table(report))
    if args.json:
        text = json.dumps(report, indent=1)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w") as fh:
                fh.write(text + "\n")
    return 0


def restart_with_quiet_blas():
    """Run ``python -m convkit_course.bench`` again in a process whose OpenBLAS threads stop spinning
    soon after each product (``OPENBLAS_THREAD_TIMEOUT``), unless the caller set it already.
    Without this, PyTorch's times include numpy's spinning threads (see the constant)."""
    if "OPENBLAS_THREAD_TIMEOUT" not in os.environ:
        env = dict(os.environ, OPENBLAS_THREAD_TIMEOUT=OPENBLAS_THREAD_TIMEOUT)
        os.execve(sys.executable, [sys.executable, "-m", "convkit_course.bench", *sys.argv[1:]], env)


if __name__ == "__main__":
    restart_with_quiet_blas()
    sys.exit(main())
