"""Data layer: the Frictionless package in ``data/``, its rules and its dictionary.

Chapters call ``data.load(name)``: validated, then typed. Modules: :mod:`.package` (descriptor,
typed reads, Frictionless problems), :mod:`.rules` (cross-file rules), :mod:`.validate` (the
validation gate and the ``liberal-crisis-validate`` command), :mod:`.dictionary` (the data
dictionary on the methods page and in ``data/README.md``).
"""
from .package import DESCRIPTOR, ENV_VAR, DataError, Problem, data_dir, descriptor, read, resource
from .validate import load, validate

__all__ = ["DESCRIPTOR", "ENV_VAR", "DataError", "Problem", "data_dir", "descriptor", "load",
           "read", "resource", "validate"]
