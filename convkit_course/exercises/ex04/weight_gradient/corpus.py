"""What students hand in for ex04.weight_gradient, computed in a cell the way a student would,
from ``x1, dz1 = ex04.weight_gradient_task()``: x (5 × 5), dz (3 × 3)."""
import numpy as np

import convkit as ck
from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex04 import weight_gradient_task

x, dz = weight_gradient_task()


def correlate(a, kernel):
    kh, kw = kernel.shape
    return np.array([[np.sum(a[r:r + kh, c:c + kw] * kernel) for c in range(a.shape[1] - kw + 1)]
                     for r in range(a.shape[0] - kh + 1)])


def by_definition():
    dw = np.zeros((3, 3))
    for i in range(3):
        for j in range(3):
            for a in range(3):
                for b in range(3):
                    dw[i, j] += dz[a, b] * x[i + a, j + b]
    return dw


RIGHT = by_definition()
numeric = ck.numerical_gradient(lambda k: ck.conv2d_loops(x[None, None], k[None, None])[0, 0],
                                np.zeros((3, 3)), dout=dz)

CORPUS = [
    right(RIGHT, why="four loops"),
    right(correlate(x, dz), why="X correlated with dZ"),
    right(ck.conv2d_direct(x[None, None], dz[None, None]), why="conv2d_direct, NCHW"),
    right(RIGHT.tolist(), why="a list of lists"),
    right(numeric, why="a numerical gradient"),
    right(RIGHT.astype(int), why="whole numbers as ints"),
    slip(RIGHT[::-1, ::-1], hint="slip.rotated", why="the correlation the wrong way round"),
    slip(correlate(x, dz[::-1, ::-1]), hint="slip.flipped_dz", why="true convolution"),
    slip(correlate(x, np.rot90(dz, 2)), hint="slip.flipped_dz", why="the dX recipe's rot180"),
    slip(correlate(x, dz.T), hint="slip.dz_transposed", why="dZ.T"),
    slip(RIGHT.T, hint="slip.transposed", why="dW.T"),
    slip(correlate(x, np.ones((3, 3))), hint="slip.no_dz", why="window sums of X"),
    slip(RIGHT / 9, hint="slip.mean", why="np.mean over the outputs"),
    slip(correlate(x, np.abs(dz)), hint="slip.abs_dz", why="|dZ|"),
    slip(np.zeros((5, 5)), hint="shape.input", why="dX's shape"),
    slip(correlate(np.pad(x, 2), dz), hint="shape.full", why="'full' correlation"),
    slip(correlate(np.pad(dz, 2), x[::-1, ::-1]), hint="slip.flipped_dz",
         why="the dX recipe: dZ padded by 2, correlated with rot180(X)"),
    slip(np.zeros((1, 1)), hint="shape.x_over_dz", why="X slid over dZ"),
    slip(np.sum(dz * x[:3, :3]), hint="shape.one_number", why="dW[0, 0] only"),
    slip(-RIGHT, hint="core:compare.sign", why="every sign flipped"),
    slip(RIGHT.ravel(), hint="core:compare.reshape", why="flattened"),
    other(RIGHT + 1, why="off by one everywhere"),
    other(RIGHT * np.eye(3), why="only the diagonal"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip(np.full((3, 3), np.nan), hint="core:answer.nan_at", why="an uninitialised np.empty"),
]
