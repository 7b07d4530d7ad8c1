"""What students hand to ex11.cross_entropy_gradient for ex11.softmax_problem(): dlogits
(4, 3), each slip one line of a student's numpy."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex11 import softmax_problem

z, labels = softmax_problem()
N, K = z.shape
p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)       # no max shift: fine for these
onehot = np.eye(K)[labels]
RIGHT = (p - onehot) / N
p_stable = np.exp(z - z.max(axis=1, keepdims=True))
p_stable /= p_stable.sum(axis=1, keepdims=True)

CORPUS = [
    right(RIGHT, why="(p - onehot) / N"),
    right((p_stable - onehot) / N, why="the max-shifted softmax"),
    right(RIGHT.tolist(), why="a nested list"),
    right(RIGHT.astype(np.float32), why="float32"),
    slip(p - onehot, hint="slip.no_mean", why="no / N"),
    slip((onehot - p) / N, hint="slip.sign", why="onehot - p"),
    slip(onehot - p, hint="slip.sign_no_mean", why="onehot - p, no / N"),
    slip(p / N, hint="slip.no_onehot", why="p / N"),
    slip((z - onehot) / N, hint="slip.logits", why="logits instead of p"),
    slip((p - onehot) / K, hint="slip.classes", why="/ K"),
    slip((p - onehot) / (N * K), hint="slip.mean_all", why="/ (N·K)"),
    slip(p - onehot / N, hint="slip.precedence", why="p - onehot / N"),
    slip((np.exp(z) / np.exp(z).sum() - onehot) / N, hint="slip.whole_batch",
         why="softmax over everything"),
    slip((np.exp(z) / np.exp(z).sum(axis=0) - onehot) / N, hint="slip.columns",
         why="softmax over axis 0"),
    slip(-onehot / p / N, hint="slip.wrt_p", why="dL/dp"),
    slip((1 / (1 + np.exp(-z)) - onehot) / N, hint="slip.sigmoid", why="sigmoid"),
    slip((p - np.eye(K)[np.arange(N) % K]) / N, hint="slip.labels_ignored",
         why="onehot of 0, 1, 2, 0"),
    slip(RIGHT.astype(int), hint="core:compare.rounded", why="an integer array (astype(int))"),
    other(RIGHT + 0.1, why="0.1 too big everywhere"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
