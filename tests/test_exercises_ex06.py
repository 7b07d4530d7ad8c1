"""Notebook 06's checkers: the right answer passes, each typical mistake gets its own hint.

Right answers are computed here from the definition (plain loops), not by the checker's
own code path.
"""
import numpy as np
import pytest

import convkit as ck
from convkit_course.exercises import ex06
from notebook_text import notebook_text


def assert_hint(verdict, *words):
    assert not verdict, verdict
    text = str(verdict)
    assert text.startswith("✘ Not yet — "), text
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"


# ------------------------------------------------------------------ exercise 1: one 整容 row
def row_by_definition(width, oy, ox, column_major=False):
    taps = [(i, j) for i in range(3) for j in range(3)]
    if column_major:
        taps = [(i, j) for j in range(3) for i in range(3)]
    return [(oy + i) * width + (ox + j) for i, j in taps]


def test_row_task_is_the_6x7_example():
    assert ex06.ROW_TASK == {"input_size": (6, 7), "kernel_size": (3, 3), "output_id": 8}


def test_im2col_row_accepts_the_window_of_output_8():
    # output 8 of the 4×5 output sits at row 1, column 3
    assert ex06.im2col_row(row_by_definition(7, 1, 3))
    assert ex06.im2col_row(np.array([10, 11, 12, 17, 18, 19, 24, 25, 26]))
    # the one shape rule (notebook 00): a 3x3 grid that holds the row row by row counts too
    grid = ex06.im2col_row(np.array(row_by_definition(7, 1, 3)).reshape(3, 3))
    assert grid and "read row by row" in repr(grid)


def test_im2col_row_agrees_with_im2col_of_the_ids():
    ids = np.arange(42.0).reshape(1, 1, 6, 7)
    assert ex06.im2col_row(ck.im2col(ids, 3)[0][:, 8])


@pytest.mark.parametrize("answer, words", [
    pytest.param(row_by_definition(7, 1, 3, column_major=True), ["column by column"],
                 id="column-major"),
    pytest.param(row_by_definition(5, 1, 3), ["row length of 5", "W = 7"], id="output-width"),
    pytest.param(row_by_definition(3, 1, 3), ["row length of 3"], id="kernel-width"),
    pytest.param(row_by_definition(7, 1, 2), ["row of output 7", "(1, 3)"], id="output-7"),
    pytest.param(row_by_definition(7, 1, 1), ["the output's id"], id="8-read-with-width-7"),
    pytest.param([[1 + i, 3 + j] for i in range(3) for j in range(3)], ["(row, column) pairs"],
                 id="pairs"),
    pytest.param(["a"] * 9, ["numbers"], id="strings"),
])
def test_im2col_row_names_the_mistake(answer, words):
    assert_hint(ex06.im2col_row(answer), *words)


# ------------------------------------------------------------------ exercise 2: forward matmul
def forward_by_definition(x, w, b):
    f_all, _, kh, kw = w.shape
    y = np.zeros((1, f_all, 3, 3))
    for f in range(f_all):
        for oy in range(3):
            for ox in range(3):
                y[0, f, oy, ox] = b[f] + sum(w[f, 0, i, j] * x[0, 0, oy + i, ox + j]
                                             for i in range(kh) for j in range(kw))
    return y


def test_forward_matmul_accepts_the_definition():
    assert ex06.forward_matmul(forward_by_definition(*ex06.forward_task()))


def test_forward_matmul_accepts_W_times_cols():
    x, w, b = ex06.forward_task()
    cols = ck.im2col(x, 3)[0]
    assert ex06.forward_matmul((w.reshape(2, -1) @ cols + b[:, None]).reshape(1, 2, 3, 3))


@pytest.mark.parametrize("mistake, words", [
    pytest.param(lambda x, w, b: forward_by_definition(x, w.transpose(0, 1, 3, 2), b),
                 ["column by column", "w.reshape(F, -1)"], id="kernel-flattened-column-major"),
    pytest.param(lambda x, w, b: forward_by_definition(x, w, 0 * b), ["bias is missing"], id="no-bias"),
    pytest.param(lambda x, w, b: forward_by_definition(x, w[..., ::-1, ::-1], b), ["rotated"],
                 id="kernel-rotated"),
    pytest.param(lambda x, w, b: forward_by_definition(x, w, b).reshape(2, 9).T.reshape(1, 2, 3, 3),
                 ["scrambled"], id="Y-transposed-then-reshaped"),
    pytest.param(lambda x, w, b: forward_by_definition(x, w, b).reshape(2, 9).T, ["Yᵀ", "(9, 2)"],
                 id="Y-transposed-9x2"),
    pytest.param(lambda x, w, b: forward_by_definition(x, w, b).reshape(2, 9).T[None], ["Yᵀ"],
                 id="Y-transposed-1x9x2"),
    pytest.param(lambda x, w, b: np.zeros((9, 9)), ["9×9"], id="cols-9x9"),
    pytest.param(lambda x, w, b: forward_by_definition(x, w, b).reshape(2, 9), ["reshape"],
                 id="unreshaped-2x9"),
])
def test_forward_matmul_names_the_mistake(mistake, words):
    assert_hint(ex06.forward_matmul(mistake(*ex06.forward_task())), *words)


# ------------------------------------------------------------------ exercise 3: dX via col2im
# The redesigned geometry: a 5×6 input, two 3×2 filters, dY (1, 2, 3, 5) — nothing square, so
# a layout slip cannot hide behind a symmetry (col2im(dcols.T) was praised on the 5×5/3×3 one).
H, W, KH, KW, F = 5, 6, 3, 2, 2


def test_col2im_task_is_the_non_square_geometry():
    dy, w = ex06.input_gradient_task()
    assert ex06.COL2IM_TASK == {"input_size": (H, W), "kernel_size": (KH, KW), "filters": F}
    assert dy.shape == (1, F, H - KH + 1, W - KW + 1) and w.shape == (F, 1, KH, KW)


def dx_by_definition(dy, w):
    """Every multiply-add y[f, oy, ox] += w[f, i, j]·x[oy+i, ox+j] sends dy·w back to that input."""
    dx = np.zeros((1, 1, H, W))
    for f in range(dy.shape[1]):
        for oy in range(H - KH + 1):
            for ox in range(W - KW + 1):
                for i in range(KH):
                    for j in range(KW):
                        dx[0, 0, oy + i, ox + j] += dy[0, f, oy, ox] * w[f, 0, i, j]
    return dx


def overwritten(dy, w, keep):
    dx = np.full((H, W), np.nan)
    dcols = w.reshape(F, -1).T @ dy.reshape(F, -1)
    for oy in range(H - KH + 1):
        for ox in range(W - KW + 1):
            for i in range(KH):
                for j in range(KW):
                    if keep == "last" or np.isnan(dx[oy + i, ox + j]):
                        dx[oy + i, ox + j] = dcols[i * KW + j, oy * (W - KW + 1) + ox]
    return dx.reshape(1, 1, H, W)


def counts():
    rows = np.array([sum(1 for s in range(H - KH + 1) if s <= i < s + KH) for i in range(H)])
    cols = np.array([sum(1 for s in range(W - KW + 1) if s <= j < s + KW) for j in range(W)])
    return np.outer(rows, cols)


def test_input_gradient_accepts_the_definition():
    assert ex06.input_gradient_col2im(dx_by_definition(*ex06.input_gradient_task()))


def test_input_gradient_agrees_with_a_numerical_gradient():
    dy, w = ex06.input_gradient_task()
    numeric = ck.numerical_gradient(lambda x: ck.conv2d_loops(x, w), np.zeros((1, 1, H, W)), dout=dy)
    assert ex06.input_gradient_col2im(numeric)


def test_input_gradient_accepts_col2im_of_wt_dy():
    dy, w = ex06.input_gradient_task()
    dcols = w.reshape(F, -1).T @ dy.reshape(F, -1)
    assert ex06.input_gradient_col2im(ck.col2im(dcols[None], (H, W), (KH, KW)))


def test_col2im_of_dcols_transposed_cannot_be_praised():
    dy, w = ex06.input_gradient_task()
    dcols = w.reshape(F, -1).T @ dy.reshape(F, -1)
    with pytest.raises(ValueError):
        ck.col2im(dcols.T[None], (H, W), (KH, KW))
    assert_hint(ex06.input_gradient_col2im(dcols.T), "dcols transposed")


@pytest.mark.parametrize("mistake, words", [
    pytest.param(lambda dy, w: dx_by_definition(dy, w) / counts(), ["divided", "adjoint", "SUM"],
                 id="averaged-like-an-inverse"),
    pytest.param(lambda dy, w: overwritten(dy, w, "last"), ["overwritten", "+="], id="last-write-wins"),
    pytest.param(lambda dy, w: overwritten(dy, w, "first"), ["overwritten"], id="first-write-wins"),
    pytest.param(lambda dy, w: dx_by_definition(dy, w[..., ::-1, ::-1]), ["rotated"], id="kernel-rotated"),
    pytest.param(lambda dy, w: w.reshape(F, -1).T @ dy.reshape(F, -1), ["col2im"], id="dcols-unfolded"),
    pytest.param(lambda dy, w: (w.reshape(F, -1).T @ dy.reshape(F, -1))[None], ["col2im"],
                 id="dcols-unfolded-batched"),
    pytest.param(lambda dy, w: dy, ["dY's shape"], id="output-shape"),
    pytest.param(lambda dy, w: dx_by_definition(dy[:, :1], w[:1]), ["only filter 0"], id="one-filter"),
])
def test_input_gradient_names_the_mistake(mistake, words):
    assert_hint(ex06.input_gradient_col2im(mistake(*ex06.input_gradient_task())), *words)


def test_notebook_states_the_problems_the_checkers_judge():
    text = notebook_text("06_im2col")
    (h, w), o = ex06.ROW_TASK["input_size"], ex06.ROW_TASK["output_id"]
    assert f"A {h}×{w} input (ids 0–{h * w - 1}, row by row) and a 3×3 kernel" in text
    assert f"Which nine input ids does output {o} read" in text
    x, w, b = ex06.forward_task()
    assert f"x is {x.shape}, w is {w.shape} (two filters), b is {b.shape}." in text
