"""What students hand to ex08.im2col_bytes for x (16, 64, 56, 56) float32, a 5×5 kernel,
stride 2, padding 2 — each slip the count a student writes with one step done wrong."""
import math

import numpy as np

from convkit_course.exercises._corpus import other, right, slip

N, C, H, K, S, P = 16, 64, 56, 5, 2, 2
HO = (H + 2 * P - K) // S + 1          # 28
ROWS = C * K * K


def total(ho, rows=ROWS, n=N, item=4):
    return n * rows * ho * ho * item


RIGHT = total(HO)

CORPUS = [
    right(RIGHT, why="N · C·K·K · Ho·Wo · 4"),
    right(float(RIGHT), why="a float"),
    right(np.int64(RIGHT), why="a numpy int"),
    right(np.array(RIGHT), why="a 0-d array"),
    slip(total(56), hint="slip.no_stride", why="56 × 56 columns"),
    slip(total(H + 2 * P - K + 1), hint="slip.no_stride", why="stride 1: 56 columns"),
    slip(total(HO, item=8), hint="slip.float64", why="8 bytes"),
    slip(total(HO, item=1), hint="slip.values", why="values, not bytes"),
    slip(total(HO, rows=C), hint="slip.no_kernel", why="C rows"),
    slip(total(HO, rows=C * K), hint="slip.one_k", why="C·K rows"),
    slip(total(HO, n=1), hint="slip.one_image", why="one image"),
    slip(total(math.ceil((H + 2 * P - K) / S) + 1), hint="slip.rounded_up", why="ceil: 29"),
    slip(total((H + P - K) // S + 1), hint="slip.one_side", why="H + P: 27"),
    slip(total((H - K) // S + 1), hint="slip.no_padding", why="no padding: 26"),
    slip(N * C * H * H * 4, hint="slip.input", why="the input's bytes"),
    slip(total((H + 2 * P - K) // S), hint="slip.no_plus_one", why="no + 1: 27 … "),
    other(RIGHT // 3, why="divided by 3 for no reason"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip([RIGHT, RIGHT], hint="core:answer.not_one_number", why="two numbers"),
]
