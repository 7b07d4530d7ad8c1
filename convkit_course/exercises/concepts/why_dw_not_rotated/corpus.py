"""What students answer for concepts.why_dw_not_rotated (notebook 04): one letter of a–d."""
from convkit_course.exercises._corpus import right, slip

CORPUS = [
    right("b", why="the indices grow together"),
    right("B", why="a capital"),
    right(" (b) ", why="with brackets and spaces"),
    right("b.", why="with a full stop"),
    slip("a", hint="slip.a", why="the example's kernel is symmetric"),
    slip("(a)", hint="slip.a", why="(a)"),
    slip("c", hint="slip.c", why="padding flips dZ"),
    slip("C", hint="slip.c", why="(c), a capital"),
    slip("d", hint="slip.d", why="a convention"),
    slip("d ", hint="slip.d", why="(d) and a space"),
    slip("b, d", hint="form.several", why="two letters"),
    slip("bc", hint="form.several", why="two letters run together"),
    slip("e", hint="form.not_a_letter", why="not an option"),
    slip("the indices", hint="form.not_a_letter", why="words"),
    slip(2, hint="form.not_text", why="the option's number"),
    slip(b"b", hint="form.not_text", why="bytes"),
    slip(None, hint="form.empty", why="the scaffold, unfilled"),
    slip(..., hint="form.empty", why="the scaffold's ..."),
]
