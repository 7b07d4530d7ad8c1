"""What students hand to ex09.winograd_count for x (2, 8, 12, 9), w (24, 8, 3, 3), stride 1,
padding 1: each slip the count a student writes with one step done wrong."""
import math

import numpy as np

from convkit_course.exercises._corpus import other, right, slip

N, C, H, W, F = 2, 8, 12, 9, 24
TILES = math.ceil(12 / 2) * math.ceil(9 / 2)        # 6 x 5
RIGHT = N * F * C * 16 * TILES

CORPUS = [
    right(RIGHT, why="N·F·C·16·tiles"),
    right(float(RIGHT), why="a float"),
    right(np.int64(RIGHT), why="a numpy int"),
    right([RIGHT], why="a one-element list"),
    slip(N * F * C * 9 * 12 * 9, hint="slip.direct", why="the direct count"),
    slip(F * C * 16 * TILES, hint="slip.no_batch", why="one image"),
    slip(N * C * 16 * TILES, hint="slip.no_filters", why="no F"),
    slip(N * F * 16 * TILES, hint="slip.no_channels", why="no C"),
    slip(N * F * C * 16 * 5 * 4, hint="slip.no_padding", why="a 10 × 7 output"),
    slip(N * F * C * 16 * 6 * 4, hint="slip.floor", why="floor(9/2) = 4 tiles across"),
    slip(N * F * C * 16 * 12 * 9, hint="slip.per_output", why="16 per output"),
    slip(N * F * C * 4 * TILES, hint="slip.four_per_tile", why="4 per tile"),
    slip(N * F * C * TILES, hint="slip.one_per_tile", why="1 per tile"),
    slip(2 * RIGHT, hint="slip.flops", why="FLOPs"),
    slip(N * F * C * 36 * TILES, hint="slip.direct_per_tile", why="36 per tile"),
    slip(N * F * C * 16 * 12 * 9 / 4, hint="slip.outputs_over_4", why="Ho·Wo / 4 tiles"),
    other(RIGHT + 16, why="an arithmetic slip"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("184320", hint="core:answer.numeric_text", why="in quotes"),
]
