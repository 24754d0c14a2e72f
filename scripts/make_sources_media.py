"""Draw the images of atelier 04 (reverse image search, trace to the original) with Pillow.

Run ``python scripts/make_sources_media.py`` to regenerate them in
``ateliers/04_sources/media/`` (or give another folder). Everything is drawn: no real photo,
invented sites and dates. Not part of the installed package.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

MEDIA_DIR = Path(__file__).resolve().parents[1] / "ateliers" / "04_sources" / "media"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MAX_BYTES = 120_000
INK = (26, 26, 26)
BLUE = (31, 78, 140)
GREY = (90, 90, 90)
PHONE = (540, 960)


def font(size: int, bold: bool = False) -> ImageFont.ImageFont:
    """DejaVu Sans if installed, else Pillow's default font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:
        return ImageFont.load_default(size=size)


def flooded_street(size: tuple[int, int] = (800, 600)) -> Image.Image:
    """A stylised village street under brown water, grey sky, rain."""
    w, h = size
    image = Image.new("RGB", size, (150, 160, 170))
    draw = ImageDraw.Draw(image)
    for y in range(int(h * 0.45)):  # sky gradient
        shade = 120 + int(60 * y / (h * 0.45))
        draw.line([(0, y), (w, y)], fill=(shade, shade + 5, shade + 12))
    houses = [(0.00, 0.30, (205, 190, 160)), (0.20, 0.22, (190, 170, 140)),
              (0.58, 0.26, (215, 200, 175)), (0.80, 0.20, (180, 165, 140))]
    for left, width, colour in houses:
        x0, x1 = int(left * w), int((left + width) * w)
        top = int(h * 0.25) + (x0 % 37)
        draw.rectangle([x0, top, x1, h], fill=colour, outline=(120, 105, 90), width=2)
        draw.polygon([(x0 - 10, top), ((x0 + x1) // 2, top - int(h * 0.1)), (x1 + 10, top)],
                     fill=(150, 70, 50))
        for wx in range(x0 + 20, x1 - 40, 70):
            draw.rectangle([wx, top + 40, wx + 35, top + 90], fill=(70, 85, 100),
                           outline=(60, 60, 60), width=2)
            draw.rectangle([wx - 6, top + 40, wx, top + 90], fill=(40, 100, 80))
    draw.rectangle([int(0.53 * w), int(0.30 * h), int(0.545 * w), int(0.75 * h)], fill=(50, 50, 50))
    draw.ellipse([int(0.515 * w), int(0.27 * h), int(0.56 * w), int(0.32 * h)], fill=(230, 210, 120))
    water_top = int(h * 0.62)
    draw.rectangle([0, water_top, w, h], fill=(120, 95, 60))
    for y in range(water_top + 12, h, 22):  # ripples
        for x in range((y * 7) % 60, w, 90):
            draw.arc([x, y, x + 50, y + 10], 180, 360, fill=(165, 140, 100), width=3)
    draw.rectangle([int(0.3 * w), water_top - 25, int(0.42 * w), water_top + 5], fill=(200, 40, 40))
    draw.rectangle([int(0.32 * w), water_top - 45, int(0.40 * w), water_top - 25], fill=(60, 70, 80))
    for x in range(0, w, 23):  # rain
        for y in range((x * 13) % 50, water_top, 60):
            draw.line([(x, y), (x - 6, y + 18)], fill=(205, 210, 220), width=1)
    return image


def _phone(title: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", PHONE, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, PHONE[0], 40], fill=(30, 30, 30))
    draw.text((20, 8), "10:42", font=font(22), fill=(255, 255, 255))
    draw.rounded_rectangle([16, 54, PHONE[0] - 16, 112], radius=28, fill=(235, 237, 240),
                           outline=(150, 150, 150), width=2)
    draw.text((40, 68), title, font=font(24), fill=INK)
    return image, draw


def _wrap(draw: ImageDraw.ImageDraw, xy, text: str, size: int, width: int, bold=False, fill=INK) -> int:
    """Write text wrapped to ``width`` pixels; return the y after the last line."""
    x, y = xy
    face = font(size, bold)
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=face) > width and line:
            draw.text((x, y), line, font=face, fill=fill)
            y += int(size * 1.3)
            line = word
        else:
            line = trial
    if line:
        draw.text((x, y), line, font=face, fill=fill)
        y += int(size * 1.3)
    return y


def step_long_press() -> Image.Image:
    """Step 1: long press on the photo, menu with « Rechercher l'image avec Google Lens »."""
    image, draw = _phone("info-verite-ardeche.fr")
    y = _wrap(draw, (24, 130), "Ce matin, la grand-rue est sous l'eau ! Partagez !", 28, 490, bold=True)
    photo = flooded_street((492, 300))
    image.paste(photo, (24, y + 10))
    shade = Image.new("RGB", PHONE, (0, 0, 0))
    image = Image.blend(image, shade, 0.35)
    draw = ImageDraw.Draw(image)
    menu = [70, 470, 500, 860]
    draw.rounded_rectangle(menu, radius=18, fill=(255, 255, 255), outline=INK, width=2)
    items = ["Ouvrir l'image", "Télécharger l'image", "Rechercher l'image avec Google Lens",
             "Copier l'image"]
    top = menu[1] + 20
    for index, item in enumerate(items):
        box = [menu[0] + 12, top, menu[2] - 12, top + 82]
        if index == 2:
            draw.rounded_rectangle(box, radius=12, fill=(225, 235, 250), outline=BLUE, width=5)
            draw.text((box[0] - 58, top + 14), "➜", font=font(40, True), fill=(255, 255, 255))
        _wrap(draw, (box[0] + 16, top + 12), item, 24, 380, bold=index == 2)
        top += 92
    draw.rounded_rectangle([24, 880, 516, 945], radius=14, fill=(255, 255, 255), outline=INK, width=2)
    draw.text((44, 896), "1. Appuyez longtemps sur la photo", font=font(22, True), fill=INK)
    return image


def step_results() -> Image.Image:
    """Step 2: results page: the same picture was published in 2019 in another country."""
    image, draw = _phone("Résultats pour cette image")
    image.paste(flooded_street((220, 165)), (24, 130))
    _wrap(draw, (260, 135), "Votre image", 24, 260, bold=True)
    _wrap(draw, (260, 170), "Recherche des pages qui montrent la même photo", 20, 260, fill=GREY)
    y = 320
    results = [("Photo identique", "Journal en ligne, Italie", "Inondations dans la vallée",
                "Publié le 25 novembre 2019"),
               ("Photo identique", "Site de photos", "Rue inondée après l'orage",
                "Publié le 27 novembre 2019")]
    for tag, site, title, when in results:
        draw.rounded_rectangle([20, y, 520, y + 230], radius=14, fill=(255, 255, 255),
                               outline=(150, 150, 150), width=2)
        image.paste(flooded_street((150, 112)), (36, y + 20))
        draw.text((200, y + 18), tag, font=font(20, True), fill=BLUE)
        bottom = _wrap(draw, (200, y + 50), title, 24, 300, bold=True)
        bottom = _wrap(draw, (200, bottom + 4), site, 21, 300, fill=GREY)
        draw.text((36, y + 150), when, font=font(26, True), fill=INK)
        draw.line([(36, y + 186), (36 + draw.textlength(when, font=font(26, True)), y + 186)],
                  fill=INK, width=3)
        y += 250
    draw.rounded_rectangle([24, 880, 516, 945], radius=14, fill=(255, 255, 255), outline=INK, width=2)
    draw.text((44, 896), "2. Regardez la date la plus ancienne", font=font(21, True), fill=INK)
    return image


def step_compare() -> Image.Image:
    """Step 3: compare the re-shared post with the original: same photo, other date and place."""
    image, draw = _phone("Comparer")
    cards = [("Publication partagée en 2026", "« Ce matin, la grand-rue est sous l'eau ! »",
              "info-verite-ardeche.fr"),
             ("Première publication trouvée", "« Inondations dans la vallée »",
              "Journal en ligne, Italie, 25 novembre 2019")]
    y = 130
    for heading, caption, where in cards:
        draw.rounded_rectangle([20, y, 520, y + 300], radius=14, fill=(255, 255, 255),
                               outline=(150, 150, 150), width=2)
        draw.text((36, y + 14), heading, font=font(24, True), fill=INK)
        image.paste(flooded_street((180, 135)), (36, y + 56))
        bottom = _wrap(draw, (232, y + 56), caption, 22, 270)
        _wrap(draw, (232, bottom + 8), where, 20, 270, fill=GREY)
        y += 320
    draw.rounded_rectangle([20, 780, 520, 945], radius=14, fill=(255, 248, 225), outline=INK, width=3)
    _wrap(draw, (40, 796), "3. Même photo, autre date, autre pays : la légende est fausse.",
          26, 460, bold=True)
    return image


def images() -> dict[str, Image.Image]:
    """All images of atelier 04, by file name."""
    return {"rue_inondee.jpg": flooded_street(), "etape1_appui_long.png": step_long_press(),
            "etape2_resultats.png": step_results(), "etape3_comparer.png": step_compare()}


def save_all(folder: Path = MEDIA_DIR) -> list[Path]:
    """Write every image (JPEG or optimised palette PNG), each under 120 KB."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, image in images().items():
        path = folder / name
        if name.endswith(".jpg"):
            image.save(path, "JPEG", quality=80, optimize=True)
        else:
            image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(path, "PNG", optimize=True)
        if path.stat().st_size > MAX_BYTES:
            raise RuntimeError(f"{name} dépasse 120 Ko")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in save_all(Path(sys.argv[1]) if len(sys.argv) > 1 else MEDIA_DIR):
        print(written_path.name, written_path.stat().st_size, "octets")
