"""Time points of an abstract, each with its anchor and role, counted from the start of treatment.

``text_patterns.time_mentions`` finds the plain forms ('at 24 h', 'week 12', '3-month follow-up'). This
module adds the forms trials use for a time point that is not a number before a unit, and says what each
time is, so that relief and follow-up read the right ones (guideline; additions rule c):

- ordinal points: 'at postoperative 1st, 2nd and 4th hours', 'the 4th week visit', '(14th day)',
  'second week and fourth week';
- visits: 'second follow-up visit' is the day a schedule in the same abstract gives it ('first follow-up
  (7th day), and second follow-up (14th day)');
- anchors: a time 'after completion of the treatment' or a 'post-treatment follow-up' is counted from the
  end of the treatment course: ``days`` adds the course, counted from the start of treatment as relief is
  ('for 14 consecutive days ... 1 month after completion of the treatment' -> 44), ``stated_days`` keeps the
  time as stated, the follow-up after treatment (30; additions rule c, revised in round 14); 'after surgery',
  'from baseline', 'after randomisation' start at the treatment itself;
- courses: a bare span ('for 12 weeks', 'over 24 months') is the treatment's course only where its clause gives
  the treatment, not where it follows, assesses or names an outcome ('were followed up for 18 months', 'to improve
  clinical symptoms ... over 24 months'); a time after the first dose counts from the start, not the course's end;
- roles: a measured duration ('median 320 min versus 220 min', 'the t1/2 was 65.6 h', 'medians 87 and 30
  weeks') or a calendar span ('the first 6 months of 2014') is not a time point.

``time_points(text)`` gives every time point of one clause or sentence (days from the start of
treatment where the text itself shows the course); ``course_days(sentences)`` the treatment course an
abstract states, which the caller passes back to count post-treatment anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.text_patterns import (HOUR_UNITS, MONTH_UNITS, ORDINALS, WEEK_UNITS, TimeMention,
                                                              time_mentions, unit_days)

_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth|"
            r"\d{1,3}(?:st|nd|rd|th))")
_ORD_UNIT = r"(?P<unit>hours?|days?|weeks?|months?)"
# 'postoperative 1st, 2nd, and 4th hours', '4th week visit', '(14th day)', 'Second week and fourth week'.
ORDINAL_LIST = re.compile(
    rf"(?<![\w-])(?P<ords>{_ORDINAL}(?:\s?(?:,|and|or|,\s?and)\s?{_ORDINAL})*)(?:\s|(?<=\dst|\dnd|\drd|\dth))(?:postoperative\s|post-?operative\s|"
    rf"treatment\s|follow[- ]?up\s|study\s)?{_ORD_UNIT}\b", re.I)
_ONE_ORDINAL = re.compile(_ORDINAL, re.I)
# (a digit's suffix may be glued to its unit, a common typo: 'at the end of 1st, 3rd and 5thday')
# Every ORDINAL_LIST match holds an ordinal suffix or word: a cheap pre-check before it.
_ORD_HINT = re.compile(r"\d(?:st|nd|rd|th)\b|\b(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|"
                       r"[Ee]ighth|[Nn]inth|[Tt]enth|[Tt]welfth)\b")
# The hint tries its alternatives at every position (some 10 microseconds a sentence, asked of every sentence); each
# of its matches holds a digit with an ordinal suffix or the tail of an ordinal word, so text with neither is not
# scanned.
_DIGIT_SUFFIX = re.compile(r"\d(?:st|nd|rd|th)")
_ORD_TAILS = ("irst", "econd", "hird", "ourth", "ifth", "ixth", "enth", "ighth", "inth", "elfth")


def ordinal_hint(text: str) -> bool:
    """Whether ``_ORD_HINT`` matches ``text``: the same answer, with a substring check first."""
    if _DIGIT_SUFFIX.search(text) is None:
        for tail in _ORD_TAILS:
            if tail in text:
                break
        else:
            return False
    return _ORD_HINT.search(text) is not None
# 'first follow-up (7th day)', 'second follow-up visit', 'the third visit (week 12)'.
VISIT = re.compile(rf"\b(?P<ord>{_ORDINAL})\s(?:follow[- ]?up(?:\s(?:visit|assessment|examination))?|visit)\b"
                   r"(?:\s?\((?P<when>[^()]{2,30})\))?", re.I)
# A time counted from the end of treatment: '1 month after completion of the treatment', 'post-treatment
# follow-up of 3 months', '12 weeks after the last injection', 'follow-up period after treatment', 'then followed
# up for another 28 days'.
# A time counted from the first dose, injection or session is counted from the start of treatment ('7 days after
# receiving the first dose of the study drug', '24 h after the first injection'): not from the course's end.
AFTER_TREATMENT = re.compile(
    r"\b(?:after|following|post|beyond)[- ](?:the\s)?(?:completion|end|cessation|discontinuation|stopping|termination|"
    r"conclusion)\sof\s(?:the\s)?(?:[\w-]+\s){0,2}?(?:treatment|therapy|intervention|programme|program|course|study drug|"
    r"medication)|\bpost-?(?:treatment|intervention)\b|\bafter (?:the\s)?(?:last|final) (?:\w+\s)?(?:dose|injection|session|"
    r"treatment|infusion)|\bafter (?:completing|finishing|stopping|discontinuing|taking|receiving) (?:the\s|an?\s|their\s|all\s)?"
    r"(?!(?:[\w-]+\s){0,2}?(?:first|initial|1st|single|one)\b)(?:[\w-]+\s){0,4}?(?:treatment|therapy|intervention|programme|program|course|regimen|medicines?|medications?|drugs?|"
    r"tablets|capsules|supplements?)\b|\bafter (?:the\s)?(?:treatment|therapy|intervention|programme|program) "
    r"(?:ended|had ended|was (?:stopped|completed|discontinued))|"
    r"\btreatment[- ]free follow[- ]?up\b|\bfollow[- ]?up (?:period )?(?:after|following) (?:the\s)?(?:treatment|therapy|intervention)|"
    r"\bfollowed(?: up)? for (?:another|a further|an additional)\b",
    re.I)
# A treatment course over days or weeks: 'for 14 consecutive days', 'an 8-week treatment', 'for 10 weeks',
# 'a 4-week intervention period', 'over a period of 4 weeks', '64 days of continuous BP-C1 treatment', 'The
# intervention period was six weeks', 'a 12-week yoga exercise program', 'the maximum duration of the therapy was
# eight weeks', a hyphenated length without an article ('were provided 10-day modified sequential therapy'; not
# a time point, 'at 3-month after treatment').
_COURSE_UNIT = rf"(?:days?|{WEEK_UNITS}|{MONTH_UNITS})"
_COURSE_KIND = r"(?:treatment|therapy|intervention|programme|program|course|regimen|supplementation|training)"
COURSE = re.compile(
    rf"\b(?:for|during|over)\s(?:a\s(?:period\sof\s)?)?(?P<a>\d+(?:\.\d+)?|[a-z]+)\s(?:consecutive\s)?(?P<ua>{_COURSE_UNIT})\b"
    rf"|\b(?:an?|the)\s(?P<b>\d+(?:\.\d+)?|[a-z]+)[- ](?P<ub>day|week|wk|month|mo)s?[- ](?:(?!follow)[\w-]+\s){{0,3}}?{_COURSE_KIND}\b"
    rf"|(?<![\d.-])(?P<f>\d+)-(?P<uf>day|week|month)\s(?:(?!follow|after\b|before\b|post|since\b|from\b)[\w-]+\s){{0,3}}?"
    rf"{_COURSE_KIND}\b"
    rf"|\b(?P<c>\d+(?:\.\d+)?|[a-z]+)\s(?:consecutive\s)?(?P<uc>{_COURSE_UNIT})\sof\s(?:[\w-]+\s){{0,3}}?{_COURSE_KIND}\b"
    rf"|\b(?:treatment|intervention|training|therapy)\s(?:period|phase|duration)\s(?:was|of|lasted)\s(?P<d>\d+(?:\.\d+)?|[a-z]+)\s"
    rf"(?P<ud>{_COURSE_UNIT})\b"
    rf"|\b(?:duration|length)\sof\s(?:the\s)?(?:treatment|intervention|therapy|training)\s(?:was|of)\s(?P<e>\d+(?:\.\d+)?|[a-z]+)\s"
    rf"(?P<ue>{_COURSE_UNIT})\b", re.I)
_MO = re.compile(r"\d[- ]?mos?\b")  # '6-mo', 'for 6 mo': the one course unit the gate's words miss
# A span named as the baseline or run-in period right after its length: '(baseline)', 'of baseline', 'run-in'.
_BASELINE_AFTER = re.compile(r"\s?(?:\(|of\s|as\s)?(?:the\s)?(?:baseline|run-?in|screening)\b", re.I)
_COURSE_GROUPS = (("a", "ua"), ("b", "ub"), ("c", "uc"), ("d", "ud"), ("e", "ue"), ("f", "uf"))
# Measured durations: 'median 320 min', '(mean 4.2 h)', a signed change '(−70.3 min',
# 'medians 87 and 30 weeks', 't1/2 ... was 65.6 h',
# '320 min versus 220 min', a time with '±'; a time followed by its value in brackets ('12 min (10-14)'), but not
# by an ordinal label ('1 week (1st follow-up)').
_MEASURED_BEFORE = re.compile(
    r"(?:\b(?:medians?|means?|average|averaged|t1/2|half-life|lasted|lasting)\W{0,3}(?:(?:of|was|were|is|time|duration|"
    rf"value|SD|IQR)\W{{1,3}}){{0,2}}|\b(?:was|were)\s|±\s?|(?:^|[\s(\[])[\u2212+-]\s?|[\d.]\s?(?:min|{HOUR_UNITS}|days?|{WEEK_UNITS})\s(?:versus|vs\.?)\s)$", re.I)
_MEASURED_AFTER = re.compile(r"^\s?(?:\(\s?(?:\d(?!\d*(?:st|nd|rd|th)\b)|SD|range|IQR|95)|\s?(?:versus|vs\.?|±|and\s[\d.]+\s?(?:min|h)\b\sin))", re.I)
# A mean before its SD and unit: '263.33 ± 63 min'; '258.82 + 14.50 min', where the text writes '±' as '+' (a
# decimal mean, and an SD below it, tell it from a sum of two times).
_MEAN_SD = re.compile(r"(?P<mean>\d+(?:\.\d+)?)\s?\u00b1\s?$|(?P<plus>\d+\.\d+)\s\+\s$")
# ... after an event: 'after surgery', 'postoperatively', 'post-injection', 'following'.
_AFTER_EVENT = re.compile(r"\s(?:after|post(?:-?\w+ly|-\w+)?|postoperative\w*|following|from)\b", re.I)
# 'the first 6 months of 2014', 'in 3 months of 2015': a calendar span.
_CALENDAR_AFTER = re.compile(r"^\s(?:of|in)\s(?:19|20)\d\d\b")
# An age: 'patients 50 years of age or younger', '12 years old', 'aged 50 years', 'mean age 38.7 years'.
_AGE_AFTER = re.compile(r"^[- ]?(?:of age|old|of life)\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\W+(?:\w+\W+){0,2}$", re.I)
# The size of a change in a measured duration, not a time point: 'decreased lesion healing time and the duration of
# pain ... by approximately 2 days', 'has decreased LOS by 1.9 days', 'shortened hospital stay by 1 day'.
_CHANGE_BY = re.compile(r"\b(?:duration|time|length|stay|LOS)\b[^.;]{0,80}?\b(?:shorten|reduc|decreas|prolong|lengthen|"
                        r"increas|extend)\w*\b[^.;]{0,80}?\bby\s(?:approximately\s|about\s|around\s|nearly\s|almost\s|"
                        r"roughly\s|an?\s(?:average|mean|median)\sof\s|~\s?)?$|"
                        r"\b(?:shorten|reduc|decreas|prolong|lengthen|increas|extend)\w*\b[^.;]{0,80}?\b(?:duration|time|length|"
                        r"stay|LOS)\b[^.;]{0,80}?\bby\s(?:approximately\s|about\s|around\s|nearly\s|almost\s|roughly\s|"
                        r"an?\s(?:average|mean|median)\sof\s|~\s?)?$", re.I)


# The event a time is counted from, stated right after it ('12 weeks after randomisation', '24 h post-injection'): the
# time counts from that event, not from an end-of-treatment phrase near it, unless the event is that phrase.
_OWN_EVENT = re.compile(r"\s?(?:\([^()]*\)\s?)?(?P<event>(?:after|following|post|from|since)[\s-])", re.I)


@dataclass(frozen=True, slots=True)
class TimePoint:
    """A time point in days, where it is in the text, and what it counts from."""

    days: float
    start: int
    end: int
    text: str
    measured: bool = False  # a measured duration or a calendar span: not a time point
    from_end: float | None = None  # a time counted from the end of treatment: the time as stated, after that end

    @property
    def anchor(self) -> str:
        """What the time counts from: 'treatment_end' for a time stated after the end of treatment (``days`` adds the
        course), else 'start' (the start of treatment, surgery, baseline)."""
        return "start" if self.from_end is None else "treatment_end"

    @property
    def stated_days(self) -> float:
        """The time as the text states it: after the end of treatment for a 'treatment_end' anchor ('1 month after
        completion of the treatment' -> 30, where ``days`` adds the course), else ``days``."""
        return self.days if self.from_end is None else self.from_end


def _ordinal(word: str) -> int | None:
    w = word.lower()
    return int(w[:-2]) if w[0].isdigit() else ORDINALS.get(w)


def ordinal_points(text: str) -> list[TimeMention]:
    """'postoperative 1st, 2nd, and 4th hours' -> (1/24, 2/24, 4/24); '4th week visit' -> (28,)."""
    out: list[TimeMention] = []
    for m in ORDINAL_LIST.finditer(text):
        per = unit_days(m.group("unit"))
        values = [_ordinal(o.group(0)) for o in _ONE_ORDINAL.finditer(m.group("ords"))]
        if per is None or not values or any(v is None for v in values):
            continue
        out.append(TimeMention(tuple(v * per for v in values if v is not None), m.start(), m.end(), m.group(0), "point"))
    return out


def visit_schedule(text: str) -> dict[int, float]:
    """Ordinal visit -> days, from a schedule the abstract states ('first follow-up (7th day)')."""
    schedule: dict[int, float] = {}
    if "visit" not in text and "follow" not in text.lower():
        return schedule
    for m in VISIT.finditer(text):
        when = m.group("when")
        n = _ordinal(m.group("ord"))
        if when and n:
            days = [t.max_days for t in (*time_mentions(when), *ordinal_points(when))]
            if days:
                schedule[n] = max(days)
    return schedule


def course_days(texts: list[str], name: str | None = None) -> float | None:
    """The treatment course the abstract states, in days ('for 14 consecutive days' -> 14): the longest one,
    or, where ``name`` (the intervention as named) stands in the clause of some courses, the longest of those
    ('group I ... sofosbuvir plus ledipasvir for 12 weeks and group II ... ribavirin for 24 weeks' -> 84)."""
    every: list[float] = []
    own: list[float] = []
    named = name.lower() if name and len(name) > 2 else None
    for text in texts:
        if "day" not in text and "week" not in text and "month" not in text and "wk" not in text and (
                "mo" not in text or not _MO.search(text)):
            continue  # every COURSE match names one of these units (lower-case in running text)
        for m in COURSE.finditer(text):
            if _BASELINE_AFTER.match(text, m.end()):
                continue  # 'daily symptom ratings ... for 28 days (baseline)': before treatment, not its course
            if m.group("a") and not given_over(text, m.start(), m.end()):
                continue  # 'followed up for 12 months', 'persisting pain for 3 months': a span, not the course
            number, unit = next((m.group(n), m.group(u)) for n, u in _COURSE_GROUPS if m.group(n))
            found = time_mentions(f"{number} {unit}")
            if not found:
                continue
            every.append(found[0].max_days)
            clause = _CLAUSE_BREAK.split(text[max(0, m.start() - 80):m.end()])[-1]
            if named is not None and named in clause.lower():
                own.append(found[0].max_days)
    return max(own or every) if every else None


# A bare span ('for 12 weeks', 'over 24 months') is the treatment's course only where its clause gives the treatment:
# a giving verb, a dose or schedule, or the treatment named ('were given orally once daily for 12 weeks', 'the
# supplement and placebo over a period of 4 weeks'), with no following, assessing or outcome word after it ('were
# randomized and followed-up for 12 months', 'Sleep was assessed continuously for 14 days', 'persisting knee and/or hip
# pain for 3 months', 'to improve clinical symptoms ... over 24 months').
_GIVING = re.compile(r"\b(?:receiv\w*|given|gave|administ\w*|treated|took|taken|tak(?:e|es|ing)|appl(?:y|ied|ying)|instill\w*|"
                     r"inject\w*|infus\w*|fed|consum\w*|wore|worn|wear\w*|deliver\w*|provided|perform\w*|exercis\w*|train\w*|"
                     r"randomi[sz]ed|assigned|allocated|supplement\w*|daily|weekly|once|twice|thrice|times\s(?:a|per)|t\.?i\.?d|"
                     r"b\.?i\.?d|q\.?i\.?d|qd|mg|µg|μg|ml|doses?|sessions?|per\s(?:day|week)|used|use|using|therapy|treatments?|"
                     r"interventions?|program(?:me)?s?|regimens?|courses?)\b", re.I)
_OBSERVING = re.compile(r"\b(?:follow\w*|assess\w*|evaluat\w*|measur\w*|monitor\w*|observ\w*|record\w*|screen\w*|interview\w*|"
                        r"kept|solicit\w*|collect\w*|persist\w*|sustain\w*|maintain\w*|improv\w*|reduc\w*|retard\w*|incidence|pain|"
                        r"symptoms?|scores?|expansion|loss)\b", re.I)
# The span's own 'of' phrase naming the giving: 'over four weeks of product use'.
_GIVING_OF = re.compile(r"\sof\s(?:[\w-]+\s){0,3}?(?:use|treatment|therapy|intake|administration|dosing|"
                        r"supplementation|training)\b", re.I)
_CLAUSE_START = re.compile(r"[.;:]\s|^")


def given_over(text: str, start: int, end: int) -> bool:
    """The bare span at ``text[start:end]`` may be a time the treatment was given over: its clause names no following,
    assessing or outcome word after its last giving word (a clause with neither keeps the span: 'was done with
    selected asanas for three months')."""
    if _GIVING_OF.match(text, end):
        return True  # 'over four weeks of product use'
    lead = text[max(0, start - 150):start]
    lead = lead[[m.end() for m in _CLAUSE_START.finditer(lead)][-1]:]
    observing = [m.end() for m in _OBSERVING.finditer(lead)]
    if not observing:
        return True
    giving = [m.end() for m in _GIVING.finditer(lead)]
    return bool(giving) and giving[-1] > observing[-1]


# Where one arm's description ends and the next begins: 'X for 12 weeks and group II ... for 24 weeks'.
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:and|whereas|while|versus|vs\.?|or)\s(?:the\s)?(?:group|arm)\b|\b(?:group|arm)\s(?:I{1,3}|IV|\d|[A-Z])\b")


_POINT_BEFORE = re.compile(r"\b(?:at|after|until|up to|by|through|to|over|for|during|within|following)\s(?:the\s)?$", re.I)
_LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def is_measured(text: str, start: int, end: int) -> bool:
    """True when the time at ``text[start:end]`` is a measured duration, a calendar span or an age, not a time point."""
    before, after = text[max(0, start - 30):start], text[end:end + 20]
    if _CALENDAR_AFTER.match(after) or _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return True  # a calendar span or an age, not a time after treatment
    if "by " in before and _CHANGE_BY.search(text[max(0, start - 200):start]):
        return True  # a change in a duration, by so much
    if _POINT_BEFORE.search(before):
        return False  # 'at 24 h', 'up to 3 weeks', 'for 8 weeks': a time point or a course
    return bool(_MEASURED_BEFORE.search(before) or _MEASURED_AFTER.match(after))


# One unit without a number, as a time after treatment: 'divided into two treatment outcome groups a year later'.
_ONE_UNIT = re.compile(r"(?<!once )(?<!twice )(?<!times )(?<!thrice )\b(?:a|an)\s(?P<unit>year|month|week|day)(?=\s(?:later|after)\b)",
                       re.I)
# A list's last number, in words after digits, that counts people: 'On day 1, five patients reported ...' is day 1.
_PEOPLE_AFTER = re.compile(r"\s(?:patients|participants|subjects|children|women|men|people|volunteers|infants|cases)\b",
                           re.I)


def _without_count(t: TimeMention, text: str) -> TimeMention:
    """``t`` without a last list element that counts people."""
    cut = t.text.rfind(",")
    if len(t.days) < 2 or cut < 0 or not t.text[cut + 1:].strip().isalpha() or not _PEOPLE_AFTER.match(text, t.end):
        return t  # only a number word after digits ('day 1, five patients') is read as a count
    return TimeMention(t.days[:-1], t.start, t.start + cut, t.text[:cut], t.kind)


# A time the sentence compares with a measured one: 'lasted 8.6 days with consumers of tea for 16 days', '... versus
# 12 days in controls'.
_COMPARED_LINK = re.compile(r"^\s?(?:,\s)?(?:with|versus|vs\.?|compared (?:with|to)|than|while|whereas|and)\b[^.;\d]{0,40}$", re.I)


def _compared_with_measured(text: str, t: TimeMention, before: list[TimePoint]) -> bool:
    """``t`` is the other group's value of a measured duration right before it, in the same unit."""
    if not before or not before[-1].measured or before[-1].end > t.start:
        return False
    last = before[-1]
    unit = re.sub(r"[\d.\s,-]", "", last.text).rstrip("s").lower()
    return unit == re.sub(r"[\d.\s,-]", "", t.text).rstrip("s").lower() and bool(
        _COMPARED_LINK.match(text[last.end:t.start]))


def time_points(text: str, course: float | None = None, schedule: dict[int, float] | None = None) -> list[TimePoint]:
    """Every time point of one clause or sentence, counted from the start of treatment.

    ``course``: the treatment course of the abstract (``course_days``), added to times anchored at the end of
    treatment. ``schedule``: the abstract's ``visit_schedule``, which gives 'the second follow-up visit' its day.
    """
    return list(_time_points(text, course, tuple(sorted(schedule.items())) if schedule else ()))


@per_article
def _time_points(text: str, course: float | None, schedule_items: tuple[tuple[int, float], ...]) -> tuple[TimePoint, ...]:
    """``time_points``, kept per sentence: follow-up, relief and the single-assessment reading ask the same."""
    schedule = dict(schedule_items)
    mentions = [_without_count(t, text) for t in time_mentions(text)]
    taken = [(t.start, t.end) for t in mentions]
    if ordinal_hint(text):
        mentions += [t for t in ordinal_points(text)
                     if not any(s <= t.start < e or t.start <= s < t.end for s, e in taken)]
    if schedule and ("visit" in text or "follow" in text):
        for m in VISIT.finditer(text):
            n = _ordinal(m.group("ord"))
            if n in schedule and not any(s <= m.start() < e for s, e in taken):
                mentions.append(TimeMention((schedule[n],), m.start(), m.end(), m.group(0), "point"))
    if "later" in text or "after" in text:
        for m in _ONE_UNIT.finditer(text):  # 'a year later': one unit, no number
            if not any(s <= m.start() < e for s, e in taken):
                mentions.append(TimeMention((unit_days(m.group("unit")) or 0.0,), m.start(), m.end(), m.group(0), "point"))
    if not mentions:
        return ()  # most sentences: no time at all
    mentions.sort(key=lambda t: t.start)
    ends = list(AFTER_TREATMENT.finditer(text)) if course and mentions else []
    after_end = [p for m in ends for p in (m.start(), m.end())]
    end_starts = {m.start() for m in ends}
    out: list[TimePoint] = []
    for t in mentions:
        mean = _MEAN_SD.search(text[max(0, t.start - 20):t.start]) if len(t.days) == 1 else None
        sd = _LEADING_NUMBER.match(t.text)
        if mean is not None and mean.group("plus") and sd is not None and not float(sd.group(0)) < float(mean.group("plus")):
            mean = None  # '2.5 + 3 h': not a mean and its SD
        if mean is not None and sd is not None and float(sd.group(0)) > 0:
            # '263.33 ± 63 min': the time is the mean, in the SD's unit; a measured value unless it times an event
            at = t.start - len(mean.group(0))
            when = bool(_AFTER_EVENT.match(text, t.end))  # '24 ± 2 months after surgery': a mean time point
            out.append(TimePoint(t.days[0] / float(sd.group(0)) * float(mean.group("mean") or mean.group("plus")), at, t.end,
                                 text[at:t.end], not when))
            continue
        measured = is_measured(text, t.start, t.end) or _compared_with_measured(text, t, out)
        own = _OWN_EVENT.match(text, t.end) if after_end else None
        anchored = bool(course) and any(abs(p - t.end) <= 25 or abs(p - t.start) <= 25 for p in after_end) and (
            own is None or own.start("event") in end_starts)
        for days in t.days:
            out.append(TimePoint(days + (course or 0.0) if anchored else days, t.start, t.end, t.text, measured,
                                 days if anchored else None))
    return tuple(out)
