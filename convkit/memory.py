"""The memory budget: how much scratch memory one convolution call may use, in one place.

A convolution needs its inputs and its outputs; everything else it allocates — im2col's
columns, a padded copy of x, FFT spectra, Winograd tiles — is *workspace*.  cuDNN makes the
caller name a workspace limit and offers only the algorithms that fit it; convkit has one
number, ``WORKSPACE_BYTES``, and every method of every public function and of ``Conv2d``
keeps under it by working on a few samples at a time (:func:`batch_parts`).  Peak memory is
then the inputs + the outputs + at most ``WORKSPACE_BYTES``, whatever the batch size.

Each method says what it needs (``Method.workspace``): a ``fixed`` part (FFT kernel spectra,
Winograd kernel transforms: the same for any batch) and a ``per_sample`` part.  A method
whose needs for ONE sample exceed the budget cannot run the call, as in cuDNN: MemoryError
says how much it asked, and which method, or which budget, fits.  When numpy itself cannot
allocate an output, :func:`out_of_memory` says how much the call asked and which batch size
would need half of it.
"""
from __future__ import annotations

import numpy as np

__all__ = ["WORKSPACE_BYTES", "Workspace", "BudgetExceeded", "batch_parts", "workspace_error",
           "out_of_memory", "gib"]

# Scratch memory one call may hold at once.  256 MiB keeps Conv2d's forward + backward on
# N64·C128·112²·F128 (x, y, dy, dx: 0.41 GB each in float32, 1.64 GB) under 2 GB with room
# for Python, numpy and BLAS, and holds the whole batch's im2col columns of the benchmark's
# largest layers (116 MB), which a layer then keeps for its backward.
WORKSPACE_BYTES = 256 * 2**20


class BudgetExceeded(MemoryError):
    """A method needs more workspace for one sample than ``WORKSPACE_BYTES`` allows."""


class Workspace:
    """What one call of one method needs besides its inputs and outputs, in bytes.

    ``fixed``: allocated once per call (kernel spectra, transformed kernels);
    ``per_sample``: for each sample of the batch the call works on at once.
    """

    __slots__ = ("fixed", "per_sample")

    def __init__(self, fixed, per_sample):
        self.fixed, self.per_sample = int(fixed), int(per_sample)

    def total(self, samples):
        """Bytes for ``samples`` samples at once."""
        return self.fixed + samples * self.per_sample

    def fits(self, budget=None):
        """True when one sample fits the budget (``WORKSPACE_BYTES`` by default)."""
        return self.total(1) <= (WORKSPACE_BYTES if budget is None else budget)

    def __repr__(self):
        return f"Workspace(fixed={self.fixed}, per_sample={self.per_sample})"


def gib(n_bytes):
    """Bytes as a short GiB text: 3.74 GiB, 0.0012 GiB."""
    value = n_bytes / 2**30
    return f"{value:.2f} GiB" if value >= 0.01 else f"{value:.2g} GiB"


def batch_parts(n, need, who="this call", alternatives=None):
    """Split range(n) into consecutive slices whose workspace fits ``WORKSPACE_BYTES``.

    need: a :class:`Workspace`.  -> [slice, ...], at least one sample each, covering the
    batch once.  :class:`BudgetExceeded` (:func:`workspace_error`) when one sample does not
    fit; ``alternatives()`` -> {method: Workspace} is then asked which other methods would.
    """
    budget = WORKSPACE_BYTES
    if not need.fits(budget):
        others = alternatives() if callable(alternatives) else alternatives
        others = others or None
        raise BudgetExceeded(workspace_error(who, need, budget, others))
    step = n if need.per_sample == 0 else max(1, (budget - need.fixed) // need.per_sample)
    return [slice(s, min(s + step, n)) for s in range(0, n, step)] or [slice(0, 0)]


def workspace_error(who, need, budget, alternatives=None):
    """The message of a MemoryError for a method that does not fit the budget.

    alternatives: {method name: Workspace} of the other methods for the same call; those
    whose one sample fits are named.
    """
    parts = [f"{who} needs {gib(need.total(1))} of workspace for ONE sample"]
    if need.fixed:
        parts[0] += f" ({gib(need.fixed)} of it for any batch size)"
    parts.append(f"more than convkit's budget convkit.memory.WORKSPACE_BYTES = {gib(budget)}")
    fitting = {name: w for name, w in (alternatives or {}).items() if w.fits(budget)}
    advice = ""
    if alternatives:
        advice = ("Methods that fit: " + ", ".join(
            f"method={name!r} ({gib(w.total(1))} per sample)" for name, w in fitting.items())
            if fitting else "No method fits one sample") + "; or raise"
    else:
        advice = "Raise"
    return (", ".join(parts) + ". " + advice + f" the budget: "
            f"convkit.memory.WORKSPACE_BYTES = {_round_up_power_of_two(need.total(1))}.")


def _round_up_power_of_two(n_bytes):
    """The smallest 2**k bytes >= n_bytes, written as Python (2**31)."""
    return f"2**{max(0, int(n_bytes - 1).bit_length())}"


def out_of_memory(error, who, batch, io_bytes_per_sample, workspace, dtype=None):
    """A MemoryError for a call numpy could not allocate for.

    error: numpy's MemoryError (its text says how much one array asked); batch: N;
    io_bytes_per_sample: the call's inputs and outputs per sample; workspace: at most this
    many bytes of scratch at once; dtype: the arrays' (float64 gets a hint).  The message
    says what the call needs in all and the largest batch that needs at most half of it.
    """
    total = batch * io_bytes_per_sample + workspace
    half = max(1, (total // 2 - workspace) // max(io_bytes_per_sample, 1))
    smaller = min(half, max(batch // 2, 1))
    return MemoryError(
        f"{who}: {error}. The call needs about {gib(total)} in all: "
        f"{gib(io_bytes_per_sample)} of inputs and outputs per sample x N={batch}, plus up to "
        f"{gib(workspace)} of workspace (convkit.memory.WORKSPACE_BYTES). A batch of "
        f"N={smaller} needs about {gib(smaller * io_bytes_per_sample + workspace)}: split the "
        f"batch" + (", or use float32 instead of float64 (half the bytes)." if dtype ==
                    np.float64 else "."))
