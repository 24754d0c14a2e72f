"""Honest and misleading charts made from real INSEE figures on digital exclusion.

Each function returns a ``Chart``: an inline SVG (no external reference, no script, large
text), a French text alternative with the numbers, and a French explanation of why the chart
is honest or misleading. matplotlib is imported lazily and used without pyplot (no GUI, no
global figure state).
"""
from __future__ import annotations

import io
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas

DEFAULT_DATASET = (Path(__file__).resolve().parent.parent.parent
                   / "ateliers" / "04_sources" / "donnees" / "illectronisme.csv")
COLUMNS = ("indicateur", "annee", "groupe", "valeur_pct", "champ", "publication")
MAX_FILE_BYTES = 1_000_000
SOURCE_NOTE = "Source : Insee"

INK = "#1a1a1a"        # text and axes (contrast 17:1 on white)
MAIN = "#1f4e8c"       # dark blue (contrast 8:1 on white)
ACCENT = "#9c3d00"     # dark orange-brown (contrast 6.6:1 on white)
FONT_SIZE = 15         # ≥ 14 px when the SVG is shown 360 px wide
FIG_WIDTH_IN = 5.0     # 360 pt: 1 SVG unit = 1 px at 360 px wide

LABELS = {
    "usage_internet_3_mois": "Ont utilisé Internet dans les 3 derniers mois",
    "illectronisme": "Personnes en difficulté avec le numérique (illectronisme)",
    "sans_internet_dans_l_annee": "N'ont pas utilisé Internet dans l'année",
    "usagers_manquant_une_competence": "Internautes à qui il manque au moins une compétence",
    "sans_acces_domicile": "Sans accès à Internet à la maison",
}

SHORT_LABELS = {"illectronisme": "Illectronisme selon l'âge", "usage_internet_3_mois": "Usage d'Internet"}

#: The age bands of the INSEE publications, in order. A chart of some of them says, on the chart and in
#: its text alternative, which ones it leaves out (the figures file has no sure figure for 40 to 59).
AGE_BANDS = ("15 à 24 ans", "25 à 39 ans", "40 à 59 ans", "60 à 74 ans", "75 ans ou plus")
HONEST_GROUPS = ("15 à 24 ans", "25 à 39 ans", "60 à 74 ans", "75 ans ou plus")


class DatasetError(ValueError):
    """A data file or a chart request that cannot be used; the text is plain French."""


@dataclass(frozen=True)
class Chart:
    """An SVG chart with its French text alternative and explanation."""

    svg: str
    alt: str
    misleading: bool
    explanation: str
    ylim: tuple[float, float] | None = None


def pct(value: float) -> str:
    """French percentage: 15,4 % (non-breaking space before %)."""
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")
    return f"{text}\u00a0%"


def points(value: float) -> str:
    """French number of percentage points: '1,3 point', '16,8 points'."""
    text = f"{value:.1f}".replace(".", ",").replace(",0", "")
    return f"{text} point" if abs(value) < 2 else f"{text} points"


# ---------------------------------------------------------------- data

def load_dataset(path: str | Path = DEFAULT_DATASET) -> "pandas.DataFrame":
    """Read the figures file; any problem gives a ``DatasetError`` in plain French."""
    import pandas

    try:
        file = Path(path)
        if not file.is_file():
            raise DatasetError("Le fichier de données est introuvable.")
        if file.stat().st_size > MAX_FILE_BYTES:
            raise DatasetError("Le fichier de données est beaucoup trop gros.")
        raw = file.read_bytes()
    except (OSError, TypeError, ValueError) as exc:
        if isinstance(exc, DatasetError):
            raise
        raise DatasetError("Le fichier de données ne peut pas être ouvert.") from exc
    if b"\x00" in raw:
        raise DatasetError("Ce fichier n'est pas un tableau de texte (CSV).")
    try:
        text = raw.decode("utf-8-sig")
        frame = pandas.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pandas.errors.ParserError, pandas.errors.EmptyDataError, ValueError) as exc:
        raise DatasetError("Le fichier de données est abîmé : ce n'est pas un tableau CSV lisible.") from exc
    return _checked(frame)


def _checked(frame: "pandas.DataFrame") -> "pandas.DataFrame":
    import pandas

    missing = [name for name in COLUMNS if name not in frame.columns]
    if missing:
        raise DatasetError("Il manque des colonnes dans le fichier de données : " + ", ".join(missing) + ".")
    if frame.empty:
        raise DatasetError("Le fichier de données ne contient aucun chiffre.")
    frame = frame[list(COLUMNS)].copy()
    for name in ("indicateur", "groupe", "champ", "publication"):
        frame[name] = frame[name].astype(str).str.strip()
    annee = pandas.to_numeric(frame["annee"], errors="coerce")
    valeur = pandas.to_numeric(frame["valeur_pct"].str.replace(",", ".", regex=False), errors="coerce")
    bad = annee.isna() | valeur.isna() | (annee % 1 != 0)
    if bad.any():
        line = int(bad.idxmax()) + 2
        raise DatasetError(f"Ligne {line} du fichier : l'année ou le pourcentage n'est pas un nombre.")
    if not valeur.between(0, 100).all():
        line = int((~valeur.between(0, 100)).idxmax()) + 2
        raise DatasetError(f"Ligne {line} du fichier : un pourcentage doit être entre 0 et 100.")
    if (frame["indicateur"] == "").any() or (frame["groupe"] == "").any():
        raise DatasetError("Une ligne du fichier n'a pas de nom d'indicateur ou de groupe.")
    frame["annee"] = annee.astype(int)
    frame["valeur_pct"] = valeur.astype(float)
    return frame.reset_index(drop=True)


def _select(df, indicateur: str, *, annee=None, groupe=None) -> "pandas.DataFrame":
    if not hasattr(df, "columns") or any(name not in df.columns for name in COLUMNS):
        raise DatasetError("Ces données ne viennent pas du fichier prévu : chargez-les avec load_dataset.")
    rows = df[df["indicateur"] == indicateur]
    if annee is not None:
        rows = rows[rows["annee"] == annee]
    if groupe is not None:
        rows = rows[rows["groupe"] == groupe]
    if rows.empty:
        raise DatasetError("Aucun chiffre ne correspond à cette demande dans le fichier de données.")
    return rows


def clean_label(value: object, limit: int = 40) -> str:
    """Printable text only (no control characters), short, with no mathtext '$'."""
    text = "".join(ch for ch in str(value) if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())[:limit].replace("$", "\\$")
    return text or "?"


def _values(rows, key: str, wanted: Sequence) -> list[tuple[object, float]]:
    found = dict(zip(rows[key], rows["valeur_pct"]))
    absent = [clean_label(item) for item in wanted if item not in found]
    if absent:
        raise DatasetError("Ces éléments manquent dans le fichier de données : " + ", ".join(absent) + ".")
    return [(item if isinstance(item, (int, float)) else clean_label(item), float(found[item]))
            for item in wanted]


# ---------------------------------------------------------------- drawing

def _figure(height_in: float = 4.2):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(FIG_WIDTH_IN, height_in))
    axes = figure.add_subplot()
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=FONT_SIZE, colors=INK)
    return figure, axes


def _percent_axis(axes) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(nbins=4))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: pct(round(value, 1))))


def _title(figure, text: str, subtitle: str = "") -> None:
    figure.suptitle(text, fontsize=FONT_SIZE + 1, color=INK, fontweight="bold", x=0.02,
                    ha="left", wrap=True)
    if subtitle:  # a choice the chart makes (a group left out) is said on the chart itself
        figure.text(0.02, 0.905, subtitle, fontsize=FONT_SIZE, color=INK, ha="left", va="top",
                    fontstyle="italic")
        figure.subplots_adjust(top=0.78)


def left_out_bands(groupes: Sequence[str]) -> list[str]:
    """The age bands between the first and last shown that the chart leaves out ([] if not age bands)."""
    shown = [g for g in groupes if g in AGE_BANDS]
    if len(shown) != len(groupes) or len(shown) < 2:
        return []
    first, last = AGE_BANDS.index(shown[0]), AGE_BANDS.index(shown[-1])
    return [band for band in AGE_BANDS[first:last + 1] if band not in shown]


def _list_fr(items: Sequence[str]) -> str:
    return ", ".join(items[:-1]) + " et " + items[-1] if len(items) > 1 else items[0]


def _to_svg(figure, alt: str) -> str:
    """Serialise without DOCTYPE, metadata or xlink namespace: no external reference at all."""
    import matplotlib

    buffer = io.StringIO()
    figure.text(0.99, -0.06, SOURCE_NOTE, ha="right", va="top", fontsize=FONT_SIZE, color=INK)
    svg_settings = {"svg.fonttype": "none", "svg.hashsalt": "ateliers-numeriques"}
    with warnings.catch_warnings(), matplotlib.rc_context(svg_settings):
        warnings.simplefilter("ignore")  # a missing glyph is not worth a warning
        figure.savefig(buffer, format="svg", bbox_inches="tight",
                       metadata={"Title": alt, "Creator": None, "Date": None, "Format": None, "Type": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    svg = re.sub(r'\s+xmlns:xlink="[^"]*"', "", svg, count=1)
    svg = re.sub(r'(<[^<>]*?)\bxlink:href=', r"\1href=", svg)
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _bars(axes, labels, values, colours, hatches, bottom: float = 0.0) -> None:
    positions = range(len(values))
    bars = axes.bar(positions, [v - bottom for v in values], bottom=bottom, color=colours,
                    edgecolor=INK, linewidth=1.2, hatch=hatches, width=0.65)
    for bar, value in zip(bars, values):
        axes.annotate(pct(value), (bar.get_x() + bar.get_width() / 2, value), ha="center",
                      va="bottom", xytext=(0, 4), textcoords="offset points",
                      fontsize=FONT_SIZE, color=INK, fontweight="bold")
    axes.set_xticks(list(positions), [str(label).replace(" ou plus", "\nou plus")
                                      .replace(" à ", " à\n") for label in labels])


# ---------------------------------------------------------------- charts

def honest_bar(df, indicateur: str = "illectronisme", annee: int = 2021,
               groupes: Sequence[str] = HONEST_GROUPS) -> Chart:
    """Bars starting at 0, every value written on its bar, and a left-out age band said on the chart."""
    data = _values(_select(df, indicateur, annee=annee), "groupe", groupes)
    missing = left_out_bands([g for g, _ in data])
    note = (f"Les {_list_fr(missing)} ne sont pas montrés :\npas de chiffre sûr pour eux." if missing else "")
    figure, axes = _figure(4.6 if note else 4.2)
    _bars(axes, [g for g, _ in data], [v for _, v in data], MAIN, None)
    axes.set_ylim(0, max(100.0, max(v for _, v in data) * 1.15))
    _percent_axis(axes)
    label = LABELS.get(indicateur, indicateur)
    _title(figure, f"{SHORT_LABELS.get(indicateur, indicateur)}, en {annee}", note)
    ylim = tuple(float(v) for v in axes.get_ylim())
    listing = " ; ".join(f"{g} : {pct(v)}" for g, v in data)
    alt = f"Graphique en barres. {label}, en {annee}. {listing}. L'axe commence à 0\u00a0%."
    if missing:
        alt += f" {note.replace(chr(10), ' ')}"
    explanation = ("Graphique honnête : l'axe vertical commence à 0\u00a0%, donc la hauteur des "
                   "barres est proportionnelle aux chiffres. Chaque chiffre est écrit sur sa "
                   "barre, avec la source."
                   + (f" Il dit aussi ce qu'il ne montre pas : les {_list_fr(missing)}." if missing else ""))
    return Chart(_to_svg(figure, alt), alt, False, explanation, ylim)


def truncated_axis(df, indicateur: str = "usage_internet_3_mois", annees: Sequence[int] = (2015, 2016),
                   groupe: str = "Ensemble") -> Chart:
    """Bars whose y axis starts just below the values: a small gap looks huge."""
    data = _values(_select(df, indicateur, groupe=groupe), "annee", annees)
    values = [v for _, v in data]
    low, high = min(values), max(values)
    spread = max(high - low, 0.5)
    bottom = max(0.5, round((low - spread * 0.4) * 2) / 2)
    figure, axes = _figure()
    _bars(axes, [a for a, _ in data], values, [MAIN] * (len(values) - 1) + [ACCENT],
          [None] * (len(values) - 1) + ["//"], bottom=bottom)
    axes.set_ylim(bottom, high + spread * 0.35)
    _percent_axis(axes)
    gap = high - low
    _title(figure, "Internet : un bond spectaculaire !" if data[-1][1] >= data[0][1]
           else "Une chute spectaculaire !")
    ylim = tuple(float(v) for v in axes.get_ylim())
    listing = " ; ".join(f"{a} : {pct(v)}" for a, v in data)
    label = LABELS.get(indicateur, indicateur)
    alt = (f"Graphique en barres trompeur. {label}. {listing}. "
           f"L'axe vertical commence à {pct(ylim[0])} au lieu de 0 %.")
    explanation = (f"Graphique trompeur : l'axe vertical commence à {pct(ylim[0])} et non à 0\u00a0%. "
                   f"L'écart réel n'est que de {points(gap)} ({pct(low)} contre {pct(high)}), "
                   "mais une barre paraît plusieurs fois plus haute que l'autre. "
                   "Regardez toujours où commence l'axe.")
    return Chart(_to_svg(figure, alt), alt, True, explanation, ylim)


def chosen_period(df, indicateur: str = "usage_internet_3_mois", annees: Sequence[int] = (2012, 2013),
                  groupe: str = "Ensemble") -> Chart:
    """Only the years that support a claim ('it does not grow any more')."""
    rows = _select(df, indicateur, groupe=groupe).sort_values("annee")
    data = _values(rows, "annee", annees)
    full = list(zip(rows["annee"], rows["valeur_pct"]))
    figure, axes = _figure()
    _bars(axes, [a for a, _ in data], [v for _, v in data], MAIN, None)
    axes.set_ylim(0, 100)
    _percent_axis(axes)
    change = data[-1][1] - data[0][1]
    _title(figure, "Internet ne progresse plus !" if abs(change) < 2 else "Un changement énorme !")
    ylim = tuple(float(v) for v in axes.get_ylim())
    label = LABELS.get(indicateur, indicateur)
    listing = " ; ".join(f"{a} : {pct(v)}" for a, v in data)
    alt = (f"Graphique en barres trompeur. {label}. Seulement {len(data)} années montrées : {listing}.")
    (first_year, first), (last_year, last) = full[0], full[-1]
    shown = [str(a) for a, _ in data]
    shown_text = ", ".join(shown[:-1]) + " et " + shown[-1] if len(shown) > 1 else shown[0]
    explanation = (f"Graphique trompeur : il ne montre que {shown_text}, "
                   f"choisies pour appuyer une idée ({points(abs(change))} d'écart). "
                   f"Sur toute la période connue, de {first_year} à {last_year}, on passe de "
                   f"{pct(first)} à {pct(last)}, soit {points(last - first)} d'écart. "
                   "Demandez-vous toujours : pourquoi ces années-là ?")
    return Chart(_to_svg(figure, alt), alt, True, explanation, ylim)


def area_effect(df, indicateur: str = "illectronisme", annee: int = 2021,
                groupes: Sequence[str] = ("60 à 74 ans", "75 ans ou plus")) -> Chart:
    """Discs whose radius follows the value: the surface makes the ratio look squared."""
    from matplotlib.patches import Circle

    data = _values(_select(df, indicateur, annee=annee), "groupe", groupes)
    biggest = max(v for _, v in data)
    if biggest <= 0:
        raise DatasetError("Tous les chiffres valent 0 : il n'y a rien à dessiner.")
    figure, axes = _figure(4.6)
    axes.set_aspect("equal")
    axes.axis("off")
    x = 0.0
    hatches = [None, "//", "\\\\", "xx"]
    for index, (group, value) in enumerate(data):
        radius = value / biggest
        x += radius
        axes.add_patch(Circle((x, 0), radius, facecolor=ACCENT if index else MAIN, edgecolor=INK,
                              linewidth=1.2, hatch=hatches[index % len(hatches)]))
        axes.text(x, -1.15, f"{group}\n{pct(value)}", ha="center", va="top",
                  fontsize=FONT_SIZE, color=INK, fontweight="bold")
        x += radius + 0.35
    axes.set_xlim(-0.1, x)
    axes.set_ylim(-1.9, 1.05)
    _title(figure, "Les plus âgés, bien plus touchés ?")
    small, large = min(v for _, v in data), biggest
    true_ratio = large / small if small else float("inf")
    seen_ratio = true_ratio ** 2
    ratio = lambda r: f"{r:.1f}".replace(".", ",")  # noqa: E731
    listing = " ; ".join(f"{g} : {pct(v)}" for g, v in data)
    label = LABELS.get(indicateur, indicateur)
    alt = (f"Dessin trompeur avec des ronds de tailles différentes. {label}, en {annee}. {listing}.")
    explanation = ("Dessin trompeur : le rayon des ronds suit le chiffre, donc leur surface "
                   "grandit comme le carré. "
                   + (f"{pct(large)} contre {pct(small)}, c'est {ratio(true_ratio)} fois plus, "
                      f"mais le grand rond paraît {ratio(seen_ratio)} fois plus gros. "
                      if small else "")
                   + "Comparez les chiffres écrits, pas les surfaces.")
    return Chart(_to_svg(figure, alt), alt, True, explanation, None)
