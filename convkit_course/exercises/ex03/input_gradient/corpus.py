"""What students hand in for ex03.input_gradient, computed in a cell the way a student would:
dz (3 × 4) and the 3 × 3 kernel of ``ex03.dx_problem()``, a 5 × 6 input.

The right dX comes from the scatter (every output sends dZ × weight back to its window) and
from the recipe; each slip is the recipe with one step done wrong.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex03 import dx_problem

dz, k = dx_problem()
dz, k = dz.astype(float), k.astype(float)


def correlate(a, kernel):
    kh, kw = kernel.shape
    return np.array([[np.sum(a[r:r + kh, c:c + kw] * kernel) for c in range(a.shape[1] - kw + 1)]
                     for r in range(a.shape[0] - kh + 1)])


def recipe(kernel=None, d=None, pad=2):
    kernel = k[::-1, ::-1] if kernel is None else kernel
    d = dz if d is None else d
    return correlate(np.pad(d, pad), kernel)


def scatter():
    dx = np.zeros((5, 6))
    for a in range(3):
        for b in range(4):
            dx[a:a + 3, b:b + 3] += dz[a, b] * k
    return dx


RIGHT = scatter()

CORPUS = [
    right(RIGHT, why="the scatter"),
    right(recipe(), why="pad 2, rotate, correlate"),
    right(recipe(np.rot90(k, 2)), why="np.rot90(k, 2)"),
    right(RIGHT[None, None], why="NCHW-wrapped"),
    right(RIGHT.tolist(), why="a list of lists"),
    right(RIGHT.astype(int), why="an int array (the data are whole numbers)"),
    right(RIGHT.astype(np.float32), why="float32"),
    slip(recipe(k), hint="slip.not_rotated", why="kernel as it is"),
    slip(recipe(k.T), hint="slip.kernel_transposed", why="k.T"),
    slip(recipe(np.flipud(k)), hint="slip.flipped_up_down", why="np.flipud"),
    slip(recipe(np.fliplr(k)), hint="slip.flipped_left_right", why="np.fliplr"),
    slip(recipe(k, dz[::-1, ::-1]), hint="slip.rotated_dz", why="rotated dZ, not k"),
    slip(recipe(k[::-1, ::-1], dz[::-1, ::-1]), hint="slip.rotated_both", why="both rotated"),
    slip(recipe(np.rot90(k)), hint="slip.rot90", why="np.rot90(k)"),
    slip(recipe(np.rot90(k, -1)), hint="slip.rot90", why="np.rot90(k, -1)"),
    slip(recipe(k[::-1, ::-1].T), hint="slip.rotated_and_transposed", why="rotated, then .T"),
    slip(recipe(pad=0), hint="slip.pad", why="no padding: 1 x 2"),
    slip(recipe(pad=1), hint="slip.pad", why="padded by 1"),
    slip(recipe(pad=3), hint="slip.pad", why="padded by K = 3"),
    slip(recipe(k, pad=1), hint="slip.pad", why="padded by 1, not rotated either"),
    slip(correlate(np.pad(dz, ((2, 0), (2, 0))), k[::-1, ::-1]), hint="slip.pad_one_side",
         why="np.pad(dz, ((2, 0), (2, 0)))"),
    slip(correlate(np.pad(dz, ((2, 2), (0, 0))), k[::-1, ::-1]), hint="slip.pad_rows_only",
         why="np.pad(dz, ((2, 2), (0, 0)))"),
    slip(dz, hint="slip.dz_itself", why="handed in dZ"),
    slip(RIGHT.T, hint="core:compare.shape_transposed", why="transposed: 6 x 5"),
    slip(-RIGHT, hint="core:compare.sign", why="every sign flipped"),
    slip(RIGHT / 9, hint="core:compare.scaled", why="divided by the 9 weights"),
    slip(RIGHT.ravel(), hint="core:compare.reshape", why="flattened"),
    slip(RIGHT[::-1, ::-1], hint="slip.rotated_dz", why="the right dX, rotated by 180°"),
    other(RIGHT + np.eye(5, 6), why="four entries off by one"),
    other(np.zeros((9, 9)), why="a guess of another shape"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("dx", hint="core:answer.text", why="text"),
]
