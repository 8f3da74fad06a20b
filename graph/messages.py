"""What the server says to a person, in English and Welsh.

Every refusal the API can send to a person (a field that cannot be accepted, a record that
does not exist, a role that may not do something) is a :class:`Wording` here, with its English
and Welsh text side by side, so a translator reviews one file and a new message cannot be
written in one language only (``tests/unit/test_messages.py`` checks both texts name the
same parameters). Code raises ``InvalidField("name", BLANK())``; the exception's ``str`` is
the English text (the CLI, the logs), and the API's edge picks the language the request asked
for (``Accept-Language``, :mod:`api.i18n`).

Parameters are filled in with :meth:`str.format`; a parameter that is itself a
:class:`Said` (a kind of record, say) is rendered in the same language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["WORDINGS", "Language", "Said", "Wording", "kind_word", "render"]

Language = Literal["en", "cy"]


@dataclass(frozen=True)
class Wording:
    """One message in both languages, with ``{named}`` parameters."""

    en: str
    cy: str

    def __call__(self, **params: object) -> Said:
        return Said(self, params)

    def parameters(self, language: Language) -> set[str]:
        """The names of the parameters one language's text uses."""
        text = self.en if language == "en" else self.cy
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@dataclass(frozen=True)
class Said:
    """A wording with its parameters: renders in either language; ``str`` is English."""

    wording: Wording
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, language: Language = "en") -> str:
        values = {k: render(v, language) for k, v in self.params.items()}
        template = self.wording.cy if language == "cy" else self.wording.en
        return template.format(**values)

    def __str__(self) -> str:
        return self.text("en")


def render(value: object, language: Language) -> str:
    """A parameter as text: a :class:`Said` in the language asked for, anything else as is."""
    return value.text(language) if isinstance(value, Said) else str(value)


# --- kinds of record, for "no service with id …" --------------------------------------------

_KINDS: dict[str, Wording] = {
    "service": Wording("service", "gwasanaeth"),
    "organization": Wording("organisation", "sefydliad"),
    "organisation": Wording("organisation", "sefydliad"),
    "person": Wording("person", "person"),
    "shortlist": Wording("shortlist", "rhestr fer"),
    "referral": Wording("referral", "atgyfeiriad"),
    "node": Wording(
        "person, organisation, service or team", "person, sefydliad, gwasanaeth neu dîm"
    ),
    "location": Wording("location", "lleoliad"),
    "team": Wording("team", "tîm"),
}


def kind_word(kind: str) -> Said:
    """The name of a kind of record (``"Service"`` → service / gwasanaeth)."""
    wording = _KINDS.get(kind.strip().lower().replace("_", " "))
    return wording() if wording else Wording(kind, kind)()


# --- the catalogue ---------------------------------------------------------------------------

NO_SUCH = Wording("no {kind} with id {id!s}", "does dim {kind} â'r id {id!s}")
BLANK = Wording("must not be blank", "ni all fod yn wag")
NOT_POSTCODE = Wording(
    "{value} is not a UK postcode (e.g. CF10 1AA)",
    "nid yw {value} yn god post yn y DU (e.e. CF10 1AA)",
)
POSTCODE_UNKNOWN = Wording(
    "{value} is not in the postcode tables (Wales 2018, Trafford)",
    "nid yw {value} yn y tablau codau post (Cymru 2018, Trafford)",
)
NO_POSTCODE_TABLES = Wording(
    "no postcode tables found in {folder} (set COMMONGRAPH_DATA_DIR)",
    "ni chafwyd tablau codau post yn {folder} (gosodwch COMMONGRAPH_DATA_DIR)",
)
NO_PLACE = Wording("no postcode or place called {text}", "does dim cod post na lle o'r enw {text}")
DID_YOU_MEAN = Wording("{found}; did you mean {names}?", "{found}; oeddech chi'n golygu {names}?")
OR = Wording(" or ", " neu ")
ROLE_CANNOT_ANALYSE = Wording(
    "analyse {report}: needs a leader, connector or admin key (yours is {role})",
    "dadansoddi {report}: mae angen allwedd arweinydd, cysylltydd neu weinyddwr (eich un chi "
    "yw {role})",
)
DAYS_FORMAT = Wording(
    "days are MO,TU,WE,TH,FR,SA,SU separated by commas",
    "dyddiau yw MO,TU,WE,TH,FR,SA,SU wedi'u gwahanu gan atalnodau",
)
LANGUAGE_CODES = Wording(
    "language codes are ISO 639 codes such as cy or en",
    "codau ISO 639 yw codau iaith, fel cy neu en",
)
AGES_ORDER = Wording(
    "the minimum age is above the maximum age",
    "mae'r oed isaf yn uwch na'r oed uchaf",
)
UNKNOWN_NEEDS = Wording(
    "unknown need(s): {ids}; pick needs from the list",
    "angen(ion) anhysbys: {ids}; dewiswch anghenion o'r rhestr",
)
UNKNOWN_TERMS = Wording(
    "unknown option(s): {ids}; pick from the list",
    "opsiwn(au) anhysbys: {ids}; dewiswch o'r rhestr",
)
NOT_MERGEABLE = Wording(
    "not listings that can be merged: {ids}", "nid rhestriadau y gellir eu cyfuno: {ids}"
)
KEEP_NOT_PUBLIC = Wording(
    "the listing to keep must be public (approved)",
    "rhaid i'r rhestriad i'w gadw fod yn gyhoeddus (wedi'i gymeradwyo)",
)
NOT_MERGED = Wording(
    "this listing is not merged into another", "nid yw'r rhestriad hwn wedi'i gyfuno ag un arall"
)
NO_PUBLIC_LISTING = Wording(
    "no public listing with id {id}", "does dim rhestriad cyhoeddus â'r id {id}"
)
NO_OPEN_REPORT = Wording("no open report with id {id}", "does dim adroddiad agored â'r id {id}")
SAY_WHAT_IS_WRONG = Wording(
    "say what is wrong (1 to 2000 characters)", "dywedwch beth sydd o'i le (1 i 2000 nod)"
)
NO_OPEN_CLAIM = Wording("no open claim with id {id}", "does dim hawliad agored â'r id {id}")
NOTHING_TO_CHANGE = Wording("give at least one field to change", "rhowch o leiaf un maes i'w newid")
VERSION_CHANGED = Wording(
    "someone changed this offering since you read it (you had version {had}, it is now "
    "{now}); reload it and apply your edit again",
    "mae rhywun wedi newid y cynnig hwn ers i chi ei ddarllen (roedd gennych fersiwn {had}, "
    "fersiwn {now} yw hi nawr); ail-lwythwch a gwnewch eich newid eto",
)
OTHER_ORGANISATION = Wording(
    "this offering belongs to another organisation",
    "mae'r cynnig hwn yn perthyn i sefydliad arall",
)
ALREADY_YOURS = Wording(
    "your organisation provides this listing already",
    "mae eich sefydliad yn darparu'r rhestriad hwn yn barod",
)
MODERATION_STATUS = Wording("is approved or rejected", "yw wedi'i gymeradwyo neu ei wrthod")
AT_MOST_CHARS = Wording("at most {n} characters", "dim mwy na {n} nod")
AT_LEAST_CHARS = Wording("at least {n} characters", "o leiaf {n} nod")
ALREADY_STATE = Wording(
    "this offering is {state} already", "mae'r cynnig hwn wedi'i {state} yn barod"
)
PAGE_SIZE = Wording("page size is between 1 and 100", "mae maint tudalen rhwng 1 a 100")
BETWEEN = Wording("is between {low} and {high}", "mae rhwng {low} a {high}")
KEY_MALFORMED = Wording(
    "Authorization: expected 'Bearer cg_…' with a key from `commongraph keys`",
    "Awdurdodi: disgwylir 'Bearer cg_…' gydag allwedd gan `commongraph keys`",
)
KEY_UNKNOWN = Wording(
    "Authorization: this API key is unknown or revoked",
    "Awdurdodi: nid yw'r allwedd API hon yn hysbys neu mae wedi'i thynnu'n ôl",
)
UI_NOT_BUILT = Wording(
    "ui: the web UI is not built; run `make frontend`",
    "ui: nid yw'r rhyngwyneb gwe wedi'i adeiladu; rhedwch `make frontend`",
)
MERGE_NEEDS_ANOTHER = Wording(
    "name at least one listing other than the one kept (keepId), and at most 50",
    "enwch o leiaf un rhestriad heblaw'r un a gedwir (keepId), a 50 ar y mwyaf",
)
SAME_NODE = Wording("is the same node as fromId", "yw'r un nod â fromId")
TYPE_TO_SEARCH = Wording(
    "type at least one letter or digit to search for",
    "teipiwch o leiaf un llythyren neu ddigid i chwilio amdano",
)
TYPE_A_NAME = Wording(
    "type at least one letter or digit of a name",
    "teipiwch o leiaf un llythyren neu ddigid o enw",
)
NOT_A_CURSOR = Wording(
    "not a cursor from {query}; pass its endCursor",
    "nid cyrchwr o {query} yw hwn; rhowch ei endCursor",
)
STATUS_ONE_OF = Wording("is one of {values}", "yw un o {values}")
REFERRAL_CANNOT = Wording(
    "a {current} referral cannot become {status}",
    "ni all atgyfeiriad {current} ddod yn {status}",
)
REFERRAL_CHANGED = Wording(
    "the referral changed meanwhile; reload it",
    "newidiodd yr atgyfeiriad yn y cyfamser; ail-lwythwch ef",
)
ONLY_PARTIES = Wording(
    "only the referrer and the receiving organisation see this referral",
    "dim ond yr atgyfeiriwr a'r sefydliad sy'n ei dderbyn sy'n gweld yr atgyfeiriad hwn",
)
ONLY_PROVIDER_DECIDES = Wording(
    "only the organisation providing the service accepts or declines",
    "dim ond y sefydliad sy'n darparu'r gwasanaeth sy'n derbyn neu'n gwrthod",
)
SHORTLIST_NOT_YOURS = Wording(
    "this shortlist belongs to someone else", "mae'r rhestr fer hon yn perthyn i rywun arall"
)
PERSON_ID_LENGTH = Wording("a person id is 1 to {n} characters", "mae id person rhwng 1 a {n} nod")
TWO_ORGANISATIONS = Wording(
    "organisationId {a} and organizationId {b} disagree: give one organisation",
    "mae organisationId {a} ac organizationId {b} yn anghytuno: rhowch un sefydliad",
)
SAY_ORGANISATION = Wording(
    "say which organisation provides the offering",
    "dywedwch pa sefydliad sy'n darparu'r cynnig",
)
LAT_LON_RADIUS = Wording(
    "latitude, longitude and radiusKm go together",
    "mae latitude, longitude a radiusKm yn mynd gyda'i gilydd",
)
FILTER_TWICE = Wording(
    "{name} is given twice, in filter and as an argument, with different values: give it once",
    "mae {name} wedi'i roi ddwywaith, yn filter ac fel paramedr ar wahân, gyda gwerthoedd "
    "gwahanol: rhowch ef unwaith",
)

# Who may do what.
NEEDS_GROUP_EDITOR = Wording(
    "{action} needs a group editor key", "mae {action} angen allwedd golygydd grŵp"
)
OWN_ORGANISATION_ONLY = Wording(
    "a group editor acts only for its own organisation",
    "dim ond dros ei sefydliad ei hun y mae golygydd grŵp yn gweithredu",
)
MODERATORS_ONLY = Wording("this is for moderators", "mae hyn ar gyfer cymedrolwyr")
ADMIN_TO_ERASE = Wording(
    "erasing a person needs an admin key", "mae dileu person angen allwedd gweinyddwr"
)
REFERRALS_FOR = Wording(
    "referrals are for connectors and group editors",
    "mae atgyfeiriadau ar gyfer cysylltwyr a golygyddion grŵp",
)
REFERRALS_BY_CONNECTORS = Wording(
    "referrals are made by connectors", "cysylltwyr sy'n gwneud atgyfeiriadau"
)
SHORTLISTS_FOR = Wording(
    "shortlists are for connectors: use a connector API key",
    "mae rhestrau byr ar gyfer cysylltwyr: defnyddiwch allwedd API cysylltydd",
)
ANALYTICS_NAME_PEOPLE = Wording(
    "analytics name people: use a leader, connector or admin API key",
    "mae dadansoddiadau'n enwi pobl: defnyddiwch allwedd API arweinydd, cysylltydd neu weinyddwr",
)
VIEWS_NAME_PEOPLE = Wording(
    "relationship views name people: use a leader or connector API key",
    "mae golygon perthynas yn enwi pobl: defnyddiwch allwedd API arweinydd neu gysylltydd",
)
MY_OFFERINGS_EDITOR = Wording(
    "myOfferings lists a group's own listings: use a group editor key",
    "mae myOfferings yn rhestru rhestriadau grŵp ei hun: defnyddiwch allwedd golygydd grŵp",
)
LIKELY_DUPLICATE = Wording(
    "An existing listing looks like this one. Open it to check: if it is yours, claim it; if "
    "yours is different, register again saying so.",
    "Mae rhestriad sy'n bodoli yn edrych fel hwn. Agorwch ef i wirio: os eich un chi ydyw, "
    "hawliwch ef; os yw eich un chi yn wahanol, cofrestrwch eto gan ddweud hynny.",
)
LIKELY_DUPLICATES = Wording(
    "{count} existing listings look like this one. Open them to check: if one is yours, claim "
    "it; if yours is different, register again saying so.",
    "Mae {count} rhestriad sy'n bodoli yn edrych fel hwn. Agorwch nhw i wirio: os un ohonynt "
    "yw eich un chi, hawliwch ef; os yw eich un chi yn wahanol, cofrestrwch eto gan ddweud "
    "hynny.",
)
REASON_SIMILAR_NAME = Wording("similar name nearby", "enw tebyg gerllaw")
REASON_SAME_EMAIL = Wording("same email", "yr un e-bost")
REASON_SAME_WEBSITE = Wording("same website", "yr un wefan")
REASON_SAME_PHONE = Wording("same phone", "yr un ffôn")
BUSY_WAITING = Wording(
    "analytics are busy: {waiting} reports are waiting already; try again in a minute",
    "mae'r dadansoddiadau'n brysur: mae {waiting} adroddiad yn aros yn barod; rhowch gynnig "
    "arall mewn munud",
)
BUSY_NO_TURN = Wording(
    "analytics are busy: no turn came free within {seconds} s; try again in a minute",
    "mae'r dadansoddiadau'n brysur: ni ddaeth tro yn rhydd o fewn {seconds} e; rhowch gynnig "
    "arall mewn munud",
)
AT_CAPACITY = Wording(
    "the API is at capacity: no Neo4j connection came free within {seconds} s; try again shortly",
    "mae'r API yn llawn: ni ddaeth cysylltiad Neo4j yn rhydd o fewn {seconds} e; rhowch "
    "gynnig arall cyn bo hir",
)
BODY_TOO_LARGE = Wording(
    "the request body is {size} bytes; at most {limit} are accepted",
    "mae corff y cais yn {size} beit; derbynnir {limit} ar y mwyaf",
)
NO_BATCHES = Wording(
    "batches of operations (a JSON list) are not accepted: send {shape}",
    "ni dderbynnir sypiau o weithrediadau (rhestr JSON): anfonwch {shape}",
)
ONE_OBJECT = Wording("the request body must be {shape}", "rhaid i gorff y cais fod yn {shape}")
INVALID_PARAMETERS = Wording("invalid parameters", "paramedrau annilys")
NOT_RFC3339 = Wording(
    "modified_after {value} is not an RFC 3339 date-time (e.g. 2024-01-31T09:00:00Z)",
    "nid yw modified_after {value} yn ddyddiad-amser RFC 3339 (e.e. 2024-01-31T09:00:00Z)",
)
BOTH_OR_NEITHER = Wording(
    "give both latitude and longitude, or neither",
    "rhowch ledred a hydred, neu'r un o'r ddau",
)
PROXIMITY_CENTRE = Wording(
    "proximity needs a centre: a postcode or latitude and longitude",
    "mae angen canol ar proximity: cod post neu ledred a hydred",
)
BAD_BOOKMARK = Wording(
    "send back the value a previous response gave, unchanged (at most 16 bookmarks)",
    "anfonwch yn ôl y gwerth a roddodd ymateb blaenorol, heb ei newid (dim mwy na 16 nod tudalen)",
)
SAY_WHAT_TO_CHANGE = Wording(
    "say what the group should change", "dywedwch beth ddylai'r grŵp ei newid"
)
NOTHING_WAITING = Wording(
    "nothing of this listing waits for a decision",
    "nid oes dim o'r rhestriad hwn yn aros am benderfyniad",
)
NO_SUCH_LISTING_OF_YOURS = Wording(
    "the audit trail of a listing is for its own group and for moderators",
    "mae trywydd archwilio rhestriad ar gyfer ei grŵp ei hun ac ar gyfer cymedrolwyr",
)
NO_PERSON_FOR_KEY = Wording(
    "this key is not linked to a person: open the invitation link your team leader sent you "
    "to record your connections",
    "nid yw'r allwedd hon yn gysylltiedig â pherson: agorwch y ddolen wahoddiad a anfonodd "
    "arweinydd eich tîm atoch i gofnodi eich cysylltiadau",
)
CONNECTIONS_NEED_KEY = Wording(
    "sign in with your key to record your connections",
    "mewngofnodwch gyda'ch allwedd i gofnodi eich cysylltiadau",
)
KNOWS_ONLY_PEOPLE = Wording(
    "only a person can be known; for an organisation or a team choose 'works with'",
    "dim ond person y gellir ei adnabod; ar gyfer sefydliad neu dîm dewiswch 'yn gweithio gyda'",
)
NOT_YOURSELF = Wording(
    "is you: a connection is with someone else",
    "yw chi: mae cysylltiad â rhywun arall",
)
ALREADY_RECORDED = Wording(
    "you have already recorded this connection: change that one instead",
    "rydych chi eisoes wedi cofnodi'r cysylltiad hwn: newidiwch hwnnw yn lle",
)
NO_CONNECTION_OF_YOURS = Wording(
    "no connection you recorded has id {id}",
    "does dim cysylltiad a gofnodwyd gennych â'r id {id}",
)
SINCE_FORM = Wording(
    "is a year (2019), a month (2019-05) or a date (2019-05-14), not in the future",
    "yw blwyddyn (2019), mis (2019-05) neu ddyddiad (2019-05-14), nid yn y dyfodol",
)
INVITATION_INVALID = Wording(
    "this invitation link is unknown, already used or expired: ask your team leader for a new one",
    "mae'r ddolen wahoddiad hon yn anhysbys, wedi'i defnyddio neu wedi dod i ben: gofynnwch i "
    "arweinydd eich tîm am un newydd",
)
LEADERS_INVITE = Wording(
    "inviting teams and reading how complete the picture is are for leaders",
    "mae gwahodd timau a darllen pa mor gyflawn yw'r darlun ar gyfer arweinwyr",
)

# --- descriptions the open-data loaders write themselves (the publisher gives none) ----------
DESCRIBE_GP = Wording("NHS general practice", "Meddygfa'r GIG")
DESCRIBE_GP_PATIENTS = Wording(
    "NHS general practice, {patients} registered patients ({month})",
    "Meddygfa'r GIG, {patients} o gleifion cofrestredig ({month})",
)
JANUARY_2026 = Wording("January 2026", "Ionawr 2026")
DESCRIBE_PHARMACY = Wording("Community pharmacy", "Fferyllfa gymunedol")
DESCRIBE_FOOD_BANK = Wording("Food bank", "Banc bwyd")
DESCRIBE_FOOD_BANK_REFERRAL = Wording(
    "Food bank. Referral: {method}", "Banc bwyd. Atgyfeirio: {method}"
)
DESCRIBE_COUNCIL_LIBRARY = Wording(
    "Local authority run library", "Llyfrgell a redir gan yr awdurdod lleol"
)
DESCRIBE_COMMUNITY_LIBRARY = Wording("Community library", "Llyfrgell gymunedol")
#: a generated local team's name ({place}: its authority, in the language of the name)
TEAM_NAME = Wording("{place} neighbourhood team {n}", "Tîm cymdogaeth {place} {n}")
#: the organisations the generator gives every authority, by key ({place} as above)
GENERATED_ORGANISATIONS: dict[str, Wording] = {
    "council": Wording("{place} Council", "Cyngor {place}"),
    "social-care": Wording("{place} Adult Social Care", "Gofal Cymdeithasol Oedolion {place}"),
    "public-health": Wording("{place} Public Health Team", "Tîm Iechyd Cyhoeddus {place}"),
    "housing": Wording("{place} Housing Association", "Cymdeithas Tai {place}"),
    "community-health": Wording(
        "{place} Community Health Services", "Gwasanaethau Iechyd Cymunedol {place}"
    ),
    "school": Wording("{place} Community School {n}", "Ysgol Gymunedol {place} {n}"),
}

# pydantic's own complaints, by error type (https://docs.pydantic.dev/latest/errors/validation_errors/)
PYDANTIC: dict[str, Wording] = {
    "missing": Wording("is required", "mae angen hwn"),
    "string_too_long": Wording("at most {max_length} characters", "dim mwy na {max_length} nod"),
    "string_too_short": Wording("at least {min_length} characters", "o leiaf {min_length} nod"),
    "too_long": Wording("at most {max_length} items", "dim mwy na {max_length} eitem"),
    "too_short": Wording("at least {min_length} items", "o leiaf {min_length} eitem"),
    "greater_than_equal": Wording("must be {ge} or more", "rhaid iddo fod yn {ge} neu fwy"),
    "less_than_equal": Wording("must be {le} or less", "rhaid iddo fod yn {le} neu lai"),
    "greater_than": Wording("must be above {gt}", "rhaid iddo fod yn uwch na {gt}"),
    "less_than": Wording("must be below {lt}", "rhaid iddo fod yn is na {lt}"),
    "int_parsing": Wording("must be a whole number", "rhaid iddo fod yn rhif cyfan"),
    "float_parsing": Wording("must be a number", "rhaid iddo fod yn rhif"),
    "string_type": Wording("must be text", "rhaid iddo fod yn destun"),
    "bool_type": Wording("must be true or false", "rhaid iddo fod yn wir neu'n gau"),
    "string_pattern_mismatch": Wording(
        "is not in the expected form", "nid yw yn y ffurf ddisgwyliedig"
    ),
}

#: Fields whose pattern has a plainer explanation than "not in the expected form".
PATTERNS: dict[str, Wording] = {
    "email": Wording("is not an email address", "nid yw'n gyfeiriad e-bost"),
    "url": Wording(
        "is not a web address starting http:// or https://",
        "nid yw'n gyfeiriad gwe sy'n dechrau gyda http:// neu https://",
    ),
    "phone": Wording("is not a phone number", "nid yw'n rhif ffôn"),
    "opensAt": Wording("is a time such as 09:30", "yw amser fel 09:30"),
    "closesAt": Wording("is a time such as 17:00", "yw amser fel 17:00"),
    "time": Wording("is a 24-hour time such as 10:30 (HH:MM)", "yw amser 24 awr fel 10:30 (HH:MM)"),
}

#: Every wording in this module, for the test that both languages name the same parameters.
WORDINGS: dict[str, Wording] = {
    **{name: value for name, value in globals().items() if isinstance(value, Wording)},
    **{f"kind:{k}": v for k, v in _KINDS.items()},
    **{f"pydantic:{k}": v for k, v in PYDANTIC.items()},
    **{f"pattern:{k}": v for k, v in PATTERNS.items()},
    **{f"organisation:{k}": v for k, v in GENERATED_ORGANISATIONS.items()},
}
