"""What students hand to ex11.relu_backward for the x (with exact zeros) and dy of
ex11.relu_problem(), each slip one line of a student's numpy."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip
from convkit_course.exercises.ex11 import relu_problem

x, dy = relu_problem()
RIGHT = dy * (x > 0)
masked = dy.copy()
masked[x <= 0] = 0

CORPUS = [
    right(RIGHT, why="dy * (x > 0)"),
    right(np.where(x > 0, dy, 0), why="np.where"),
    right(masked, why="a copy, zeroed where x <= 0"),
    right(RIGHT.tolist(), why="a nested list"),
    right(RIGHT[None], why="(1, 2, 5)"),
    slip(dy * (x >= 0), hint="slip.at_zero", why="x >= 0"),
    slip(dy * np.heaviside(x, 1.0), hint="slip.at_zero", why="heaviside with 1 at 0"),
    slip(dy * np.heaviside(x, 0.5), hint="slip.half_at_zero", why="heaviside with 1/2 at 0"),
    slip((x > 0).astype(float), hint="slip.mask_only", why="the mask alone"),
    slip(np.maximum(dy, 0), hint="slip.dy_sign", why="relu of dy"),
    slip(dy * x, hint="slip.times_x", why="dy times x"),
    slip(dy * np.maximum(x, 0), hint="slip.times_x", why="dy times relu(x)"),
    slip(dy * np.sign(x), hint="slip.sign_x", why="dy times sign(x)"),
    slip(dy * (x <= 0), hint="slip.inverted", why="mask the wrong way"),
    slip(dy * (x < 0), hint="slip.inverted", why="x < 0"),
    slip(np.maximum(x, 0), hint="slip.forward", why="the forward output"),
    slip(dy, hint="slip.unchanged", why="dy as it is"),
    slip(RIGHT.T, hint="core:compare.shape_transposed", why="transposed"),
    slip(-RIGHT, hint="core:compare.sign", why="minus"),
    other(RIGHT + np.eye(2, 5), why="two stray entries"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
