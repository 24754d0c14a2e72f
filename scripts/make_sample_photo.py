"""Draw the sample photo of atelier 03 (a landscape with a phone's EXIF and GPS), with Pillow.

Run ``python scripts/make_sample_photo.py`` to regenerate
``ateliers/03_donnees_perso/media/photo_exemple.jpg`` (or give another path). Everything is
drawn: no real photo, invented device data near Alba-la-Romaine. Not part of the installed package.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw

SAMPLE_PATH = Path(__file__).resolve().parents[1] / "ateliers" / "03_donnees_perso" / "media" / "photo_exemple.jpg"


def _sample_picture(width: int = 960, height: int = 640) -> Image.Image:
    """A text-free summer landscape: sky, sun, hills, vines and a village."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # sky gradient
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(90 + 120 * t), int(160 + 70 * t), 235))
    draw.ellipse([740, 60, 840, 160], fill=(255, 214, 90))
    draw.polygon([(0, 380), (180, 250), (360, 330), (560, 220), (760, 320), (960, 260),
                  (960, 640), (0, 640)], fill=(92, 120, 70))
    draw.polygon([(0, 470), (240, 400), (520, 450), (800, 390), (960, 430), (960, 640),
                  (0, 640)], fill=(150, 170, 80))
    for row in range(8):  # vines
        y = 500 + row * 18
        draw.line([(0, y), (width, y - 40)], fill=(80, 110, 50), width=5)
    for i, x in enumerate(range(300, 660, 45)):  # village roofline
        top = 330 - (i % 3) * 14
        draw.rectangle([x, top, x + 40, 410], fill=(214, 196, 160))
        draw.polygon([(x - 4, top), (x + 20, top - 22), (x + 44, top)], fill=(176, 84, 56))
        draw.rectangle([x + 14, top + 25, x + 24, top + 40], fill=(90, 70, 60))
    draw.rectangle([470, 220, 500, 330], fill=(200, 180, 150))  # bell tower
    draw.polygon([(466, 220), (485, 190), (504, 220)], fill=(150, 70, 50))
    return image


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return float(degrees), float(minutes), seconds


def make_sample_photo() -> bytes:
    """The project's sample JPEG with a phone's EXIF and GPS near Alba-la-Romaine."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Google"
    exif[ExifTags.Base.Model] = "Pixel 7"
    exif[ExifTags.Base.DateTime] = "2024:07:14 10:32:00"
    exif[ExifTags.IFD.Exif] = {
        ExifTags.Base.DateTimeOriginal: "2024:07:14 10:32:00",
        ExifTags.Base.DateTimeDigitized: "2024:07:14 10:32:00",
    }
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: _dms(44.5555),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: _dms(4.5986),
    }
    out = io.BytesIO()
    _sample_picture().save(out, format="JPEG", quality=82, exif=exif)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the sample photo (default: the atelier's media folder)."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else SAMPLE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(make_sample_photo())
    print(f"Photo d'exemple écrite : {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
