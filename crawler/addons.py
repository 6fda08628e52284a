"""Scrapy add-ons of the mirrorclean crawler."""

from __future__ import annotations

from scrapy.settings import BaseSettings


class RedisFrontier:
    """Switch the crawl to a shared Redis frontier (scrapy-redis) when REDIS_URL is set.

    One setting, `-s REDIS_URL=redis://host:6379/0`, makes every worker that runs the same spider share
    one request queue and one dupefilter in Redis, so N workers on N machines split a site without
    fetching a URL twice. MIRRORCLEAN_RUN (default: the spider name) names the Redis keys, so separate
    crawls can share a server. Needs the `redis` extra (scrapy-redis).
    """

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("REDIS_URL"):
            return
        run = settings.get("MIRRORCLEAN_RUN") or "%(spider)s"
        settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", "addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", "addon")
        settings.set("SCHEDULER_PERSIST", True, "addon")
        settings.set("SCHEDULER_QUEUE_KEY", f"{run}:requests", "addon")
        settings.set("SCHEDULER_DUPEFILTER_KEY", f"{run}:dupefilter", "addon")
        settings.set("SCHEDULER_IDLE_BEFORE_CLOSE", 0, "addon")  # never block the reactor on an empty queue
        from crawler.extensions import SharedIdle

        # whatever the priority EXTENSIONS was set with (the project's settings enable JsonlOutput)
        settings.set_in_component_priority_dict("EXTENSIONS", SharedIdle, 500)
        settings.set("MIRRORCLEAN_RUN", run, "addon")
