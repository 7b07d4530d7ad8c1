"""Checkers for notebook 08 (speed: FLOPs, the memory price of im2col, the stride-1 trick).

Each expected answer is written out here from the formulas, never taken from the convkit
function the exercise is about.
"""
from __future__ import annotations

import numpy as np

from ._core import (as_number, checker, compare_array, correct, fallback, fmt, judge_number, msg,
                    not_yet)

__all__ = ["forward_flops", "im2col_bytes", "flat_runs"]


# --------------------------------------------------------------------------- exercise 1
# x (8, 3, 32, 32), w (16, 3, 3, 3), stride 1, padding 1 -> y (8, 16, 32, 32)
_N, _C, _H, _F, _K = 8, 3, 32, 16, 3


@checker
def forward_flops(answer):
    """FLOPs of one forward pass for x (8, 3, 32, 32), w (16, 3, 3, 3), stride 1, padding 1."""
    out = _H + 2 * 1 - _K + 1                                   # 32: padding 1 keeps the size
    expected = 2 * _N * _F * _C * _K * _K * out * out
    hints = {
        expected // 2: msg("that counts multiply-adds; a FLOP count takes 2 per multiply-add "
                           "(one multiply, one add)."),
        2 * _N * _F * _C * _K * _K * 30 * 30: msg("with padding 1 the output stays 32x32 (30x30 "
                                                  "is the size without padding)."),
        2 * _F * _C * _K * _K * out * out: msg("you left out the batch: all 8 images are "
                                               "convolved."),
        2 * _N * _F * _K * _K * out * out: msg("you left out the input channels: every output "
                                               "sums over C x KH x KW = 27 products."),
        2 * _N * _C * _K * _K * out * out: msg("you left out the filters: each of the 16 filters "
                                               "makes its own output channel."),
        2 * _N * _F * _C * out * out: msg("you left out the kernel: every output sums KH x KW = "
                                          "9 taps per channel."),
        _N * _F * _C * _K * _K * 30 * 30: msg("two slips: multiply-adds instead of FLOPs (x 2), "
                                              "and the 30x30 output of an unpadded input (padding "
                                              "1 keeps 32x32)."),
        2 * _N * _F * _C * _K * _K * _H * _H * 4: msg("that looks like bytes, not FLOPs: there "
                                                      "is no 4 bytes per value in a FLOP "
                                                      "count."),
    }
    return judge_number(answer, expected, hints,
                        praise=msg("2 x 8 x 16 x 3 x 9 x 32 x 32 = {flops} FLOPs ({mflop} "
                                   "MFLOP).", flops=f"{expected:,}", mflop=f"{expected / 1e6:.1f}"),
                        fallback=msg("count outputs (N x F x Ho x Wo), multiply by the products "
                                     "per output (C x KH x KW), and by 2 FLOPs per "
                                     "multiply-add."))


# --------------------------------------------------------------------------- exercise 2
# x (16, 64, 56, 56) float32, 3x3 kernel, stride 2, padding 1 -> Ho = Wo = 28
_N2, _C2, _H2, _K2, _S2, _P2, _ITEM = 16, 64, 56, 3, 2, 1, 4


@checker
def im2col_bytes(answer):
    """Bytes of the im2col matrix of x (16, 64, 56, 56) float32, 3x3 kernel, stride 2, padding 1."""
    out = (_H2 + 2 * _P2 - _K2) // _S2 + 1                      # 28
    rows = _C2 * _K2 * _K2
    expected = _N2 * rows * out * out * _ITEM
    hints = {
        _N2 * rows * 56 * 56 * _ITEM: msg("stride 2 makes the output (56 + 2 - 3) // 2 + 1 = 28 "
                                          "wide, so there are 28 x 28 columns per image, not "
                                          "56 x 56."),
        _N2 * rows * out * out * 8: msg("float32 takes 4 bytes per value (8 is float64)."),
        _N2 * rows * out * out: msg("that is the number of values; each float32 takes 4 bytes."),
        _N2 * _C2 * out * out * _ITEM: msg("you left out the kernel: every column holds C x KH x "
                                           "KW = 576 values, one per weight."),
        rows * out * out * _ITEM: msg("that is one image; the batch has 16."),
        _N2 * rows * 29 * 29 * _ITEM: msg("the floor in the output-size formula: (56 + 2 - 3) / "
                                          "2 = 27.5 rounds down to 27, plus 1 gives 28."),
        _N2 * rows * 27 * 27 * _ITEM: msg("27 x 27 forgets the padding: (56 + 2·1 - 3) // 2 + 1 "
                                          "= 28."),
        _N2 * _C2 * _H2 * _H2 * _ITEM: msg("that is the input's size in bytes; im2col copies "
                                           "every pixel into each window that covers it."),
    }
    input_bytes = _N2 * _C2 * _H2 * _H2 * _ITEM
    return judge_number(answer, expected, hints,
                        praise=msg("{bytes} bytes ({mb} MB) for an input of {input_mb} MB: "
                                   "{ratio}x. With stride 2 each pixel is copied about K²/S² = "
                                   "2.25 times, not 9.", bytes=f"{expected:,}",
                                   mb=f"{expected / 1e6:.1f}", input_mb=f"{input_bytes / 1e6:.1f}",
                                   ratio=f"{expected / input_bytes:.2f}"),
                        fallback=msg("N x (C x KH x KW) x (Ho x Wo) values, 4 bytes each, with Ho "
                                     "from the output-size formula."))


# --------------------------------------------------------------------------- exercise 3
# The article's example: a 5x5 input, a 3x3 kernel, stride 1, padding 0 -> a 3x3 output.
@checker
def flat_runs(starts, length):
    """Start of each tap's run in the flattened 5x5 image (row-major taps), and the run length."""
    h = w = 5
    k = 3
    ho = wo = h - k + 1
    expected_starts = np.array([i * w + j for i in range(k) for j in range(k)])
    expected_length = (ho - 1) * w + wo
    verdict = compare_array(starts, expected_starts, msg("starts"), mistakes=[
        (np.array([i * wo + j for i in range(k) for j in range(k)]),
         msg("rows of the flattened image are W = 5 values long (the input's width), not Wo = 3: "
             "moving one kernel row down skips a whole image row, so tap (i, j) starts at "
             "i*5 + j.")),
        (np.array([j * w + i for i in range(k) for j in range(k)]),
         msg("taps go row by row (i is the kernel row): tap (i, j) starts at i*5 + j, so the "
             "second tap is (0, 1) at 1.")),
        (expected_starts + (ho - 1) * w + wo - 1,
         msg("those are the pixels of the last output's window; each tap's run starts at the "
             "first output's pixel, i*5 + j.")),
        (expected_starts + 1,
         msg("every start is 1 too big: the flattened image counts from 0.")),
        (np.array([i * w + j for i in range(k) for j in range(k)]) * k,
         msg("the starts are offsets in the image, i*W + j, not multiples of K.")),
    ])
    if not verdict:
        return verdict
    length = as_number(length, msg("length"), whole=True)
    if length == expected_length:
        return correct(msg("the starts are the first row of the article's im2col index matrix "
                           "(0 1 2 5 6 7 10 11 12), and 13 = (Ho-1)*W + Wo values cover all 3 "
                           "output rows: each tap's patch is one slice, no copy."))
    hints = {
        ho * wo: msg("9 = Ho*Wo counts outputs; in the flattened image the 3 output rows sit 5 "
                     "apart, so the run spans (Ho-1)*W + Wo values."),
        ho * w: msg("15 = Ho*W would run 2 values past the end of the image for the last tap "
                    "(start 12); the last row needs only Wo = 3 values: (Ho-1)*W + Wo."),
        h * w: msg("25 is the whole image; a tap's run covers only Ho = 3 rows: (Ho-1)*W + Wo."),
        (ho - 1) * w + wo - 1: msg("12 stops one short: the run includes both its first and its "
                                   "last value, (Ho-1)*W + Wo = 13."),
        (ho - 1) * w: msg("10 = (Ho-1)*W reaches the start of the last output row; add its Wo = "
                          "3 values."),
    }
    if length in hints:
        return not_yet(hints[length])
    return fallback(msg("length {length} is not it: from the first output's pixel to the last "
                        "one's, Ho-1 full image rows of W values plus Wo values.",
                        length=fmt(length)))
