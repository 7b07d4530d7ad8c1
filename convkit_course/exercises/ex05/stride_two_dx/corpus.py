"""What students hand in for ex05.stride_two_dx, worked out in a cell the way a student would:
dz (2 × 2) and the 3 × 3 kernel of ``ex05.stride_two_problem()``, a 5 × 5 input, stride 2.

The right dX comes from the scatter (output (a, b) sends dZ[a, b] × kernel back to the window
that starts at input (2a, 2b)) and from the recipe; each slip is one step done wrong.
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex05 import stride_two_problem

dz, k = stride_two_problem()
dz, k = dz.astype(float), k.astype(float)


def correlate(a, kernel):
    kh, kw = kernel.shape
    return np.array([[np.sum(a[r:r + kh, c:c + kw] * kernel) for c in range(a.shape[1] - kw + 1)]
                     for r in range(a.shape[0] - kh + 1)])


def scatter(step=2, kernel=None):
    kernel = k if kernel is None else kernel
    size = (dz.shape[0] - 1) * step + 3
    dx = np.zeros((size, size))
    for a in range(2):
        for b in range(2):
            dx[step * a:step * a + 3, step * b:step * b + 3] += dz[a, b] * kernel
    return dx


def spread(gap=1):
    out = np.zeros(((2 - 1) * (gap + 1) + 1,) * 2)
    out[::gap + 1, ::gap + 1] = dz
    return out


def recipe(grid=None, kernel=None, pad=2):
    grid = spread() if grid is None else grid
    kernel = k[::-1, ::-1] if kernel is None else kernel
    return correlate(np.pad(grid, pad), kernel)


RIGHT = scatter()
CORNER = np.zeros((3, 3))
CORNER[:2, :2] = dz
KRON = np.kron(dz, [[1, 0], [0, 0]])        # zeros after every entry: 4 x 4

CORPUS = [
    right(RIGHT, why="the scatter, windows stepping by 2"),
    right(recipe(), why="spread, pad 2, rotate, correlate"),
    right(recipe(kernel=np.rot90(k, 2)), why="np.rot90(k, 2)"),
    right(recipe(KRON)[:5, :5], why="np.kron spread (a trailing zero row and column), cropped"),
    right(RIGHT[None, None], why="NCHW-wrapped"),
    right(RIGHT.astype(int).tolist(), why="a list of lists of ints"),
    slip(recipe(dz), hint="slip.no_zeros", why="the stride-1 recipe on dZ: 4 x 4"),
    slip(scatter(step=1), hint="slip.no_zeros", why="the scatter with windows stepping by 1"),
    slip(recipe(spread(2)), hint="slip.too_many_zeros", why="two zeros between entries: 6 x 6"),
    slip(recipe(CORNER), hint="slip.zeros_at_end", why="dZ in the corner of a 3 x 3 grid"),
    slip(recipe(kernel=k), hint="slip.not_rotated", why="kernel as it is"),
    slip(scatter(kernel=k[::-1, ::-1]), hint="slip.not_rotated",
         why="the scatter with the rotated kernel"),
    slip(recipe(kernel=k.T), hint="slip.kernel_transposed", why="k.T"),
    slip(recipe(spread()[::-1, ::-1], kernel=k), hint="slip.rotated_dz",
         why="rotated the spread dZ, not the kernel"),
    slip(recipe(pad=1), hint="slip.pad", why="padded by S - 1 = 1: 3 x 3"),
    slip(recipe(pad=3), hint="slip.pad", why="padded by K = 3: 7 x 7"),
    slip(recipe(pad=0), hint="slip.pad", why="not padded: 1 x 1"),
    slip(RIGHT.T, hint="core:compare.transposed", why="transposed"),
    slip(-RIGHT, hint="core:compare.sign", why="every sign flipped"),
    slip(RIGHT.ravel(), hint="core:compare.reshape", why="flattened"),
    slip(np.ones((4, 4)), hint="slip.no_zeros", why="a 4 x 4 guess: the stride-1 shape"),
    slip(np.ones((6, 6)), hint="slip.too_many_zeros", why="a 6 x 6 guess"),
    other(RIGHT + np.eye(5), why="the diagonal off by one"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("dx", hint="core:answer.text", why="text"),
]
