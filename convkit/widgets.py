"""The explorer: move a slider, every diagram of the course redraws at once.

    from convkit.widgets import explore
    explore()                                   # the article's 5x5 input, 3x3 kernel
    explore((6, 7), 3, stride=2, view="participation counts")

Sliders set the input height and width, the (square) kernel size, stride, padding and
dilation; a dropdown picks the view (forward map, input-loss map, weight-derivative map,
participation counts, im2col matrix) and another picks one output, input or weight to
highlight.  A status line says what the geometry gives — or, for a combination that does
not fit, what is wrong; the widget never shows a traceback for a bad geometry.

Built from ipywidgets ``interactive`` and inline matplotlib only (no extra extension).
"""
from __future__ import annotations

import html
import numbers

import numpy as np

from . import diagrams, trace
from .geometry import conv_geometry, pair

__all__ = ["explore", "render", "VIEWS", "LIMITS", "MAX_CELLS"]

# view label -> (diagram function, what the selected id names in that view)
VIEWS = {
    "forward map": (diagrams.draw_forward_map, "output"),
    "input-loss map": (diagrams.draw_input_grad_map, "input"),
    "weight-derivative map": (diagrams.draw_weight_grad_map, "weight"),
    "participation counts": (diagrams.draw_participation_counts, "input"),
    "im2col matrix": (diagrams.draw_im2col_matrix, "output"),
}

# slider ranges: small enough that a map of small grids stays readable on a projector
LIMITS = {"height": (1, 8), "width": (1, 8), "kernel": (1, 5), "stride": (1, 3),
          "padding": (0, 2), "dilation": (1, 3)}
# A map of many small grids takes seconds to draw; above this many cells the explorer
# says so instead of freezing (a 5x5 forward map draws 225, a 7x7 one 1225).
MAX_CELLS = 2500


# --------------------------------------------------------------------------- pure part
def cells_drawn(geom, view):
    """How many grid cells ``view`` draws for a geometry (what its drawing time grows with)."""
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    return {"forward map": ho * wo * (h + 2 * ph) * (w + 2 * pw),
            "input-loss map": h * w * ho * wo,
            "weight-derivative map": kh * kw * ho * wo,
            "participation counts": (h + 2 * ph) * (w + 2 * pw),
            "im2col matrix": ho * wo * kh * kw}[view]


def element_count(geom, kind):
    """How many outputs, inputs or weights a :class:`~convkit.geometry.ConvGeometry` has."""
    shape = {"output": geom.output, "input": geom.input, "weight": geom.kernel}[kind]
    return shape[0] * shape[1]


def describe(geom, kind, index):
    """One line naming element ``index`` of ``kind`` and the elements it meets.

    The trace says who touches whom, so the same line holds whichever view is drawn.
    """
    size, kernel = geom.input, geom.kernel
    kw = dict(stride=geom.stride, padding=geom.padding, dilation=geom.dilation)
    wo = geom.output[1]
    cols = {"output": wo, "input": size[1], "weight": kernel[1]}[kind]
    where = f"{kind} {index} (row {index // cols}, col {index % cols})"
    if kind == "output":
        reads = trace.forward_map(size, kernel, **kw)[index // wo, index % wo]
        inputs = np.flatnonzero(reads >= 0)
        pads = kernel[0] * kernel[1] - inputs.size
        tail = f"; {pads} of its taps sit on padding" if pads else ""
        return f"{where} reads inputs {_ids(inputs)}{tail}"
    if kind == "input":
        fed = trace.input_grad_map(size, kernel, **kw)[index // size[1], index % size[1]]
        outputs = np.flatnonzero(fed >= 0)
        if outputs.size == 0:
            return f"{where} feeds no output: no window reaches it, so its gradient is 0"
        return f"{where} feeds outputs {_ids(outputs)} (dX sums {_terms(outputs.size)})"
    touched = trace.weight_grad_map(size, kernel, **kw)[index // kernel[1], index % kernel[1]]
    outputs = np.flatnonzero(touched >= 0)
    return f"{where} meets a real input in outputs {_ids(outputs)} (dW sums {_terms(outputs.size)})"


def _terms(n):
    return "1 term" if n == 1 else f"{n} terms"


def _ids(values):
    return ", ".join(str(int(v)) for v in values) if len(values) else "none"


def render(height=5, width=5, kernel=3, stride=1, padding=0, dilation=1, view="forward map",
           select=None):
    """Check a geometry and draw one view of it.

    -> ``(status, figure)``: ``status`` is plain text (a second line names the highlighted
    element and who it touches); ``figure`` is the matplotlib Figure, or ``None`` when the
    geometry cannot be drawn (``status`` then says why).
    ``select`` is the flat id of the highlighted output / input / weight (see ``VIEWS``).
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {list(VIEWS)}, got {view!r}")
    try:
        geom = conv_geometry((height, width), kernel, stride, padding, dilation)
    except (TypeError, ValueError) as error:
        return f"Cannot draw this geometry: {error}.", None
    draw, kind = VIEWS[view]
    (ho, wo) = geom.output
    if cells_drawn(geom, view) > MAX_CELLS:
        return (f"The {view} of a {height}×{width} input with a {ho}×{wo} output would draw "
                f"{cells_drawn(geom, view)} cells, too many to redraw at once (limit "
                f"{MAX_CELLS}): make the input or padding smaller, or the stride larger.", None)
    status = (f"{height}×{width} input, {kernel}×{kernel} kernel, stride {stride}, padding "
              f"{padding}, dilation {dilation} → {ho}×{wo} output "
              f"({ho * wo} outputs × {kernel * kernel} multiply-adds)")
    if select is not None:
        if not 0 <= select < element_count(geom, kind):
            return (f"Cannot highlight {kind} {select}: this geometry has "
                    f"{element_count(geom, kind)} {kind}s (ids 0–{element_count(geom, kind) - 1}).",
                    None)
        status += "\nSelected " + describe(geom, kind, select)
    figure = draw((height, width), kernel, stride=stride, padding=padding, dilation=dilation,
                  highlight=select)
    return status, figure


# --------------------------------------------------------------------------- the widget
NONE = -1  # the highlight dropdown's "nothing selected"


def explore(input_size=5, kernel_size=3, *, stride=1, padding=0, dilation=1,
            view="forward map", select=None):
    """An ipywidgets explorer of one convolution's geometry; display it as a cell's last line.

    ``input_size`` (int or (h, w)), ``kernel_size`` (int, square kernel), ``stride``,
    ``padding``, ``dilation`` (ints) set the starting slider positions, ``view`` the first
    diagram (a key of ``VIEWS``) and ``select`` the flat id highlighted (``None``: nothing).
    Returns the ``ipywidgets.interactive`` widget (its figure lives in ``widget.out``).
    """
    import ipywidgets as widgets
    from IPython.display import clear_output, display

    height, width = pair(input_size, "input_size")
    start = {"height": height, "width": width, "kernel": kernel_size, "stride": stride,
             "padding": padding, "dilation": dilation}
    for name, value in start.items():
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be an int, got {value!r}")
        low, high = LIMITS[name]
        if not low <= value <= high:
            raise ValueError(f"{name} must be between {low} and {high} for the explorer, got {value}")
    if view not in VIEWS:
        raise ValueError(f"view must be one of {list(VIEWS)}, got {view!r}")

    labels = {"height": "input H", "width": "input W", "kernel": "kernel K", "stride": "stride",
              "padding": "padding", "dilation": "dilation"}
    sliders = {name: widgets.IntSlider(value=int(value), min=LIMITS[name][0], max=LIMITS[name][1],
                                       description=labels[name], continuous_update=False)
               for name, value in start.items()}
    view_box = widgets.Dropdown(options=list(VIEWS), value=view, description="view")
    # -1 stands for "nothing": a Dropdown whose value is None shows as blank in the browser
    select_box = widgets.Dropdown(options=[("none", NONE)], value=NONE, description="highlight")
    status = widgets.HTML()
    remembered = {"output": None, "input": None, "weight": None}
    remembered[VIEWS[view][1]] = select
    state = {"busy": False}

    def refresh_choices(change=None):
        """Offer the ids the current view can highlight; keep each kind's last choice."""
        kind = VIEWS[view_box.value][1]
        try:
            geom = conv_geometry((sliders["height"].value, sliders["width"].value),
                                 sliders["kernel"].value, sliders["stride"].value,
                                 sliders["padding"].value, sliders["dilation"].value)
            count = element_count(geom, kind)
        except ValueError:
            count = 0
        wanted = remembered[kind]
        state["busy"] = True  # these assignments must not each trigger a redraw
        try:
            select_box.options = [("none", NONE)] + [(f"{kind} {i}", i) for i in range(count)]
            select_box.value = wanted if wanted is not None and wanted < count else NONE
        finally:
            state["busy"] = False

    def remember(change):
        if not state["busy"]:
            remembered[VIEWS[view_box.value][1]] = None if change["new"] == NONE else change["new"]

    # registered before `interactive` registers its own observers, so the choices are
    # already right when it redraws
    for control in (*sliders.values(), view_box):
        control.observe(refresh_choices, names="value")
    select_box.observe(remember, names="value")
    refresh_choices()
    if select is not None and select_box.value != select:
        raise ValueError(f"select={select} is not an id this geometry's {view} can highlight")

    def show(height, width, kernel, stride, padding, dilation, view, select):
        if state["busy"]:
            return
        text, figure = render(height, width, kernel, stride, padding, dilation, view,
                              None if select == NONE else select)
        status.value = (html.escape(text).replace("\n", "<br>") if figure is not None else
                        f"<b style='color:#b00020'>⚠ {html.escape(text)}</b>")
        if figure is None:
            clear_output()  # no stale picture under the message
        else:
            display(figure)  # a plain Figure (not pyplot's), so it shows exactly once

    explorer = widgets.interactive(show, **sliders, view=view_box, select=select_box)
    explorer.add_class("convkit-explorer")
    left = widgets.VBox([sliders[name] for name in ("height", "width", "kernel")] + [view_box])
    right = widgets.VBox([sliders[name] for name in ("stride", "padding", "dilation")] + [select_box])
    explorer.children = (widgets.HBox([left, right]), status, explorer.out)
    explorer.status = status
    explorer.sliders = sliders
    explorer.view_box, explorer.select_box = view_box, select_box
    return explorer
