"""A simulated login with two-factor authentication: password, then a code received by SMS.

The code is drawn at random and shown in a simulated phone notification. What is typed in the
login form is only checked for being non-empty, then forgotten (the fields are emptied).
"""
from __future__ import annotations

import secrets

import ipywidgets as ipw

from widgets.components.exercise import Exercise
from widgets.content.markdown import esc
from widgets.ui.controls import box, button, html_block, input_field, safe_callback
from widgets.ui.looks import set_shown

PHONE = "06 •• •• •• 42"


def phone_notification_html(site: str, code: str) -> str:
    """A phone's SMS notification with the code."""
    return (f'<div class="da-telephone" role="group" aria-label="Écran de votre téléphone">'
            f'<p class="da-telephone-entete">Messages · maintenant</p>'
            f'<p class="da-telephone-texte"><strong>{esc(site)}</strong> : votre code de connexion est '
            f'<strong class="da-code">{esc(code)}</strong>. Ne le donnez à personne, '
            f'même pas à un conseiller.</p></div>')


class TwoFactorLogin(Exercise):
    """Log in with a username and password, then type the code shown on the simulated phone."""


    def __init__(self, site: str, address: str = "", exercise_id: str | None = None):
        super().__init__("Connectez-vous. Vous pouvez écrire n'importe quoi : c'est un exercice. "
                         "N'écrivez pas votre vrai mot de passe.", exercise_id)
        self.add_class("atelier-double-auth")
        self.site = site
        self.code = ""
        self.user = input_field(ipw.Text, "Identifiant", placeholder="Par exemple : jeanne.martin",
                                continuous_update=False)
        self.password = input_field(ipw.Password, "Mot de passe", continuous_update=False)
        self.login_button = button("Se connecter", "atelier-valider")
        self.login_button.on_click(self._on_login)
        self.code_zone = html_block("", "da-code-zone")
        self.phone = html_block("", "da-telephone-zone")
        self.code_field = input_field(ipw.Text, "Code reçu par SMS", placeholder="6 chiffres",
                                      continuous_update=False)
        self.code_button = button("Valider le code", "atelier-valider")
        self.code_button.on_click(self._on_code)
        self.code_box = box([self.code_field, self.code_button], "da-code-ligne", row=True)
        set_shown(self.code_box, False)
        header = html_block(f'<p class="da-site">{esc(site)}</p>'
                            + (f'<p class="da-adresse">{esc(address)}</p>' if address else ""), "da-entete")
        form = box([header, self.user, self.password, self.login_button], "da-formulaire")
        self.children = [self.prompt, form, self.code_zone, self.phone, self.code_box, self.feedback]

    @safe_callback()
    def _on_login(self, _button=None) -> None:
        self.login()

    @safe_callback()
    def _on_code(self, _button=None) -> None:
        self.enter_code(self.code_field.value)

    def login(self) -> bool:
        """First factor: both fields filled → a code is "sent" and shown on the phone."""
        if not (self.user.value or "").strip() or not self.password.value:
            self.feedback.show("info", "Remplissez l'identifiant et le mot de passe, puis appuyez sur « Se connecter ».")
            return False
        self.password.value = ""  # forget it at once: only "something was typed" mattered
        self.code = f"{secrets.randbelow(1_000_000):06d}"
        self.code_zone.value = (f'<p class="da-envoye">Un code a été envoyé par SMS au {esc(PHONE)}. '
                                "Regardez votre téléphone, puis tapez le code ici.</p>")
        self.phone.value = phone_notification_html(self.site, self.code)
        set_shown(self.code_box, True)
        self.feedback.show("info", "Le mot de passe ne suffit pas : le site demande aussi un code. "
                                   "Un voleur qui connaît votre mot de passe n'a pas votre téléphone.",
                           title="Deuxième étape")
        return True

    def enter_code(self, typed: str) -> bool:
        """Second factor: the code of the phone opens the account."""
        if not self.code:
            self.feedback.show("info", "Connectez-vous d'abord avec l'identifiant et le mot de passe.")
            return False
        typed = "".join(c for c in str(typed or "") if c.isdigit())[:12]
        if typed != self.code:
            self.feedback.show("incorrect", "Ce n'est pas le bon code. Relisez le message sur le téléphone : "
                                            "le code a 6 chiffres.")
            self._answered("mauvais_code", False)
            return False
        self.feedback.show("correct", "Vous êtes connecté. Il a fallu **deux preuves** : "
                                      "ce que vous savez (le mot de passe) et ce que vous avez (le téléphone).")
        self.code_button.disabled = True
        self._answered("bon_code", True)
        return True

    def self_check(self) -> tuple[bool, bool]:
        """Drive a wrong code, then the right one."""
        self.user.value = "exercice"
        self.password.value = "exercice"
        self.login()
        wrong = "000000" if self.code != "000000" else "111111"
        explained = not self.enter_code(wrong) and self.feedback.kind == "incorrect"
        return explained, self.enter_code(self.code) and self.feedback.kind == "correct"
