"""Tables in the text that fit their column (``stories.tables.stacked_html``): the first column
is each row's key, every cell carries its header for the phone's cards, tallies never break."""

from __future__ import annotations

import pandas as pd
import pytest

from liberal_crisis.stories import tables


def test_the_first_column_is_the_key_and_every_cell_carries_its_header():
    frame = pd.DataFrame({"Vote": ["21 March 2024", "25 September 2024"],
                          "Yeas–nays": ["116–204", "120–211"], "Note": ["a < b", "–"]})
    out = tables.stacked_html(frame, nowrap=["Yeas–nays"])
    assert out == (
        '<table class="table lc-stack"><thead><tr><th scope="col">Vote</th>'
        '<th scope="col" class="lc-nowrap">Yeas–nays</th><th scope="col">Note</th></tr></thead>'
        '<tbody><tr><th scope="row" data-label="Vote">21 March 2024</th>'
        '<td data-label="Yeas–nays" class="lc-nowrap"><span>116–204</span></td>'
        '<td data-label="Note"><span>a &lt; b</span></td></tr>'
        '<tr><th scope="row" data-label="Vote">25 September 2024</th>'
        '<td data-label="Yeas–nays" class="lc-nowrap"><span>120–211</span></td>'
        '<td data-label="Note"><span>–</span></td></tr></tbody></table>')


def test_markup_columns_keep_their_html_and_headers_are_escaped():
    frame = pd.DataFrame({"Riding": ['Windsor West<span class="lc-sub">Ontario</span>'],
                          'Tally "from"': ['<a href="https://example.org/j">Journals</a>']})
    out = tables.stacked_html(frame, markup=["Riding", 'Tally "from"'], caption="Votes & more")
    assert '<caption>Votes &amp; more</caption>' in out
    assert '<th scope="row" data-label="Riding">Windsor West<span class="lc-sub">Ontario</span></th>' in out
    assert '<td data-label="Tally &quot;from&quot;"><span><a href="https://example.org/j">Journals</a></span></td>' in out
    assert '<th scope="col">Tally &quot;from&quot;</th>' in out


def test_an_unknown_column_is_refused():
    with pytest.raises(KeyError, match="Nays"):
        tables.stacked_html(pd.DataFrame({"Vote": ["x"]}), nowrap=["Nays"])
