"""The explorer: move a slider, step through the outputs, and the diagram follows.

    from convkit_course.explorer import explore
    explore()                                   # the article's 5x5 input, 3x3 kernel
    explore((6, 7), 3, stride=2, view="participation counts")
    explore(5, 3, view="input-loss map", select=12, linked=True)   # two views, one selection
    explore(5, 3, select=4, focus=True)         # the lecture-hall close-up

Built for a projector: a column of compact controls beside one figure box of fixed size
(the explorer is 590 px tall, inside the ~647 px a notebook shows at 1024x768), so the
page never jumps; where the two do not fit side by side (browser zoom 150 %, a narrow
panel) the figure goes under the controls, never off to the side. Sliders set the input height and width, the (square) kernel size,
stride, padding and dilation; a dropdown picks the view, another the selected output /
input / weight, which ◀ / ▶ and ▷ (play) step through, with its sum spelled out in the
controls column (``z4 = x6·k0 + …``, ``dx12 = dz0·k8 + …``, ``dk4 = dz0·x6 + …``).
*focus* shows the selected window, the kernel and the sum large (no text under ROOM_PX);
*linked* shows the selection in two views (forward map | im2col matrix, input-loss map |
full correlation), the same cells marked in both: side by side when their text is at least
ROOM_PX there, otherwise -- and it says so -- one at a time, *view 1* / *view 2* switching.
A geometry too big to draw legibly (its cells or its text too small in the box) falls back
to the focus view and says so; a geometry that does not fit says why (never a traceback).
After any edit the keyboard goes back to the page (in RISE, Space and the arrows present).

The selection is one (kind, id): it survives a geometry change while its id exists and is
cleared (said so in the status line) when the view changes to another kind or the id
disappears; it is never re-applied later. Figures are SVG written directly by
:mod:`convkit_course.diagrams` (``svg=True``), sharp at any zoom and redrawn in a few ms;
no Output widget is used.

Pure ipywidgets (no extra extension). A saved notebook reopened without a kernel shows
"The explorer is not running: run this cell to start the explorer." instead of
JupyterLab's "Error displaying widget".

Every label, button, tooltip and status line comes from ``explorer.toml`` in the language of
the moment (``convkit_course.set_language``); ``view=`` takes the English view names in both.
"""
from __future__ import annotations

import functools
import html
import numbers
import pathlib

import numpy as np

from convkit import trace

from . import diagrams
from .i18n import Catalog
from .diagrams.gridpaper import compact
from .diagrams._common import marked_by, sum_formula
from convkit.geometry import conv_geometry, pair

__all__ = ["explore", "render", "VIEWS", "LIMITS", "MAX_CELLS", "LINKED", "Explorer"]

MESSAGES = Catalog(pathlib.Path(__file__).with_name("explorer.toml"))


def tr(message_id, **fields):
    """A text of ``explorer.toml`` in the language of the moment."""
    return MESSAGES.text(message_id, **fields)


def _view(name):
    """What the explorer calls view ``name`` ("forward map", ...) in the language of the moment."""
    return tr("view." + name.replace(" ", "_").replace("-", "_"))

# view label -> (diagram function, what the selected id names in that view)
VIEWS = {
    "forward map": (diagrams.draw_forward_map, "output"),
    "input-loss map": (diagrams.draw_input_grad_map, "input"),
    "weight-derivative map": (diagrams.draw_weight_grad_map, "weight"),
    "participation counts": (diagrams.draw_participation_counts, "input"),
    "im2col matrix": (diagrams.draw_im2col_matrix, "output"),
}
# the focus view (a map drawn close up) that shows each view's selection
FOCUS_OF = {"forward map": "forward map", "input-loss map": "input-loss map",
            "weight-derivative map": "weight-derivative map",
            "participation counts": "input-loss map", "im2col matrix": "forward map"}
# linked views: the second view shown beside each view (one selection, the same cells marked)
LINKED = {"forward map": ("im2col matrix", diagrams.draw_im2col_matrix),
          "im2col matrix": ("forward map", diagrams.draw_forward_map),
          "input-loss map": ("full correlation", diagrams.draw_full_correlation),
          "participation counts": ("full correlation", diagrams.draw_full_correlation),
          "weight-derivative map": ("im2col matrix", diagrams.draw_im2col_matrix)}

# slider ranges: what the maps or the focus view draw legibly on a projector
LIMITS = {"height": (1, 8), "width": (1, 8), "kernel": (1, 5), "stride": (1, 3),
          "padding": (0, 2), "dilation": (1, 3)}
# Above this many grid cells a whole map is not drawn (it could not be read in the box):
# the explorer shows the focus view instead.  A 5x5 forward map draws 225, a 7x7 one 1225.
MAX_CELLS = 1300
# The figure box (CSS px, at 100 % zoom) and the smallest grid cell legible in it.
BOX = (560, 580)
MIN_CELL_PX = 17
HEIGHT_PX = 590  # the whole explorer
# Text a room reads (CSS px at 100 % zoom): the focus view and linked views are drawn so that
# their smallest text is at least this; linked views that cannot be, side by side, are shown
# one at a time.  A whole map whose smallest text would be under MAP_MIN_PX (the article's
# 5x5 maps draw 8.8-9.4 px, to read at browser zoom) is not drawn: the focus view instead.
ROOM_PX = 18
MAP_MIN_PX = 8.5


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
    where = tr("describe.where", kind=tr(f"kind.{kind}"), index=index, row=index // cols,
               col=index % cols)
    if kind == "output":
        reads = trace.forward_map(size, kernel, **kw)[index // wo, index % wo]
        inputs = np.flatnonzero(reads >= 0)
        pads = kernel[0] * kernel[1] - inputs.size
        tail = tr("describe.on_padding", pads=pads) if pads else ""
        return tr("describe.reads", where=where, ids=_ids(inputs), tail=tail)
    if kind == "input":
        fed = trace.input_grad_map(size, kernel, **kw)[index // size[1], index % size[1]]
        outputs = np.flatnonzero(fed >= 0)
        if outputs.size == 0:
            return tr("describe.feeds_none", where=where)
        return tr("describe.feeds", where=where, ids=_ids(outputs), terms=_terms(outputs.size))
    touched = trace.weight_grad_map(size, kernel, **kw)[index // kernel[1], index % kernel[1]]
    outputs = np.flatnonzero(touched >= 0)
    return tr("describe.meets", where=where, ids=_ids(outputs), terms=_terms(outputs.size))


def _terms(n):
    return tr("describe.term") if n == 1 else tr("describe.terms", n=n)


def _ids(values):
    return ", ".join(str(int(v)) for v in values) if len(values) else tr("describe.none")


def _geometry_line(geom):
    (h, w), (k, _), (ho, wo) = geom.input, geom.kernel, geom.output
    return tr("status.geometry", h=h, w=w, k=k, stride=geom.stride[0],
              padding=geom.padding[0], dilation=geom.dilation[0], ho=ho, wo=wo,
              outputs=ho * wo, taps=k * k)


def _short(formula, lines):
    """A sum of many lines cut to its first lines, ``…``, its last term and the count."""
    rows = formula.split("\n")
    if len(rows) <= lines:
        return formula
    terms = formula.count("·")
    last = rows[-1].split(" + ")[-1].strip()
    return "\n".join(rows[:lines - 2] + [" " * rows[1].index("+") + f"+ … + {last}",
                                          tr("formula.terms", n=terms)])


def _stacked_is_larger(pictures, box):
    """Whether two pictures come out larger one above the other than side by side."""
    def smaller_scale(w, h):
        return min(min(w / p.size_pt[0], h / p.size_pt[1]) for p in pictures)
    return smaller_scale(box[0], box[1] / 2) > smaller_scale(box[0] / 2, box[1])


def _scale(picture, box):
    """CSS px per SVG unit when ``picture`` is fitted into ``box`` (its viewBox is in pt)."""
    width, height = picture.size_pt
    return min(box[0] / width, box[1] / height)


def text_px(picture, box=BOX):
    """The smallest text of an SVG picture in CSS px when it is fitted into ``box``."""
    return picture.text_pt * _scale(picture, box)


def _legible(picture, box=BOX, smallest=MIN_CELL_PX, text=MAP_MIN_PX):
    """Whether a picture's grid cells come out at least ``smallest`` px wide in ``box`` and
    its smallest text at least ``text`` px."""
    return picture.cell_pt * _scale(picture, box) >= smallest and text_px(picture, box) >= text


def _focus_picture(args, kw, view, shown, box):
    """The focus view, its text grown until the smallest is ROOM_PX in ``box``."""
    size = diagrams.maps.FOCUS_TEXT
    for _ in range(4):
        picture = diagrams.draw_focus(*args, **kw, view=FOCUS_OF[view], highlight=shown,
                                      text=size)
        if not kw.get("svg") or text_px(picture, box) >= ROOM_PX - 0.05:
            return picture
        size *= ROOM_PX / text_px(picture, box) * 1.01
    return picture


def draw(height=5, width=5, kernel=3, stride=1, padding=0, dilation=1, view="forward map",
         select=None, *, focus=False, linked=False, show=0, svg=True, box=BOX):
    """Everything the explorer shows for one state, without widgets.

    -> dict with ``status`` (plain text), ``pictures`` (0, 1 or 2 drawings: SVG, or
    Figures with ``svg=False``), ``formula`` (the selection's sum, or ""), ``focus``
    (whether the focus view is shown), ``error`` (True when nothing could be drawn) and
    ``one_at_a_time`` (linked views too small side by side: ``pictures`` holds view
    ``show`` of the two, 0 or 1, and ``views`` names both).
    ``select`` is the flat id of the selected output / input / weight (see ``VIEWS``).
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {list(VIEWS)}, got {view!r}")
    if show not in (0, 1):
        raise ValueError(f"show must be 0 or 1 (which linked view), got {show!r}")
    result = dict(status="", pictures=[], formula="", focus=False, error=True, stack=False,
                  one_at_a_time=False, views=())
    try:
        geom = conv_geometry((height, width), kernel, stride, padding, dilation)
    except (TypeError, ValueError) as error:
        result["status"] = tr("status.cannot_draw", error=error)
        return result
    drawing, kind = VIEWS[view]
    n = element_count(geom, kind)
    if select is not None and not 0 <= select < n:
        result["status"] = tr("status.cannot_highlight", kind=tr(f"kind.{kind}"), select=select,
                              n=n, kinds=tr(f"kinds.{kind}"), last=n - 1)
        return result
    status = _geometry_line(geom)
    args = ((height, width), kernel)
    kw = dict(stride=stride, padding=padding, dilation=dilation, svg=svg)
    mark = None if select is None else marked_by(geom, kind, select)
    pictures, note = [], ""
    if not focus and linked:  # a map shows the selection's panel only, beside the second view
        one = {"panels": [0 if select is None else select]} if view == FOCUS_OF[view] else {}
        pictures = [drawing(*args, **kw, highlight=select, mark=mark, **one),
                    _linked_picture(geom, view, select, kind, args, kw)]
        names = (view, LINKED[view][0])
        if svg:
            result["stack"] = _stacked_is_larger(pictures, box)
            part = (box[0], box[1] / 2) if result["stack"] else (box[0] / 2, box[1])
            side = min(text_px(p, part) for p in pictures)
            if side < ROOM_PX:  # too small for a room side by side: one at a time
                pictures, result["stack"] = [pictures[show]], False
                result.update(one_at_a_time=True, views=names)
                alone = text_px(pictures[0], box)
                status += "\n" + tr("status.one_at_a_time", px=f"{side:.0f}", n=show + 1,
                                     view=_view(names[show]))
                if alone < ROOM_PX:
                    status += tr("status.zoom_in", px=f"{alone:.0f}")
    elif not focus and cells_drawn(geom, view) <= MAX_CELLS:
        pictures = [drawing(*args, **kw, highlight=select, mark=mark)]
        if svg and not _legible(pictures[0], box):
            pictures, note = [], tr("status.too_small")
    elif not focus:
        note = tr("status.too_many_cells", cells=cells_drawn(geom, view))
    if not pictures:  # the focus view: asked for, or the fallback for a big geometry
        shown = 0 if select is None else select
        pictures = [_focus_picture(args, kw, view, shown, box)]
        result["focus"], result["stack"] = True, False
        if note:
            status += "\n" + tr("status.too_many", view=_view(view), note=note)
        if select is None:
            status += "\n" + tr("status.focus_of", kind=tr(f"kind.{kind}"))
    if select is not None:
        status += "\n" + tr("status.selected", what=describe(geom, kind, select))
        result["formula"] = _short(sum_formula(geom, kind, select, per_line=2), lines=6)
    result.update(status=status, pictures=pictures, error=False)
    return result


def _linked_picture(geom, view, select, kind, args, kw):
    """The second view of a linked pair, showing the same selection with the same marks."""
    name, drawing = LINKED[view]
    if kind == "weight":  # the im2col matrix, that weight's column marked
        return drawing(*args, **kw, mark=None if select is None else {f"k{select}"})
    mark = None if select is None else marked_by(geom, kind, select)
    if name == "forward map":  # the selected output's panel
        return drawing(*args, **kw, highlight=select, mark=mark,
                       panels=[0 if select is None else select])
    if name == "full correlation" and select is None:
        return drawing(*args, **kw)
    return drawing(*args, **kw, highlight=select, mark=mark)


def render(height=5, width=5, kernel=3, stride=1, padding=0, dilation=1, view="forward map",
           select=None):
    """Check a geometry and draw one view of it (as a matplotlib Figure).

    -> ``(status, figure)``: ``status`` is plain text (a second line names the highlighted
    element and who it touches); ``figure`` is the matplotlib Figure (the focus view when
    the whole view has too many cells), or ``None`` when the geometry cannot be drawn
    (``status`` then says why). ``select`` is the flat id of the highlighted output /
    input / weight (see ``VIEWS``).
    """
    result = draw(height, width, kernel, stride, padding, dilation, view, select, svg=False)
    return result["status"], (result["pictures"][0] if result["pictures"] else None)


# --------------------------------------------------------------------------- the widget
NONE = -1  # the selection dropdown's "nothing selected"

PLACEHOLDER = MESSAGES.text("placeholder", "en")
# Shown before the widget's own output (in the language of the moment). While the live
# explorer follows it, CSS hides it; in a saved notebook reopened without the widget's state,
# it stays and the dead widget output after it ("Error displaying widget: model not found")
# is hidden instead.
_PLACEHOLDER_HTML = """<div class="convkit-explorer-placeholder"
 style="font-size:18px;padding:12px 16px;border:2px dashed #888;border-radius:6px;
 color:#1a1a1a;background:#f6f6f6">{text}</div>
<style>
.jp-OutputArea-child:has(.convkit-explorer-placeholder):has(+ .jp-OutputArea-child .convkit-explorer) {display:none}
.jp-OutputArea-child:has(.convkit-explorer-placeholder) + .jp-OutputArea-child:not(:has(.convkit-explorer)) {display:none}
</style>"""

# The layout reflows with the room it gets (browser zoom 125 %, 150 %, a narrow panel): the
# controls column and the figure side by side in a fixed height while both fit, the figure
# under the controls when they do not -- never a horizontal scroll bar.
# After any edit (a value typed into a slider's box, a menu choice, a button or a slider
# dragged), the keyboard goes back to the page: in RISE, Space and the arrow keys present the
# next slide again instead of typing into the box or pressing the button once more; in the
# notebook, the arrow keys move between cells.  Installed once per page by an HTML widget
# (ipywidgets' HTML is not sanitised, so an image's onerror runs): no extension needed.
_KEYS_JS = """<img src="" alt="" style="display:none" onerror="(function () {
  if (window.convkitKeys) return; window.convkitKeys = true;
  var release = function (el) {
    if (!el || !el.closest || !el.closest('.convkit-explorer')) return;
    setTimeout(function () {
      var active = document.activeElement;
      if (active && active.blur) active.blur();
      var deck = el.closest('.reveal'), home = deck ? deck.querySelector('.jp-Notebook') || deck
                                                  : el.closest('.jp-Notebook');
      if (home) { if (!home.hasAttribute('tabindex')) home.setAttribute('tabindex', '-1');
                  home.focus({preventScroll: true}); }
    }, 0);
  };
  document.addEventListener('change', function (e) { release(e.target); }, true);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' || e.key === 'Escape') release(e.target); }, true);
  document.addEventListener('pointerup', function (e) {
    var t = e.target;
    if (t && t.closest && !t.closest('select, .widget-readout')) release(t); }, true);
})()">"""

_CSS = f"""<style>
.convkit-explorer {{container-type:inline-size; box-sizing:border-box; max-width:100%}}
.convkit-explorer .convkit-row {{height:{HEIGHT_PX}px; overflow:hidden; flex-wrap:nowrap}}
@container (max-width: {250 + 360}px) {{
  .convkit-explorer .convkit-row {{height:auto; flex-wrap:wrap}}
  .convkit-explorer .convkit-main {{flex:1 1 100%}}
  .convkit-explorer .convkit-figure {{height:min({BOX[1]}px, 90cqw)}}
}}
.convkit-explorer .convkit-controls {{flex:0 0 250px; width:250px}}
.convkit-explorer .convkit-controls > * {{flex-shrink:0}}
.convkit-explorer .convkit-controls .widget-label {{font-size:14px}}
.convkit-explorer .convkit-status, .convkit-explorer .convkit-status .widget-html-content
  {{font-size:14px; line-height:1.3; color:#1a1a1a}}
.convkit-explorer .convkit-formula-box .widget-html-content {{line-height:1.25}}
.convkit-explorer .convkit-main {{flex:1 1 auto; min-width:0}}
.convkit-explorer .convkit-figure {{width:100%; height:{BOX[1]}px; display:flex; gap:6px}}
.convkit-explorer .convkit-figure > div {{flex:1 1 0; min-width:0; min-height:0}}
.convkit-explorer .convkit-figure.convkit-stack {{flex-direction:column}}
.convkit-explorer .convkit-figure svg {{width:100%; height:100%; display:block}}
.convkit-explorer .convkit-formula {{font:17px/1.25 'DejaVu Sans Mono', monospace;
  white-space:pre; overflow:hidden; color:#1a1a1a; margin:4px 0}}
.convkit-explorer .convkit-message {{font-size:18px; color:#b00020; padding:24px}}
.convkit-explorer button {{font-size:16px}}
</style>{_KEYS_JS}"""


class Explorer:
    """Mixin marker; the widget is made in :func:`explore` (an ``ipywidgets.HBox``)."""


@functools.lru_cache(maxsize=None)
def _explorer_class():
    import ipywidgets as widgets

    class ExplorerBox(widgets.VBox, Explorer):
        """The explorer widget: one row, controls column | figure box (wrapping when narrow)."""

        def _ipython_display_(self, **kwargs):
            from IPython.display import HTML, display
            display(HTML(_PLACEHOLDER_HTML.replace("{text}", html.escape(tr("placeholder")))))
            display(self._repr_mimebundle_(), raw=True)

    return ExplorerBox


def explore(input_size=5, kernel_size=3, *, stride=1, padding=0, dilation=1,
            view="forward map", select=None, focus=False, linked=False):
    """An ipywidgets explorer of one convolution's geometry; display it as a cell's last line.

    ``input_size`` (int or (h, w)), ``kernel_size`` (int, square kernel), ``stride``,
    ``padding``, ``dilation`` (ints) set the starting slider positions, ``view`` the first
    diagram (a key of ``VIEWS``), ``select`` the selected flat id (``None``: nothing),
    ``focus`` starts in the close-up view, ``linked`` with the second view beside it.
    Returns the widget; ``.sliders``, ``.view_box``, ``.select_box``, ``.play``,
    ``.prev_button``, ``.next_button``, ``.focus_box``, ``.linked_box``, ``.show_box``
    (which linked view, when they are shown one at a time), ``.status``,
    ``.figure`` and ``.formula`` are its parts.
    """
    import ipywidgets as widgets

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

    labels = {name: tr(f"slider.{name}") for name in LIMITS}
    row = widgets.Layout(width="246px", height="28px")
    style = {"description_width": "62px"}
    sliders = {name: widgets.IntSlider(value=int(value), min=LIMITS[name][0], max=LIMITS[name][1],
                                       description=labels[name], continuous_update=False,
                                       layout=row, style=style)
               for name, value in start.items()}
    view_box = widgets.Dropdown(options=[(_view(name), name) for name in VIEWS], value=view,
                                description=tr("control.view"), layout=row, style=style)
    select_box = widgets.Dropdown(options=[(tr("control.none"), NONE)], value=NONE,
                                  description=tr("control.selected"), layout=row, style=style)
    button = widgets.Layout(width="44px", height="32px")
    prev_button = widgets.Button(description="◀", tooltip=tr("control.previous"), layout=button)
    next_button = widgets.Button(description="▶", tooltip=tr("control.next"), layout=button)
    play = widgets.Play(value=0, min=0, max=0, interval=1500, show_repeat=False,
                        tooltip=tr("control.play"),
                        layout=widgets.Layout(width="120px", height="32px"))
    focus_box = widgets.ToggleButton(value=bool(focus), description=tr("control.focus"),
                                     tooltip=tr("control.focus_tip"),
                                     layout=widgets.Layout(width="118px", height="30px"))
    linked_box = widgets.ToggleButton(value=bool(linked), description=tr("control.linked"),
                                      tooltip=tr("control.linked_tip"),
                                      layout=widgets.Layout(width="118px", height="30px"))
    # linked views too small side by side: which one is shown (the instructor steps)
    show_box = widgets.ToggleButtons(options=[(tr("control.view_n", n=1), 0),
                                             (tr("control.view_n", n=2), 1)], value=0,
                                     style={"button_width": "115px"},
                                     layout=widgets.Layout(width="246px", display="none"))
    status = widgets.HTML(layout=widgets.Layout(width="246px"))
    status.add_class("convkit-status")
    figure = widgets.HTML(layout=widgets.Layout(width="100%"))
    figure.add_class("convkit-figure-box")
    formula = widgets.HTML()
    formula.add_class("convkit-formula-box")
    css = widgets.HTML(_CSS, layout=widgets.Layout(display="none"))

    state = {"busy": False, "kind": VIEWS[view][1], "geom": None, "draws": 0}

    def geometry_now():
        try:
            return conv_geometry((sliders["height"].value, sliders["width"].value),
                                 sliders["kernel"].value, sliders["stride"].value,
                                 sliders["padding"].value, sliders["dilation"].value)
        except ValueError:
            return None

    def current():
        return None if select_box.value == NONE else select_box.value

    def set_choices(keep, note=None):
        """Offer the ids of the current view's kind; keep ``keep`` if it exists."""
        kind = VIEWS[view_box.value][1]
        geom = geometry_now()
        count = element_count(geom, kind) if geom is not None else 0
        state["busy"] = True  # these assignments must not each trigger a redraw
        try:
            select_box.options = [(tr("control.none"), NONE)] + [
                (tr("control.option", kind=tr(f"kind.{kind}"), index=i), i) for i in range(count)]
            select_box.value = keep if keep is not None and keep < count else NONE
            play.max = max(count - 1, 0)
            play.value = 0 if select_box.value == NONE else select_box.value
        finally:
            state["busy"] = False
        state["note"] = ""
        if keep is not None and select_box.value == NONE:
            state["note"] = tr("status.cleared", kind=tr(f"kind.{state['kind']}"), index=keep,
                               why=note or tr("status.gone"))
        state["kind"] = kind

    def redraw():
        state["draws"] += 1
        with compact():  # the controls name the view and the geometry
            result = draw(*(sliders[n].value for n in ("height", "width", "kernel", "stride",
                                                       "padding", "dilation")),
                          view_box.value, current(), focus=focus_box.value,
                          linked=linked_box.value, show=show_box.value)
        show_box.layout.display = "flex" if result["one_at_a_time"] else "none"
        if result["views"]:
            show_box.tooltips = [_view(v) for v in result["views"]]
        text = result["status"]
        if state.get("note"):
            text += "\n" + state["note"]
        if result["error"]:
            status.value = f"<b style='color:#b00020'>⚠ {html.escape(text)}</b>"
            figure.value = (f"<div class='convkit-figure'><div class='convkit-message'>"
                            f"{html.escape(text)}</div></div>")
            formula.value = "<div class='convkit-formula'></div>"
            return
        status.value = html.escape(text).replace("\n", "<br>")
        figure.value = ("<div class='convkit-figure%s' data-draw='%d'>"
                        % (" convkit-stack" if result["stack"] else "", state["draws"])
                        + "".join(f"<div>{p}</div>" for p in result["pictures"]) + "</div>")
        shown = "" if result["focus"] else result["formula"]  # focus draws it in the figure
        formula.value = f"<div class='convkit-formula'>{html.escape(shown)}</div>"

    def on_geometry(change):
        if state["busy"]:
            return
        set_choices(current(), tr("status.not_in_geometry"))
        redraw()

    def on_view(change):
        if state["busy"]:
            return
        old_kind, new_kind = state["kind"], VIEWS[change["new"]][1]
        before = current()
        set_choices(before if old_kind == new_kind else None)
        if before is not None and old_kind != new_kind:
            state["note"] = tr("status.cleared", kind=tr(f"kind.{old_kind}"), index=before,
                               why=tr("status.other_kind", view=_view(change["new"]),
                                      kinds=tr(f"kinds.{new_kind}")))
        redraw()

    def on_select(change):
        if state["busy"]:
            return
        state["note"] = ""
        state["busy"] = True
        try:
            play.value = 0 if current() is None else current()
        finally:
            state["busy"] = False
        redraw()

    def on_play(change):
        if state["busy"] or change["new"] == current():
            return
        select_box.value = change["new"]

    def step(by):
        count = len(select_box.options) - 1
        if count:
            now = current()
            select_box.value = (0 if by > 0 else count - 1) if now is None else (now + by) % count

    def on_toggle(change):
        if not state["busy"]:
            redraw()

    for slider in sliders.values():
        slider.observe(on_geometry, names="value")
    view_box.observe(on_view, names="value")
    select_box.observe(on_select, names="value")
    play.observe(on_play, names="value")
    focus_box.observe(on_toggle, names="value")
    linked_box.observe(on_toggle, names="value")
    show_box.observe(on_toggle, names="value")
    prev_button.on_click(lambda _: step(-1))
    next_button.on_click(lambda _: step(+1))

    set_choices(select)
    if select is not None and select_box.value != select:
        raise ValueError(f"select={select} is not an id this geometry's {view} can highlight")
    state["note"] = ""

    controls = widgets.VBox(
        [css, *(sliders[n] for n in ("height", "width", "kernel", "stride", "padding",
                                     "dilation")),
         view_box, select_box,
         widgets.HBox([prev_button, play, next_button]),
         widgets.HBox([focus_box, linked_box]), show_box, formula, status],
        layout=widgets.Layout(width="250px"))
    controls.add_class("convkit-controls")
    main = widgets.VBox([figure])
    main.add_class("convkit-main")
    row = widgets.HBox([controls, main])
    row.add_class("convkit-row")
    explorer = _explorer_class()([row])
    explorer.add_class("convkit-explorer")
    explorer.sliders, explorer.view_box, explorer.select_box = sliders, view_box, select_box
    explorer.play, explorer.prev_button, explorer.next_button = play, prev_button, next_button
    explorer.focus_box, explorer.linked_box, explorer.show_box = focus_box, linked_box, show_box
    explorer.status, explorer.figure, explorer.formula = status, figure, formula
    explorer.redraws = lambda: state["draws"]
    redraw()
    return explorer
