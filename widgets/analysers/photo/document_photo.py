"""Is this photo of a paper (or this PDF) good enough to attach to an online procedure?

``check_document(data, site_limit)`` never raises: it returns a ``DocumentCheck`` whose ``message``
and ``problems`` are plain French (titles and advice come from ``widgets/data/piece_jointe.yaml``).
Everything happens in memory: the bytes are never written, logged or kept (the result holds only
numbers and the French sentences).

- Size first: above ``HARD_LIMIT`` bytes nothing is decoded; pictures go through the photo family's
  guarded opening (formats allowed, decompression-bomb limit, strict decoding).
- A photo is measured on a small grey copy: brightness (mean, share of burnt pixels), sharpness
  (variance of ``ImageFilter.FIND_EDGES``), the paper (the bright part, found with Otsu's threshold:
  does it touch one edge but not the opposite one, is it tiny or off-centre), the direction of the text
  lines (rows vs columns of ink), and the number of pixels.
- A PDF is checked for real: signature ``%PDF-``, end marker, pages counted with pypdf, password protection.
- Pillow's and pypdf's loggers are muted meanwhile: Pillow logs EXIF values at DEBUG level, pypdf quotes
  broken files in its warnings.
"""
from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from widgets.analysers.data_files import DataFileError, parse_dated, read_yaml
from widgets.analysers.quiet_logs import quiet_logs

#: Nothing above this is decoded (the site's own limit, usually lower, is a separate, kind advice).
HARD_LIMIT = 25_000_000
#: Pixels allowed before refusing to decode (decompression bomb guard), and the advice thresholds.
MAX_PIXELS = 60_000_000
MANY_PIXELS = 16_000_000
FEW_PIXELS_SIDE = 600
#: The small grey copy every measure is made on (its longest side, in pixels).
WORK_SIDE = 1000

DARK_MEAN = 60
BURNT_SHARE = 0.45
BLUR_VARIANCE = 90.0
EDGE_SHARE = 0.6
SMALL_PAPER = 0.25
OFF_CENTRE = 0.15
MANY_PAGES = 10

DATA_FILE = "piece_jointe.yaml"

NOTHING = "Nous n'avons reçu aucun fichier. Appuyez sur « Joindre un fichier » et choisissez une photo ou un PDF."
EMPTY = "Le fichier est vide (0 octet). Reprenez la photo, ou choisissez un autre fichier."
UNKNOWN = ("Ce fichier n'est ni une photo ni un PDF. Le service attend une photo (JPEG, PNG) ou un PDF. "
           "Si le nom finit par « .jpg » ou « .pdf », ce n'est pas suffisant : c'est le contenu qui compte.")
HEIC = ("Cette photo est au format HEIC (celui des iPhone), que beaucoup de services refusent. Sur l'iPhone : "
        "Réglages, Appareil photo, Formats, choisissez « Le plus compatible », puis reprenez la photo.")
FAKE_PDF = ("Ce fichier s'annonce comme un PDF mais n'en est pas un vrai, ou il est très abîmé : le service ne "
            "pourra pas l'ouvrir. Refaites le PDF, ou prenez le papier en photo.")
BROKEN_PDF = ("Ce PDF est incomplet ou abîmé (peut-être un téléchargement interrompu) : le service ne pourra pas "
              "l'ouvrir. Téléchargez-le ou refaites-le, puis réessayez.")
UNREADABLE = "Nous n'avons pas pu lire ce fichier. Essayez avec une autre photo, ou un PDF."

_FALLBACK_TEXTS = {
    "lisible": "Cette photo semble lisible.",
    "pdf_lisible": "Ce fichier est un vrai PDF.",
    "refus_probable": "Le service risque de refuser ce fichier.",
    "a_ameliorer": "Ce fichier peut partir, mais il y a mieux à faire :",
}
_BLOCKING = ("sombre", "claire", "floue", "coupee", "petite", "lourde", "pdf_chiffre", "pdf_vide")


@dataclass(frozen=True)
class Problem:
    """One thing to fix: a code (key of the data file), its French title and advice."""

    code: str
    title: str
    advice: str
    blocking: bool


@dataclass(frozen=True)
class DocumentCheck:
    """What the page says about one file: can it be read, would a service accept it, how to do better."""

    readable: bool
    kind: str  # "photo", "pdf" or "" (unreadable)
    message: str
    problems: tuple[Problem, ...] = ()
    details: tuple[tuple[str, str], ...] = ()

    @property
    def usable(self) -> bool:
        """Readable, and nothing that a service would likely refuse."""
        return self.readable and not any(p.blocking for p in self.problems)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)


@lru_cache(maxsize=1)
def texts() -> dict:
    """The data file (titles, advice, its sources), checked once; a broken file gives plain fallbacks."""
    try:
        data = read_yaml(DATA_FILE)
        parse_dated(data, DATA_FILE)
        if not isinstance(data.get("problemes"), dict):
            raise DataFileError(DATA_FILE)
        return data
    except (DataFileError, AttributeError):
        return {"problemes": {}}


def sources() -> list[dict]:
    """The sources of the taught facts (for the page and the fiche)."""
    return list(texts().get("sources") or [])


def _text(key: str) -> str:
    value = texts().get(key)
    return value if isinstance(value, str) and value.strip() else _FALLBACK_TEXTS.get(key, "")


def _problem(code: str, **values) -> Problem:
    raw = texts()["problemes"].get(code) or {}
    title = str(raw.get("titre") or code)
    advice = str(raw.get("conseil") or "")
    try:
        advice = advice.format(**values)
    except (KeyError, IndexError, ValueError):
        pass
    return Problem(code, title, advice, code in _BLOCKING)


def size_text(n: int) -> str:
    """« 850 Ko », « 2,4 Mo » (1 Mo = 1 000 000 octets, as phones and sites count)."""
    if n < 1_000_000:
        return f"{max(1, round(n / 1000))} Ko" if n else "0 octet"
    return f"{n / 1_000_000:.1f} Mo".replace(".", ",").replace(",0 Mo", " Mo")


# ---- what the bytes are -----------------------------------------------------------------------------

_IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM")
_HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def sniff(data: bytes) -> str:
    """« image », « pdf », « heic » or « inconnu », from the first bytes only (never the file name)."""
    head = data[:1024]
    if head.startswith(_IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-"):
        return "pdf"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return "heic"
    return "inconnu"


def check_document(data: object, site_limit: int = 5_000_000) -> DocumentCheck:
    """Say, in French, whether ``data`` (a photo of a paper or a PDF) can be attached, and how to do better.

    ``site_limit`` is the simulated service's size limit in bytes. Never raises.
    """
    try:
        with warnings.catch_warnings(), quiet_logs():
            warnings.simplefilter("ignore")  # Pillow's and pypdf's English warnings stay hidden
            return _check(data, site_limit)
    except MemoryError:
        return DocumentCheck(False, "", "Ce fichier est trop grand pour cet ordinateur. Essayez avec une photo plus légère.")
    except Exception:  # noqa: BLE001 - a participant never sees a traceback
        return DocumentCheck(False, "", UNREADABLE)


def _check(data: object, site_limit: int) -> DocumentCheck:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return DocumentCheck(False, "", NOTHING)
    data = bytes(data)
    if not data:
        return DocumentCheck(False, "", EMPTY)
    if len(data) > HARD_LIMIT:
        return DocumentCheck(False, "", f"Ce fichier pèse {size_text(len(data))} : c'est beaucoup trop lourd "
                             f"(les services acceptent souvent quelques Mo). {_problem('lourde', limite=size_text(site_limit), poids=size_text(len(data))).advice}")
    kind = sniff(data)
    if kind == "pdf":
        return _check_pdf(data, site_limit)
    if kind == "heic":
        return DocumentCheck(False, "", HEIC)
    if kind != "image":
        return DocumentCheck(False, "", UNKNOWN)
    return _check_photo(data, site_limit)


# ---- photos ------------------------------------------------------------------------------------------

def _otsu(histogram: list[int]) -> int:
    """The grey level that best splits a 256-bin histogram into dark and bright (Otsu's method)."""
    total = sum(histogram)
    weighted = sum(i * h for i, h in enumerate(histogram))
    best, level, dark_count, dark_sum = -1.0, 128, 0, 0
    for i in range(256):
        dark_count += histogram[i]
        if dark_count == 0:
            continue
        bright_count = total - dark_count
        if bright_count == 0:
            break
        dark_sum += i * histogram[i]
        m_dark = dark_sum / dark_count
        m_bright = (weighted - dark_sum) / bright_count
        between = dark_count * bright_count * (m_dark - m_bright) ** 2
        if between > best:
            best, level = between, i
    return level


def _paper(grey) -> dict | None:
    """Where the paper (the bright part) is: share of each edge it covers, its box; None if no clear paper."""
    from PIL import ImageStat

    level = _otsu(grey.histogram())
    mask = grey.point(lambda v: 255 if v > level else 0)
    stat = ImageStat.Stat(mask)
    share = stat.mean[0] / 255
    bright = ImageStat.Stat(grey, mask).mean[0] if share > 0 else 0
    dark_mask = mask.point(lambda v: 255 - v)
    dark = ImageStat.Stat(grey, dark_mask).mean[0] if share < 1 else 0
    if share < 0.03 or share > 0.97 or bright - dark < 40:
        return None  # one colour everywhere: no paper to find
    w, h = mask.size
    band = max(2, min(w, h) // 50)

    def covered(box) -> float:
        return ImageStat.Stat(mask.crop(box)).mean[0] / 255

    edges = {"haut": covered((0, 0, w, band)), "bas": covered((0, h - band, w, h)),
             "gauche": covered((0, 0, band, h)), "droite": covered((w - band, 0, w, h))}
    # the paper's box: the bright part of a 4-times smaller copy, where small specks (table grain, JPEG
    # noise) are averaged away
    small = mask.reduce(4) if min(w, h) >= 40 else mask
    found = small.point(lambda v: 255 if v > 192 else 0).getbbox()
    if found is None:
        return None
    sw, sh = small.size
    left, top, right, bottom = found[0] / sw, found[1] / sh, found[2] / sw, found[3] / sh
    return {"edges": edges, "share": share, "box": (left, top, right, bottom), "level": level}


def _lines_run_vertically(grey, box, level: int) -> bool:
    """True when the text inside the paper runs in columns rather than rows (a page lying on its side).

    Between lines of text, whole rows are blank; across a line, whole columns almost never are. A page
    on its side shows the opposite.
    """
    from PIL import Image

    w, h = grey.size
    left, top, right, bottom = box
    margin = 4
    inner = grey.crop((int(w * left) + margin, int(h * top) + margin,
                       max(int(w * right) - margin, int(w * left) + margin + 1),
                       max(int(h * bottom) - margin, int(h * top) + margin + 1)))
    if inner.width < 60 or inner.height < 60:
        return False
    ink = inner.point(lambda v: 255 if v < level else 0)

    def blank_share(profile: list[int]) -> float:
        inked = [i for i, v in enumerate(profile) if v >= 1]
        if len(inked) < 10:
            return 0.0
        span = profile[inked[0]:inked[-1] + 1]
        return sum(v < 1 for v in span) / len(span)

    rows = blank_share(list(ink.resize((1, ink.height), Image.Resampling.BOX).tobytes()))
    cols = blank_share(list(ink.resize((ink.width, 1), Image.Resampling.BOX).tobytes()))
    return cols > 0.15 and cols > 2 * rows


def _check_photo(data: bytes, site_limit: int) -> DocumentCheck:
    from PIL import ExifTags, ImageFilter, ImageOps, ImageStat

    from widgets.analysers.photo.metadata import PhotoError, _open_image

    try:
        image = _open_image(data, HARD_LIMIT, MAX_PIXELS)
    except PhotoError as error:
        return DocumentCheck(False, "", str(error))
    if image.getexif().get(ExifTags.Base.Orientation, 1) not in (1, None):
        image = ImageOps.exif_transpose(image) or image  # the page as the phone showed it
    width, height = image.size
    grey = image.convert("L")
    image.close()
    grey.thumbnail((WORK_SIDE, WORK_SIDE))
    problems: list[Problem] = []
    details = [("Type", "photo"), ("Poids", size_text(len(data))), ("Dimensions", f"{width} × {height} points")]

    stat = ImageStat.Stat(grey)
    mean = stat.mean[0]
    histogram = grey.histogram()
    burnt = sum(histogram[250:]) / max(1, sum(histogram))
    edges = grey.filter(ImageFilter.FIND_EDGES)
    # the outer pixel ring of FIND_EDGES is meaningless: measure inside it
    sharpness = ImageStat.Stat(edges.crop((2, 2, edges.width - 2, edges.height - 2))).var[0]
    if mean < DARK_MEAN:
        problems.append(_problem("sombre"))
    elif burnt > BURNT_SHARE:
        problems.append(_problem("claire"))
    if min(width, height) < FEW_PIXELS_SIDE:
        problems.append(_problem("petite"))
    elif sharpness < BLUR_VARIANCE and mean >= DARK_MEAN:
        problems.append(_problem("floue"))
    paper = _paper(grey)
    if paper is not None:
        e = paper["edges"]
        cut = any(e[a] > EDGE_SHARE and e[b] < 0.2 for a, b in
                  (("haut", "bas"), ("bas", "haut"), ("gauche", "droite"), ("droite", "gauche")))
        touching = sum(v > EDGE_SHARE for v in e.values())
        left, top, right, bottom = paper["box"]
        if cut:
            problems.append(_problem("coupee"))
        elif touching == 0:
            area = (right - left) * (bottom - top)
            centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
            if area < SMALL_PAPER:
                problems.append(_problem("trop_loin"))
            elif max(abs(centre_x - 0.5), abs(centre_y - 0.5)) > OFF_CENTRE:
                problems.append(_problem("decentre"))
        if _lines_run_vertically(grey, paper["box"], paper["level"]):
            problems.append(_problem("couchee"))
    if len(data) > site_limit:
        problems.append(_problem("lourde", limite=size_text(site_limit), poids=size_text(len(data))))
    if width * height > MANY_PIXELS:
        problems.append(_problem("tres_grande", pixels=round(width * height / 1_000_000)))
    return DocumentCheck(True, "photo", _verdict(problems, "lisible"), tuple(problems), tuple(details))


def _verdict(problems: list[Problem], fine_key: str) -> str:
    if any(p.blocking for p in problems):
        return _text("refus_probable")
    if problems:
        return _text("a_ameliorer")
    return _text(fine_key)


# ---- PDF ---------------------------------------------------------------------------------------------

_PAGE = re.compile(rb"/Type\s*/Page(?![sa-zA-Z])")


def _count_pages(data: bytes) -> tuple[int, bool]:
    """(number of pages, protected by a password). Raises on a file pypdf cannot read."""
    try:
        from pypdf import PdfReader
    except ImportError:  # minimal check: count the page objects
        return len(_PAGE.findall(data)), b"/Encrypt" in data
    with quiet_logs():
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return 0, True
            except Exception:  # noqa: BLE001 - an unknown protection is still a protection
                return 0, True
        return len(reader.pages), False


def _check_pdf(data: bytes, site_limit: int) -> DocumentCheck:
    if b"%%EOF" not in data[-2048:]:
        return DocumentCheck(False, "", BROKEN_PDF if b"obj" in data[:65536] else FAKE_PDF)
    try:
        pages, protected = _count_pages(data)
    except Exception:  # noqa: BLE001 - what pypdf cannot read, a service cannot either
        return DocumentCheck(False, "", FAKE_PDF)
    problems: list[Problem] = []
    details = [("Type", "PDF"), ("Poids", size_text(len(data)))]
    if protected:
        problems.append(_problem("pdf_chiffre"))
    else:
        details.append(("Pages", str(pages)))
        if pages == 0:
            problems.append(_problem("pdf_vide"))
        elif pages > MANY_PAGES:
            problems.append(_problem("pdf_pages", pages=pages))
    if len(data) > site_limit:
        problems.append(_problem("lourde", limite=size_text(site_limit), poids=size_text(len(data))))
    return DocumentCheck(True, "pdf", _verdict(problems, "pdf_lisible"), tuple(problems), tuple(details))
