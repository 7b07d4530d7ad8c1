"""Figures drawn for a slide: one call in a notebook's setup cell.

    from convkit_course import slidestyle
    slidestyle.use()

After it, every figure the notebook shows fits a 1024x768 slide (``notebooks/rise.css`` shows
it as large as the slide allows) with no text under 18 CSS px:

* the course's diagrams are drawn in the slide style of :mod:`convkit_course.diagrams.gridpaper`
  (text at least 13.5 pt, the picture inside the slide's figure box where the geometry allows);
* matplotlib plots get fonts of at least 13.5 pt;
* both are shown as SVG with their texts as text (a slide scales them sharply, and the slide
  test reads their font sizes), with a PNG beside it for a notebook that is not yet trusted.

13.5 pt is 18 px at the SVG's natural size (96 px per inch); the slide theme never shows a
figure smaller than that.  Nothing changes for drawings made outside a notebook that calls it.
"""
from __future__ import annotations

import contextlib

from .diagrams.gridpaper import (SLIDE_BOX, SLIDE_TEXT, DiagramFigure, set_slide_style,
                                 style_restored)

__all__ = ["use", "kept", "RC", "SLIDE_BOX", "SLIDE_TEXT"]

# matplotlib settings for plots on a slide: sizes in points, none under SLIDE_TEXT
RC = {
    "font.size": 14,
    "axes.titlesize": 15,
    "axes.labelsize": 14,
    "xtick.labelsize": SLIDE_TEXT,
    "ytick.labelsize": SLIDE_TEXT,
    "legend.fontsize": SLIDE_TEXT,
    "legend.title_fontsize": 14,
    "figure.titlesize": 16,
    "figure.figsize": (9.0, 4.5),   # inches: 864 x 432 px, inside the slide's figure box
    "svg.fonttype": "none",         # texts as <text>, not paths
    "svg.hashsalt": "convkit",      # stable ids in the SVG
}


@contextlib.contextmanager
def kept():
    """Whatever the block switches on (:func:`use`, matplotlib's rcParams) is off again after
    it: a notebook's setup cell run in-process (the instructor's ``status``) leaves the
    caller's drawings as they were."""
    import matplotlib

    with style_restored(), matplotlib.rc_context():
        yield


def use():
    """Draw every figure of this notebook for a slide (see the module's docstring)."""
    import matplotlib

    set_slide_style(True)
    matplotlib.rcParams.update(RC)
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: drawings still come out slide-sized
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats
    set_matplotlib_formats("png", "svg", metadata={"Date": None})
    # the course's diagrams write their own SVG (faster than matplotlib's, same picture)
    shell.display_formatter.formatters["image/svg+xml"].for_type(
        DiagramFigure, DiagramFigure._repr_svg_)
