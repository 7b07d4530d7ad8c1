"""What students hand to ex07.im2col_shapes for the layer ex07.IM2COL_LAYER (N=2, C=4, F=6,
a 7×6 input, 3×3 kernels, stride 1, no padding): (cols shape, W shape), worked out by hand."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

COLS, W = (2, 36, 20), (6, 36)

CORPUS = [
    right(COLS, W, why="(N, C·K·K, Ho·Wo), (F, C·K·K)"),
    right(list(COLS), list(W), why="lists"),
    right(np.array(COLS), (6.0, 36.0), why="an array and whole floats"),
    right(np.zeros((2, 4 * 9, 5 * 4)).shape, np.zeros((6, 4, 3, 3)).reshape(6, -1).shape,
          why="shapes of arrays made for it"),
    slip((2, 9, 20), W, hint="cols.one_channel", why="K·K rows: one channel"),
    slip((2, 12, 20), W, hint="cols.one_k", why="C·K rows"),
    slip((2, 36, 42), W, hint="cols.input_pixels", why="a column per input pixel"),
    slip((2, 20, 36), W, hint="cols.article", why="the article's row-per-output layout"),
    slip((40, 36), W, hint="cols.article", why="the article's layout, batch stacked"),
    slip((36, 40), W, hint="cols.side_by_side", why="notebook 07's (C·K·K, N·Ho·Wo)"),
    slip((36, 20), W, hint="cols.no_batch", why="one image"),
    slip((2, 216, 20), W, hint="cols.filters", why="times the filters"),
    slip((2, 4, 9, 20), W, hint="cols.unmerged", why="channel and tap separate"),
    slip((2, 36, 5, 4), W, hint="cols.unflattened", why="outputs as a grid"),
    slip((2, 36, 12), W, hint="cols.no_plus_one", why="Ho = H - K"),
    slip((2, 6, 20), W, hint="cols.output", why="the output's shape"),
    slip(COLS, (6, 9), hint="w.one_channel", why="K·K weights per filter"),
    slip(COLS, (6, 12), hint="w.one_k", why="C·K weights per filter"),
    slip(COLS, (36, 6), hint="w.transposed", why="W transposed"),
    slip(COLS, (6, 4, 9), hint="w.not_matrix", why="three axes"),
    slip(COLS, (6, 4, 3, 3), hint="w.as_stored", why="the weight as stored"),
    slip(COLS, (2, 6, 36), hint="w.batch", why="a batch axis"),
    slip(COLS, (24, 9), hint="w.per_channel", why="a row per (filter, channel)"),
    slip(COLS, (6, 20), hint="w.output", why="the output per image"),
    slip((2, 20, 36), (36, 6), hint="cols.article", why="both in the article's orientation"),
    slip((2, 20, 36), (36, 6), hint="w.transposed", why="both in the article's orientation (W)"),
    other((2, 36, 30), W, why="an arithmetic slip in Ho·Wo"),
    other(COLS, (6, 30), why="an arithmetic slip in C·K·K"),
    slip(None, W, hint="core:answer.empty", why="cols unfilled"),
    slip(COLS, "6, 36", hint="core:answer.text", why="W as text"),
]
