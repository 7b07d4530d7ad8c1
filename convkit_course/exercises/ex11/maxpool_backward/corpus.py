"""What students hand to ex11.maxpool_backward for ex11.pool_problem(): dx (1, 1, 4, 4),
computed by hand or with loops, each slip one step done wrong."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex11 import pool_problem

x, dy = pool_problem()


def routed(value=lambda p, q, i, j: dy[0, 0, p, q], pick=np.argmax, width=2, swap=False):
    dx = np.zeros_like(x)
    for p in range(2):
        for q in range(2):
            window = x[0, 0, 2 * p:2 * p + 2, 2 * q:2 * q + 2]
            i, j = divmod(int(pick(window)), width)
            if swap:
                i, j = j, i
            if 2 * p + i < 4 and 2 * q + j < 4:
                dx[0, 0, 2 * p + i, 2 * q + j] = value(p, q, 2 * p + i, 2 * q + j)
    return dx


RIGHT = routed()
up = np.kron(dy, np.ones((1, 1, 2, 2)))
window_max = np.kron(x.reshape(1, 1, 2, 2, 2, 2).max(axis=(3, 5)), np.ones((1, 1, 2, 2)))
mask = x == window_max                  # True at each window's maximum

CORPUS = [
    right(RIGHT, why="argmax per window"),
    right(RIGHT[0, 0], why="(4, 4)"),
    right(RIGHT.tolist(), why="a nested list"),
    right(up * mask, why="upsampled dy times the max mask"),
    slip(up, hint="slip.everywhere", why="dy to all four"),
    slip(up / 4, hint="slip.average", why="average pooling's backward"),
    slip(mask.astype(float), hint="slip.ones", why="the max mask"),
    slip(routed(pick=np.argmin), hint="slip.minimum", why="argmin"),
    slip(routed(value=lambda p, q, r, c: x[0, 0, r, c]), hint="slip.x_value", why="x at the max"),
    slip(routed(value=lambda p, q, r, c: dy[0, 0, p, q] * x[0, 0, r, c]), hint="slip.times_x",
         why="dy · x at the max"),
    slip(np.zeros((1, 1, 4, 4)), hint="slip.zeros", why="zeros"),
    slip(routed(value=lambda p, q, r, c: dy[0, 0, q, p]), hint="slip.dy_transposed",
         why="dy[q, p]"),
    slip(routed(width=4), hint="slip.unravel", why="divmod(argmax, 4)"),
    slip(routed(swap=True), hint="slip.window_transposed", why="(j, i) in the window"),
    slip(np.where(x == x.max(), dy.sum(), 0.0), hint="slip.global_max", why="the global max"),
    slip(dy, hint="slip.dy_shape", why="dy itself"),
    slip(RIGHT / 4, hint="core:compare.scaled", why="× 1/4 at the max"),
    other(RIGHT + np.eye(4), why="a stray diagonal"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
