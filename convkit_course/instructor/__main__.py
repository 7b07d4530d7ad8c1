"""python -m convkit_course.instructor {solutions,course,status} — see ``__init__.py``."""
from __future__ import annotations

import argparse
import pathlib
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m convkit_course.instructor",
                                     description="The answer key and grading with nbgrader.")
    parser.add_argument("--notebooks", default="notebooks", type=pathlib.Path,
                        help="the course's notebooks folder (default: ./notebooks)")
    commands = parser.add_subparsers(dest="command", required=True)
    solutions = commands.add_parser(
        "solutions", help="write the instructor edition: OUT/NN_slug.ipynb (English) and "
                          "OUT/zh/NN_slug.ipynb (Chinese), each scaffold filled with its solution")
    solutions.add_argument("out", type=pathlib.Path)
    course = commands.add_parser(
        "course", help="make FOLDER an nbgrader course folder: nbgrader_config.py and "
                       "source/NN_slug/NN_slug.ipynb for each notebook with graded exercises")
    course.add_argument("folder", type=pathlib.Path)
    course.add_argument("--language", choices=("en", "zh"), default="en",
                        help="the edition the class uses (default: en)")
    course.add_argument("--course-id", default="convkit")
    commands.add_parser("status", help="list every exercise and the state of its solution")
    args = parser.parse_args(argv)

    if args.command == "solutions":
        from .edition import write_edition
        written = write_edition(args.notebooks, args.out)
        written += write_edition(args.notebooks / "zh", args.out / "zh")
        print(f"wrote {len(written)} notebooks into {args.out}")
    elif args.command == "course":
        from .grading import write_course  # needs nbgrader (the extra "instructor")
        source = args.notebooks / "zh" if args.language == "zh" else args.notebooks
        written = write_course(source, args.folder, course_id=args.course_id)
        print(f"{args.folder}: {len(written)} assignments in source/; next, in that folder: "
              f"nbgrader generate_assignment {written[0].parent.name if written else 'NN_slug'}")
    else:
        from .status import exercises, table
        print(table(exercises(args.notebooks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
