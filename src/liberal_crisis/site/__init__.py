"""Site layer: everything that turns the chapters into the published book.

The Sphinx extension (:mod:`.extension`, named in ``_config.yml``), the myst-nb renderer for
plotly output (:mod:`.plotly_mime`), the local plotly.js (:mod:`.plotly_js`), lean theme assets
(:mod:`.assets`), link previews (:mod:`.sharing`), notebook and data downloads
(:mod:`.downloads`), the PDF (:mod:`.pdf`) and the headless-browser helpers (:mod:`.browser`).
"""
