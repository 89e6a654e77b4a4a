"""The client's address behind reverse proxies, from X-Forwarded-For.

Each proxy appends the address of the peer it received the request from, so the
header reads ``client, proxy1, proxy2`` and only the right-hand end can be
trusted: anything to the left of the first untrusted hop may have been typed by
the client. We therefore walk from the right, skipping the proxies we trust,
and take the first address we do not trust. A header from a peer we do not
trust is ignored entirely.
"""

import ipaddress
from functools import lru_cache


def parse_networks(values):
    """``["10.0.0.1", "192.168.0.0/24", "::1"]`` -> a tuple of networks; ValueError on garbage."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values if value.strip())


@lru_cache(maxsize=8)
def _cached_networks(values):
    return parse_networks(values)


def parse_address(value):
    """An ip_address from one hop of the header, or None when it is not an address.

    Accepts ``[2001:db8::1]`` (brackets) and IPv4-mapped IPv6 (``::ffff:192.0.2.1``
    is returned as 192.0.2.1 so that it matches IPv4 networks).
    """
    value = (value or "").strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_trusted(address, networks):
    return any(address.version == network.version and address in network for network in networks)


def client_ip(remote_addr, forwarded_for, trusted_proxies):
    """The client's address as a string, or None when even the peer's address is unusable.

    ``remote_addr``: the TCP peer (REMOTE_ADDR). ``forwarded_for``: the raw
    X-Forwarded-For value or None. ``trusted_proxies``: addresses or networks
    (strings or a tuple from ``parse_networks``); empty means trust nobody.
    """
    peer = parse_address(remote_addr)
    if peer is None:
        return None
    if trusted_proxies and isinstance(trusted_proxies[0], str):
        trusted_proxies = _cached_networks(tuple(trusted_proxies))
    if not forwarded_for or not _is_trusted(peer, trusted_proxies):
        return str(peer)
    nearest = peer
    for hop in reversed(forwarded_for.split(",")):
        address = parse_address(hop)
        if address is None:
            # A trusted proxy wrote something we cannot read: do not guess past it.
            return str(nearest)
        if not _is_trusted(address, trusted_proxies):
            return str(address)
        nearest = address
    # Every hop is one of our proxies: the request started inside the trusted network.
    return str(nearest)
