"""convkit — the convolution layer, forward and backward, two ways.

实力派 (direct, from the definition) and 偶像派 (im2col + one matrix product).
Arrays are NumPy, NCHW; weights are (F, C/groups, KH, KW).

The maths library alone: it depends on numpy and imports nothing of the course.  The course
machinery beside it (checkers, diagrams, the explorer, datasets, the benchmark) is the
package ``convkit_course``.
"""
from .geometry import output_size
from .direct import conv2d_direct, conv2d_direct_backward, conv2d_loops, conv2d_loops_backward
from .im2col_gemm import col2im, conv2d_im2col, conv2d_im2col_backward, im2col
from .layer import Conv2d
from .gradcheck import numerical_gradient, rel_error
from .fftconv import conv2d_fft, conv2d_fft_backward
from .winograd import conv2d_winograd, conv2d_winograd_backward
from .nn import ReLU, MaxPool2d, Flatten, Linear, SoftmaxCrossEntropy, SGD, Sequential
from .trace import (forward_map, im2col_indices, input_grad_map, participation_counts,
                    weight_grad_map)
from . import auto, fast, fast_fft, fast_winograd, memory, methods, trace


__version__ = "0.1.0"

__all__ = [
    "output_size",
    "conv2d_direct", "conv2d_direct_backward", "conv2d_loops", "conv2d_loops_backward",
    "conv2d_im2col", "conv2d_im2col_backward", "im2col", "col2im",
    "Conv2d", "numerical_gradient", "rel_error",
    "conv2d_fft", "conv2d_fft_backward", "conv2d_winograd", "conv2d_winograd_backward",
    "ReLU", "MaxPool2d", "Flatten", "Linear", "SoftmaxCrossEntropy", "SGD", "Sequential",
    "participation_counts", "im2col_indices", "forward_map", "input_grad_map", "weight_grad_map",
]
