"""Examples for the keyphrase-placement rules (KW104-KW106) and the unused-suppression rule
(QA101); merged into ``examples.EXAMPLES``."""

from __future__ import annotations

from examples import NEUTRAL_NEWS, Examples

SHOES_GOOD = """\
---
keyphrase: running shoes
---
# How to Choose Running Shoes

Choosing running shoes starts with knowing your stride, a physiotherapist told us.

We tested twelve pairs on roads and trails over three months.
"""
SHOES_OFF_TOPIC_HEADLINE = """\
---
keyphrase: running shoes
---
# Our Spring Buying Guide

Good running shoes protect your knees and make every run more comfortable, a physiotherapist told us.

We tested twelve pairs on roads and trails over three months.
"""
SHOES_FRONT_MATTER_TITLE = """\
---
title: How to choose running shoes
keyphrase: running shoes
---
Choosing running shoes starts with knowing your stride, a physiotherapist told us.

We tested twelve pairs on roads and trails over three months.
"""
SHOES_FRONT_MATTER_BAD_TITLE = """\
---
title: Our spring buying guide
keyphrase: running shoes
---
Choosing running shoes starts with knowing your stride, a physiotherapist told us.

We tested twelve pairs on roads and trails over three months.
"""
SHOES_LATE_INTRO = """\
---
keyphrase: running shoes
---
# How to Choose Running Shoes

Last spring I ran my first marathon, and my knees paid for it.

Good running shoes would have helped, a physiotherapist told me afterwards.
"""
SHOES_INTRO_WITHOUT_PHRASE = """\
---
keyphrase: running shoes
---
# How to Choose Running Shoes

Good shoes protect your knees and make every run more comfortable, a physiotherapist told us.

We tested twelve pairs of running shoes on roads and trails over three months.
"""
SHOES_ALL_SUBHEADINGS = """\
# Running Shoes Guide

Good running shoes make every run more comfortable.

## Best Running Shoes for Beginners

Cushioning matters most when you start.

## Best Running Shoes for Trails

Grip matters most off road.

## Best Running Shoes Under $100

Cheap pairs can be good too.
"""
SHOES_SOME_SUBHEADINGS = """\
# Running Shoes Guide

Good running shoes make every run more comfortable.

## Best Running Shoes for Beginners

Cushioning matters most when you start.

## What to Wear on Trails

Grip matters most off road.

## How Much to Spend

Cheap pairs can be good too.
"""
UNUSED_IGNORE = """\
Council Approves Budget
<!-- quality: ignore BP101 -->
The council approved next year's budget on Tuesday after a two-hour debate, officials said.
"""
UNUSED_IGNORE_FILE = """\
<!-- quality: ignore-file RP101 -->
Council Approves Budget
The council approved next year's budget on Tuesday after a two-hour debate, officials said.
"""
USED_IGNORE = """\
Council Approves Budget
The council approved next year's budget on Tuesday after a two-hour debate, officials said.
<!-- quality: ignore BP101 -->
For more council news, visit townbuzz.net every day.
"""
USED_IGNORE_FILE = """\
<!-- quality: ignore-file BP -->
Council Approves Budget
The council approved next year's budget on Tuesday after a two-hour debate, officials said.
For more council news, visit townbuzz.net every day.
"""

LINT_EXAMPLES = {
    "KW104": Examples(
        flags=(SHOES_OFF_TOPIC_HEADLINE, SHOES_FRONT_MATTER_BAD_TITLE),
        passes=(SHOES_GOOD, NEUTRAL_NEWS, SHOES_FRONT_MATTER_TITLE),
        format="markdown",
    ),
    "KW105": Examples(
        flags=(SHOES_LATE_INTRO, SHOES_INTRO_WITHOUT_PHRASE),
        passes=(SHOES_GOOD, NEUTRAL_NEWS, SHOES_FRONT_MATTER_TITLE, SHOES_OFF_TOPIC_HEADLINE),
        format="markdown",
    ),
    "KW106": Examples(
        flags=(SHOES_ALL_SUBHEADINGS, SHOES_ALL_SUBHEADINGS.replace("Under $100", "for Racing")),
        passes=(SHOES_SOME_SUBHEADINGS, SHOES_GOOD, NEUTRAL_NEWS),
        format="markdown",
        keyphrase="running shoes",
    ),
    "QA101": Examples(
        flags=(UNUSED_IGNORE, UNUSED_IGNORE_FILE),
        passes=(USED_IGNORE, USED_IGNORE_FILE, NEUTRAL_NEWS),
    ),
}
