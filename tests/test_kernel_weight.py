"""A participant's kernel stays light: showing every step of an atelier loads no heavy library.

Each participant has a kernel of their own; twenty of them share a modest laptop. A library needed only
when the participant presses a button (a PDF, a live lookup) or only by the conseiller's tools (charts
drawn at launch) is imported there, not when a step is shown. Checked in a fresh Python process, as a
kernel is, after building each atelier's page and going through every step (``bench/memory.py``
measures what that saves).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import tldextract

from widgets.analysers.domains import extractor, split_host
from widgets.analysers.link.check import check_link
from widgets.analysers.link.parse import link_domain
from widgets.content.atelier import list_ateliers

ROOT = Path(__file__).resolve().parent.parent
ATELIERS = sorted(p.parent.name for p in (ROOT / "ateliers").glob("*/atelier.ipynb"))
#: Heavy libraries (a few MiB to 20 MiB each in every kernel) and what they are for.
HEAVY = {
    "pandas": "tableaux des graphiques (dessinés au lancement)",
    "matplotlib": "graphiques (dessinés au lancement)",
    "jsonschema": "validation du contenu (faite par le serveur)",
    "weasyprint": "PDF (au moment où on le demande)",
    "PIL": "images (au moment où on en dépose une)",
    "zxcvbn": "force d'un mot de passe (quand on en tape un)",
    "requests": "requêtes en ligne (quand on en fait une)",
    "tldextract": "liste des suffixes (lue par widgets.analysers.domains)",
    "rapidfuzz": "sites ressemblants (quand on vérifie un lien)",
    "confusable_homoglyphs": "lettres trompeuses (quand on vérifie un lien)",
}
WALK = """
import json, sys, threading, time
import ipykernel.ipkernel, ipywidgets
from widgets.kernel.page import show_workshop
page = show_workshop(".")
for index in range(len(page.path.atelier.steps)):
    page.path.go(index)
deadline = time.time() + 60  # what a step started in the background (bounded)
for thread in threading.enumerate():
    if thread is not threading.current_thread():
        thread.join(max(0.0, deadline - time.time()))
models = [type(w).__mro__ for w in ipywidgets.Widget._active_widgets.values()]
print(json.dumps({"widgets": len(models),
                  "layouts": sum(ipywidgets.Layout in mro for mro in models),
                  "styles": sum(ipywidgets.widgets.widget_style.Style in mro for mro in models)}))
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


@pytest.fixture(scope="module")
def kernel_env() -> dict:
    list_ateliers(ROOT / "ateliers")  # as ``atelier lancer`` does: the kernels inherit the validated digests
    return dict(os.environ)


@pytest.mark.parametrize("atelier", ATELIERS)
def test_going_through_every_step_loads_no_heavy_library(atelier, kernel_env):
    done = subprocess.run([sys.executable, "-c", WALK], cwd=ROOT / "ateliers" / atelier, env=kernel_env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    heavy = {name: why for name, why in HEAVY.items() if name in loaded}
    assert heavy == {}, f"{atelier} : bibliothèques lourdes chargées dans chaque noyau : {heavy}"


@pytest.mark.parametrize("atelier", ATELIERS)
def test_widgets_that_look_alike_share_one_layout_and_one_style(atelier, kernel_env):
    """Each layout or style model is a comm in the kernel and a model in the page: one per look, not per widget
    (``widgets/ui/looks.py``). A component that builds a widget without ``looks`` adds one per widget."""
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", WALK], cwd=ROOT / "ateliers" / atelier,
                          env=kernel_env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    counts = json.loads(done.stdout.strip().splitlines()[-2])
    assert counts["widgets"] > 150, counts  # the walk did build the atelier's steps
    assert counts["layouts"] <= 12 and counts["styles"] <= 12, counts


def test_the_suffix_list_splits_hosts_exactly_as_tldextract():
    """The light reader of the Public Suffix List gives tldextract's answer (its own list, offline)."""
    reference = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    rules = extractor().rules()
    hosts = ["www.impots.gouv.fr", "a.b.example.co.uk", "localhost", "127.0.0.1", "01.02.03.04", "[::1]",
             "xn--mli-5ka8l.fr", "AMELI.FR", "www.ck", "foo.bar.ck", "city.kawasaki.jp", "x.city.kawasaki.jp",
             "https://user@www.Example.COM:8080/p?q#f", "example.com.", "ex。ample。com", "", ".", "a..b.com",
             "аmeli.fr", "xn--80ak6aa92e.com", "foo.blogspot.com", "1.2.3", "999.1.1.1"]
    for rule in rules[::7]:
        name = rule.replace("*", "joker").lstrip("!")
        hosts += [name, f"site.{name}", f"www.site.{name}"]
    different = []
    for host in hosts:
        expected = reference(host)
        got = split_host(host)
        if (expected.subdomain, expected.domain, expected.suffix) != (got.subdomain, got.label, got.suffix):
            different.append((host, expected, got))
    assert len(hosts) > 2500 and different == []


@pytest.mark.parametrize("text", [
    "https://www.impots.gouv.fr/accueil", "http://ameli-remboursement.com/x", "www.service-public.gouv.fr",
    "https://user@www.ameli.fr:8443/x", "https://аmeli.fr/", "http://xn--mli-5ka8l.fr", "https://bit.ly/abc",
    "http://127.0.0.1/", "https://[::1]/", "mailto:a@exemple.fr", "tel:3646", "javascript:alert(1)", "", "impots",
    "https://impots.gouv.fr.verification.example/", "https://a.b.c.example.co.uk/",
])
def test_the_domain_shown_in_a_browser_bar_is_the_checker_s(text):
    assert link_domain(text) == check_link(text).domain
