"""Notebook 06's checkers: the right answer passes, each typical mistake gets its own hint.

Right answers are computed here from the definition (plain loops), not by the checker's
own code path.
"""
import numpy as np
import pytest

import convkit as ck
from convkit.exercises import ex06


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


def test_im2col_row_agrees_with_im2col_of_the_ids():
    ids = np.arange(42.0).reshape(1, 1, 6, 7)
    assert ex06.im2col_row(ck.im2col(ids, 3)[0][:, 8])


@pytest.mark.parametrize("answer, words", [
    pytest.param(row_by_definition(7, 1, 3, column_major=True), ["column by column"],
                 id="column-major"),
    pytest.param(row_by_definition(5, 1, 3), ["row length of 5", "W = 7"], id="output-width"),
    pytest.param(row_by_definition(3, 1, 3), ["row length of 3"], id="kernel-width"),
    pytest.param(row_by_definition(7, 1, 2), ["row of output 7", "(1, 3)"], id="output-7"),
    pytest.param(row_by_definition(7, 1, 1), ["row of output 6"], id="8-read-with-width-7"),
    pytest.param([[1 + i, 3 + j] for i in range(3) for j in range(3)], ["(row, column) pairs"],
                 id="pairs"),
    pytest.param(np.array(row_by_definition(7, 1, 3)).reshape(3, 3), ["shape (3, 3)", "reshape"],
                 id="3x3-grid"),
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
def dx_by_definition(dy, w):
    """Every multiply-add y[oy, ox] += w[i, j]·x[oy+i, ox+j] sends dy·w back to that input."""
    dx = np.zeros((1, 1, 5, 5))
    for oy in range(3):
        for ox in range(3):
            for i in range(3):
                for j in range(3):
                    dx[0, 0, oy + i, ox + j] += dy[0, 0, oy, ox] * w[0, 0, i, j]
    return dx


def overwritten(dy, w, keep):
    dx = np.full((5, 5), np.nan)
    for oy in range(3):
        for ox in range(3):
            for i in range(3):
                for j in range(3):
                    if keep == "last" or np.isnan(dx[oy + i, ox + j]):
                        dx[oy + i, ox + j] = dy[0, 0, oy, ox] * w[0, 0, i, j]
    return dx.reshape(1, 1, 5, 5)


def counts_5x5():
    edge = np.array([1, 2, 3, 2, 1])
    return np.outer(edge, edge)


def test_input_gradient_accepts_the_definition():
    assert ex06.input_gradient_col2im(dx_by_definition(*ex06.input_gradient_task()))


def test_input_gradient_agrees_with_a_numerical_gradient():
    dy, w = ex06.input_gradient_task()
    numeric = ck.numerical_gradient(lambda x: ck.conv2d_loops(x, w), np.zeros((1, 1, 5, 5)), dout=dy)
    assert ex06.input_gradient_col2im(numeric)


def test_input_gradient_accepts_col2im_of_wt_dy():
    dy, w = ex06.input_gradient_task()
    dcols = w.reshape(1, -1).T @ dy.reshape(1, -1)
    assert ex06.input_gradient_col2im(ck.col2im(dcols[None], (5, 5), 3))


@pytest.mark.parametrize("mistake, words", [
    pytest.param(lambda dy, w: dx_by_definition(dy, w) / counts_5x5(), ["divided", "adjoint", "SUM"],
                 id="averaged-like-an-inverse"),
    pytest.param(lambda dy, w: overwritten(dy, w, "last"), ["overwritten", "+="], id="last-write-wins"),
    pytest.param(lambda dy, w: overwritten(dy, w, "first"), ["overwritten"], id="first-write-wins"),
    pytest.param(lambda dy, w: dx_by_definition(dy, w[..., ::-1, ::-1]), ["rotated"], id="kernel-rotated"),
    pytest.param(lambda dy, w: w.reshape(1, -1).T @ dy.reshape(1, -1), ["col2im"], id="dcols-unfolded"),
    pytest.param(lambda dy, w: (w.reshape(1, -1).T @ dy.reshape(1, -1))[None], ["col2im"],
                 id="dcols-unfolded-batched"),
    pytest.param(lambda dy, w: dy, ["input's shape"], id="output-shape"),
])
def test_input_gradient_names_the_mistake(mistake, words):
    assert_hint(ex06.input_gradient_col2im(mistake(*ex06.input_gradient_task())), *words)
