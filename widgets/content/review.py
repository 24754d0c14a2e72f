"""A second reading of the content, for the author: remarks that do not stop an atelier from working.

``atelier verifier-contenu`` prints them after the errors (``ContentError``), with the same file,
line and place, in French. They point at what a participant or a colleague would catch in front
of the room:

- a single-answer question whose right option is clearly the longest (it can be guessed);
- a true/false statement that turns on an absolute word (« toujours », « jamais »…: often false);
- a step that states a fact (a real site, a real public number, a percentage, an amount in €)
  without ``sources:`` (the content tests enforce the same rule with ``unsourced_facts``);
- a phone number that is neither in the fiction ranges nor a public number the ateliers teach;
- a data file of ``widgets/data`` whose facts were checked more than a year ago (``verifie_le``).
- a step hard to read for a beginner: long sentences, a low French readability score
  (``widgets.content.readability``).

The real domains and public numbers are read from the data files (``domaines_officiels.yaml``,
``expediteurs_connus.yaml``, ``numeros.yaml``): nothing of the kind is written here.
"""
from __future__ import annotations

import datetime as dt
import email
import email.policy
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from widgets.content.names import CONTENT_FILE, GUIDE_FILE
from widgets.content.readability import remark_text, step_readability
from widgets.content.referentials import DATA
from widgets.content.validation import ContentError, describe_place, line_of, read_yaml

# -- thresholds (documented in docs/ecrire-un-atelier.md) -------------------------------------------
#: The right option is « clearly the longest » from this ratio to the next longest option…
LONGEST_RATIO = 1.5
#: …in a single-answer question with at least this many options (with two, the longer one is the
#: guess of everyone who hesitates: the remark is as useful).
LONGEST_MIN_OPTIONS = 2
#: Data files whose facts were checked longer ago than this get a remark.
MAX_AGE_DAYS = 365
#: Data files that hold dated facts: they must say when they were checked (``verifie_le``).
DATED_FILES = ("domaines_officiels.yaml", "expediteurs_connus.yaml", "numeros.yaml")
NUMBERS_FILE = "numeros.yaml"
DOMAIN_FILES = ("domaines_officiels.yaml", "expediteurs_connus.yaml")
#: Words that make a true/false statement guessable (an absolute is usually false).
ABSOLUTE_WORDS = ("toujours", "jamais", "forcément", "obligatoirement", "nécessairement", "systématiquement",
                  "tous", "toutes", "aucun", "aucune", "rien", "seul", "seule", "seuls", "seules", "seulement",
                  "uniquement", "absolument", "totalement", "entièrement", "impossible")
#: Keys of a step whose text is not shown as a statement (its sources themselves, file names, ids).
SKIPPED_KEYS = {"sources", "id", "type", "image", "fichier", "graphiques", "en_direct"}

_ABSOLUTE = re.compile(r"\b(" + "|".join(ABSOLUTE_WORDS) + r")\b", re.IGNORECASE)
#: A quoted name (« Répondre à tous », a button) is not what the statement claims.
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")
_SPACE = "[ \u00a0\u202f]"
_PERCENT = re.compile(rf"\d+(?:[,.]\d+)?{_SPACE}?%")
_EUROS = re.compile(rf"\d(?:\d|{_SPACE}(?=\d{{3}}))*(?:[,.]\d+)?{_SPACE}?(?:€|euros?\b)", re.IGNORECASE)
_HOST = re.compile(r"(?<![\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})(?![\w-]|\.[a-z0-9])",
                   re.IGNORECASE)
_SEP = r"[ .\-\u00a0\u202f]?"
#: French phone numbers as people write them: 06 39 98 12 34, 0 805 805 817, +33 6 39 98 12 34,
#: short numbers of public services (3646, 33 700) and directory numbers (118 712).
_PHONE = re.compile(
    rf"(?<![\w+.@/=])(?:(?:\+33{_SEP}(?:\(0\){_SEP})?|0{_SEP})[1-9](?:{_SEP}\d){{8}}"
    rf"|33{_SEP}700|118{_SEP}\d{{3}}|3\d{{3}})(?![\w@]|[,.]\d|{_SEP}(?:€|%|euros?\b))")


@dataclass
class Remark:
    """A remark on a content or data file: not an error, something for the author to read again."""

    file: str
    message: str
    line: int | None = None
    place: str = ""

    def __str__(self) -> str:
        where = f"ligne {self.line}" if self.line else ""
        if self.place:
            where = f"{where}, {self.place}" if where else self.place
        return f"{self.file}{' (' + where + ')' if where else ''} : {self.message}"


def _shown(path: Path) -> Path:
    """``path`` relative to the current folder when it is below it (shorter to read)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path


# -- what the data files say is real ---------------------------------------------------------------
def _digits(text: str) -> str:
    """« +33 6 39 98 12 34 » → « 0639981234 »; « 33 700 » → « 33700 »."""
    digits = re.sub(r"\D", "", str(text).replace("(0)", ""))
    if str(text).strip().startswith("+33"):
        digits = "0" + digits[2:]
    return digits


def _load(file: Path) -> Any:
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _walk_values(data: Any, keys: set[str]) -> Iterator[Any]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in keys:
                yield from (value if isinstance(value, list) else [value])
            else:
                yield from _walk_values(value, keys)
    elif isinstance(data, list):
        for item in data:
            yield from _walk_values(item, keys)


@dataclass
class Facts:
    """What the data files hold as real: official domains, public numbers, fiction ranges."""

    domains: set[str] = field(default_factory=set)
    public_numbers: set[str] = field(default_factory=set)
    fiction_prefixes: tuple[str, ...] = ()
    numbers_known: bool = False  # numeros.yaml exists and could be read

    def is_real_domain(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        host = host.removeprefix("www.")
        return host.endswith(".gouv.fr") or any(host == d or host.endswith("." + d) for d in self.domains)

    def phone_kind(self, number: str) -> str | None:
        """« public », « fiction », or None (a number that may belong to a real person or company)."""
        digits = _digits(number)
        if digits in self.public_numbers:
            return "public"
        if any(digits.startswith(p) for p in self.fiction_prefixes) and len(digits) == 10:
            return "fiction"
        return None


def known_facts(data_dir: Path | str = DATA) -> Facts:
    """The official domains, public numbers and fiction ranges of the data files (read each time)."""
    data_dir = Path(data_dir)
    facts = Facts()
    for name in DOMAIN_FILES:
        for value in _walk_values(_load(data_dir / name), {"domaine", "domaines", "autres_domaines", "ancien_domaine", "anciens_domaines"}):
            if isinstance(value, str) and "." in value:
                facts.domains.add(value.strip().lower().removeprefix("www."))
    numbers = _load(data_dir / NUMBERS_FILE) if (data_dir / NUMBERS_FILE).is_file() else None
    if isinstance(numbers, dict):
        facts.numbers_known = True
        facts.public_numbers = {_digits(v) for v in _walk_values(numbers.get("publics", []), {"numero", "numeros"})
                                if isinstance(v, (str, int)) and _digits(str(v))}
        facts.fiction_prefixes = tuple(_digits(p) for p in numbers.get("fiction", []) or []
                                       if isinstance(p, (str, int)) and _digits(str(p)))
    return facts


# -- reading a step ------------------------------------------------------------------------------
def strings_of(data: Any, path: list | None = None) -> Iterator[tuple[list, str]]:
    """Every text shown by a step (or any content), with its path; its sources and file names left out."""
    path = path or []
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in SKIPPED_KEYS:
                yield from strings_of(value, path + [key])
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_of(value, path + [index])


def phone_numbers(text: str) -> list[str]:
    """The phone numbers written in ``text``, as written."""
    return [m.group(0).strip() for m in _PHONE.finditer(str(text))]


def stated_facts(step: dict, facts: Facts) -> list[tuple[list, str]]:
    """The facts a participant could repeat, stated by ``step``: (path in the step, « ameli.fr »…).

    A real domain (in the official lists, or under .gouv.fr), a real public number (numeros.yaml),
    a percentage, an amount in euros. Invented examples (.example sites, fiction-range numbers) are
    not facts. Legal delays and dates of a change cannot be recognised here: the author adds their
    sources without being told.
    """
    found: list[tuple[list, str]] = []
    seen: set[str] = set()

    def add(path, label):
        if label not in seen:
            seen.add(label)
            found.append((path, label))

    for path, text in strings_of(step):
        for match in _HOST.finditer(text):
            if facts.is_real_domain(match.group(1)):
                add(path, match.group(1).lower().removeprefix("www."))
        for number in phone_numbers(text):
            if facts.phone_kind(number) == "public":
                add(path, number)
        for match in _PERCENT.finditer(text):
            add(path, match.group(0))
        for match in _EUROS.finditer(text):
            add(path, match.group(0))
    return found


def _quoted(labels: list[str], limit: int = 4) -> str:
    shown = [f"« {label} »" for label in labels[:limit]]
    more = len(labels) - limit
    text = ", ".join(shown[:-1]) + (" et " if len(shown) > 1 else "") + shown[-1] if shown else ""
    return text + (f" (et {more} autre{'s' if more > 1 else ''})" if more > 0 else "")


# -- the remarks on one atelier --------------------------------------------------------------------
def _read(file: Path):
    try:
        return read_yaml(file)
    except ContentError:
        return None, None


def _option_text(option: dict) -> str:
    if "titre" in option and "texte" not in option:  # a search result: its title and its description
        return f"{option.get('titre', '')} {option.get('description', '')}".strip()
    return str(option.get("texte", ""))


def _questions(step: dict, path: list) -> Iterator[tuple[list, list, bool]]:
    """(path of the option list, the options, several answers?) of every question of a step."""
    for key in ("options", "resultats"):
        if isinstance(step.get(key), list):
            yield path + [key], step[key], bool(step.get("plusieurs"))
    for key, value in step.items():  # follow-up questions (« question », « appel »)
        if isinstance(value, dict) and isinstance(value.get("options"), list):
            yield path + [key, "options"], value["options"], bool(value.get("plusieurs"))
    for index, item in enumerate(step.get("items") or []):  # the items of a before/after check
        if isinstance(item, dict) and isinstance(item.get("options"), list):
            yield path + ["items", index, "options"], item["options"], False


def longest_right_option(options: list, several: bool) -> tuple[int, float] | None:
    """(index, ratio) when the only right option is clearly the longest, else None."""
    if several or len(options) < LONGEST_MIN_OPTIONS or not all(isinstance(o, dict) for o in options):
        return None
    right = [i for i, o in enumerate(options) if o.get("correct")]
    if len(right) != 1:
        return None
    lengths = [len(" ".join(_option_text(o).split())) for o in options]
    others = max(length for i, length in enumerate(lengths) if i != right[0])
    ratio = lengths[right[0]] / max(others, 1)
    return (right[0], ratio) if ratio >= LONGEST_RATIO else None


def _statements(step: dict, path: list) -> Iterator[tuple[list, str]]:
    kind = step.get("type")
    if kind == "vrai_faux" and isinstance(step.get("affirmation"), str):
        yield path + ["affirmation"], step["affirmation"]
    elif kind == "serie_vrai_faux":
        for index, item in enumerate(step.get("affirmations") or []):
            if isinstance(item, dict) and isinstance(item.get("affirmation"), str):
                yield path + ["affirmations", index, "affirmation"], item["affirmation"]


def unsourced_facts(folder: Path | str, facts: Facts | None = None) -> list[Remark]:
    """One remark per step of ``folder/atelier.yaml`` that states a fact without ``sources:``.

    Shared by ``atelier verifier-contenu`` (a remark) and the content tests (a failure).
    """
    folder = _shown(Path(folder))
    file = folder / CONTENT_FILE
    data, node = _read(file)
    if not isinstance(data, dict) or not isinstance(data.get("etapes"), list):
        return []
    facts = facts or known_facts()
    remarks = []
    for index, step in enumerate(data["etapes"]):
        if not isinstance(step, dict) or step.get("sources"):
            continue
        found = stated_facts(step, facts)
        if found:
            path = ["etapes", index]
            remarks.append(Remark(
                str(file),
                f"cette étape cite {_quoted([label for _p, label in found])} sans « sources: » : ajoutez la page "
                "officielle où vous l'avez vérifié (titre, adresse, consulte_le).",
                line_of(node, path),
                describe_place(path, data)))
    return remarks


def unsafe_phone_numbers(folder: Path | str, facts: Facts | None = None) -> list[Remark]:
    """Phone numbers of the atelier (content, notes, example messages) that are neither fiction nor public.

    Empty when ``numeros.yaml`` cannot be read (nothing to compare with).
    """
    folder = _shown(Path(folder))
    facts = facts or known_facts()
    if not facts.numbers_known:
        return []
    remarks = []
    for name in (CONTENT_FILE, GUIDE_FILE):
        data, node = _read(folder / name)
        for path, text in strings_of(data):
            for number in phone_numbers(text):
                if facts.phone_kind(number) is None:
                    remarks.append(Remark(str(folder / name), _phone_message(number), line_of(node, path),
                                          describe_place(path, data)))
    for message_file in sorted((folder / "exemples").glob("*.eml")):
        for number in phone_numbers(visible_text_of_message(message_file)):
            if facts.phone_kind(number) is None:
                remarks.append(Remark(str(message_file), _phone_message(number)))
    return remarks


def _phone_message(number: str) -> str:
    return (f"le numéro « {number} » n'est ni un numéro de fiction ni un numéro public connu (numeros.yaml) : "
            "il peut sonner chez quelqu'un. Pour un exemple inventé, prenez un numéro des tranches réservées "
            "à la fiction par l'ARCEP (01 99 00 xx xx, 02 61 91 xx xx, 03 53 01 xx xx, 04 65 71 xx xx, "
            "05 36 49 xx xx, 06 39 98 xx xx).")


def visible_text_of_message(file: Path) -> str:
    """What a reader sees of an example message (.eml): its headers and its text, tags removed."""
    try:
        message = email.message_from_bytes(file.read_bytes(), policy=email.policy.default)
    except (OSError, ValueError):
        return ""
    parts = [str(message.get(h, "")) for h in ("From", "To", "Reply-To", "Subject")]
    for part in message.walk():
        if part.get_content_maintype() != "text":
            continue
        try:
            text = part.get_content()
        except (LookupError, ValueError):
            continue
        if part.get_content_subtype() == "html":
            text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        parts.append(text)
    return "\n".join(parts)


def review_atelier(folder: Path | str, facts: Facts | None = None) -> list[Remark]:
    """Every remark on the (valid) atelier of ``folder``, in the order of the file."""
    folder = _shown(Path(folder))
    file = folder / CONTENT_FILE
    data, node = _read(file)
    if not isinstance(data, dict) or not isinstance(data.get("etapes"), list):
        return []
    facts = facts or known_facts()
    remarks: list[tuple[int, Remark]] = []

    def add(path, message):
        remark = Remark(str(file), message, line_of(node, path), describe_place(path, data))
        remarks.append((remark.line or 0, remark))

    for index, step in enumerate(data["etapes"]):
        if not isinstance(step, dict):
            continue
        here = ["etapes", index]
        for path, options, several in _questions(step, here):
            longest = longest_right_option(options, several)
            if longest:
                right, ratio = longest
                times = f"{ratio:.1f}".replace(".", ",")
                add(path + [right], f"la bonne réponse est nettement la plus longue ({times} fois la plus longue "
                                    "des autres) : elle se devine sans réfléchir. Raccourcissez-la, ou allongez "
                                    "les autres avec des détails plausibles.")
        figures = step_readability(step)
        if figures.hard:
            add(here, remark_text(figures))
        for path, statement in _statements(step, here):
            words = sorted({m.group(1).lower() for m in _ABSOLUTE.finditer(_QUOTED.sub(" ", statement))})
            if words:
                add(path, f"l'affirmation repose sur un mot absolu ({_quoted(words)}) : ces affirmations sont "
                          "presque toujours fausses, la réponse se devine. Reformulez (« en général », « le plus "
                          "souvent », un cas précis), ou gardez-la si elle est vraie sans exception.")
    for remark in unsourced_facts(folder, facts) + unsafe_phone_numbers(folder, facts):
        remarks.append((remark.line or 0, remark))
    remarks.sort(key=lambda r: (r[1].file != str(file), r[1].file, r[0]))
    return [r for _line, r in remarks]


# -- the data files ----------------------------------------------------------------------------------
def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def review_data(data_dir: Path | str = DATA, today: dt.date | None = None) -> list[Remark]:
    """Remarks on the data files: facts checked more than a year ago, or never said when."""
    data_dir = _shown(Path(data_dir))
    today = today or dt.date.today()
    remarks = []
    names = sorted({p.name for p in data_dir.glob("*.yaml")} | set(DATED_FILES))
    for name in names:
        file = data_dir / name
        if not file.is_file():
            remarks.append(Remark(str(file), "ce fichier de faits datés est absent : les numéros ou adresses qu'il "
                                             "doit contenir ne sont pas vérifiés." if name == NUMBERS_FILE else
                                  "ce fichier de faits datés est absent."))
            continue
        try:
            data, node = read_yaml(file)
        except ContentError as exc:
            remarks.append(Remark(exc.file, exc.detail, exc.line, exc.place))
            continue
        checked = data.get("verifie_le") if isinstance(data, dict) else None
        if checked is None:
            if name in DATED_FILES:
                remarks.append(Remark(str(file), "ce fichier ne dit pas quand ses faits ont été vérifiés. Ajoutez en "
                                                 "haut « verifie_le: \"AAAA-MM-JJ\" » et « sources: » (titre, "
                                                 "adresse, consulte_le).", 1))
            continue
        date = _as_date(checked)
        line = line_of(node, ["verifie_le"])
        if date is None:
            remarks.append(Remark(str(file), f"la date « {checked} » de « verifie_le » doit s'écrire AAAA-MM-JJ, par "
                                             "exemple 2026-11-29.", line, "verifie_le"))
        elif (today - date).days > MAX_AGE_DAYS:
            remarks.append(Remark(str(file), f"les faits de ce fichier ont été vérifiés le {date:%d/%m/%Y}, il y a plus "
                                             "d'un an. Les adresses et les numéros officiels changent : revérifiez "
                                             "chaque fait sur sa source, puis mettez la date du jour dans "
                                             "« verifie_le ».", line, "verifie_le"))
        elif date > today:
            remarks.append(Remark(str(file), f"la date de « verifie_le » ({date:%d/%m/%Y}) est dans le futur.",
                                  line, "verifie_le"))
        if name in DATED_FILES and not (isinstance(data, dict) and data.get("sources")):
            remarks.append(Remark(str(file), "ce fichier ne cite pas ses « sources: » (titre, adresse, consulte_le) : "
                                             "sans elles, personne ne peut revérifier ses faits.", line, "verifie_le"))
    return remarks
