"""What students hand in for ex04.batch_weight_gradient, computed in a cell the way a student
would, from ``x2, dz2 = ex04.batch_weight_gradient_task()``: x (4, 1, 5, 5), dz (4, 1, 3, 3)."""
import numpy as np

import convkit as ck
from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex04 import batch_weight_gradient_task, weight_gradient_task

x, dz = batch_weight_gradient_task()


def dw_one(xs, dzs):
    dw = np.zeros((3, 3))
    for i in range(3):
        for j in range(3):
            dw[i, j] = np.sum(dzs * xs[i:i + 3, j:j + 3])
    return dw


PER = np.stack([dw_one(x[n, 0], dz[n, 0]) for n in range(4)])
RIGHT = PER.sum(axis=0).reshape(1, 1, 3, 3)


def overwrite():
    dw = np.zeros((1, 1, 3, 3))
    for n in range(4):
        dw[0, 0] = dw_one(x[n, 0], dz[n, 0])  # = instead of +=
    return dw


CORPUS = [
    right(RIGHT, why="the sum over samples"),
    right(RIGHT[0, 0], why="(3, 3): leading 1s dropped"),
    right(RIGHT.tolist(), why="a nested list"),
    right(ck.conv2d_loops(x.transpose(1, 0, 2, 3), dz.transpose(1, 0, 2, 3)),
          why="the batch axis as channels"),
    right(ck.numerical_gradient(lambda k: ck.conv2d_loops(x, k), np.zeros((1, 1, 3, 3)), dout=dz),
          why="a numerical gradient"),
    slip(PER[0].reshape(1, 1, 3, 3), hint="slip.first_sample", why="sample 0 only"),
    slip(overwrite(), hint="slip.last_sample", why="= instead of += in the loop"),
    slip(RIGHT / 4, hint="slip.mean", why="the mean over the batch"),
    slip(dw_one(x.sum(axis=(0, 1)), dz.sum(axis=(0, 1))), hint="slip.mixed",
         why="X and dZ summed first"),
    slip(ck.conv2d_direct(x, dz).sum(axis=(0, 1)), hint="slip.mixed",
         why="every X with every dZ, all added"),
    slip(RIGHT[..., ::-1, ::-1], hint="slip.rotated", why="rotated"),
    slip(RIGHT[0, 0].T, hint="slip.transposed", why="transposed"),
    slip(dw_one(*weight_gradient_task()), hint="slip.exercise_one", why="x1, dz1 by mistake"),
    slip(PER[:, None], hint="shape.per_sample", why="(4, 1, 3, 3), not summed"),
    slip(PER, hint="shape.per_sample", why="(4, 3, 3), not summed"),
    slip(ck.conv2d_direct(x, dz), hint="shape.all_pairs", why="conv2d_direct(x, dz): 4 x 4"),
    slip(-RIGHT, hint="core:compare.sign", why="every sign flipped"),
    other(RIGHT + 1, why="off by one"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
