import pytest

from hogo.lib.client_ip import client_ip, parse_networks

PROXIES = ("127.0.0.1", "10.0.0.0/24", "2001:db8:ffff::/48")


@pytest.mark.parametrize("remote_addr, forwarded_for, trusted, expected", [
    # No proxy configured: the peer is the client, whatever the header says.
    ("203.0.113.5", None, (), "203.0.113.5"),
    ("127.0.0.1", "198.51.100.7", (), "127.0.0.1"),
    # One trusted proxy in front.
    ("127.0.0.1", None, PROXIES, "127.0.0.1"),
    ("127.0.0.1", "198.51.100.7", PROXIES, "198.51.100.7"),
    # A chain of trusted proxies: skip each from the right.
    ("127.0.0.1", "198.51.100.7, 10.0.0.3", PROXIES, "198.51.100.7"),
    ("127.0.0.1", "198.51.100.7,10.0.0.3,10.0.0.4", PROXIES, "198.51.100.7"),
    # The client typed left-most values of its own: only the first untrusted hop from the right counts.
    ("127.0.0.1", "1.2.3.4, 198.51.100.7", PROXIES, "198.51.100.7"),
    ("127.0.0.1", "10.0.0.9, 198.51.100.7, 10.0.0.3", PROXIES, "198.51.100.7"),
    # An untrusted peer sending the header: ignored.
    ("203.0.113.5", "198.51.100.7", PROXIES, "203.0.113.5"),
    ("10.0.1.1", "198.51.100.7", PROXIES, "10.0.1.1"),
    # IPv6: peer, hops, brackets, IPv4-mapped.
    ("2001:db8:ffff::1", "2001:db8:1::42", PROXIES, "2001:db8:1::42"),
    ("::1", "2001:db8:1::42", PROXIES, "::1"),
    ("127.0.0.1", "[2001:db8:1::42]", PROXIES, "2001:db8:1::42"),
    ("::ffff:127.0.0.1", "198.51.100.7", PROXIES, "198.51.100.7"),
    # Garbage: never guess past what a trusted proxy wrote.
    ("127.0.0.1", "unknown", PROXIES, "127.0.0.1"),
    ("127.0.0.1", "198.51.100.7, garbage, 10.0.0.3", PROXIES, "10.0.0.3"),
    ("127.0.0.1", "198.51.100.7:5555", PROXIES, "127.0.0.1"),
    ("127.0.0.1", "", PROXIES, "127.0.0.1"),
    ("127.0.0.1", " , ", PROXIES, "127.0.0.1"),
    ("not-an-address", "198.51.100.7", PROXIES, None),
    ("", None, PROXIES, None),
    # Every hop trusted: the request came from inside the proxies' network.
    ("127.0.0.1", "10.0.0.8, 10.0.0.3", PROXIES, "10.0.0.8"),
])
def test_it_finds_the_client_address(remote_addr, forwarded_for, trusted, expected):
    assert client_ip(remote_addr, forwarded_for, trusted) == expected


def test_it_accepts_parsed_networks():
    assert client_ip("10.0.0.2", "198.51.100.7", parse_networks(["10.0.0.0/8"])) == "198.51.100.7"


def test_it_refuses_a_malformed_proxy_setting():
    with pytest.raises(ValueError):
        parse_networks(["10.0.0.0/33"])
