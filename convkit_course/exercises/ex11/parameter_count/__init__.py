"""Exercise 4 of notebook 11: how many numbers the notebook's network learns.

    ex11.parameter_count(n)   # conv 1→16 (3×3), conv 16→32 (3×3), linear 32·4·4 → 10

The network is the notebook's ``tiny_cnn``; its shapes are written out here from the notebook's
text, and a test checks them against ``tiny_cnn`` itself.
"""
from __future__ import annotations

from ..._core import checker
from ..._answers import is_count, judge_count
from ..._unit import Unit, unit_messages

__all__ = ["parameter_count"]

M = unit_messages(__name__, __file__)

# The notebook's network: conv 1->16 (3x3) -> ReLU -> pool -> conv 16->32 (3x3) -> ReLU -> linear
_CONV1_W, _CONV1_B = 16 * 1 * 3 * 3, 16
_CONV2_W, _CONV2_B = 32 * 16 * 3 * 3, 32
_LINEAR_W, _LINEAR_B = 10 * 32 * 4 * 4, 10


def _sizes():
    conv1, conv2, linear = _CONV1_W + _CONV1_B, _CONV2_W + _CONV2_B, _LINEAR_W + _LINEAR_B
    return dict(conv1=conv1, conv2=conv2, linear=linear, total=conv1 + conv2 + linear)


def _slips():
    s = _sizes()
    conv1, conv2, linear, total = s["conv1"], s["conv2"], s["linear"], s["total"]
    return [
        (total - _CONV1_B - _CONV2_B - _LINEAR_B, M("slip.weights_only")),
        (conv1 + conv2 + 10 * 32 * 8 * 8 + 10, M("slip.unpooled")),
        (conv1 + conv2, M("slip.convs_only")),
        (conv1 + 32 * 3 * 3 + 32 + linear, M("slip.conv2_one_channel")),
        (linear, M("slip.linear_only")),
        (total - _LINEAR_B, M("slip.no_linear_bias")),
        (total - _CONV1_B - _CONV2_B, M("slip.no_conv_bias")),
        (conv1 + conv2 + 10 * 32 * 2 * 2 + 10, M("slip.pooled_twice")),
        (16 * 3 * 3 * 3 + 16 + conv2 + linear, M("slip.rgb")),
        (conv1 + conv2 + 10 * 16 * 4 * 4 + 10, M("slip.linear_channels")),
        (conv1 + conv2 + linear + 16 + 32, M("slip.relu_params")),
    ]


@checker
def parameter_count(answer):
    """Exercise 4: how many numbers (weights and biases) the notebook's network learns."""
    s = _sizes()
    return judge_count(answer, s["total"], _slips(), praise=M("praise", **s),
                       catch_all=M("fallback"))


def _is_right(answer):
    return is_count(answer, _sizes()["total"])


SOLUTION = """
conv1 = 16 * 1 * 3 * 3 + 16        # weight (16, 1, 3, 3) + 16 biases
conv2 = 32 * 16 * 3 * 3 + 32       # weight (32, 16, 3, 3): each filter spans all 16 channels
linear = 10 * (32 * 4 * 4) + 10    # the pooled 32 maps of 4x4, flattened: 512 inputs
n_parameters = conv1 + conv2 + linear   # ReLU, pooling and flatten learn nothing
ex11.parameter_count(n_parameters)
"""

UNIT = Unit(parameter_count, messages=M, solution_code=SOLUTION, is_right=_is_right,
            fields=_sizes, context="notebook",
            stated=["turns the 32 feature maps of 4×4 into 10 scores"])
