"""What a layer saves from forward for backward, and the check that it did not change since.

PyTorch keeps a reference to every tensor the backward pass needs, and a version counter
on it: backward raises if the tensor was edited in place since.  numpy arrays have no
version counter, so ``Conv2d`` does one of two things with the input x:

* a **copy** when it is small — at most a quarter of ``convkit.memory.WORKSPACE_BYTES``:
  the copy costs little, and the caller may then reuse its buffer at once (backward
  differentiates the forward that happened);
* a **reference and a checksum** when it is larger (a copy of a 0.4 GB batch would double
  the memory that counts): :meth:`Saved.get` recomputes the checksum and raises, naming
  the array, if it was edited in place — never a gradient of values that changed behind
  the layer's back.

The checksum is exact and position-sensitive: a sum, modulo 2**64, of the array's 64-bit
words, each times its own odd weight — so changing any one value always changes it, and
moving values around changes it unless the weights happen to collide (odds of 2**-64).
It reads the array once, at memory speed (about 20 GB/s).
"""
from __future__ import annotations

import numpy as np

__all__ = ["Saved", "checksum"]

_ROW = 512                                    # words per row of the weighted sum
_MIX = 0x9E3779B97F4A7C15                     # 2**64 / golden ratio: spreads the row weights
_WORD_WEIGHTS = (np.random.default_rng(20240522).integers(0, 2**63, _ROW, dtype=np.uint64)
                 * np.uint64(2) + np.uint64(1))  # odd: a change of one word always shows


def checksum(a):
    """An exact position-sensitive checksum of the bytes of an array -> int.

    A C-contiguous array is read in place; any other one sample by sample (a copy of one
    sample at a time, never of the whole array).
    """
    if not a.flags.c_contiguous:
        if a.ndim == 0:
            return checksum(np.ascontiguousarray(a))
        return sum(checksum(np.ascontiguousarray(sub)) * (2 * k + 1) * _MIX
                   for k, sub in enumerate(a)) % 2**64
    raw = a.reshape(-1).view(np.uint8)
    words = raw[:raw.size // 8 * 8].view(np.uint64)
    rows = words.size // _ROW
    total = 0
    if rows:
        per_row = np.einsum("ij,j->i", words[:rows * _ROW].reshape(rows, _ROW), _WORD_WEIGHTS)
        row_weights = (np.arange(rows, dtype=np.uint64) * np.uint64(2) + np.uint64(1)) * \
            np.uint64(_MIX) | np.uint64(1)
        total += int(np.einsum("i,i->", per_row, row_weights))
    rest = words[rows * _ROW:]
    total += int(np.einsum("i,i->", rest, _WORD_WEIGHTS[:rest.size])) * 3
    total += sum((int(b) + 1) * (k + 1) for k, b in enumerate(raw[words.size * 8:]))
    return total % 2**64


class Saved:
    """An array a backward pass needs: ``copy`` (the layer's own) or a reference + checksum.

    ``name`` says what the array is in messages ("x").  ``out``: an array of the right shape
    and dtype to copy into (a buffer reused from step to step), when copying.
    """

    def __init__(self, array, name, copy, out=None):
        self.name = name
        if copy:
            if out is None or out.shape != array.shape or out.dtype != array.dtype:
                out = np.empty(array.shape, dtype=array.dtype)
            np.copyto(out, array)
            self.array, self.sum = out, None
        else:
            self.array, self.sum = array, checksum(array)

    @classmethod
    def owned(cls, array, name):
        """An array the caller made itself and hands over (nobody else can edit it)."""
        saved = cls.__new__(cls)
        saved.name, saved.array, saved.sum = name, array, None
        return saved

    @property
    def copied(self):
        """True when no checksum guards the array (it is the layer's own)."""
        return self.sum is None

    def get(self):
        """The array, unchanged since it was saved; RuntimeError if it was edited in place."""
        if self.sum is not None and checksum(self.array) != self.sum:
            raise RuntimeError(
                f"{self.name} was edited in place between forward and backward: backward "
                f"needs the {self.name} that forward saw.  The layer keeps a reference, not a "
                f"copy, because {self.name} ({self.array.nbytes / 2**20:.0f} MiB) is larger "
                f"than a quarter of convkit.memory.WORKSPACE_BYTES; pass a copy to forward "
                f"({self.name}.copy()), or edit {self.name} only after backward (PyTorch "
                f"raises here too: 'modified by an inplace operation').")
        return self.array
