"""The course's CJK font (convkit_course/fonts.py): bundled, registered with matplotlib,
installed for JupyterLab."""
from __future__ import annotations

import json

import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib.figure import Figure

from convkit_course import fonts, set_language


def test_the_bundled_font_is_noto_sans_sc_and_covers_the_course_s_chinese():
    from matplotlib.ft2font import FT2Font
    path = fonts.bundled_path()
    assert path is not None and path.name == "NotoSansSC-Regular.otf"
    font = FT2Font(str(path))
    assert font.family_name == "Noto Sans SC"
    text = "前向图下层Loss图本层w导数参与度整容矩阵卷积核步幅填充膨胀输入输出梯度（）：；，。“”"
    missing = [ch for ch in text if font.get_char_index(ord(ch)) == 0]
    assert not missing, missing


def test_cjk_families_name_only_fonts_that_exist_and_end_with_the_bundled_one():
    families = fonts.cjk_families()
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    assert families[-1] == fonts.BUNDLED_FAMILY and set(families) <= names
    with fonts.bundled_only():
        assert fonts.cjk_families() == (fonts.BUNDLED_FAMILY,)


def test_chinese_text_draws_without_missing_glyphs_or_font_warnings(recwarn, caplog):
    with fonts.bundled_only():
        fig = Figure(figsize=(3, 1))
        fig.text(0.1, 0.5, "前向图 forward", family=["sans-serif", *fonts.cjk_families()],
                 fontweight="bold")
        fig.canvas.draw()
    assert not [w for w in recwarn if "missing from font" in str(w.message)]
    assert "findfont" not in caplog.text  # no "Failed to find font weight bold"


def test_set_language_gives_pyplot_the_cjk_fonts_and_takes_them_back():
    before = list(matplotlib.rcParams["font.family"])
    try:
        set_language("zh")
        assert matplotlib.rcParams["font.family"] == before + list(fonts.cjk_families())
        set_language("zh")  # twice: not appended twice
        assert matplotlib.rcParams["font.family"] == before + list(fonts.cjk_families())
    finally:
        set_language("en")
    assert matplotlib.rcParams["font.family"] == before


def test_install_jupyter_turns_custom_css_on_serves_the_font_and_keeps_the_user_s_css(tmp_path):
    config_dir = tmp_path / "config"
    (config_dir / "custom").mkdir(parents=True)
    (config_dir / "custom" / "custom.css").write_text("body { color: teal; }\n")
    server = tmp_path / "prefix" / "jupyter_server_config.d" / "convkit.json"
    fonts.install_jupyter(server, config_dir=config_dir)
    fonts.install_jupyter(server, config_dir=config_dir)  # idempotent
    settings = json.loads(server.read_text())
    assert settings["LabApp"]["custom_css"] is True
    served = settings["ServerApp"]["extra_static_paths"]
    assert str(fonts.bundled_path().parent) in served
    custom = (config_dir / "custom" / "custom.css").read_text()
    assert custom.startswith(fonts.CSS_IMPORT) and custom.count(fonts.CSS_IMPORT) == 1
    assert "color: teal" in custom
    css = (config_dir / "custom" / "convkit.css").read_text()
    assert "../static/" + fonts.bundled_path().name in css and "unicode-range" in css


def test_the_stylesheet_names_the_same_fonts_as_matplotlib():
    css = fonts.jupyter_stylesheet().read_text()
    for family in (*fonts.SYSTEM_FAMILIES, fonts.BUNDLED_FAMILY):
        assert f'"{family}"' in css, family


@pytest.mark.parametrize("argv", [[], ["jupyter-config"], ["other", "x"]])
def test_the_command_says_how_to_use_it(argv, capsys):
    assert fonts.main(argv) == 2
    assert "usage" in capsys.readouterr().err
