"""Check-your-understanding questions in the middle of notebooks 02–07, and notebook 05's dW
exercise.  Each question is answered with a number or a choice letter.

    from convkit_course.exercises import concepts
    concepts.kernel_id_for(answer)          # 02: which weight meets input 12 in output 0
    concepts.dx_terms(answer)               # 03: how many terms in dX at input (1, 2) of a 6x6 input
    concepts.why_dw_not_rotated("b")        # 04: a choice letter
    concepts.dw_zeros(answer)               # 05: zeros between dZ entries in the dW recipe
    concepts.weight_gradient_strided(fn)    # 05: dW for stride, padding, dilation (a function)
    concepts.cols_entries(answer)           # 06: entries of the im2col matrix
    concepts.dx_terms_channels(answer)      # 07: terms in dX with F filters
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward
from ._core import (Reject, as_array, as_function, bad_input, call_student, checker, correct,
                    fallback, is_empty, judge_number, msg, not_yet)

__all__ = ["kernel_id_for", "dx_terms", "why_dw_not_rotated", "dw_zeros",
           "weight_gradient_strided", "cols_entries", "dx_terms_channels", "QUESTIONS",
           "WEIGHT_GRADIENT_GEOMETRIES"]

# The problems, stated in the notebooks; tests check that the notebook text says the same.
QUESTIONS = {
    "kernel_id_for": dict(input_id=12, output_id=0),            # 5x5 input, 3x3 kernel
    "dx_terms": dict(input_size=(6, 6), kernel=3, at=(1, 2)),
    "dw_zeros": dict(stride=3, dilation=2),
    "cols_entries": dict(input_size=(4, 6), kernel=3),
    "dx_terms_channels": dict(channels=3, filters=8, kernel=3),
}


# --------------------------------------------------------------------------- 02
@checker
def kernel_id_for(answer):
    """02: the kernel id that multiplies input 12 in output 0 (5x5 input, 3x3 kernel)."""
    return judge_number(
        answer, 8,
        {0: msg("k0 meets the window's top-left input, x0. Input 12 sits at row 2, column 2 of "
                "output 0's window."),
         4: msg("k4 is the centre of the kernel — it meets input 12 in output 4, whose window is "
                "centred on it. In output 0's window (rows 0-2, columns 0-2) input 12 is the "
                "bottom-right corner."),
         12: msg("12 is the input's id; the question asks for the kernel id written in panel z0 at "
                 "input 12."),
         6: msg("k6 is the bottom-left weight; input 12 is in the window's bottom row but in its "
                "right column.")},
        praise=msg("k8: input 12 is the bottom-right corner of output 0's window, so it meets the "
                   "bottom-right weight. In output 4 it would meet k4, in output 8 k0."),
        fallback=msg("find input 12 in panel z0 of the forward map: which row and column of the "
                     "3×3 window is it in? Kernel id = 3 × row + column."),
        name=msg("your kernel id"))


# --------------------------------------------------------------------------- 03
@checker
def dx_terms(answer):
    """03: terms in dX at input (1, 2) of a 6x6 input, 3x3 kernel, stride 1, no padding."""
    return judge_number(
        answer, 6,
        {9: msg("9 is the count of an input that every window covering its neighbourhood "
                "reaches — here input (1, 2) is near the top: only the windows starting at rows 0 "
                "and 1 contain row 1."),
         3: msg("that counts the windows along one axis only. Rows: windows start at 0 and 1 "
                "(2 of them); columns: at 0, 1, 2 (3 of them); every combination is one output."),
         2: msg("that counts the windows along one axis only. Rows: windows start at 0 and 1 "
                "(2 of them); columns: at 0, 1, 2 (3 of them); every combination is one output."),
         5: msg("windows along rows × along columns, not plus: 2 × 3."),
         4: msg("4 is the count of a 5×5 input's pixel (1, 1); here the input is 6×6 and the pixel "
                "is (1, 2): count the windows covering row 1 and those covering column 2.")},
        praise=msg("6 terms: the windows covering row 1 start at rows 0, 1 and those covering column "
                   "2 at columns 0, 1, 2 — 2 × 3 outputs, one term dZ·k each (its participation "
                   "count)."),
        fallback=msg("count the outputs input (1, 2) feeds: (windows covering row 1) × (windows "
                     "covering column 2). Each is one term of its gradient."),
        name=msg("your count"))


# --------------------------------------------------------------------------- choice letters
def _choice(answer, options):
    """A letter among ``options`` (case and brackets ignored) or Reject."""
    if is_empty(answer):
        raise Reject(bad_input(msg("your answer is still empty: replace the ... with a letter "
                                   "in quotes, e.g. \"a\".")))
    if not isinstance(answer, str):
        raise Reject(bad_input(msg("answer with one letter in quotes, e.g. \"a\"; got a "
                                   "{kind}.", kind=type(answer).__name__)))
    letter = answer.strip().strip("()[]. ").lower()
    if letter not in options:
        raise Reject(bad_input(msg("answer with one of the letters {letters}; got {got!r}.",
                                   letters=", ".join(options), got=answer[:20])))
    return letter


@checker
def why_dw_not_rotated(answer):
    """04: why dW is not rotated while dX is (a choice letter)."""
    letter = _choice(answer, "abcd")
    hints = {
        "a": msg("(a) is not it: no kernel in the course is assumed symmetric — the checks use "
                 "random kernels, and dW still comes out unrotated."),
        "c": msg("(c) is not it: padding changes where dZ sits, not its orientation; and dW has no "
                 "extra padding at stride 1."),
        "d": msg("(d) is not it: the rotation in dX is not a convention — a transposed (unrotated) "
                 "kernel gives wrong numbers there, as notebook 03 checked."),
    }
    if letter == "b":
        return correct(msg("(b): in dW[i, j] = Σ dZ[a, b] · X[i + a, j + b] the indices of dZ and X "
                           "grow together — a correlation. In dX, input p receives dZ[o] · K[p - o]: "
                           "the kernel index runs against the output index, and that minus sign is "
                           "the 180° rotation."))
    return not_yet(hints[letter])


# --------------------------------------------------------------------------- 05
@checker
def dw_zeros(answer):
    """05: zeros between neighbouring dZ entries in the dW recipe for stride 3, dilation 2."""
    return judge_number(
        answer, 2,
        {1: msg("1 = D − 1 would be the zeros of a dilated *kernel*. In the dW recipe dZ is spread "
                "by the *stride*: S − 1 zeros; the dilation D becomes the step at which the "
                "correlation is read."),
         3: msg("3 is the spacing of dZ's entries (the stride); between two entries that leaves "
                "S − 1 zeros."),
         0: msg("with stride 1 there would be none; with stride 3 neighbouring outputs are 3 input "
                "pixels apart, so their dZ entries are spread out."),
         5: msg("S + D is not a rule of the recipe: only the stride spreads dZ."),
         4: msg("(S − 1)·D mixes the two knobs: only the stride spreads dZ (S − 1 zeros); the "
                "dilation is the step at which the correlation is read.")},
        praise=msg("S − 1 = 2 zeros: dW is the padded X correlated with dZ spread by the stride, "
                   "read at step D = 2 — stride and dilation swap roles."),
        fallback=msg("go back to step 3 of the derivation: dZ_S[S·a, S·b] = dZ[a, b]."),
        name=msg("your number of zeros"))


# (H, W, KH, KW, stride, padding, dilation): hidden from the notebook, tried in this order
WEIGHT_GRADIENT_GEOMETRIES = [
    (5, 5, 3, 3, 1, 0, 1),    # the article's example
    (7, 6, 3, 3, 2, 0, 1),    # stride
    (6, 7, 3, 3, 1, 1, 1),    # padding
    (7, 7, 3, 3, 2, 1, 1),    # stride and padding
    (8, 9, 3, 2, 1, 0, 2),    # dilation, a non-square kernel
    (9, 8, 2, 3, 3, 2, 2),    # everything, and rows the floor drops
]


def _dw_problem(index):
    h, w, kh, kw, s, p, d = WEIGHT_GRADIENT_GEOMETRIES[index]
    rng = np.random.default_rng(50 + index)
    x = rng.standard_normal((h, w))
    ho, wo = (h + 2 * p - d * (kh - 1) - 1) // s + 1, (w + 2 * p - d * (kw - 1) - 1) // s + 1
    dz = rng.standard_normal((ho, wo))
    return x, dz


def _dw(x, dz, kh, kw, s, p, d):
    return conv2d_loops_backward(dz[None, None], x[None, None], np.zeros((1, 1, kh, kw)),
                                 stride=s, padding=p, dilation=d)[1][0, 0]


def _same(a, e):
    return a.shape == e.shape and np.allclose(a, e, rtol=1e-6, atol=1e-9)


def _correlate(x, k, stride=1):
    """Valid correlation of 2-D arrays, read at step ``stride``."""
    kh, kw = k.shape
    ho, wo = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    return np.array([[np.sum(x[r * stride:r * stride + kh, c * stride:c * stride + kw] * k)
                      for c in range(wo)] for r in range(ho)])


def _spread(a, s):
    out = np.zeros(((a.shape[0] - 1) * s + 1, (a.shape[1] - 1) * s + 1))
    out[::s, ::s] = a
    return out


@checker
def weight_gradient_strided(weight_gradient):
    """05, exercise 4: ``weight_gradient(x, dz, kernel_size, stride, padding, dilation)``.

    x (H, W), dz (Ho, Wo), kernel_size (KH, KW) -> dw (KH, KW), for one channel.
    """
    fn = as_function(weight_gradient, "weight_gradient")
    for index, (h, w, kh, kw, s, p, d) in enumerate(WEIGHT_GRADIENT_GEOMETRIES):
        x, dz = _dw_problem(index)
        where = msg("for x {h}x{w}, kernel {kh}x{kw}, stride {s}, padding {p}, dilation {d}",
                    h=h, w=w, kh=kh, kw=kw, s=s, p=p, d=d)
        xs, dzs = x.copy(), dz.copy()
        got = call_student(fn, xs, dzs, (kh, kw), s, p, d, where=where)
        if is_empty(got):
            return bad_input(msg("weight_gradient returns ... / None: write its code."))
        if not (np.array_equal(xs, x) and np.array_equal(dzs, dz)):
            return not_yet(msg("{where}, weight_gradient changed x or dz in place: work on "
                               "copies.", where=where))
        a = as_array(got, "dw")
        a = a.reshape(a.shape[-2:]) if a.ndim > 2 and all(n == 1 for n in a.shape[:-2]) else a
        e = _dw(x, dz, kh, kw, s, p, d)
        if _same(a, e):
            continue
        return _dw_hint(a, e, x, dz, kh, kw, s, p, d, where)
    return correct(msg("dW = (X padded by P) correlated with (dZ with S − 1 zeros between its "
                       "entries), read at step D — right for stride, padding, dilation and "
                       "non-square kernels."))


def _dw_hint(a, e, x, dz, kh, kw, s, p, d, where):
    xp = np.pad(x, p)
    if a.shape != e.shape:
        if a.shape == (kw, kh):
            return not_yet(msg("{where}, dw has shape {got}: height and width are swapped; "
                               "expected (KH, KW) = {want}.", where=where, got=a.shape,
                               want=e.shape))
        full = _correlate(xp, _spread(dz, s))
        if a.shape == full.shape:
            return not_yet(msg("{where}, dw has shape {got}: that is the whole correlation. Keep "
                               "only the entries at step D = {d}, the first KH × KW = {want}.",
                               where=where, got=a.shape, d=d, want=e.shape))
        spread = _spread(dz, s)
        if p > 0 and x.shape[0] >= spread.shape[0] and x.shape[1] >= spread.shape[1] and \
                a.shape == _correlate(x, spread, d)[:kh, :kw].shape:
            return not_yet(msg("{where}, dw ignores the padding: the weights met the padded "
                               "input, so correlate X padded by P = {p} with the spread dZ.",
                               where=where, p=p))
        if a.shape == x.shape:
            return not_yet(msg("{where}, dw has x's shape {got}: that looks like dX. dW has the "
                               "kernel's shape {want}.", where=where, got=a.shape,
                               want=e.shape))
        return fallback(msg("{where}, dw has shape {got}; expected the kernel's shape {want}.",
                            where=where, got=a.shape, want=e.shape))
    slips = []
    spread = _spread(dz, s)
    if s > 1:
        slips.append((_correlate(xp, dz, d)[:kh, :kw],
                      msg("{where}, dw ignores the stride: spread dZ first — S − 1 = {z} zeros "
                          "between neighbouring entries — because output (a, b) read the window "
                          "at (S·a, S·b).", where=where, z=s - 1)))
    if p > 0 and x.shape[0] >= spread.shape[0] and x.shape[1] >= spread.shape[1]:
        slips.append((_correlate(x, spread, d)[:kh, :kw],
                      msg("{where}, dw ignores the padding: the weights met the padded "
                          "input, so correlate X padded by P = {p} with the spread dZ.",
                          where=where, p=p)))
    if d > 1:
        slips.append((_correlate(xp, _spread(dz, s), 1)[:kh, :kw],
                      msg("{where}, dw ignores the dilation: read the correlation at step D = {d} "
                          "(positions 0, D, 2D, …), not at every position.", where=where, d=d)))
    if s != d:
        slips.append((_correlate(xp, _spread(dz, d), s)[:kh, :kw]
                      if xp.shape[0] >= _spread(dz, d).shape[0]
                      and xp.shape[1] >= _spread(dz, d).shape[1] else None,
                      msg("{where}, dw swaps stride and dilation: spread dZ by the stride S = "
                          "{s} and read at step D = {d}, not the other way round.",
                          where=where, s=s, d=d)))
    slips.append((e[::-1, ::-1], msg("{where}, dw is rotated by 180°: dW is not rotated — the "
                                     "indices of dZ and X grow together.", where=where)))
    if kh == kw:
        slips.append((e.T, msg("{where}, dw is transposed: entry [i, j] belongs at [j, i].",
                               where=where)))
    for wrong, hint in slips:
        if wrong is not None and _same(a, wrong):
            return not_yet(hint)
    bad = np.argwhere(~np.isclose(a, e, rtol=1e-6, atol=1e-9))
    first = tuple(int(i) for i in bad[0])
    return fallback(msg("{where}, {count} of {size} entries of dw differ; the first is dw{first}: "
                        "got {got:.6g}, expected {want:.6g}.", where=where, count=len(bad),
                        size=a.size, first=first, got=float(a[first]), want=float(e[first])))


# --------------------------------------------------------------------------- 06
@checker
def cols_entries(answer):
    """06: entries of the im2col matrix of a 4x6 input, 3x3 kernel, stride 1, no padding."""
    return judge_number(
        answer, 72,
        {24: msg("24 is the input's size. cols has a column per output (2 × 4 = 8) and a row per "
                 "kernel weight (9): every input pixel is copied once per window it sits in."),
         8: msg("8 is the number of outputs — the number of columns. Each column holds a whole "
                "3×3 window: 9 entries."),
         9: msg("9 is the number of rows (one per kernel weight). There is one column per output: "
                "(4 − 3 + 1) × (6 − 3 + 1) of them."),
         216: msg("216 = 24 × 9 would copy every input 9 times. Only inputs inside a window are "
                  "copied, once per window: (outputs) × (kernel weights)."),
         81: msg("81 is the 5×5 example's count. Here the input is 4×6: (4 − 3 + 1) × (6 − 3 + 1) "
                 "outputs, 9 weights each.")},
        praise=msg("72 = 8 outputs × 9 kernel weights: cols is (9, 8); the 24 input pixels are "
                   "copied 3 times each on average."),
        fallback=msg("cols has one column per output and one row per kernel weight: (number of "
                     "outputs) × 9."),
        name=msg("your count"))


# --------------------------------------------------------------------------- 07
@checker
def dx_terms_channels(answer):
    """07: terms in dX at an interior pixel of one input channel, C=3, F=8, 3x3, stride 1."""
    return judge_number(
        answer, 72,
        {9: msg("9 windows contain the pixel — but each window is read by all 8 filters, and each "
                "filter sends back its own dY × weight."),
         27: msg("the pixel belongs to one channel; the other channels have their own pixels. "
                 "What multiplies the 9 windows is the number of filters, F = 8."),
         216: msg("the 3 channels do not add terms to one pixel's gradient: each channel's pixel "
                  "gets its own dX. 9 windows × 8 filters."),
         8: msg("8 filters — and each reads the pixel in 9 windows (an interior pixel of a 3×3 "
                "kernel's participation count)."),
         24: msg("channels × filters does not count windows: the pixel sits in 9 windows, each "
                 "read by 8 filters.")},
        praise=msg("72 = 9 windows × 8 filters: every filter reads every input pixel, so dX sums "
                   "over F (with all weights 1 and dY all ones, dX = F × the participation "
                   "counts)."),
        fallback=msg("count the windows that contain an interior pixel (its participation count), "
                     "then how many filters read each window."),
        name=msg("your count"))
