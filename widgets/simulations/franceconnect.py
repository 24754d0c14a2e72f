"""A simulated FranceConnect journey: a service page → « S'identifier avec FranceConnect » → choose an
account one already has → log in there with the fictional credentials shown on screen → the consent
screen (what the service will receive) → back on the service, logged in.

At each screen the participant first reads the address bar (the site's name in bold) and says whether it
is the site expected; only then the page's buttons appear. What is typed in the login form is compared
with the fictional credentials, then forgotten (the fields are emptied at once).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as ipw

from widgets.components.exercise import Exercise
from widgets.content.markdown import esc
from widgets.simulations.procedure_page import procedure_page_html, site_name
from widgets.ui.controls import box, button, html_block, input_field, on_press, safe_callback
from widgets.ui.looks import set_shown

SCREENS = ("service", "choix", "connexion", "consentement", "connecte")
#: The fixed parts of an address that FranceConnect and the providers show (simulated paths).
FC_PATH = "/api/v1/authorize"


@dataclass
class Provider:
    """An account one may already have: its name, the address of its login page, its fictional credentials."""

    name: str
    url: str
    identifier_label: str
    identifier: str
    secret_label: str = "Mot de passe"
    secret: str = ""
    note: str = ""


@dataclass
class Identity:
    """The fictional person of the exercise (never a real one)."""

    first_names: str
    last_name: str
    details: dict[str, str] = field(default_factory=dict)  # what the consent screen lists, label → value

    @property
    def full_name(self) -> str:
        return f"{self.first_names} {self.last_name.upper()}"


def _compact(text: str) -> str:
    return "".join(str(text or "").split()).lower()


class FranceConnectLogin(Exercise):
    """The whole journey, screen by screen; ``solved`` once back on the service, logged in."""

    def __init__(self, service: str, service_url: str, fc_url: str, providers: list[Provider], identity: Identity,
                 instruction: str = "", exercise_id: str | None = None):
        super().__init__(instruction or "Suivez les écrans. À chaque écran, regardez d'abord **l'adresse**.",
                         exercise_id)
        self.add_class("atelier-franceconnect")
        self.service, self.service_url, self.fc_url = service, service_url, fc_url
        self.providers = list(providers)
        self.identity = identity
        self.screen = "service"
        self.provider: Provider | None = None
        self.address_checked = False
        self.wrong_logins = 0
        self.page = html_block("", "demarche-page")
        self.check_text = html_block("", "demarche-verifier")
        self.yes_button = button("Oui, c'est le bon site", "atelier-option", "demarche-adresse-oui")
        self.no_button = button("Non, ce n'est pas le bon site", "atelier-option", "demarche-adresse-non")
        self.yes_button.on_click(on_press(self, "check_address", True))
        self.no_button.on_click(on_press(self, "check_address", False))
        self.check_box = box([self.check_text, box([self.yes_button, self.no_button], "demarche-choix", row=True)],
                             "demarche-controle")
        self.actions = box([], "demarche-actions")
        self.children = [self.prompt, self.page, self.check_box, self.actions, self.feedback]
        # widgets of the screens (built once)
        self.fc_button = button("S'identifier avec FranceConnect", "atelier-valider", "fc-bouton")
        self.fc_button.on_click(on_press(self, "go", "choix"))
        self.provider_buttons = []
        for index, provider in enumerate(self.providers):
            b = button(provider.name, "atelier-option", "fc-fournisseur")
            b.on_click(on_press(self, "choose_provider", index))
            self.provider_buttons.append(b)
        self.identifier = input_field(ipw.Text, "Identifiant", continuous_update=False)
        self.secret = input_field(ipw.Password, "Mot de passe", continuous_update=False)
        self.login_button = button("Se connecter", "atelier-valider")
        self.login_button.on_click(self._on_login)
        self.back_button = button("← Choisir un autre compte", "atelier-precedent")
        self.back_button.on_click(on_press(self, "go", "choix"))
        self.consent_button = button(f"Continuer sur {service}", "atelier-valider", "fc-continuer")
        self.consent_button.on_click(on_press(self, "consent", True))
        self.cancel_button = button("Annuler", "atelier-option", "fc-annuler")
        self.cancel_button.on_click(on_press(self, "consent", False))
        self.go("service")

    # -- screens --------------------------------------------------------------------------------
    def url(self) -> str:
        """The address shown in the bar on the current screen."""
        if self.screen in ("choix", "consentement"):
            return self.fc_url.rstrip("/") + FC_PATH
        if self.screen == "connexion" and self.provider is not None:
            return self.provider.url
        return self.service_url

    def expected_site(self) -> str:
        return site_name(self.url())

    def go(self, screen: str) -> None:
        """Show ``screen`` (its address to check first, then its buttons)."""
        if screen not in SCREENS:
            return
        if screen == "connexion" and self.provider is None:
            screen = "choix"
        self.screen = screen
        self.address_checked = screen == "connecte"  # the last screen only says « you are logged in »
        self.identifier.value = ""
        self.secret.value = ""
        self.feedback.clear()
        self.page.value = procedure_page_html(self.url(), *self._heading()) + self._body()
        self.check_text.value = ("<p><strong>Avant tout, regardez la barre d'adresse.</strong> "
                                 "Le nom du site est écrit en gras. Est-ce le site que vous attendiez ?</p>")
        set_shown(self.check_box, not self.address_checked)
        self.actions.children = self._actions() if self.address_checked else []
        if screen == "connecte":
            self.solved = True
            self.feedback.show("correct", f"Vous êtes revenu(e) sur **{self.service}**, connecté(e) avec "
                                          f"FranceConnect. Le service connaît maintenant votre identité : "
                                          "vous n'avez pas créé de nouveau mot de passe.",
                               title="Vous êtes connecté(e)")
            self._answered("connecte", True)

    def _heading(self) -> tuple[str, str]:
        if self.screen in ("choix", "consentement"):
            return "FranceConnect", ("Je choisis un compte pour me connecter" if self.screen == "choix"
                                     else "Vous allez transmettre des informations")
        if self.screen == "connexion" and self.provider is not None:
            return self.provider.name, "Connexion à votre compte"
        return self.service, ("Mon espace" if self.screen == "connecte" else "Identifiez-vous pour continuer")

    def _body(self) -> str:
        if self.screen == "service":
            return ('<div class="demarche-corps"><p>Pour faire cette démarche, le site doit savoir qui vous êtes.</p>'
                    "<p>Avec <strong>FranceConnect</strong>, vous utilisez un compte que vous avez déjà "
                    "(impôts, Assurance Maladie…). Pas de nouveau mot de passe à retenir.</p></div>")
        if self.screen == "choix":
            return ('<div class="demarche-corps"><p>Choisissez un compte que vous avez <strong>déjà</strong>. '
                    "Vous allez vous connecter sur <strong>son</strong> site.</p></div>")
        if self.screen == "connexion" and self.provider is not None:
            p = self.provider
            note = f"<p>{esc(p.note)}</p>" if p.note else ""
            return ('<div class="demarche-corps">'
                    '<div class="demarche-identifiants" role="note"><p><strong>Pour l\'exercice</strong>, '
                    "utilisez ces identifiants inventés (ils n'ouvrent aucun vrai compte) :</p>"
                    f"<p>{esc(p.identifier_label)} : <strong class=\"demarche-code\">{esc(p.identifier)}</strong><br>"
                    f"{esc(p.secret_label)} : <strong class=\"demarche-code\">{esc(p.secret)}</strong></p></div>"
                    f"{note}<p>Votre vrai mot de passe, lui, ne se donne à personne : ni au téléphone, ni par "
                    "courriel, ni à la personne qui vous aide.</p></div>")
        if self.screen == "consentement":
            items = "".join(f"<li>{esc(k)} : <strong>{esc(v)}</strong></li>" for k, v in self.identity.details.items())
            return ('<div class="demarche-corps">'
                    f"<p>Le service <strong>{esc(self.service)}</strong> va recevoir ces informations sur vous :</p>"
                    f'<ul class="fc-donnees">{items}</ul>'
                    "<p>Si vous n'êtes pas d'accord, appuyez sur « Annuler » : rien ne sera transmis.</p></div>")
        return (f'<div class="demarche-corps"><p class="fc-bonjour">Bonjour <strong>{esc(self.identity.full_name)}</strong>.</p>'
                "<p>Vous êtes connecté(e) avec FranceConnect. Vous pouvez faire votre démarche.</p>"
                "<p>Sur un ordinateur partagé, pensez à vous <strong>déconnecter</strong> à la fin.</p></div>")

    def _actions(self) -> list:
        if self.screen == "service":
            return [self.fc_button]
        if self.screen == "choix":
            return [box(self.provider_buttons, "fc-fournisseurs")]
        if self.screen == "connexion" and self.provider is not None:
            self.identifier.description = self.provider.identifier_label
            self.secret.description = self.provider.secret_label
            return [self.identifier, self.secret, box([self.login_button, self.back_button], "demarche-boutons", row=True)]
        if self.screen == "consentement":
            return [box([self.consent_button, self.cancel_button], "demarche-boutons", row=True)]
        return []

    # -- answering ------------------------------------------------------------------------------
    def check_address(self, right_site: bool) -> None:
        """The participant says whether the address is the site expected (it always is here)."""
        if self.address_checked:
            return
        name = self.expected_site()
        why = self._why_this_site()
        if right_site:
            self.feedback.show("correct", f"Le nom du site est **{name}**. {why}", title="Bonne vérification")
        else:
            self.feedback.show("incorrect", f"Regardez la partie en gras : **{name}**. {why} Ici, vous pouvez "
                                            "continuer. Avec un autre nom, vous auriez eu raison de fermer la page.")
        self.address_checked = True
        set_shown(self.check_box, False)
        self.actions.children = self._actions()

    def _why_this_site(self) -> str:
        if self.screen in ("choix", "consentement"):
            return "C'est bien le site de FranceConnect : il finit par « .gouv.fr », réservé à l'État."
        if self.screen == "connexion" and self.provider is not None:
            return f"Vous avez choisi « {self.provider.name} » : c'est bien son site qui vous demande le mot de passe."
        return f"C'est bien le site « {self.service} », celui de votre démarche."

    def choose_provider(self, index: int) -> None:
        """Pick the account to log in with."""
        if self.screen != "choix" or not 0 <= index < len(self.providers):
            return
        self.provider = self.providers[index]
        self.go("connexion")

    @safe_callback()
    def _on_login(self, _button=None) -> None:
        self.login(self.identifier.value, self.secret.value)

    def login(self, identifier: str, secret: str) -> bool:
        """Compare with the fictional credentials, then forget what was typed."""
        self.identifier.value = ""
        self.secret.value = ""
        if self.screen != "connexion" or self.provider is None:
            return False
        p = self.provider
        if not _compact(identifier) or not secret:
            self.feedback.show("info", f"Remplissez « {p.identifier_label} » et « {p.secret_label} », "
                                       "avec les identifiants inventés du cadre.")
            return False
        if _compact(identifier) != _compact(p.identifier) or str(secret).strip() != p.secret:
            self.wrong_logins += 1
            self.feedback.show("incorrect", "Ce ne sont pas les identifiants de l'exercice. Recopiez ceux du cadre, "
                                            "sans vous presser. Sur un vrai site, après plusieurs erreurs, le compte "
                                            "peut être bloqué un moment : c'est une protection.")
            self._answered("identifiants", False)
            return False
        self.go("consentement")
        return True

    def consent(self, accept: bool) -> None:
        """Accept (back to the service, logged in) or cancel (nothing is passed on)."""
        if self.screen != "consentement":
            return
        if accept:
            self.go("connecte")
            return
        self.provider = None
        self.go("service")
        self.feedback.show("info", "Vous avez annulé : le service n'a rien reçu, et vous n'êtes pas connecté(e). "
                                   "Vous pouvez recommencer quand vous voulez.", title="Rien n'a été transmis")

    # -- walkthrough ----------------------------------------------------------------------------
    def self_check(self) -> tuple[bool, bool]:
        """Check each address, choose the first account, log in wrongly then rightly, accept."""
        self.go("service")
        self.check_address(True)
        self.fc_button.click()
        self.check_address(False)
        explained = self.feedback.kind == "incorrect" and "franceconnect" in self.feedback.text.lower()
        self.choose_provider(0)
        self.check_address(True)
        self.login("pas-le-bon", "pas-le-bon")
        explained = explained and self.feedback.kind == "incorrect"
        p = self.providers[0]
        self.login(p.identifier, p.secret)
        self.check_address(True)
        listed = all(esc(v) in self.page.value for v in self.identity.details.values())
        self.consent(True)
        return explained, listed and self.solved and self.feedback.kind == "correct"


def provider_from_content(raw: dict) -> Provider:
    """A ``comptes`` entry of ``atelier.yaml`` → ``Provider``."""
    return Provider(raw["nom"], raw["adresse"], raw["identifiant"], raw["identifiant_exemple"],
                    raw.get("secret", "Mot de passe"), raw["secret_exemple"], raw.get("note", ""))


def identity_from_content(raw: dict) -> Identity:
    """The ``identite`` of ``atelier.yaml`` → ``Identity`` (``transmis``: label → value, in order)."""
    return Identity(raw["prenoms"], raw["nom"], {d["donnee"]: d["valeur"] for d in raw["transmis"]})

