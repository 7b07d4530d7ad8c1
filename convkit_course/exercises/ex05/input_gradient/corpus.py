"""Functions students hand to ex05.input_gradient, written the way students write them: the
notebook's recipe (zeros, pad or crop, rotate, correlate) or a scatter, each slip a student's
own code with the mistake in it."""
import numpy as np

import convkit as ck
from convkit_course.exercises._corpus import other, right, slip


def correlate(a, k):
    kh, kw = k.shape
    out = np.empty((a.shape[0] - kh + 1, a.shape[1] - kw + 1))
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            out[r, c] = np.sum(a[r:r + kh, c:c + kw] * k)
    return out


def spread(dz, s):
    out = np.zeros(((dz.shape[0] - 1) * s + 1, (dz.shape[1] - 1) * s + 1))
    out[::s, ::s] = dz
    return out


def pad_or_crop(a, before, after):
    a = np.pad(a, [(max(before, 0), max(after[0], 0)), (max(before, 0), max(after[1], 0))])
    return a[max(-before, 0):a.shape[0] - max(-after[0], 0),
             max(-before, 0):a.shape[1] - max(-after[1], 0)]


def recipe(rotate=True, zeros=True, crop=True, end_rows=True, kernel=None, gap=None,
           stride=None):
    """The notebook's recipe, with one step left out or changed (a student's slip)."""
    def input_gradient(dz, k, input_size, s, p):
        kk = k.shape[0]
        step = s if stride is None else stride
        a = spread(dz, (step if gap is None else gap)) if zeros else dz
        before = kk - 1 - (p if crop else 0)
        after = [before + ((input_size[i] + 2 * p - kk) - (dz.shape[i] - 1) * s
                           if end_rows else 0) for i in (0, 1)]
        kernel_used = kernel(k) if kernel else (k[::-1, ::-1] if rotate else k)
        return correlate(pad_or_crop(a, before, after), kernel_used)
    return input_gradient


def scatter(dz, k, input_size, s, p):
    h, w = input_size
    kk = k.shape[0]
    dxp = np.zeros((h + 2 * p, w + 2 * p))
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            dxp[a * s:a * s + kk, b * s:b * s + kk] += dz[a, b] * k
    return dxp[p:p + h, p:p + w]


def with_convkit_dilate(dz, k, input_size, s, p):
    """The notebook's dx_by_recipe, retyped (ck.direct.dilate, ck.conv2d_loops)."""
    a = ck.direct.dilate(dz, (s, s))
    reach = np.array(k.shape) - 1
    dropped = np.array(input_size) + 2 * p - (np.array(a.shape) + reach)
    before = reach - p
    a = pad_or_crop(a, int(before[0]), [int(before[0] + dropped[0]), int(before[1] + dropped[1])])
    return ck.conv2d_loops(a[None, None], k[::-1, ::-1][None, None].copy())[0, 0]


def nchw(dz, k, input_size, s, p):
    return scatter(dz, k, input_size, s, p)[None, None]


def scatter_fixed_stride(dz, k, input_size, s, p):
    return scatter(dz, k, input_size, 2, p)  # the stride of the notebook's picture


def crop_one(dz, k, input_size, s, p):
    h, w = input_size
    kk = k.shape[0]
    dxp = np.zeros((h + 2 * p, w + 2 * p))
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            dxp[a * s:a * s + kk, b * s:b * s + kk] += dz[a, b] * k
    return dxp[1:-1, 1:-1]  # the crop of padding 1, written in


def no_crop(dz, k, input_size, s, p):
    h, w = input_size
    kk = k.shape[0]
    dxp = np.zeros((h + 2 * p, w + 2 * p))
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            dxp[a * s:a * s + kk, b * s:b * s + kk] += dz[a, b] * k
    return dxp


def padding_on_off(dz, k, input_size, s, p):
    h, w = input_size
    kk = k.shape[0]
    dxp = np.zeros((h + 2 * p, w + 2 * p))
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            dxp[a * s:a * s + kk, b * s:b * s + kk] += dz[a, b] * k
    q = 1 if p else 0
    return dxp[q:q + h, q:q + w]


def crop_minus_p(dz, k, input_size, s, p):
    h, w = input_size
    kk = k.shape[0]
    dxp = np.zeros((h + 2 * p, w + 2 * p))
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            dxp[a * s:a * s + kk, b * s:b * s + kk] += dz[a, b] * k
    return dxp[p:-p, p:-p]  # empty when p = 0


def long_spread(dz, k, input_size, s, p):
    kk = k.shape[0]
    a = np.zeros((dz.shape[0] * s, dz.shape[1] * s))  # one stride per entry: S - 1 zeros too many
    a[::s, ::s] = dz
    before = kk - 1 - p
    after = [before + (input_size[i] + 2 * p - kk) - (dz.shape[i] - 1) * s for i in (0, 1)]
    return correlate(pad_or_crop(a, before, after), k[::-1, ::-1])


def full_then_crop(dz, k, input_size, s, p):
    """The padded input's gradient by a full correlation, padded to the padded input's size,
    then the padding cropped off."""
    h, w = input_size
    kk = k.shape[0]
    full = correlate(np.pad(spread(dz, s), kk - 1), k[::-1, ::-1])
    full = np.pad(full, [(0, h + 2 * p - full.shape[0]), (0, w + 2 * p - full.shape[1])])
    return full[p:p + h, p:p + w]


def transposed(dz, k, input_size, s, p):
    return scatter(dz, k, input_size, s, p).T


def size_swapped(dz, k, input_size, s, p):
    w, h = input_size  # (W, H)
    kk = k.shape[0]
    dxp = np.zeros((h + 2 * p + kk, w + 2 * p + kk))
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            dxp[a * s:a * s + kk, b * s:b * s + kk] += dz[a, b] * k
    return dxp[p:p + h, p:p + w]


def int_dx(dz, k, input_size, s, p):
    dx = np.zeros(input_size, dtype=int)
    dx[:, :] = scatter(dz, k, input_size, s, p)  # assigned into an int array: cut off
    return dx


def int_accumulate(dz, k, input_size, s, p):
    h, w = input_size
    kk = k.shape[0]
    dxp = np.zeros((h + 2 * p, w + 2 * p), dtype=int)
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            dxp[a * s:a * s + kk, b * s:b * s + kk] += dz[a, b] * k  # raises: float into int
    return dxp[p:p + h, p:p + w]


def averaged(dz, k, input_size, s, p):
    return scatter(dz, k, input_size, s, p) / k.size


def spreads_in_place(dz, k, input_size, s, p):
    k[:] = k[::-1, ::-1]  # rotates the caller's kernel
    return recipe(rotate=False)(dz, k, input_size, s, p)


def off_for_big(dz, k, input_size, s, p):
    return scatter(dz, k, input_size, s, p) + (input_size[0] > 10)


CORPUS = [
    right(scatter, why="every output scatters dZ x k"),
    right(recipe(), why="the recipe"),
    right(with_convkit_dilate, why="the notebook's helpers"),
    right(nchw, why="NCHW-wrapped"),
    right(full_then_crop, why="full correlation, then crop P"),
    right(lambda dz, k, size, s, p: scatter(dz.astype(np.float32), k.astype(np.float32), size, s,
                                            p).astype(np.float32), why="in float32"),
    right(lambda dz, k, size, s, p: scatter(dz, k, size, s, p).tolist(), why="a nested list"),
    slip(recipe(rotate=False), hint="slip.not_rotated", why="kernel as it is"),
    slip(recipe(kernel=np.flipud), hint="slip.flipped_one_axis", why="np.flipud(k)"),
    slip(recipe(kernel=lambda k: k[:, ::-1]), hint="slip.flipped_one_axis", why="k[:, ::-1]"),
    slip(recipe(kernel=lambda k: k.T), hint="slip.kernel_transposed", why="k.T"),
    slip(recipe(zeros=False), hint="slip.no_zeros", why="no zeros between dZ entries"),
    slip(lambda dz, k, size, s, p: recipe(gap=s + 1)(dz, k, size, s, p),
         hint="slip.zeros_s", why="spread by S + 1: S zeros"),
    slip(recipe(stride=2), hint="slip.stride_fixed", why="spread by 2 always"),
    slip(scatter_fixed_stride, hint="slip.stride_fixed", why="scatter with stride 2"),
    slip(lambda dz, k, size, s, p: scatter(dz, k, size, 1, p), hint="slip.stride_ignored",
         why="windows 1 apart"),
    slip(lambda dz, k, size, s, p: scatter(dz, k, size, s, 1), hint="slip.padding_fixed",
         why="padding 1 written in"),
    slip(recipe(crop=False), hint="slip.no_crop", why="pad by K - 1, no crop"),
    slip(no_crop, hint="slip.no_crop", why="the padded input's gradient"),
    slip(crop_one, hint="slip.crop_fixed", why="dxp[1:-1, 1:-1]"),
    slip(padding_on_off, hint="slip.padding_bool", why="crop 1 if padding else 0"),
    slip(recipe(end_rows=False), hint="slip.dropped_rows", why="no rows for the floor"),
    slip(crop_minus_p, hint="slip.crop_minus_p", why="dxp[p:-p, p:-p]"),
    slip(long_spread, hint="slip.spread_too_long", why="np.zeros((Ho * S, Wo * S))"),
    slip(transposed, hint="slip.transposed", why="dx.T"),
    slip(size_swapped, hint="slip.size_swapped", why="w, h = input_size"),
    slip(int_dx, hint="slip.int_array", why="an int dx"),
    slip(int_accumulate, hint="slip.int_array_raised", why="+= floats into an int array"),
    slip(averaged, hint="slip.divided", why="divided by K²"),
    slip(lambda dz, k, size, s, p: correlate(np.pad(spread(dz, s), k.shape[0] - 1 - p),
                                             k[::-1, ::-1]),
         hint="slip.negative_pad", why="np.pad by K - 1 - P, negative for a 1 x 1 kernel"),
    slip(spreads_in_place, hint="core:case.changed_input", why="rotates k in place"),
    slip(lambda dz, k, size, s, p: None, hint="core:answer.returned_empty", why="returns None"),
    slip(scatter(np.ones((1, 1)), np.ones((1, 1)), (1, 1), 1, 0),
         hint="core:answer.not_callable", why="called it: passed its result"),
    slip(None, hint="core:answer.function_empty", why="nothing handed in"),
    other(off_for_big, why="wrong only for inputs taller than 10"),
]
