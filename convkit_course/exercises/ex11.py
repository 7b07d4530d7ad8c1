"""Checkers for notebook 11 · train a tiny CNN.

    from convkit_course.exercises import ex11
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

import numpy as np

from ._core import (Verdict, as_number, checker, compare_array, correct, fallback, msg, not_yet,
                    number_note)

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


@checker
def relu_backward(answer) -> Verdict:
    """Exercise 1: ReLU's dx for ``relu_problem()``."""
    x, dy = relu_problem()
    expected = _relu_backward_loops(x, dy)
    mistakes = [
        (np.where(x >= 0, dy, 0.0), msg("at x == 0 you passed dy through. ReLU has no slope "
                                        "there; take it as 0 (PyTorch does): use x > 0, not "
                                        "x >= 0.")),
        ((x > 0).astype(float), msg("this is only the mask (the slope, 0 or 1): multiply it by "
                                    "dy — the chain rule.")),
        (np.where(dy > 0, dy, 0.0), msg("you masked by the sign of dy. The gate is the *input*: "
                                        "dy passes where x > 0.")),
        (dy * x, msg("ReLU's slope is 1 or 0, not x: dy passes unchanged where x > 0.")),
        (np.where(x > 0, 0.0, dy), msg("the mask is the wrong way round: dy passes where x > 0 "
                                       "and is blocked where x <= 0.")),
        (np.maximum(x, 0), msg("this is ReLU's forward output max(x, 0); the backward pass "
                               "gates dy: dy where x > 0, else 0.")),
        (dy, msg("this is dy unchanged: ReLU blocks the gradient where x <= 0.")),
    ]
    return compare_array(answer, expected, msg("dx"), mistakes=mistakes)


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


@checker
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
        (upsampled, msg("you copied dy to all four positions of each window. Only the maximum "
                        "reached the output, so only it gets the gradient; the other three get "
                        "0.")),
        (upsampled / 4, msg("you spread dy evenly over the window — that is average-pooling's "
                            "backward. Max-pooling sends all of dy to the one maximum.")),
        (winners, msg("you marked where the maxima are (1s): put dy's value there instead of "
                      "1.")),
        (losers, msg("you sent dy to each window's minimum; it belongs at the maximum "
                     "(argmax).")),
        (winners * x, msg("you put the maximum's value x there; it gets dy instead (the "
                          "gradient, not the input).")),
        (winners * upsampled * x, msg("you multiplied dy by x at the maximum; max-pooling's "
                                      "slope is 1 there: just dy.")),
        (np.zeros_like(x), msg("all zeros: each window's maximum receives that window's dy.")),
    ]
    return compare_array(answer, expected, msg("dx"), mistakes=mistakes,
                         shapes={(2, 2): msg("dx has the input's shape (1, 1, 4, 4): dy's 2×2 "
                                             "values go back to the positions of the maxima.")})


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


@checker
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
        (probs - onehot, msg("you forgot to divide by the batch size N = {n}: the loss is the "
                             "*mean* over the batch, so every row's gradient carries 1/N.", n=n)),
        ((onehot - probs) / n, msg("the sign is flipped: it is softmax minus one-hot (raising "
                                   "the right class's logit must lower the loss).")),
        (probs / n, msg("you forgot to subtract the one-hot labels: the right class's entry is "
                        "p - 1, the others p.")),
        ((logits - onehot) / n, msg("use the softmax probabilities, not the raw logits: p = "
                                    "exp(z) / sum(exp(z)) per row.")),
        (onehot - probs, msg("the sign is flipped and the 1/N of the mean is missing.")),
        ((probs - onehot) / k, msg("you divided by the number of classes ({k}); the mean is over "
                                   "the batch: divide by N = {n}.", k=k, n=n)),
        ((np.exp(logits) / np.exp(logits).sum() - onehot) / n,
         msg("the softmax was normalised over the whole batch; normalise each row (sample) "
             "separately: sum over axis 1.")),
        ((_softmax_rows(logits.T).T - onehot) / n,
         msg("the softmax was normalised down the columns (axis 0); each row is one sample: "
             "normalise over axis 1.")),
    ]
    return compare_array(answer, expected, msg("dlogits"), mistakes=mistakes)


# ------------------------------------------------------------------ exercise 4: parameters

# The notebook's network: conv 1->16 (3×3) -> ReLU -> pool -> conv 16->32 (3×3) -> ReLU -> linear
_CONV1 = 16 * 1 * 3 * 3 + 16
_CONV2 = 32 * 16 * 3 * 3 + 32
_LINEAR = 10 * 32 * 4 * 4 + 10


@checker
def parameter_count(answer) -> Verdict:
    """Exercise 4: how many numbers (weights and biases) the notebook's network learns."""
    value = as_number(answer, msg("your answer"), whole=True)
    total = _CONV1 + _CONV2 + _LINEAR
    if value == total:
        praise = msg("{conv1} (conv1) + {conv2} (conv2) + {linear} (linear) = {total}. The "
                     "convolutions hold under half of them although they look at every "
                     "position: each small kernel is shared by all positions.",
                     conv1=_CONV1, conv2=_CONV2, linear=_LINEAR, total=total)
        return number_note(answer, correct(praise))
    hints = {
        total - 16 - 32 - 10: msg("{value} counts the weights only: every conv filter and every "
                                  "linear output also has one bias (16 + 32 + 10 more).",
                                  value=value),
        _CONV1 + _CONV2 + 10 * 32 * 8 * 8 + 10: msg("the linear layer sees the *pooled* maps: 32 "
                                                    "channels of 4×4 (pooling halves 8×8), not "
                                                    "8×8."),
        _CONV1 + _CONV2: msg("that is the two convolutions only; add the linear layer (32·4·4 "
                             "inputs × 10 outputs + 10 biases)."),
        _CONV1 + 32 * 3 * 3 + 32 + _LINEAR: msg("conv2's filters each span all 16 input "
                                                "channels: its weight is (32, 16, 3, 3), not "
                                                "(32, 1, 3, 3)."),
        _LINEAR: msg("that is the linear layer only; add both convolutions' weights and "
                     "biases."),
        _CONV1 + _CONV2 + 10 * 32 * 4 * 4: msg("the linear layer's 10 biases are missing."),
        _CONV1 + _CONV2 - 16 - 32 + _LINEAR: msg("the convolutions' biases are missing: one per "
                                                 "filter (16 + 32)."),
        _CONV1 + _CONV2 + 10 * 32 * 2 * 2 + 10: msg("the second pooling is not there: the linear "
                                                    "layer sees 32 maps of 4×4."),
    }
    if value in hints:
        return not_yet(hints[value])
    return fallback(msg("{value} is not it. Count layer by layer: a conv's weight has shape "
                        "(out, in, 3, 3) plus out biases; the linear's weight is (10, inputs) plus "
                        "10 biases; ReLU, pooling and flatten learn nothing.", value=value))
