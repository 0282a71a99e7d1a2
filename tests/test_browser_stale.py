"""A page read after its standing changed says so (policypress-stale.js): the site built on a day
the notice was in force, read on a day after it expired, warns at the top of the page; read while
it is still in force, it does not."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

DOC = "linyi-hrss-2016-12"
IN_FORCE_READ, EXPIRED_READ = dt.datetime(2018, 7, 1, 10), dt.datetime(2026, 12, 1, 10)


@pytest.mark.parametrize(("lang", "prefix"), [("zh", ""), ("en", "en/")])
def test_a_page_read_after_its_notice_expired_says_it_may_be_out_of_date(
    browser: Browser, base_url_in_force: str, lang: str, prefix: str
) -> None:
    for read_on, expected in ((IN_FORCE_READ, False), (EXPIRED_READ, True)):
        page = browser.new_page()
        page.clock.set_fixed_time(read_on)
        for path in (f"documents/{DOC}/m02-public-welfare-jobs/", ""):  # a document's page, and the home page
            page.goto(base_url_in_force + prefix + path)
            notes = page.locator(".pp-stale")
            assert notes.count() == (1 if expected else 0), (read_on, path)
            if expected:
                said = notes.inner_text()
                assert ("2020年5月16日" if lang == "zh" else "16 May 2020") in said
                assert ("2018年6月10日" if lang == "zh" else "10 June 2018") in said  # the day it was built
                heading = page.locator(".md-content__inner > h1")
                assert heading.evaluate("h => h.nextElementSibling.classList.contains('pp-stale')")
        page.close()
