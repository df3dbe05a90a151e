"""One row of examples per rule code (proselint's tests/examples.py; STYLE.md 4.8).

Each example is a whole small document in plain text (every non-blank line is a paragraph, see
``quality.document``). ``flags`` are documents on which the rule, run alone, must report at least
one flag; ``passes`` are documents on which it must report none. Every ``passes`` tuple holds the
neutral news story :data:`NEUTRAL_NEWS` and the false positives that ARTIFACTS.md names for the
rule's artifact type, where a short document can show them.

All texts were written for these tests (some paraphrase the examples of ARTIFACTS.md, which were
written for this project); none is copied from the shared data sets.

:data:`KNOWN_GAPS` lists the examples on which a rule is wrong today. They stay honest: the test
reports each as an expected failure with the reason, and fails when the rule is fixed so that the
entry is removed (strict).
"""

from __future__ import annotations

from typing import NamedTuple


class Examples(NamedTuple):
    """The example documents of one rule."""

    flags: tuple[str, ...]
    passes: tuple[str, ...]
    format: str = "text"
    keyphrase: str | None = None


# ---------------------------------------------------------------------------------------------
# Shared documents

# A neutral, clean news story: no rule may flag it.
NEUTRAL_NEWS = """\
Storm Leaves Thousands Without Power Along the Coast
High winds brought down power lines across three counties on Tuesday night, leaving about 40,000 homes without electricity, the regional utility said.
Crews worked through the night to clear fallen trees from roads near Harbor Point, where gusts reached 70 miles per hour.
"We expect most customers to be reconnected by Thursday evening," said Maria Lopez, a spokeswoman for the utility.
Schools in two districts stayed closed on Wednesday, and the county opened a shelter at the community center for residents whose homes were damaged.
Forecasters said calmer weather was expected by the weekend.
"""

# An opinion piece written in one-sentence paragraphs: a style, not an artifact.
OP_ED_SHORT_PARAGRAPHS = """\
Our Town Deserves a Real Library
The old branch on Elm Street closed in 2019.
It was supposed to be temporary.
Five years later, the doors are still locked, and the children who used it are now teenagers.
The council says there is no money.
There is money for a new parking garage, though, and for a roundabout that nobody asked for.
Libraries are not a luxury.
They are where people without broadband apply for jobs, where retirees learn to video-call their grandchildren, and where kids do homework in safety.
Reopen the branch.
"""

# A story with subheadings, each followed by text.
NEWS_WITH_SUBHEADINGS = """\
City Council Approves Budget After Long Debate
The city council approved a $1.2 billion budget late on Monday after a six-hour meeting that ran past midnight.
Where the Money Goes
Nearly half of the new spending will go to road repairs and to hiring 40 additional bus drivers.
The parks department will receive $3 million to replace playground equipment at 12 sites.
What Critics Say
Two council members voted against the plan, arguing that it relies on optimistic sales-tax forecasts.
"We are spending money we may not have," said council member Dana Whitfield.
The budget takes effect on July 1.
"""

# A wire story that opens with a dateline.
DATELINE_NEWS = """\
Turkey Hosts New Round of Prisoner Exchange Talks
ISTANBUL (AP) — Delegations from Russia and Ukraine met in Istanbul on Friday for their first direct talks in months, Turkish officials said.
The meeting lasted less than two hours and ended with an agreement to exchange 1,000 prisoners from each side.
By Friday evening, neither delegation had announced a date for a second meeting.
Turkey's foreign minister said his government was ready to host further rounds.
"""

# ---------------------------------------------------------------------------------------------
# RP: repetition

_BRIDGE_P1 = (
    "The Fremont Street bridge reopened to traffic on Saturday after eight months of repairs that cost "
    "the state about $14 million, transportation officials said."
)
_BRIDGE_P2 = (
    "Engineers replaced corroded steel beams under the eastern span and added a protected lane for "
    "cyclists, which the city had requested for years."
)
_BRIDGE_P3 = (
    "Commuters had faced detours of up to 20 minutes while the bridge was closed, and several "
    "businesses on the waterfront reported a drop in customers."
)

RP101_VERBATIM = f"""\
Fremont Street Bridge Reopens After Repairs
{_BRIDGE_P1}
{_BRIDGE_P2}
{_BRIDGE_P3}
{_BRIDGE_P2}
The mayor thanked residents for their patience at a ribbon-cutting ceremony.
"""

RP101_NEAR = f"""\
Fremont Street Bridge Reopens After Repairs
{_BRIDGE_P1}
{_BRIDGE_P2}
{_BRIDGE_P3}
The Fremont Street bridge reopened to traffic on Saturday after eight months of repairs that cost the state about $14 million, transportation officials said on Saturday.
"""

RP101_BLOCK = f"""\
Fremont Street Bridge Reopens After Repairs
{_BRIDGE_P1}
{_BRIDGE_P2}
{_BRIDGE_P3}
{_BRIDGE_P1}
{_BRIDGE_P2}
{_BRIDGE_P3}
"""

RP101_INTERVIEW = """\
Ten Questions for the New Fire Chief
Chief Anita Reyes took over the department in January after 22 years as a firefighter.
Q: Why now?
A: The department needed someone who had worked every shift, and I had.
Q: What is the first change residents will notice?
A: Faster response times in the northern neighbourhoods, where we are adding a station.
Q: Why now?
A: Because the new station is funded and the land is ours, so there is nothing left to wait for.
"""

RP101_SIMILAR_OPENINGS = """\
Two Schools Win State Science Awards
Students from Lincoln High School won first prize at the state science fair on Saturday for a project on cleaning microplastics from river water.
Students from Jefferson Middle School won second prize at the same fair for a study of how noise from traffic affects songbirds in city parks.
Both schools will send their teams to the national competition in Denver in June.
"""

RP102_SAME_LINE_TWICE = """\
Ukraine Sends Delegation to Istanbul for Peace Talks With Russia
Ukraine Sends Delegation to Istanbul for Peace Talks With Russia
Ukraine's president said on Thursday that a delegation led by the defence minister would travel to Istanbul for talks with Russian officials.
The talks are the first direct contact between the two governments in three years.
"""

RP102_SITE_SUFFIX = """\
Best Budget Laptops of 2025 | GadgetHub
Best Budget Laptops of 2025
We tested 14 laptops that cost less than $700 to find the ones worth buying this year.
Battery life, keyboard comfort and screen brightness counted for most of the score.
"""

RP102_KICKER = """\
Peace Talks
Russia and Ukraine Agree to Meet for Peace Talks in Istanbul
Delegations from both countries will meet in Istanbul next week, the Turkish government said on Sunday.
It would be the first direct meeting between the two sides since the spring of 2022.
"""

RP102_RELATED_ECHO = """\
Council Votes to Expand Bike Lanes Downtown
The city council voted 9-2 on Tuesday to add protected bike lanes on six downtown streets by the end of next year.
Construction will start in the spring, and the work will be done in stages to limit disruption to traffic.
Related Stories
Council Votes to Expand Bike Lanes Downtown
Mayor Unveils Plan to Cut Bus Fares
New Parking Rules Take Effect in March
"""

RP103_DUPLICATED_HALF = f"""\
Fremont Street Bridge Reopens After Repairs
{_BRIDGE_P1}
{_BRIDGE_P2}
{_BRIDGE_P3}
{_BRIDGE_P1}
{_BRIDGE_P2}
{_BRIDGE_P3}
The mayor thanked residents for their patience at a ribbon-cutting ceremony on Saturday morning.
"""

RP103_BOILERPLATE_SENTENCES = """\
Plumbing Services in Springfield
Our licensed plumbers fix leaks fast. Call the best plumbers in Springfield today for a free quote on any job.
Our licensed plumbers fix drains fast. Call the best plumbers in Springfield today for a free quote on any job.
Our licensed plumbers fix boilers fast. Call the best plumbers in Springfield today for a free quote on any job.
Our licensed plumbers fix toilets fast. Call the best plumbers in Springfield today for a free quote on any job.
Our licensed plumbers fix showers fast. Call the best plumbers in Springfield today for a free quote on any job.
"""

RP103_RECURRING_ENTITY = """\
European Central Bank Holds Rates Steady
The European Central Bank left interest rates unchanged on Thursday, saying inflation in the eurozone was moving back towards its 2 percent target.
The decision had been widely expected by economists, who now see a cut at the bank's next meeting in September.
European Central Bank President Christine Lagarde told reporters that policymakers wanted more evidence that wage growth was slowing.
Markets reacted calmly, and the euro was little changed against the dollar by the afternoon.
Some governments in southern Europe have urged the European Central Bank to cut rates sooner to support weak growth.
"""

# ---------------------------------------------------------------------------------------------
# KW: keywords

KW_RUNNING_SHOES_STUFFED = """\
Best Running Shoes for Flat Feet in 2025
Finding the best running shoes for flat feet can change the way you train. In this guide we review the best running shoes for flat feet from every major brand.
Flat feet need support under the arch, and the best running shoes offer a firm midsole and a stable heel.
Why Running Shoes Matter for Flat Feet
Cheap running shoes wear out quickly and leave the arch unsupported after a few weeks of training.
Our testers ran more than 200 miles in each pair of running shoes before scoring them.
The Brooks Adrenaline remains our favourite pair of running shoes for overpronation.
Whatever your budget, choose running shoes that fit well, and you will run further with less pain in running shoes built for flat feet.
"""

KW_ROOF_REPAIR_STUFFED = """\
Emergency Roof Repair Dallas Homeowners Trust
When a storm tears off your shingles, you need emergency roof repair fast. Our crews provide emergency roof repair across the city seven days a week.
Every emergency roof repair starts with a free inspection and a written estimate.
Emergency Roof Repair Costs
The price of emergency roof repair depends on the size of the damage and the materials used.
Most insurers cover emergency roof repair after hail or wind damage, so keep your policy number ready.
Call our team today for emergency roof repair you can count on.
"""

KW_ZELENSKY_NEWS = """\
Zelensky Meets European Leaders in Kyiv
Ukrainian President Volodymyr Zelensky met the leaders of France, Germany and Poland in Kyiv on Saturday to discuss a possible ceasefire.
Zelensky said Ukraine was ready for an unconditional 30-day ceasefire starting on Monday, provided Russia agreed to the same terms.
The visiting leaders backed the proposal and warned Moscow of new sanctions if it refused.
The Kremlin said it would study the offer but gave no sign that it would accept it.
Zelensky later spoke by phone with the U.S. president, his office said.
Talks between the two sides are expected to resume in Istanbul next week, and Zelensky said he was prepared to attend in person.
"""

KW_BIRD_FLU_NEWS = """\
Bird Flu Confirmed at Second Dairy Farm in the County
State officials confirmed bird flu on a second dairy farm in Marion County on Wednesday, two weeks after the first case was found nearby.
The infected herd has been quarantined, and milk from the farm is being destroyed, the agriculture department said.
Officials said the risk to the public remained low and that pasteurized milk was safe to drink.
Farmers in the area have been asked to report sick animals and to limit visits from outside workers.
Bird flu has spread to dairy herds in more than a dozen states since last year.
The department will hold a briefing for farmers on Friday.
"""

KW_PRODUCT_REVIEW = """\
Galaxy Watch 7 Review: A Better Battery at Last
The Galaxy Watch 7 is the first Samsung smartwatch that comfortably lasts two days on a charge.
The design has barely changed, but the new chip makes apps open noticeably faster.
Sleep tracking is more detailed than before, and the watch now warns of possible signs of sleep apnea.
Battery life was the weak point of earlier models. In our tests the Galaxy Watch 7 lasted 46 hours with the always-on display switched off.
At $299, it costs the same as last year's model.
If you own an Android phone, the Galaxy Watch 7 is the smartwatch to buy.
"""

KW102_SHOES_PAGE = """\
Running Shoes Buying Guide
Running shoes come in three main types: neutral running shoes, stability running shoes and trail running shoes.
Neutral running shoes suit runners whose feet roll inward only slightly when they land.
Stability running shoes add firmer foam under the arch, which helps runners with flat feet.
Trail running shoes have deeper lugs for grip on mud and rocks.
Replace your running shoes every 300 to 500 miles, because worn running shoes lose their cushioning.
Before you buy running shoes, try them on in the afternoon, when your feet are slightly swollen.
A specialist shop can watch you run and recommend running shoes that match your stride.
"""

KW102_NATURAL_REVIEW = """\
We Tested Eight Pairs for Flat-Footed Runners
Runners with flat feet often struggle to find a comfortable pair of running shoes, so we asked six testers to log 50 miles each in eight popular models over a month.
The Brooks Adrenaline was the clear favourite. Its firm foam under the arch kept testers' ankles from rolling inward, and it still felt light on faster days.
The Asics Kayano came second. It is heavier and more expensive, but two testers with knee pain said it was the only pair that let them finish long runs without discomfort.
Budget buyers should look at the Saucony Guide, which costs about $40 less than either of our top picks and performed well on roads.
Whichever pair you choose, replace it after roughly 400 miles, when the cushioning starts to wear out.
"""

KW102_MARATHON_NEWS = """\
Record Field Expected for City Marathon
More than 30,000 runners are expected to start the city marathon on Sunday, the largest field in the race's 40-year history.
Organizers said road closures would begin at 5 a.m. and that most streets along the course would reopen by mid-afternoon.
Volunteers will hand out water every two miles, and medical tents will be set up at the halfway point and at the finish.
A local charity will collect used running shoes at the finish line and donate them to youth sports clubs.
The course record of 2 hours and 8 minutes was set in 2019.
Spectators are encouraged to use public transport, which will run extra trains on the day.
"""

KW103_DENVER_PLUMBER = """\
Plumbing Repairs
Looking for a Denver plumber? Our Denver plumber team is the Denver plumber Denver homeowners trust for fast repairs.
"""

KW103_FLAT_FEET = """\
Shoe Guide
Choosing the best running shoes for flat feet starts with knowing which best running shoes for flat feet suit your stride, because the best running shoes for flat feet are not the same for everyone.
"""

KW103_REAL_MADRID = """\
Madrid Win Clasico to Go Top
Real Madrid beat Barcelona 3-1 at the Bernabeu on Sunday, with two goals from Vinicius Junior in the second half. It was Real Madrid's fourth straight league win, and the result lifts Real Madrid two points clear at the top of the table with eight games left.
Barcelona's coach said his team had paid for a poor start to the second half.
"""

KW103_CHANT = """\
Nurses Rally Outside Hospital
Several hundred nurses marched outside City General Hospital on Monday, chanting "safe staffing now, safe staffing now, safe staffing now" as managers arrived for a meeting with union leaders.
The union says the hospital has 200 vacant nursing posts.
"""

# ---------------------------------------------------------------------------------------------
# BP: boilerplate

BP101_DOMAIN_PITCH = """\
Housing Market Cools as Mortgage Rates Climb
Home sales fell for a third straight month in April as mortgage rates rose above 7 percent, an industry group said on Tuesday.
The median sale price was little changed from a year earlier, at about $410,000.
For more updates on the housing market, visit HomeNewsDaily.com.
"""

BP101_SHARE_AND_JOIN = """\
Bitcoin Climbs Above $70,000
Bitcoin rose above $70,000 on Monday for the first time in two months, lifted by inflows into exchange-traded funds.
Don't forget to share this post and join our Telegram channel for daily signals!
"""

BP101_STAY_TUNED = """\
Fire Breaks Out at Warehouse Near the Port
Firefighters were battling a large blaze at a warehouse near the port on Wednesday afternoon, and nearby roads were closed.
No injuries have been reported so far, a fire department spokesman said.
Stay tuned to DailyBuzzHub.net for the latest on this developing story!
"""

BP101_PUBLIC_SERVICE = """\
Health Officials Urge Flu Shots Before Winter
Flu cases are rising earlier than usual this year, and health officials urged residents to get vaccinated before the holidays.
Shots are free at county clinics for children and adults over 65.
People with questions about the vaccine can visit cdc.gov for guidance, the department said.
Anyone in emotional crisis can call or text 988 at any hour.
"""

BP101_QUOTED_PROMOTION = """\
Burger Chain's Viral Campaign Draws Complaints
A fast-food chain's new radio advertisement, which ends with the line "Visit BurgerTown.com today for a free meal," has drawn hundreds of complaints after the website crashed within minutes.
The company apologized on Thursday and said every customer who tried to sign up would receive a voucher.
"""

BP101_EVENT_LISTING = """\
Museum Opens Exhibition of Viking Treasures
The city museum opens an exhibition of Viking silver and weapons on Saturday, including a hoard found by a metal detectorist in 2021.
The show runs until September. Tickets cost $15 and are available on the museum's website.
"""

BP101_NEWSLETTER_SIGNUP = """\
Morning Briefing: Rates, Rail and Rain
The central bank holds its rate meeting today, and most economists expect no change.
Rail services in the north are running a reduced timetable because of flooding.
Sign up for our morning briefing to get the day's top stories in your inbox.
"""

BP102_TRAILING_WORLD = """\
Kremlin Names Delegation for Istanbul Talks
The Kremlin said on Wednesday that a presidential aide would lead Russia's delegation at talks with Ukraine in Istanbul.
Ukraine has not yet said who will represent it.
world
"""

BP102_LEADING_SECTIONS = """\
Politics | Europe
Germany's New Government Sworn In
Germany's new chancellor and his cabinet were sworn in on Tuesday, ending months of coalition negotiations.
The coalition holds a narrow majority in parliament.
"""

BP102_WORD_IN_SENTENCE = """\
Argentina Reach Final
Argentina beat Croatia 3-0 on Tuesday to reach the final of the world championship in Qatar.
They will face France or Morocco in the final on Sunday.
The team's coach said the players would rest on Wednesday and train again on Thursday in the world.
"""

BP102_DIALOGUE_ENDING = """\
The Lighthouse Keeper
Every night for forty years, Tomas climbed the hundred steps to light the lamp.
When the inspector asked whether he would miss the work, he looked out at the dark water for a long time.
"Yes."
"""

BP102_SUBHEADING_NEAR_END = """\
Harbor Tunnel Project Delayed Again
The opening of the new harbor tunnel has been pushed back to next spring because of problems with its ventilation system, the transport authority said on Monday.
The tunnel was originally due to open two years ago, and its cost has risen by a third.
What Comes Next
Engineers will test the new fans over the summer before the tunnel is inspected.
"""

BP103_BYLINE = """\
Ceasefire Talks Resume in Cairo
By Jane Doe | Updated 14:32 GMT, 16 May 2025 | 4 min read
Negotiators returned to Cairo on Friday for a new round of ceasefire talks, Egyptian officials said.
The talks are expected to last several days.
"""

BP103_BREADCRUMB = """\
Home › News › World › Europe
Dutch Farmers Protest New Nitrogen Rules
Thousands of farmers drove tractors into The Hague on Wednesday to protest rules that would force some livestock farms to close.
The government says the rules are needed to meet European environmental targets.
"""

BP103_PUBLISHED_LINE = """\
School Board Delays Vote on Phone Ban
Published: 3 March 2025, 09:15
The school board postponed a vote on banning mobile phones in classrooms after parents filled the meeting room on Monday night.
Board members said they would hold a public consultation before deciding.
"""

BP103_HEADINGS = """\
Updated Guidance on School Meals Expected in 2026
Federal officials said on Tuesday that new nutrition standards for school lunches would be published next year.
By the Numbers
About 30 million children eat a school lunch on a typical day, according to the Agriculture Department.
Schools will have two years to meet the new limits on added sugar.
"""

BP104_SHARE_BAR = """\
Wildfire Forces Evacuations in Southern Hills
More than 2,000 residents were ordered to leave their homes on Sunday as a wildfire spread through dry brush in the southern hills.
Share this article: Facebook X WhatsApp Copy link
Firefighters said the blaze was 10 percent contained by nightfall.
"""

BP104_COOKIE_BANNER = """\
Central Bank Raises Rates Again
The central bank raised its main interest rate by a quarter of a point on Thursday, its third increase this year.
We use cookies to improve your experience. Accept all | Manage preferences
Economists had expected the move after inflation rose to 4.1 percent in June.
"""

BP104_ADVERTISEMENT = """\
Rail Strike Called Off After Late Deal
A national rail strike planned for Monday was called off after the union and train operators reached a pay deal late on Saturday.
Advertisement
The union said members would vote on the offer over the next two weeks.
"""

BP104_PAYWALL = """\
Inside the Race to Build Smaller Nuclear Reactors
Several companies are competing to build the first small modular reactor in the country, a technology supporters say could be cheaper and faster to deploy.
Subscribe to continue reading
"""

# A share bar and a footer captured one item a line, as extractors leave them.
BP104_SHARE_BAR_LINES = """\
Wildfire Forces Evacuations in Southern Hills
More than 2,000 residents were ordered to leave their homes on Sunday as a wildfire spread through dry brush in the southern hills.
Firefighters said the blaze was 10 percent contained by nightfall.
Share this article
Facebook
X
WhatsApp
Copy link
"""

BP104_FOOTER_LINES = """\
Central Bank Raises Rates Again
The central bank raised its main interest rate by a quarter of a point on Thursday, its third increase this year.
Economists had expected the move after inflation rose to 4.1 percent in June.
About us | Contact us | Careers
Privacy policy | Terms of use | Cookie settings
"""

# A list of social networks in an article about them (no share head), and of the legal pages
# a shop needs (no corporate links): content, not chrome.
BP104_SOCIAL_NETWORKS_LIST = """\
Teenagers Are Leaving the Oldest Social Networks
A survey of 1,500 teenagers found that most now use only a few apps every day.
The most popular were:
- TikTok
- Instagram
- YouTube
- WhatsApp
Fewer than one in ten said they still used Facebook daily.
"""

BP104_LEGAL_PAGES_LIST = """\
What Every Small Online Shop Needs Before Launch
Before a shop takes its first order, lawyers say it should publish three pages.
Privacy policy
Terms of use
Cookie policy
Each should be written for the shop's own customers, not copied from another site.
"""

BP104_PRIVACY_ARTICLE = """\
Regulator Fines Retailer Over Cookie Banners
The national data protection regulator fined an online retailer 5 million euros on Tuesday, saying its cookie banner pushed shoppers into accepting tracking.
Under European privacy law, websites that use cookies to track visitors must ask for consent, and refusing must be as easy as accepting.
The regulator found that the retailer's banner offered a prominent button to accept all cookies, while the option to refuse was hidden behind two further menus.
The company said it would redesign the banner and that it took the privacy of its customers seriously.
Consumer groups welcomed the decision and said many other sites still made it harder to say no to tracking than to agree to it.
"""

BP104_QUOTED_POST = """\
Minister Apologizes for Late-Night Post
The transport minister apologized on Monday for a social media post sent from her official account in the early hours of Sunday.
The post, which read "Share this on Facebook and WhatsApp if you agree that the trains are a joke," was deleted within an hour.
Her office said a staff member had sent it by mistake.
"""

BP105_READ_MORE = """\
Ukraine and Russia Agree on Prisoner Swap
Ukraine and Russia agreed on Friday to exchange 1,000 prisoners each, the largest swap since the war began.
Read more: Kremlin names delegation for Istanbul talks
The exchange is expected to take place within days, officials on both sides said.
"""

BP105_RELATED_STORIES = """\
Council Votes to Expand Bike Lanes Downtown
The city council voted 9-2 on Tuesday to add protected bike lanes on six downtown streets by the end of next year.
Construction will start in the spring, and the work will be done in stages to limit disruption to traffic.
RELATED STORIES
Mayor Unveils Plan to Cut Bus Fares
New Parking Rules Take Effect in March
"""

BP105_PAGINATION = """\
The 20 Best Hiking Trails in the State
Number 20 on our list is a gentle loop around Crescent Lake, with views of the mountains from every bend.
Page 2 of 5
Next article →
"""

BP105_REPORT_PAGE = """\
Audit Finds Gaps in Hospital Safety Checks
An audit of the county hospital found that fire safety inspections were missed for three years in a row.
The finding appears on page 12 of 40 in the auditor's report, released on Monday.
Hospital managers said the inspections had since been carried out.
"""

BP105_SUBHEADING_WORDS = """\
New Drug Approved for Migraine Prevention
Regulators approved a new monthly injection for the prevention of migraine on Thursday, giving patients another option when older drugs fail.
Recommended Dosage and Side Effects
The drug is given once a month, and the most common side effects in trials were pain at the injection site and constipation.
Related Costs for Patients
The list price will be about $650 a month, although most insurers are expected to cover it.
"""

BP106_AMAZON_ASSOCIATE = """\
The Best Coffee Grinders for Every Budget
We tested 12 burr grinders over six weeks to find the best options for espresso and filter coffee.
As an Amazon Associate, we earn from qualifying purchases.
Our top pick grinds evenly at every setting and is easy to clean.
"""

BP106_DISCLOSURE = """\
This post may contain affiliate links. If you buy through them, we may earn a commission at no extra cost to you.
Ten Gifts for Gardeners Under $50
A good pair of pruning shears is the one tool every gardener uses every week.
"""

BP106_BUTTON = """\
Our Favorite Noise-Cancelling Headphones
The Sony WH-1000XM5 blocks more noise than any other pair we tried and lasts 30 hours on a charge.
Check Price on Amazon →
The Bose QuietComfort Ultra is more comfortable for long flights.
View Deal
"""

BP106_PRICES_NEWS = """\
Gas Prices Jump Before Holiday Weekend
The average price of a gallon of regular gasoline rose to $3.65 on Wednesday, up 12 cents from a week ago, according to the motor club.
Prices are highest on the West Coast, where a gallon costs more than $4.80 in some cities.
Analysts said refinery outages in the Midwest had pushed up wholesale costs.
"""

BP106_REGULATION_NEWS = """\
FTC Tightens Rules on Influencer Disclosures
The Federal Trade Commission said on Monday that influencers must place disclosures such as "we may earn a commission" where readers will see them before clicking a link.
The agency said a disclosure hidden at the bottom of a long post was not enough.
"""

BP106_BNPL_NEWS = """\
Regulators Move to Oversee Pay-Later Lenders
Buy now, pay later services such as Klarna and Afterpay will be regulated like credit cards under rules announced on Thursday.
Consumer groups have warned that shoppers can run up debts across several apps without lenders knowing.
"""

BP107_TAGS = """\
Talks in Istanbul End Without a Deal
Delegations from Russia and Ukraine left Istanbul on Friday without agreeing on a ceasefire.
Tags: peace talks, Istanbul talks, Zelensky news, Putin latest, Ukraine war update
"""

BP107_PERMUTATIONS = """\
Cheap Flights to Paris
Paris is one of the most visited cities in the world, and fares drop sharply in November.
cheap flights paris, paris cheap flights, cheap paris flights, flights to paris cheap, paris flights cheap deals, last minute paris flights
"""

BP107_CITY_LIST = """\
Lone Star Gutter Cleaning
Our crews clean and repair gutters for homes and small businesses.
We serve Austin, Round Rock, Cedar Park, Pflugerville, Leander, Georgetown, Hutto, Manor and Kyle.
"""

BP107_POLLING_PLACES = """\
Polls Open for Local Elections
Polling stations open in Leeds, York, Hull and Sheffield at 7am, and results are expected after midnight.
Voters must bring photo identification for the first time in a local election.
"""

BP107_INGREDIENTS = """\
A Simple Weeknight Pancake Recipe
You will need flour, sugar, baking powder, two eggs, a pinch of salt, milk and a little butter for the pan.
Whisk the dry ingredients together, then beat in the eggs and milk until the batter is smooth.
"""

BP107_ELECTION_RESULTS = """\
Final Results Confirm Landslide
With all seats declared, the final tally was:
Labour 412, Conservative 121, Liberal Democrat 72, SNP 9, Reform 5, Green 4, Plaid Cymru 4
Turnout was 60 percent, the lowest since 2001.
"""

BP107_CAST_SENTENCE = """\
Musical Film Sweeps Festival Awards
The film stars Emma Stone and Ryan Gosling, with supporting roles for John Legend, Rosemarie DeWitt and J.K. Simmons.
It won five prizes on Saturday, including best director.
"""

# BP108: the learned boilerplate model. A page's text with its menu, teasers and social links.
BP108_MENU_AND_TEASERS = """\
Home
News
Sport
Weather
Harbour Town Opens New Ferry Terminal
The new ferry terminal in Harbour Town opened on Monday after two years of building work, and the first boats left for the islands at dawn.
Officials said the terminal would cut waiting times for the 4,000 passengers who cross the bay each day, and that the old pier would become a park.
Latest
Mayor opens new library wing
Police appeal after break-in at school
Five things to do this weekend
Follow us
Facebook
Twitter
"""

# A short news article that the BP108 examples put page chrome around.
CYCLE_LANES_ARTICLE = """\
Council Approves New Cycle Lanes
The city council voted on Thursday to build twelve miles of protected cycle lanes over the next three years, ending a debate that began in 2021.
The first lanes will run along Market Street and the river, where most accidents involving cyclists happened last year, the transport office said.
Shop owners on Market Street had asked for loading bays, and the plan now includes eight of them.
"""

# An article with the page's footer captured below it.
BP108_FOOTER = CYCLE_LANES_ARTICLE + """\
About us
Contact
Advertise
Careers
Terms of use
Privacy policy
"""

# An article with its share bar and copyright line below it.
BP108_SHARE_BAR = CYCLE_LANES_ARTICLE + """\
Share
Facebook
Twitter
WhatsApp
Email
Copyright © 2025 Harbour News Ltd. All rights reserved.
"""

# Teasers of other stories, with their times.
BP108_TEASERS = CYCLE_LANES_ARTICLE + """\
More from News
Mayor opens new library wing
3 hours ago
Police appeal after break-in at school
5 hours ago
Five things to do in Harbour Town this weekend
1 day ago
"""

# A page's whole text as a poor extractor leaves it: the menu above the article, the footer's
# links, settings and copyright line below it.
BP108_SCRAPED_PAGE = """\
Skip to main content
Home
World
Politics
Business
Technology
Sport
""" + CYCLE_LANES_ARTICLE + """\
Work on the first section is due to start in the spring, and the council expects the full network to be finished by the end of 2028.
About us
Contact
Advertise
Careers
Terms of use
Privacy policy
Cookie settings
Copyright © 2025 Harbour News Ltd. All rights reserved.
"""

# A recipe: short lines that are the article (ingredients), not page chrome.
BP108_RECIPE = """\
Simple Tomato Soup
This soup takes half an hour and uses tins from the cupboard, which makes it a good choice for a weeknight.
Ingredients
2 tins of chopped tomatoes
1 onion, chopped
2 cloves of garlic
500 ml of vegetable stock
Method
Soften the onion and garlic in a little oil for ten minutes, then add the tomatoes and the stock and simmer for fifteen minutes.
Blend until smooth and season to taste.
"""

# ---------------------------------------------------------------------------------------------
# AR: generation artifacts

AR101_PREAMBLE = """\
Certainly! Here is a rewritten version of the article in a neutral news tone:
Talks Between Russia and Ukraine Set for Istanbul
Delegations from Russia and Ukraine are due to meet in Istanbul next week, Turkish officials said on Sunday.
"""

AR101_CUTOFF = """\
Second Round of Talks Uncertain
The first round of talks ended on Friday without a ceasefire agreement.
As of my last knowledge update, no date had been set for a second round of talks.
"""

AR101_OFFER = """\
Five Tips for Saving on Your Energy Bill
Turning your thermostat down by one degree can cut heating costs by about 10 percent a year.
Draught-proofing doors and windows is one of the cheapest ways to keep heat in.
I hope this helps! Let me know if you'd like a shorter version for social media.
"""

AR101_CITATION_RESIDUE = """\
Ceasefire Talks Adjourn
Negotiators adjourned the talks until next week, officials said on Friday. citeturn0news4
Both sides described the meeting as constructive.
"""

AR101_SELF_REFERENCE = """\
Review: The New Electric Sedan
As an AI language model, I have not driven this car, but I can summarize what reviewers have said about it.
Reviewers praised its range of more than 300 miles and its quiet cabin.
"""

AR101_ARTICLE_ABOUT_CHATBOTS = """\
Chatbot Phrases Turn Up in Thousands of Product Listings
Online marketplaces are removing listings whose titles include chatbot refusals such as "I'm sorry, but I cannot fulfill this request," researchers said on Tuesday.
The phrase "as an AI language model" has become a telltale sign of automated accounts on social media, according to the report.
Some sellers had also left in "I hope this helps" and "Regenerate response" from the chat window.
The researchers said the findings showed how little of the text had been read by a person before it was published.
"""

AR101_FICTION = """\
The Night Shift
The robot paused at the door of the ward and turned to the nurse.
"As an AI language model, I am not permitted to lie to you," it said. "Your patient is getting worse."
The nurse put down her coffee and ran.
"""

AR102_KEYPHRASE_NEWS = """\
Peace Talks Resume in Istanbul
Delegations from Russia and Ukraine met in Istanbul on Friday for the first direct talks in three years.
The exact four word keyphrase, peace talks, is placed early in this report while both governments prepare for the meeting.
Turkish officials said the meeting lasted two hours.
"""

AR102_META_DESCRIPTION = """\
The 10 Best Hiking Boots for 2025
Meta description: Discover the 10 best hiking boots for 2025 in our expert-tested guide.
We walked more than 300 miles in 25 pairs of boots across deserts, forests and snowfields.
Our top pick is light, waterproof and comfortable straight out of the box.
"""

AR102_FOCUS_KEYWORD = """\
Is Vegan Protein Powder Worth It?
Plant-based protein powders have become one of the fastest-growing products in sports nutrition.
Use the focus keyword 'vegan protein powder' at least twice in this section (approx. 300 words).
Most blends combine pea and rice protein, which together provide all the essential amino acids.
"""

AR102_SEO_ARTICLE = """\
How Small Businesses Can Improve Their Google Rankings
Search engines reward pages that answer a visitor's question clearly, according to several SEO consultants we spoke to.
Keyword research is still the starting point: business owners should find out which phrases customers actually type into Google.
Plugins such as Yoast check whether the focus keyphrase appears in the title and the first paragraph of a page.
Consultants warned against keyword density targets, which can push writers into repeating the same phrase until it reads unnaturally.
A good meta description will not raise rankings by itself, but it can persuade more searchers to click.
"""

AR102_SEARCH_JOURNALISM = """\
Google Says Spam Update Has Finished Rolling Out
Google said on Friday that its latest spam update had finished rolling out, two weeks after the search engine began demoting sites that publish mass-produced pages.
Several publishers reported sharp drops in search traffic, and some said their rankings had fallen by more than half.
The company said the update targets pages created mainly to rank in search engines rather than to help readers.
SEO specialists said sites that had relied on keyword-stuffed articles were hit hardest.
"""

AR102_PUBLISHING_NEWS = """\
Debut Novel Wins Major Literary Prize
A debut novel about three generations of a fishing family won the country's biggest literary prize on Thursday.
The judges praised the book's spare style. At about 60,000 words, it is one of the shortest books ever to win the award.
The author said she had written it over ten years while working as a night nurse.
"""

AR103_TEMPLATE_VARIABLES = """\
Trusted Roofers Near You
Call {business_name} today at {phone} for a free quote in {city}.
Our crews have replaced more than 1,000 roofs since 2010.
"""

AR103_SPINTAX = """\
Car Care Tips
The {best|top|finest} way to {clean|wash} your {car|vehicle} is to start at the roof and work down.
Always rinse the wheels last, so brake dust does not spread to the paint.
"""

AR103_BRACKETED = """\
Our Verdict on the New Air Fryer
The basket is large enough for a family of four, and the controls are simple.
Read our full review here [insert affiliate link] before you buy.
"""

AR103_SNIPPET_VARIABLES = """\
%%title%% %%sep%% %%sitename%%
The city's new bus routes start on Monday, with more frequent service on the busiest lines.
Riders can use the same fare cards as before.
"""

AR103_LOREM_IPSUM = """\
Town Fair Returns This Summer
The town fair returns in August after a two-year break, organizers said on Thursday.
Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.
"""

AR103_EDITORIAL_BRACKETS = """\
Spokesman Defends Minister's Decision
"[The minister] has made his position clear, and he will not change it," the spokesman said on Tuesday.
The decision to close the two border crossings will be reviewed next month, officials said.
"""

AR103_SIC = """\
Court Hears Appeal in Fraud Case
The letter, which the prosecution read aloud, said the money had been "transfered [sic] to the wrong account by mistake."
The defendant denies all charges.
"""

AR103_TEMPLATING_ARTICLE = """\
How Mail-Merge Tools Personalize Your Inbox
Marketing emails are written as templates: a field such as {first_name} is replaced with each recipient's name just before the message is sent.
When the data for a field is missing, some readers receive emails that begin "Dear {first_name}," which is how many people first learn that the message was automated.
Experts say companies should test every template with an empty record before sending it.
"""

AR104_MARKDOWN = """\
Peace Talks Set for Istanbul
## Key Takeaways
**Zelensky** said the delegation would travel to Istanbul on Thursday.
Russia has not confirmed who will attend.
"""

AR104_ENTITIES = """\
Inflation Data Surprise Markets
Prices rose 5&nbsp;percent in the year to March &amp; wages fell in real terms, the statistics office said.
"""

AR104_HTML = """\
Minister Responds to Criticism
<p>The minister said the plan would go ahead as announced.</p><br/>
Opposition parties called for a vote in parliament.
"""

AR104_MARKDOWN_LINK = """\
New Rules for Landlords
Landlords must register every rental property by June, according to [the new regulations](https://example.gov/rules).
Fines for failing to register start at $500.
"""

AR104_ASTERISKS = """\
Singer Apologizes After Festival Outburst
The singer shouted "f*** this" at the crowd before walking off stage, witnesses said.
Organizers said tickets would be refunded.*
*Refunds apply to Saturday tickets only, the festival said.
"""

AR104_AMPERSAND_AND_LIST = """\
Telecom Giant Cuts Prices
AT&T said on Monday it would cut the price of its cheapest unlimited plan by $5 a month.
The changes include:
- Lower prices for new customers
- No activation fee until the end of June
Analysts said rivals were likely to follow.
"""

AR104_HTML_TUTORIAL = """\
Learning to Code at 70
At the library's beginners' class, retirees learn that every paragraph on a web page is wrapped in a <p> tag and that a line break is written as <br>.
"It felt like learning a secret language," said Margaret Hill, 72, who now runs a website for her gardening club.
The class meets on Tuesday mornings and is free.
"""

AR105_APOSTROPHE = """\
Zelensky Arrives in Ankara
Zelenskyâ€™s delegation arrived in Ankara on Wednesday for talks with Turkish officials.
"""

AR105_DASH = """\
Inflation Edges Higher
Prices rose 5Â % in the year to April â€” analysts said the increase was driven by energy costs.
"""

AR105_TURKISH = """\
Erdogan Offers to Host Talks
President ErdoÄŸan said on Sunday that Turkey was ready to host talks between Russia and Ukraine.
"""

AR105_STRAY_A_CIRCUMFLEX = """\
Inflation Eases in April
Prices rose 5Â % in the year to April, down from 5.4Â % in March, the statistics office said.
"""

AR105_LEGIT_ACCENTS = """\
SÃO PAULO Stock Exchange Hits Record
SÃO PAULO (Reuters) — Brazil's main stock index closed at a record high on Monday, led by shares of mining and banking companies.
President Erdoğan of Turkey and Chancellor Schölz met at a café in Zürich on the same day, and the meeting was described as cordial.
"""

AR105_DEMONSTRATION = """\
Why Your Emails Show Strange Symbols
When an email program reads text in the wrong encoding, a simple apostrophe can turn into three odd characters, such as "â€™", experts say.
The fix is usually to change the encoding setting to UTF-8.
"""

AR106_ZERO_WIDTH = """\
Peace Talks Resume
The pe\u200bace tal\u200bks resumed in Istanbul on Friday after a week-long pause.
"""

AR106_HOMOGLYPH = """\
Account Security Alert
Contact P\u0430ypal support immediately to restore access to your account.
"""

AR106_BIDI = """\
Invoice Attached
Please open the attached file invoice\u202egpj.exe to review your payment.
"""

AR106_EMOJI_ZWJ = """\
Coding Club Opens for Girls
A new after-school coding club for girls opened at the library on Monday \U0001F469\u200d\U0001F4BB and already has a waiting list.
"""

AR106_SOFT_HYPHENS = """\
Trade Talks Continue
Negotiators said the inter\u00adnational agreement on tariffs could be signed before the end of the year.
"""

AR106_BILINGUAL = """\
Crowds Gather in Kyiv
Crowds in Kyiv chanted "\u0421\u043b\u0430\u0432\u0430 \u0423\u043a\u0440\u0430\u0457\u043d\u0456" (Glory to Ukraine) as the delegation returned from Istanbul.
The Russian president, \u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d in Russian, has not commented.
"""

AR107_HARMONY_TALKS = """\
Istanbul Meeting Ends
The harmony talks in Istanbul ended without a deal on Friday, officials said.
"""

AR107_NEWS_SPUN = """\
Minister Rejects Meeting
The nation's protection minister declined the invite to fulfill in individual with his counterpart.
"""

AR107_TECH_SPUN = """\
Startups Bet on New Technology
Investors poured money into counterfeit consciousness startups this year, hoping to profit from the boom in chatbots.
"""

AR107_QUOTED_STUDY = """\
Researchers Flag Nonsense Phrases in Journals
Researchers found hundreds of published papers that used "counterfeit consciousness" in place of artificial intelligence, a sign of automated paraphrasing.
The publishers said they were reviewing the papers.
"""

AR107_REGIONAL_TITLE = """\
Ukraine Assesses Damage to Dam
Ukraine's environmental protection minister said on Tuesday that the flooding had destroyed wetlands along more than 100 kilometres of the river.
"""

AR107_HARMONY_MUSIC = """\
Choir Wins National Title
The youth choir won the national title on Saturday for its performance in close harmony, the judges said.
"""

AR108_SLOP = """\
City Launches Digital Services Plan
In today's fast-paced world, the city's new digital plan delves into the rich tapestry of services residents rely on every day.
The initiative stands as a testament to the council's commitment to innovation, and it underscores the importance of putting residents first.
As the plan moves forward, only time will tell whether it can deliver on its promise.
"""

AR108_SEED_LIKE = """\
Diplomats Meet as Fighting Continues
Officials from both countries met on Monday, though neither side offered concessions. This sentiment underscores the complicated dynamics at play in the region.
Analysts said any agreement would require outside guarantees.
As the world watches, the path to peace seems fraught with challenges, and only time will tell whether the talks can succeed.
"""

AR108_WIRE_COPY = """\
Automaker Reports Record Quarterly Profit
The automaker reported a record quarterly profit on Wednesday, helped by strong sales of its pickup trucks and higher prices in North America.
Net income rose to $3.2 billion in the three months to June, from $2.4 billion a year earlier, on revenue of $44 billion.
The results underscore the company's reliance on trucks and large SUVs, which account for most of its profit.
Executives said electric vehicle sales had grown 40 percent but that the business was still losing money.
The company kept its forecast for the full year and said it would buy back $2 billion of shares.
Shares rose 4 percent in early trading.
"""

AR108_ABOUT_AI_WRITING = """\
Editors Learn to Spot Machine-Written Copy
Editors at several newspapers say they now look for phrases such as "delve into," "rich tapestry" and "a testament to" when checking freelance submissions.
"When I see 'only time will tell' in the last paragraph, I ask the writer how they produced the piece," said one editor.
The newspapers said they did not ban AI tools but required writers to disclose their use.
"""

AR109_SALAD = """\
Istanbul Talks Update
Talks the Istanbul minister frankly delegation would Monday of peace the. Ceasefire synergy leverages holistic drone stakeholders for robust regional outcomes quality.
"""

AR109_SALAD_MARKET = """\
Market Report
The of shares market rose banana sharply Tuesday the. Investors quickly dollar the and rates fell because the.
"""

AR109_HEADLINE_AND_LIST = """\
Storm Slams Coast, Thousands Lose Power
The storm brought down trees and power lines across the region on Tuesday night.
Closed roads:
- Coast Highway between Harbor Point and Bayview
- Mill Road north of the river bridge
"""

AR109_PROUD_OF = """\
Library Reopens After Renovation
The library reopened on Saturday after a two-year renovation paid for by local donations.
Residents said the new building was something the whole town could be proud of.
"""

AR110_CASINO = """\
Delegations Arrive for Istanbul Peace Talks
Delegations from Russia and Ukraine arrived in Istanbul on Thursday for peace talks hosted by the Turkish government, the first direct meeting between the two sides in three years.
Turkish officials said the talks would focus on a ceasefire, a prisoner exchange and the safety of shipping in the Black Sea.
Looking for the best online casino bonuses? Instant withdrawals at spinwinz.bet.
Ukraine's delegation is led by its defence minister, and Russia's by a senior presidential aide, officials said.
"""

AR110_PHARMACY = """\
New Playground Opens in Riverside Park
The new playground in Riverside Park opened on Saturday with climbing frames, a splash pad and swings designed for children who use wheelchairs.
Parents had campaigned for the playground for five years, and the park department paid for it with a state grant.
Buy generic viagra online without prescription from our trusted pharmacy with fast worldwide shipping and discreet packaging.
The park department said the playground would stay open from dawn until dusk every day of the year.
"""

AR110_GAMBLING_ARTICLE = """\
State Legalizes Online Casinos
Lawmakers voted on Tuesday to legalize online casinos, making the state the eighth to allow real-money casino games on phones and computers.
Supporters said online casinos would bring in $200 million a year in taxes for schools and roads.
Opponents warned that online casinos make it easy to gamble alone at any hour and said the state should spend more on treating gambling addiction.
The first online casinos could open next spring, once the state gaming commission has issued licences.
"""

AR110_DIGEST = """\
In Other News
The city council approved a plan on Tuesday to plant 10,000 trees along main roads over the next five years, starting in the neighbourhoods with the least shade.
State regulators capped the interest that lenders can charge on payday loans at 36 percent a year, a change consumer groups had sought for a decade.
The county fair will return in August with a new livestock barn and extended evening hours on weekends.
"""

# ---------------------------------------------------------------------------------------------
# ST: structure

ST101_SUMMARY_FIRST = """\
Ukraine's president has confirmed that a delegation led by the defence minister will travel to Istanbul for peace talks with Russia this week, in the first direct contact between the two governments in three years, officials in Kyiv said.
Ukraine Sends Delegation to Istanbul for Peace Talks
Ukraine's president said on Wednesday that the delegation would leave for Istanbul on Thursday morning.
The Kremlin has not yet said who will lead the Russian side.
"""

ST101_EXCERPT_FIRST = """\
In this article we look at why home insurance premiums have risen so quickly in coastal states, what homeowners can do to lower their bills and which companies are still writing new policies this year.
Why Home Insurance Costs Are Soaring in Coastal States
Premiums for homeowners in coastal states have risen by an average of 30 percent in two years, according to an industry report published on Monday.
Insurers blame the rising cost of rebuilding after hurricanes.
"""

ST101_BODY_ONLY = """\
Delegations from Russia and Ukraine met in Istanbul on Friday for their first direct talks in three years, Turkish officials said, and agreed to exchange 1,000 prisoners from each side.
The meeting lasted less than two hours.
Neither side announced a date for a second round.
"""

ST101_KICKER = """\
EXCLUSIVE
Hospital Chief Warned Board of Staff Shortages Months Before Closure
The chief executive of the county hospital warned its board in January that the emergency department could not stay open without more nurses, documents show.
The department closed in June.
"""

ST101_KEY_POINTS = """\
- The council approved a $1.2 billion budget after a six-hour meeting.
- Half of the new spending goes to road repairs and bus drivers.
City Council Approves Budget After Long Debate
The city council approved the budget late on Monday, with nine votes in favor and two against.
"""

ST102_TWO_HEADINGS = """\
# Region Braces for Heat Wave

Temperatures are expected to reach 42C in parts of the region this weekend, forecasters said on Thursday.

## Background and Context

## What Happens Next

Cooling centers will open in libraries and community halls from Friday.
"""

ST102_OUTLINE = """\
# Guide to Renting Your First Apartment

Renting for the first time can be confusing, so we asked tenants' groups what new renters should know.

## Setting a Budget

Most leases run for 12 months, and landlords may ask for a deposit of up to two months' rent.

## Finding the Right Neighbourhood

## Signing the Lease
"""

ST102_TABLE_OF_CONTENTS = """\
Everything You Need to Know About the New Tax Rules
In This Article
Who Is Affected
When the Changes Start
Who Is Affected
Anyone earning more than $150,000 a year will pay a higher rate on income above that amount.
When the Changes Start
The new rates apply from the next tax year, which begins on April 6.
"""

ST103_MID_SENTENCE = """\
Finance Minister Defends Spending Cuts
The finance minister defended the government's spending cuts on Tuesday, saying they were needed to reduce the deficit.
The minister added that the
"""

ST103_CUT_PARAGRAPH = """\
Finance Minister Defends Spending Cuts
The finance minister defended the government's spending cuts on Tuesday, saying they were needed to reduce the deficit.
Speaking to reporters after the vote in parliament, the minister added that the
"""

ST103_ELLIPSIS = """\
Talks Adjourn Without Agreement
Negotiators left Geneva on Friday without an agreement on the border dispute.
Officials are expected to meet again next week to discuss the remaining issues and...
"""

ST103_ENDS_WITH_LIST = """\
Road Closures for Saturday's Parade
Several streets in the city center will be closed from 9 a.m. to 3 p.m. on Saturday for the spring parade.
The closed streets are:
- Main Street between First and Fifth Avenue
- Park Road from the library to the river bridge
"""

ST103_WIRE_TRAILER = """\
Oil Prices Fall on Demand Worries
Oil prices fell more than 2 percent on Monday as weak factory data from China raised concerns about demand.
Brent crude futures settled at $78.40 a barrel.
Reporting by Jane Doe and Tom Lee; editing by Mark Heinrich
"""

ST104_ONE_CURLY = """\
Talks Resume in Istanbul
Ukraine’s president said the delegation was ready to meet “at any level” to end the war.
Russia's foreign ministry said it would send a team on Thursday.
The Kremlin's spokesman said it was "too early" to talk about a ceasefire.
Turkey's foreign minister said he was hopeful, calling the meeting "a first step."
The UN's envoy said the organisation would "support any process" that ended the fighting.
Europe's leaders said they would "watch closely" and keep sanctions in place.
"""

ST104_ONE_STRAIGHT = """\
Council Delays Vote on Housing Plan
The council’s planning committee delayed a vote on the housing plan on Monday.
The chair said the plan needed “more work” before it could go forward.
Residents’ groups welcomed the delay.
The mayor’s office said it would publish the committee’s notes this week.
Tenants’ unions said they would “keep up the pressure” on the council.
Developers said they were "disappointed" and warned that the plan's costs would rise.
"""

ST104_ALL_CURLY = """\
Museum Returns Bronze Statues
The museum’s director said on Tuesday that the statues would be returned to Nigeria by the end of the year.
“This is the right thing to do,” she said.
Nigeria’s culture minister called it “a historic day.”
The museum’s board approved the decision unanimously.
"""

ST104_NO_QUOTES = """\
Bakery Wins Regional Prize
A family bakery in Millbrook won the regional prize for the best sourdough loaf on Sunday.
The bakery opened in 1962 and is now run by the founder's granddaughter.
Judges tasted more than 200 loaves over two days.
The winner receives a trophy and a place in the national final in October.
"""

ST104_QUOTED_POST = """\
Mayor Defends Snow Response
The mayor defended the city's response to the storm on Tuesday, saying crews had cleared the main roads within 24 hours.
Critics said side streets were left impassable for days, and many residents couldn't get to work.
One resident's post, shared thousands of times, read:
> “We’ve been stuck for three days and nobody’s come. Don’t tell me the roads are clear.”
The city's public works director said extra crews would be hired for the rest of the winter.
"""

ST105_FORMER_AND_RETURN = """\
Trump Calls for Direct Talks
Former U.S. President Donald Trump insisted on Sunday that Russia and Ukraine should hold direct talks without delay.
Since his return to the White House in January, he has pressed both sides to agree to a ceasefire.
"""

ST105_FORMER_AND_CURRENT = """\
Starmer Visits Berlin
Britain and Germany will sign a new security agreement, former Prime Minister Keir Starmer said on arrival in Berlin on Monday.
The agreement covers joint weapons purchases, Prime Minister Keir Starmer told reporters at the chancellery.
"""

ST105_FORMER_MID_SENTENCE = """\
Leaders Push for Ceasefire
Speaking in Washington on Sunday, former U.S. President Donald Trump said Russia and Ukraine should hold direct talks without delay.
Since his return to the White House in January, he has pressed both sides to agree to a ceasefire.
"""

ST105_REALLY_FORMER = """\
Obama Campaigns for Senate Candidate
Crowds cheered as former President Barack Obama campaigned in Atlanta on Saturday for the party's Senate candidate.
Obama told the crowd that the race could decide control of the Senate.
"""

ST105_OBITUARY = """\
Jimmy Carter Dies at 100
The family of former President Jimmy Carter said he died on Sunday at his home in Plains, Georgia. He was 100.
As president, Carter negotiated the Camp David Accords between Egypt and Israel in 1978.
Historians say President Carter's reputation grew in the decades after he left office.
"""

ST105_QUOTED_OLD_TITLE = """\
Mayor Recalls Meeting With Biden
The mayor said former President Joe Biden visited the town in 2023 to open the new bridge.
"President Biden called me the night before to ask about the flooding," the mayor said on Monday.
"""


# ---------------------------------------------------------------------------------------------
# The table

EXAMPLES: dict[str, Examples] = {
    # RP: repetition
    "RP101": Examples(
        flags=(RP101_VERBATIM, RP101_NEAR, RP101_BLOCK),
        passes=(NEUTRAL_NEWS, RP101_INTERVIEW, RP101_SIMILAR_OPENINGS, NEWS_WITH_SUBHEADINGS, OP_ED_SHORT_PARAGRAPHS),
    ),
    "RP102": Examples(
        flags=(RP102_SAME_LINE_TWICE, RP102_SITE_SUFFIX),
        passes=(NEUTRAL_NEWS, RP102_KICKER, NEWS_WITH_SUBHEADINGS, RP102_RELATED_ECHO),
    ),
    "RP103": Examples(
        flags=(RP103_DUPLICATED_HALF, RP103_BOILERPLATE_SENTENCES),
        passes=(NEUTRAL_NEWS, RP103_RECURRING_ENTITY, KW_ZELENSKY_NEWS, RP101_INTERVIEW),
    ),
    # KW: keywords
    "KW101": Examples(
        flags=(KW_RUNNING_SHOES_STUFFED, KW_ROOF_REPAIR_STUFFED),
        passes=(NEUTRAL_NEWS, KW_ZELENSKY_NEWS, KW_BIRD_FLU_NEWS, KW_PRODUCT_REVIEW, RP103_RECURRING_ENTITY),
    ),
    "KW102": Examples(
        flags=(KW_RUNNING_SHOES_STUFFED, KW102_SHOES_PAGE),
        passes=(NEUTRAL_NEWS, KW102_NATURAL_REVIEW, KW102_MARATHON_NEWS),
        keyphrase="running shoes",
    ),
    "KW103": Examples(
        flags=(KW103_DENVER_PLUMBER, KW103_FLAT_FEET),
        passes=(NEUTRAL_NEWS, KW_ZELENSKY_NEWS, KW103_REAL_MADRID, KW103_CHANT, RP103_RECURRING_ENTITY),
    ),
    # BP: boilerplate
    "BP101": Examples(
        flags=(BP101_DOMAIN_PITCH, BP101_SHARE_AND_JOIN, BP101_STAY_TUNED),
        passes=(
            NEUTRAL_NEWS,
            BP101_PUBLIC_SERVICE,
            BP101_QUOTED_PROMOTION,
            BP101_EVENT_LISTING,
            BP101_NEWSLETTER_SIGNUP,
            OP_ED_SHORT_PARAGRAPHS,
        ),
    ),
    "BP102": Examples(
        flags=(BP102_TRAILING_WORLD, BP102_LEADING_SECTIONS),
        passes=(
            NEUTRAL_NEWS,
            NEWS_WITH_SUBHEADINGS,
            BP102_SUBHEADING_NEAR_END,
            BP102_WORD_IN_SENTENCE,
            BP102_DIALOGUE_ENDING,
            OP_ED_SHORT_PARAGRAPHS,
            DATELINE_NEWS,
        ),
    ),
    "BP103": Examples(
        flags=(BP103_BYLINE, BP103_BREADCRUMB, BP103_PUBLISHED_LINE),
        passes=(NEUTRAL_NEWS, DATELINE_NEWS, BP103_HEADINGS, NEWS_WITH_SUBHEADINGS, OP_ED_SHORT_PARAGRAPHS),
    ),
    "BP104": Examples(
        flags=(BP104_SHARE_BAR, BP104_COOKIE_BANNER, BP104_ADVERTISEMENT, BP104_PAYWALL, BP104_SHARE_BAR_LINES, BP104_FOOTER_LINES),
        passes=(NEUTRAL_NEWS, BP104_PRIVACY_ARTICLE, BP104_QUOTED_POST, OP_ED_SHORT_PARAGRAPHS, BP104_SOCIAL_NETWORKS_LIST, BP104_LEGAL_PAGES_LIST),
    ),
    "BP105": Examples(
        flags=(BP105_READ_MORE, BP105_RELATED_STORIES, BP105_PAGINATION),
        passes=(
            NEUTRAL_NEWS,
            BP105_SUBHEADING_WORDS,
            NEWS_WITH_SUBHEADINGS,
            BP105_REPORT_PAGE,
            ST102_TABLE_OF_CONTENTS,
            OP_ED_SHORT_PARAGRAPHS,
        ),
    ),
    "BP106": Examples(
        flags=(BP106_AMAZON_ASSOCIATE, BP106_DISCLOSURE, BP106_BUTTON),
        passes=(NEUTRAL_NEWS, BP106_PRICES_NEWS, BP106_REGULATION_NEWS, BP106_BNPL_NEWS, OP_ED_SHORT_PARAGRAPHS),
    ),
    "BP107": Examples(
        flags=(BP107_TAGS, BP107_PERMUTATIONS, BP107_CITY_LIST),
        passes=(
            NEUTRAL_NEWS,
            BP107_POLLING_PLACES,
            BP107_INGREDIENTS,
            BP107_ELECTION_RESULTS,
            BP107_CAST_SENTENCE,
            KW_ZELENSKY_NEWS,
            OP_ED_SHORT_PARAGRAPHS,
        ),
    ),
    "BP108": Examples(
        flags=(BP108_MENU_AND_TEASERS, BP108_SHARE_BAR, BP108_FOOTER, BP108_TEASERS, BP108_SCRAPED_PAGE),
        passes=(NEUTRAL_NEWS, OP_ED_SHORT_PARAGRAPHS, NEWS_WITH_SUBHEADINGS, BP108_RECIPE, KW_ZELENSKY_NEWS),
    ),
    # AR: generation artifacts
    "AR101": Examples(
        flags=(AR101_PREAMBLE, AR101_CUTOFF, AR101_OFFER, AR101_CITATION_RESIDUE, AR101_SELF_REFERENCE),
        passes=(NEUTRAL_NEWS, AR101_ARTICLE_ABOUT_CHATBOTS, AR101_FICTION),
    ),
    "AR102": Examples(
        flags=(AR102_KEYPHRASE_NEWS, AR102_META_DESCRIPTION, AR102_FOCUS_KEYWORD),
        passes=(NEUTRAL_NEWS, AR102_SEO_ARTICLE, AR102_SEARCH_JOURNALISM, AR102_PUBLISHING_NEWS),
    ),
    "AR103": Examples(
        flags=(AR103_TEMPLATE_VARIABLES, AR103_SPINTAX, AR103_BRACKETED, AR103_SNIPPET_VARIABLES, AR103_LOREM_IPSUM),
        passes=(NEUTRAL_NEWS, AR103_EDITORIAL_BRACKETS, AR103_SIC, AR103_TEMPLATING_ARTICLE),
    ),
    "AR104": Examples(
        flags=(AR104_MARKDOWN, AR104_ENTITIES, AR104_HTML, AR104_MARKDOWN_LINK),
        passes=(NEUTRAL_NEWS, AR104_ASTERISKS, AR104_AMPERSAND_AND_LIST, AR104_HTML_TUTORIAL),
    ),
    "AR105": Examples(
        flags=(AR105_APOSTROPHE, AR105_DASH, AR105_TURKISH, AR105_STRAY_A_CIRCUMFLEX),
        passes=(NEUTRAL_NEWS, AR105_LEGIT_ACCENTS, AR106_BILINGUAL, AR105_DEMONSTRATION),
    ),
    "AR106": Examples(
        flags=(AR106_ZERO_WIDTH, AR106_HOMOGLYPH, AR106_BIDI),
        passes=(NEUTRAL_NEWS, AR106_EMOJI_ZWJ, AR106_SOFT_HYPHENS, AR106_BILINGUAL, AR105_LEGIT_ACCENTS),
    ),
    "AR107": Examples(
        flags=(AR107_HARMONY_TALKS, AR107_NEWS_SPUN, AR107_TECH_SPUN),
        passes=(NEUTRAL_NEWS, AR107_QUOTED_STUDY, AR107_HARMONY_MUSIC, AR107_REGIONAL_TITLE),
    ),
    "AR108": Examples(
        flags=(AR108_SLOP, AR108_SEED_LIKE),
        passes=(NEUTRAL_NEWS, AR108_WIRE_COPY, AR108_ABOUT_AI_WRITING),
    ),
    "AR109": Examples(
        flags=(AR109_SALAD, AR109_SALAD_MARKET),
        passes=(
            NEUTRAL_NEWS,
            AR109_HEADLINE_AND_LIST,
            BP107_INGREDIENTS,
            OP_ED_SHORT_PARAGRAPHS,
            AR109_PROUD_OF,
        ),
    ),
    "AR110": Examples(
        flags=(AR110_CASINO, AR110_PHARMACY),
        passes=(NEUTRAL_NEWS, AR110_GAMBLING_ARTICLE, AR110_DIGEST),
    ),
    # ST: structure
    "ST101": Examples(
        flags=(ST101_SUMMARY_FIRST, ST101_EXCERPT_FIRST),
        passes=(NEUTRAL_NEWS, ST101_BODY_ONLY, ST101_KICKER, ST101_KEY_POINTS, DATELINE_NEWS, OP_ED_SHORT_PARAGRAPHS),
    ),
    "ST102": Examples(
        flags=(ST102_TWO_HEADINGS, ST102_OUTLINE),
        passes=(NEUTRAL_NEWS, NEWS_WITH_SUBHEADINGS, OP_ED_SHORT_PARAGRAPHS, ST102_TABLE_OF_CONTENTS),
        format="markdown",
    ),
    "ST103": Examples(
        flags=(ST103_MID_SENTENCE, ST103_CUT_PARAGRAPH, ST103_ELLIPSIS),
        passes=(NEUTRAL_NEWS, OP_ED_SHORT_PARAGRAPHS, ST103_ENDS_WITH_LIST, ST103_WIRE_TRAILER, NEWS_WITH_SUBHEADINGS),
    ),
    "ST104": Examples(
        flags=(ST104_ONE_CURLY, ST104_ONE_STRAIGHT),
        passes=(NEUTRAL_NEWS, ST104_ALL_CURLY, ST104_NO_QUOTES, ST104_QUOTED_POST, OP_ED_SHORT_PARAGRAPHS),
    ),
    "ST105": Examples(
        flags=(ST105_FORMER_AND_RETURN, ST105_FORMER_AND_CURRENT, ST105_FORMER_MID_SENTENCE),
        passes=(NEUTRAL_NEWS, ST105_REALLY_FORMER, ST105_OBITUARY, ST105_QUOTED_OLD_TITLE, OP_ED_SHORT_PARAGRAPHS),
    ),
}

# Examples on which a rule is wrong today: (code, "flags" or "passes", index) -> why. The test
# reports each as an expected failure and fails once the rule gets it right (remove the entry).
KNOWN_GAPS: dict[tuple[str, str, int], str] = {
    ("BP108", "flags", 0): (
        "the social links under a short article score 0.70-0.87, below the text variant's "
        "precision-first threshold (0.96: 95% of the paragraphs it flags are boilerplate, out of "
        "fold, on the pages and on their main texts read as articles); the context pass cannot "
        "tell where an article of two paragraphs ends"
    ),
    ("BP108", "flags", 1): (
        "the share bar under a short article scores 0.06-0.56 and the copyright line 0.93, below "
        "the text variant's precision-first threshold (0.96; at 0.90, before the threshold counted "
        "the clean articles' paragraphs, the copyright line was flagged)"
    ),
    ("BP108", "flags", 2): (
        "a footer of short links under a short article scores 0.51-0.78, below the text variant's "
        "precision-first threshold (0.96); read as a page (--page) the markup gives it away"
    ),
    ("BP108", "flags", 3): (
        "teasers with their times under a short article score 0.06-0.42 as text: the text variant "
        "learned that short lines are often content in an article on its own"
    ),
}

# Keyphrase-placement and suppression examples live in their own module.
from examples_lint import LINT_EXAMPLES  # noqa: E402

EXAMPLES.update(LINT_EXAMPLES)

# Readability examples (RD101-RD104) live in their own module.
from examples_readability import READABILITY_EXAMPLES  # noqa: E402

EXAMPLES.update(READABILITY_EXAMPLES)
