"""Functions students hand to ex02.forward_one, written the way students write them: each
slip is a student's own code with the mistake in it."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip


# ----------------------------------------------------------------------------- right
def loops(x, k, r, c):
    total = 0.0
    for i in range(k.shape[0]):
        for j in range(k.shape[1]):
            total += x[r + i, c + j] * k[i, j]
    return total


def sliced(x, k, r, c):
    kh, kw = k.shape
    return np.sum(x[r:r + kh, c:c + kw] * k)


def as_float32(x, k, r, c):
    kh, kw = k.shape
    return np.float32(np.sum(x[r:r + kh, c:c + kw] * k))


def with_dot(x, k, r, c):
    kh, kw = k.shape
    return x[r:r + kh, c:c + kw].ravel() @ k.ravel()


def with_einsum(x, k, r, c):
    return np.einsum("ij,ij->", x[r:r + k.shape[0], c:c + k.shape[1]], k)


def one_element(x, k, r, c):
    return np.array([sliced(x, k, r, c)])  # a one-element array


def int_start(x, k, r, c):
    total = 0  # an int to start with: Python turns it into a float at the first product
    for i in range(k.shape[0]):
        for j in range(k.shape[1]):
            total += x[r + i, c + j] * k[i, j]
    return total


# ----------------------------------------------------------------------------- slips
def convolution(x, k, r, c):
    kh, kw = k.shape
    return np.sum(x[r:r + kh, c:c + kw] * np.flip(k))


def swapped(x, k, r, c):
    kh, kw = k.shape
    return np.sum(x[c:c + kh, r:r + kw] * k)


def kernel_t(x, k, r, c):
    kh, kw = k.shape
    return sum(x[r + i, c + j] * k[j, i] for i in range(kh) for j in range(kw))


def no_weights(x, k, r, c):
    kh, kw = k.shape
    return np.sum(x[r:r + kh, c:c + kw])


def kernel_sum(x, k, r, c):
    return np.sum(k)


def minus_one_both(x, k, r, c):
    kh, kw = k.shape
    return np.sum(x[r:r + kh - 1, c:c + kw - 1] * k[:-1, :-1])


def misses_column(x, k, r, c):
    return sum(x[r + i, c + j] * k[i, j] for i in range(k.shape[0]) for j in range(k.shape[1] - 1))


def misses_row(x, k, r, c):
    return sum(x[r + i, c + j] * k[i, j] for i in range(k.shape[0] - 1) for j in range(k.shape[1]))


def negative(x, k, r, c):
    return -sliced(x, k, r, c)


def mean(x, k, r, c):
    kh, kw = k.shape
    return np.mean(x[r:r + kh, c:c + kw] * k)


def largest(x, k, r, c):
    kh, kw = k.shape
    return np.max(x[r:r + kh, c:c + kw] * k)


def matmul(x, k, r, c):
    kh, kw = k.shape
    return np.sum(x[r:r + kh, c:c + kw] @ k)


def cast_int(x, k, r, c):
    return int(sliced(x, k, r, c))


def int_array(x, k, r, c):
    out = np.zeros(1, dtype=int)  # an int accumulator
    out[0] = sliced(x, k, r, c)
    return out[0]


def rounded(x, k, r, c):
    return round(float(sliced(x, k, r, c)))


def three_by_three(x, k, r, c):
    return np.sum(x[r:r + 3, c:c + 3] * k)  # the article's kernel size


def loops_three(x, k, r, c):
    return sum(x[r + i, c + j] * k[i, j] for i in range(3) for j in range(3))


def square(x, k, r, c):
    n = len(k)
    return np.sum(x[r:r + n, c:c + n] * k)


def axes_swapped(x, k, r, c):
    kw, kh = k.shape  # (width, height)
    return np.sum(x[r:r + kh, c:c + kw] * k)


def products(x, k, r, c):
    kh, kw = k.shape
    return x[r:r + kh, c:c + kw] * k  # forgot to add them up


def flips_in_place(x, k, r, c):
    k[:] = k[::-1, ::-1]  # "rotate" the kernel, in place
    k[:] = k[::-1, ::-1]  # ... and back: the caller's k was still written to
    x += 0.0
    k *= 2
    return sliced(x, k, r, c) / 2


def forgot_return(x, k, r, c):
    kh, kw = k.shape
    np.sum(x[r:r + kh, c:c + kw] * k)


def unfinished(x, k, r, c):
    return ...


def off_for_large(x, k, r, c):
    return sliced(x, k, r, c) + (x.shape[0] > 7)


CORPUS = [
    right(loops, why="two loops over the kernel"),
    right(sliced, why="slice and np.sum"),
    right(as_float32, why="a float32"),
    right(with_dot, why="flattened dot product"),
    right(with_einsum, why="einsum"),
    right(one_element, why="a one-element array"),
    right(int_start, why="total = 0, then float products"),
    right(lambda x, k, r, c: sliced(x.astype(np.float32), k.astype(np.float32), r, c),
          why="in float32"),
    slip(convolution, hint="slip.flipped", why="np.flip(k): true convolution"),
    slip(swapped, hint="slip.swapped", why="x[c:…, r:…]"),
    slip(kernel_t, hint="slip.kernel_transposed", why="k[j, i]"),
    slip(no_weights, hint="slip.inputs_alone", why="no kernel"),
    slip(kernel_sum, hint="slip.kernel_alone", why="np.sum(k)"),
    slip(minus_one_both, hint="slip.window_short", why="r:r+kh-1"),
    slip(misses_column, hint="slip.last_column", why="range(kw - 1)"),
    slip(misses_row, hint="slip.last_row", why="range(kh - 1)"),
    slip(negative, hint="slip.sign", why="a minus sign"),
    slip(mean, hint="slip.mean", why="np.mean"),
    slip(largest, hint="slip.max_product", why="np.max"),
    slip(matmul, hint="slip.matrix_product", why="@ instead of *"),
    slip(cast_int, hint="slip.whole_number", why="int(...)"),
    slip(int_array, hint="slip.whole_number", why="an int accumulator array"),
    slip(rounded, hint="slip.whole_number", why="round(...)"),
    slip(three_by_three, hint="slip.fixed_window", why="x[r:r+3, c:c+3]"),
    slip(loops_three, hint="slip.fixed_window", why="range(3) twice"),
    slip(square, hint="slip.square_kernel", why="len(k) for both axes"),
    slip(axes_swapped, hint="slip.kernel_axes_swapped", why="kw, kh = k.shape"),
    slip(products, hint="slip.no_sum", why="the products, not summed"),
    slip(flips_in_place, hint="core:case.changed_input", why="writes into k"),
    slip(forgot_return, hint="core:answer.returned_empty", why="no return"),
    slip(unfinished, hint="core:answer.returned_empty", why="the scaffold's return ..."),
    slip(sliced(np.ones((3, 3)), np.ones((3, 3)), 0, 0), hint="core:answer.not_callable",
         why="called it: passed a number"),
    slip(None, hint="core:answer.function_empty", why="nothing handed in"),
    other(off_for_large, why="wrong only for inputs taller than the notebook's"),
]
