"""Creating an account on a simulated site: an e-mail address, a password rated by the meter of atelier 03
(it must follow the CNIL rule), then a confirmation code that arrives in the simulated mailbox of the
fictional person (atelier 02's message look), that expires, and « Je n'ai rien reçu » (spam folder, a typo
in the address).

The clock is simulated (« Faire passer 15 minutes »): nobody waits. The password is rated then forgotten
(its field emptied once the account form is sent); the address typed is shown back (so that a typo can
be seen) and kept in memory only.
"""
from __future__ import annotations

import secrets

import ipywidgets as ipw

from widgets.analysers.form.check import check_field
from widgets.components.exercise import Exercise
from widgets.content.markdown import esc, md
from widgets.simulations.inbox import InboxMessage, message_header_html
from widgets.simulations.procedure_page import procedure_page_html
from widgets.ui.controls import box, button, html_block, input_field, on_press, safe_callback, toggle
from widgets.ui.feedback import Feedback
from widgets.ui.password_meter import SCORE_KIND, meter_html, strength_markdown

FOLDERS = {"reception": "Boîte de réception", "indesirables": "Courrier indésirable (spam)"}
MAX_PASSWORD = 1_000
STEP_MINUTES = 15


class AccountSignup(Exercise):
    """Form → code sent → mailbox → code typed (or expired, or never received) → account created."""

    def __init__(self, site: str, url: str, mailbox: str, sender_name: str, sender_address: str,
                 validity_minutes: int = 10, spam: bool = True, instruction: str = "",
                 exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.add_class("atelier-compte")
        self.site, self.url, self.mailbox = site, url, mailbox.lower()
        self.sender_name, self.sender_address = sender_name, sender_address
        self.validity = int(validity_minutes)
        self.spam = spam
        self.code = ""
        self.sent_to = ""
        self.clock = 0  # simulated minutes since the first code
        self.sent_at = 0
        self.messages: dict[str, list[tuple[InboxMessage, int]]] = {k: [] for k in FOLDERS}
        self.created = False
        self.strength = None
        # the form
        self.page = html_block(procedure_page_html(url, site, "Créer mon compte"), "demarche-page")
        self.email = input_field(ipw.Text, "Adresse électronique", placeholder="prenom.nom@exemple",
                                 continuous_update=False)
        self.password = input_field(ipw.Password, "Mot de passe", continuous_update=False)
        self.email_error = html_block("", "demarche-erreur")
        self.password_error = html_block("", "demarche-erreur")
        self.password.observe(self._on_password, names="value")
        self.meter = html_block("", "mdp-jauge-zone")
        self.meter_text = Feedback()
        self.create_button = button("Créer mon compte", "atelier-valider")
        self.create_button.on_click(self._on_create)
        self.form = box([self.email, self.email_error, self.password, self.password_error, self.meter,
                         self.meter_text, self.create_button], "demarche-formulaire")
        # the code
        self.code_text = html_block("", "demarche-corps")
        self.code_field = input_field(ipw.Text, "Code reçu", placeholder="6 chiffres", continuous_update=False)
        self.code_button = button("Valider le code", "atelier-valider")
        self.code_button.on_click(self._on_code)
        self.nothing_button = button("Je n'ai rien reçu", "atelier-option", "compte-rien-recu")
        self.nothing_button.on_click(on_press(self, "nothing_received"))
        self.resend_button = button("Recevoir un nouveau code", "atelier-option")
        self.resend_button.on_click(on_press(self, "resend"))
        self.fix_button = button("Corriger mon adresse", "atelier-option")
        self.fix_button.on_click(on_press(self, "fix_address"))
        self.time_button = button(f"Faire passer {STEP_MINUTES} minutes (exercice)", "atelier-option", "compte-horloge")
        self.time_button.on_click(on_press(self, "wait", STEP_MINUTES))
        self.code_box = box([self.code_text, box([self.code_field, self.code_button], "demarche-boutons", row=True),
                             box([self.nothing_button, self.resend_button, self.fix_button, self.time_button],
                                 "demarche-boutons", row=True)], "demarche-code")
        # the mailbox of the fictional person
        self.mail_title = html_block("", "compte-boite-titre")
        self.folder_buttons = {}
        for key, label in FOLDERS.items():
            t = toggle(label, "compte-dossier")
            t.observe(self._folder_handler(key), names="value")
            self.folder_buttons[key] = t
        self.folder = "reception"
        self.folder_view = html_block("", "compte-dossier-contenu")
        self.mail = box([self.mail_title, box(list(self.folder_buttons.values()), "boite-vues", row=True),
                         self.folder_view], "compte-boite")
        self.children = [self.prompt, self.page, self.form, self.feedback]
        self.show_folder("reception")

    # -- the form -------------------------------------------------------------------------------
    @safe_callback()
    def _on_password(self, _change=None) -> None:
        if self.password.value:
            self.rate_password()

    def rate_password(self) -> bool:
        """Show the meter of atelier 03 for the password field; True when it follows the CNIL rule."""
        from widgets.analysers.password.strength import assess_password

        password = self.password.value or ""
        if len(password) > MAX_PASSWORD:
            self.meter.value = ""
            self.meter_text.show("attention", f"Ce mot de passe est beaucoup trop long : gardez-en moins de {MAX_PASSWORD} caractères.")
            return False
        self.strength = assess_password(password)
        self.meter.value = meter_html(self.strength.score, self.strength.label)
        self.meter_text.show(SCORE_KIND.get(self.strength.score, "info"), strength_markdown(self.strength),
                             title=f"Force : {self.strength.label}")
        return self.strength.meets_cnil and self.strength.score >= 3

    @safe_callback()
    def _on_create(self, _button=None) -> None:
        self.create()

    def create(self) -> bool:
        """Check both fields (errors next to each); when right, « send » a code and show the mailbox."""
        address = check_field("courriel", self.email.value)
        self.email_error.value = "" if address.ok else _error_html(address.message)
        password_ok = bool(self.password.value) and self.rate_password()
        if not self.password.value:
            self.password_error.value = _error_html("Ce champ est obligatoire : choisissez un mot de passe.")
        elif not password_ok:
            self.password_error.value = _error_html(
                "Le site refuse ce mot de passe : il est trop facile à deviner. Prenez une phrase de passe "
                "de 7 mots, ou 12 caractères avec majuscules, minuscules, chiffres et signes.")
        else:
            self.password_error.value = ""
        if not (address.ok and password_ok):
            self.feedback.show("incorrect", "Le formulaire a des erreurs : lisez le message sous chaque champ, "
                                            "corrigez, puis appuyez de nouveau sur « Créer mon compte ».")
            self._answered("formulaire", False)
            return False
        self.password.value = ""  # rated: forget it
        self.meter.value = ""
        self.meter_text.clear()
        self.sent_to = address.value
        self.feedback.clear()
        self.send_code()
        self.children = [self.prompt, self.page, self.code_box, self.mail, self.feedback]
        return True

    # -- the code -------------------------------------------------------------------------------
    def send_code(self) -> None:
        """Draw a new code (the old one stops working) and deliver it to the typed address."""
        self.code = f"{secrets.randbelow(1_000_000):06d}"
        self.sent_at = self.clock
        self.code_text.value = (f"<p>Nous avons envoyé un code à <strong>{esc(self.sent_to)}</strong>.</p>"
                                f"<p>Il est valable <strong>{self.validity} minutes</strong>. "
                                "Ouvrez votre messagerie (en bas), puis tapez le code ici.</p>")
        if self.sent_to.lower() == self.mailbox:
            message = InboxMessage(
                "courriel", self.sender_name, self.sender_address,
                f"Bonjour,\n\nVotre code de confirmation est : **{self.code}**\n\n"
                f"Il est valable {self.validity} minutes. Si vous n'avez rien demandé, ignorez ce message.\n\n"
                "Ceci est un exercice : ce message n'a aucune valeur.",
                False, subject=f"{self.site} : votre code de confirmation")
            folder = "indesirables" if self.spam else "reception"
            self.messages[folder].insert(0, (message, self.clock))
        self.show_folder(self.folder)

    def _folder_handler(self, key: str):
        @safe_callback(on_error=self.show_error)
        def handler(change):
            if change["new"]:
                self.show_folder(key)
            elif self.folder == key:
                self.folder_buttons[key].value = True

        return handler

    def show_folder(self, key: str) -> None:
        """Open a folder of the simulated mailbox."""
        if key not in FOLDERS:
            return
        self.folder = key
        for other, t in self.folder_buttons.items():
            t.description = f"{FOLDERS[other]} ({len(self.messages[other])})"
            if other != key and t.value:
                t.value = False
        if not self.folder_buttons[key].value:
            self.folder_buttons[key].value = True
        self.mail_title.value = (f'<p class="boite-titre">Messagerie de <strong>{esc(self.mailbox)}</strong> '
                                 "(la personne de l'exercice)</p>")
        shown = self.messages[key]
        if not shown:
            self.folder_view.value = f"<p>Aucun message dans « {esc(FOLDERS[key])} ».</p>"
            return
        self.folder_view.value = "".join(
            f'<div class="compte-message">{message_header_html(m)}'
            f'<p class="boite-date">Reçu il y a {self.clock - at} minute{"s" if self.clock - at > 1 else ""}</p>'
            f'<div class="boite-texte-courriel">{md(m.body)}</div></div>' for m, at in shown)

    @safe_callback()
    def _on_code(self, _button=None) -> None:
        self.enter_code(self.code_field.value)

    def enter_code(self, typed: str) -> bool:
        """The code typed: expired, wrong, or right (the account is created)."""
        self.code_field.value = ""
        if not self.code or self.created:
            return self.created
        digits = "".join(c for c in str(typed or "") if c.isdigit())[:12]
        if not digits:
            self.feedback.show("info", "Tapez le code à 6 chiffres du courriel, puis appuyez sur « Valider le code ».")
            return False
        if digits != self.code:
            self.feedback.show("incorrect", "Ce n'est pas le bon code. Recopiez les 6 chiffres du **dernier** "
                                            "courriel reçu : un nouveau code remplace l'ancien.")
            self._answered("mauvais_code", False)
            return False
        if self.clock - self.sent_at > self.validity:
            self.feedback.show("attention", f"Ce code a **expiré** : il était valable {self.validity} minutes. "
                                            "C'est une protection. Appuyez sur « Recevoir un nouveau code ».",
                               title="Code expiré")
            self._answered("code_expire", False)
            return False
        self.created = True
        self.solved = True
        self.code = ""
        for b in (self.code_button, self.resend_button, self.time_button, self.nothing_button, self.fix_button):
            b.disabled = True
        self.feedback.show("correct", f"Votre compte sur **{self.site}** est créé. Notez dans un carnet, chez vous, "
                                      "l'adresse électronique utilisée. Le mot de passe, lui, ne se donne à personne.",
                           title="Compte créé")
        self._answered("compte_cree", True)
        return True

    def wait(self, minutes: int) -> None:
        """Let simulated time pass (the code may expire)."""
        self.clock += max(0, int(minutes))
        self.show_folder(self.folder)
        self.feedback.show("info", f"{int(minutes)} minutes ont passé (pour l'exercice).", title="Le temps passe")

    def resend(self) -> None:
        """A new code (the previous one stops working)."""
        if self.created or not self.sent_to:
            return
        self.send_code()
        self.feedback.show("info", f"Un nouveau code a été envoyé à **{esc(self.sent_to)}**. L'ancien ne marche plus.",
                           title="Nouveau code")

    def nothing_received(self) -> None:
        """What to check when no code arrives: the spam folder, then the address typed."""
        if not self.sent_to:
            return
        lines = ["1. Regardez dans le dossier **Courrier indésirable** (on dit aussi « spam ») : "
                 "les messages automatiques y arrivent souvent.",
                 f"2. Relisez l'adresse que vous avez tapée : **{esc(self.sent_to)}**."]
        if self.sent_to.lower() != self.mailbox:
            lines.append(f"   Elle est différente de votre adresse, **{esc(self.mailbox)}** : le code est parti "
                         "ailleurs. Appuyez sur « Corriger mon adresse ».")
        lines.append("3. Attendez quelques minutes, puis demandez un nouveau code. Ne créez pas un deuxième compte.")
        self.feedback.show("info", "\n".join(lines), title="Je n'ai rien reçu : que vérifier ?")
        self._answered("rien_recu", False)

    def fix_address(self) -> None:
        """Back to the form to type the address again (the code sent stops working)."""
        if self.created:
            return
        self.code = ""
        self.sent_to = ""
        self.email.value = ""
        self.children = [self.prompt, self.page, self.form, self.feedback]
        self.feedback.show("info", "Tapez de nouveau votre adresse, lettre par lettre, puis votre mot de passe.")

    def show_error(self, message: str) -> None:
        self.feedback.show("erreur", message)

    # -- walkthrough ----------------------------------------------------------------------------
    def self_check(self) -> tuple[bool, bool]:
        """A typo in the address, a weak password, the spam folder, an expired code, then the right code."""
        strong = "marmotte tiroir pluie vanille cabane orgue sentier"
        typo = self.mailbox.replace("@", "@x", 1)
        self.email.value = typo
        self.password.value = strong
        self.create()
        self.nothing_received()
        explained = "Corriger mon adresse" in self.feedback.text and not self.messages["indesirables"]
        self.fix_address()
        self.email.value = self.mailbox
        self.password.value = "azerty"
        explained = explained and not self.create() and bool(self.password_error.value)
        self.password.value = strong
        self.create()
        folder = "indesirables" if self.spam else "reception"
        self.show_folder(folder)
        explained = explained and self.code in self.folder_view.value
        self.wait(STEP_MINUTES)
        explained = explained and not self.enter_code(self.code) and self.feedback.kind == "attention"
        self.resend()
        return explained, self.enter_code(self.code) and self.feedback.kind == "correct"


def _error_html(message: str) -> str:
    return f'<p class="demarche-erreur-texte" role="alert"><strong>Erreur :</strong> {esc(message)}</p>'
