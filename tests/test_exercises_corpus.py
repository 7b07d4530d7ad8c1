"""The mistake corpus of the checker modules not yet moved into exercise units (the units keep
their corpus beside them: ``tests/test_exercise_units.py``): for every exercise of notebooks
06–09 and 11, typical wrong answers
(each must get its *own specific* hint: never ✔, never the generic fallback, never a hint
another slip of the same exercise gets), and the right answer in three forms (each ✔).

Right answers and slips are built here from the definitions (loops, numpy), independently of
the checkers' code.  ``tests/test_exercises_garbage.py`` feeds every checker garbage.
"""
from __future__ import annotations

import re

import numpy as np
import pytest

import convkit as ck
from convkit_course.exercises import ex06, ex07, ex08, ex09, ex11, set_language

CJK = re.compile(r"[\u4e00-\u9fff]")


# --------------------------------------------------------------------------- helpers (oracles)
def nchw(a):
    return np.asarray(a, float)[None, None]


def fold(dcols, size, kernel, how="add"):
    """col2im written out (stride 1): dcols (KH·KW, Ho·Wo) -> (H, W)."""
    (h, w), (kh, kw) = size, kernel
    wo = w - kw + 1
    out, seen = np.zeros(size), np.zeros(size)
    for o in range(dcols.shape[1]):
        oy, ox = divmod(o, wo)
        for t in range(kh * kw):
            i, j = divmod(t, kw)
            if how == "add" or how == "average":
                out[oy + i, ox + j] += dcols[t, o]
            elif how == "last" or seen[oy + i, ox + j] == 0:
                out[oy + i, ox + j] = dcols[t, o]
            seen[oy + i, ox + j] += 1
    return out / np.maximum(seen, 1) if how == "average" else out


# --------------------------------------------------------------------------- the exercises
EXERCISES = {}


def exercise(name):
    def register(build):
        EXERCISES[name] = build
        return build
    return register


@exercise("ex06.im2col_row")
def _ex06_row():
    def row(width, oy, ox, column_major=False):
        taps = [(i, j) for j in range(3) for i in range(3)] if column_major else \
            [(i, j) for i in range(3) for j in range(3)]
        return [(oy + i) * width + ox + j for i, j in taps]
    right = row(7, 1, 3)
    wrong = [(row(7, 1, 3, True), "column by column"), ([v + 1 for v in right], "1 too big"),
             (row(7, 3, 1), "rows and columns are swapped"), (row(7, 1, 1), "output's id"),
             (row(5, 1, 3), "row length of 5"), (row(3, 1, 3), "row length of 3"),
             (row(6, 1, 3), "row length of 6"), (row(7, 1, 2), "row of output 7"),
             ([[1 + i, 3 + j] for i in range(3) for j in range(3)], "(row, column) pairs")]
    return ex06.im2col_row, [right, np.array(right, float), np.array(right).reshape(1, 9)], wrong


@exercise("ex06.forward_matmul")
def _ex06_forward():
    x, w, b = ex06.forward_task()
    cols = ck.im2col(x, 3)[0]
    W = w.reshape(2, 9)
    right = (W @ cols + b[:, None]).reshape(1, 2, 3, 3)
    wrong = [((w.transpose(0, 1, 3, 2).reshape(2, 9) @ cols + b[:, None]).reshape(1, 2, 3, 3),
              "column by column"),
             ((W @ cols).reshape(1, 2, 3, 3), "bias is missing"),
             ((W @ cols - b[:, None]).reshape(1, 2, 3, 3), "bias is subtracted"),
             ((w[..., ::-1, ::-1].reshape(2, 9) @ cols + b[:, None]).reshape(1, 2, 3, 3), "rotated"),
             ((W @ cols + b[:, None]).T.reshape(1, 2, 3, 3), "scrambled"),
             ((W[::-1] @ cols + b[::-1, None]).reshape(1, 2, 3, 3), "filters' outputs are swapped"),
             ((W @ cols + b[::-1, None]).reshape(1, 2, 3, 3), "biases are swapped"),
             ((W @ cols + b[:, None]).T, "you have Yᵀ"), (cols.T @ cols, "9×9 matrix"),
             (W @ cols + b[:, None], "reshape it to (1, 2, 3, 3)")]
    return ex06.forward_matmul, [right, right[0], right.tolist()], wrong


@exercise("ex06.input_gradient_col2im")
def _ex06_col2im():
    dy, w = ex06.input_gradient_task()
    (h, wd), (kh, kw) = ex06.COL2IM_TASK["input_size"], ex06.COL2IM_TASK["kernel_size"]
    W, dY = w.reshape(2, kh * kw), dy.reshape(2, -1)
    dcols = W.T @ dY
    right = nchw(fold(dcols, (h, wd), (kh, kw)))
    as_x = nchw
    wrong = [(as_x(fold(dcols, (h, wd), (kh, kw), "average")), "participation counts"),
             (as_x(fold(dcols, (h, wd), (kh, kw), "last")), "last one written won"),
             (as_x(fold(dcols, (h, wd), (kh, kw), "first")), "only the first one stayed"),
             (as_x(fold(w[:, 0, ::-1, ::-1].reshape(2, -1).T @ dY, (h, wd), (kh, kw))), "rotated by 180°"),
             (as_x(fold(w.transpose(0, 1, 3, 2).reshape(2, -1).T @ dY, (h, wd), (kh, kw))),
              "kernel was flattened column by column"),
             (as_x(fold(W.T @ dy.transpose(0, 1, 3, 2).reshape(2, -1), (h, wd), (kh, kw))),
              "dY was flattened column by column"),
             (as_x(fold(W[:1].T @ dY[:1], (h, wd), (kh, kw))), "only filter 0"),
             (as_x(fold(W[::-1].T @ dY, (h, wd), (kh, kw))), "wrong dY maps"),
             (dcols, "fold it back"), (dcols.T, "dcols transposed"),
             (right[0, 0].T, "transposed"), (dy, "dY's shape"),
             (np.stack([fold(np.outer(W[f], dY[f]), (h, wd), (kh, kw)) for f in range(2)]),
              "one dX per filter")]
    return ex06.input_gradient_col2im, [right, right[0, 0], right.tolist()], wrong


@exercise("ex07.grouped_weight_shape")
def _ex07_grouped():
    wrong = [((12, 8, 3, 3), "ungrouped"), ((3, 2, 3, 3), "F = 12"), ((2, 12, 3, 3), "filters first"),
             ((8, 3, 3, 3), "input channels that are divided"), ((4, 3, 2, 3), "four axes"),
             ((4, 3, 2, 3, 3), "inside the filter axis"), ((12, 2, 9), "two axes"),
             ((12, 2), "size is missing"), ((12, 2, 3, 3, 4), "not an axis of their own"),
             ((3, 8, 3, 3), "shrink"), ((12, 2, 3, 1), "3×3")]
    return ex07.grouped_weight_shape, [(12, 2, 3, 3), [12, 2, 3, 3], np.array([12, 2, 3, 3])], wrong


@exercise("ex07.im2col_shapes")
def _ex07_im2col():
    def call(pair):
        return ex07.im2col_shapes(*pair)
    right = (2, 27, 16), (4, 27)
    wrong = [(((2, 9, 16), (4, 27)), "*every* channel"), (((2, 27, 36), (4, 27)), "*output* pixel"),
             (((2, 16, 27), (4, 27)), "row-per-output layout"), (((27, 16), (4, 27)), "batch axis"),
             (((2, 108, 16), (4, 27)), "does not know the filters"),
             (((2, 3, 9, 16), (4, 27)), "merges channel and tap"),
             (((2, 27, 4, 4), (4, 27)), "flattens the output positions"),
             (((2, 27, 9), (4, 27)), "count the first window"),
             (((2, 27, 16), (4, 9)), "all 3 channels"), (((2, 27, 16), (27, 4)), "from the left"),
             (((2, 27, 16), (4, 3, 9)), "W is a matrix"), (((2, 27, 16), (4, 3, 3, 3)), "as stored"),
             (((2, 27, 16), (2, 4, 27)), "does not depend on the batch")]
    return call, [right, ([2, 27, 16], [4, 27]), (np.array([2, 27, 16]), (4.0, 27.0))], wrong


def scatter_t(y, k, stride, assign=False):
    kk = k.shape[0]
    out = np.zeros(((y.shape[0] - 1) * stride + kk, (y.shape[1] - 1) * stride + kk))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            if assign:
                out[i * stride:i * stride + kk, j * stride:j * stride + kk] = y[i, j] * k
            else:
                out[i * stride:i * stride + kk, j * stride:j * stride + kk] += y[i, j] * k
    return out


@exercise("ex07.conv_transpose")
def _ex07_transpose():
    right = [scatter_t, lambda y, k, s: nchw(scatter_t(y, k, s)),
             lambda y, k, s: ck.conv_transpose2d(nchw(y), nchw(k), stride=s)[0, 0]
             if hasattr(ck, "conv_transpose2d") else scatter_t(y, k, s).tolist()]
    wrong = [(lambda y, k, s: scatter_t(y, k, 1), "placed stride apart"),
             (lambda y, k, s: scatter_t(y, k[::-1, ::-1], s), "rotated the kernel"),
             (lambda y, k, s: scatter_t(y, k, s, assign=True), "+=, not ="),
             (lambda y, k, s: scatter_t(y, k.T, s), "kernel is transposed"),
             (lambda y, k, s: np.pad(scatter_t(y, k, s), [(0, s - 1), (0, s - 1)]),
              "stride-1 rows too many"),
             (lambda y, k, s: np.zeros(((y.shape[0] - 1) * s + 1, (y.shape[1] - 1) * s + 1)),
              "zeros between its entries"),
             (lambda y, k, s: scatter_t(y, k, s).T, "output is transposed")]
    return ex07.conv_transpose, right, wrong


@exercise("ex08.forward_flops")
def _ex08_flops():
    right = 2 * 8 * 16 * 3 * 9 * 32 * 32
    wrong = [(right // 2, "multiply-adds"), (2 * 8 * 16 * 27 * 900, "stays 32x32"),
             (right // 8, "the batch"), (right // 3, "input channels"), (right // 16, "filters"),
             (right // 9, "the kernel"), (8 * 16 * 27 * 900, "two slips"), (right * 4, "bytes")]
    return ex08.forward_flops, [right, float(right), np.int64(right)], wrong


@exercise("ex08.im2col_bytes")
def _ex08_bytes():
    right = 16 * 576 * 28 * 28 * 4
    wrong = [(16 * 576 * 56 * 56 * 4, "28 x 28 columns"), (right * 2, "float64"),
             (right // 4, "number of values"), (right // 9, "left out the kernel"),
             (right // 16, "one image"), (16 * 576 * 29 * 29 * 4, "rounds down"),
             (16 * 576 * 27 * 27 * 4, "forgets the padding"), (16 * 64 * 56 * 56 * 4, "input's size")]
    return ex08.im2col_bytes, [right, float(right), np.array(right)], wrong


@exercise("ex08.flat_runs")
def _ex08_runs():
    def call(pair):
        return ex08.flat_runs(*pair)
    starts = [i * 5 + j for i in range(3) for j in range(3)]
    wrong = [(([i * 3 + j for i in range(3) for j in range(3)], 13), "not Wo = 3"),
             (([j * 5 + i for i in range(3) for j in range(3)], 13), "row by row"),
             (([s + 12 for s in starts], 13), "last output's window"), (([s + 1 for s in starts], 13), "1 too big"),
             (([3 * s for s in starts], 13), "multiples of K"),
             ((starts, 9), "counts outputs"), ((starts, 15), "past the end"),
             ((starts, 25), "whole image"), ((starts, 12), "one short"), ((starts, 10), "add its Wo")]
    return call, [(starts, 13), (np.array(starts), 13.0), (tuple(starts), np.int64(13))], wrong


@exercise("ex09.winograd_products")
def _ex09_products():
    d, g = ex09.f23_problem()
    btd = np.array([d[0] - d[2], d[1] + d[2], d[2] - d[1], d[1] - d[3]])

    def gg(g):
        return np.array([g[0], (g[0] + g[1] + g[2]) / 2, (g[0] - g[1] + g[2]) / 2, g[2]])
    right = gg(g) * btd
    d_rev = d[::-1]
    btd_rev = np.array([d_rev[0] - d_rev[2], d_rev[1] + d_rev[2], d_rev[2] - d_rev[1], d_rev[1] - d_rev[3]])
    wrong = [(btd, "Bᵀ d alone"), (gg(g), "G g alone"), (gg(g[::-1]) * btd, "flipped the kernel"),
             (2 * right, "twice too big"), (gg(g) * btd_rev, "reversed d"),
             (btd + gg(g), "added Bᵀ d and G g"), (np.array([d[0] * g[0], d[1] * g[1], d[2] * g[2],
                                                             d[3] * g[2]]), "directly"),
             (np.correlate(d, g, "valid"), "the two outputs"), (np.outer(gg(g), btd), "outer product")]
    return ex09.winograd_products, [right, right.tolist(), right[None]], wrong


@exercise("ex09.fft_correlation")
def _ex09_fft():
    x, k = ex09.fft_problem()
    n, m = len(x), len(k)
    right = np.correlate(x, k, "valid")

    def circ(kernel):
        return np.real(np.fft.ifft(np.fft.fft(x) * np.fft.fft(kernel, n)))
    wrong = [(circ(k[::-1]), "all 10 circular outputs"), (circ(k), "whole circular convolution"),
             (circ(k)[m - 1:], "this is convolution"), (circ(k[::-1])[:n - m + 1], "wrapped around"),
             (circ(k)[:n - m + 1], "not flipped and you kept"),
             (circ(k[::-1])[m - 1:] * n, "10 times too big"),
             (np.correlate(x, k, "full"), "'full' correlation"),
             (np.convolve(x, k, "valid")[::-1], "outputs are reversed"),
             (circ(k[::-1])[m - 1:] + 0.5j, "imaginary part")]
    return ex09.fft_correlation, [right, right.tolist(), np.fft.ifft(
        np.fft.fft(x) * np.fft.fft(k[::-1], n))[m - 1:]], wrong


@exercise("ex09.winograd_count")
def _ex09_count():
    right = 2 * 32 * 16 * 16 * 25
    wrong = [(2 * 32 * 16 * 9 * 100, "direct / im2col"), (right // 2, "the batch"),
             (right // 32, "the filters"), (right // 16, "input channels"),
             (2 * 32 * 16 * 16 * 16, "not 8x8"), (2 * 32 * 16 * 16 * 100, "whole 2x2 tile"),
             (right // 4, "not 4"), (right * 2, "FLOPs")]
    return ex09.winograd_count, [right, float(right), np.int64(right)], wrong


@exercise("ex11.relu_backward")
def _ex11_relu():
    x, dy = ex11.relu_problem()
    right = dy * (x > 0)
    wrong = [(np.where(x >= 0, dy, 0.0), "x >= 0"), ((x > 0) * 1.0, "only the mask"),
             (np.where(dy > 0, dy, 0.0), "sign of dy"), (dy * x, "not x"),
             (np.where(x > 0, 0.0, dy), "wrong way round"), (np.maximum(x, 0), "forward output"),
             (dy, "unchanged"), (-right, "wrong sign"),
             (right.T, "transposed")]
    return ex11.relu_backward, [right, right.tolist(), right[None]], wrong


@exercise("ex11.maxpool_backward")
def _ex11_pool():
    x, dy = ex11.pool_problem()
    right = np.zeros_like(x)
    mins = np.zeros_like(x)
    for p in range(2):
        for q in range(2):
            win = x[0, 0, 2 * p:2 * p + 2, 2 * q:2 * q + 2]
            i, j = np.unravel_index(np.argmax(win), (2, 2))
            right[0, 0, 2 * p + i, 2 * q + j] = dy[0, 0, p, q]
            i, j = np.unravel_index(np.argmin(win), (2, 2))
            mins[0, 0, 2 * p + i, 2 * q + j] = dy[0, 0, p, q]
    up = np.kron(dy, np.ones((1, 1, 2, 2)))
    mask = (right != 0) * 1.0
    wrong = [(up, "all four positions"), (up / 4, "average-pooling"), (mask, "marked where the maxima"),
             (mins, "minimum"), (mask * x, "maximum's value x"), (mask * up * x, "multiplied dy by x"),
             (np.zeros_like(x), "all zeros"), (dy, "input's shape"), (right / 4, "times 0.25")]
    return ex11.maxpool_backward, [right, right[0, 0], right.tolist()], wrong


@exercise("ex11.cross_entropy_gradient")
def _ex11_ce():
    z, labels = ex11.softmax_problem()
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    onehot = np.eye(3)[labels]
    right = (p - onehot) / 4
    e0 = np.exp(z - z.max(axis=0, keepdims=True))
    wrong = [(p - onehot, "batch size N = 4"), ((onehot - p) / 4, "sign is flipped"),
             (p / 4, "subtract the one-hot"), ((z - onehot) / 4, "raw logits"),
             (onehot - p, "1/N of the mean is missing"), ((p - onehot) / 3, "number of classes"),
             ((np.exp(z) / np.exp(z).sum() - onehot) / 4, "whole batch"),
             ((e0 / e0.sum(axis=0) - onehot) / 4, "down the columns"),
             (np.trunc(right), "whole numbers")]
    return ex11.cross_entropy_gradient, [right, right.tolist(), right.astype(np.float32)], wrong


@exercise("ex11.parameter_count")
def _ex11_params():
    conv1, conv2, linear = 16 * 9 + 16, 32 * 16 * 9 + 32, 10 * 512 + 10
    right = conv1 + conv2 + linear
    wrong = [(right - 58, "weights only"), (conv1 + conv2 + 10 * 32 * 64 + 10, "*pooled* maps"),
             (conv1 + conv2, "two convolutions only"), (conv1 + 32 * 9 + 32 + linear, "(32, 16, 3, 3)"),
             (linear, "linear layer only"), (right - 10, "10 biases are missing"),
             (right - 48, "convolutions' biases"), (conv1 + conv2 + 10 * 32 * 4 + 10, "second pooling"),
             (9930.5, "not a whole number")]
    return ex11.parameter_count, [right, float(right), np.int64(right)], wrong


NAMES = sorted(EXERCISES)


def _cases(kind):
    for name in NAMES:
        check, right, wrong = EXERCISES[name]()
        items = right if kind == "right" else wrong
        for i, item in enumerate(items):
            yield pytest.param(name, i, id=f"{name}-{i}")


@pytest.mark.parametrize("name, i", list(_cases("right")))
def test_the_right_answer_in_each_form_is_praised(name, i):
    check, right, _ = EXERCISES[name]()
    verdict = check(right[i])
    assert verdict and verdict.kind == "correct", repr(verdict)
    assert repr(verdict).startswith("✔ Correct — ")


@pytest.mark.parametrize("name, i", list(_cases("wrong")))
def test_a_typical_slip_gets_its_specific_hint(name, i):
    check, _, wrong = EXERCISES[name]()
    answer, words = wrong[i]
    verdict = check(answer)
    text = repr(verdict)
    assert not verdict and text.startswith("✘ Not yet — "), text
    assert verdict.kind in ("specific", "input") and verdict.kind != "generic", text
    assert words in text, f"{words!r} not in {text!r}"
    try:
        set_language("zh")
        chinese = repr(verdict)
    finally:
        set_language("en")
    assert chinese.startswith("✘ 还不对 — ") and CJK.search(chinese[8:]), chinese


@pytest.mark.parametrize("name", NAMES)
def test_every_exercise_has_six_slips_each_with_its_own_hint(name):
    check, _, wrong = EXERCISES[name]()
    verdicts = [check(answer) for answer, _ in wrong]
    specific = [v for v in verdicts if v.kind == "specific"]
    assert len(specific) >= 6, f"{name}: only {len(specific)} slips get a specific hint"
    texts = [repr(v) for v in verdicts]
    duplicates = {t for t in texts if texts.count(t) > 1}
    assert not duplicates, f"{name}: two slips get the same hint: {duplicates}"


def test_ex06_col2im_slips_are_pairwise_distinguishable():
    """The redesign: dcols.T does not fold, and every listed slip differs from the answer and
    from every other slip (the symmetric 5×5/3×3 example made col2im(dcols.T) 'right')."""
    _, right, wrong = EXERCISES["ex06.input_gradient_col2im"]()
    arrays = [np.asarray(right[0], float)] + [np.asarray(a, float) for a, _ in wrong]
    for i, a in enumerate(arrays):
        for b in arrays[i + 1:]:
            assert a.shape != b.shape or not np.allclose(a, b)
    dy, w = ex06.input_gradient_task()
    dcols = w.reshape(2, -1).T @ dy.reshape(2, -1)
    with pytest.raises(ValueError):
        ck.col2im(dcols.T[None], ex06.COL2IM_TASK["input_size"], ex06.COL2IM_TASK["kernel_size"])


def corpus_table():
    """Per exercise: number of slips and one sample hint in English and Chinese (for reports)."""
    rows = []
    for name in NAMES:
        check, _, wrong = EXERCISES[name]()
        verdict = check(wrong[0][0])
        try:
            set_language("zh")
            zh = repr(verdict)
        finally:
            set_language("en")
        rows.append((name, len(wrong), repr(verdict), zh))
    return rows
