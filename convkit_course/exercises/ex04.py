"""Checkers for notebook 04 · the weight gradient (dW as a correlation, db as a sum).

Each exercise has a task function that hands out fresh copies of its data and a checker
that judges the answer::

    x, dz = ex04.weight_gradient_task()
    ex04.weight_gradient(answer)

The expected values come from convkit's literal loops (``conv2d_loops_backward``); the
typical wrong answers are rebuilt here so that the verdict can name the mistake.
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops, conv2d_loops_backward
from ._core import checker, compare_array, correlate_2d, msg

__all__ = ["weight_gradient_task", "weight_gradient",
           "batch_weight_gradient_task", "batch_weight_gradient",
           "bias_gradient_task", "bias_gradient"]



def _dw_of_one_sample(x, dz):
    """x (H, W), dz (Ho, Wo) -> dW (KH, KW) with KH = H - Ho + 1 (stride 1, no padding)."""
    _, dw, _ = conv2d_loops_backward(dz[None, None], x[None, None],
                                     np.zeros((1, 1, x.shape[0] - dz.shape[0] + 1,
                                               x.shape[1] - dz.shape[1] + 1)))
    return dw[0, 0]


# --------------------------------------------------------------------------- exercise 1
def weight_gradient_task():
    """The running example, one sample: x (5, 5) input, dz (3, 3) gradient at the output.

    Small integers, so a student can check a number by hand.  Returns fresh copies.
    """
    rng = np.random.default_rng(404)
    x = rng.integers(-3, 4, size=(5, 5)).astype(np.float64)
    dz = rng.integers(-2, 3, size=(3, 3)).astype(np.float64)
    return x, dz


@checker
def weight_gradient(answer):
    """Judge dW (3, 3) for :func:`weight_gradient_task`: the correlation of x with dz."""
    x, dz = weight_gradient_task()
    shapes = {
        (5, 5): msg("dW has the input's shape (5, 5); it needs one number per kernel weight, "
                    "shape (3, 3). Slide dZ (3×3) over X (5×5): it fits in 3×3 positions."),
        (7, 7): msg("dW has shape (7, 7): that is a 'full' correlation (dZ padded by 2). dW needs "
                    "the 'valid' one — dZ slides over X only where it fits — shape (3, 3)."),
        (1, 1): msg("dW has shape (1, 1): you slid X over dZ. X is the bigger one: slide dZ over "
                    "X (dW[i, j] = Σ dZ[a, b]·X[a+i, b+j]), which gives shape (3, 3)."),
        (): msg("dW is a single number; it needs one number per kernel weight, shape (3, 3): "
                "dW[i, j] = Σ dZ[a, b]·X[a+i, b+j]."),
    }
    expected = _dw_of_one_sample(x, dz)
    flipped_dz = conv2d_loops(x[None, None], dz[::-1, ::-1][None, None])[0, 0]
    return compare_array(answer, expected, msg("your dW"), shapes=shapes, mistakes=[
        (expected[::-1, ::-1],
         msg("it is the right answer rotated by 180°: you correlated dZ with X (the wrong way "
             "round). Weight (i, j) met X[a+i, b+j] when it made output (a, b), so "
             "dW[i, j] = Σ dZ[a, b]·X[a+i, b+j]: X is the 'input', dZ the sliding 'kernel'.")),
        (flipped_dz,
         msg("you flipped dZ (a true convolution). The forward pass is a correlation and so is "
             "dW: slide dZ over X without rotating it.")),
        (expected.T,
         msg("it is transposed: dW[i, j] belongs to kernel row i, column j; take X[a+i, b+j] "
             "with a, b running over the output rows and columns.")),
        (correlate_2d(x, np.ones_like(dz)),
         msg("that sums X over each window but leaves out dZ: every term is dZ[a, b]·X[a+i, b+j].")),
        (expected / dz.size,
         msg("it is the mean over the {n} output positions; every output adds its own term to "
             "the loss, so dW is the sum, not the average.", n=dz.size)),
        (correlate_2d(x, np.abs(dz)),
         msg("you used |dZ|: the gradient's sign matters — negative dZ entries subtract.")),
    ], praise=msg("dW is X correlated with dZ: a forward pass with dZ as the kernel."))


# --------------------------------------------------------------------------- exercise 2


def batch_weight_gradient_task():
    """A batch of 4: x (4, 1, 5, 5), dz (4, 1, 3, 3); the kernel w is (1, 1, 3, 3).

    Returns fresh copies.
    """
    rng = np.random.default_rng(4040)
    x = rng.integers(-3, 4, size=(4, 1, 5, 5)).astype(np.float64)
    dz = rng.integers(-2, 3, size=(4, 1, 3, 3)).astype(np.float64)
    return x, dz


@checker
def batch_weight_gradient(answer):
    """Judge dW (1, 1, 3, 3) for :func:`batch_weight_gradient_task` (summed over the batch)."""
    x, dz = batch_weight_gradient_task()
    shapes = {
        (4, 1, 3, 3): msg("you have one dW per sample, shape (4, 1, 3, 3). The batch shares one "
                          "kernel, and every sample's outputs add to the loss, so add the four "
                          "contributions up: dW has the kernel's shape (1, 1, 3, 3)."),
        (4, 3, 3): msg("you have one dW per sample, shape (4, 3, 3). The batch shares one kernel: "
                       "sum over the batch axis and keep the kernel's shape (1, 1, 3, 3)."),
        (4, 4, 3, 3): msg("your dW has shape (4, 4, 3, 3): every sample's X was correlated with "
                          "every sample's dZ (conv2d_direct(x, dz) treats the 4 dZ maps as 4 "
                          "filters). Sample n's X only meets sample n's dZ: keep the pairs (n, n) "
                          "and sum them over n, giving the kernel's shape (1, 1, 3, 3)."),
    }
    _, expected, _ = conv2d_loops_backward(dz, x, np.zeros((1, 1, 3, 3)))
    per_sample = np.stack([_dw_of_one_sample(x[n, 0], dz[n, 0]) for n in range(len(x))])
    crossed = _dw_of_one_sample(x.sum(axis=(0, 1)), dz.sum(axis=(0, 1)))
    return compare_array(answer, expected, msg("your dW"), shapes=shapes, mistakes=[
        (per_sample[0],
         msg("it is the gradient from the first sample only. The kernel took part in all four "
             "samples' forward passes: sum the contributions over the batch.")),
        (per_sample[-1],
         msg("it is the gradient from the last sample only (a loop that overwrote dW instead of "
             "adding to it?): sum the contributions over the batch.")),
        (per_sample.mean(axis=0),
         msg("it is the mean over the batch. The loss adds up every sample's outputs, so the "
             "gradient is the sum over the batch, not the average.")),
        (expected[..., ::-1, ::-1],
         msg("it is rotated by 180°: you correlated dZ with X (the wrong way round); "
             "dW[i, j] = Σ_n Σ_(a,b) dZ[n, a, b]·X[n, a+i, b+j].")),
        (crossed,
         msg("you summed X and dZ over the batch before correlating: that mixes sample m's X "
             "with sample n's dZ. Correlate each sample's pair, then sum.")),
        (np.swapaxes(expected, -1, -2),
         msg("it is transposed: dW[..., i, j] belongs to kernel row i, column j.")),
    ], praise=msg("one kernel, shared by the batch, so the samples' contributions add up."))


# --------------------------------------------------------------------------- exercise 3


def bias_gradient_task():
    """dz (4, 2, 3, 3): a batch of 4, two filters (so two biases), 3×3 outputs.  A copy."""
    rng = np.random.default_rng(4041)
    return rng.integers(-3, 4, size=(4, 2, 3, 3)).astype(np.float64)


@checker
def bias_gradient(answer):
    """Judge db (2,) for :func:`bias_gradient_task`: dz summed over batch and positions."""
    dz = bias_gradient_task()
    shapes = {
        (4, 2): msg("db has shape (4, 2): you summed over the positions but not over the batch. "
                    "Every sample used the same bias: sum over axes (0, 2, 3) to get one number "
                    "per filter, shape (2,)."),
        (2, 3, 3): msg("db has shape (2, 3, 3): you summed over the batch but not over the "
                       "positions. The bias was added at every output position: sum over axes "
                       "(0, 2, 3)."),
        (4,): msg("db has shape (4,): one number per sample. db needs one number per filter (a "
                  "filter's bias is shared by all samples and positions): sum over axes "
                  "(0, 2, 3)."),
        (): msg("db is a single number: you summed everything. Each filter has its own bias, so "
                "keep the filter axis: sum over axes (0, 2, 3) to get shape (2,)."),
        (3, 3): msg("db has shape (3, 3): you kept the positions. The bias is one number per "
                    "filter, added at every position: sum over axes (0, 2, 3), shape (2,)."),
        (4, 3, 3): msg("db has shape (4, 3, 3): you summed over the filters, which must stay "
                       "apart (one bias each). Sum over axes (0, 2, 3), shape (2,)."),
    }
    expected = np.array([sum(dz[n, f, i, j] for n in range(4) for i in range(3) for j in range(3))
                         for f in range(2)])
    return compare_array(answer, expected, msg("your db"), shapes=shapes, mistakes=[
        (dz.mean(axis=(0, 2, 3)),
         msg("it is the mean of dZ. The bias was added to every output, and each of those "
             "outputs passes its full gradient back to it: sum, don't average.")),
        (dz.sum(axis=(0, 2, 3)) / dz.shape[0],
         msg("it is the sum divided by the batch size N = 4. The loss here is the sum of the "
             "outputs' terms, so db is the plain sum (a mean loss would already have put 1/N "
             "into dZ).")),
        (dz.sum(axis=(0, 2, 3)) / 9,
         msg("it is divided by the 9 positions: every position's output passes its full "
             "gradient to the bias — sum over positions, don't average.")),
        (dz.sum(axis=(2, 3))[0],
         msg("it is the first sample's sum only: add every sample's contribution.")),
        (dz[:, :, 0, 0].sum(axis=0),
         msg("it sums only position (0, 0) of each map: the bias was added at every output "
             "position, so sum over all of them.")),
        (dz.sum(axis=(0, 2, 3))[::-1],
         msg("the two filters' sums are swapped: db[f] belongs to filter f = dZ[:, f].")),
        (np.abs(dz).sum(axis=(0, 2, 3)),
         msg("you summed |dZ|: the gradient's sign matters — negative dZ entries subtract.")),
    ], praise=msg("db[f] is dZ[:, f] summed over the batch and every position."))
