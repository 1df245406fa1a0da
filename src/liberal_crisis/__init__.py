"""Shared logic for the report on the Liberal Party of Canada's 2024 crisis, in four layers.

Each layer imports only the ones above it in this list:

- :mod:`.data`: the data package (load, validate, rules, data dictionary);
- :mod:`.analysis`: pure functions (swings, projections, history, caucus and House arithmetic);
- :mod:`.stories`: chapter tables and figures (theme, charts, by-elections, polls, swings, ...);
- :mod:`.site`: the Sphinx extension, plotly renderer, assets, sharing, downloads, PDF, browser.
"""

__version__ = "0.1.0"
