"""The public site's assets, read without a browser: fonts that never move the text once
shown, the one font subset a page's language needs preloaded, every part of a page in a
landmark. tests/website/test_assets_browser.py checks the same in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
ARABIC_400 = "fonts/noto-sans-arabic-arabic-400-normal"
LATIN_400 = "fonts/noto-sans-arabic-latin-400-normal"


def font_faces() -> list[str]:
    return re.findall(r"@font-face\s*\{[^}]*\}", SITE_CSS.read_text(encoding="utf-8"))


def test_no_font_swaps_in_after_the_text_is_shown():
    """font-display: swap moved the text by up to 0.35 (Lighthouse's layout shift) when
    the web fonts arrived; optional shows a font only if it is there in time."""
    faces = font_faces()
    assert len(faces) >= 7
    for face in faces:
        assert re.search(r"font-display:\s*optional", face), face


def test_each_subset_covers_only_its_script():
    """A French page must not fetch the Arabic subset for Latin text, and the reverse."""
    for face in font_faces():
        ranges = re.search(r"unicode-range:\s*([^;]+);", face)
        assert ranges, face
        if "-arabic-arabic-" in face:
            assert "U+0000" not in ranges.group(1)
        else:
            assert "U+06" not in ranges.group(1)


def preloads(html: str) -> list[str]:
    return re.findall(r'<link rel="preload" href="([^"]+)" as="font"', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "wanted", "unwanted"),
    [("ar", ARABIC_400, LATIN_400), ("fr", LATIN_400, ARABIC_400), ("en", LATIN_400, ARABIC_400)],
)
def test_a_page_preloads_the_font_of_its_language_only(client, language, wanted, unwanted):
    html = client.get(f"/{language}/").content.decode()
    fonts = preloads(html)
    assert len(fonts) == 1
    assert wanted in fonts[0] and unwanted not in fonts[0]
    assert 'type="font/woff2" crossorigin>' in html  # else the preload is fetched twice


@pytest.mark.django_db
def test_the_home_hero_is_inside_main(client):
    html = client.get("/fr/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert 'class="hero"' in main and "<h1>" in main
    assert html.count("<h1>") == 1
