"""Party colours: distinguishable for readers with colour-vision deficiencies, visible in both
colour modes.

How it is checked: each colour is passed through colorspacious's simulation of deuteranomaly,
protanomaly and tritanomaly at full severity (Machado, Oliveira & Fernandes 2009), and the
distance between every pair of the six main parties is measured in CAM02-UCS, a perceptually
uniform colour space (about 1 unit is a just-noticeable difference). Contrast uses the WCAG
relative-luminance formula against the light and the dark page background.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from liberal_crisis.stories.theme import PARTY_COLOURS

MAIN = ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"]
MIN_DISTANCE = 10  # CAM02-UCS units: clearly different at a glance, not merely noticeable
BACKGROUNDS = {"light": "#FFFFFF", "dark": "#121212"}  # pydata-sphinx-theme's page colours


def rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])


def seen_as(hex_colour: str, deficiency: str | None) -> np.ndarray:
    colour = rgb(hex_colour)
    if deficiency:
        space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
        colour = np.clip(cspace_convert(colour, space, "sRGB1"), 0, 1)
    return colour


@pytest.mark.parametrize("deficiency", [None, "deuteranomaly", "protanomaly", "tritanomaly"])
def test_party_colours_stay_apart(deficiency):
    too_close = []
    for a, b in combinations(MAIN, 2):
        distance = deltaE(seen_as(PARTY_COLOURS[a], deficiency),
                          seen_as(PARTY_COLOURS[b], deficiency), input_space="sRGB1")
        if distance < MIN_DISTANCE:
            too_close.append(f"{a}/{b}: {distance:.1f}")
    assert too_close == [], f"{deficiency or 'typical vision'}: {too_close}"


def luminance(hex_colour: str) -> float:
    c = rgb(hex_colour)
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2])


@pytest.mark.parametrize("mode", sorted(BACKGROUNDS))
def test_party_colours_are_visible_on_the_page(mode):
    background = luminance(BACKGROUNDS[mode])
    for code in MAIN:
        fg = luminance(PARTY_COLOURS[code])
        ratio = (max(fg, background) + 0.05) / (min(fg, background) + 0.05)
        # Bars and lines are labelled and named in legends and hover text, so colour is never
        # the only cue; 2.5:1 keeps every mark clearly visible on both backgrounds.
        assert ratio >= 2.5, f"{code} on the {mode} background: {ratio:.2f}:1"


def test_the_check_can_fail():
    """The old palette's blue and purple merged under deuteranomaly."""
    old_cpc, old_ppc = "#2F6BB3", "#7B52AE"
    assert deltaE(seen_as(old_cpc, "deuteranomaly"), seen_as(old_ppc, "deuteranomaly"),
                  input_space="sRGB1") < MIN_DISTANCE
