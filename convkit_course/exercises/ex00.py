"""Checkers for notebook 00 (a warm-up that shows how checkers answer)."""
from ._core import checker, judge_number, msg

__all__ = ["article_output_size"]


@checker
def article_output_size(answer):
    """The article's 5x5 input and 3x3 kernel (stride 1, no padding): how wide is the output?"""
    hints = {
        2: msg("you computed I - K = 2; count the window positions: it starts at columns 0, 1 "
               "and 2, so add 1."),
        5: msg("5 is the input's width; a 3-wide window fits in fewer places."),
        9: msg("9 is the number of output pixels (3 x 3); the question asks for the width."),
        4: msg("4 would need a 4th window starting at column 3, reaching columns 3, 4 and 5 — "
               "but the input has columns 0..4 only."),
        8: msg("8 = I + K: the kernel's width is taken away, not added: 5 - 3 + 1."),
        7: msg("7 = I + K - 1 is the size of a 'full' correlation (the input padded by K - 1 on "
               "both sides); without padding the window stays inside: 5 - 3 + 1."),
        1: msg("1 would be a window as wide as the input; a 3-wide window slides over 5 columns."),
        25: msg("25 is the number of input pixels (5 x 5); the question asks for the output's "
                "width."),
        15: msg("15 = 5 x 3 multiplies two sizes; the output width is I - K + 1."),
    }
    return judge_number(answer, 3, hints, praise=msg("O = I - K + 1 = 5 - 3 + 1 = 3."),
                        fallback=msg("the window is 3 wide and must stay inside the 5 columns."))
