"""What students hand to ex11.parameter_count for the notebook's tiny_cnn (conv 1→16, ReLU,
pool, conv 16→32, ReLU, linear 512→10), each slip a layer counted wrong."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

conv1 = 16 * 1 * 9 + 16
conv2 = 32 * 16 * 9 + 32
linear = 10 * 32 * 4 * 4 + 10
RIGHT = conv1 + conv2 + linear      # 9930

CORPUS = [
    right(RIGHT, why="layer by layer"),
    right(float(RIGHT), why="a float"),
    right(np.int64(RIGHT), why="a numpy int"),
    right(sum(np.prod(s) for s in [(16, 1, 3, 3), (16,), (32, 16, 3, 3), (32,), (10, 512), (10,)]),
          why="the sum of the shapes' products"),
    slip(16 * 9 + 32 * 16 * 9 + 10 * 512, hint="slip.weights_only", why="no biases"),
    slip(conv1 + conv2 + 10 * 32 * 64 + 10, hint="slip.unpooled", why="8×8 into the linear"),
    slip(conv1 + conv2, hint="slip.convs_only", why="no linear"),
    slip(conv1 + 32 * 9 + 32 + linear, hint="slip.conv2_one_channel", why="conv2 (32, 1, 3, 3)"),
    slip(linear, hint="slip.linear_only", why="linear only"),
    slip(RIGHT - 10, hint="slip.no_linear_bias", why="linear without biases"),
    slip(RIGHT - 48, hint="slip.no_conv_bias", why="convs without biases"),
    slip(conv1 + conv2 + 10 * 32 * 4 + 10, hint="slip.pooled_twice", why="2×2 into the linear"),
    slip(16 * 3 * 9 + 16 + conv2 + linear, hint="slip.rgb", why="3 input channels"),
    slip(conv1 + conv2 + 10 * 16 * 16 + 10, hint="slip.linear_channels", why="16 maps into the linear"),
    slip(RIGHT + 48, hint="slip.relu_params", why="a parameter per ReLU channel"),
    slip(9930.5, hint="core:answer.not_whole", why="not a whole number"),
    other(RIGHT + 100, why="an addition slip"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
]
