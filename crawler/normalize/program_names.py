"""Program and concentration names: what a title names, and the program id made from it.

Pure text -> text, like every normalizer. Spiders call these instead of writing their own
prefix, suffix and slug rules, so two universities' titles are read the same way.

    concentration_in("MLS with Certificate in School Librarianship") -> "Certificate in School Librarianship"
    concentration_in("Master of Library Science with Certificate in Community Information")
                                                                      -> "Certificate in Community Information"
    concentration_in("Library and Information Science (Licensure) MLIS") -> "Licensure"
    concentration_in("Master of Library Science (MLS)")              -> None (the degree alone)
    concentration_name("Law Librarianship (Joint JD/MS with the UB School of Law)") -> "Law Librarianship"
    concentration_name("School Library Licensure Emphasis")          -> "School Library Licensure"
    concentration_name("Archives and Special Collections Graduate Certificate") -> "Archives and Special Collections"
    concentration_name("Law librarianship, with a concurrent JD")    -> "Law librarianship"
    program_slug("Law & Legal Information")                           -> "law-legal-information"
    program_slug("Archives and Special Collections", omit=("and",))   -> "archives-special-collections"
"""

from __future__ import annotations

import re

# "<degree> with <concentration>": "MLS with Archives ...", "MLS with Certificate in ...", and the
# degree spelled out, "Master of Library Science with Certificate in Community Information".
_DEGREE_WITH = re.compile(r"^\s*(?:[A-Z][A-Za-z.]{1,7}|Master\s+of\s+[A-Z][A-Za-z&\s]*?)\s+with\s+(?P<rest>\S.*)$")
# What qualifies a concentration's title without being its name: a trailing parenthetical
# ("(Joint JD/MS with the UB School of Law)") and a trailing kind word ("emphasis").
_TRAILING_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")
# "Law librarianship, with a concurrent JD": a trailing ", with ..." clause says how it is taken.
_TRAILING_WITH = re.compile(r",\s*with\b.*$", re.I)
_TRAILING_KIND = re.compile(r"\s+(?:emphasis|concentration|track|specialization|(?:graduate\s+)?certificate)\s*$", re.I)
# "<field> (<track>) <degree abbreviation>": "Library and Information Science (Licensure) MLIS".
_TRACK_IN_DEGREE = re.compile(r"^[^()]+\((?P<track>[^()]+)\)\s+[A-Z][A-Za-z.]{1,7}\s*$")


def concentration_name(title: str | None) -> str:
    """The concentration's name as its title gives it, without a trailing parenthetical, a
    trailing ", with ..." clause or a trailing "emphasis"/"concentration"/"track"/"specialization"/
    "(graduate) certificate"; "" for no title."""
    name = " ".join((title or "").split())
    name = _TRAILING_WITH.sub("", _TRAILING_PARENTHETICAL.sub("", name))
    return _TRAILING_KIND.sub("", name).strip()


def concentration_in(title: str | None) -> str | None:
    """The concentration a program's title names after its degree ("<degree> with <name>"),
    cleaned by `concentration_name`; None when the title names the degree alone."""
    title = " ".join((title or "").split())
    track = _TRACK_IN_DEGREE.match(title)
    if track:
        return concentration_name(track["track"]) or None
    found = _DEGREE_WITH.match(title)
    return concentration_name(found["rest"]) or None if found else None


def program_slug(text: str | None, omit: tuple[str, ...] = ()) -> str:
    """A program-id slug: lowercase words joined by "-", every other character dropped.

    `omit` lists whole words or phrases left out of the slug (ignoring case): a university's ids
    were minted once, and an id never changes, so a spider states the words its ids leave out."""
    text = text or ""
    for phrase in omit:
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text, flags=re.I)
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
