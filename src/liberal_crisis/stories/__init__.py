"""Stories layer: the tables and figures each chapter shows, built on ``data`` and ``analysis``.

Modules: :mod:`.theme` (party colours, the plotly template), :mod:`.charts` (caption material,
CSV downloads, text alternatives), and one helper module per strand of the story:
:mod:`.byelections`, :mod:`.caucus_story`, :mod:`.poll_summaries`, :mod:`.swing_illustrations`,
:mod:`.seat_defences`, :mod:`.timeline`.
"""
