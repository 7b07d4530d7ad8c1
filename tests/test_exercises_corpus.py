"""The mistake corpus of the checker modules not yet moved into exercise units (the units keep
their corpus beside them: ``tests/test_exercise_units.py``): for every exercise of notebooks
00 and 02–05, typical wrong answers
(each must get its *own specific* hint: never ✔, never the generic fallback, never a hint
another slip of the same exercise gets), and the right answer in three forms (each ✔).

Right answers and slips are built here from the definitions (loops, numpy), independently of
the checkers' code.  ``tests/test_exercises_garbage.py`` feeds every checker garbage.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pytest

from convkit_course.exercises import ex00, ex02, ex03, ex04, ex05, set_language

CJK = re.compile(r"[\u4e00-\u9fff]")


# --------------------------------------------------------------------------- helpers (oracles)
def correlate(a, k):
    """Valid cross-correlation of 2-D arrays, written out."""
    a, k = np.asarray(a, float), np.asarray(k, float)
    kh, kw = k.shape
    return np.array([[np.sum(a[r:r + kh, c:c + kw] * k) for c in range(a.shape[1] - kw + 1)]
                     for r in range(a.shape[0] - kh + 1)])


def scatter_dx(dz, k, input_size, stride=1, padding=0):
    """dX by the chain rule: every output sends dz x weight back to its inputs."""
    h, w = input_size
    kh, kw = k.shape
    dxp = np.zeros((h + 2 * padding + kh, w + 2 * padding + kw))
    for oy in range(dz.shape[0]):
        for ox in range(dz.shape[1]):
            dxp[oy * stride:oy * stride + kh, ox * stride:ox * stride + kw] += dz[oy, ox] * k
    return dxp[padding:padding + h, padding:padding + w]


def count_windows(h, k, s=1, p=0, d=1):
    reach, start, n = d * (k - 1) + 1, 0, 0
    while start + reach <= h + 2 * p:
        n, start = n + 1, start + s
    return n


def nchw(a):
    return np.asarray(a, float)[None, None]


# --------------------------------------------------------------------------- the exercises
EXERCISES = {}


def exercise(name):
    def register(build):
        EXERCISES[name] = build
        return build
    return register


@exercise("ex00.article_output_size")
def _ex00():
    right = [3, np.int64(3), 3.0]
    wrong = [(2, "add 1"), (5, "input's width"), (9, "number of output pixels"),
             (4, "4th window"), (8, "I + K"), (7, "'full' correlation"), (25, "input pixels"),
             (1, "as wide as the input")]
    return ex00.article_output_size, right, wrong


@exercise("ex02.window_ids")
def _ex02_ids():
    right = [7, 8, 9, 12, 13, 14, 17, 18, 19]
    wrong = [([5, 6, 7, 10, 11, 12, 15, 16, 17], "the output's id"),
             ([11, 12, 13, 16, 17, 18, 21, 22, 23], "rows and columns are swapped"),
             (list(range(7, 16)), "not 9 ids in a row"),
             (right[::-1], "kernel-id order"),
             ([7, 12, 17, 8, 13, 18, 9, 14, 19], "column by column"),
             ([i + 1 for i in right], "1 too big"),
             ([6, 7, 8, 11, 12, 13, 16, 17, 18], "window of output 4"),
             ([7, 8, 9], "you gave 3 ids"),
             (list(range(9)), "kernel's ids")]
    return ex02.window_ids, [right, np.array(right, float).reshape(3, 3), tuple(right)], wrong


def _gather(rows=lambda k: range(k.shape[0]), cols=lambda k: range(k.shape[1]), kernel=lambda k: k):
    def fn(x, k, r, c):
        kk = kernel(k)
        return sum(x[r + i, c + j] * kk[i, j] for i in rows(kk) for j in cols(kk))
    return fn


@exercise("ex02.forward_one")
def _ex02_forward():
    right = [_gather(), lambda x, k, r, c: np.sum(x[r:r + k.shape[0], c:c + k.shape[1]] * k),
             lambda x, k, r, c: np.float32(np.sum(x[r:r + k.shape[0], c:c + k.shape[1]] * k))]
    wrong = [
        (_gather(kernel=lambda k: k[::-1, ::-1]), "true convolution"),
        (lambda x, k, r, c: _gather()(x, k, c, r) if x.shape == (5, 5) else 0.0,
         "rows and columns are swapped"),
        (lambda x, k, r, c: _gather(kernel=lambda k: k.T)(x, k, r, c) if x.shape == (5, 5) else 0.0,
         "kernel is used transposed"),
        (lambda x, k, r, c: x[r:r + k.shape[0], c:c + k.shape[1]] * k, "add up the products"),
        (lambda x, k, r, c: np.sum(x[r:r + 3, c:c + 3] * k), "Use k.shape for the window size"),
        (_gather(kernel=np.ones_like), "sum of the window's inputs"),
        (_gather(rows=lambda k: range(k.shape[0] - 1), cols=lambda k: range(k.shape[1] - 1)),
         "one row and one column short"),
        (lambda x, k, r, c: -_gather()(x, k, r, c), "wrong sign"),
        (lambda x, k, r, c: sum(x[r + i, c + j] * k[i, j] for i in range(3) for j in range(2)),
         "misses its last column"),
    ]
    return ex02.forward_one, right, wrong


@exercise("ex03.input_gradient")
def _ex03_dx():
    dz, k = ex03.dx_problem()
    right = scatter_dx(dz, k.astype(float), (5, 5))

    def full(kernel, d=dz, pad=2):
        return correlate(np.pad(d, pad), kernel)
    wrong = [(full(k), "kernel is not rotated"), (full(k.T), "transposed the kernel"),
             (full(k[::-1, :]), "up-down only"), (full(k[:, ::-1]), "left-right only"),
             (full(k, dz[::-1, ::-1]), "rotated dZ instead"),
             (full(np.rot90(k)), "by 90°"), (full(np.rot90(k, -1)), "90° clockwise"),
             (full(k[::-1, ::-1].T), "also transposed"),
             (full(k[::-1, ::-1], pad=0), "did not pad dZ"),
             (full(k[::-1, ::-1], pad=1), "padded dZ by 1"),
             (full(k[::-1, ::-1], pad=3), "padded dZ by 3"),
             (right.T, "transposed"), (-right, "wrong sign"), (right / 9, "times 0.111111"),
             (right.ravel(), "reshape it to (5, 5)")]
    return ex03.input_gradient, [right, nchw(right), right.tolist()], wrong


@exercise("ex03.participation")
def _ex03_counts():
    rows = np.array([sum(1 for s in range(2) if s <= i < s + 3) for i in range(4)])
    cols = np.array([sum(1 for s in range(4) if s <= j < s + 3) for j in range(6)])
    right = np.outer(rows, cols)
    wrong = [(np.full((4, 6), 9), "not every input takes part 9 times"),
             (np.ones((4, 6)), "at least one window"),
             (np.outer(rows, np.ones(6)), "along the rows only"),
             (np.outer(np.ones(4), cols), "along the columns only"),
             (rows[:, None] + cols[None, :], "added the row and column counts"),
             (right.T, "transposed"), (np.ones((2, 4)), "output's shape"),
             (np.ones((3, 3)), "kernel's shape"), (right * 2, "times 2")]
    return ex03.participation, [right, right.astype(float), nchw(right)], wrong


@exercise("ex04.weight_gradient")
def _ex04_dw():
    x, dz = ex04.weight_gradient_task()
    right = correlate(x, dz)
    wrong = [(right[::-1, ::-1], "wrong way round"),
             (correlate(x, dz[::-1, ::-1]), "flipped dZ"),
             (right.T, "transposed"), (correlate(x, np.ones((3, 3))), "leaves out dZ"),
             (right / 9, "mean over the 9 output positions"),
             (correlate(x, np.abs(dz)), "|dZ|"), (np.zeros((5, 5)), "input's shape"),
             (correlate(np.pad(x, 2), dz), "'full' correlation"),
             (np.zeros((1, 1)), "slid X over dZ"), (-right, "wrong sign")]
    return ex04.weight_gradient, [right, nchw(right), right.tolist()], wrong


@exercise("ex04.batch_weight_gradient")
def _ex04_batch():
    x, dz = ex04.batch_weight_gradient_task()
    per = np.stack([correlate(x[n, 0], dz[n, 0]) for n in range(4)])
    right = per.sum(axis=0)
    wrong = [(per[0], "first sample only"), (per[-1], "last sample only"),
             (per.mean(axis=0), "mean over the batch"), (right[::-1, ::-1], "rotated by 180°"),
             (correlate(x.sum(axis=(0, 1)), dz.sum(axis=(0, 1))), "summed X and dZ over the batch"),
             (right.T, "transposed"), (per[:, None], "one dW per sample"),
             (per, "shape (4, 3, 3)"), (np.zeros((4, 4, 3, 3)), "every sample's dZ")]
    return ex04.batch_weight_gradient, [nchw(right), right, right.tolist()], wrong


@exercise("ex04.bias_gradient")
def _ex04_db():
    dz = ex04.bias_gradient_task()
    right = np.array([dz[:, f].sum() for f in range(2)])
    wrong = [(dz.mean(axis=(0, 2, 3)), "mean of dZ"), (right / 4, "batch size N = 4"),
             (right / 9, "9 positions"), (dz[0].sum(axis=(1, 2)), "first sample's sum only"),
             (dz[:, :, 0, 0].sum(axis=0), "only position (0, 0)"), (right[::-1], "swapped"),
             (np.abs(dz).sum(axis=(0, 2, 3)), "|dZ|"), (dz.sum(axis=(2, 3)), "shape (4, 2)"),
             (dz.sum(axis=0), "shape (2, 3, 3)"), (dz.sum(axis=(1, 2, 3)), "shape (4,)"),
             (dz.sum(), "summed everything"), (dz.sum(axis=(0, 2, 3), keepdims=True), "reshape it"),
             (dz.sum(axis=1), "shape (4, 3, 3)")]
    return ex04.bias_gradient, [right, right.tolist(), right[None]], wrong


@exercise("ex05.output_sizes")
def _ex05_sizes():
    right = [count_windows(*g) for g in ex05.OUTPUT_SIZE_PROBLEMS]
    P = ex05.OUTPUT_SIZE_PROBLEMS

    def each(f):
        return [f(h, k, s, p, d) for h, k, s, p, d in P]
    wrong = [(each(lambda h, k, s, p, d: (h + 2 * p - d * (k - 1) - 1) / s + 1), "half-way"),
             (each(lambda h, k, s, p, d: math.ceil((h + 2 * p - d * (k - 1) - 1) / s) + 1), "rounded up"),
             (each(lambda h, k, s, p, d: (h + p - d * (k - 1) - 1) // s + 1), "add 2P, not P"),
             (each(lambda h, k, s, p, d: (h - d * (k - 1) - 1) // s + 1), "padding is ignored"),
             (each(lambda h, k, s, p, d: (h + 2 * p - k) // s + 1), "dilation is ignored"),
             (each(lambda h, k, s, p, d: (h + 2 * p - d * k) // s + 1), "not D·K"),
             (each(lambda h, k, s, p, d: (h + 2 * p - d * (k - 1) - 1) // s), "ends in + 1"),
             (each(lambda h, k, s, p, d: (h + 2 * p - d * (k - 1)) // s + 1), "- 1 is missing"),
             (each(lambda h, k, s, p, d: h + 2 * p - d * (k - 1)), "stride is ignored"),
             (each(lambda h, k, s, p, d: h - k + 1), "H - K + 1"),
             (right[::-1], "reverse order"), (right[:2], "give 3 numbers")]
    return ex05.output_sizes, [right, np.array(right, float), tuple(np.int64(v) for v in right)], wrong


@exercise("ex05.counts")
def _ex05_counts():
    rows = np.array([sum(1 for s in (0, 2) if s <= i < s + 3) for i in range(6)])
    cols = np.array([sum(1 for s in (0, 2) if s <= j < s + 3) for j in range(5)])
    right = np.outer(rows, cols)
    rows1 = np.array([sum(1 for s in range(4) if s <= i < s + 3) for i in range(6)])
    cols1 = np.array([sum(1 for s in range(3) if s <= j < s + 3) for j in range(5)])
    no_floor = right.copy()
    no_floor[-1] = no_floor[-2]
    wrong = [(np.outer(rows1, cols1), "stride-1 counts"), (no_floor, "row 5 takes part in nothing"),
             ((right > 0) * 1, "marked which inputs are covered"),
             (rows[:, None] + cols[None, :], "added the row and column counts"),
             (np.full((6, 5), 2), "average"), ((right > 0) * 9, "once per window"),
             (right.T, "transposed"), (np.ones((2, 2)), "output's shape")]
    return ex05.counts, [right, right.astype(float), nchw(right)], wrong


def recipe(rotate=True, insert_zeros=True, crop=True, floor_rows=True, kernel=None, raise_neg=False):
    """notebook 05's recipe for dX, with one step optionally left out (a typical mistake)."""
    def dx(dz, k, input_size, stride, padding):
        kk = k.shape[0]
        if kernel is not None:
            k = kernel(k)
        a = dz
        if insert_zeros:
            a = np.zeros(((dz.shape[0] - 1) * stride + 1, (dz.shape[1] - 1) * stride + 1))
            a[::stride, ::stride] = dz
        before = kk - 1 - (padding if crop else 0)
        after = [before + ((input_size[i] + 2 * padding - ((dz.shape[i] - 1) * stride + kk))
                           if floor_rows else 0) for i in (0, 1)]
        if raise_neg:  # np.pad refuses a negative width: the student's raw error
            return correlate(np.pad(a, [(before, after[0]), (before, after[1])]), k[::-1, ::-1])
        a = np.pad(a, [(max(before, 0), max(after[0], 0)), (max(before, 0), max(after[1], 0))])
        a = a[max(-before, 0):a.shape[0] - max(-after[0], 0),
              max(-before, 0):a.shape[1] - max(-after[1], 0)]
        return correlate(a, k[::-1, ::-1] if rotate else k)
    return dx


@exercise("ex05.input_gradient")
def _ex05_dx():
    right = [lambda dz, k, size, s, p: scatter_dx(dz, k, size, s, p), recipe(),
             lambda dz, k, size, s, p: nchw(scatter_dx(dz, k, size, s, p))]
    wrong = [(recipe(rotate=False), "unrotated kernel"), (recipe(insert_zeros=False), "zeros between"),
             (recipe(crop=False), "padded input's size"), (recipe(floor_rows=False), "floor dropped"),
             (recipe(kernel=lambda k: k[:, ::-1]), "up-down only"),
             (recipe(kernel=lambda k: k[::-1, :]), "left-right only"),
             (recipe(kernel=lambda k: k.T), "transposed as well"),
             (recipe(raise_neg=True), "cannot pad by a negative amount"),
             (lambda dz, k, size, s, p: scatter_dx(dz, k, size, s, p).T, "dx is transposed")]
    return ex05.input_gradient, right, wrong


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


def test_ex05_output_size_slips_are_pairwise_distinguishable():
    """Every listed slip, made at all three geometries, gives its own list, and none is right."""
    lists = {"right": tuple(count_windows(*g) for g in ex05.OUTPUT_SIZE_PROBLEMS)}
    for name, formula, _ in ex05.size_slips():
        lists[name] = tuple(round(formula(*g), 6) for g in ex05.OUTPUT_SIZE_PROBLEMS)
    assert len(set(lists.values())) == len(lists), lists
    assert len(set(lists["right"])) == 3  # the three geometries have different answers


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
