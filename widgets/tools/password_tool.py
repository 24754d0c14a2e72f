"""The password page: strength in French, the CNIL rule, a passphrase, and an optional leak check.

The password lives in a ``ipw.Password`` field (never echoed) and in kernel memory only.
It is tested when « Tester » or Enter is pressed, not at each key. The leak check runs only when
the participant presses « Vérifier en ligne »: only the 5 characters shown beforehand leave.
"""
from __future__ import annotations

import ipywidgets as ipw

from widgets.content.markdown import esc, md
from widgets.ui.controls import box, button, html_block, input_field, safe_callback
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks
from widgets.ui.password_meter import SCORE_KIND, meter_html, strength_markdown  # noqa: F401 (shared with atelier 05)

MAX_LENGTH = 1_000
PASSPHRASE_ORIGIN = ("Les mots sont tirés au hasard, sur cet ordinateur, dans une liste de mots français "
                     "(liste « wfrench » de Debian, licence libre GPL). Rien n'est envoyé sur Internet.")
SENT_EXPLANATION = (
    "Vous pouvez demander à un service en ligne (Have I Been Pwned) si ce mot de passe a déjà fuité. "
    "Votre mot de passe ne part pas. Seuls ces 5 caractères partiront : **{prefix}**. "
    "Ils sont calculés à partir de votre mot de passe, mais on ne peut pas retrouver le mot de passe avec eux. "
    "C'est vous qui décidez : appuyez sur « Vérifier en ligne » seulement si vous êtes d'accord."
)


class PasswordTool(ipw.VBox):
    """Test a password, create a passphrase, and (if chosen) ask whether it leaked."""

    def __init__(self, instruction: str = "", session=None):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.add_class("atelier-mot-de-passe")
        self.session = session  # a requests.Session for tests; None = a fresh one per check
        self.field = input_field(ipw.Password, "Mot de passe", placeholder="Tapez un mot de passe à tester",
                                 continuous_update=False)
        self.field.observe(self._on_enter, names="value")  # Enter (or leaving the field) tests too
        self.test_button = button("Tester", "atelier-valider")
        self.test_button.on_click(self._on_test)
        self.meter = html_block("", "mdp-jauge-zone")
        self.result = Feedback()
        self.leak_text = html_block("", "mdp-fuite-texte")
        self.leak_button = button("Vérifier en ligne", "mdp-verifier-en-ligne")
        self.leak_button.disabled = True
        self.leak_button.on_click(self._on_leak)
        self.leak_result = Feedback()
        self.passphrase_button = button("Créer une phrase de passe", "mdp-phrase")
        self.passphrase_button.on_click(self._on_passphrase)
        self.passphrase = html_block("", "mdp-phrase-zone")
        self.strength = None
        self.leak = None
        self.generated = ""
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        children += [
            html_block("<p>Ce que vous tapez reste sur cet ordinateur. Il n'est ni enregistré ni envoyé. "
                       "Pour l'exercice, évitez quand même votre vrai mot de passe.</p>", "mdp-rassurer"),
            box([self.field, self.test_button], "mdp-ligne", row=True), self.meter, self.result,
            html_block("<h3>A-t-il déjà fuité ?</h3>", "mdp-sous-titre"), self.leak_text, self.leak_button,
            self.leak_result,
            html_block("<h3>Une idée : la phrase de passe</h3>", "mdp-sous-titre"), self.passphrase_button,
            self.passphrase,
        ]
        self.children = children

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)

    # -- strength ---------------------------------------------------------------------------
    @safe_callback()
    def _on_enter(self, _change=None) -> None:
        if self.field.value:
            self.test()

    @safe_callback()
    def _on_test(self, _button=None) -> None:
        self.test()

    def test(self) -> None:
        """Rate the password of the field; prepare (but do not send) the leak check."""
        from widgets.analysers.password.pwned import what_is_sent
        from widgets.analysers.password.strength import assess_password

        password = self.field.value or ""
        self.leak_result.clear()
        self.leak = None
        if not password:
            self.meter.value = ""
            self.leak_text.value = ""
            self.leak_button.disabled = True
            self.result.show("info", "Le champ est vide : tapez un mot de passe, puis appuyez sur « Tester ».")
            return
        if len(password) > MAX_LENGTH:
            self.meter.value = ""
            self.leak_button.disabled = True
            self.result.show("attention", "Ce mot de passe est beaucoup trop long pour être testé. "
                                          f"Gardez-en moins de {MAX_LENGTH} caractères.")
            return
        self.strength = assess_password(password)
        self.meter.value = meter_html(self.strength.score, self.strength.label)
        self.result.show(SCORE_KIND.get(self.strength.score, "info"), strength_markdown(self.strength),
                         title=f"Force : {self.strength.label}")
        self.leak_text.value = md(SENT_EXPLANATION.format(prefix=what_is_sent(password)))
        self.leak_button.disabled = False

    # -- leak -------------------------------------------------------------------------------
    @safe_callback()
    def _on_leak(self, _button=None) -> None:
        self.check_online()

    def check_online(self) -> None:
        """Ask the leak service (5 characters sent, 3-second limit); offline → the local list."""
        from widgets.analysers.password.pwned import check_leak

        password = self.field.value or ""
        if not password or len(password) > MAX_LENGTH:
            self.leak_result.show("info", "Tapez d'abord un mot de passe et appuyez sur « Tester ».")
            return
        self.leak_result.show("info", "Question envoyée… (3 secondes au plus)", title="Patientez")
        self.leak = check_leak(password, online=True, session=self.session)
        if self.leak.found:
            kind, title = "danger", "Ce mot de passe a déjà fuité"
        elif self.leak.source == "en_ligne":
            kind, title = "correct", "Aucune fuite connue"
        else:
            kind, title = "info", "Vérifié sans Internet"
        self.leak_result.show(kind, self.leak.message, title=title)

    # -- passphrase -------------------------------------------------------------------------
    @safe_callback()
    def _on_passphrase(self, _button=None) -> None:
        self.make_passphrase()

    def make_passphrase(self) -> str:
        """Draw a 7-word passphrase and show it with the origin of the word list."""
        from widgets.analysers.password.passphrase import generate_passphrase

        self.generated = generate_passphrase(7)
        self.passphrase.value = (f'<p class="mdp-phrase-texte">{esc(self.generated)}</p>'
                                 f"<p>7 mots pris au hasard : facile à retenir, très difficile à deviner. "
                                 f"C'est la règle de la CNIL pour une phrase de passe.</p>"
                                 f"<p>{esc(PASSPHRASE_ORIGIN)}</p>")
        return self.generated
