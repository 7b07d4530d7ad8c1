"""Exercise 3 of notebook 11: the gradient of the mean softmax cross-entropy.

    logits, labels = ex11.softmax_problem()   # logits (4, 3), labels (4,)
    ex11.cross_entropy_gradient(dlogits)      # (softmax(logits) - onehot) / N

N = 4 samples and K = 3 classes differ (dividing by the classes is not dividing by the batch),
the rows differ (a softmax over the columns or over the whole batch gives other numbers).
"""
from __future__ import annotations

import numpy as np

from ..._core import checker
from ..._answers import is_array, judge_array
from ..._unit import Unit, unit_messages

__all__ = ["softmax_problem", "cross_entropy_gradient"]

M = unit_messages(__name__, __file__)


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


def _parts():
    logits, labels = softmax_problem()
    n, k = logits.shape
    onehot = np.zeros((n, k))
    for i, label in enumerate(labels):
        onehot[i, label] = 1.0
    return logits, onehot, _softmax_rows(logits), n, k


def right_dlogits():
    _, onehot, p, n, _ = _parts()
    return (p - onehot) / n


def _slips():
    z, onehot, p, n, k = _parts()
    sigmoid = 1 / (1 + np.exp(-z))
    return [
        (p - onehot, M("slip.no_mean", n=n)),
        ((onehot - p) / n, M("slip.sign")),
        (onehot - p, M("slip.sign_no_mean")),
        (p / n, M("slip.no_onehot")),
        ((z - onehot) / n, M("slip.logits")),
        ((p - onehot) / k, M("slip.classes", k=k, n=n)),
        ((p - onehot) / (n * k), M("slip.mean_all", k=k, n=n)),
        (p - onehot / n, M("slip.precedence", n=n)),
        ((np.exp(z) / np.exp(z).sum() - onehot) / n, M("slip.whole_batch")),
        ((_softmax_rows(z.T).T - onehot) / n, M("slip.columns")),
        (-onehot / p / n, M("slip.wrt_p")),
        ((sigmoid - onehot) / n, M("slip.sigmoid")),
        ((p - np.eye(k)[np.arange(n) % k]) / n, M("slip.labels_ignored")),
    ]


@checker
def cross_entropy_gradient(answer):
    """Exercise 3: d(mean cross-entropy)/d logits, (4, 3), for :func:`softmax_problem`."""
    return judge_array(answer, right_dlogits(), M("name.dlogits"), slips=_slips(),
                       praise=M("praise"))


def _is_right(answer):
    return is_array(answer, right_dlogits())


SOLUTION = """
logits, labels = ex11.softmax_problem()
e = np.exp(logits - logits.max(axis=1, keepdims=True))   # shift each row: no overflow
p = e / e.sum(axis=1, keepdims=True)                     # softmax of each row (sample)
onehot = np.eye(3)[labels]                               # 1 at each sample's label
dlogits = (p - onehot) / len(labels)                     # the mean over the batch: / N
ex11.cross_entropy_gradient(dlogits)
"""

UNIT = Unit(cross_entropy_gradient, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["the logits (4 images × 3 classes)"])
