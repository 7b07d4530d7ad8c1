"""The geometry sweep every equivalence test runs over.

Each case: (N, C, H, W, F, kernel, stride, padding, dilation, groups).  Chosen to hit the
places where convolution code goes wrong: non-square kernels, stride with dilation,
padding, groups and depthwise, and sizes where the output-size floor drops input rows.
"""
import pytest

CASES = {
    "article-1x5x5-k3":            (1, 1, 5, 5, 1, 3, 1, 0, 1, 1),
    "batch2-c3-f4-k3-p1":          (2, 3, 6, 6, 4, 3, 1, 1, 1, 1),
    "nonsquare-kernel-2x3":        (2, 2, 6, 7, 3, (2, 3), 1, 0, 1, 1),
    "nonsquare-input-7x4-k3-p1":   (1, 2, 7, 4, 2, 3, 1, 1, 1, 1),
    "stride2-floor-drops-row":     (2, 2, 8, 8, 3, 3, 2, 0, 1, 1),
    "stride3-floor-drops-two":     (1, 2, 9, 10, 2, 2, 3, 0, 1, 1),
    "stride2-pad1":                (2, 3, 7, 7, 2, 3, 2, 1, 1, 1),
    "stride2-dilation2":           (1, 2, 9, 9, 3, 3, 2, 0, 2, 1),
    "stride2-dilation2-pad2":      (2, 2, 8, 9, 2, 3, 2, 2, 2, 1),
    "dilation3-k2":                (1, 1, 7, 7, 2, 2, 1, 0, 3, 1),
    "pad-larger-than-reach":       (1, 2, 4, 4, 2, 2, 1, 3, 1, 1),
    "asym-stride-pad-dilation":    (2, 2, 9, 8, 3, (3, 2), (2, 1), (1, 2), (1, 2), 1),
    "kernel-1x1":                  (2, 4, 5, 5, 3, 1, 1, 0, 1, 1),
    "kernel-1x1-stride2":          (1, 3, 6, 5, 2, 1, 2, 0, 1, 1),
    "kernel-equals-input":         (2, 2, 4, 4, 3, 4, 1, 0, 1, 1),
    "groups2":                     (2, 4, 6, 6, 6, 3, 1, 1, 1, 2),
    "groups2-stride2-dilation2":   (1, 4, 9, 8, 4, 2, 2, 1, 2, 2),
    "depthwise-c4":                (2, 4, 6, 6, 4, 3, 1, 1, 1, 4),
    "depthwise-multiplier2":       (1, 3, 6, 5, 6, 3, 2, 1, 1, 3),
    "large-stride-padding":        (1, 1, 5, 5, 1, 3, 4, 2, 1, 1),
}

PARAMS = [pytest.param(*case, id=name) for name, case in CASES.items()]
ARGNAMES = "n,c,h,w,f,kernel,stride,padding,dilation,groups"


def method_params(methods, cases=CASES):
    """pytest params (method name, *case) for every registered method and every case it can
    run (``Method.check_limits``: FFT needs stride 1, Winograd 3x3 stride 1 dilation 1)."""
    from convkit.geometry import geometry_args

    params = []
    for name, method in methods.items():
        for case_name, case in cases.items():
            kernel, stride, padding, dilation = geometry_args(*case[5:9])
            try:
                method.check_limits(kernel, stride, dilation)
            except ValueError:
                continue
            params.append(pytest.param(name, *case, id=f"{name}-{case_name}"))
    return params
