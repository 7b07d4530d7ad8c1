"""For instructors: the answer key and grading with nbgrader.

* :mod:`.edition` — the instructor edition: every exercise's scaffold cell replaced by its
  unit's solution, in nbgrader's format (solution markers, a graded test cell with hidden tests);
* :mod:`.grading` — nbgrader's assign step with the course's own scaffolds as the students'
  stubs, and the configuration of a class (needs the extra ``instructor``: nbgrader);
* :mod:`.status` — the course's exercises and the state of their solutions.

Command line (``python -m convkit_course.instructor --help``)::

    python -m convkit_course.instructor solutions build/instructor   # the key (make solutions)
    python -m convkit_course.instructor course ~/convkit-class        # an nbgrader course folder
    python -m convkit_course.instructor status                        # exercises and solutions
"""
