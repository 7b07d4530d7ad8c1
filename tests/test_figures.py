"""figures/ and figures/zh/: the committed course figures, in English and Chinese, are what
`make figures` draws today."""
import os
import pathlib
import subprocess
import sys

import matplotlib.text
import numpy as np
import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from convkit_course import diagrams, figures

FIGURE_DIR = pathlib.Path(__file__).resolve().parent.parent / "figures"
HINT = "\nrun `make figures` and commit figures/"


LANGUAGES = ("en", "zh")


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_figures_are_fresh(tmp_path, language):
    problems = figures.check(FIGURE_DIR, scratch=tmp_path, language=language)
    assert not problems, "\n".join(problems) + HINT


def test_chinese_figures_are_chinese_and_english_ones_english():
    from matplotlib.text import Text
    cjk = lambda s: any("\u4e00" <= ch <= "\u9fff" for ch in s)
    for name in figures.FIGURES:
        en = [t.get_text() for t in figures.draw(name).findobj(Text)]
        zh = [t.get_text() for t in figures.draw(name, "zh").findobj(Text)]
        assert not any(map(cjk, en)), name
        assert any(map(cjk, zh)), name


def test_every_figure_is_named_after_its_notebook():
    for name in figures.FIGURES:
        number, slug = name.split("_", 1)
        assert number.isdigit() and len(number) == 2 and slug.endswith(".png"), name


@pytest.fixture
def written(tmp_path, monkeypatch):
    """Three of the figures, written as `make figures` would (the check's own tests)."""
    keep = ["02_forward-map.png", "03_participation-counts.png", "04_weight-derivative-map.png"]
    monkeypatch.setattr(figures, "FIGURES", {n: figures.FIGURES[n] for n in keep})
    directory = tmp_path / "committed"
    figures.write_all(directory)
    return directory


def test_check_passes_on_what_it_just_wrote(written, tmp_path):
    assert figures.check(written, scratch=tmp_path) == []


def test_check_passes_on_what_it_just_wrote_in_chinese(written, tmp_path):
    assert sorted(p.name for p in (written / "zh").glob("*.png")) == sorted(figures.FIGURES)
    assert figures.check(written, scratch=tmp_path, language="zh") == []


def test_chinese_figure_differs_from_the_english_one(written):
    english, chinese = (figures._stored(d / "02_forward-map.png")[0] for d in (written, written / "zh"))
    assert english and chinese and english != chinese


def test_check_notices_a_changed_drawing(written, tmp_path, monkeypatch):
    # the code now draws the forward map with output 4 highlighted; the file does not
    changed = dict(figures.FIGURES)
    changed["02_forward-map.png"] = (
        lambda **kw: diagrams.draw_forward_map(**kw, highlight=4),
        dict(input_size=5, kernel_size=3))
    monkeypatch.setattr(figures, "FIGURES", changed)
    problems = figures.check(written, scratch=tmp_path)
    assert len(problems) == 1 and "02_forward-map.png is stale" in problems[0]


def test_fingerprint_sees_one_changed_label():
    a, b = diagrams.draw_im2col_matrix(5, 3), diagrams.draw_im2col_matrix(5, 3)
    assert figures.fingerprint(a) == figures.fingerprint(b)
    label = next(t for t in b.axes[0].texts if t.get_gid() == "im2col 4 4")
    label.set_text("13")  # one wrong number in 81 (the pixels move by an RMS under 1)
    assert figures.fingerprint(a) != figures.fingerprint(b)


def test_check_notices_edited_pixels(written, tmp_path):
    path = written / "03_participation-counts.png"
    with Image.open(path) as image:
        info = PngInfo()
        for key, value in image.info.items():
            if isinstance(value, str):
                info.add_text(key, value)  # keep the fingerprint: only the pixels change
        pixels = np.array(image)
    pixels[40:44, 40:44, :3] = 0
    Image.fromarray(pixels).save(path, pnginfo=info)
    problems = figures.check(written, scratch=tmp_path / "fresh")
    assert len(problems) == 1 and "differs from a fresh rendering" in problems[0]


def test_check_notices_missing_and_unknown_files(written, tmp_path):
    (written / "04_weight-derivative-map.png").unlink()
    (written / "99_old-figure.png").write_bytes(b"")
    problems = figures.check(written)
    assert any("04_weight-derivative-map.png is missing" in p for p in problems)
    assert any("99_old-figure.png is not written by `make figures`" in p for p in problems)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(figures.FIGURES))
def test_every_figure_is_readable_on_a_projector(name, language):
    """Fitted to 1024x768, no text is smaller than 12 px (measured from the font sizes)."""
    fig = figures.draw(name, language)
    assert figures.smallest_px(fig) >= figures.READABLE_PX
    # and the committed PNG is that figure's size, so the fit is the one measured
    with Image.open(figures.language_dir(FIGURE_DIR, language) / name) as image:
        assert image.size == tuple(round(v * figures.DPI) for v in fig.get_size_inches())


def test_smallest_px_is_the_smallest_text_fitted_to_the_screen():
    fig = diagrams.draw_participation_counts(5, 3)
    w, h = fig.get_size_inches() * figures.DPI
    scale = min(1024 / w, 768 / h)
    smallest = min(t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text())
    assert figures.smallest_px(fig) == pytest.approx(smallest * figures.DPI / 72 * scale)


def test_maps_of_many_panels_have_projector_variants_of_a_few_panels():
    for prefix, parts, panels in [("02_forward-map-outputs", 3, 3),
                                  ("03_input-loss-map-inputs", 5, 5),
                                  ("05_forward-map-stride2-padding1-outputs", 3, 3)]:
        variants = [n for n in figures.FIGURES if n.startswith(prefix + "-")]
        assert len(variants) == parts
        shown = sorted(p for n in variants for p in figures.FIGURES[n][1]["panels"])
        assert shown == list(range(parts * panels))  # together they show every panel once


@pytest.mark.slow
def test_the_command_writes_where_it_is_told_never_into_the_package(tmp_path):
    """`python -m convkit_course.figures` writes ./figures of the working directory (or the
    directory named), never next to the installed package."""
    import convkit_course
    package = pathlib.Path(convkit_course.__file__).resolve().parent
    beside = [package, package.parent / "figures"]  # where the old default wrote

    def pictures():
        return {(p, p.stat().st_mtime_ns) for d in beside for p in d.rglob("*.png")}

    before = pictures()
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    subprocess.run([sys.executable, "-m", "convkit_course.figures"], cwd=tmp_path, env=env,
                   check=True, capture_output=True)
    written = sorted(p.name for p in (tmp_path / "figures").glob("*.png"))
    assert written == sorted(figures.FIGURES)
    assert sorted(p.name for p in (tmp_path / "figures" / "zh").glob("*.png")) == written
    assert pictures() == before
