"""A short article teachers import in tests: six paragraphs about a school garden."""

GARDEN = (
    "Our school garden began as a patch of bare clay behind the gym. Students dug the first "
    "beds in spring and mixed compost from the kitchen into the soil.\n\n"
    "The compost heap is fed by fruit peel and coffee grounds from the staff room. Worms turn "
    "the waste into dark soil within three months.\n\n"
    "Bees visit the flowering herbs every morning. The beekeeper from the village keeps two "
    "hives at the edge of the field.\n\n"
    "The hives produced twelve jars of honey last summer. Students sold the honey at the "
    "autumn fair to pay for new seeds.\n\n"
    "Rainwater from the gym roof fills four large barrels. A drip hose carries the water to "
    "the tomato beds during the dry weeks.\n\n"
    "The tomato harvest is weighed every Friday. Last year the beds gave more than forty "
    "kilograms of tomatoes.\n"
)
