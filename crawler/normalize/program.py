"""Program-level facts: start terms, ALA accreditation, degree abbreviation.

Start terms drop terms the text rules out ("no spring admission", "summer entry is not
available"). Accreditation: candidacy (and pre-candidacy) is False; the name of the ALA's
"Committee on Accreditation" alone states nothing ("will conduct a site visit" is None);
"Accreditation: ALA" is True; accreditation said of a kind ("choose one that is accredited by the
ALA") is None, and candidacy or seeking is False only where the ALA is named (another accreditor's
candidacy is None). Status shapes (issue 19, fourth pass; binding.accreditation_shape): a status is
returned only where the ALA (or its COA) is named in the sentence that states it, with a definite
head ("a school accredited by the ALA", "Schools accredited by the ALA", "If an MLS program ... is
ALA-accredited" are kinds; "ALA accreditation" only as held or as a label), or where a status noun
said without the ALA ("has received continued accreditation") has this program as its subject.
Sixth pass (issue 19, r6-status): a status said of its recipient binds too, where a library or
information master's is named after "was granted to" / "was withdrawn from" ("Initial Accreditation
status was granted to the Master of Library and Information Science at ...", "Pre-candidacy status
was granted to the Master of Library Science at ..." is False, "Accreditation was withdrawn from
the following program: • Master of Arts in Library Science" is False); "continuing accreditation"
is a status like "continued accreditation". Another field's recipient ("the Master of Social Work")
binds nothing.
A "Master's in Library and Information Science" names no degree.
"""

from __future__ import annotations

import re

from .text import prepare
from . import vocabulary as v
from .binding import accredited_kind, accreditation_shape, bound_text
from .models import Term
from .vocabulary import TERM_ORDER, TERM_WORDS, alternation
from .familiar import gate

# ---- start terms -----------------------------------------------------------------------------

_TERM_ANY = alternation(TERM_WORDS, bounded=False)
_NEGATED_TERMS = v.regex(
    rf"\b(?:does\s+not|doesn't|do\s+not|don't|will\s+not|won't|not|cannot|no\s+longer)\s+(?:\w+\s){{0,3}}?"
    rf"(?:admit|accept|offer|enroll|start|begin)\w*\b(?P<span>[^.;\d]*)"
    rf"|\bno\s+(?P<span2>(?:{_TERM_ANY}\s?(?:,|or|and|/)?\s?)+)(?:admissions?|intake|entry|starts?|cohorts?)\b"
    rf"|\bnot\s+(?:in\s+(?:the\s+)?)?(?P<span3>{_TERM_ANY})\b"
    # "summer entry is not available", "Summer admission is not offered"
    rf"|\b(?P<span4>{_TERM_ANY})\s+(?:entry|admissions?|starts?|intake|cohorts?|enrollment)\s+(?:is|are)\s+not\s+"
    rf"(?:currently\s+)?(?:available|offered|possible|an\s+option)\b"
    # "Summer Semester: No Admission" (a deadlines table row).
    rf"|\b(?P<span5>{_TERM_ANY})(?:\s+(?:semester|term|quarter))?\s?:\s?(?:no|none|n/a)\b(?:\s+(?:admissions?|entry|intake|starts?))?",
    re.I,
)
# A term mentioned for something other than starting: "spring break", "summer courses".
_NOT_A_START = v.regex(rf"\b{_TERM_ANY}\s+(?:break|courses?|classes|institute|sessions?)\b", re.I)

# A term open only to another credential: "Summer only for the School Librarianship certificate".
_ONLY_FOR_OTHER = v.regex(
    rf"\b(?P<term>{_TERM_ANY})\s+(?:admission\s+)?(?:is\s+)?only\s+for\s+(?:the\s+)?(?:[\w-]+\s){{0,4}}?"
    rf"(?:certificates?|endorsements?|licensure|certification)\b",
    re.I,
)
_TERM_WORD = v.regex(rf"\b({_TERM_ANY})\b", re.I)


def parse_start_terms(text: str) -> list[Term]:
    """Terms a student can start in, canonical order (fall, spring, summer, winter)."""
    t = prepare(text)
    excluded: set[str] = set()
    for m in _NEGATED_TERMS.finditer(t):
        span = m.group("span") or m.group("span2") or m.group("span3") or m.group("span4") or m.group("span5") or ""
        excluded.update(TERM_WORDS[w.lower()] for w in _TERM_WORD.findall(span))
    excluded.update(TERM_WORDS[m.group("term").lower()] for m in _ONLY_FOR_OTHER.finditer(t))
    t = _NOT_A_START.sub(" ", _NEGATED_TERMS.sub(" ", t))
    found = {TERM_WORDS[w.lower()] for w in _TERM_WORD.findall(t)} - excluded
    # Starts given as months ("Months of entry: January, August") are not read as terms: January
    # is the spring semester at one school and the winter quarter at another (issue 9 leftover;
    # unknown on purpose).
    return [term for term in TERM_ORDER if term in found]


# ---- ALA accreditation ------------------------------------------------------------------------

_ALA = r"(?:\bALA\b|american\s+library\s+association)"
_NOT_ACCREDITED = v.regex(
    rf"\bnot\s+(?:currently\s+|yet\s+)?(?:an?\s+)?(?:{_ALA}[-\s]?)?accredited\b|\b(?:pre-?)?candidacy\b"
    rf"|\bseeking\s+(?:{_ALA}\s+)?accreditation|\baccreditation\s+(?:was\s+)?withdrawn|\bwithdrawn\s+accreditation"
    rf"|\b(?:pre-?)?candidate\s+for\s+(?:\w+\s){{0,2}}?accreditation\b"
    rf"|\bnon-?accredited\b|\blost\s+(?:its\s+)?(?:{_ALA}\s+)?accreditation"
    # "intends to seek ALA accreditation": not accredited yet (vocabulary.NOT_YET_ACCREDITED).
    rf"|\b(?=(?:{'|'.join(v.NOT_YET_ACCREDITED)}))(?=[^.;]{{0,80}}\baccredit)",
    re.I,
)
_ACCREDITED = v.regex(
    rf"\baccredited\s+(?:\w+\s){{0,4}}?by\s+(?:the\s+)?{_ALA}|{_ALA}[-\s]accredited\b|\baccredited\s+by\s+(?:the\s+)?{_ALA}"
    rf"|{_ALA}(?:'s)?\s+(?:(?!standards?\b)\w+\s){{0,3}}?accreditation\b|\baccreditation\s+(?:\w+\s){{0,4}}?(?:from|by)\s+(?:the\s+)?{_ALA}"
    rf"|\b(?:continued|continuing|initial|conditional|full)\s+accreditation\b|\bcontinuously\s+accredited\b"
    rf"|\baccreditation\s?:\s?(?:the\s+)?{_ALA}"
    # "American Library Association (ALA) accredited", "accredited under the ALA Standards",
    # "accredited by the Committee on Accreditation of the ALA", "accredited by the Commission on
    # Colleges of the Southern Association ... and the ALA", "agréé par l'ALA".
    rf"|{_ALA}\s?\(\s?ALA\s?\)[-\s]?accredited\b|\baccredited\s+(?:\w+\s){{0,4}}?under\s+(?:the\s+)?{_ALA}"
    rf"|\baccredited\s+by\s+(?:the\s+)?(?:ALA\s+)?COA\b(?:\s+of\s+(?:the\s+)?{_ALA})?"
    rf"|\baccredited\s+by\s+(?:the\s+)?[^.;]{{0,120}}?\b(?:and|&)\s+(?:by\s+)?(?:the\s+)?{_ALA}"
    rf"|\bagr[\u00e9e]{{2}}\w*\s+par\s+l\s?'\s?{_ALA}",
    re.I,
)
_COA = v.regex(r"\bcommittee\s+on\s+accreditation\b", re.I)
_OTHER_ACCREDITOR = v.regex(
    r"\b(?:HLC|higher\s+learning\s+commission|CAEP|NCATE|SACSCOC|southern\s+association|middle\s+states|WASC|WSCUC"
    r"|NECHE|NWCCU|AACSB|ABET|CAAHEP|AASL)\b",
    re.I,
)


# "Graduates of ALA-accredited programs", "Employers look for an ALA-accredited degree", "a list of
# ALA-accredited programs": accreditation as a kind of program, said of none in particular.
_GENERIC_ACCREDITED = v.regex(
    rf"(?<!\bour\s)(?<!\bits\s)(?<!\bboth\s)(?<!\btwo\s)(?<!\bthree\s)(?<!\bthe\s)"
    rf"{_ALA}\s?(?:\(\s?ALA\s?\)\s?)?[-\s]accredited\s+(?:(?:library|master'?s|graduate|MLIS|MLS|LIS)\s+){{0,3}}(?:programs|schools|degrees|institutions)\b"
    rf"|\b(?:requires?|required|prefer(?:s|red)?|look(?:s|ing)?\s+for|seek(?:s|ing)?|need(?:s|ed)?|list\s+of|directory\s+of|graduates?\s+of)"
    rf"\s+(?:\w+\s){{0,3}}?(?:an?\s+)?{_ALA}\s?(?:\(\s?ALA\s?\)\s?)?[-\s]accredited\b",
    re.I,
)


_ONE_OF = v.regex(r"\bone\s+of\s+(?:the\s+|our\s+)?(?:[\w']+\s){0,2}$", re.I)


def _generic_or_ours(m: re.Match[str]) -> str:
    """A mention of ALA-accredited programs in general, blanked; "one of the nation's ..." kept."""
    return m.group(0) if _ONE_OF.search(m.string, max(0, m.start() - 30), m.start()) else " "


@gate("parse_accredited")
def parse_accredited(text: str) -> bool | None:
    """True when the text states ALA accreditation, False when it states its absence
    (candidacy, not accredited, withdrawn, seeking or intending to seek it), None otherwise
    (including other accreditors, and ALA-accredited programs in general: "graduates of
    ALA-accredited programs", "employers look for an ALA-accredited degree"). Seventh pass
    (binding.accreditation_shape): a status after "another", "other", "any" or "non-" ("from another
    ALA-accredited master's degree program") and a status defined for a generic program ("Candidacy
    status indicates that the program is ready to begin ...") are None."""
    # The accreditor's body is named "Committee on Accreditation": its name alone ("The ALA
    # Committee on Accreditation will visit in 2026") states no accreditation.
    t = bound_text("ala_accredited", _COA.sub("COA", prepare(text)))
    # ("One of the nation's ALA-accredited programs" is this one.)
    if "ccredited" in t.lower():
        t = accredited_kind(_GENERIC_ACCREDITED.sub(_generic_or_ours, t))  # "choose one that is accredited"
    m = _NOT_ACCREDITED.search(t)
    if m:
        # Candidacy, seeking, not accredited: the ALA's status only where the ALA is named in its
        # sentence (a social work program's "period of candidacy" says nothing about it).
        return False if accreditation_shape(t, m.start(), m.end(), names_ala=True) else None
    m = _ACCREDITED.search(t)
    if not m:
        return None
    named_ala = re.search(_ALA, t, re.I) is not None
    if not named_ala and _OTHER_ACCREDITOR.search(t):
        return None  # "continued accreditation" from the HLC says nothing about the ALA
    # The status binds where the ALA is named in its sentence, or where a status noun said
    # without it ("has received continued accreditation") has this program as its subject.
    return True if accreditation_shape(t, m.start(), m.end(), names_ala=named_ala) else None


# ---- degree -----------------------------------------------------------------------------------

# Spelled-out names, most specific first. The degree is the first one the text names.
DEGREE_NAMES: tuple[tuple[str, str], ...] = (
    ("MLIS", r"\bmaster\s+of\s+library\s+(?:and|&)\s+information\s+(?:science|studies)\b"),
    ("MLIS", r"\bmaster\s+of\s+information\s+(?:and|&)\s+library\s+(?:science|studies)\b"),
    ("MLS", r"\bmaster\s+of\s+library\s+science\b"),
    ("MA", r"\bmaster\s+of\s+arts\b"),
    ("MS", r"\bmaster\s+of\s+science\b"),
    ("MIS", r"\bmaster\s+of\s+information\s+(?:science|studies)\b"),
    ("MI", r"\bmaster\s+of\s+information\b"),
    ("MEd", r"\bmaster\s+of\s+education\b"),
)
DEGREE_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("MLIS", r"\bM\.?\s?L\.?\s?I\.?\s?S\.?c?(?![a-z])"),
    ("MS", r"\bM\.?S\.?\s?(?:L\.?\s?S|L\.?\s?I\.?\s?S|I\.?\s?S)\.?(?![a-z])"),  # MSLS, MSLIS, MSIS: a Master of Science
    ("MLS", r"\bM\.?\s?L\.?\s?S\.?(?![a-z])"),
    # "Library & Information Science (MA)": the Graduate College's title puts it in parentheses.
    ("MA", r"\bM\.A\.|\bMA(?=\s+(?:in|degree|program)\b|,\s|\s?\(|\)|$)"),
    ("MS", r"\bM\.S\.|\bMS(?=\s+(?:in|degree|program)\b|,\s|\s?\(|\)|$)"),
    ("MEd", r"\bM\.\s?Ed\.?|\bMEd\b"),
)
_NAME_RE = [(d, v.regex(p, re.I)) for d, p in DEGREE_NAMES]
_ABBR_RE = [(d, v.regex(p)) for d, p in DEGREE_ABBREVIATIONS]
# What "MLS" also stands for: Legal Studies, Liberal Studies, Medical Laboratory Science.
_OTHER_MLS = v.regex(
    r"\bmaster\s+of\s+(?:legal|liberal)\s+studies\b|\bmedical\s+laborator(?:y|ies)\s+scien\w*|\bclinical\s+laboratory\b"
    r"|\bmaster\s+of\s+liberal\s+arts\b",
    re.I,
)
_LIBRARY = v.regex(r"\blibrar(?:y|ies|ian\w*)\b", re.I)


def parse_degree(text: str) -> str | None:
    """Canonical degree abbreviation: MLIS, MLS, MA, MS, MIS, MI or MEd (a Master of Science
    in anything, including MSLS/MSIS, is MS); None when no degree is named or when the text
    spells out a non-library meaning of an abbreviation."""
    t = prepare(text)
    if _OTHER_MLS.search(t) and not _LIBRARY.search(t):
        return None
    hits: list[tuple[int, str]] = []
    for degree, pattern in _NAME_RE:
        m = pattern.search(t)
        if m:
            hits.append((m.start(), degree))
    if not hits:
        for degree, pattern in _ABBR_RE:
            m = pattern.search(t)
            if m:
                hits.append((m.start(), degree))
    if not hits:
        return None
    # Names that start at the same place: the first (most specific) table entry wins.
    first = min(h[0] for h in hits)
    return next(d for pos, d in hits if pos == first)
