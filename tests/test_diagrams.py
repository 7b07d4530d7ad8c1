"""convkit_course.diagrams: every drawing returns a Figure, draws without warnings, and the
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
from convkit_course import diagrams
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


# --------------------------------------------------------------------------- mark, svg, focus
def _marks(fig):
    """{element name: how many cells framed for it} from the mark frames' gids."""
    found = {}
    for patch in fig.axes[0].patches:
        gid = patch.get_gid() or ""
        if gid.startswith("mark "):
            for name in gid.split()[1:]:
                found[name] = found.get(name, 0) + 1
    return found


def test_marked_by_names_what_a_selection_sums():
    g = conv_geometry(5, 3)
    # typed from the article: output 4 reads x6 x7 x8 x11 x12 x13 x16 x17 x18
    assert diagrams.marked_by(g, "output", 4) == {f"x{i}" for i in (6, 7, 8, 11, 12, 13, 16, 17, 18)}
    assert diagrams.marked_by(g, "input", 0) == {"z0"}          # a corner feeds one output
    assert diagrams.marked_by(g, "weight", 4) == {f"z{o}" for o in range(9)}


@pytest.mark.parametrize("geometry", GEOMETRIES[:5])
def test_one_selection_marks_the_same_cells_in_linked_views(geometry):
    """forward map | im2col row, input-loss map | full correlation: same names, once each."""
    size, ksize, kw = _split(geometry)
    g = conv_geometry(size, ksize, **kw)
    o = g.output[0] * g.output[1] // 2
    names = diagrams.marked_by(g, "output", o)
    left = _marks(diagrams.draw_forward_map(size, ksize, **kw, highlight=o, mark=names))
    right = _marks(diagrams.draw_im2col_matrix(size, ksize, **kw, highlight=o, mark=names))
    assert left == right == {n: 1 for n in names}
    p = g.input[0] * g.input[1] // 2
    names = diagrams.marked_by(g, "input", p)
    left = _marks(diagrams.draw_input_grad_map(size, ksize, **kw, highlight=p, mark=names))
    right = _marks(diagrams.draw_full_correlation(size, ksize, **kw, highlight=p, mark=names))
    assert left == right == {n: 1 for n in names}


def test_mark_without_highlight_marks_every_panel():
    # x12, the centre of a 5x5 input, is read by all 9 outputs
    assert _marks(diagrams.draw_forward_map(5, 3, mark={"x12"})) == {"x12": 9}


@pytest.mark.parametrize("mark, error, match", [
    ("x6", TypeError, "set of names"),
    ({"y3"}, ValueError, "'y3' is not an element name"),
    ({"x25"}, ValueError, "'x25' does not exist; this geometry has ids x0..x24"),
])
@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda f: f.__name__)
def test_mark_is_checked(draw, mark, error, match):
    with pytest.raises(error, match=match):
        draw(5, 3, mark=mark)


def test_panels_draws_only_those_panels_in_one_row():
    fig = diagrams.draw_forward_map(5, 3, panels=[0, 1, 2])
    captions = {t.get_text(): t.get_position() for t in _texts(fig)
                if (t.get_gid() or "").startswith("caption ")}
    assert sorted(captions) == ["z0", "z1", "z2"]
    assert len({y for _, y in captions.values()}) == 1
    drawn, seen = _read(fig, "fwd", (3, 3, 5, 5))
    assert seen == 3 * 9 and (drawn[1:] == -1).all()
    with pytest.raises(ValueError, match="panels must be distinct"):
        diagrams.draw_forward_map(5, 3, panels=[1, 1])


@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda f: f.__name__)
def test_svg_is_well_formed_and_writes_the_same_numbers(draw):
    import xml.etree.ElementTree as ET
    fig = draw(5, 3, stride=2, padding=1, highlight=0)
    svg = draw(5, 3, stride=2, padding=1, highlight=0, svg=True)
    assert repr(svg) == repr(fig) and svg._repr_svg_() == str(svg)
    root = ET.fromstring(str(svg))
    ns = "{http://www.w3.org/2000/svg}"
    in_svg = {t.get("data-gid"): "".join(t.itertext()) for t in root.iter(f"{ns}text")
              if t.get("data-gid") and t.get("data-gid") not in ("title", "subtitle")}
    in_fig = {t.get_gid(): t.get_text() for t in fig.axes[0].texts if t.get_gid()}
    assert in_svg == {k: v.replace("\n", "") for k, v in in_fig.items()}


@pytest.mark.parametrize("view, index, lhs, terms", [
    # typed from the article (5x5, 3x3): z4's window, dx12's outputs (rotated), dk4's inputs
    ("forward map", 4, "z4", "x6·k0 x7·k1 x8·k2 x11·k3 x12·k4 x13·k5 x16·k6 x17·k7 x18·k8"),
    ("input-loss map", 12, "dx12", "dz0·k8 dz1·k7 dz2·k6 dz3·k5 dz4·k4 dz5·k3 dz6·k2 dz7·k1 dz8·k0"),
    ("weight-derivative map", 4, "dk4", "dz0·x6 dz1·x7 dz2·x8 dz3·x11 dz4·x12 dz5·x13 dz6·x16 "
                                        "dz7·x17 dz8·x18"),
])
def test_focus_spells_out_the_sum(view, index, lhs, terms):
    fig = diagrams.draw_focus(5, 3, view=view, highlight=index)
    (formula,) = [t.get_text() for t in _texts(fig) if t.get_gid() == "formula"]
    assert formula.startswith(f"{lhs} = ")
    assert re.findall(r"d?[xz]\d+·[kx]\d+", formula) == terms.split()
    sizes = [t.get_fontsize() for t in _texts(fig) if t.get_text().strip()]
    assert min(sizes) >= diagrams.maps.FOCUS_TEXT
    _render(fig)


def test_focus_of_a_large_geometry_still_draws():
    fig = diagrams.draw_focus(8, 3, padding=2, view="forward map", highlight=55)
    assert "z55 = " in " ".join(t.get_text() for t in _texts(fig))
    w, h = fig.get_size_inches()
    assert w <= 9 and h <= 7.5
