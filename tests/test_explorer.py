"""The explorer without a browser: its status line, participants, error handling and redraws.

(tests/test_browser.py checks that the same widget actually shows and redraws in Chromium.)
"""
from __future__ import annotations

import re

import matplotlib
import numpy as np
import pytest

import convkit as ck
from convkit_course import explorer as widgets

matplotlib.use("Agg")


def output_shape_by_loops(h, w, k, s, p, d):
    """The output shape, from running the literal loops (not the size formula)."""
    y = ck.conv2d_loops(np.ones((1, 1, h, w)), np.ones((1, 1, k, k)), stride=s, padding=p, dilation=d)
    return y.shape[2:]


def inputs_read_by(h, w, k, s, p, d, output_id):
    """Flat ids of the inputs that output ``output_id`` depends on: its one-hot backward."""
    ho, wo = output_shape_by_loops(h, w, k, s, p, d)
    dy = np.zeros((1, 1, ho, wo))
    dy.flat[output_id] = 1.0
    dx, _, _ = ck.conv2d_loops_backward(dy, np.zeros((1, 1, h, w)), np.ones((1, 1, k, k)),
                                        stride=s, padding=p, dilation=d)
    return np.flatnonzero(dx[0, 0])


GEOMETRIES = [  # (H, W, K, stride, padding, dilation)
    (5, 5, 3, 1, 0, 1),
    (5, 5, 3, 2, 0, 1),
    (6, 6, 3, 2, 0, 1),   # the floor drops the last row and column
    (5, 7, 3, 1, 1, 1),
    (7, 7, 3, 2, 1, 2),
    (4, 6, 2, 3, 2, 1),
]
GEOMETRY_IDS = [f"{h}x{w}-k{k}-s{s}-p{p}-d{d}" for h, w, k, s, p, d in GEOMETRIES]


@pytest.mark.parametrize("view", list(widgets.VIEWS))
@pytest.mark.parametrize("geometry", GEOMETRIES, ids=GEOMETRY_IDS)
def test_render_draws_every_view_and_states_the_output_size(geometry, view):
    h, w, k, s, p, d = geometry
    status, figure = widgets.render(h, w, k, s, p, d, view)
    assert isinstance(figure, matplotlib.figure.Figure)
    ho, wo = output_shape_by_loops(*geometry)
    assert f"→ {ho}×{wo} output ({ho * wo} outputs × {k * k} multiply-adds)" in status


@pytest.mark.parametrize("geometry", GEOMETRIES, ids=GEOMETRY_IDS)
def test_selected_output_lists_the_inputs_its_gradient_reaches(geometry):
    ho, wo = output_shape_by_loops(*geometry)
    for output_id in {0, ho * wo // 2, ho * wo - 1}:
        status, figure = widgets.render(*geometry, "forward map", output_id)
        expected = ", ".join(str(i) for i in inputs_read_by(*geometry, output_id))
        assert f"output {output_id} (row {output_id // wo}, col {output_id % wo}) reads inputs {expected}" \
            in status


def test_an_input_the_floor_drops_is_said_to_get_zero_gradient():
    # 6x6, kernel 3, stride 2: windows start at rows 0 and 2, so row 5 is never read
    status, figure = widgets.render(6, 6, 3, 2, 0, 1, "input-loss map", 35)
    assert "input 35 (row 5, col 5) feeds no output" in status and "gradient is 0" in status


def test_padding_taps_are_counted():
    status, figure = widgets.render(5, 5, 3, 1, 1, 1, "im2col matrix", 0)
    assert "reads inputs 0, 1, 5, 6; 5 of its taps sit on padding" in status


@pytest.mark.parametrize("geometry, reach, padded", [
    ((2, 5, 3, 1, 0, 1), 3, "2 + 2*padding 0 = 2"),
    ((3, 3, 3, 1, 0, 2), 5, "3 + 2*padding 0 = 3"),
    ((5, 1, 5, 1, 1, 1), 5, "1 + 2*padding 1 = 3"),
], ids=["2x5-k3", "3x3-k3-d2", "5x1-k5-p1"])
def test_a_kernel_that_does_not_fit_gives_a_message_not_a_figure(geometry, reach, padded):
    status, figure = widgets.render(*geometry, "forward map")
    assert figure is None
    assert status.startswith("Cannot draw this geometry") and f"reaches {reach}" in status
    assert padded in status


def test_a_view_too_big_to_read_falls_back_to_the_focus_view():
    # 8x8 input, padding 2, 3x3 kernel: a 10x10 output, 100 small 12x12 grids = 14400 cells
    status, figure = widgets.render(8, 8, 3, 1, 2, 1, "forward map")
    assert "would draw 14400 cells, too many to read at once: showing the focus view" in status
    assert repr(figure).startswith("<convkit figure: forward map")
    assert any(t.get_gid() == "formula" for t in figure.axes[0].texts)
    status, figure = widgets.render(8, 8, 3, 1, 2, 1, "participation counts")  # 144 cells
    assert "focus" not in status and figure is not None


def test_render_rejects_an_unknown_view():
    with pytest.raises(ValueError, match="view must be one of .* got 'heat map'"):
        widgets.render(view="heat map")


# --------------------------------------------------------------------------- the widget
@pytest.fixture
def draws(monkeypatch):
    """Count the diagrams the explorer draws (each call = one redraw)."""
    calls = []
    real = widgets.draw

    def counted(*args, **kwargs):
        calls.append((args, kwargs))
        return real(*args, **kwargs)
    monkeypatch.setattr(widgets, "draw", counted)
    return calls


def _state(call):
    """(view, select, stride) a recorded draw call was made with."""
    args, kwargs = call
    return args[6], args[7], args[3]


def test_every_control_change_redraws_exactly_once(draws):
    explorer = widgets.explore()
    assert len(draws) == 1
    explorer.sliders["stride"].value = 2
    assert len(draws) == 2 and _state(draws[-1])[2] == 2
    assert "stride 2" in explorer.status.value and "2×2 output" in explorer.status.value
    explorer.view_box.value = "participation counts"
    assert len(draws) == 3 and _state(draws[-1])[0] == "participation counts"
    explorer.select_box.value = 24
    assert len(draws) == 4 and _state(draws[-1])[1] == 24
    explorer.sliders["height"].value = 4  # input 24 no longer exists: the selection is cleared
    assert len(draws) == 5 and _state(draws[-1])[1] is None
    assert "selection input 24 cleared" in explorer.status.value
    assert explorer.select_box.value == widgets.NONE


def test_the_selector_offers_the_ids_of_the_current_view(draws):
    explorer = widgets.explore((6, 7), 3, stride=2)
    ids = [value for _, value in explorer.select_box.options]
    assert ids == [widgets.NONE] + list(range(2 * 3))  # outputs: 2x3
    explorer.view_box.value = "input-loss map"
    assert len(explorer.select_box.options) == 1 + 6 * 7
    explorer.view_box.value = "weight-derivative map"
    assert len(explorer.select_box.options) == 1 + 3 * 3


def test_a_selection_is_never_reapplied_silently(draws):
    explorer = widgets.explore(select=4)  # output 4
    explorer.view_box.value = "input-loss map"   # another kind: cleared, and said so
    assert explorer.select_box.value == widgets.NONE
    assert "selection output 4 cleared" in explorer.status.value
    explorer.select_box.value = 12
    explorer.view_box.value = "participation counts"  # the same kind: kept, visible
    assert explorer.select_box.value == 12 and "input 12" in explorer.status.value
    explorer.view_box.value = "im2col matrix"   # output 4 is not remembered
    assert explorer.select_box.value == widgets.NONE
    explorer.sliders["stride"].value = 2        # a geometry change re-applies nothing
    assert explorer.select_box.value == widgets.NONE and "Selected" not in explorer.status.value


def _flat(text):
    """A wrapped sum on one line."""
    return " ".join(text.split())


def test_step_buttons_and_play_move_the_selection(draws):
    explorer = widgets.explore(5, 3)
    explorer.next_button.click()
    assert explorer.select_box.value == 0 and explorer.play.value == 0
    assert "z0 = x0·k0 + x1·k1 + x2·k2" in _flat(explorer.formula.value)
    explorer.next_button.click()
    explorer.next_button.click()
    assert explorer.select_box.value == 2
    explorer.prev_button.click()
    assert explorer.select_box.value == 1 and explorer.play.value == 1
    explorer.play.value = 4          # what the play widget does on each tick
    assert explorer.select_box.value == 4
    assert "z4 = x6·k0 + x7·k1 + x8·k2" in _flat(explorer.formula.value)
    explorer.select_box.value = 8
    explorer.next_button.click()     # wraps around
    assert explorer.select_box.value == 0
    assert explorer.play.max == 8


@pytest.mark.parametrize("view, select, formula", [
    ("input-loss map", 12, "dx12 = dz0·k8 + dz1·k7 + dz2·k6"),
    ("weight-derivative map", 4, "dk4 = dz0·x6 + dz1·x7 + dz2·x8"),
    ("im2col matrix", 4, "z4 = x6·k0 + x7·k1 + x8·k2"),
])
def test_each_view_spells_out_the_selected_sum(draws, view, select, formula):
    explorer = widgets.explore(5, 3, view=view, select=select)
    assert formula in _flat(explorer.formula.value)


def _marks(figure_html):
    return sorted(re.findall(r'data-gid="(mark [^"]+)"', figure_html))


def test_focus_and_linked_views(draws):
    explorer = widgets.explore(5, 3, view="input-loss map", select=12, linked=True)
    # side by side, the full correlation's text would be far under 18 px in the box: the
    # explorer says so and shows one view at a time, the instructor switching between them
    assert "one view at a time" in explorer.status.value
    assert explorer.show_box.layout.display == "flex"
    assert explorer.figure.value.count("<svg") == 1 and "input-loss map" in explorer.figure.value
    first = _marks(explorer.figure.value)
    explorer.show_box.value = 1
    assert explorer.figure.value.count("<svg") == 1
    assert "full correlation" in explorer.figure.value
    # the same dz cells marked in both: dz0..dz8 all receive x12 in the 5x5 example
    assert first == _marks(explorer.figure.value) and len(first) == 9
    assert "View 2 of 2: the full correlation" in explorer.status.value
    explorer.linked_box.value = False
    assert explorer.show_box.layout.display == "none"
    explorer.focus_box.value = True
    assert explorer.figure.value.count("<svg") == 1 and "close up" in explorer.figure.value
    assert "dx12 = " in explorer.figure.value  # the sum is drawn in the figure


def test_the_explorer_is_displayed_after_a_placeholder(monkeypatch, draws):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: shown.append((a, k)))
    explorer = widgets.explore()
    explorer._ipython_display_()
    (first, _), (second, kw) = shown
    assert widgets.PLACEHOLDER in first[0].data
    assert "application/vnd.jupyter.widget-view+json" in second[0] and kw == {"raw": True}


def test_an_invalid_geometry_shows_a_message_and_draws_nothing(draws):
    explorer = widgets.explore()
    explorer.sliders["height"].value = 2
    assert "⚠ Cannot draw this geometry" in explorer.status.value
    assert "larger than the padded input" in explorer.status.value
    assert "<svg" not in explorer.figure.value
    explorer.sliders["padding"].value = 1  # 2 + 2*1 = 4 >= 3: fits again
    assert "⚠" not in explorer.status.value and "<svg" in explorer.figure.value


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(stride=0), ValueError, "stride must be between 1 and 3 for the explorer, got 0"),
    (dict(input_size=(5, 9)), ValueError, "width must be between 1 and 8 for the explorer, got 9"),
    (dict(kernel_size=2.0), TypeError, "kernel must be an int, got 2.0"),
    (dict(view="heat map"), ValueError, "view must be one of"),
    (dict(select=9), ValueError, "select=9 is not an id"),
], ids=["stride-0", "width-9", "kernel-float", "unknown-view", "select-out-of-range"])
def test_explore_rejects_bad_starting_values(kwargs, error, match):
    with pytest.raises(error, match=match):
        widgets.explore(**kwargs)


def _tree(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _tree(child)


def test_no_output_widget_captures_anything(draws):
    """nbclient answers output captured into an Output widget on the shell socket, which
    can lose the cell's execute_reply (the nbconvert --execute hang of issue 12): the
    explorer sets widget values kernel-side only and has no Output widget at all."""
    import ipywidgets
    explorer = widgets.explore()
    explorer.sliders["stride"].value = 2
    explorer.next_button.click()
    parts = list(_tree(explorer))
    assert len(parts) > 15 and not any(isinstance(w, ipywidgets.Output) for w in parts)


def test_the_explorer_speaks_chinese_after_set_language(monkeypatch):
    """Labels, options, buttons, tooltips and status in Chinese; the views keep their ids."""
    from convkit_course import set_language
    set_language("zh")
    try:
        explorer = widgets.explore(5, 3, view="input-loss map", select=12)
        assert [s.description for s in explorer.sliders.values()][:2] == ["输入高 H", "输入宽 W"]
        assert dict(explorer.view_box.options)["下层Loss图"] == "input-loss map"
        assert explorer.view_box.value == "input-loss map"
        assert explorer.select_box.options[0][0] == "无"
        assert explorer.next_button.tooltip == "下一个" and explorer.focus_box.description == "特写"
        assert "选中：输入 12（第 2 行，第 2 列）" in explorer.status.value
        assert "下层Loss图" in explorer.figure.value  # the figure's title
        explorer.view_box.value = "forward map"  # another kind: cleared, and said so in Chinese
        assert "已取消选择输入 12" in explorer.status.value
        status, _ = widgets.render(1, 1, 3, 1, 0, 1, "forward map")
        assert status.startswith("按这个几何参数画不出来")
    finally:
        set_language("en")
    assert widgets.explore(5, 3).sliders["height"].description == "input H"


# --------------------------------------------------------------------------- room-sized
@pytest.mark.parametrize("geometry", [
    (5, 5, 3, 1, 0, 1), (8, 8, 5, 3, 2, 2), (8, 8, 5, 1, 2, 1), (7, 7, 3, 1, 1, 1), (1, 8, 1, 1, 0, 1),
], ids=["5x5-k3", "8x8-k5-s3-p2-d2", "8x8-k5-p2", "7x7-k3-p1", "1x8-k1"])
@pytest.mark.parametrize("view", list(widgets.VIEWS))
def test_the_focus_view_reads_from_the_back_row(geometry, view):
    """The focus view's smallest text, fitted into the figure box, is at least ROOM_PX."""
    result = widgets.draw(*geometry, view=view, select=0, focus=True)
    assert result["focus"] and len(result["pictures"]) == 1
    assert widgets.text_px(result["pictures"][0]) >= widgets.ROOM_PX - 0.05


def test_a_large_input_loss_map_falls_back_to_the_focus_view_and_says_so():
    # 8x8 input, 5x5 kernel, stride 3, padding 2, dilation 2: a 2x2 output, so only 256
    # cells -- but 64 panels whose numbers would be ~7 px in the box
    from convkit_course.diagrams.gridpaper import compact
    with compact():  # as the explorer draws
        result = widgets.draw(8, 8, 5, 3, 2, 2, "input-loss map")
        whole = widgets.draw(5, 5, 3, 1, 0, 1, "input-loss map")
    assert result["focus"]
    assert "The whole input-loss map would draw too many cells to read at this size: " \
        "showing the focus view" in result["status"]
    # the article's 5x5 maps are still drawn whole
    assert not whole["focus"]


@pytest.mark.parametrize("view", list(widgets.VIEWS))
def test_linked_views_are_legible_or_shown_one_at_a_time(view):
    both = []
    for show in (0, 1):
        result = widgets.draw(5, 5, 3, 1, 0, 1, view, select=4 if view != "weight-derivative map"
                              else 0, linked=True, show=show)
        if not result["one_at_a_time"]:  # side by side: each picture legible in its half
            assert len(result["pictures"]) == 2
            part = (widgets.BOX[0], widgets.BOX[1] / 2) if result["stack"] else \
                (widgets.BOX[0] / 2, widgets.BOX[1])
            assert all(widgets.text_px(p, part) >= widgets.ROOM_PX for p in result["pictures"])
            return
        assert len(result["pictures"]) == 1 and result["views"][0] == view
        assert "Linked: one view at a time" in result["status"]
        assert f"View {show + 1} of 2: the {result['views'][show]}." in result["status"]
        both.append(result["pictures"][0])
    assert both[0] != both[1]


def test_show_must_name_one_of_the_two_linked_views():
    with pytest.raises(ValueError, match="show must be 0 or 1 .* got 2"):
        widgets.draw(show=2)


def test_the_explorer_hands_the_keyboard_back_after_an_edit():
    """The page-side part (tests/test_slides_browser.py presses the keys): the explorer ships
    a one-time listener that blurs the edited control and focuses the notebook or the deck."""
    explorer = widgets.explore()
    styles = [w.value for w in _tree(explorer) if getattr(w, "value", None).__class__ is str
              and "convkitKeys" in w.value]
    assert len(styles) == 1
    script = styles[0]
    for event in ("'change'", "'keydown'", "'pointerup'", ".blur()", ".focus("):
        assert event in script
