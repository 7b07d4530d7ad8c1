"""Checkers for notebook 11 · train a tiny CNN.

    from convkit.exercises import ex11
    x, dy = ex11.relu_problem()          # x (2, 5) with zeros in it, dy (2, 5)
    ex11.relu_backward(dx)               # dx = dy where x > 0, else 0
    x, dy = ex11.pool_problem()          # x (1, 1, 4, 4) no ties, dy (1, 1, 2, 2)
    ex11.maxpool_backward(dx)            # each dy to the position of its window's maximum
    logits, labels = ex11.softmax_problem()
    ex11.cross_entropy_gradient(dlogits) # (softmax - onehot) / N
    ex11.parameter_count(n)              # the notebook's network: weights and biases

The expected answers are written out here from the definitions (loops), not taken from
``convkit.nn``, so a checker cannot inherit a bug of the code it teaches.
"""
from __future__ import annotations

import numbers

import numpy as np

from ._core import Verdict, compare_array, correct, not_yet

__all__ = ["relu_problem", "relu_backward", "pool_problem", "maxpool_backward",
           "softmax_problem", "cross_entropy_gradient", "parameter_count"]


# ------------------------------------------------------------------ exercise 1: ReLU

def relu_problem():
    """x (2, 5) — with exact zeros — and dy (2, 5), small numbers (new copies)."""
    x = np.array([[-2.0, 0.0, 1.5, -0.5, 3.0],
                  [0.5, -1.0, 0.0, 2.0, -3.0]])
    dy = np.array([[1.0, 2.0, -1.0, 4.0, 0.5],
                   [-2.0, 3.0, 5.0, 1.0, 2.0]])
    return x, dy


def _relu_backward_loops(x, dy):
    dx = np.zeros_like(dy)
    for index in np.ndindex(x.shape):
        if x[index] > 0:  # slope 1 where x > 0; 0 elsewhere, at 0 too (as PyTorch)
            dx[index] = dy[index]
    return dx


def relu_backward(answer) -> Verdict:
    """Exercise 1: ReLU's dx for ``relu_problem()``."""
    x, dy = relu_problem()
    expected = _relu_backward_loops(x, dy)
    mistakes = [
        (np.where(x >= 0, dy, 0.0), "at x == 0 you passed dy through. ReLU has no slope "
                                    "there; take it as 0 (PyTorch does): use x > 0, not x >= 0."),
        ((x > 0).astype(float), "this is only the mask (the slope, 0 or 1): multiply it by dy "
                                "— the chain rule."),
        (np.where(dy > 0, dy, 0.0), "you masked by the sign of dy. The gate is the *input*: "
                                    "dy passes where x > 0."),
        (dy * x, "ReLU's slope is 1 or 0, not x: dy passes unchanged where x > 0."),
        (np.where(x > 0, 0.0, dy), "the mask is the wrong way round: dy passes where x > 0 and "
                                   "is blocked where x <= 0."),
    ]
    return compare_array(answer, expected, "dx", mistakes=mistakes)


# ------------------------------------------------------------------ exercise 2: max-pool

def pool_problem():
    """x (1, 1, 4, 4) with distinct values (no ties) and dy (1, 1, 2, 2) (new copies)."""
    x = np.array([[3.0, 1.0, 0.0, 2.0],
                  [4.0, 2.0, 5.0, 1.0],
                  [1.0, 7.0, 3.0, 6.0],
                  [0.0, 2.0, 8.0, 1.0]])
    x = x + np.arange(16).reshape(4, 4) / 100  # break every tie, keep the pattern readable
    dy = np.array([[10.0, 20.0],
                   [30.0, 40.0]])
    return x[None, None], dy[None, None]


def _maxpool_backward_loops(x, dy):
    dx = np.zeros_like(x)
    for p in range(dy.shape[2]):
        for q in range(dy.shape[3]):
            window = x[0, 0, 2 * p:2 * p + 2, 2 * q:2 * q + 2]
            i, j = np.unravel_index(np.argmax(window), window.shape)
            dx[0, 0, 2 * p + i, 2 * q + j] = dy[0, 0, p, q]
    return dx


def maxpool_backward(answer) -> Verdict:
    """Exercise 2: the 2×2 max-pool's dx (1, 1, 4, 4) for ``pool_problem()``."""
    x, dy = pool_problem()
    expected = _maxpool_backward_loops(x, dy)
    upsampled = np.repeat(np.repeat(dy, 2, axis=2), 2, axis=3)
    winners = (expected != 0).astype(float)
    losers = np.zeros_like(x)
    for p in range(2):
        for q in range(2):
            window = x[0, 0, 2 * p:2 * p + 2, 2 * q:2 * q + 2]
            i, j = np.unravel_index(np.argmin(window), window.shape)
            losers[0, 0, 2 * p + i, 2 * q + j] = dy[0, 0, p, q]
    mistakes = [
        (upsampled, "you copied dy to all four positions of each window. Only the maximum "
                    "reached the output, so only it gets the gradient; the other three get 0."),
        (upsampled / 4, "you spread dy evenly over the window — that is average-pooling's "
                        "backward. Max-pooling sends all of dy to the one maximum."),
        (winners, "you marked where the maxima are (1s): put dy's value there instead of 1."),
        (losers, "you sent dy to each window's minimum; it belongs at the maximum (argmax)."),
    ]
    if isinstance(answer, np.ndarray) and answer.shape == (4, 4):
        answer = answer[None, None]  # a plain 4×4 answer is fine too
    return compare_array(answer, expected, "dx", mistakes=mistakes)


# ------------------------------------------------------------------ exercise 3: cross-entropy

def softmax_problem():
    """logits (4, 3) and labels (4,) ints in 0..2 (new copies)."""
    logits = np.array([[2.0, 1.0, 0.1],
                       [0.5, 2.5, -1.0],
                       [-1.0, 0.0, 1.0],
                       [3.0, -2.0, 0.0]])
    labels = np.array([0, 2, 2, 1])
    return logits, labels


def _softmax_rows(z):
    out = np.empty_like(z)
    for i, row in enumerate(z):
        e = np.exp(row - row.max())
        out[i] = e / e.sum()
    return out


def cross_entropy_gradient(answer) -> Verdict:
    """Exercise 3: d(mean cross-entropy)/d logits, (4, 3), for ``softmax_problem()``."""
    logits, labels = softmax_problem()
    n, k = logits.shape
    probs = _softmax_rows(logits)
    onehot = np.zeros((n, k))
    for i, label in enumerate(labels):
        onehot[i, label] = 1.0
    expected = (probs - onehot) / n
    mistakes = [
        (probs - onehot, f"you forgot to divide by the batch size N = {n}: the loss is the "
                         "*mean* over the batch, so every row's gradient carries 1/N."),
        ((onehot - probs) / n, "the sign is flipped: it is softmax minus one-hot (raising the "
                               "right class's logit must lower the loss)."),
        (probs / n, "you forgot to subtract the one-hot labels: the right class's entry is "
                    "p - 1, the others p."),
        ((logits - onehot) / n, "use the softmax probabilities, not the raw logits: "
                                "p = exp(z) / sum(exp(z)) per row."),
        (onehot - probs, "the sign is flipped and the 1/N of the mean is missing."),
    ]
    return compare_array(answer, expected, "dlogits", mistakes=mistakes)


# ------------------------------------------------------------------ exercise 4: parameters

# The notebook's network: conv 1->16 (3×3) -> ReLU -> pool -> conv 16->32 (3×3) -> ReLU -> linear
_CONV1 = 16 * 1 * 3 * 3 + 16
_CONV2 = 32 * 16 * 3 * 3 + 32
_LINEAR = 10 * 32 * 4 * 4 + 10


def parameter_count(answer) -> Verdict:
    """Exercise 4: how many numbers (weights and biases) the notebook's network learns."""
    if answer is None or answer is Ellipsis:
        return not_yet("answer is still empty: replace the ... with a number.")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        return not_yet(f"answer should be a whole number, got {answer!r}.")
    total = _CONV1 + _CONV2 + _LINEAR
    if answer == total:
        return correct(f"{_CONV1} (conv1) + {_CONV2} (conv2) + {_LINEAR} (linear) = {total}. "
                       "The convolutions hold under half of them although they look at every "
                       "position: each small kernel is shared by all positions.")
    no_bias = total - 16 - 32 - 10
    if answer == no_bias:
        return not_yet(f"{answer} counts the weights only: every conv filter and every linear "
                       "output also has one bias (16 + 32 + 10 more).")
    unpooled = _CONV1 + _CONV2 + 10 * 32 * 8 * 8 + 10
    if answer == unpooled:
        return not_yet("the linear layer sees the *pooled* maps: 32 channels of 4×4 "
                       "(pooling halves 8×8), not 8×8.")
    if answer == _CONV1 + _CONV2:
        return not_yet("that is the two convolutions only; add the linear layer "
                       "(32·4·4 inputs × 10 outputs + 10 biases).")
    wrong_conv2 = _CONV1 + 32 * 3 * 3 + 32 + _LINEAR
    if answer == wrong_conv2:
        return not_yet("conv2's filters each span all 16 input channels: its weight is "
                       "(32, 16, 3, 3), not (32, 1, 3, 3).")
    return not_yet(f"{answer} is not it. Count layer by layer: a conv's weight has shape "
                   "(out, in, 3, 3) plus out biases; the linear's weight is (10, inputs) plus "
                   "10 biases; ReLU, pooling and flatten learn nothing.")
