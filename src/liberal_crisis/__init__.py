"""Shared logic for the report on the Liberal Party of Canada's 2024 crisis.

Modules: ``data`` (load and validate the data package), ``checks`` (cross-file rules),
``theme`` (party colours and the plotly template), ``charts`` (chart captions, downloads and text
alternatives), ``plotly_mime`` (myst-nb renderer for plotly output), ``sphinx`` (the Sphinx
extension that ships plotly.js), ``analysis`` (swings, projections, history, caucus arithmetic).
"""

__version__ = "0.1.0"
