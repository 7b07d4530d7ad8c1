"""``Conv2d(method="auto")``: the fastest method for each geometry, timed once and remembered.

cuDNN's benchmark mode (``torch.backends.cudnn.benchmark = True``): the first time a layer
meets a geometry — the shapes of x and w, stride, padding, dilation, groups and dtype —
every method that can run it is timed on it, and the fastest is remembered for that
geometry in :data:`CHOICES`.  Forward and backward are chosen separately (cuDNN too picks
its forward, dX and dW algorithms apart): the fastest FFT forward may sit beside an im2col
backward.  Later calls with the same geometry look the choice up and pay nothing more.

What takes part (:data:`CANDIDATES`) and what is left out, with the reason kept in the
:class:`Choice`: a method whose limits exclude the geometry (Winograd: 3×3 stride 1
dilation 1; FFT: stride 1) and a method whose workspace for one sample exceeds
``convkit.memory.WORKSPACE_BYTES`` — so auto never picks one that cannot run the call.

Timing: on the call's own arrays, on the first samples of the batch (at least
``PROBE_MACS`` multiply-adds' worth, and never more than the batch), every candidate once
untimed (its first call pays for buffers and caches), then ``ROUNDS`` times, in turns
(a, b, c, a, b, c, ...), the best of its runs counting.  Noise
on a busy machine can still flip a choice between two methods within a few percent of
each other; either is then about as fast.

Non-finite values: FFT and Winograd spread a NaN or inf over whole images or tiles (see
their modules), so a call whose x, w or dY holds one runs an exact method instead
(im2col, or direct when im2col's workspace does not fit): the same cells become NaN or
inf as in PyTorch, whatever was chosen for finite data.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from . import memory
from .methods import METHODS
from .prelude import Caller

__all__ = ["CANDIDATES", "EXACT", "PROBE_MACS", "ROUNDS", "CHOICES", "Choice", "choose",
           "choice_for", "clear", "eligible", "fits", "geometry_key", "probe_size"]

CANDIDATES = ("im2col", "winograd", "fft", "direct")
EXACT = ("im2col", "direct", "loops")    # products exactly the definition's, in this order
PROBE_MACS = 1e9                         # timing runs on at least this much work
ROUNDS = 3                               # runs of each candidate; the best one counts
CHOICES = {}                             # geometry_key(call, backward) -> Choice


@dataclass(frozen=True)
class Choice:
    """The method auto chose for one geometry and pass, and why.

    seconds: {method: best of ``ROUNDS`` timed runs}, on ``probe`` samples of the batch;
    skipped: {method: why it could not take part}: {"limits": {argument: (required, got)}}
    or {"memory": (bytes needed for one sample, the budget)}; finite: False when the call
    held a NaN or inf and ``method`` is the exact method run instead of the timed choice.
    """

    pass_name: str
    method: str
    seconds: dict = field(default_factory=dict)
    skipped: dict = field(default_factory=dict)
    probe: int = 0
    batch: int = 0
    finite: bool = True

    def reasons(self):
        """{method: why it was left out}, in words."""
        words = {}
        for name, why in self.skipped.items():
            if "limits" in why:
                words[name] = ", ".join(f"needs {arg} {need}, got {got}"
                                        for arg, (need, got) in why["limits"].items())
            else:
                need, budget = why["memory"]
                words[name] = (f"needs {memory.gib(need)} of workspace per sample, over the "
                               f"{memory.gib(budget)} budget")
        return words


def geometry_key(call, backward):
    """What a choice depends on: pass, shapes of x and w, the geometry, groups, dtype."""
    g = call.geom
    return ("backward" if backward else "forward", call.x.shape, call.w.shape, g.stride,
            g.padding, g.dilation, call.groups, call.x.dtype.str)


def clear():
    """Forget every choice (the next call of each geometry times again)."""
    CHOICES.clear()


def choice_for(call, backward):
    """The :class:`Choice` for this call's geometry: remembered, or timed now."""
    key = geometry_key(call, backward)
    if key not in CHOICES:
        CHOICES[key] = _time(call, backward)
    return CHOICES[key]


def choose(call, backward):
    """The :class:`Choice` to run this call with: the remembered fastest, or (``finite``
    False) an exact method when the arrays hold a NaN or an inf."""
    if not _finite(call, backward):
        return Choice("backward" if backward else "forward", _exact(call, backward),
                      batch=call.x.shape[0], finite=False)
    return choice_for(call, backward)


def _finite(call, backward):
    """False when x, w (or dY) hold a NaN or inf.  One sum per array: a non-finite value
    makes it non-finite; a finite overflow does too, which only sends the call to the exact
    method, never the other way."""
    arrays = (call.x, call.w, call.dy) if backward else (call.x, call.w)
    with np.errstate(over="ignore", invalid="ignore"):
        return all(np.isfinite(np.sum(a)) for a in arrays)


def _exact(call, backward):
    for name in EXACT:
        if fits(name, call, backward):
            return name
    return EXACT[0]  # nothing fits: let it raise its MemoryError with the advice


def fits(name, call, backward):
    """True when the method can run this call within the memory budget."""
    try:
        call.parts(METHODS[name].workspace, backward, Caller(name))
    except memory.BudgetExceeded:
        return False
    return True


def eligible(call, backward):
    """({method: Method} that can run this call, {method: reason} for those that cannot)."""
    ok, skipped = {}, {}
    for name in CANDIDATES:
        method = METHODS[name]
        unmet = method.unmet(call.geom.kernel, call.geom.stride, call.geom.dilation)
        if unmet:
            skipped[name] = {"limits": unmet}
            continue
        method.check_limits(call.geom.kernel, call.geom.stride, call.geom.dilation,
                            Caller(name))  # ``requires`` says all; this would say the rest
        if not fits(name, call, backward):
            need = method.workspace(call, backward).total(1) + call.output_bytes_per_sample(
                backward)
            skipped[name] = {"memory": (need, memory.WORKSPACE_BYTES)}
            continue
        ok[name] = method
    return ok, skipped


def probe_size(call):
    """Samples to time on: enough for PROBE_MACS multiply-adds, at most the batch."""
    n = call.x.shape[0]
    per_sample = (call.w.size * call.geom.output[0] * call.geom.output[1])
    return max(1, min(n, math.ceil(PROBE_MACS / max(per_sample, 1))))


def _time(call, backward):
    ok, skipped = eligible(call, backward)
    m = probe_size(call)
    probe = type(call)(call.geom, call.groups, call.dtype, call.x[:m], call.w,
                       None if call.b is None else call.b,
                       None if call.dy is None else call.dy[:m])
    runs = {name: [] for name in ok}
    for round_ in range(ROUNDS + 1):
        for name, method in ok.items():
            start = time.perf_counter()
            if backward:
                probe.backward(method.layer_backward, method.workspace, Caller(name))
            else:
                probe.forward(method.layer_forward, method.workspace, Caller(name))
            if round_:                                   # round 0 warms up
                runs[name].append(time.perf_counter() - start)
    seconds = {name: min(t) for name, t in runs.items()}
    best = min(seconds, key=seconds.get) if seconds else _exact(call, backward)
    return Choice("backward" if backward else "forward", best, seconds, skipped, m,
                  call.x.shape[0])
