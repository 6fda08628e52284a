"""Scrapy settings for the mirrorclean crawler: polite defaults for real sites (see docs/crawling.md)."""

BOT_NAME = "mirrorclean"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
ADDONS = {"crawler.addons.RedisFrontier": 100}  # active only when REDIS_URL is set

# Politeness: obey robots.txt, adapt the delay to the server, few parallel requests per site.
ROBOTSTXT_OBEY = True
USER_AGENT = "mirrorclean/0.1 (+https://pypi.org/project/mirrorclean/)"
CONCURRENT_REQUESTS = 16
# Items per response processed in parallel: a page yields at most one item, and each parallel slot costs
# an asyncio task per response in Scrapy 2.13+ (100 by default), a large share of the reactor's time.
CONCURRENT_ITEMS = 4
# Responses waiting for a cleaning worker count against this; the default (5 MB) stalls downloads.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 50_000_000
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # also the cap while decompressing (a gzip bomb stops here)

# Safety (crawler/safety.py, docs/security.md): no request to a private, loopback, link-local or metadata
# address (decided on the resolved IP, for links, redirects and robots.txt), except the start URLs' own and
# MIRRORCLEAN_ALLOWED_NETWORKS (e.g. ["10.0.0.0/8"] or -s MIRRORCLEAN_ALLOWED_NETWORKS=10.0.0.0/8 for an
# intranet); a redirect leaves the start URLs' hosts only when a start URL made it.
DOWNLOADER_MIDDLEWARES = {"crawler.safety.AddressGuard": 40, "crawler.safety.RedirectScope": 45}
TWISTED_DNS_RESOLVER = "crawler.safety.GuardedResolver"
MIRRORCLEAN_ALLOWED_NETWORKS: list[str] = []

# Bounds: link depth, page cap, and the spider's own trap detection (crawler.frontier).
DEPTH_LIMIT = 100
CLOSESPIDER_PAGECOUNT = 5000
CLOSESPIDER_TIMEOUT = 0

ITEM_PIPELINES = {
    "crawler.pipelines.CleanPipeline": 300,
    "crawler.pipelines.ArticlePipeline": 310,
    "crawler.pipelines.DuplicatePipeline": 320,
}
MIRRORCLEAN_WORKERS = -1  # processes for cleaning; -1 = all cores, 0 = in the reactor thread
MIRRORCLEAN_TIMEOUT = 60.0
MIRRORCLEAN_SIMPLIFIED = False
MIRRORCLEAN_UNSPIN = False

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {"csv": "crawler.exporters.JsonFieldsCsvItemExporter"}  # nested fields as JSON, not reprs
# Records and rejects as JSON Lines, as `mirrorclean clean` writes them; active when MIRRORCLEAN_OUTPUT is set
# (the CLI sets it; `scrapy crawl mirror -s MIRRORCLEAN_OUTPUT=out.jsonl -s MIRRORCLEAN_REJECTS=rej.jsonl`).
# After `scrapy crawl mirror -O out.jsonl` stores a local JSON Lines feed, the site pass rewrites it
# (crawler.extensions.FeedSitePass; MIRRORCLEAN_SITE_PASS = False turns it off).
EXTENSIONS = {"crawler.extensions.JsonlOutput": 0, "crawler.extensions.FeedSitePass": 0}
MIRRORCLEAN_SITE_PASS = True
MIRRORCLEAN_OUTPUT = None
MIRRORCLEAN_REJECTS = None
MIRRORCLEAN_APPEND = False
MIRRORCLEAN_COPY = None  # a second records file (the CLI uses it for --report when records go to stdout)
# HTTP cache (off by default): `-s HTTPCACHE_ENABLED=1` keeps responses under .scrapy/httpcache.
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformatter.QuietDrops"
