"""The ``atelier`` command: French output, exit codes 0/1, never a traceback, a busy port said clearly."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, timeout=60, stdin=None):
    return subprocess.run([sys.executable, "-m", "widgets.cli.main", *args], cwd=ROOT, capture_output=True,
                          timeout=timeout, input=stdin)


def test_check_link_json_shape_and_exit_codes():
    r = run("verifier-lien", "https://www.ameli.fr/assure", "--json")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert set(data) == {"url", "domaine", "niveau", "alertes"}
    assert data["domaine"] == "ameli.fr" and data["niveau"] == "ok"
    r = run("verifier-lien", "https://impots.gouv.fr.remboursement-dgfip.com/", "--json")
    assert r.returncode == 1
    assert json.loads(r.stdout)["niveau"] == "danger"


@pytest.mark.parametrize("hostile", ["", " ", "javascript:alert(1)", "data:text/html,<script>x</script>",
                                     "http://[::1", "http://exemple.fr:99999999/", "\x01\x1b[31m\x7f", "x" * 10_000,
                                     "http://例え.テスト/", "https://xn--mli-5ka8l.fr/", "-h"[1:], "http://%zz/"])
def test_check_link_never_shows_a_traceback(hostile):
    r = run("verifier-lien", hostile)
    assert r.returncode in (0, 1)
    out = (r.stdout + r.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out and out.strip()


def test_check_mail_on_files_and_bad_input(tmp_path):
    corpus = ROOT / "tests" / "corpus" / "courriels"
    scam = next(p for p in sorted(corpus.glob("*.eml")) if "antai" in p.name.lower() or "amende" in p.name.lower())
    r = run("verifier-courriel", str(scam), "--json")
    assert r.returncode == 1 and json.loads(r.stdout)["niveau"] == "danger"
    for bad in ("n-existe-pas.eml", str(tmp_path)):
        r = run("verifier-courriel", bad)
        assert r.returncode == 1 and b"Traceback" not in r.stderr and r.stderr.strip()
    binary = tmp_path / "binaire.eml"
    binary.write_bytes(bytes(range(256)) * 100)
    r = run("verifier-courriel", str(binary))
    assert r.returncode == 1 and b"Traceback" not in r.stdout + r.stderr
    r = run("verifier-courriel", "-", stdin=b"")
    assert r.returncode == 1 and b"Traceback" not in r.stdout + r.stderr


def test_help_and_errors_are_in_french():
    r = run("--aide")
    assert r.returncode == 0 and "Utilisation" in r.stdout.decode() and "lancer" in r.stdout.decode()
    r = run("commande-inconnue")
    assert r.returncode == 1 and "Erreur" in r.stderr.decode() and "Traceback" not in r.stderr.decode()
    r = run("verifier-lien")
    assert r.returncode == 1 and "il manque" in r.stderr.decode()


def test_check_content_is_green():
    r = run("verifier-contenu")
    assert r.returncode == 0, r.stdout.decode()
    assert "Tout est correct" in r.stdout.decode()


def test_busy_port_is_a_french_message_not_a_silent_move():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = run("lancer", "--adresse", "127.0.0.1", "--port", str(port), "--reserve", "0", timeout=60)
    assert r.returncode == 1
    assert f"Le port {port} est déjà utilisé" in r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()


def test_lancer_prints_the_address_and_stops_cleanly_on_ctrl_c(tmp_path):
    import signal
    import time

    from conftest import Server

    # its own answers' base; Python dumps every thread's stack on SIGABRT, to say where it waited if it hangs
    # started the way a script's « & » starts it: Ctrl+C ignored (it then kept running; seen in CI)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        server = Server(tmp_path, reserve=0, extra_env={"ATELIERS_DONNEES": str(tmp_path / "donnees"),
                                                        "PYTHONFAULTHANDLER": "1"})
    finally:
        signal.signal(signal.SIGINT, previous)
    time.sleep(1)
    server.process.send_signal(signal.SIGINT)
    try:
        code = server.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.process.send_signal(signal.SIGABRT)
        server.process.wait(timeout=30)
        code = None
    server._log_file.close()
    assert code == 0, server.log.read_text(encoding="utf-8")[-6000:]
    out = server.log.read_text(encoding="utf-8")
    assert "Les ateliers sont prêts" in out and server.url in out
    assert "Les ateliers sont arrêtés" in out
    assert "Traceback" not in out and "WARNING" not in out


def test_qr_code_is_printed_for_the_room(capsys):
    from widgets.cli.main import print_qr

    print_qr("http://192.0.2.10:8866/")
    out = capsys.readouterr().out
    assert out.count("\n") > 10 and ("█" in out or "▀" in out or "▄" in out)


def test_a_sub_command_help_says_utilisation_once():
    r = run("verifier-contenu", "--aide")
    out = r.stdout.decode()
    assert r.returncode == 0 and out.count("Utilisation") == 1 and "--sans-donnees" in out
