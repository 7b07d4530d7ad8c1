"""Checkers for notebook 00 (a warm-up that shows how checkers answer)."""
from ._core import correct, not_yet

__all__ = ["article_output_size"]


def article_output_size(answer):
    """The article's 5x5 input and 3x3 kernel (stride 1, no padding): how wide is the output?"""
    if answer is None or answer is Ellipsis:
        return not_yet("answer is still empty: replace the ... with a number.")
    if not isinstance(answer, (int, float)) or isinstance(answer, bool):
        return not_yet(f"answer should be a number, got {type(answer).__name__}.")
    if answer == 3:
        return correct("O = I - K + 1 = 5 - 3 + 1 = 3.")
    if answer == 2:
        return not_yet("you computed I - K = 2; count the window positions: it starts at "
                       "columns 0, 1 and 2, so add 1.")
    if answer == 5:
        return not_yet("5 is the input's width; a 3-wide window fits in fewer places.")
    if answer == 9:
        return not_yet("9 is the number of output pixels (3 x 3); the question asks for the width.")
    return not_yet(f"{answer} is not it: the window is 3 wide and must stay inside the 5 columns.")
