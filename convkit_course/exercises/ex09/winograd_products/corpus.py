"""What students hand to ex09.winograd_products for d = [3, -1, 2, 5], g = [2, 1, 3]: the four
products, each slip the formulas of section 3 with one thing done wrong."""
import numpy as np

from convkit import winograd
from convkit_course.exercises._corpus import other, right, slip

d0, d1, d2, d3 = 3.0, -1.0, 2.0, 5.0
g0, g1, g2 = 2.0, 1.0, 3.0
m1 = (d0 - d2) * g0                        # 2
m2 = (d1 + d2) * (g0 + g1 + g2) / 2        # 3
m3 = (d2 - d1) * (g0 - g1 + g2) / 2        # 6
m4 = (d1 - d3) * g2                        # -18
RIGHT = [m1, m2, m3, m4]
d, g = np.array([d0, d1, d2, d3]), np.array([g0, g1, g2])

CORPUS = [
    right(RIGHT, why="the four formulas"),
    right(np.array(RIGHT), why="an array"),
    right((winograd.G @ g) * (winograd.BT @ d), why="with the matrices"),
    right([RIGHT], why="(1, 4)"),
    right(np.array(RIGHT, dtype=np.float32), why="float32"),
    slip(winograd.BT @ d, hint="slip.input_transform", why="Bᵀ d only"),
    slip(winograd.G @ g, hint="slip.kernel_transform", why="G g only"),
    slip((winograd.G @ g[::-1]) * (winograd.BT @ d), hint="slip.flipped", why="g flipped"),
    slip([m1, 2 * m2, 2 * m3, m4], hint="slip.no_halves", why="the /2 forgotten"),
    slip([2 * m1, 2 * m2, 2 * m3, 2 * m4], hint="slip.twice", why="G without its halves, all"),
    slip((winograd.G @ g) * (winograd.BT @ d[::-1]), hint="slip.reversed_d", why="d reversed"),
    slip(winograd.G @ g + winograd.BT @ d, hint="slip.added", why="+ instead of ⊙"),
    slip([d0 * g0, d1 * g1, d2 * g2, d3 * g2], hint="slip.direct", why="d times g"),
    slip([(d2 - d0) * g0, m2, m3, m4], hint="slip.sign", why="m1 = (d2 - d0) g0"),
    slip([m1, m2, (d1 - d2) * (g0 - g1 + g2) / 2, m4], hint="slip.sign", why="m3 sign"),
    slip([m1, m2, m3, (d3 - d1) * g2], hint="slip.sign", why="m4 = (d3 - d1) g2"),
    slip([m1, m2, (d2 - d1) * (g0 + g1 + g2) / 2, m4], hint="slip.m3_kernel",
         why="m3 with m2's kernel factor"),
    slip(winograd.AT @ np.array(RIGHT), hint="slip.outputs", why="the two outputs"),
    slip(np.outer(winograd.G @ g, winograd.BT @ d), hint="slip.outer", why="np.outer"),
    slip([m1, m2], hint="slip.two_numbers", why="two products"),
    other([m1, m2, m3, m4 + 1], why="an arithmetic slip in m4"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
