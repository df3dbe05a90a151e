"""Examples for the readability rules (RD101-RD104); merged into ``examples.EXAMPLES``.

Every text was written for these tests. Each row's passes hold the neutral news story and
:data:`RD_LONG_ARTICLE_ONE_LONG_SENTENCE`, a long plain article with exactly one long sentence,
which no readability rule may flag.
"""

from __future__ import annotations

from examples import NEUTRAL_NEWS, OP_ED_SHORT_PARAGRAPHS, Examples

# A long article of plain sentences with exactly one long sentence (paragraph 4): no RD rule may
# flag it (one long sentence in a long article is not a problem).
RD_LONG_ARTICLE_ONE_LONG_SENTENCE = """\
Village Bakery Celebrates Fifty Years on the High Street
The bakery on Mill Lane opened its doors in 1975.
It was started by a young couple who had saved for six years to buy the shop.
Today their daughter runs it with a team of nine bakers.
The shop sells bread, cakes and pies to about 600 customers a day.
Most of them live within a mile of the high street.
On Saturday the family held a party to mark the anniversary.
Local children decorated cupcakes in the back room, and a brass band played outside.
The mayor cut a ribbon at noon.
"My parents would have loved this," said Helen Carter, who took over the business in 2004.
She started working in the shop when she was fourteen, sweeping the floor and washing trays before school, and she still remembers the smell of the first loaves coming out of the old brick oven at five o'clock in the morning.
The oven was replaced in 1998.
The new one bakes twice as many loaves in the same time.
Prices have gone up over the years, but slowly.
A white loaf cost 20 pence in 1975 and costs £1.80 now.
Customers say the quality has not changed.
"I have bought my bread here for forty years," said Tom Price, a retired postman.
He comes in every morning at eight.
The bakery plans to open a small café next spring.
It will have ten tables and a window seat.
The family says it has no plans to sell the business.
"""

RD101_DENSE_POLICY = """\
School Opens New Library After Summer Works
The primary school on Station Road opened its new library on Monday. Children chose the colours for the walls and helped to pick the first books. Some of them painted a map of the town on one wall.
The room has soft chairs, a reading corner and six computers. There is a big window that looks out over the playing field. The old library was a small cupboard next to the hall.
Parents raised money for the books at a summer fair. They sold cakes, toys and plants, and a local shop gave them a gift of two hundred books.
The head teacher said the pupils were very excited. "They ran in and sat down on the floor to read," she said. "Some of them did not want to go home."
Notwithstanding considerable methodological heterogeneity across evaluations, the commissioning authority maintains that differential resourcing of extracurricular literacy infrastructure substantively mediates longitudinal attainment disparities. Consequently, procurement frameworks prioritising demonstrable pedagogical efficacy were operationalised retrospectively, notwithstanding substantial administrative complexity and unresolved jurisdictional ambiguities.
The library will be open after school on Tuesdays and Thursdays. Grandparents are welcome to come and read with the children.
The school hopes to add more books next year. It also wants to start a reading club for parents.
"""

RD101_JARGON_RECIPE = """\
A Simple Loaf for Beginners
Baking bread at home is easier than many people think. You need flour, water, salt and yeast. You do not need a machine.
Mix them in a large bowl and stir until you have a rough dough. Leave it for ten minutes. Then knead it on the table for five minutes until it feels smooth.
Put the dough back in the bowl and cover it with a cloth. Let it rise for an hour in a warm place. It should be twice as big when it is ready.
Enzymatic hydrolysis of mechanically damaged amylopectin granules liberates fermentable oligosaccharides, whose subsequent anaerobic metabolism by Saccharomyces cerevisiae generates carbon dioxide alongside heterogeneous volatile aromatic compounds. Simultaneously, gluten's viscoelastic proteinaceous matrix, comprising polymeric glutenin and monomeric gliadin, undergoes progressive conformational reorganisation, whereupon entrapped gaseous metabolites distend the intercellular lamellae.
Shape the dough into a ball and put it on a tray. Cut a cross on the top with a sharp knife.
Bake it for thirty minutes until it is brown. It should sound hollow when you tap the bottom.
Let it cool before you cut it. Good bread is worth the wait, and it tastes much better than bread from a shop.
"""

# Hard from start to finish: no paragraph is much harder than the rest.
RD101_UNIFORMLY_HARD = """\
Institutional Determinants of Educational Attainment
Notwithstanding considerable methodological heterogeneity, contemporary analyses substantiate the hypothesis that socioeconomic stratification constitutes a principal determinant of longitudinal educational attainment. Intergenerational transmission mechanisms remain comparatively underexplored.
Differential access to institutional resources, including extracurricular provision and specialised pedagogical support, systematically mediates these disparities. Consequently, interventions predicated exclusively on individual behavioural modification are unlikely to ameliorate entrenched inequalities.
Comparative jurisdictional evidence suggests that redistributive fiscal arrangements, particularly progressive capitation formulae, attenuate attainment gradients considerably. Nevertheless, implementation fidelity varies substantially across administrative contexts.
Methodologically, quasi-experimental identification strategies exploiting discontinuities in eligibility thresholds provide comparatively robust causal estimates. Their external validity, however, remains contested among econometricians.
"""

# One very long sentence as a paragraph of its own in a plain story: a single sentence is the
# long-sentence rule's business, not the hard-paragraph rule's.
RD101_ONE_SENTENCE_PARAGRAPH = """\
Town Market Moves to the Square
The Saturday market will move to the town square next month.
Traders asked for the change because the old car park floods in winter.
The square has room for forty stalls.
There will be new lights and a covered area for the food stalls.
Notwithstanding considerable logistical heterogeneity, the municipal authority's procurement framework, predicated on demonstrable commercial viability and environmental sustainability criteria, necessitated comprehensive consultation with stakeholders, including neighbouring proprietors, conservation organisations and transportation authorities, before the relocation was sanctioned.
The first market in the square will open on the first Saturday of May.
Parking will be free for the first hour.
The council hopes more people will come into town.
Shop owners on the square say they are pleased.
"""

RD102_LONG_SENTENCES = """\
Council Approves Plan for New Cycle Lanes Across the City Centre
The city council approved a plan on Tuesday evening to build twelve miles of protected cycle lanes across the city centre over the next three years, officials said after the vote.
The plan, which was first proposed by a group of local residents and cycling clubs two years ago, will cost about £18 million and will be paid for mostly by a national transport grant.
Work on the first section, which runs from the railway station to the university campus along the main road, is expected to begin in the spring if the final designs are approved.
Some shop owners on the main road have said they are worried that the loss of parking spaces outside their businesses will keep customers away during the building works and afterwards.
The council said it would create a new car park with two hundred spaces on the edge of the city centre and run a free shuttle bus to the main shopping streets on Saturdays.
Supporters of the plan said the lanes would make cycling safer for children and older people.
"This is a big day for the city," said one councillor.
Opponents said the money should be spent on fixing roads.
The vote was 31 to 17.
A public meeting about the designs will be held next month at the town hall.
"""

RD102_ALL_LONG = """\
Why the Old Mill Is Worth Saving
The old mill by the river has stood empty for more than twenty years, and every winter a little more of its roof falls in while the council argues about who should pay for the repairs.
It is one of the last buildings in the county that shows how cotton was spun before the great factories, and historians say that the machinery inside is almost complete.
A group of volunteers has offered to clean the building and open it to visitors at weekends, but they cannot start until the roof has been made safe by the owners.
The owners, a property company based in another city, say that they would rather knock the mill down and build flats on the land, which they believe would be worth far more.
Many people in the town feel that losing the mill would mean losing part of their own history, and more than four thousand of them have signed a letter asking the council to act.
The council could buy the building with the help of a national heritage fund, which has already said that it would consider an application for most of the cost of the roof.
If nothing is done before the next winter storms, the engineers who inspected the building last year believe that the north wall could collapse and take the machinery with it.
That would be a loss not only for the town but for everyone who wants to understand how ordinary people lived and worked two hundred years ago in this part of the country.
The council meets next week to discuss the application, and the volunteers hope that as many people as possible will come to the meeting to show their support for the plan.
It would be a shame if a building that survived two world wars and a great flood were lost now because nobody could agree on who should pay for a new roof.
"""

# Three long sentences only: too short a text for a share of sentences to mean anything.
RD102_SHORT_LONG_NOTE = """\
Road Closure on Friday
The bridge on Church Street will be closed to all traffic from seven o'clock on Friday evening until six o'clock on Monday morning while engineers replace the damaged expansion joints.
Drivers are advised to follow the signed diversion through the industrial estate, which will add about ten minutes to most journeys across the river during the closure.
Pedestrians and cyclists will still be able to cross the bridge using the footpath on the eastern side, which will remain open throughout the weekend works.
"""

RD103_LONG_PARAGRAPH = """\
Harbour Festival Returns After Three Years
The harbour festival returned on Saturday after a break of three years.
Thousands of people came to the quay to watch the boats, eat fish and listen to music. The day started early, when the fishing boats came into the harbour with flags on their masts. Children waved from the harbour wall, and the lifeboat crew showed visitors around their station. At eleven o'clock the mayor opened the market, where local farmers sold cheese, bread and honey. There were rides for small children and a climbing wall for older ones. In the afternoon a choir from the primary school sang songs about the sea, and a band from the next town played on a stage by the water. Many visitors stayed for the fireworks, which started at ten o'clock and lasted for twenty minutes. The organisers said they were very happy with the day. They thanked the volunteers who had helped to set up the stalls and clean the quay afterwards. The festival raised more than four thousand pounds for the lifeboat station, which needs a new engine for its boat this year.
The next festival will be held in June.
"""

RD103_WALL_OF_TEXT = """\
Notes From the Allotment
This year the allotment has been a mixed success. The potatoes did well, and we dug up more than we could eat, so we gave bags of them to the neighbours and to the food bank on the corner. The beans were slow to start because of the cold spring, but by July they were climbing over the fence and we were picking them every day. The tomatoes were a disaster. They grew tall and green, and then the blight came in August and turned the leaves black in a week. We pulled them all up and burned them, which was sad after so much work. The onions were small but tasty, and the garlic was the best we have ever grown. We planted it in October last year and forgot about it until it was ready. The strawberries were eaten by birds before we could pick them, so next year we will put a net over them. The pumpkins were huge, and one of them won second prize at the village show, which made the children very proud. We also tried sweet corn for the first time, and it was a great success, although the badgers found it two days before we did. In the autumn we dug in compost and planted more garlic and broad beans for next year. The shed needs a new roof, and the water butt has a crack in it, so there is plenty to do over the winter. We are already looking at the seed catalogues and planning what to grow next spring, when the days get longer again.
"""

# A long quotation set as a block quote, and a long list item: not body paragraphs.
RD103_LONG_QUOTE = """\
Mayor Thanks Volunteers After Floods
The mayor thanked the volunteers who helped after last week's floods in a speech on Monday.
> "I want to thank every one of you who came out in the rain to fill sandbags, to carry furniture upstairs, to make tea for the firefighters and to check on the neighbours who live alone. Many of you worked through the night and then went to work in the morning. Some of you lost things that cannot be replaced, and still you went to help others before you looked after your own homes. The water came faster than anyone expected, and the drains could not cope. We will look at what went wrong and we will fix it. We will ask the government for money to build a new wall along the river, and we will not stop asking until we get it. But tonight I only want to say thank you. This town has shown what it is made of, and I have never been prouder to be its mayor. Thank you, all of you, from the bottom of my heart."
Clean-up work is expected to continue for another week.
"""

RD104_SAME_START = """\
Council Publishes Plans for the Park
The council has published its plans for the new park on the old factory site.
The council wants to plant two hundred trees along the river. The council will also build a playground and a small café near the entrance. The council hopes to open the park next summer.
Residents can comment on the plans until the end of March.
"""

RD104_ACROSS_PARAGRAPHS = """\
A Life in Music
Maria Santos was born in a small village in the north of Portugal in 1948.
She learned to play the piano from her grandmother. She gave her first concert at the age of twelve.
She moved to London in 1970 to study at the Royal College of Music.
Her recordings of Chopin are still played on the radio every week.
"""

# "The" opens every sentence, but with a different noun each time (Yoast's exception).
RD104_VARIED_NOUNS = """\
Weekend Weather
The rain will clear by Saturday morning. The wind will drop in the afternoon. The sun should come out on Sunday. The temperature will reach 18 degrees by the evening.
Forecasters expect a dry start to next week.
"""

# A quoted speaker's anaphora is not the writer's repetition; list items are parallel on purpose.
RD104_QUOTED_ANAPHORA = """\
Prime Minister Promises New Homes
The prime minister set out her housing plans in a speech in Leeds on Thursday.
"We will build three hundred thousand homes a year. We will give first-time buyers a fair chance. We will make renting safer," she said.
The opposition called the plans unrealistic.
Ministers listed the steps they will take first:
- Build on unused land near railway stations.
- Build more homes for social rent.
- Build smaller homes for older people.
"""


READABILITY_EXAMPLES = {
    "RD101": Examples(
        flags=(RD101_DENSE_POLICY, RD101_JARGON_RECIPE),
        passes=(NEUTRAL_NEWS, RD_LONG_ARTICLE_ONE_LONG_SENTENCE, RD101_UNIFORMLY_HARD, RD101_ONE_SENTENCE_PARAGRAPH, OP_ED_SHORT_PARAGRAPHS),
    ),
    "RD102": Examples(
        flags=(RD102_LONG_SENTENCES, RD102_ALL_LONG),
        passes=(NEUTRAL_NEWS, RD_LONG_ARTICLE_ONE_LONG_SENTENCE, RD102_SHORT_LONG_NOTE, OP_ED_SHORT_PARAGRAPHS),
    ),
    "RD103": Examples(
        flags=(RD103_LONG_PARAGRAPH, RD103_WALL_OF_TEXT),
        passes=(NEUTRAL_NEWS, RD_LONG_ARTICLE_ONE_LONG_SENTENCE, RD103_LONG_QUOTE, RD102_ALL_LONG),
    ),
    "RD104": Examples(
        flags=(RD104_SAME_START, RD104_ACROSS_PARAGRAPHS),
        passes=(NEUTRAL_NEWS, RD_LONG_ARTICLE_ONE_LONG_SENTENCE, RD104_VARIED_NOUNS, RD104_QUOTED_ANAPHORA, OP_ED_SHORT_PARAGRAPHS),
    ),
}
