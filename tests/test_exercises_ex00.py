import pytest

from convkit_course.exercises import ex00


def test_right_answer():
    verdict = ex00.article_output_size(3)
    assert verdict and "5 - 3 + 1" in str(verdict)


@pytest.mark.parametrize("answer, hint", [
    (..., "still empty"), (2, "add 1"), (5, "input's width"), (9, "number of output pixels"),
    ("3", "remove the quotes"), (4, "4th window"), (11, "must stay inside"),
])
def test_wrong_answers_get_specific_hints(answer, hint):
    verdict = ex00.article_output_size(answer)
    assert not verdict
    assert str(verdict).startswith("✘ Not yet") and hint in str(verdict)
