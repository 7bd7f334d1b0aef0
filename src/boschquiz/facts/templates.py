"""Question templates, one set per relation: the only relations a facts file may use.

Placeholders: `{subject}`, `{object}` (an entity's name), `{value}` (formatted), `{detail}`,
`{others}` (the other true objects, "A and B"), `{source}` (the source's `cite_as`; no prompt
uses it, a question must read alone), and `{in_context}` (" in <context>" when the fact has a
context, else "").

Each template is a `Phrasing`: one sentence, or several that say the same thing in other words.
The generator picks one per question from the seed and the fact's id, so the bank does not read
like one sentence with the names changed. Every phrasing must read alone (no "this show", no
article the player never sees, no pronoun without its noun), and the alternatives of one slot
must be true of exactly the same facts.

`forward_closed` says the base lists every true object of a subject, so any other candidate of
the right type is certainly wrong: only then may a forward choice, a false statement or a typed
question be made. A relation that is not closed by nature (a season's novels, a character's
parents) is closed for one subject when every one of its facts says `closed: true`.
`reverse_closed` says the same for the subjects of an object.

`time_varying` marks what can change (renewals, scores, a running show's seasons): such a fact
needs `as_of`. `until_ended` relaxes that for a series the base says has ended.
"""

from __future__ import annotations

from dataclasses import dataclass

from boschquiz.facts.model import ValueKind

Phrasing = str | tuple[str, ...]
"""One template, or several interchangeable wordings of it."""


def phrasings(template: Phrasing | None) -> tuple[str, ...]:
    """The wordings of a template slot, first one first (empty when the slot is unused)."""
    if template is None:
        return ()
    if isinstance(template, str):
        return (template,)
    return template


@dataclass(frozen=True)
class RelationSpec:
    name: str
    subject_types: frozenset[str]
    kind: ValueKind
    category: str
    statement: Phrasing
    object_types: frozenset[str] = frozenset()
    forward: Phrasing | None = None
    forward_many: Phrasing | None = None
    """Forward prompt when a subject has several true objects: names the others."""
    reverse: Phrasing | None = None
    typed: Phrasing | None = None
    """Prompt for the typed form; defaults to `forward`."""
    forward_closed: bool = False
    reverse_closed: bool = False
    needs_detail: bool = False
    value_format: str = "{value}"
    value_min: int | None = None
    value_max: int | None = None
    time_varying: bool = False
    """The fact can change over time: it needs `as_of`."""
    until_ended: bool = False
    """Time-varying only while the subject runs: no `as_of` needed once it has `ended_in`."""

    @property
    def typed_prompt(self) -> Phrasing | None:
        return self.typed or self.forward


def _types(*names: str) -> frozenset[str]:
    return frozenset(names)


SERIES = _types("series")
SEASON = _types("season")
CHARACTER = _types("character")
PERSON = _types("person")
NOVEL = _types("novel")

_SPECS = (
    RelationSpec(
        name="played_by",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="cast",
        statement=(
            "{object} plays {subject}{in_context}.",
            "{subject} is played by {object}{in_context}.",
            "The part of {subject}{in_context} is played by {object}.",
        ),
        forward=(
            "Who plays {subject}{in_context}?",
            "Which actor plays {subject}{in_context}?",
            "Who is cast as {subject}{in_context}?",
        ),
        reverse=(
            "Which character does {object} play{in_context}?",
            "Whom does {object} play{in_context}?",
            "{object} plays which character{in_context}?",
        ),
        forward_closed=True,
        reverse_closed=True,
    ),
    RelationSpec(
        name="created_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement=(
            "{object} is one of the creators of {subject}.",
            "{object} is credited as a creator of {subject}.",
        ),
        forward=("Who created {subject}?", "Who is the creator of {subject}?"),
        forward_many=(
            "{subject} was created by {others} and whom?",
            "Together with {others}, who created {subject}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="executive_produced_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement=(
            "{object} is credited as an executive producer of {subject}.",
            "{object} has an executive producer credit on {subject}.",
        ),
    ),
    RelationSpec(
        name="adapts_novels_of",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement=(
            "{subject} is adapted from novels by {object}.",
            "{subject} is based on the novels of {object}.",
            "The novels behind {subject} were written by {object}.",
        ),
        forward=(
            "Whose novels is {subject} adapted from?",
            "Which author's novels is {subject} based on?",
            "{subject} adapts the novels of which author?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="premiered_on_service",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_types("platform"),
        category="release",
        statement=(
            "{subject} premiered on {object}.",
            "{object} is the service where {subject} premiered.",
        ),
        forward=(
            "On which service did {subject} premiere?",
            "Which streaming service premiered {subject}?",
            "Where did {subject} first stream?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="premiere_date",
        subject_types=SERIES,
        kind=ValueKind.DATE,
        category="release",
        statement=("{subject} premiered on {value}.", "{subject} was first released on {value}."),
        forward=(
            "On what date did {subject} premiere?",
            "When did {subject} premiere?",
            "What was the premiere date of {subject}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="released",
        subject_types=SEASON,
        kind=ValueKind.TEXT,
        category="release",
        statement=("{subject} was released {value}.", "{subject} came out {value}."),
    ),
    RelationSpec(
        name="rotten_tomatoes_score",
        subject_types=SEASON,
        kind=ValueKind.NUMBER,
        category="reception",
        statement=(
            "{subject} holds a {value} rating on Rotten Tomatoes.",
            "On Rotten Tomatoes, {subject} scores {value}.",
        ),
        forward=(
            "What rating does {subject} hold on Rotten Tomatoes?",
            "What is the Rotten Tomatoes score of {subject}?",
        ),
        forward_closed=True,
        value_format="{value}%",
        value_min=0,
        value_max=100,
        time_varying=True,
    ),
    RelationSpec(
        name="set_in",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_types("city", "place"),
        category="setting",
        statement=("{subject} is set in {object}.", "{subject} takes place in {object}."),
        forward=(
            "In which city is {subject} set?",
            "Which city is {subject} set in?",
            "In which city does {subject} take place?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="ended_in",
        subject_types=SERIES,
        kind=ValueKind.YEAR,
        category="history",
        statement=("{subject} ended in {value}.", "{subject} came to an end in {value}."),
        forward=("In which year did {subject} end?", "In what year did {subject} come to an end?"),
        forward_closed=True,
        value_min=1900,
        value_max=2100,
    ),
    RelationSpec(
        name="season_count",
        subject_types=SERIES,
        kind=ValueKind.NUMBER,
        category="history",
        statement=("{subject} ran for {value} seasons.", "{subject} lasted {value} seasons."),
        forward=(
            "How many seasons of {subject} have there been?",
            "How many seasons of {subject} were made?",
        ),
        forward_closed=True,
        value_min=1,
        time_varying=True,
        until_ended=True,
    ),
    RelationSpec(
        name="longest_running_original",
        subject_types=_types("platform"),
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="history",
        statement=(
            "{object} is {subject}'s longest-running original series.",
            "{subject}'s longest-running original series is {object}.",
        ),
        forward=(
            "What is {subject}'s longest-running original series?",
            "Which series is {subject}'s longest-running original?",
        ),
        forward_closed=True,
        time_varying=True,
    ),
    RelationSpec(
        name="ended_because_of",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="history",
        statement=(
            "{subject} reportedly ended largely because of {value}.",
            "The main reason reported for the end of {subject} is {value}.",
        ),
        forward=(
            "What was reportedly the main reason {subject} ended?",
            "Why, by the main account, did {subject} come to an end?",
        ),
    ),
    RelationSpec(
        name="end_explained_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="history",
        needs_detail=True,
        statement=(
            "{object} explained {detail} why {subject} ended.",
            "{object} set out {detail} the reasons {subject} ended.",
        ),
        forward=(
            "Who explained {detail} why {subject} ended?",
            "Who set out {detail} the reasons {subject} ended?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="spoke_to",
        subject_types=PERSON,
        kind=ValueKind.ENTITY,
        object_types=_types("outlet"),
        category="interviews",
        needs_detail=True,
        statement=(
            "{subject} spoke to {object} about {detail}.",
            "{subject} told {object} about {detail}.",
        ),
        reverse=("Who spoke to {object} about {detail}?", "Who told {object} about {detail}?"),
        reverse_closed=True,
    ),
    RelationSpec(
        name="views_reported_by",
        subject_types=PERSON,
        kind=ValueKind.ENTITY,
        object_types=_types("outlet"),
        category="interviews",
        needs_detail=True,
        statement=(
            "{object} reported {subject}'s {detail}.",
            "{subject}'s {detail} was reported by {object}.",
        ),
        forward=(
            "Which outlet reported {subject}'s {detail}?",
            "{subject}'s {detail} was reported by which outlet?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="inspired_by",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="behind the scenes",
        statement=(
            "{object} is the real-life inspiration for {subject}.",
            "The character {subject} was inspired by {object}.",
        ),
        forward=(
            "Who is the real-life inspiration for {subject}?",
            "Which real person inspired the character {subject}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="shadowed",
        subject_types=PERSON,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="behind the scenes",
        statement=("{subject} shadowed {object}.", "{subject} spent time shadowing {object}."),
        forward=("Whom did {subject} shadow?", "Who did {subject} spend time shadowing?"),
        forward_closed=True,
    ),
    RelationSpec(
        name="leads",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_types("unit"),
        category="lapd",
        statement=(
            "{subject} leads {object}{in_context}.",
            "{subject} is in charge of {object}{in_context}.",
        ),
        reverse=("Who leads {object}{in_context}?", "Who is in charge of {object}{in_context}?"),
        reverse_closed=True,
    ),
    RelationSpec(
        name="member_of",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_types("unit", "organisation"),
        category="lapd",
        statement=(
            "{subject} has worked in {object}{in_context}.",
            "{subject} has been a member of {object}{in_context}.",
        ),
    ),
    RelationSpec(
        name="works_for",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_types("organisation"),
        category="lapd",
        statement=(
            "{subject} has worked for {object}{in_context}.",
            "{subject} has been employed by {object}{in_context}.",
        ),
        forward=(
            "Which organisation has {subject} worked for{in_context}?",
            "Which organisation has employed {subject}{in_context}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="chief_of",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_types("organisation"),
        category="lapd",
        statement=(
            "{subject} is the new chief of {object}{in_context}.",
            "{subject} has newly taken charge of {object}{in_context}.",
        ),
        reverse=(
            "Who now heads {object}{in_context}?",
            "Who has newly taken charge of {object}{in_context}?",
        ),
        reverse_closed=True,
    ),
    RelationSpec(
        name="unit_of",
        subject_types=_types("unit"),
        kind=ValueKind.ENTITY,
        object_types=_types("organisation"),
        category="lapd",
        statement=("{subject} is a unit of {object}.", "{subject} is part of {object}."),
        forward=(
            "{subject} is a unit of which organisation?",
            "Which organisation is {subject} part of?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="stands_for",
        subject_types=_types("unit"),
        kind=ValueKind.TEXT,
        category="lapd",
        statement=("{subject} stands for {value}.", "The letters {subject} stand for {value}."),
        forward=("What does {subject} stand for?", "What do the letters {subject} stand for?"),
        forward_closed=True,
    ),
    RelationSpec(
        name="handles",
        subject_types=_types("unit"),
        kind=ValueKind.TEXT,
        category="lapd",
        statement=("{subject} handles {value}.", "{subject} deals with {value}."),
    ),
    RelationSpec(
        name="job",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="characters",
        # the perfect: a job held for a while is true of it later on (Eleanor Wish plays poker,
        # then goes back to the FBI; "is" would make one of two true statements read false)
        statement="{subject} has been {value}{in_context}.",
    ),
    RelationSpec(
        name="appears_in",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="characters",
        statement=("{subject} appears in {object}.", "{subject} is a character in {object}."),
    ),
    RelationSpec(
        name="introduced_in_finale_of",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="characters",
        statement=(
            "{subject} was first introduced in the finale of {object}.",
            "{subject} first appeared in the finale of {object}.",
        ),
        forward=(
            "In the finale of which series was {subject} first introduced?",
            "{subject} first appeared in the finale of which series?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="picks_up_from",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="universe",
        statement=(
            "{subject} picks up where {object} left off.",
            "{subject} continues the story where {object} left off.",
        ),
        typed=(
            "{subject} picks up where which series left off?",
            "Which series does {subject} pick up from?",
        ),
    ),
    RelationSpec(
        name="centres_on",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="universe",
        statement=(
            "{subject} centres on {object}.",
            "{object} is the central character of {subject}.",
            "{subject} is built around {object}.",
        ),
        forward=(
            "Which character is at the centre of {subject}?",
            "Who is the main character of {subject}?",
        ),
        reverse=(
            "Which series centres on {object}?",
            "{object} is the central character of which series?",
        ),
        forward_closed=True,
        reverse_closed=True,
    ),
    RelationSpec(
        name="part_of_universe",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_types("franchise"),
        category="universe",
        statement=("{subject} is part of {object}.", "{subject} belongs to {object}."),
    ),
    RelationSpec(
        name="recommended_for",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="recommendations",
        statement=(
            "{subject} is recommended to Bosch fans for {value}.",
            "Fans of Bosch are pointed to {subject} for {value}.",
        ),
        forward=(
            "What does {subject} offer fans of Bosch?",
            "Why is {subject} recommended to fans of Bosch?",
        ),
        reverse=(
            "Which show is recommended to Bosch fans for {value}?",
            "Which series is suggested to Bosch fans for {value}?",
        ),
        # Open both ways: the reasons given ("intense storytelling") fit several shows, so
        # another show's reason is no wrong answer; only the true statement is asked.
        forward_closed=False,
        reverse_closed=False,
    ),
    RelationSpec(
        name="story_involves",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="story",
        statement=(
            "The first season of {subject} involves {value}.",
            "Season one of {subject} features {value}.",
        ),
    ),
    RelationSpec(
        name="described_as",
        subject_types=_types(
            "series",
            "season",
            "novel",
            "character",
            "person",
            "unit",
            "organisation",
            "platform",
            "outlet",
            "band",
            "song",
        ),
        kind=ValueKind.TEXT,
        category="trivia",
        statement="{subject} is {value}{in_context}.",
    ),
    RelationSpec(
        name="season_two_status",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="release",
        statement=(
            "{subject} has been {value} for a second season.",
            "{subject} has been {value} for season two.",
        ),
        forward=(
            "What is the status of a second season of {subject}?",
            "Where does {subject} stand on a second season?",
        ),
        time_varying=True,
    ),
    RelationSpec(
        name="mentors",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="characters",
        statement=(
            "{subject} mentors {object}{in_context}.",
            "{subject} acts as a mentor to {object}{in_context}.",
        ),
    ),
    RelationSpec(
        name="complicated_relationship_with",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="characters",
        statement=(
            "{subject} has a complicated relationship with {object}{in_context}.",
            "{subject} and {object} have a complicated relationship{in_context}.",
        ),
    ),
)

_FAMILY: tuple[tuple[str, str, Phrasing, Phrasing], ...] = (
    (
        "daughter_of",
        "the daughter of",
        (
            "Whose daughter is {subject}{in_context}?",
            "{subject} is the daughter of whom{in_context}?",
        ),
        (
            "{subject} is the daughter of {others} and of whom{in_context}?",
            "Besides {others}, whose daughter is {subject}{in_context}?",
        ),
    ),
    (
        "son_of",
        "the son of",
        ("Whose son is {subject}{in_context}?", "{subject} is the son of whom{in_context}?"),
        (
            "{subject} is the son of {others} and of whom{in_context}?",
            "Besides {others}, whose son is {subject}{in_context}?",
        ),
    ),
    (
        "father_of",
        "the father of",
        ("Whose father is {subject}{in_context}?", "{subject} is the father of whom{in_context}?"),
        (
            "{subject} is the father of {others} and of whom else{in_context}?",
            "Besides {others}, whose father is {subject}{in_context}?",
        ),
    ),
    (
        "mother_of",
        "the mother of",
        ("Whose mother is {subject}{in_context}?", "{subject} is the mother of whom{in_context}?"),
        (
            "{subject} is the mother of {others} and of whom else{in_context}?",
            "Besides {others}, whose mother is {subject}{in_context}?",
        ),
    ),
    (
        "half_brother_of",
        "a half-brother of",
        (
            "Whose half-brother is {subject}{in_context}?",
            "{subject} is a half-brother of whom{in_context}?",
        ),
        (
            "{subject} is a half-brother of {others} and of whom else{in_context}?",
            "Besides {others}, whose half-brother is {subject}{in_context}?",
        ),
    ),
    (
        "ex_wife_of",
        "the ex-wife of",
        (
            "Whose ex-wife is {subject}{in_context}?",
            "{subject} is the ex-wife of whom{in_context}?",
        ),
        (
            "{subject} is the ex-wife of {others} and of whom else{in_context}?",
            "Besides {others}, whose ex-wife is {subject}{in_context}?",
        ),
    ),
    (
        "married_to",
        "married to",
        (
            "To whom has {subject} been married{in_context}?",
            "Who has {subject} been married to{in_context}?",
        ),
        (
            "Besides {others}, to whom has {subject} been married{in_context}?",
            "{subject} has been married to {others} and to whom else{in_context}?",
        ),
    ),
    (
        "partner_of",
        "a work partner of",
        (
            "Who has {subject} been partnered with on the job{in_context}?",
            "Whose work partner has {subject} been{in_context}?",
        ),
        (
            "Besides {others}, whose work partner has {subject} been{in_context}?",
            "{subject} has been a work partner of {others} and of whom else{in_context}?",
        ),
    ),
)
"""Character -> character relations (name, words, forward, forward_many): open unless every
fact of a subject says `closed: true` (a page rarely names every parent or partner), so
otherwise only their true statement is asked."""

_FAMILY_AGAIN = {
    "daughter_of": "{object} is a parent of {subject}{in_context}.",
    "son_of": "{object} is a parent of {subject}{in_context}.",
    "father_of": "{subject} is {object}'s father{in_context}.",
    "mother_of": "{subject} is {object}'s mother{in_context}.",
    "half_brother_of": "{subject} is {object}'s half-brother{in_context}.",
    "ex_wife_of": "{subject} is {object}'s ex-wife{in_context}.",
    "married_to": "{subject} and {object} have been married{in_context}.",
    "partner_of": "{subject} and {object} have been partners on the job{in_context}.",
}
"""A second wording of each statement above, saying the same thing."""

_FAMILY_FIRST = {
    "partner_of": "{subject} has been a work partner of {object}{in_context}.",
    "married_to": "{subject} has been married to {object}{in_context}.",
}
"""A first wording other than "{subject} is <words> {object}": partners and spouses are told
in the perfect, which is true of a current one and of a former one (Sheehan was Harry's partner
long before Bosch: Legacy, Irving's marriage ends; "work together" or "is married" would make
a true statement read false)."""

_FAMILY_SPECS = tuple(
    RelationSpec(
        name=name,
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="characters" if name == "partner_of" else "family",
        statement=(
            _FAMILY_FIRST.get(name, f"{{subject}} is {words} {{object}}{{in_context}}."),
            _FAMILY_AGAIN[name],
        ),
        forward=forward,
        forward_many=many,
    )
    for name, words, forward, many in _FAMILY
)

_V2_SPECS = (
    # Series and seasons (canon: real)
    RelationSpec(
        name="developed_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement=(
            "{object} developed {subject} for television.",
            "{subject} was developed for television by {object}.",
        ),
        forward=(
            "Who developed {subject} for television?",
            "Who adapted {subject} for the screen?",
        ),
        forward_many=(
            "{subject} was developed for television by {others} and whom?",
            "Together with {others}, who developed {subject} for television?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="showrunner",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement=(
            "{object} was a showrunner of {subject}.",
            "{object} served as showrunner on {subject}.",
        ),
        forward=("Who was the showrunner of {subject}?", "Who ran {subject} as its showrunner?"),
        forward_many=(
            "Besides {others}, who was a showrunner of {subject}?",
            "Apart from {others}, who served as showrunner on {subject}?",
        ),
    ),
    RelationSpec(
        name="music_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="music",
        statement=(
            "{object} composed the music of {subject}.",
            "The music of {subject} is by {object}.",
        ),
        forward=("Who composed the music of {subject}?", "Whose score accompanies {subject}?"),
        forward_many=(
            "Besides {others}, who composed music for {subject}?",
            "Apart from {others}, who wrote music for {subject}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="spinoff_of",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="universe",
        statement=("{subject} is a spinoff of {object}.", "{subject} was spun off from {object}."),
        forward=(
            "{subject} is a spinoff of which series?",
            "From which series was {subject} spun off?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="theme_song",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_types("song"),
        category="music",
        statement=(
            "The opening theme of {subject} is {object}.",
            "{subject} opens with the song {object}.",
        ),
        forward=("What is the opening theme of {subject}?", "Which song opens {subject}?"),
        reverse=(
            "{object} is the opening theme of which series?",
            "Which series opens with {object}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="performed_by",
        subject_types=_types("song"),
        kind=ValueKind.ENTITY,
        object_types=_types("band", "person"),
        category="music",
        statement=("{subject} is performed by {object}.", "{object} performs {subject}."),
        forward=("Who performs {subject}?", "{subject} is performed by whom?"),
        forward_closed=True,
    ),
    RelationSpec(
        name="season_release_date",
        subject_types=SEASON,
        kind=ValueKind.DATE,
        category="release",
        statement=("{subject} was released on {value}.", "{subject} came out on {value}."),
        forward=("On what date was {subject} released?", "When did {subject} come out?"),
        # every season of the three shows is an entity of the base, so the season that came
        # out on a date is one of them and no other
        reverse=(
            "Which season in the Bosch universe came out on {value}?",
            "Which season of the Bosch shows was released on {value}?",
        ),
        forward_closed=True,
        reverse_closed=True,
    ),
    RelationSpec(
        name="season_episode_count",
        subject_types=SEASON,
        kind=ValueKind.NUMBER,
        category="release",
        statement=("{subject} has {value} episodes.", "{subject} is made up of {value} episodes."),
        forward=("How many episodes does {subject} have?", "How many episodes make up {subject}?"),
        forward_closed=True,
        value_min=1,
        value_max=99,
    ),
    RelationSpec(
        name="season_adapts_novel",
        subject_types=SEASON,
        kind=ValueKind.ENTITY,
        object_types=NOVEL,
        category="novels",
        statement=(
            "{subject} adapts the novel {object}.",
            "{subject} draws on the novel {object}.",
        ),
        forward=(
            "Which novel does {subject} adapt?",
            "Which Connelly novel is adapted in {subject}?",
        ),
        forward_many=(
            "{subject} adapts {others} and which other novel?",
            "Besides {others}, which novel does {subject} draw on?",
        ),
    ),
    RelationSpec(
        name="season_streamed_on",
        subject_types=SEASON,
        kind=ValueKind.ENTITY,
        object_types=_types("platform"),
        category="release",
        statement=("{subject} streamed on {object}.", "{subject} was carried by {object}."),
        forward=("On which service did {subject} stream?", "Which service carried {subject}?"),
        forward_many=(
            "{subject} streamed on {others} and on which other service?",
            "Besides {others}, which service carried {subject}?",
        ),
    ),
    RelationSpec(
        name="renewed_for_season",
        subject_types=SERIES,
        kind=ValueKind.NUMBER,
        category="release",
        statement=(
            "{subject} has been renewed for a season {value}.",
            "A season {value} of {subject} has been ordered.",
        ),
        value_min=1,
        value_max=99,
        time_varying=True,
    ),
    RelationSpec(
        name="final_season",
        subject_types=SERIES,
        kind=ValueKind.NUMBER,
        category="history",
        statement=(
            "Season {value} is the final season of {subject}.",
            "{subject} ends with its season {value}.",
        ),
        forward=(
            "Which season is the final season of {subject}?",
            "With which season does {subject} end?",
        ),
        forward_closed=True,
        value_min=1,
        value_max=99,
    ),
    # Characters (canon: tv or books)
    *_FAMILY_SPECS,
    RelationSpec(
        name="rank",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="characters",
        statement=(
            "{subject} holds the rank of {value}{in_context}.",
            "{subject}'s rank is {value}{in_context}.",
        ),
        forward=(
            "What rank does {subject} hold{in_context}?",
            "What is {subject}'s rank{in_context}?",
        ),
    ),
    RelationSpec(
        name="named_after",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="characters",
        statement=("{subject} is named after {object}.", "{subject} takes the name of {object}."),
        forward=("After whom is {subject} named?", "Whose name does {subject} carry?"),
        forward_closed=True,
    ),
    RelationSpec(
        name="nickname",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="characters",
        statement=(
            "{subject} goes by the nickname {value}{in_context}.",
            "{subject} is nicknamed {value}{in_context}.",
        ),
        forward=(
            "What nickname does {subject} go by{in_context}?",
            "What is {subject}'s nickname{in_context}?",
        ),
    ),
    # Novels (canon: real for publication, books for the story)
    RelationSpec(
        name="written_by",
        subject_types=NOVEL,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="novels",
        statement=("{subject} was written by {object}.", "{object} wrote the novel {subject}."),
        forward=("Who wrote {subject}?", "Who is the author of {subject}?"),
        forward_many=(
            "{subject} was written by {others} and whom?",
            "Together with {others}, who wrote {subject}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="published_in",
        subject_types=NOVEL,
        kind=ValueKind.YEAR,
        category="novels",
        statement=("{subject} was published in {value}.", "{subject} came out in {value}."),
        # "as a book": a novel serialised first (The Overlook, 2006) came out as a book later
        forward=(
            "In which year was {subject} published as a book?",
            "In which year did {subject} come out as a book?",
        ),
        forward_closed=True,
        value_min=1900,
        value_max=2100,
    ),
    RelationSpec(
        name="features",
        subject_types=NOVEL,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="novels",
        statement=("{subject} features {object}.", "{object} appears in the novel {subject}."),
    ),
    RelationSpec(
        name="first_novel",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=NOVEL,
        category="novels",
        statement=(
            "{subject} first appears in the novel {object}.",
            "{object} is the first novel to feature {subject}.",
        ),
        forward=(
            "In which novel does {subject} first appear?",
            "Which novel introduced {subject}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="novel_number",
        subject_types=NOVEL,
        kind=ValueKind.NUMBER,
        category="novels",
        statement=(
            "{subject} is book {value}{in_context}.",
            "{subject} is number {value}{in_context}.",
        ),
        forward=(
            "Which number is {subject}{in_context}?",
            "Which book number is {subject}{in_context}?",
        ),
        value_min=1,
        value_max=99,
    ),
)

_PLACE = _types("city", "place")
"""A city (Los Angeles) or another place (the Hollywood Hills): a wrong answer is of the
answer's own type, so a city question never offers a district as wrong."""
_ORGANISATION = _types("organisation")

_RESEARCH_SPECS = (
    # Relations the researchers of the shipped base needed (issue 12). Open unless the base
    # lists every true answer by nature (one pilot director, one death, one birth date).
    RelationSpec(
        name="produced_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_ORGANISATION,
        category="creators",
        statement=(
            "{object} is one of the production companies of {subject}.",
            "{subject} was produced by {object}, among others.",
        ),
    ),
    RelationSpec(
        name="song_written_by",
        subject_types=_types("song"),
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="music",
        statement=(
            "{object} wrote the song {subject}.",
            "The song {subject} was written by {object}.",
        ),
    ),
    RelationSpec(
        name="lived_in",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_PLACE,
        category="characters",
        statement="{subject} has lived in {object}{in_context}.",
    ),
    RelationSpec(
        name="served_in",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="characters",
        statement=(
            "{subject} served in {value}{in_context}.",
            "{subject}'s military service includes {value}{in_context}.",
        ),
    ),
    RelationSpec(
        name="pilot_directed_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement=(
            "{object} directed the pilot of {subject}.",
            "The pilot of {subject} was directed by {object}.",
        ),
        forward=(
            "Who directed the pilot of {subject}?",
            "The pilot of {subject} was directed by whom?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="pilot_written_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement=(
            "{object} has a writing credit on the pilot of {subject}.",
            "{object} is one of the writers of the pilot of {subject}.",
        ),
        forward=(
            "Who wrote the pilot of {subject}?",
            "The pilot of {subject} was written by whom?",
        ),
        forward_many=(
            "The pilot of {subject} was written by {others} and whom?",
            "Together with {others}, who wrote the pilot of {subject}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="died_in_season",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=SEASON,
        category="story",
        statement=("{subject} dies in {object}.", "The death of {subject} comes in {object}."),
        forward=(
            "In which season does {subject} die{in_context}?",
            "{subject} dies in which season{in_context}?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="dies_in",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=NOVEL,
        category="story",
        statement=(
            "{subject} dies in the novel {object}.",
            "The novel {object} sees {subject} die.",
        ),
        forward=("In which novel does {subject} die?", "Which novel sees {subject} die?"),
        forward_closed=True,
    ),
    RelationSpec(
        name="announced_for_service",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_types("platform"),
        category="release",
        statement=(
            "{subject} was first announced for {object}.",
            "When first announced, {subject} was meant for {object}.",
        ),
        forward=(
            "Which service was {subject} first announced for?",
            "For which service was {subject} first announced?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="renamed_to",
        subject_types=_types("platform"),
        kind=ValueKind.ENTITY,
        object_types=_types("platform"),
        category="release",
        statement=("{subject} was renamed {object}.", "{subject} took the new name {object}."),
        forward=("What was {subject} renamed?", "What new name did {subject} take?"),
        forward_closed=True,
    ),
    RelationSpec(
        name="season_finale_date",
        subject_types=SEASON,
        kind=ValueKind.DATE,
        category="release",
        statement=(
            "The last episode of {subject} came out on {value}.",
            "The finale of {subject} was released on {value}.",
        ),
        forward=(
            "On what date did the last episode of {subject} come out?",
            "When was the finale of {subject} released?",
        ),
        forward_closed=True,
    ),
    RelationSpec(
        name="episodes_at_premiere",
        subject_types=SEASON,
        kind=ValueKind.NUMBER,
        category="release",
        statement=(
            "{value} episodes of {subject} came out on its first day.",
            "{subject} opened with {value} episodes released at once.",
        ),
        forward=(
            "How many episodes of {subject} came out on its first day?",
            "With how many episodes released at once did {subject} open?",
        ),
        forward_closed=True,
        value_min=1,
        value_max=99,
    ),
    RelationSpec(
        name="ending_announced",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="history",
        statement=(
            "The end of {subject} was announced in {value}.",
            "Word that {subject} would end came in {value}.",
        ),
    ),
    RelationSpec(
        name="ordered_to_series",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="history",
        statement=(
            "{subject} was ordered to series in {value}.",
            "{subject} got its series order in {value}.",
        ),
    ),
    RelationSpec(
        name="hired_by",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="story",
        statement=(
            "{subject} is hired by {object}{in_context}.",
            "{object} hires {subject}{in_context}.",
        ),
    ),
    RelationSpec(
        name="kidnapped_by",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="story",
        statement=(
            "{subject} is kidnapped by {object}{in_context}.",
            "{object} kidnaps {subject}{in_context}.",
        ),
    ),
    RelationSpec(
        name="runs_for_office",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="story",
        statement=(
            "{subject} runs for {value}{in_context}.",
            "{subject} stands for election as {value}{in_context}.",
        ),
    ),
    RelationSpec(
        name="sibling_of",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="family",
        statement=(
            "{subject} is a sibling of {object}{in_context}.",
            "{subject} and {object} are siblings{in_context}.",
        ),
    ),
    RelationSpec(
        name="murdered",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="story",
        statement=(
            "{subject} murdered {object}{in_context}.",
            "{object} was murdered by {subject}{in_context}.",
        ),
    ),
    RelationSpec(
        name="arrested_for_murder_of",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="story",
        statement=(
            "{subject} is arrested for the murder of {object}{in_context}.",
            "{subject} is taken into custody for the murder of {object}{in_context}.",
        ),
    ),
    RelationSpec(
        name="based_at",
        subject_types=_types("unit"),
        kind=ValueKind.ENTITY,
        object_types=_PLACE,
        category="lapd",
        statement=(
            "{subject} is based at {object}{in_context}.",
            "{subject} is housed at {object}{in_context}.",
        ),
    ),
    # Book canon
    RelationSpec(
        name="murdered_in",
        subject_types=CHARACTER,
        kind=ValueKind.YEAR,
        category="story",
        statement=(
            "{subject} was murdered in {value}.",
            "The murder of {subject} took place in {value}.",
        ),
        forward=("In what year was {subject} murdered?", "When was {subject} murdered?"),
        forward_closed=True,
        value_min=1900,
        value_max=2100,
    ),
    RelationSpec(
        name="age_when_mother_murdered",
        subject_types=CHARACTER,
        kind=ValueKind.NUMBER,
        category="story",
        # the wording assumes a son: the base's only such fact is Harry Bosch's
        statement=(
            "{subject} was {value} when his mother was murdered.",
            "{subject} lost his mother to murder at the age of {value}.",
        ),
        forward=(
            "How old was {subject} when his mother was murdered?",
            "At what age did {subject} lose his mother to murder?",
        ),
        forward_closed=True,
        value_min=1,
        value_max=99,
    ),
    RelationSpec(
        name="motto",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="characters",
        statement=(
            "The motto of {subject} is “{value}”.",
            "{subject} lives by the motto “{value}”.",
        ),
    ),
    RelationSpec(
        name="birth_year",
        subject_types=_types("character", "person"),
        kind=ValueKind.YEAR,
        category="characters",
        statement=(
            "{subject} was born in {value}{in_context}.",
            "{subject}'s birth year is {value}{in_context}.",
        ),
        forward=(
            "In what year was {subject} born{in_context}?",
            "When was {subject} born{in_context}?",
        ),
        forward_closed=True,
        value_min=1900,
        value_max=2100,
    ),
    RelationSpec(
        name="diagnosed_with",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="story",
        statement=(
            "{subject} is diagnosed with {value}{in_context}.",
            "{subject} is found to have {value}{in_context}.",
        ),
    ),
    RelationSpec(
        name="grew_up_in",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_PLACE,
        category="characters",
        statement=(
            "{subject} grew up in {object}{in_context}.",
            "{subject} spent childhood years in {object}{in_context}.",
        ),
    ),
    RelationSpec(
        name="dog_named",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="characters",
        statement=(
            "{subject} has a dog named {value}{in_context}.",
            "The dog of {subject} is called {value}{in_context}.",
        ),
    ),
    RelationSpec(
        name="studied_at",
        subject_types=_types("character", "person"),
        kind=ValueKind.ENTITY,
        object_types=_ORGANISATION,
        category="characters",
        statement=(
            "{subject} studied at {object}{in_context}.",
            "{subject} went to {object}{in_context}.",
        ),
    ),
    RelationSpec(
        name="worked_for",
        subject_types=PERSON,
        kind=ValueKind.ENTITY,
        object_types=_ORGANISATION,
        category="author",
        statement=("{subject} worked for {object}.", "{subject} was on the staff of {object}."),
    ),
    RelationSpec(
        name="born_in",
        subject_types=PERSON,
        kind=ValueKind.ENTITY,
        object_types=_PLACE,
        category="author",
        statement=("{subject} was born in {object}.", "{object} is the birthplace of {subject}."),
        forward=("Where was {subject} born?", "What is the birthplace of {subject}?"),
        forward_closed=True,
    ),
    RelationSpec(
        name="birth_date",
        subject_types=PERSON,
        kind=ValueKind.DATE,
        category="author",
        statement=("{subject} was born on {value}.", "{subject}'s birthday is {value}."),
        forward=("On what date was {subject} born?", "When was {subject} born?"),
        forward_closed=True,
    ),
    RelationSpec(
        name="won_award",
        subject_types=NOVEL,
        kind=ValueKind.TEXT,
        category="novels",
        statement=("{subject} won {value}.", "{value} went to {subject}."),
    ),
    RelationSpec(
        name="film_adaptation_year",
        subject_types=NOVEL,
        kind=ValueKind.YEAR,
        category="novels",
        statement=(
            "The film of {subject} came out in {value}.",
            "{subject} was made into a film released in {value}.",
        ),
        forward=(
            "In what year did the film of {subject} come out?",
            "When was the film of {subject} released?",
        ),
        forward_closed=True,
        value_min=1900,
        value_max=2100,
    ),
    RelationSpec(
        name="film_adaptation_stars",
        subject_types=NOVEL,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="novels",
        statement=(
            "{object} stars in the film of {subject}.",
            "The film of {subject} stars {object}.",
        ),
    ),
    RelationSpec(
        name="film_adaptation_directed_by",
        subject_types=NOVEL,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="novels",
        statement=(
            "{object} directed the film of {subject}.",
            "The film of {subject} was directed by {object}.",
        ),
        forward=(
            "Who directed the film of {subject}?",
            "The film of {subject} was directed by whom?",
        ),
        forward_closed=True,
    ),
)
"""Relations added for the researched base (issue 12): see "Relations and their templates"
in docs/facts.md."""

RELATIONS: dict[str, RelationSpec] = {
    spec.name: spec for spec in (*_SPECS, *_V2_SPECS, *_RESEARCH_SPECS)
}
"""Every relation a facts file may use, by name."""
