"""What a photo tells about you (EXIF, GPS…), and a clean copy without it.

Everything happens in memory with Pillow: nothing is written to disk. (The
atelier's sample photo is drawn by ``scripts/make_sample_photo.py``.)
``clean_photo`` returns ``b""`` when it cannot work: call ``read_photo`` on
the same bytes to get the French explanation.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from datetime import datetime

from PIL import ExifTags, Image, ImageOps

from widgets.analysers.photo.places import nearest_place
from widgets.analysers.quiet_logs import quiet_logs
from widgets.content.french_dates import french_moment

#: Formats we open (phone "MPO" photos come through JPEG). Others (EPS…) are
#: refused: some call outside programs.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "GIF", "BMP")
MAX_TEXT = 80

_TEXT_TAGS = (
    (ExifTags.Base.Software, "Logiciel"),
    (ExifTags.Base.Artist, "Auteur"),
    (ExifTags.Base.Copyright, "Droits d'auteur"),
    (ExifTags.Base.ImageDescription, "Description"),
)


@dataclass(frozen=True)
class PhotoInfo:
    """What the participant sees about one photo."""

    valid: bool
    message: str
    items: tuple[tuple[str, str], ...] = ()
    has_gps: bool = False
    latitude: float | None = None
    longitude: float | None = None
    width: int | None = None
    height: int | None = None


class PhotoError(Exception):
    """A photo we refuse to read; its text is a French message."""


def _invalid(message: str) -> PhotoInfo:
    return PhotoInfo(valid=False, message=message)


def _clean_text(value: object) -> str:
    """Printable, short text from an EXIF value (bytes, str, numbers)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    text = "".join(c for c in str(value) if c.isprintable()).strip()
    return text[:MAX_TEXT] + ("…" if len(text) > MAX_TEXT else "")


def _load_strictly(image: Image.Image) -> None:
    """Decode every pixel, refusing a truncated file even if another library (WeasyPrint does, at
    import) switched Pillow's global ``LOAD_TRUNCATED_IMAGES`` on."""
    from PIL import ImageFile

    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _open_image(data: bytes, max_bytes: int, max_pixels: int) -> Image.Image:
    """Open and fully decode ``data``; raise PhotoError with French text."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise PhotoError("Nous n'avons pas reçu de fichier. Choisissez une photo.")
    data = bytes(data)
    if not data:
        raise PhotoError("Le fichier est vide. Choisissez une photo.")
    if len(data) > max_bytes:
        raise PhotoError(f"Le fichier est trop gros (plus de {max_bytes // 1_000_000} Mo). "
                         "Choisissez une photo plus légère.")
    too_big = ("Cette image annonce une taille énorme. C'est peut-être un piège "
               "pour bloquer l'ordinateur : nous ne l'ouvrons pas.")
    try:
        Image.init()  # registers every plugin named in ALLOWED_FORMATS
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            width, height = image.size
            if width <= 0 or height <= 0 or width * height > max_pixels:
                raise PhotoError(too_big)
            _load_strictly(image)
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError(too_big) from None
    except Image.UnidentifiedImageError:
        raise PhotoError("Ce fichier n'est pas une photo que nous savons lire. "
                         "Essayez avec une photo JPEG ou PNG.") from None
    except MemoryError:
        raise PhotoError("Cette image est trop grande pour cet ordinateur.") from None
    except Exception:
        raise PhotoError("Le fichier semble abîmé ou incomplet. "
                         "Essayez d'envoyer la photo une nouvelle fois.") from None
    return image


def _ratio(value: object) -> float:
    number = float(value)  # IFDRational, int, float
    if not math.isfinite(number):
        raise ValueError
    return number


def _gps_position(gps: dict) -> tuple[float, float] | None:
    """Decimal (latitude, longitude) from a GPS IFD, or None if unusable."""
    try:
        parts = []
        for ref_tag, value_tag, limit in ((ExifTags.GPS.GPSLatitudeRef, ExifTags.GPS.GPSLatitude, 90),
                                          (ExifTags.GPS.GPSLongitudeRef, ExifTags.GPS.GPSLongitude, 180)):
            d, m, s = (_ratio(v) for v in gps[value_tag])
            number = d + m / 60 + s / 3600
            ref = _clean_text(gps.get(ref_tag, "")).upper()[:1]
            if ref in ("S", "W"):
                number = -number
            if not -limit <= number <= limit:
                return None
            parts.append(number)
        return parts[0], parts[1]
    except Exception:
        return None


def _format_position(lat: float, lon: float) -> str:
    text = (f"{abs(lat):.3f} {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.3f} {'E' if lon >= 0 else 'O'}")
    place = nearest_place(lat, lon)
    if place is not None:
        name, km = place
        near = f"près de {name}" if km < 3 else f"à environ {round(km)} km de {name}"
        text += " — " + near.replace("de A", "d'A").replace("de É", "d'É")
    return text


def _format_date(raw: object) -> str:
    text = _clean_text(raw)
    try:
        moment = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return text
    return french_moment(moment)


def _device(exif: Image.Exif) -> str:
    make = _clean_text(exif.get(ExifTags.Base.Make, ""))
    model = _clean_text(exif.get(ExifTags.Base.Model, ""))
    if make and model and make.lower() not in model.lower():
        return f"{model} ({make})"
    return model or make


def _hidden_blocks(image: Image.Image) -> list[str]:
    info = image.info
    found = []
    if "xmp" in info or "XML:com.adobe.xmp" in info:
        found.append("XMP (notes laissées par un logiciel de retouche)")
    if info.get("comment"):
        found.append("commentaire")
    if "icc_profile" in info:
        found.append("profil de couleurs")
    if getattr(image, "text", None):
        found.append("textes cachés")
    return found


def _describe(image: Image.Image) -> PhotoInfo:
    width, height = image.size
    items: list[tuple[str, str]] = [
        ("Format", _clean_text(image.format or "inconnu")),
        ("Dimensions", f"{width} × {height} pixels"),
    ]
    try:
        exif = image.getexif()
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:
        exif, sub, gps = Image.Exif(), {}, {}
    device = _device(exif)
    if device:
        items.append(("Appareil", device))
    raw_date = sub.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    if raw_date:
        items.append(("Date de la prise de vue", _format_date(raw_date)))
    position = _gps_position(gps) if gps else None
    if position is not None:
        items.append(("Lieu (GPS)", _format_position(*position)))
    elif gps:
        items.append(("Lieu (GPS)", "présent, mais illisible"))
    for tag, label in _TEXT_TAGS:
        text = _clean_text(exif.get(tag, ""))
        if text:
            items.append((label, text))
    hidden = _hidden_blocks(image)
    if hidden:
        items.append(("Autres informations", ", ".join(hidden)))
    personal = len(items) > 2
    if position is not None:
        message = ("Attention : cette photo contient l'endroit exact où elle a été prise. "
                   "Si vous la partagez, d'autres personnes peuvent le voir.")
    elif personal:
        message = ("Cette photo contient des informations cachées (appareil, date…). "
                   "Elles partent avec la photo quand vous l'envoyez.")
    else:
        message = "Cette photo ne contient pas d'informations cachées sur l'appareil, la date ou le lieu."
    return PhotoInfo(
        valid=True, message=message, items=tuple(items), has_gps=position is not None,
        latitude=position[0] if position else None, longitude=position[1] if position else None,
        width=width, height=height,
    )


def read_photo(data: bytes, max_bytes: int = 15_000_000, max_pixels: int = 40_000_000) -> PhotoInfo:
    """Show the hidden information of a photo, in French. Never raises."""
    try:
        with warnings.catch_warnings(), quiet_logs():
            warnings.simplefilter("ignore")  # Pillow's English warnings stay hidden
            return _describe(_open_image(data, max_bytes, max_pixels))
    except PhotoError as error:
        return _invalid(str(error))
    except Exception:
        return _invalid("Nous n'avons pas pu lire cette photo. Essayez avec une autre photo.")


def _pixels_only(image: Image.Image) -> Image.Image:
    """A brand-new image with the same pixels and no metadata at all."""
    image = ImageOps.exif_transpose(image) or image
    if image.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
        image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def clean_photo(data: bytes, max_bytes: int = 15_000_000, max_pixels: int = 40_000_000) -> bytes:
    """A copy without EXIF, GPS, XMP, ICC or comments, orientation applied.

    JPEG stays JPEG (re-encoded at quality 95), other formats become PNG.
    Returns ``b""`` if the photo cannot be read (``read_photo`` says why).
    """
    try:
        with warnings.catch_warnings(), quiet_logs():
            warnings.simplefilter("ignore")  # Pillow's English warnings stay hidden
            image = _open_image(data, max_bytes, max_pixels)
            is_jpeg = image.format in ("JPEG", "MPO")
            clean = _pixels_only(image)
        out = io.BytesIO()
        if is_jpeg and clean.mode in ("RGB", "L", "CMYK"):
            clean.save(out, format="JPEG", quality=95)
        else:
            clean.save(out, format="PNG")
        return out.getvalue()
    except Exception:
        return b""
