"""The harness every function checker runs a student's code through (``_harness.py``): inputs
copied and compared after the call, a second call that must agree, hidden cases named when
only they fail, a slip named when it explains every result."""
from __future__ import annotations

import numpy as np
import pytest

from convkit_course.exercises._core import CORE, Reject, as_array, as_number, checker
from convkit_course.exercises._harness import (Case, InputGuard, call_guarded, check_function,
                                               same_value)

WHERE = CORE("name.answer")  # any message will do as the words that name a case


def reject_of(call):
    with pytest.raises(Reject) as caught:
        call()
    return caught.value


# --------------------------------------------------------------------------- in-place changes
def test_a_function_that_changes_its_input_in_place_is_named_and_the_caller_keeps_its_array():
    def scale_in_place(x):
        x *= 2
        return x

    x = np.arange(4.0)
    reject = reject_of(lambda: call_guarded(scale_in_place, (x,), where=WHERE, names=("x",)))
    assert "core:case.changed_input" in reject.verdict.message_ids()
    assert "`x`" in reject.verdict.render(markdown=True)
    np.testing.assert_array_equal(x, np.arange(4.0))  # the checker passed a copy


def test_a_rotated_kernel_in_place_is_caught_even_when_the_result_is_right():
    def flip_then_unflip_wrongly(x, k):
        k[:] = k[::-1, ::-1].copy()  # rotates the caller's kernel, keeps the rotation
        return float(np.sum(x[:3, :3] * k[::-1, ::-1]))

    x, k = np.arange(25.0).reshape(5, 5), np.arange(9.0).reshape(3, 3)
    reject = reject_of(lambda: call_guarded(flip_then_unflip_wrongly, (x, k), where=WHERE,
                                            names=("x", "k")))
    assert "core:case.changed_input" in reject.verdict.message_ids()
    assert "`k`" in reject.verdict.render(markdown=True)


def test_state_kept_between_calls_is_caught():
    calls = []

    def counts(x):
        calls.append(1)
        return x + len(calls)

    reject = reject_of(lambda: call_guarded(counts, (np.zeros(3),), where=WHERE, names=("x",)))
    assert "core:case.second_call" in reject.verdict.message_ids()


def test_a_buffer_handed_out_twice_is_caught():
    buffer, calls = np.zeros(3), []

    def reuses(x):
        calls.append(1)
        buffer[:] = x * len(calls)  # the first caller's result changes under its feet
        return buffer

    reject = reject_of(lambda: call_guarded(reuses, (np.ones(3),), where=WHERE, names=("x",)))
    assert "core:case.result_changed" in reject.verdict.message_ids()


def test_a_harmless_function_passes_the_guard_and_is_called_twice():
    seen = []

    def harmless(x, *, _seen=seen):
        _seen.append(x.copy())
        return x.sum()

    assert call_guarded(harmless, (np.arange(3.0),), where=WHERE, names=("x",)) == 3.0
    assert len(seen) == 2


def test_the_input_guard_checks_what_a_layer_caches():
    """Layer checkers snapshot the layer's parameters around forward/backward."""
    class Layer:
        weight = np.ones((2, 2))

        def backward(self):
            self.weight -= 0.1  # an update where only a gradient was asked for

    layer = Layer()
    guard = InputGuard(WHERE, weight=layer.weight)
    layer.backward()
    assert guard.changed() == ["weight"]
    assert "core:case.changed_input" in reject_of(guard.check).verdict.message_ids()


def test_same_value_compares_arrays_exactly_with_nans_in_place():
    assert same_value(np.array([1.0, np.nan]), np.array([1.0, np.nan]))
    assert not same_value(np.array([1.0, 2.0]), np.array([[1.0, 2.0]]))
    assert not same_value(np.array([1.0, 2.0]), np.array([1.0, 2.5]))
    assert same_value(3, 3.0) and not same_value(3, 4)


# --------------------------------------------------------------------------- judging on cases
def double(n):
    return 2 * n


CASES = [Case((n,), CORE("name.answer"), hidden=n > 3) for n in range(1, 8)]
HIDDEN_AT_SIX = CORE("note.one_number", got="n=6")


@checker
def judge(function):
    cases = [Case(c.args, HIDDEN_AT_SIX if c.args == (6,) else c.where, c.hidden) for c in CASES]
    return check_function(function, cases, double, names=("n",), read=as_number,
                          same=lambda a, b: a == b,
                          slips=[(lambda n: n * n, CORE("compare.sign", name="n·n"))])


def test_a_right_function_is_praised_with_the_number_of_cases():
    verdict = judge(lambda n: n + n)
    assert verdict and "core:case.praise" in verdict.message_ids()
    assert "7 cases" in repr(verdict) and "3 and 4 more" in repr(verdict)


def test_when_only_a_hidden_case_fails_the_hint_says_so_and_names_the_case():
    verdict = judge(lambda n: 2 * n if n != 6 else 0)
    assert not verdict and verdict.kind == "generic"
    assert "core:case.wrong_hidden" in verdict.message_ids()
    assert "n=6" in repr(verdict) and "got 0" not in repr(verdict)  # it gives 0; expected 12
    assert "gives 0; expected 12" in repr(verdict)


def test_a_visible_failure_is_not_called_hidden():
    verdict = judge(lambda n: 2 * n + (n == 2))
    assert "core:case.wrong" in verdict.message_ids()
    assert "core:case.wrong_hidden" not in verdict.message_ids()


def test_a_slip_that_explains_every_result_is_named():
    verdict = judge(lambda n: n * n)
    assert verdict.kind == "specific" and "core:compare.sign" in verdict.message_ids()


def test_what_the_function_returns_is_read_by_the_answer_policy_and_the_case_is_named():
    verdict = judge(lambda n: "text")
    assert not verdict and "core:case.where_hint" in verdict.message_ids()
    assert "core:answer.text" in verdict.message_ids()


def test_an_exception_names_the_case_and_carries_it_for_the_checker():
    def raises_at_five(n):
        if n == 5:
            raise ZeroDivisionError("division by zero")
        return 2 * n

    with pytest.raises(Reject) as caught:
        check_function(raises_at_five, CASES, double, names=("n",), read=as_number,
                       same=lambda a, b: a == b)
    assert caught.value.case.args == (5,)
    assert isinstance(caught.value.error, ZeroDivisionError)
    assert "ZeroDivisionError" in repr(judge(raises_at_five))


def test_arrays_work_the_same_way():
    cases = [Case((np.arange(n, dtype=float),), CORE("name.answer"), hidden=n > 2)
             for n in (1, 2, 3, 5)]
    verdict = check_function(lambda x: x[::-1].copy(), cases, lambda x: x[::-1], names=("x",),
                             read=as_array, same=same_value)
    assert verdict
    verdict = check_function(lambda x: x.copy(), cases, lambda x: x[::-1], names=("x",),
                             read=as_array, same=same_value)
    assert "core:case.wrong" in verdict.message_ids()  # visible: [0, 1] reversed
