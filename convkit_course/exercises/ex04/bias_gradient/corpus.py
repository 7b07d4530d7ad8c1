"""What students hand in for ex04.bias_gradient, computed in a cell the way a student would,
from ``dz3 = ex04.bias_gradient_task()``: dZ (N, F, Ho, Wo) = (4, 2, 3, 3)."""
import numpy as np

import convkit as ck
from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex04 import bias_gradient_task

dz = bias_gradient_task()


def by_loops():
    db = np.zeros(2)
    for n, f, i, j in np.ndindex(dz.shape):
        db[f] += dz[n, f, i, j]
    return db


RIGHT = by_loops()
x = np.random.default_rng(0).standard_normal((4, 1, 5, 5))
w = np.random.default_rng(1).standard_normal((2, 1, 3, 3))

CORPUS = [
    right(RIGHT, why="loops"),
    right(dz.sum(axis=(0, 2, 3)), why="sum over (0, 2, 3)"),
    right(RIGHT.tolist(), why="a list"),
    right(dz.sum(axis=(0, 2, 3), keepdims=True)[0, :, 0, 0][None], why="(1, 2)"),
    right(ck.numerical_gradient(lambda b: ck.conv2d_loops(x, w, b), np.zeros(2), dout=dz),
          why="a numerical gradient"),
    right(tuple(RIGHT), why="a tuple"),
    slip(dz.mean(axis=(0, 2, 3)), hint="slip.mean", why="np.mean"),
    slip(RIGHT / 4, hint="slip.divided_by_n", why="divided by N"),
    slip(RIGHT / 9, hint="slip.divided_by_positions", why="divided by the positions"),
    slip(dz[0].sum(axis=(1, 2)), hint="slip.first_sample", why="sample 0 only"),
    slip(dz[:, :, 0, 0].sum(axis=0), hint="slip.one_position", why="position (0, 0) only"),
    slip(RIGHT[::-1], hint="slip.filters_swapped", why="filters swapped"),
    slip(np.abs(dz).sum(axis=(0, 2, 3)), hint="slip.abs_dz", why="|dZ|"),
    slip(dz[:, 0].sum(), hint="slip.one_filter", why="filter 0 only"),
    slip(dz.sum(axis=(2, 3)), hint="shape.no_batch_sum", why="(4, 2)"),
    slip(dz.sum(axis=0), hint="shape.no_position_sum", why="(2, 3, 3)"),
    slip(dz.sum(axis=(0, 2)), hint="shape.one_position_axis", why="(2, 3): rows only"),
    slip(dz.sum(axis=(1, 2, 3)), hint="shape.per_sample", why="(4,)"),
    slip(dz.sum(), hint="shape.everything", why="everything"),
    slip(dz.sum(axis=(0, 1)), hint="shape.positions_kept", why="(3, 3)"),
    slip(dz.sum(axis=1), hint="shape.filters_summed", why="(4, 3, 3)"),
    slip(dz.sum(axis=(0, 2, 3), keepdims=True), hint="core:compare.reshape",
         why="keepdims: (1, 2, 1, 1)"),
    other(RIGHT + 1, why="off by one"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("db", hint="core:answer.text", why="text"),
]
