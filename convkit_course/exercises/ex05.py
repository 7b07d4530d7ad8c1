"""Checkers for notebook 05 · stride, padding, dilation.

    from convkit_course.exercises import ex05
    ex05.output_sizes([o1, o2, o3])        # output size for the three geometries in OUTPUT_SIZE_PROBLEMS
    ex05.counts(counts)                    # participation counts: 6x5 input, 3x3 kernel, stride 2
    ex05.input_gradient(my_function)       # my_function(dz, k, input_size, stride, padding) -> dx

Expected answers come from the literal loops (``conv2d_loops`` / ``conv2d_loops_backward``),
not from the code the notebook teaches.
"""
from __future__ import annotations

import math

import numpy as np

from ._core import (Reject, Verdict, as_array, as_function, call_student, checker, compare_array,
                    correct, fallback, fmt, msg, not_yet)
from convkit.direct import conv2d_loops, conv2d_loops_backward

__all__ = ["OUTPUT_SIZE_PROBLEMS", "output_sizes", "COUNTS_PROBLEM", "counts",
           "GRADIENT_PROBLEMS", "input_gradient"]

# (input size H, kernel K, stride S, padding P, dilation D).  Chosen so that the right answers
# differ (2, 5, 8) and every typical slip below gives its own list of three numbers
# (tests/test_exercises_ex05.py proves it): an even kernel, a stride that does not divide, a
# dilation with padding.
OUTPUT_SIZE_PROBLEMS = [(7, 2, 3, 0, 2), (12, 4, 2, 2, 2), (7, 2, 1, 2, 3)]

COUNTS_PROBLEM = {"input_size": (6, 5), "kernel_size": 3, "stride": 2}

# (input_size, K, stride, padding), easiest first; each teaches one step of the recipe
GRADIENT_PROBLEMS = [
    ((5, 5), 3, 1, 0),   # the article's example
    ((5, 5), 3, 2, 0),   # zeros between dZ entries
    ((5, 5), 3, 1, 1),   # padding cropped off
    ((7, 6), 3, 2, 1),   # both, and a rectangle
    ((6, 6), 3, 2, 0),   # the floor drops the last row and column
    ((4, 5), 1, 1, 1),   # pad by K-1-P < 0: crop instead
]


def _loops_output(h, k, s, p, d):
    """Output length along one axis by running the literal loops (not the formula)."""
    return conv2d_loops(np.zeros((1, 1, h, 1)), np.zeros((1, 1, k, 1)), stride=(s, 1),
                        padding=(p, 0), dilation=(d, 1)).shape[2]


def size_slips():
    """(name, formula(h, k, s, p, d), hint) for the typical output-size slips."""
    return [
        ("no-floor", lambda h, k, s, p, d: (h + 2 * p - d * (k - 1) - 1) / s + 1,
         msg("a window cannot stop half-way: round down — floor((H + 2P - D(K-1) - 1) / S) + 1.")),
        ("ceil", lambda h, k, s, p, d: math.ceil((h + 2 * p - d * (k - 1) - 1) / s) + 1,
         msg("you rounded up; a window that would stick out past the padded input is not "
             "computed: take the floor.")),
        ("pad-once", lambda h, k, s, p, d: (h + p - d * (k - 1) - 1) // s + 1,
         msg("padding goes on both sides, so add 2P, not P.")),
        ("no-padding", lambda h, k, s, p, d: (h - d * (k - 1) - 1) // s + 1,
         msg("the padding is ignored: the window moves over H + 2P pixels.")),
        ("no-dilation", lambda h, k, s, p, d: (h + 2 * p - k) // s + 1,
         msg("the dilation is ignored: a dilated kernel reaches D(K-1) + 1 pixels, not K.")),
        ("reach-DK", lambda h, k, s, p, d: (h + 2 * p - d * k) // s + 1,
         msg("a dilated kernel reaches D(K-1) + 1 pixels (K taps with D-1 gaps between "
             "neighbours), not D·K.")),
        ("no-plus-one", lambda h, k, s, p, d: (h + 2 * p - d * (k - 1) - 1) // s,
         msg("count the first window too — the formula ends in + 1.")),
        ("no-minus-one", lambda h, k, s, p, d: (h + 2 * p - d * (k - 1)) // s + 1,
         msg("the - 1 is missing: subtract the whole reach D(K-1) + 1 from the padded length.")),
        ("no-stride", lambda h, k, s, p, d: h + 2 * p - d * (k - 1),
         msg("the stride is ignored: the window jumps S pixels, so divide by S (and round "
             "down).")),
        ("simple", lambda h, k, s, p, d: h - k + 1,
         msg("that is H - K + 1, the formula for stride 1, no padding, no dilation.")),
    ]


def _problem_text(g):
    return msg("H={h}, K={k}, S={s}, P={p}, D={d}", h=g[0], k=g[1], s=g[2], p=g[3], d=g[4])


@checker
def output_sizes(answer) -> Verdict:
    """Exercise 1: the output size for each geometry of ``OUTPUT_SIZE_PROBLEMS``."""
    n = len(OUTPUT_SIZE_PROBLEMS)
    values = as_array(answer, msg("your list"))
    if values.size != n:
        return not_yet(msg("give {n} numbers, one per geometry; got {got}.", n=n,
                           got=values.size))
    values = values.ravel()
    expected = np.array([_loops_output(*g) for g in OUTPUT_SIZE_PROBLEMS], dtype=float)
    if np.array_equal(values, expected):
        return correct(msg("floor((H + 2P - D(K-1) - 1) / S) + 1 — padding widens the room, "
                           "dilation widens the kernel, stride divides the number of steps."))
    # one slip made consistently at every geometry
    for name, formula, hint in size_slips():
        wrong = np.array([formula(*g) for g in OUTPUT_SIZE_PROBLEMS], dtype=float)
        if np.allclose(values, wrong, rtol=0, atol=0.01):
            return not_yet(msg("{got} is what the slip gives at all three geometries: {hint}",
                               got="[" + ", ".join(fmt(v) for v in values) + "]", hint=hint))
    if np.array_equal(values, expected[::-1]):
        return not_yet(msg("the right sizes in reverse order: give them in the order of "
                           "OUTPUT_SIZE_PROBLEMS."))
    # else: the first wrong geometry, and the slips that fit it there
    i = int(np.argmax(values != expected))
    g, value = OUTPUT_SIZE_PROBLEMS[i], values[i]
    where = msg("for {geometry} you gave {value}", geometry=_problem_text(g), value=fmt(value))
    hints = [hint for _, formula, hint in size_slips()
             if np.isclose(formula(*g), value, rtol=0, atol=0.01)]
    if hints:
        joined = hints[0]
        for hint in hints[1:]:
            joined = msg("{first} Or: {second}", first=joined, second=hint)
        return not_yet(msg("{where}: {hint}", where=where, hint=joined))
    return fallback(msg("{where}; expected {want}. Use floor((H + 2P - D(K-1) - 1) / S) + 1.",
                        where=where, want=fmt(expected[i])))


def _counts(input_size, kernel_size, stride):
    """Participation counts by the loops: with every weight 1 and dY all ones, dX counts."""
    h, w = input_size
    ho = _loops_output(h, kernel_size, stride, 0, 1)
    wo = _loops_output(w, kernel_size, stride, 0, 1)
    dx, _, _ = conv2d_loops_backward(np.ones((1, 1, ho, wo)), np.zeros((1, 1, h, w)),
                                     np.ones((1, 1, kernel_size, kernel_size)), stride=stride)
    return np.rint(dx[0, 0]).astype(int)


@checker
def counts(answer) -> Verdict:
    """Exercise 2: the participation counts of ``COUNTS_PROBLEM`` as an (H, W) array."""
    size, k, s = COUNTS_PROBLEM["input_size"], COUNTS_PROBLEM["kernel_size"], COUNTS_PROBLEM["stride"]
    expected = _counts(size, k, s)
    ho = _loops_output(size[0], k, s, 0, 1)
    wo = _loops_output(size[1], k, s, 0, 1)
    # the floor drops the last row: a student who lets the windows run to the end gets it non-zero
    no_floor = expected.copy()
    no_floor[-1] = no_floor[-2]
    rows, cols = expected[:, 0:1] > 0, expected[0:1, :] > 0
    rows_n = _counts((size[0], k), k, s)[:, 0]
    cols_n = _counts((k, size[1]), k, s)[0]
    mistakes = [
        (_counts(size, k, 1), msg("these are the stride-1 counts: with stride 2 the windows start "
                                  "at rows 0, 2, … and columns 0, 2, …, so they overlap far "
                                  "less.")),
        (no_floor, msg("the last row is not reached by any window: with H = 6, K = 3, S = 2 the "
                       "windows start at rows 0 and 2 only (the floor), so row 5 takes part in "
                       "nothing — count 0.")),
        ((expected > 0).astype(float), msg("you marked which inputs are covered (0 or 1); count "
                                           "how many windows cover each one — where windows "
                                           "overlap it is 2 or 4.")),
        (rows_n[:, None] + cols_n[None, :], msg("you added the row and column counts; a pixel is "
                                                "covered by (windows on its row) x (windows on "
                                                "its column): multiply.")),
        (np.full(size, k * k // (s * s)), msg("{n} everywhere is the average (K²/S² rounded down); "
                                              "count each pixel's windows.", n=k * k // (s * s))),
        ((rows & cols).astype(float) * k * k, msg("a covered pixel does not take part {n} times: "
                                                  "it takes part once per window covering it.",
                                                  n=k * k)),
    ]
    shapes = {
        (ho, wo): msg("that has the output's shape ({ho}x{wo}); there is one count per *input* "
                      "pixel: shape {size}.", ho=ho, wo=wo, size=size),
    }
    verdict = compare_array(answer, expected, msg("your table"), mistakes=mistakes, shapes=shapes,
                            praise=msg("the counts add up to {total} = outputs × {taps} weights, "
                                       "and the row the floor dropped counts 0 — its gradient is "
                                       "zero.", total=int(expected.sum()), taps=k * k))
    if verdict.kind == "generic" and "core:compare.entries_differ" in verdict.message_ids():
        total = float(np.sum(as_array(answer)))
        if total != expected.sum():
            return fallback(msg("{hint} Check: they must add up to {ho}×{wo} outputs × {taps} "
                                "weights = {right}; yours add up to {total}.",
                                hint=verdict.message, ho=ho, wo=wo, taps=k * k,
                                right=int(expected.sum()), total=fmt(total)))
    return verdict


def _expected_dx(dz, k, input_size, stride, padding):
    dx, _, _ = conv2d_loops_backward(dz[None, None], np.zeros((1, 1) + tuple(input_size)),
                                     k[None, None], stride=stride, padding=padding)
    return dx[0, 0]


@checker
def input_gradient(function) -> Verdict:
    """Exercise 3: ``function(dz, k, input_size, stride, padding) -> dx`` on ``GRADIENT_PROBLEMS``.

    dz (Ho, Wo), k (K, K), input_size (H, W) -> dx (H, W); one channel, dilation 1.
    """
    function = as_function(function)
    rng = np.random.default_rng(5)
    for input_size, kk, s, p in GRADIENT_PROBLEMS:
        ho = _loops_output(input_size[0], kk, s, p, 1)
        wo = _loops_output(input_size[1], kk, s, p, 1)
        dz = rng.integers(-3, 4, size=(ho, wo)).astype(float)
        k = rng.integers(-3, 4, size=(kk, kk)).astype(float)
        where = msg("for input {h}x{w}, K={k}, stride {s}, padding {p}", h=input_size[0],
                    w=input_size[1], k=kk, s=s, p=p)
        try:
            answer = call_student(function, dz.copy(), k.copy(), input_size, s, p, where=where)
        except Reject as reject:
            if kk - 1 - p < 0 and reject.error is not None and "negative" in str(reject.error):
                return not_yet(msg("{where}, K-1-P = {n} is negative, and np.pad cannot pad by a "
                                   "negative amount: instead of padding dZ, crop {m} rows and "
                                   "columns off each side of the correlation's result (or pad "
                                   "by max(K-1-P, 0) and slice).", where=where, n=kk - 1 - p,
                                   m=p - kk + 1))
            raise
        name = msg("your dx {where}", where=where)
        if isinstance(answer, np.ndarray) and answer.ndim == 4:
            answer = answer.reshape(answer.shape[-2:]) if answer.shape[:2] == (1, 1) else answer
        a = as_array(answer, name)
        expected = _expected_dx(dz, k, input_size, s, p)
        if a.shape != expected.shape:
            return _shape_verdict(a.shape, expected.shape, where, input_size, kk, s, p, (ho, wo))
        if np.allclose(a, expected):
            continue
        named = [
            (k[::-1, ::-1], msg("{where}, your dx is what an unrotated kernel gives: correlate "
                                "with the kernel rotated 180° (k[::-1, ::-1]).", where=where)),
            (k[:, ::-1], msg("{where}, your kernel is flipped up-down only; rotating by 180° "
                             "flips left-right too: k[::-1, ::-1].", where=where)),
            (k[::-1, :], msg("{where}, your kernel is flipped left-right only; rotating by 180° "
                             "flips up-down too: k[::-1, ::-1].", where=where)),
            (k.T, msg("{where}, your kernel is transposed as well as rotated: only rotate it, "
                      "k[::-1, ::-1].", where=where)),
        ]
        if a.shape[0] == a.shape[1] and np.allclose(a, expected.T):
            return not_yet(msg("{where}, your dx is transposed: rows and columns are swapped "
                               "(input_size is (H, W)).", where=where))
        for kernel, hint in named:
            if kk > 1 and np.allclose(a, _expected_dx(dz, kernel, input_size, s, p)):
                return not_yet(hint)
        if np.allclose(a.sum(), expected.sum()):
            return not_yet(msg("{where}, your dx has the right total but the values sit in the "
                               "wrong places: check the zeros between dZ entries and the padding "
                               "on each side.", where=where))
        first = tuple(int(i) for i in np.argwhere(~np.isclose(a, expected))[0])
        return fallback(msg("{where}, your dx differs from the gradient (first difference at "
                            "{first}: got {got}, expected {want}).", where=where, first=first,
                            got=fmt(a[first]), want=fmt(expected[first])))
    return correct(msg("insert S-1 zeros between dZ entries, pad by K-1-P (crop if negative) and "
                       "by the dropped rows at the end, correlate with rot180(k) — for every "
                       "geometry."))


def _shape_verdict(shape, want, where, input_size, k, s, p, out):
    """Name the step whose omission gives ``shape`` (each mistake changes the size its own way)."""
    spread = [(o - 1) * s + 1 for o in out]
    no_zeros = tuple(o + k - 1 - 2 * p for o in out)          # dZ padded, but no zeros inserted
    no_crop = tuple(n + 2 * p for n in input_size)            # the padded input's size
    no_floor = tuple(n + k - 1 - 2 * p for n in spread)       # symmetric pad, dropped rows lost
    head = msg("{where}, your dx has shape {got}; expected {want}.", where=where, got=tuple(shape),
               want=tuple(want))
    if s > 1 and tuple(shape) == no_zeros:
        return not_yet(msg("{head} It looks like dZ was padded without the zeros between its "
                           "entries: insert stride-1 zeros first (dZ becomes (Ho-1)*S+1 long).",
                           head=head))
    if p > 0 and tuple(shape) == no_crop:
        return not_yet(msg("{head} That is the padded input's size: crop the padding P off each "
                           "side.", head=head))
    if tuple(shape) == no_floor:
        return not_yet(msg("{head} The rows the floor dropped (no window reached them) still need "
                           "a gradient — zero: pad the end of dZ by those rows too, not only by "
                           "K-1-P.", head=head))
    if tuple(shape) == tuple(want)[::-1]:
        return not_yet(msg("{head} Rows and columns are swapped: input_size is (H, W).",
                           head=head))
    return fallback(msg("{head} dx must have the input's shape (H, W).", head=head))
