"""convkit_course — the course machinery beside the ``convkit`` maths library.

    import convkit_course as course
    course.set_language("zh")        # one switch: checkers, figures, explorer, printed tables

* ``convkit_course.exercises`` — the checkers, one unit per exercise;
* ``convkit_course.diagrams`` — the drawings of the forward and backward maps (matplotlib);
* ``convkit_course.explorer`` — the ipywidgets explorer (``explore(5, 3, stride=2)``);
* ``convkit_course.figures`` — writes the course's figure files (``python -m convkit_course.figures``);
* ``convkit_course.datasets`` — the 8×8 digits of notebook 11 (scikit-learn);
* ``convkit_course.bench`` — the benchmark (``python -m convkit_course.bench``).

It depends on ``convkit`` (never the other way round), matplotlib, ipywidgets and the Jupyter
stack: ``pip install "convkit[course]"``.  Importing it stays light: each part loads what it
draws with when it is first used.
"""
from .i18n import get_language, set_language

__all__ = ["get_language", "set_language"]
