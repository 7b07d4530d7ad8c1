"""What students hand to ex07.grouped_weight_shape for 8 input channels, 12 filters, 3×3
kernels and 4 groups, each slip a shape written for a reason a student has."""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

CORPUS = [
    right((12, 2, 3, 3), why="(F, C/groups, KH, KW)"),
    right([12, 2, 3, 3], why="a list"),
    right(np.array([12, 2, 3, 3]), why="an array"),
    right(np.zeros((12, 8 // 4, 3, 3)).shape, why="the shape of an array made for it"),
    right((12.0, 2.0, 3.0, 3.0), why="whole floats"),
    slip((12, 8, 3, 3), hint="slip.ungrouped", why="as if there were no groups"),
    slip((3, 2, 3, 3), hint="slip.filters_per_group", why="one group's filters"),
    slip((2, 12, 3, 3), hint="slip.order", why="channels first"),
    slip((8, 3, 3, 3), hint="slip.channels_first", why="(C, F/groups, K, K)"),
    slip((3, 8, 3, 3), hint="slip.filters_shrink", why="F/groups filters seeing all channels"),
    slip((4, 3, 2, 3, 3), hint="slip.group_axis", why="a group axis in front"),
    slip((12, 2, 3, 3, 4), hint="slip.group_axis", why="a group axis at the end"),
    slip((12, 4, 3, 3), hint="slip.groups_as_channels", why="the 4 groups as the channel count"),
    slip((12, 32, 3, 3), hint="slip.multiplied", why="C · groups"),
    slip((48, 2, 3, 3), hint="slip.filters_times_groups", why="F · groups filters"),
    slip((12, 2, 9), hint="slip.flat_kernel", why="the kernel flattened"),
    slip((12, 2), hint="slip.no_kernel", why="no kernel axes"),
    slip((12, 2, 3), hint="slip.one_k", why="one kernel axis"),
    slip((12, 8, 3), hint="axes",
         why="three axes, ungrouped and one k"),
    other((12, 3, 3, 3), why="F / groups in the channel slot"),
    slip(None, hint="core:answer.empty", why="the scaffold, unfilled"),
    slip("(12, 2, 3, 3)", hint="core:answer.text", why="a string"),
    slip((12, 2.5, 3, 3), hint="core:answer.shape_not_whole", why="a fraction"),
]
