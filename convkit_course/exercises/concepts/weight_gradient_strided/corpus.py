"""Functions students hand to concepts.weight_gradient_strided, written the way students write
them: notebook 05's dW recipe (pad X, spread dZ, correlate, read at step D, keep KH × KW), or
the chain rule as loops — each slip a student's own code with the mistake in it."""
import numpy as np

import convkit as ck
from convkit_course.exercises._corpus import other, right, slip


def correlate(a, k, step=1):
    kh, kw = k.shape
    ho, wo = (a.shape[0] - kh) // step + 1, (a.shape[1] - kw) // step + 1
    return np.array([[np.sum(a[r * step:r * step + kh, c * step:c * step + kw] * k)
                      for c in range(wo)] for r in range(ho)])


def spread(a, s):
    out = np.zeros(((a.shape[0] - 1) * s + 1, (a.shape[1] - 1) * s + 1))
    out[::s, ::s] = a
    return out


def recipe(stride_of=None, step_of=None, pad_of=None, keep=None, kernel=None, post=None):
    """The recipe with one step changed: ``*_of(s, p, d, kernel_size)`` picks the number used."""
    def weight_gradient(x, dz, kernel_size, stride, padding, dilation):
        kh, kw = kernel_size
        s = stride_of(stride, padding, dilation, kernel_size) if stride_of else stride
        step = step_of(stride, padding, dilation, kernel_size) if step_of else dilation
        p = pad_of(stride, padding, dilation, kernel_size) if pad_of else padding
        dzs = spread(dz, s)
        corr = correlate(np.pad(x, p), kernel(dzs) if kernel else dzs, step)
        dw = corr[:kh, :kw] if keep is None else keep(corr, kh, kw)
        return post(dw) if post else dw
    return weight_gradient


def long_spread(x, dz, kernel_size, stride, padding, dilation):
    kh, kw = kernel_size
    dzs = np.zeros((dz.shape[0] * stride, dz.shape[1] * stride))  # S - 1 zeros too many
    dzs[::stride, ::stride] = dz
    return correlate(np.pad(x, padding), dzs, dilation)[:kh, :kw]


def by_loops(x, dz, kernel_size, stride, padding, dilation):
    kh, kw = kernel_size
    xp = np.pad(x, padding)
    dw = np.zeros((kh, kw))
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            for i in range(kh):
                for j in range(kw):
                    dw[i, j] += dz[a, b] * xp[a * stride + i * dilation, b * stride + j * dilation]
    return dw


def one_liner(x, dz, kernel_size, stride, padding, dilation):
    """Notebook 05: a forward pass with dZ as the kernel, dilation S, stride D."""
    kh, kw = kernel_size
    return ck.conv2d_direct(x[None, None], dz[None, None], padding=padding, dilation=stride,
                            stride=dilation)[0, 0, :kh, :kw]


def int_accumulator(x, dz, kernel_size, stride, padding, dilation):
    kh, kw = kernel_size
    dw = np.zeros((kh, kw), dtype=int)
    dw[:, :] = by_loops(x, dz, kernel_size, stride, padding, dilation)
    return dw


def looks_like_dx(x, dz, kernel_size, stride, padding, dilation):
    return np.zeros_like(x)


def swapped_sizes(x, dz, kernel_size, stride, padding, dilation):
    kw, kh = kernel_size  # (width, height)
    corr = correlate(np.pad(x, padding), spread(dz, stride), dilation)
    return corr[:kh, :kw]


def mutates_x(x, dz, kernel_size, stride, padding, dilation):
    x[:] = x - x.mean()  # "centre the input" first: changes the caller's x
    return by_loops(x + x.mean(), dz, kernel_size, stride, padding, dilation)


def off_for_large(x, dz, kernel_size, stride, padding, dilation):
    return by_loops(x, dz, kernel_size, stride, padding, dilation) + (x.shape[0] > 10)


CORPUS = [
    right(recipe(), why="the recipe"),
    right(by_loops, why="the chain rule as loops"),
    right(one_liner, why="dilation S, stride D"),
    right(lambda x, dz, *a: by_loops(x.astype(np.float32), dz.astype(np.float32),
                                     *a).astype(np.float32), why="in float32"),
    right(lambda *a: recipe()(*a)[None, None], why="NCHW-wrapped"),
    right(lambda *a: recipe()(*a).tolist(), why="a nested list"),
    slip(recipe(stride_of=lambda s, p, d, k: 1), hint="slip.no_stride", why="no spread"),
    slip(recipe(pad_of=lambda s, p, d, k: 0), hint="slip.no_padding", why="x not padded"),
    slip(recipe(step_of=lambda s, p, d, k: 1), hint="slip.no_dilation", why="read every position"),
    slip(recipe(stride_of=lambda s, p, d, k: d, step_of=lambda s, p, d, k: s),
         hint="slip.swapped", why="spread by D, step S"),
    slip(recipe(stride_of=lambda s, p, d, k: d), hint="slip.spread_by_dilation",
         why="spread by D"),
    slip(recipe(step_of=lambda s, p, d, k: s), hint="slip.step_stride", why="step S"),
    slip(recipe(stride_of=lambda s, p, d, k: s + 1), hint="slip.zeros_s", why="S zeros"),
    slip(recipe(stride_of=lambda s, p, d, k: 2), hint="slip.stride_fixed", why="spread by 2"),
    slip(recipe(step_of=lambda s, p, d, k: 2), hint="slip.dilation_fixed", why="step 2"),
    slip(long_spread, hint="slip.spread_too_long", why="np.zeros((Ho * S, Wo * S))"),
    slip(recipe(pad_of=lambda s, p, d, k: 1 if p else 0), hint="slip.padding_bool",
         why="padding on/off"),
    slip(recipe(pad_of=lambda s, p, d, k: 2), hint="slip.padding_fixed", why="np.pad(x, 2)"),
    slip(recipe(pad_of=lambda s, p, d, k: d * (k[0] - 1)), hint="slip.pad_like_dx",
         why="padded by D(K - 1)"),
    slip(recipe(keep=lambda corr, kh, kw: corr[:3, :3]), hint="slip.kernel_fixed",
         why="corr[:3, :3]"),
    slip(recipe(kernel=lambda k: k[::-1, ::-1]), hint="slip.flipped_dz", why="rot180(dZ)"),
    slip(recipe(post=lambda dw: dw[::-1, ::-1]), hint="slip.rotated", why="dw rotated"),
    slip(recipe(post=lambda dw: dw.T), hint="slip.transposed", why="dw.T"),
    slip(recipe(keep=lambda corr, kh, kw: corr), hint="slip.uncropped", why="no [:kh, :kw]"),
    slip(recipe(keep=lambda corr, kh, kw: corr[-kh:, -kw:]), hint="slip.last_entries",
         why="corr[-kh:, -kw:]"),
    slip(lambda x, dz, *a: by_loops(x, dz, *a) / dz.size, hint="slip.mean",
         why="divided by the outputs"),
    slip(int_accumulator, hint="slip.int_array", why="an int dw"),
    slip(looks_like_dx, hint="slip.dx_shape", why="x's shape"),
    slip(swapped_sizes, hint="slip.kernel_size_swapped", why="kw, kh = kernel_size"),
    slip(mutates_x, hint="core:case.changed_input", why="centres x in place"),
    slip(lambda *a: None, hint="core:answer.returned_empty", why="returns None"),
    slip(lambda *a: ..., hint="core:answer.returned_empty", why="the scaffold's ..."),
    slip(lambda x: x, hint="core:answer.raised", why="one argument only"),
    slip(None, hint="core:answer.function_empty", why="nothing handed in"),
    other(off_for_large, why="wrong only for inputs taller than 10"),
]
