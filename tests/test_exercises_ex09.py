"""ex09 checkers: the right answer (computed here, independently) passes; typical mistakes get
their specific hint."""
import numpy as np
import pytest

from convkit_course.exercises import ex09


def verdict_says(verdict, hint):
    assert not verdict
    assert str(verdict).startswith("✘ Not yet") and hint in str(verdict), str(verdict)


# ---------------------------------------------------------------- 1: Winograd F(2, 3) products
D, G = ex09.f23_problem()
BT_D = np.array([D[0] - D[2], D[1] + D[2], D[2] - D[1], D[1] - D[3]])
G_G = np.array([G[0], (G[0] + G[1] + G[2]) / 2, (G[0] - G[1] + G[2]) / 2, G[2]])


def test_products_right_answer():
    m = BT_D * G_G
    # the products must reproduce the two correlation outputs through Aᵀ
    assert [m[0] + m[1] + m[2], m[1] - m[2] - m[3]] == list(np.correlate(D, G, "valid"))
    verdict = ex09.winograd_products(m)
    assert verdict and str(verdict).startswith("✔ Correct")
    assert ex09.winograd_products(list(m))   # a plain list is fine too


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"),
    (BT_D, "Bᵀ d alone"),
    (G_G, "G g alone"),
    (BT_D * np.array([G[2], (G[2] + G[1] + G[0]) / 2, (G[2] - G[1] + G[0]) / 2, G[0]]), "flipped the kernel"),
    (2 * BT_D * G_G, "halves"),
    (np.correlate(D, G, "valid"), "two outputs"),
    (BT_D * G_G + [0, 0, 0, 1], "1 of 4 entries differ"),
    (np.ones(3), "shape (3,)"),
])
def test_products_wrong_answers(answer, hint):
    verdict_says(ex09.winograd_products(answer), hint)


# ---------------------------------------------------------------- 2: correlation through the FFT
X, K = ex09.fft_problem()
N, M = len(X), len(K)
FLIPPED = np.real(np.fft.ifft(np.fft.fft(X) * np.fft.fft(K[::-1], N)))   # full-spectrum FFT route
PLAIN = np.real(np.fft.ifft(np.fft.fft(X) * np.fft.fft(K, N)))


def test_fft_right_answer():
    expected = [sum(X[i + j] * K[j] for j in range(M)) for i in range(N - M + 1)]
    np.testing.assert_allclose(FLIPPED[M - 1:], expected, atol=1e-12)
    verdict = ex09.fft_correlation(FLIPPED[M - 1:])
    assert verdict and str(verdict).startswith("✔ Correct")


@pytest.mark.parametrize("answer, hint", [
    (None, "still empty"),
    (FLIPPED, "kept all 10 circular outputs"),
    (PLAIN, "whole circular convolution"),
    (PLAIN[M - 1:], "convolution, not correlation"),
    (FLIPPED[:N - M + 1], "wrapped around"),
    (PLAIN[:N - M + 1], "not flipped and you kept the wrapped-around start"),
    (FLIPPED[M - 1:] + 1, "8 of 8 entries differ"),
    (FLIPPED[M:], "shape (7,)"),
])
def test_fft_wrong_answers(answer, hint):
    verdict_says(ex09.fft_correlation(answer), hint)


# ---------------------------------------------------------------- 3: Winograd multiply count
RIGHT = 2 * 32 * 16 * 16 * 25   # images x filters x channels x 16 per tile x (10/2)^2 tiles


def test_count_right_answer():
    assert RIGHT == 409600
    verdict = ex09.winograd_count(RIGHT)
    assert verdict and "2.25x" in str(verdict)
    assert ex09.winograd_count(np.int64(RIGHT))


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"),
    ("409600", "remove the quotes"),
    (True, "truth value"),
    (2 * 32 * 16 * 9 * 100, "direct / im2col count"),
    (32 * 16 * 16 * 25, "left out the batch"),
    (2 * 16 * 16 * 25, "left out the filters"),
    (2 * 32 * 16 * 25, "left out the input channels"),
    (2 * 32 * 16 * 16 * 16, "10x10, not 8x8"),
    (2 * 32 * 16 * 16 * 100, "whole 2x2 tile"),
    (12345, "count tiles"),
])
def test_count_wrong_answers(answer, hint):
    verdict_says(ex09.winograd_count(answer), hint)
