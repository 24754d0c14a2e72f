"""A preheated kernel learns its participant's request, and stays quiet when the server stops first."""
from __future__ import annotations

import json
import os
import threading

import pytest
from websockets.sync.server import serve

from widgets.kernel.live import participant_from_query
from widgets.kernel.request import query_string, request_socket_url, wait_for_request


@pytest.fixture
def preheated(monkeypatch):
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_KERNEL_ID", "noyau-1")
    for name in ("QUERY_STRING", "SERVER_NAME"):
        monkeypatch.setenv(name, "")  # restored after the test, whatever the kernel code sets


def socket_server(behaviour):
    """A local websocket server answering each connection with ``behaviour(connection)``."""
    server = serve(behaviour, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.socket.getsockname()[1]
    return server, f"ws://127.0.0.1:{port}/voila/query/noyau-1"


def test_the_request_arrives_and_gives_the_participant(preheated, monkeypatch):
    seen = []

    def send_request(connection):
        seen.append(connection.request.path)
        connection.send(json.dumps({"QUERY_STRING": "participant=" + "ab" * 12, "SERVER_NAME": "127.0.0.1"}))

    server, url = socket_server(send_request)
    port = url.split(":")[2].split("/")[0]
    monkeypatch.setenv("VOILA_APP_PORT", port)
    try:
        assert request_socket_url() == url
        assert participant_from_query() == "ab" * 12
    finally:
        server.shutdown()
    assert seen == ["/voila/query/noyau-1"]
    assert os.environ["SERVER_NAME"] == "127.0.0.1"  # the whole request, as Voilà gives it
    assert query_string() == "participant=" + "ab" * 12  # known now: no second wait


def test_a_server_that_stops_first_ends_the_kernel_quietly(preheated):
    server, url = socket_server(lambda connection: connection.close())
    exits = []
    try:
        assert wait_for_request(url, exit_when_closed=exits.append) is False
    finally:
        server.shutdown()
    assert exits == [0]


@pytest.mark.parametrize("message", ["pas du json", "[1, 2]", json.dumps({"QUERY_STRING": 3})])
def test_an_unreadable_request_gives_a_fresh_participant(preheated, message):
    server, url = socket_server(lambda connection: connection.send(message))
    try:
        wait_for_request(url)
    finally:
        server.shutdown()
    assert query_string() == ""  # and no second wait


def test_no_socket_to_reach_means_no_wait(preheated):
    assert wait_for_request("ws://127.0.0.1:9/voila/query/noyau-1") is False  # nothing listens on port 9


def test_a_kernel_started_for_its_request_does_not_wait(monkeypatch):
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    monkeypatch.setenv("QUERY_STRING", "participant=" + "cd" * 12)
    assert wait_for_request("ws://127.0.0.1:9/") is False
    assert participant_from_query() == "cd" * 12


def test_a_socket_that_refuses_the_upgrade_means_no_wait(preheated):
    import http.server

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)  # 501
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"ws://127.0.0.1:{server.server_address[1]}/voila/query/noyau-1"
        assert wait_for_request(url) is False
        assert participant_from_query() is None  # a fresh anonymous id, no traceback
    finally:
        server.shutdown()
