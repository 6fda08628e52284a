"""What a crawl may fetch: never a private, loopback, link-local or cloud-metadata address, decided on the IP.

A hostile page can redirect (or link) the crawler to `http://169.254.169.254/` (cloud metadata),
`http://10.0.0.1/` (the intranet), `http://127.0.0.2:6379/` (a local service) or to a hostname whose DNS
answer is one of those: server-side request forgery. Rules, in the order they apply to every request
(start URLs, links, redirects, robots.txt alike):

- only `http` and `https` are fetched (scheme `refused`);
- the host's IP, a literal or every address its name resolves to, must be global: loopback, private
  (RFC 1918, fc00::/7), link-local (169.254/16 with the metadata address, fe80::/10), shared address space
  (100.64/10, Alibaba Cloud's metadata 100.100.100.200), documentation, multicast, reserved and unspecified
  addresses are refused, also when wrapped in IPv6 (::ffff:a.b.c.d, 6to4, NAT64);
- except the start URLs' own addresses (a crawl of http://127.0.0.1:8000/ may fetch 127.0.0.1, not
  127.0.0.2) and the networks in MIRRORCLEAN_ALLOWED_NETWORKS (e.g. `10.0.0.0/8` for an intranet crawl;
  `0.0.0.0/0,::/0` allows everything);
- a redirect may leave the crawl's hosts only when it comes from a start URL (`RedirectScope`).

Two layers enforce the address rule: the `AddressGuard` downloader middleware refuses the request before
anything is sent, with a reason counted in the stats (`mirrorclean/refused/<reason>`) and signalled as
`fetch_refused` (the CLI writes it to the rejects file); and `GuardedResolver`, the crawl's DNS resolver,
refuses to hand a forbidden address to any connection, so a name that resolves to a public address when
checked and to a private one when connecting (DNS rebinding) still reaches nothing.
"""

from __future__ import annotations

import ipaddress
import socket
import weakref
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import threads
from twisted.internet.error import DNSLookupError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

#: Sent for every request refused here: (request, reason, detail). The CLI writes each as a reject.
fetch_refused = object()

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, Teredo client), if any.

    >>> str(embedded_ipv4(ipaddress.ip_address("::ffff:169.254.169.254")))
    '169.254.169.254'
    >>> str(embedded_ipv4(ipaddress.ip_address("64:ff9b::a00:1")))
    '10.0.0.1'
    """
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def address_kind(ip: IPAddress) -> str | None:
    """Why `ip` is not a public address a crawl may fetch, or None when it is one.

    >>> [address_kind(ipaddress.ip_address(a)) for a in ("93.184.216.34", "127.0.0.2", "169.254.169.254", "::1")]
    [None, 'loopback', 'link-local (cloud metadata)', 'loopback']
    >>> address_kind(ipaddress.ip_address("100.100.100.200")), address_kind(ipaddress.ip_address("::ffff:10.0.0.1"))
    ('shared address space (carrier NAT, cloud metadata)', 'private')
    """
    inner = embedded_ipv4(ip)
    if inner is not None:
        return address_kind(inner)
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local (cloud metadata)" if str(ip) == "169.254.169.254" else "link-local"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return "shared address space (carrier NAT, cloud metadata)"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private"
    if ip.is_reserved or not ip.is_global:
        return "reserved"
    return None


def parse_ip(host: str) -> IPAddress | None:
    """`host` as an IP address when it is one (IPv6 with or without brackets), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


class AddressPolicy:
    """Which non-public addresses one crawl may still reach: its start URLs' own, and allowed networks."""

    def __init__(self, networks: Iterable[str] = ()) -> None:
        self.networks: list[Network] = [ipaddress.ip_network(n.strip(), strict=False) for n in networks if n.strip()]
        self.start_addresses: set[IPAddress] = set()

    @classmethod
    def from_settings(cls, settings: Any) -> AddressPolicy:
        try:
            return cls(settings.getlist("MIRRORCLEAN_ALLOWED_NETWORKS"))
        except ValueError as exc:
            raise ValueError(f"MIRRORCLEAN_ALLOWED_NETWORKS: {exc}") from None

    def refusal(self, ip: IPAddress) -> str | None:
        """Why this crawl must not connect to `ip`, or None when it may."""
        kind = address_kind(ip)
        if kind is None or ip in self.start_addresses or any(ip in net for net in self.networks):
            return None
        return kind


_POLICIES: weakref.WeakSet[AddressPolicy] = weakref.WeakSet()


class ForbiddenAddress(DNSLookupError):
    """A name resolved to an address the crawl must not reach (GuardedResolver)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "forbidden address"


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, but an answer no running crawl may reach fails as ForbiddenAddress.

    Every connection of the crawl (pages, robots.txt, redirects) takes its address from here, so a check
    made earlier on another DNS answer cannot be bypassed. With no crawl registered (the resolver used
    alone), the process settings' MIRRORCLEAN_ALLOWED_NETWORKS decide.
    """

    def __init__(self, reactor: Any, cache_size: int, timeout: float, settings: Any = None) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.default_policy = AddressPolicy.from_settings(settings) if settings is not None else AddressPolicy()

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        resolver = super().from_crawler(crawler, reactor)
        resolver.default_policy = AddressPolicy.from_settings(crawler.settings)
        return resolver

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:  # noqa: N802 - Twisted's interface
        return super().getHostByName(name, timeout).addCallback(self._check, name)

    def _check(self, address: str, name: str) -> str:
        ip = parse_ip(address)
        policies = list(_POLICIES) or [self.default_policy]
        if ip is not None:
            reasons = [p.refusal(ip) for p in policies]
            if all(reasons):
                raise ForbiddenAddress(f"{name} resolves to {address}: {reasons[0]} address")
        return address


class Refused(IgnoreRequest):
    """A request refused by this module (its reason is in the stats and the `fetch_refused` signal)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def refuse(crawler: Crawler, request: Request, reason: str, detail: str) -> Refused:
    """Count and signal a refusal; return the exception to raise."""
    if crawler.stats is not None:
        crawler.stats.inc_value(f"mirrorclean/refused/{reason}")
    crawler.signals.send_catch_log(fetch_refused, request=request, reason=reason, detail=detail)
    return Refused(reason, detail)


async def resolve_all(host: str) -> list[IPAddress]:
    """Every address `host` resolves to (IPv4 and IPv6), by the system resolver in a thread."""
    infos = await maybe_deferred_to_future(threads.deferToThread(socket.getaddrinfo, host, None, 0, socket.SOCK_STREAM))
    return [ip for info in infos if (ip := parse_ip(str(info[4][0]).split("%", 1)[0])) is not None]


class AddressGuard:
    """Downloader middleware: refuse any request whose scheme is not http(s) or whose host is not public.

    Start URLs' own addresses are allowed (resolved when the spider opens, from `spider.start_urls`, and
    for any start request that is not a redirect), as are MIRRORCLEAN_ALLOWED_NETWORKS. Runs before
    robots.txt is fetched, so nothing at all is sent to a refused host.
    """

    def __init__(self, crawler: Crawler, policy: AddressPolicy) -> None:
        self.crawler = crawler
        self.policy = policy
        self.start_hosts: set[str] = set()  # resolved once: a later answer (DNS rebinding) allows nothing
        _POLICIES.add(policy)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuard:
        guard = cls(crawler, AddressPolicy.from_settings(crawler.settings))
        crawler.signals.connect(guard.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(guard.spider_closed, signal=signals.spider_closed)
        return guard

    async def spider_opened(self, spider: Any) -> None:
        for url in getattr(spider, "start_urls", None) or ():
            await self._allow_start(urlsplit(url).hostname or "")

    def spider_closed(self, spider: Any) -> None:
        _POLICIES.discard(self.policy)

    async def _allow_start(self, host: str) -> None:
        if not host or host in self.start_hosts:
            return
        self.start_hosts.add(host)
        ip = parse_ip(host)
        try:
            addresses = [ip] if ip is not None else await resolve_all(host)
        except OSError:
            return  # unresolvable: its requests fail on their own
        self.policy.start_addresses.update(a for a in addresses if address_kind(a))

    async def process_request(self, request: Request, spider: Any = None) -> None:
        parsed = urlparse_cached(request)
        if parsed.scheme not in {"http", "https"}:
            raise refuse(self.crawler, request, "scheme", f"scheme {parsed.scheme or '(none)'!r} is not fetched")
        host = parsed.hostname or ""
        if request.meta.get("is_start_request") and not request.meta.get("redirect_urls"):
            await self._allow_start(host)  # a start request the spider made up (not in start_urls)
        ip = parse_ip(host)
        if ip is None:
            from twisted.internet import reactor

            try:
                # The crawl's own resolver (GuardedResolver): the answer checked is the one connections get.
                ip = parse_ip(await maybe_deferred_to_future(reactor.resolve(host)))  # type: ignore[attr-defined]
            except ForbiddenAddress as exc:
                raise refuse(self.crawler, request, "private_address", str(exc)) from None
            except Exception:  # noqa: BLE001 - a DNS failure: the download fails and is retried as usual
                return None
        if ip is not None and (kind := self.policy.refusal(ip)):
            what = host.strip("[]") if ip == parse_ip(host) else f"{host} resolves to {ip}"
            raise refuse(self.crawler, request, "private_address", f"{what}: {kind} address")
        return None


class RedirectScope:
    """Downloader middleware: a redirect may leave the crawl's scope only when a start URL made it.

    Scope is the spider's (`spider.in_scope(url)`, the mirror spider's start hosts); spiders without one
    are not restricted. A start URL that redirects to www. or https is followed and extends the scope
    (docs/crawling.md); any other page that redirects elsewhere is refused as `offsite_redirect`.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectScope:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        if not request.meta.get("redirect_urls") or request.meta.get("is_start_request"):
            return None
        in_scope = getattr(self.crawler.spider, "in_scope", None)
        if callable(in_scope) and not in_scope(request.url):
            origin = request.meta["redirect_urls"][0]
            raise refuse(self.crawler, request, "offsite_redirect", f"{origin} redirects out of the crawl to {request.url}")
        return None
