"""convkit.diagrams: every drawing returns a Figure, draws without warnings, and the
numbers written in its cells are the trace data (read back through the texts' gids)."""
import functools
import io
import re
import warnings

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

import convkit as ck
from convkit import diagrams
from convkit.geometry import conv_geometry

DRAWINGS = [diagrams.draw_forward_map, diagrams.draw_input_grad_map,
            diagrams.draw_weight_grad_map, diagrams.draw_participation_counts,
            diagrams.draw_im2col_matrix, diagrams.draw_col2im_backward,
            diagrams.draw_full_correlation]

GEOMETRIES = [
    pytest.param(dict(input_size=5, kernel_size=3), id="5x5-k3"),
    pytest.param(dict(input_size=5, kernel_size=3, stride=2, padding=1), id="5x5-k3-s2-p1"),
    pytest.param(dict(input_size=6, kernel_size=3, stride=2), id="6x6-k3-s2-floor"),
    pytest.param(dict(input_size=7, kernel_size=3, dilation=2), id="7x7-k3-d2"),
    pytest.param(dict(input_size=(4, 6), kernel_size=(2, 3), stride=(1, 2), padding=(1, 0)),
                 id="4x6-k2x3-s1x2-p1x0"),
    pytest.param(dict(input_size=9, kernel_size=3), id="9x9-k3"),
    pytest.param(dict(input_size=3, kernel_size=3, padding=3), id="3x3-k3-p3"),
]

CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _split(geometry):
    geometry = dict(geometry)
    return geometry.pop("input_size"), geometry.pop("kernel_size"), geometry


@functools.lru_cache(maxsize=None)
def _cached(name, size, ksize, kw_items, highlight=None):
    return getattr(diagrams, name)(size, ksize, **dict(kw_items), highlight=highlight)


def _draw(draw, geometry, highlight=None):
    """Each (drawing, geometry) is drawn once per session: the tests only read figures."""
    size, ksize, kw = _split(geometry)
    return _cached(draw.__name__, size, ksize, tuple(sorted(kw.items())), highlight)


def _texts(fig):
    return [t for t in fig.findobj(Text)]


def _read(fig, prefix, shape):
    """Array of the ints written in texts whose gid starts with ``prefix``; -1 elsewhere."""
    out = np.full(shape, -1)
    seen = 0
    for t in _texts(fig):
        gid = t.get_gid()
        if gid and gid.split()[0] == prefix:
            out[tuple(int(v) for v in gid.split()[1:])] = int(t.get_text())
            seen += 1
    return out, seen


def _render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph or a layout complaint fails the test
        fig.savefig(io.BytesIO(), format="raw", dpi=30)  # draws every text; no PNG encoding


@pytest.mark.parametrize("geometry", GEOMETRIES)
@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda f: f.__name__)
def test_returns_a_figure_that_draws_cleanly_without_cjk(draw, geometry):
    size, ksize, kw = _split(geometry)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = _draw(draw, geometry)
    assert isinstance(fig, Figure)
    if geometry["input_size"] != 9 or draw is diagrams.draw_forward_map:
        _render(fig)  # the big ones share their texts with the small ones, bar one
    texts = [t.get_text() for t in _texts(fig)]
    assert all(not CJK.search(s) for s in texts), [s for s in texts if CJK.search(s)]
    assert any("input" in s and "kernel" in s for s in texts)  # the geometry is named
    w, h = fig.get_size_inches()
    assert 4 <= w <= 17 and 3 <= h <= 15  # projector-sized, whatever the geometry


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_forward_map_cells_show_the_kernel_ids(geometry):
    size, ksize, kw = _split(geometry)
    expected = ck.forward_map(size, ksize, **kw)
    drawn, seen = _read(_draw(diagrams.draw_forward_map, geometry), "fwd", expected.shape)
    np.testing.assert_array_equal(drawn, expected)
    assert seen == (expected >= 0).sum()


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_forward_map_marks_taps_on_padding(geometry):
    size, ksize, kw = _split(geometry)
    idx = ck.im2col_indices(size, ksize, **kw)
    fig = _draw(diagrams.draw_forward_map, geometry)
    pad_texts = [t for t in _texts(fig) if (t.get_gid() or "").startswith("fwdpad ")]
    assert len(pad_texts) == (idx < 0).sum()


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_input_grad_map_cells_show_the_kernel_ids(geometry):
    size, ksize, kw = _split(geometry)
    expected = ck.input_grad_map(size, ksize, **kw)
    drawn, seen = _read(_draw(diagrams.draw_input_grad_map, geometry), "igrad", expected.shape)
    np.testing.assert_array_equal(drawn, expected)
    assert seen == (expected >= 0).sum()


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_weight_grad_map_cells_show_the_input_ids(geometry):
    size, ksize, kw = _split(geometry)
    expected = ck.weight_grad_map(size, ksize, **kw)
    drawn, seen = _read(_draw(diagrams.draw_weight_grad_map, geometry), "wgrad", expected.shape)
    np.testing.assert_array_equal(drawn, expected)
    assert seen == (expected >= 0).sum()


@pytest.mark.parametrize("geometry", GEOMETRIES)
def test_participation_counts_cells_show_the_counts(geometry):
    size, ksize, kw = _split(geometry)
    expected = ck.participation_counts(size, ksize, **kw)
    fig = _draw(diagrams.draw_participation_counts, geometry)
    drawn, seen = _read(fig, "count", expected.shape)
    np.testing.assert_array_equal(drawn, expected)
    assert seen == expected.size


def test_participation_counts_of_the_article_say_81():
    texts = " ".join(t.get_text() for t in _texts(diagrams.draw_participation_counts(5, 3)))
    assert "sum = 81 = 9 outputs × 9 kernel weights" in texts


@pytest.mark.parametrize("geometry", GEOMETRIES)
@pytest.mark.parametrize("prefix, draw", [("im2col", diagrams.draw_im2col_matrix),
                                          ("col2im", diagrams.draw_col2im_backward)])
def test_matrix_entries_are_the_im2col_indices(prefix, draw, geometry):
    size, ksize, kw = _split(geometry)
    expected = ck.im2col_indices(size, ksize, **kw)
    drawn, seen = _read(_draw(draw, geometry), prefix, expected.shape)
    np.testing.assert_array_equal(drawn, expected)
    assert seen == (expected >= 0).sum()


def _formula_terms(fig):
    (formula,) = [t.get_text() for t in _texts(fig) if t.get_gid() == "formula"]
    return formula, sorted((int(o), int(k)) for o, k in re.findall(r"dz(\d+)·k(\d+)", formula))


@pytest.mark.parametrize("geometry", GEOMETRIES)
@pytest.mark.parametrize("draw", [diagrams.draw_col2im_backward, diagrams.draw_full_correlation],
                         ids=lambda f: f.__name__)
def test_dx_formula_lists_exactly_the_input_grad_map_terms(draw, geometry):
    size, ksize, kw = _split(geometry)
    g = conv_geometry(size, ksize, **kw)
    imap = ck.input_grad_map(size, ksize, **kw)
    for p in (None, 0, g.input[0] * g.input[1] - 1):  # None: the centre pixel
        formula, terms = _formula_terms(_draw(draw, geometry, highlight=p))
        p = (g.input[0] // 2) * g.input[1] + g.input[1] // 2 if p is None else p
        assert formula.startswith(f"dx{p} = ")
        row = imap[p // g.input[1], p % g.input[1]].ravel()
        assert terms == [(o, int(k)) for o, k in enumerate(row) if k >= 0]


def test_full_correlation_rotates_the_kernel():
    fig = diagrams.draw_full_correlation((2, 3), (2, 3))
    drawn, _ = _read(fig, "rot", (2, 3))
    np.testing.assert_array_equal(drawn, [[5, 4, 3], [2, 1, 0]])  # typed: rot180 of 0..5


def test_full_correlation_places_dz_like_the_zero_inserted_padded_gradient():
    # 5x5, k3, stride 2, padding 1 -> 3x3 dz; canvas (5+2)x(5+2); dz lands at 1, 3, 5 (K-1-P = 1)
    fig = diagrams.draw_full_correlation(5, 3, stride=2, padding=1)
    placed = {tuple(int(v) for v in t.get_gid().split()[1:]): t.get_text()
              for t in _texts(fig) if (t.get_gid() or "").startswith("dz ")}
    assert placed == {(1 + 2 * a, 1 + 2 * b): f"dz{3 * a + b}" for a in range(3) for b in range(3)}


@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda f: f.__name__)
def test_highlight_is_checked(draw):
    with pytest.raises(ValueError, match="highlight"):
        draw(5, 3, highlight=10_000)
    with pytest.raises(TypeError, match="highlight"):
        draw(5, 3, highlight=1.5)
    draw(5, 3, highlight=0)  # a valid id draws


@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("args, kw", [
    pytest.param((3, 5), {}, id="kernel-larger-than-input"),
    pytest.param((5, 3), {"stride": 0}, id="stride-0"),
    pytest.param((5, 3), {"padding": -1}, id="padding-negative"),
])
def test_bad_geometry_raises_the_geometry_error(draw, args, kw):
    with pytest.raises(ValueError) as expected:
        conv_geometry(*args, **kw)
    with pytest.raises(ValueError) as raised:
        draw(*args, **kw)
    assert str(raised.value) == str(expected.value)


def test_one_colour_per_kernel_weight_everywhere():
    colors = diagrams.kernel_colors(25)
    assert len(set(colors)) == 25
    assert diagrams.kernel_colors(9) == colors[:9]  # the same weight keeps its colour


def test_im2col_highlight_spells_out_the_row():
    fig = diagrams.draw_im2col_matrix(5, 3, highlight=4)
    (formula,) = [t.get_text() for t in _texts(fig) if t.get_gid() == "rowformula"]
    # typed from the article's matrix, row 4: 6 7 8 11 12 13 16 17 18
    assert re.findall(r"x(\d+)·k(\d+)", formula) == [
        ("6", "0"), ("7", "1"), ("8", "2"), ("11", "3"), ("12", "4"), ("13", "5"),
        ("16", "6"), ("17", "7"), ("18", "8")]


def test_repr_names_the_drawing_not_its_pixel_size():
    assert repr(diagrams.draw_forward_map(5, 3)) == (
        "<convkit figure: forward map, input 5x5, kernel 3x3, stride 1, padding 0, "
        "dilation 1  →  output 3x3>")
