"""Scrapy settings for the mirrorclean crawler (polite defaults for real sites)."""

BOT_NAME = "mirrorclean"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

ROBOTSTXT_OBEY = True
USER_AGENT = "mirrorclean (+https://pypi.org/project/mirrorclean/)"
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DEPTH_LIMIT = 8
CLOSESPIDER_PAGECOUNT = 5000

ITEM_PIPELINES = {
    "crawler.pipelines.CleanPipeline": 300,
}
MIRRORCLEAN_SIMPLIFIED = False

FEED_EXPORT_ENCODING = "utf-8"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
