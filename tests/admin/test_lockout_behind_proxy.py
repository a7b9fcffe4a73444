"""Login lockouts name the real client: never a forged X-Forwarded-For, and behind our
proxy never the proxy's own address that every visitor shares."""

from __future__ import annotations

import pytest
from django.urls import reverse

PASSWORD = "a-long-editor-password"


def fail_five_times(client, **headers) -> None:
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "editor", "password": "wrong"}, **headers)


@pytest.fixture
def proxies(settings):
    def trust(count: int) -> None:
        settings.TRUSTED_PROXY_COUNT = count
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}

    return trust


def test_without_a_trusted_proxy_a_forged_address_does_not_escape_a_lockout(
    client, editor, proxies
):
    proxies(0)
    fail_five_times(client, HTTP_X_FORWARDED_FOR="198.51.100.1")
    again = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.2",
    )
    assert again.status_code == 429


def test_behind_a_trusted_proxy_one_visitor_cannot_lock_out_another(client, editor, proxies):
    proxies(1)
    # The proxy (REMOTE_ADDR 127.0.0.1 in the test client) appends each visitor's address.
    fail_five_times(client, HTTP_X_FORWARDED_FOR="203.0.113.66")
    locked = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    assert locked.status_code == 429
    # The editor, from elsewhere, through the same proxy, still gets in; a forged first
    # hop naming the attacker's address changes nothing for either.
    editor_login = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.66, 192.0.2.10",
    )
    assert editor_login.status_code == 302
