"""« Où trouver de l'aide près de chez moi ? »: choose your village, see the nearest France services
(dated data, each place marked « à vérifier »), with where the list comes from and when it was checked."""
from __future__ import annotations

import ipywidgets as ipw

from widgets.analysers.data_files import DataFileError
from widgets.analysers.france_services import help_places, nearest_help, villages
from widgets.content.markdown import esc, md
from widgets.ui.controls import box, button, html_block, on_press
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks


class HelpNearby(ipw.VBox):
    """One button per village; pressing one lists the two nearest France services."""

    def __init__(self, instruction: str = ""):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.add_class("atelier-aide-proximite")
        self.result = Feedback()
        self.village_buttons = []
        for name in villages():
            b = button(name, "atelier-option", "aide-village")
            b.on_click(on_press(self, "show", name))
            self.village_buttons.append(b)
        parts = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        self.children = parts + [box(self.village_buttons, "aide-villages", row=True), self.result]

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)

    def show(self, village: str) -> None:
        """List the nearest France services to ``village``, with the date and source of the list."""
        try:
            dated, _places = help_places()
            found = nearest_help(village)
        except DataFileError as error:
            self.result.show("erreur", str(error))
            return
        if not found:
            self.result.show("info", "Ce village n'est pas dans la liste. Demandez à votre mairie.")
            return
        lines = [f"- **{esc(p.name)}** (commune : {esc(p.town)}) : environ {round(km)} km à vol d'oiseau"
                 + (" — *à vérifier*" if p.to_check else "") for p, km in found]
        source = dated.sources[0]
        when = dated.checked_on.strftime("%d/%m/%Y")
        body = ("\n".join(lines)
                + f"\n\nListe vérifiée le {when}. Les lieux et les horaires changent : avant de vous déplacer, "
                  f"vérifiez sur **{esc(source.address.removeprefix('https://').removeprefix('www.').rstrip('/'))}** "
                  "(la carte officielle) ou demandez à votre mairie. Sur place, un agent vous aide pour vos démarches, "
                  "gratuitement.")
        self.result.show("info", body, title=f"Votre village : {village}")
