"""Ages, months and the day whose rules apply, as RULES.md reads them."""

from __future__ import annotations

import datetime as dt

from .text import Text, text

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day_words(day: dt.date) -> Text:
    """A day as a resident reads it: 2020年5月15日 / 15 May 2020."""
    return text(f"{day.year}年{day.month}月{day.day}日", f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}")


def month_words(day: dt.date) -> Text:
    """The month of `day` as a resident reads it: 2020年5月 / May 2020."""
    return text(f"{day.year}年{day.month}月", f"{MONTHS_EN[day.month - 1]} {day.year}")


def parse_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def birthday(birth: dt.date, age: int) -> dt.date:
    """The day a person born on `birth` turns `age` (29 February → 28 February in common years);
    past the calendar's last year (a mistyped birth date), its last day."""
    year = birth.year + age
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    try:
        return birth.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years of age on `day`."""
    years = day.year - birth.year
    return years - 1 if (day.month, day.day) < (birth.month, birth.day) else years


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months elapsed from `start` to `end` (0 when `end` is earlier):
    2016-09-01 → 2017-09-01 is 12, → 2017-08-31 is 11. A month whose corresponding day does not
    exist ends on its last day (民法典 第二百零二条): 2016-01-31 → 2016-02-29 is 1."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day and end.day != _days_in_month(end):
        months -= 1
    return months


def _days_in_month(day: dt.date) -> int:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_label(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
