"""Trackers: visit a few simulated sites and watch the profile a tracker builds about you.

The sites and the traits each visit reveals are content (the atelier's YAML). With trackers
accepted, every visit adds its traits to the profile; with trackers refused, the profile stays empty.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as ipw

from widgets.content.markdown import esc, md
from widgets.content.vocabulary import TRACKER_CATEGORIES as CATEGORIES
from widgets.ui.controls import box, button, html_block, on_press, safe_callback
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks


@dataclass
class Site:
    """A simulated site: its name, address, what it shows, and what a visit reveals."""

    name: str
    address: str
    description: str = ""
    reveals: dict[str, list[str]] = field(default_factory=dict)


class TrackerProfile:
    """The profile an advertising tracker builds, visit after visit (plain kernel data)."""

    def __init__(self) -> None:
        self.traits: dict[str, list[str]] = {}
        self.visits: list[str] = []

    def record(self, site: Site, trackers_allowed: bool) -> list[str]:
        """Note a visit; return the new traits learnt (none when trackers are refused)."""
        if not trackers_allowed:
            return []
        self.visits.append(site.name)
        learnt = []
        for category, values in site.reveals.items():
            known = self.traits.setdefault(category, [])
            for value in values:
                if value not in known:
                    known.append(value)
                    learnt.append(value)
        return learnt

    def is_empty(self) -> bool:
        return not any(self.traits.values())

    def count(self) -> int:
        return sum(len(v) for v in self.traits.values())


def profile_html(profile: TrackerProfile, trackers_allowed: bool) -> str:
    """The tracker's file about you, as HTML (an empty card when nothing is known)."""
    head = '<p class="traceurs-fiche-titre">Fiche tenue par le traceur publicitaire</p>'
    if profile.is_empty():
        note = ("Rien : vous avez refusé les traceurs. Sur un site qui respecte la loi, ce traceur ne note pas vos visites."
                if not trackers_allowed else "Pour l'instant, rien. Visitez un site.")
        return f'<div class="traceurs-fiche traceurs-vide">{head}<p>{esc(note)}</p></div>'
    rows = []
    for key, label in CATEGORIES.items():
        values = profile.traits.get(key)
        if values:
            rows.append(f"<dt>{esc(label)}</dt><dd>{esc(', '.join(values))}</dd>")
    for key, values in profile.traits.items():
        if key not in CATEGORIES and values:
            rows.append(f"<dt>{esc(key)}</dt><dd>{esc(', '.join(values))}</dd>")
    visits = f"<p>Sites visités connus du traceur : {esc(', '.join(profile.visits))}.</p>"
    return f'<div class="traceurs-fiche">{head}<dl>{"".join(rows)}</dl>{visits}</div>'


def site_html(site: Site, trackers_allowed: bool) -> str:
    """The visited page, with a note saying whether a tracker saw the visit."""
    note = ("Un traceur publicitaire caché dans cette page a noté votre visite."
            if trackers_allowed else "Vous avez refusé les traceurs : votre visite n'a pas été notée.")
    return (f'<div class="traceurs-page"><p class="traceurs-adresse">{esc(site.address)}</p>'
            f'<p class="traceurs-nom">{esc(site.name)}</p>{md(site.description)}'
            f'<p class="traceurs-note">{esc(note)}</p></div>')


class TrackerSimulation(ipw.VBox):
    """Two rounds of visits: trackers accepted (the file grows), then refused (it stays empty)."""

    def __init__(self, sites: list[Site], instruction: str = "", after: ipw.Widget | None = None):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-traceurs")
        self.sites = list(sites)
        self.trackers_allowed = True
        self.profile = TrackerProfile()
        self.mode = html_block("", "traceurs-mode")
        self.page = html_block("", "traceurs-page-zone")
        self.card = html_block("", "traceurs-fiche-zone")
        self.feedback = Feedback()
        self.site_buttons = []
        for index, site in enumerate(self.sites):
            b = button(f"Aller sur {site.name}", "traceurs-site")
            b.on_click(on_press(self, "visit", index))
            self.site_buttons.append(b)
        self.switch_button = button("Recommencer en refusant les traceurs", "atelier-valider")
        self.switch_button.on_click(self._on_switch)
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        children += [self.mode, box(self.site_buttons, "traceurs-sites", row=True), self.page, self.card,
                     self.feedback, self.switch_button]
        if after is not None:
            children.append(after)
        self.children = children
        self._refresh()

    def show_error(self, message: str) -> None:
        self.feedback.show("erreur", message)

    def _refresh(self) -> None:
        if self.trackers_allowed:
            self.mode.value = ('<p class="traceurs-etat"><strong>1re visite :</strong> vous avez appuyé sur '
                               '« Tout accepter » dans les bandeaux de cookies.</p>')
        else:
            self.mode.value = ('<p class="traceurs-etat"><strong>2e visite :</strong> cette fois, vous avez '
                               'appuyé sur « Tout refuser ».</p>')
        self.card.value = profile_html(self.profile, self.trackers_allowed)

    def visit(self, index: int) -> list[str]:
        """Visit site ``index``; return what the tracker learnt."""
        if not 0 <= index < len(self.sites):
            return []
        site = self.sites[index]
        learnt = self.profile.record(site, self.trackers_allowed)
        self.page.value = site_html(site, self.trackers_allowed)
        self._refresh()
        if learnt:
            self.feedback.show("attention", "Le traceur a appris : " + ", ".join(learnt) + ". "
                               "Il le garde et s'en sert pour choisir les publicités qu'il vous montre.",
                               title="Votre fiche grandit")
        elif self.trackers_allowed:
            self.feedback.show("info", "Le traceur savait déjà tout ce que cette visite révèle.")
        else:
            self.feedback.show("correct", "Le traceur n'a rien appris : sa fiche reste vide.",
                               title="Rien n'a été noté")
        return learnt

    @safe_callback()
    def _on_switch(self, _button=None) -> None:
        self.switch(not self.trackers_allowed)

    def switch(self, allowed: bool) -> None:
        """Start again with trackers accepted (True) or refused (False), with an empty file."""
        self.trackers_allowed = allowed
        self.profile = TrackerProfile()
        self.page.value = ""
        self.switch_button.description = ("Recommencer en refusant les traceurs" if allowed
                                          else "Recommencer en acceptant les traceurs")
        self.feedback.show("info", "La fiche est vide. Visitez les mêmes sites et regardez la fiche."
                           if not allowed else "Nouvelle visite : la fiche repart de zéro.",
                           title="On recommence")
        self._refresh()
