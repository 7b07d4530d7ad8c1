"""Benchmark: every convolution method of convkit, and Conv2d(method="auto"), against PyTorch.

    python -m convkit_course.bench                  # float32 and float64, every layer, a table
    python -m convkit_course.bench --quick          # float32, fewer repeats (a few minutes)
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
literal loops join on the smallest layers), plus ``auto``: ``Conv2d(method="auto")``, which
times the methods once per geometry and keeps the fastest (``convkit.auto``; its first
calls, the timing, fall in the warm-up).  Passes: forward and backward (dX, dW and db from
(x, dy)) as ``Conv2d`` runs them, and fwd+bwd, one ``Conv2d`` forward and backward.  Rows
"im2col·GEMM", "winograd·GEMM", "fft·GEMM": that method's matrix products alone, on operands
made before timing — the floor the method cannot go below with this BLAS; its time minus
theirs is what its copies and transforms cost.

The header names the CPU and numpy's f32 GEMM rate (1024² matrices, same threads).  GFLOP/s
counts the direct method's work, 2·N·F·(C/groups)·KH·KW·Ho·Wo per product (two for
backward, three for fwd+bwd), for every method, and is shown as a share of the GEMM rate:
Winograd and FFT do fewer multiplies, so their share can pass 100%.  The text comes from
``bench.toml`` (English and Chinese: ``convkit_course.set_language("zh")``).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass

import numpy as np

from convkit import auto, fast_fft, fast_winograd
from convkit.fast import cache_sized_parts, unfold
from convkit.geometry import conv_geometry, output_size
from convkit.layer import Conv2d
from convkit.methods import METHODS
from convkit.prelude import Caller, backward_call, forward_call

from .i18n import Catalog

TEXT = Catalog.beside(__file__)
THREADS = 2  # the default; --threads changes it
PASSES = ("forward", "backward", "fwd+bwd")
FLOP_PASSES = {"forward": 1, "backward": 2, "fwd+bwd": 3}  # convolution-sized products per pass
DEFAULT_METHODS = ("direct", "im2col", "winograd", "fft", "auto")
GEMM_ROWS = ("im2col", "winograd", "fft")  # methods whose products alone get a row
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
    label: str = ""

    @property
    def output(self):
        return output_size(self.size, self.k, self.stride, self.padding)

    @property
    def flops(self):
        """Multiply-adds of one pass, counted as 2 FLOPs each."""
        return 2 * self.n * self.f * self.c * self.k ** 2 * self.output ** 2

    @property
    def geometry(self):
        return dict(stride=self.stride, padding=self.padding)


CASES = (
    Case("article N1·C1·5²·F1·k3", 1, 1, 5, 1, 3, label="L1"),
    Case("N8·C3·32²·F16·k3·p1", 8, 3, 32, 16, 3, padding=1, label="L2"),
    Case("N16·C64·56²·F64·k3·p1", 16, 64, 56, 64, 3, padding=1, label="L3"),
    Case("N8·C128·28²·F128·k3·s2·p1", 8, 128, 28, 128, 3, stride=2, padding=1, label="L4"),
    Case("N32·C32·32²·F64·k5·p2", 32, 32, 32, 64, 5, padding=2, label="L5"),
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
    return {"threads": threads, "numpy": np.__version__, "cpu": cpu_model(),
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


def draw(case, dtype, rng):
    """x, w, b, dy of one case, drawn in this order from ``rng`` (as ``torch_runners`` does)."""
    x = rng.standard_normal((case.n, case.c, case.size, case.size)).astype(dtype)
    layer = Conv2d(case.c, case.f, case.k, rng=rng, dtype=dtype, **case.geometry)
    dy = rng.standard_normal((case.n, case.f, case.output, case.output)).astype(dtype)
    return x, layer.weight, layer.bias, dy


def convkit_runners(case, dtype, method, rng):
    """callables for each pass of one method (a key of METHODS, or "auto") on seeded data,
    run as ``Conv2d`` runs them."""
    x, w, b, dy = draw(case, dtype, rng)
    layer = Conv2d(case.c, case.f, case.k, method=method, dtype=dtype, **case.geometry)
    layer.weight, layer.bias = w, b

    def run(call, backward):
        name = auto.choose(call, backward).method if method == "auto" else method
        entry = METHODS[name]
        run_pass = call.backward if backward else call.forward
        return run_pass(entry.layer_backward if backward else entry.layer_forward,
                        entry.workspace, Caller(name))

    kw = case.geometry
    return {"forward": lambda: run(forward_call(x, w, b, **kw), False),
            "backward": lambda: run(backward_call(dy, x, w, **kw), True),
            "fwd+bwd": lambda: (layer.forward(x), layer.backward(dy))}


def products_runners(case, dtype, rng, method="im2col"):
    """A method's matrix products alone, on operands made before timing.

    im2col: its three products, part by part as ``Conv2d`` makes them (``fast.
    cache_sized_parts``): forward Y = W @ cols, backward dW = dY @ colsᵀ and dcols = Wᵀ @ dY.
    winograd and fft: ``fast_winograd.products`` / ``fast_fft.products``.
    """
    if method != "im2col":
        x, w, _, dy = draw(case, dtype, rng)
        geom = conv_geometry(x.shape[2:], case.k, case.stride, case.padding)
        module = {"winograd": fast_winograd, "fft": fast_fft}[method]
        runs = module.products(x, w, dy, geom, 1)
        return {**runs, "fwd+bwd": lambda: (runs["forward"](), runs["backward"]())}
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


def runs(case, method, dtype=np.float32):
    """Whether ``method`` can run ``case``: its geometry limits and its memory for one
    sample (auto runs everything)."""
    if method == "auto":
        return True
    if METHODS[method].unmet((case.k, case.k), (case.stride, case.stride), (1, 1)):
        return False
    x = np.broadcast_to(np.zeros((), dtype), (case.n, case.c, case.size, case.size))
    w = np.broadcast_to(np.zeros((), dtype), (case.f, case.c, case.k, case.k))
    dy = np.broadcast_to(np.zeros((), dtype), (case.n, case.f, case.output, case.output))
    call = backward_call(dy, x, w, **case.geometry)
    return all(auto.fits(method, call, backward) for backward in (False, True))


def torch_runners(case, dtype, torch, rng):
    """The same passes in PyTorch, on the same draws as ``convkit_runners`` (same seed)."""
    fn = torch.nn.functional
    x, w, b, dy = (torch.from_numpy(a) for a in draw(case, dtype, rng))
    kw = case.geometry
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
    """Median seconds of every (method, pass), how far each forward is from the reference,
    and what auto chose.

    Every repeat runs every pass of every method once, in turn: when someone else's job
    slows the machine for a while, it slows all of them alike and the ratios survive.
    """
    runners = {m: convkit_runners(case, dtype, m, np.random.default_rng(0))
               for m in methods if m != "loops" and runs(case, m, dtype)}
    if torch is not None:
        runners["torch"] = torch_runners(case, dtype, torch, np.random.default_rng(0))
    # Same seed, same draws: every method sees the same x, w, b; check they agree before timing.
    outputs = {m: np.asarray(r["forward"]()) for m, r in runners.items()}
    for m in GEMM_ROWS:
        if m in methods and runs(case, m, dtype):
            runners[f"{m}·GEMM"] = products_runners(case, dtype, np.random.default_rng(0), m)
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
    return medians, bests, disagreement, _choices(case, dtype) if "auto" in methods else {}


def _choices(case, dtype):
    """What auto chose for this case, per pass, and why: {pass: {method, seconds, ...}}."""
    x, w, b, dy = draw(case, dtype, np.random.default_rng(0))
    found = {}
    for backward, call in ((False, forward_call(x, w, b, **case.geometry)),
                           (True, backward_call(dy, x, w, **case.geometry))):
        choice = auto.choice_for(call, backward)
        found[choice.pass_name] = dict(pass_name=choice.pass_name, method=choice.method,
                                       seconds=choice.seconds, skipped=choice.skipped,
                                       probe=choice.probe, batch=choice.batch)
    return found


def memory(case, dtype):
    """Bytes of the input and of its im2col matrix (each input copied up to K² times)."""
    item = np.dtype(dtype).itemsize
    x = case.n * case.c * case.size ** 2 * item
    cols = case.n * case.c * case.k ** 2 * case.output ** 2 * item
    return {"input_bytes": x, "cols_bytes": cols, "cols_over_input": cols / x}


def cpu_model():
    """The CPU's name as the OS reports it, with family and model numbers when Linux gives
    them (a VM may show only the vendor's brand: "AMD EPYC")."""
    try:
        with open("/proc/cpuinfo") as file:
            fields = dict(line.split(":", 1) for line in file.read().split("\n\n")[0]
                          .splitlines() if ":" in line)
        fields = {k.strip(): v.strip() for k, v in fields.items()}
        name = fields.get("model name", platform.processor() or platform.machine())
        if "cpu family" in fields and "model" in fields:
            name += f" (family {fields['cpu family']}, model {fields['model']})"
        return name
    except OSError:
        return platform.processor() or platform.machine() or "unknown"


def run(cases, dtypes, budget, torch, threads=THREADS, methods=DEFAULT_METHODS):
    report = {"machine": machine_info(torch, threads), "matmul_gflops": {}, "results": [],
              "auto": []}
    with limited_threads(threads, torch) as info:
        report["machine"].update(info)
        for dtype in dtypes:
            _run_dtype(report, cases, dtype, budget, torch, methods)
    report["machine"]["load_average_end"] = os.getloadavg()
    return report


def _run_dtype(report, cases, dtype, budget, torch, methods):
    name = np.dtype(dtype).name
    gemm = report["matmul_gflops"][name] = matmul_gflops(dtype)
    for case in cases:
        medians, bests, disagreement, choices = bench_case(case, dtype, torch, budget, methods)
        report["auto"].append({"case": case.name, "label": case.label, "dtype": name,
                               "choices": choices})
        for method, per in medians.items():
            for p, seconds in per.items():
                flops = case.flops * FLOP_PASSES[p]
                ref = medians.get("torch", {}).get(p)
                report["results"].append({
                    "case": case.name, "label": case.label, "dtype": name, "method": method,
                    "pass": p, "median_s": seconds, "best_s": bests[method][p],
                    "gflops": flops / seconds / 1e9, "gemm_share": flops / seconds / 1e9 / gemm,
                    "ratio_to_torch": None if ref is None else seconds / ref,
                    "forward_max_rel_diff": disagreement.get(method),
                    **{f"case_{k}": v for k, v in asdict(case).items() if k != "name"},
                    **memory(case, dtype)})


def describe_choice(choice):
    """What auto chose for one pass and why, as lines of text (the current language).

    choice: a ``convkit.auto.Choice`` or its dict (as in the JSON report).
    """
    if not isinstance(choice, dict):
        choice = dict(pass_name=choice.pass_name, method=choice.method, seconds=choice.seconds,
                      skipped=choice.skipped, probe=choice.probe, batch=choice.batch)
    times = ", ".join(f"{name} {seconds * 1e3:.3g} ms" for name, seconds
                      in sorted(choice["seconds"].items(), key=lambda kv: kv[1]))
    lines = [TEXT.text("auto_pick", pass_name=TEXT.text(f"pass_{choice['pass_name']}"),
                       method=choice["method"], probe=choice["probe"], batch=choice["batch"],
                       times=times)]
    if choice["skipped"]:
        lines.append("    " + TEXT.text("auto_skip", reasons="; ".join(
            f"{name}: {why_not(why)}" for name, why in choice["skipped"].items())))
    return lines


def describe_candidates(label, choice):
    """Which methods auto timed for a choice and why the others could not take part: lines of
    text that depend on the geometry and the memory budget only, not on the clock."""
    lines = [TEXT.text("auto_candidates", label=label, names=", ".join(sorted(choice.seconds)))]
    lines += ["    " + TEXT.text("auto_left_out", name=name, why=why_not(why))
              for name, why in choice.skipped.items()]
    return lines


def why_not(skipped):
    """Why auto left a method out (a ``Choice.skipped`` value: {"limits": ...} or
    {"memory": ...}), in words."""
    if "limits" in skipped:
        return ", ".join(TEXT.text("skip_limits", argument=TEXT.text(f"argument_{arg}"),
                                   required=need, got=got)
                         for arg, (need, got) in skipped["limits"].items())
    need, budget = skipped["memory"]
    return TEXT.text("skip_memory", need=need / 2**30, budget=budget / 2**30)


def _width(text):
    """Columns ``text`` takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text, width, left=False):
    """``text`` padded with spaces to ``width`` terminal columns."""
    space = " " * max(0, width - _width(text))
    return text + space if left else space + text


def _ratio(row):
    return TEXT.text("no_torch_ratio") if row is None or row["ratio_to_torch"] is None \
        else f"{row['ratio_to_torch']:.2f}×"


def format_table(report):
    """The report as text: a header on the machine, one block per (layer, dtype), what auto
    chose and why, and a summary of the fwd+bwd ratios."""
    m = report["machine"]
    blas = ", ".join(f"{d['internal_api']} {d['architecture'] or ''}".strip()
                     for d in m.get("threadpoolctl") or []) or m.get("note", "")
    gemm = report["matmul_gflops"]
    lines = [TEXT.text("title", numpy=m["numpy"], torch=m["torch"] or TEXT.text("torch_missing"),
                       threads=m["threads"], blas=blas, load=f"{m['load_average'][0]:.1f}",
                       cores=m["cpu_count"])]
    first = next(iter(gemm.items()), None)
    if "float32" in gemm:
        lines.append(TEXT.text("cpu", model=m.get("cpu", "?"), threads=m["threads"],
                               gemm=gemm["float32"]))
    for dtype, rate in gemm.items():
        if dtype != "float32" or first is None:
            lines.append(TEXT.text("gemm_other", dtype=dtype, gemm=rate))
    lines += [TEXT.text("environment", coretype=m["OPENBLAS_CORETYPE"],
                        timeout=m["OPENBLAS_THREAD_TIMEOUT"], wait=m["OMP_WAIT_POLICY"]),
              TEXT.text("legend"), TEXT.text("products_note"), "",
              _cell(TEXT.text("col_method"), 14, left=True)
              + "".join(_cell(TEXT.text(f"pass_{p.replace('+', '_')}"), 19) for p in PASSES)
              + _cell("GFLOP/s", 10) + _cell(TEXT.text("col_share"), 8)]
    blocks = {}
    for r in report["results"]:
        blocks.setdefault((r["case"], r["dtype"]), {}).setdefault(r["method"], {})[r["pass"]] = r
    choices = {(a["case"], a["dtype"]): a["choices"] for a in report.get("auto", [])}
    for (case, dtype), methods in blocks.items():
        mem = next(iter(next(iter(methods.values())).values()))
        lines += ["", TEXT.text("block", label=mem.get("label", ""), case=case, dtype=dtype,
                                cols=mem["cols_bytes"] / 1e6, ratio=mem["cols_over_input"],
                                input=mem["input_bytes"] / 1e6)]
        for method, per in methods.items():
            cells = []
            for p in PASSES:
                r = per.get(p)
                cells.append(f"{'—':>19}" if r is None else
                             f"{r['median_s'] * 1e3:>11.3g} ({_ratio(r):>5})")
            both = per.get("fwd+bwd") or per.get("forward")
            label = (TEXT.text("row_products", method=method.split("·")[0])
                     if "·" in method else method)
            lines.append(_cell(label, 14, left=True) + "".join(cells)
                         + f"{both['gflops']:>10.3g}{both['gemm_share']:>8.0%}")
        for choice in choices.get((case, dtype), {}).values():
            lines += describe_choice(choice)
    lines += _summary(blocks)
    return "\n".join(lines)


def _summary(blocks):
    """fwd+bwd ratios to PyTorch per layer: auto, the fastest method, im2col."""
    lines = []
    for dtype in dict.fromkeys(d for _, d in blocks):
        rows = {case: methods for (case, d), methods in blocks.items() if d == dtype}
        if not any(per.get("fwd+bwd", {}).get("ratio_to_torch") for methods in rows.values()
                   for per in methods.values()):
            continue
        lines += ["", TEXT.text("summary", both=TEXT.text("pass_fwd_bwd"), dtype=dtype)]
        for case, methods in rows.items():
            both = {m: per["fwd+bwd"] for m, per in methods.items()
                    if "fwd+bwd" in per and m != "torch" and "·" not in m and m != "loops"}
            methods_only = [m for m in both if m != "auto"]
            best = min(methods_only, key=lambda m: both[m]["median_s"])
            label = next(iter(both.values()))["label"] or case
            lines.append(TEXT.text("summary_line", label=label, auto=_ratio(both.get("auto")),
                                   best=best, best_ratio=_ratio(both[best]),
                                   im2col=_ratio(both.get("im2col"))))
    return lines


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
    parser.add_argument("--method", action="append", choices=tuple(METHODS) + ("auto",),
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
