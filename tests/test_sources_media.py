"""Media of atelier 04: every image exists, is small, has a French alt text, and regenerates."""
from __future__ import annotations

from pathlib import Path

import yaml
from conftest import script_module
from PIL import Image

make_sources_media = script_module("make_sources_media")

MEDIA = Path(__file__).resolve().parents[1] / "ateliers" / "04_sources" / "media"


def _entries():
    return yaml.safe_load((MEDIA / "images.yaml").read_text(encoding="utf-8"))["images"]


def test_every_listed_image_exists_is_small_and_has_alt_text():
    entries = _entries()
    assert {e["fichier"] for e in entries} == set(make_sources_media.images())
    for entry in entries:
        path = MEDIA / entry["fichier"]
        assert path.stat().st_size < 120_000
        with Image.open(path) as image:
            assert image.format in {"PNG", "JPEG"}
        assert len(entry["alt"]) > 40 and "image" not in entry["alt"].split()[0].lower()


def test_screenshots_tell_the_story_in_their_alt_text():
    alts = {e["fichier"]: e["alt"] for e in _entries()}
    assert "Rechercher l'image avec Google Lens" in alts["etape1_appui_long.png"]
    assert "2019" in alts["etape2_resultats.png"] and "Italie" in alts["etape2_resultats.png"]
    assert "légende est fausse" in alts["etape3_comparer.png"]


def test_script_regenerates_images_under_the_size_limit(tmp_path):
    written = make_sources_media.save_all(tmp_path)
    assert sorted(p.name for p in written) == sorted(make_sources_media.images())
    for path in written:
        assert 1_000 < path.stat().st_size < 120_000
    with Image.open(tmp_path / "etape1_appui_long.png") as phone:
        assert phone.size == make_sources_media.PHONE
