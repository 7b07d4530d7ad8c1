"""What students hand to ex09.fft_correlation for x (10 samples) and k = [1, 0, -2]: the valid
correlation through np.fft, each slip a student's line with one step done wrong."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

x = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0])
k = np.array([1.0, 0.0, -2.0])
L, K = len(x), len(k)


def circ(kernel, length=L):
    return np.fft.irfft(np.fft.rfft(x, length) * np.fft.rfft(kernel, length), length)


RIGHT = circ(k[::-1])[K - 1:]

CORPUS = [
    right(RIGHT, why="flip, rfft, multiply, irfft, [K-1:]"),
    right(RIGHT.tolist(), why="a list"),
    right(np.fft.ifft(np.fft.fft(x) * np.fft.fft(k[::-1], L))[K - 1:],
          why="complex ifft, imaginary part round-off only"),
    right(circ(k[::-1], L + K - 1)[K - 1:L], why="padded to L + K - 1, kept [K-1:L]"),
    right(np.correlate(x, k, "valid"), why="np.correlate (to compare)"),
    slip(circ(k[::-1]), hint="slip.all_circular", why="all 10 outputs"),
    slip(circ(k), hint="slip.circular_unflipped", why="no flip, all outputs"),
    slip(circ(k)[K - 1:], hint="slip.convolution", why="no flip"),
    slip(circ(k[::-1])[:L - K + 1], hint="slip.wrapped_start", why="kept the start"),
    slip(circ(k)[:L - K + 1], hint="slip.unflipped_wrapped", why="no flip, kept the start"),
    slip(circ(k[::-1])[K - 1:] * L, hint="slip.scaled", why="multiplied by L after ifft"),
    slip(np.convolve(x, k, "valid")[::-1], hint="slip.reversed", why="no flip, reversed"),
    slip(RIGHT[::-1], hint="slip.reversed_output", why="the output reversed"),
    slip(np.correlate(x, k, "full"), hint="slip.full", why="the full correlation"),
    slip(circ(k[::-1], L + K - 1)[K - 1:], hint="slip.padded_tail", why="padded, kept [K-1:]"),
    slip(circ(k[::-1], L + K - 1), hint="slip.padded_all", why="padded, kept everything"),
    slip(np.fft.ifft(np.fft.fft(x) * np.fft.fft(k[::-1], L))[K - 1:] + 0.5j,
         hint="core:answer.imaginary", why="an imaginary part that is not round-off"),
    slip(-RIGHT, hint="core:compare.sign", why="k negated"),
    other(RIGHT + 1, why="a stray + 1"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
