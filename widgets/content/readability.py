"""How easy each step is to read, for the author: average sentence length and a French readability score.

``atelier verifier-contenu`` warns about a step that is hard to read for a beginner (remarks of
``review_atelier``), and ``atelier verifier-contenu --lisibilite`` shows the figures of every step.

- What is measured: the author's own words that a participant reads on the step (its text, question,
  instruction, statement, options, feedback, explanation, points to remember). The scenes that
  imitate something real (a scam SMS, a post, a search result, a web page) are left out: their style
  is part of what is taught. Addresses (sites, e-mails) count as one word.
- The score is the Flesch reading ease adapted to French by Kandel and Moles (1958), computed by the
  ``textstat`` library in French: 206.835 becomes 207, 84.6 becomes 73.6 syllables per word. Higher is
  easier: 60 to 70 « standard », 70 to 80 « assez facile », 80 and more « facile ». The formula goes past
  100 on very short words (and pyphen's syllables are a low estimate): the score is kept between 0 and 100.
- A remark when a step has enough text to judge (``MIN_WORDS``) and its sentences are too long on
  average (``MAX_WORDS_PER_SENTENCE``) or its score too low (``MIN_SCORE``). The thresholds are
  documented in ``docs/ecrire-un-atelier.md``; they were chosen so that the four first ateliers get a
  few remarks on their genuinely hardest steps, not one on every step.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# -- thresholds (documented in docs/ecrire-un-atelier.md) -------------------------------------------
#: Sentences longer than this on average (in words) make a remark. Plain-language guides (FALC) ask
#: for short sentences, one idea each: about 15 words.
MAX_WORDS_PER_SENTENCE = 15
#: A French reading ease below this makes a remark (below 60: « assez difficile » or worse).
MIN_SCORE = 60
#: One sentence longer than this (in words) makes a remark, whatever the average of the step.
MAX_SENTENCE_WORDS = 25
#: Under this many words, a step is too short for its figures to mean something: no remark.
MIN_WORDS = 40

#: Keys whose text is the author's own words, read by the participant.
PROSE_KEYS = {"texte", "question", "consigne", "affirmation", "explication", "retour", "retour_vrai",
              "retour_faux", "points", "legende", "conseil"}
#: Keys that hold a scene imitating something real (a message, a post, a page): its own style is taught.
SCENE_KEYS = {"message", "messages", "publication", "publications", "elements", "indices", "lien", "appel",
              "sites", "resultats", "morceaux", "banniere", "contenu", "page", "message_alerte", "exemples",
              "prononciation", "sources", "image"}
#: Inside a scene, these keys still hold the author's words (the feedback on that message, the question).
AUTHOR_KEYS_IN_SCENE = {"retour", "explication", "question", "consigne"}

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ADDRESS = re.compile(r"(?:https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:[a-z0-9-]+\.)+[a-z]{2,24}(?:/\S*)?)",
                      re.IGNORECASE)
_MARKS = re.compile(r"[*_`#>«»“”\"—–|]")
_NUMBER = re.compile(r"(?<=\d)[ \u00a0\u202f.](?=\d)")
_END = re.compile(r"[.!?…]$")
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


@dataclass
class Readability:
    """The figures of one step: words, sentences, average words per sentence, reading ease."""

    words: int
    sentences: int
    words_per_sentence: float
    score: float
    longest: str  # the longest sentence, to find it in the file

    @property
    def level(self) -> str:
        """The French name of the score's band (Kandel and Moles)."""
        for limit, name in ((90, "très facile"), (80, "facile"), (70, "assez facile"), (60, "standard"),
                            (50, "assez difficile"), (30, "difficile")):
            if self.score >= limit:
                return name
        return "très difficile"

    @property
    def hard(self) -> bool:
        """Enough words, and sentences too long or a score too low."""
        return self.words >= MIN_WORDS and (self.words_per_sentence > MAX_WORDS_PER_SENTENCE or self.score < MIN_SCORE
                                            or len(self.longest.split()) > MAX_SENTENCE_WORDS)


def prose_of(step: Any, path: tuple = ()) -> Iterator[str]:
    """The author's own words in ``step`` (see ``PROSE_KEYS`` and ``SCENE_KEYS``), in file order."""
    if isinstance(step, dict):
        for key, value in step.items():
            yield from prose_of(value, path + (key,))
    elif isinstance(step, list):
        for value in step:
            yield from prose_of(value, path)
    elif isinstance(step, str) and path:
        keys = [k for k in path if isinstance(k, str)]
        last = keys[-1] if keys else ""
        in_scene = any(k in SCENE_KEYS for k in keys[:-1]) or last in SCENE_KEYS
        if (last in PROSE_KEYS and not in_scene) or (in_scene and last in AUTHOR_KEYS_IN_SCENE):
            yield step
        elif keys[-2:] == ["options", "texte"] or (len(keys) >= 2 and keys[-2] == "boutons" and last == "texte"):
            yield step


def plain_sentences(markdown: str) -> str:
    """Markdown as plain sentences: marks and links removed, an address one word, each line or list item
    ending with a full stop (a list of points is read as separate sentences, not one long one)."""
    lines = []
    for line in str(markdown).splitlines():
        line = _LINK.sub(r"\1", line)
        line = _ADDRESS.sub("adresse", line)
        line = _NUMBER.sub("", line)  # « 33 700 », « 2,6 »: one number, not two words or two sentences
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
        line = " ".join(_MARKS.sub(" ", line).split())
        line = re.sub(r"\s*[:;,]$", ".", line)  # a line that introduces a list, an item of a list: a sentence
        if line:
            lines.append(line if _END.search(line) else line + ".")
    return " ".join(lines)


def _textstat():
    import textstat  # the participant's kernel never needs it: imported when an author checks

    textstat.set_lang("fr")
    return textstat


def readability(text: str) -> Readability:
    """The figures of a plain text (see ``plain_sentences``)."""
    ts = _textstat()
    words = ts.lexicon_count(text) if text.strip() else 0
    if not words:
        return Readability(0, 0, 0.0, 0.0, "")
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    longest = max(sentences, key=lambda s: len(s.split()), default="")
    return Readability(words, ts.sentence_count(text), round(ts.words_per_sentence(text), 1),
                       round(min(100.0, max(0.0, ts.flesch_reading_ease(text))), 1), longest)


def step_readability(step: dict) -> Readability:
    """The figures of one step of a content file."""
    return readability(" ".join(plain_sentences(t) for t in prose_of(step)))


def remark_text(figures: Readability) -> str:
    """The French remark for a step that is hard to read (``figures.hard``)."""
    average = f"{figures.words_per_sentence:.0f}"
    score = f"{figures.score:.0f}"
    longest_words = len(figures.longest.split())
    longest = figures.longest if len(figures.longest) <= 90 else figures.longest[:87].rstrip() + "…"
    reasons = []
    if figures.words_per_sentence > MAX_WORDS_PER_SENTENCE:
        reasons.append(f"ses phrases font {average} mots en moyenne (au plus {MAX_WORDS_PER_SENTENCE} conseillé)")
    if figures.score < MIN_SCORE:
        reasons.append(f"son score de lisibilité est {score} sur 100, « {figures.level} » (au moins {MIN_SCORE} conseillé)")
    if reasons:
        start = "cette étape sera difficile à lire pour un débutant : " + " et ".join(reasons) + "."
        if longest_words > MAX_SENTENCE_WORDS:
            start += f" Sa phrase la plus longue fait {longest_words} mots"
        else:
            start += " Sa phrase la plus longue"
    else:
        start = (f"une phrase de cette étape est longue : {longest_words} mots (au plus {MAX_SENTENCE_WORDS} "
                 f"conseillé ; l'étape : {average} mots par phrase en moyenne, score {score} sur 100)")
    return (start + f" : « {longest} ». Coupez les longues phrases (une idée par phrase), préférez les mots "
            "courts et courants.")


def atelier_readability(data: Any) -> list[tuple[int, str, Readability]]:
    """(step number from 1, title, figures) of every step of a content file's data."""
    steps = data.get("etapes") if isinstance(data, dict) else None
    return [(index + 1, str(step.get("titre", "")), step_readability(step))
            for index, step in enumerate(steps or []) if isinstance(step, dict)]


def figures_line(figures: Readability) -> str:
    """« 10 mots par phrase, score 95 sur 100 (très facile) », or why there is nothing to measure."""
    if not figures.words:
        return "pas de texte à mesurer"
    line = (f"{figures.words_per_sentence:.0f} mots par phrase en moyenne, score {figures.score:.0f} sur 100 "
            f"({figures.level})")
    return line + (" — peu de texte, chiffres indicatifs" if figures.words < MIN_WORDS else "")
