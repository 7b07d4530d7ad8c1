"""Functions students hand to ex07.conv_transpose(y, k, stride), each written the way a student
writes it (a slip is one line of the student's own code)."""
import numpy as np

import convkit as ck
from convkit_course.exercises._corpus import other, right, slip


# ----------------------------------------------------------------------------- right
def scatter(y, k, stride):
    K = k.shape[0]
    out = np.zeros(((y.shape[0] - 1) * stride + K, (y.shape[1] - 1) * stride + K))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i * stride:i * stride + K, j * stride:j * stride + K] += y[i, j] * k
    return out


def by_kernel_taps(y, k, stride):
    """Loop over the kernel instead: tap (a, b) adds k[a, b]·y onto a strided slice."""
    K = k.shape[0]
    h, w = y.shape
    out = np.zeros(((h - 1) * stride + K, (w - 1) * stride + K))
    for a in range(K):
        for b in range(K):
            out[a:a + (h - 1) * stride + 1:stride, b:b + (w - 1) * stride + 1:stride] += k[a, b] * y
    return out


def zero_insert_recipe(y, k, stride):
    """Notebook 05's recipe: zeros between the entries, pad K-1, correlate with the rotated k."""
    K = k.shape[0]
    d = np.zeros(((y.shape[0] - 1) * stride + 1, (y.shape[1] - 1) * stride + 1))
    d[::stride, ::stride] = y
    d = np.pad(d, K - 1)
    kr = k[::-1, ::-1]
    return np.array([[np.sum(d[r:r + K, c:c + K] * kr) for c in range(d.shape[1] - K + 1)]
                     for r in range(d.shape[0] - K + 1)])


def with_convkit(y, k, stride):
    K = k.shape[0]
    size = ((y.shape[0] - 1) * stride + K, (y.shape[1] - 1) * stride + K)
    return ck.conv2d_direct_backward(y[None, None], np.zeros((1, 1) + size), k[None, None],
                                     stride=stride)[0]   # (1, 1, H, W): fine by the shape rule


def as_lists(y, k, stride):
    return scatter(y, k, stride).tolist()


# ----------------------------------------------------------------------------- slips
def rotated(y, k, stride):
    return scatter(y, k[::-1, ::-1], stride)


def assigned(y, k, stride):
    K = k.shape[0]
    out = np.zeros(((y.shape[0] - 1) * stride + K, (y.shape[1] - 1) * stride + K))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i * stride:i * stride + K, j * stride:j * stride + K] = y[i, j] * k
    return out


def kernel_transposed(y, k, stride):
    return scatter(y, k.T, stride)


def output_transposed(y, k, stride):
    return scatter(y, k, stride).T


def no_stride(y, k, stride):
    return scatter(y, k, 1)


def placed_at_ij(y, k, stride):
    K = k.shape[0]
    out = np.zeros(((y.shape[0] - 1) * stride + K, (y.shape[1] - 1) * stride + K))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i:i + K, j:j + K] += y[i, j] * k          # forgot the stride here
    return out


def too_long(y, k, stride):
    K = k.shape[0]
    out = np.zeros((y.shape[0] * stride + K - 1, y.shape[1] * stride + K - 1))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i * stride:i * stride + K, j * stride:j * stride + K] += y[i, j] * k
    return out


def zeros_only(y, k, stride):
    d = np.zeros(((y.shape[0] - 1) * stride + 1, (y.shape[1] - 1) * stride + 1))
    d[::stride, ::stride] = y
    return d


def stride_two(y, k, stride):
    return scatter(y, k, 2)


def kernel_three(y, k, stride):
    out = np.zeros(((y.shape[0] - 1) * stride + 3, (y.shape[1] - 1) * stride + 3))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i * stride:i * stride + 3, j * stride:j * stride + 3] += y[i, j] * k
    return out


def zero_insert_unrotated(y, k, stride):
    """The recipe with the rotation forgotten."""
    return zero_insert_recipe(y, k[::-1, ::-1], stride)


def in_place(y, k, stride):
    k *= 1.0
    y[...] = y * 1.0
    k[...] = k[::-1, ::-1].copy()           # "rotate" the caller's kernel ...
    return scatter(y, k[::-1, ::-1], stride)   # ... and back: right numbers, k changed


def off_on_big(y, k, stride):
    out = scatter(y, k, stride)
    if y.size > 8:
        out[0, 0] += 1                       # a stray edge case
    return out


CORPUS = [
    right(scatter, why="the scatter loop"),
    right(by_kernel_taps, why="a loop over the kernel taps"),
    right(zero_insert_recipe, why="notebook 05's zero-insertion recipe"),
    right(with_convkit, why="the input gradient, (1, 1, H, W)"),
    right(as_lists, why="returns a nested list"),
    slip(rotated, hint="slip.rotated", why="rotated the kernel"),
    slip(zero_insert_unrotated, hint="slip.rotated", why="the recipe without the rotation"),
    slip(assigned, hint="slip.assigned", why="= instead of +="),
    slip(kernel_transposed, hint="slip.kernel_transposed", why="k.T"),
    slip(output_transposed, hint="slip.output_transposed", why="out.T"),
    slip(no_stride, hint="slip.no_stride", why="copies side by side"),
    slip(placed_at_ij, hint="slip.placed_at_ij", why="right size, placed at (i, j)"),
    slip(too_long, hint="slip.too_long", why="h·stride + K - 1"),
    slip(zeros_only, hint="slip.zeros_only", why="only the zero insertion"),
    slip(stride_two, hint="slip.stride_fixed", why="stride hard-coded to 2"),
    slip(kernel_three, hint="core:answer.raised", why="K hard-coded to 3"),
    slip(in_place, hint="core:case.changed_input", why="rotates the caller's kernel in place"),
    other(off_on_big, why="wrong only on larger maps"),
    slip(scatter(np.ones((2, 2)), np.ones((3, 3)), 2), hint="core:answer.not_callable",
         why="handed in an output, not the function"),
    slip(None, hint="core:answer.function_empty", why="nothing handed in"),
    slip(..., hint="core:answer.function_empty", why="the scaffold's ..."),
]
