"""The pip set-up (pyproject.toml, every extra) and the conda one (environment.yml) list the same
packages."""
import os
import pathlib
import re
import subprocess
import tomllib

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent


def names(requirements):
    return {re.split(r"[<>=!~ \[]", r.strip(), maxsplit=1)[0].lower().replace("_", "-")
            for r in requirements}


def conda_requirements(environment):
    """Requirement strings of environment.yml: conda-forge's, and the pip section's (for a
    package conda-forge does not have), without the editable install of the course itself."""
    out = []
    for d in environment["dependencies"]:
        if isinstance(d, str) and names([d]) - {"python", "pip"}:
            out.append(d)
        elif isinstance(d, dict):
            out += [r for r in d.get("pip", []) if not r.startswith("-")]
    return out


def test_conda_and_pip_list_the_same_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    pip = names(project["dependencies"]).union(*(names(extra) for extra in extras.values()))
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert environment["channels"] == ["conda-forge"]
    conda = names(conda_requirements(environment))
    assert pip == conda, f"only in pyproject: {pip - conda}; only in environment.yml: {conda - pip}"


def specifiers(requirements):
    """{normalised name: version specifier} of requirement strings, e.g. 'numpy>=1.26'."""
    from packaging.requirements import Requirement

    parsed = [Requirement(r) for r in requirements]
    return {re.sub(r"[-_.]+", "-", r.name).lower(): r.specifier for r in parsed}


def test_conda_and_pip_ask_for_the_same_versions():
    """Floors (and pins) are the same in both files: a floor raised in one is raised in both."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    pip = specifiers(project["dependencies"] + sum(extras.values(), []))
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = specifiers(conda_requirements(environment))
    differ = {name: (str(pip[name]), str(conda.get(name))) for name in pip
              if pip[name] != conda.get(name)}
    assert not differ, f"pyproject.toml vs environment.yml: {differ}"


def test_conda_and_make_test_install_the_course_with_every_extra():
    """environment.yml's editable install and `make test`'s name every extra of pyproject.toml."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    (conda,) = [r for d in environment["dependencies"] if isinstance(d, dict)
                for r in d.get("pip", []) if r.startswith("-e")]
    makefile = (ROOT / "Makefile").read_text().split("$(VENV)/.installed-test:")[1]
    make_test = re.search(r'-e "\.\[.*?\]"', makefile).group(0)
    for editable in (conda, make_test):
        installed = set(re.search(r"\[(.*)\]", editable).group(1).split(","))
        assert installed == set(extras), f"{editable} vs the extras {sorted(extras)}"


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    first_code = readme.split("```")[1]
    assert "make lab" in first_code and "make test" in first_code


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_pytest_alone_needs_no_nbval():
    """`pytest tests` must work without the nbval plugin: nbval options belong to `make test`."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert "nbval" not in options.get("addopts", "")
    assert options["testpaths"] == ["tests"]


def test_make_test_runs_unit_tests_and_every_notebook_under_nbval(tmp_path):
    """`make test` covers tests/, notebooks/*.ipynb and notebooks/zh/*.ipynb (not translations)."""
    for name in ["pyproject.toml", "notebooks/01_a.ipynb", "notebooks/zh/01_a.ipynb",
                 "notebooks/zh/translations/01_a.md", ".venv/bin/python", ".venv/.installed-test"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).touch()  # created in this order, so the environment is up to date
    outer = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}  # when this test itself runs under `make test`
    env = {k: v for k, v in os.environ.items() if k not in outer}
    dry_run = subprocess.run(["make", "-n", "--no-print-directory", "-f", str(ROOT / "Makefile"),
                              "test"], cwd=tmp_path, env=env, capture_output=True, text=True,
                             check=True).stdout
    (command,) = [line for line in dry_run.splitlines() if " -m pytest" in line]
    words = command.split()
    assert {"tests", "notebooks/01_a.ipynb", "notebooks/zh/01_a.ipynb", "--nbval"} <= set(words)
    assert not any("translations" in word for word in words)
