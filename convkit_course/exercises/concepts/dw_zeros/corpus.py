"""What students answer for concepts.dw_zeros (notebook 05): a layer with stride 5 and
dilation 2 — how many zeros go between neighbouring dZ entries in the dW recipe?  S - 1 = 4."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    right(4, why="S - 1"),
    right(4.0, why="a float"),
    right(np.int64(4), why="a numpy int"),
    right([4], why="a list"),
    slip(1, hint="slip.dilation_zeros", why="D - 1: a dilated kernel's zeros"),
    slip(5, hint="slip.stride", why="S: the spacing"),
    slip(2, hint="slip.dilation", why="D"),
    slip(0, hint="slip.none", why="none"),
    slip(7, hint="slip.sum", why="S + D"),
    slip(10, hint="slip.product", why="S x D"),
    slip(8, hint="slip.mixed", why="(S - 1) x D"),
    slip(3, hint="slip.difference", why="S - D"),
    slip(9, hint="slip.product_minus_one", why="S x D - 1"),
    other(6, why="a guess"),
    slip(4.5, hint="core:answer.not_whole", why="a fraction"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("four", hint="core:answer.text", why="a word"),
]
