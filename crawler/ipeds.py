"""IPEDS: each school's official graduate per-credit charge, a second source for scraped tuition.

IPEDS (NCES, U.S. Department of Education) publishes every year, per institution (`UNITID`), the
charge per credit hour for part-time graduate students: in-state `HRCHG6`, out-of-state `HRCHG7`,
and from the 2024-25 collection the per-credit fees `HRCHF6`, `HRCHF7`. Through 2023-24 they sit
in the academic-year file `ICyyyy_AY` (IC2022_AY holds 2022-23); from 2024-25 in the cost file
`COST1_yyyy`. The operator downloads one of them (CSV) and points the config at it.

    ipeds = load(Path("COST1_2024.csv"))          # every row checked; an error names the line
    reason = check_rate(rate, "176372", ipeds)    # None, or why the rate should wait for review

The file is untrusted input: its size is bounded, every row is validated, and an error names the
line. Missing values are IPEDS's sentinels (-1 not reported, -2 not applicable, -3 not available,
`.` in some releases) and an empty cell: they hold nothing, and nothing is said about them.

    python -m crawler.ipeds FILE [UNITID ...]     what the file holds (for the given schools)
"""

from __future__ import annotations

import csv
import io
import math
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crawler.errors import ConfigError

MAX_BYTES = 64 * 1024 * 1024  # a whole year's file is about 4 MB
MAX_ROWS = 20_000             # about 6,000 institutions a year
MAX_CHARGE = Decimal(100_000)  # per credit: anything above is not a charge
SENTINELS = frozenset({"", ".", "-1", "-2", "-3"})
REQUIRED = ("UNITID", "HRCHG6", "HRCHG7")
# IPEDS column -> Charges attribute. HRCHF* exist from the 2024-25 collection on.
COLUMNS = {"HRCHG6": "in_state", "HRCHG7": "out_of_state", "HRCHF6": "in_state_fee", "HRCHF7": "out_of_state_fee"}
# Which charges a scraped residency is compared with.
BANDS = {"in_state": ("HRCHG6",), "out_of_state": ("HRCHG7",), "any": ("HRCHG6", "HRCHG7")}
_YEAR = re.compile(r"(?:^|[^0-9])(?:IC(?P<ic>20[0-9]{2})_AY|COST1_(?P<cost>20[0-9]{2}))(?:[^0-9]|$)", re.I)


class Charges(BaseModel):
    """One institution's graduate per-credit charges (None: IPEDS holds no value)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    unitid: str = Field(pattern=r"^[0-9]{6}$")
    in_state: Decimal | None = None
    out_of_state: Decimal | None = None
    in_state_fee: Decimal | None = None
    out_of_state_fee: Decimal | None = None

    @field_validator("in_state", "out_of_state", "in_state_fee", "out_of_state_fee", mode="before")
    @classmethod
    def _amount(cls, value):
        if value is None or (text := str(value).strip()) in SENTINELS:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"{text[:20]!r} is not an amount") from None
        if not amount.is_finite() or not 0 <= amount <= MAX_CHARGE:
            raise ValueError(f"{text[:20]} is not a per-credit charge (0 to {MAX_CHARGE})")
        return amount

    def charge(self, column: str) -> Decimal | None:
        return getattr(self, COLUMNS[column])


@dataclass(frozen=True)
class Ipeds:
    """A loaded IPEDS file: its rows by unit id, and the academic year it covers."""

    source: str
    year: str | None
    rows: Mapping[str, Charges] = field(default_factory=dict)

    def get(self, unitid: str | None) -> Charges | None:
        return self.rows.get(unitid) if unitid else None

    @property
    def label(self) -> str:
        return f"IPEDS {self.year}" if self.year else "IPEDS"


def year_of(name: str) -> str | None:
    """The academic year an IPEDS file name covers: IC2022_AY -> 2022-23, COST1_2024 -> 2024-25."""
    match = _YEAR.search(Path(name).stem)
    if not match:
        return None
    start = int(match["ic"] or match["cost"])
    return f"{start}-{(start + 1) % 100:02d}"


def parse(text: str, source: str = "IPEDS file", year: str | None = None) -> Ipeds:
    """Rows from the text of an IPEDS IC_AY or COST1 CSV (other columns ignored)."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = [name.strip().upper() for name in next(reader)]
    except StopIteration:
        raise ConfigError(f"{source}: the file is empty") from None
    except csv.Error as error:
        raise ConfigError(f"{source} line 1: {error}") from None
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ConfigError(f"{source}: no {', '.join(missing)} column: not an IPEDS IC_AY or COST1 file")
    duplicated = sorted({name for name in header if name in ("UNITID", *COLUMNS) and header.count(name) > 1})
    if duplicated:
        raise ConfigError(f"{source}: the column {', '.join(duplicated)} appears twice")
    where = {name: header.index(name) for name in ("UNITID", *COLUMNS) if name in header}
    rows: dict[str, Charges] = {}
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= MAX_ROWS:
                raise ConfigError(f"{source} line {line}: more than {MAX_ROWS:,} rows: not one IPEDS file")
            if len(record) != len(header):
                raise ConfigError(f"{source} line {line}: {len(record)} columns, the header has {len(header)}")
            values = {("unitid" if name == "UNITID" else COLUMNS[name]): record[i].strip() for name, i in where.items()}
            try:
                charges = Charges(**values)
            except ValidationError as error:
                problem = "; ".join(f"{_column(e['loc'])}: {e['msg']}" for e in error.errors())
                raise ConfigError(f"{source} line {line}: {problem}") from None
            if charges.unitid in rows:
                raise ConfigError(f"{source} line {line}: UNITID {charges.unitid} appears twice")
            rows[charges.unitid] = charges
    except csv.Error as error:
        raise ConfigError(f"{source} line {reader.line_num}: {error}") from None
    return Ipeds(source=source, year=year, rows=rows)


def _column(loc: tuple) -> str:
    name = str(loc[0]) if loc else "row"
    return "UNITID" if name == "unitid" else next((c for c, a in COLUMNS.items() if a == name), name)


def load(path: Path, *, year: str | None = None, max_bytes: int = MAX_BYTES) -> Ipeds:
    """The operator's downloaded IPEDS file; `year` defaults to the one its name states."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ConfigError(f"IPEDS file {path}: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise ConfigError(f"{path.name}: larger than {max_bytes:,} bytes: not one IPEDS file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # older NCES releases are Windows-1252
    return parse(text, path.name, year or year_of(path.name))


def _get(rate, name: str):
    return rate.get(name) if isinstance(rate, Mapping) else getattr(rate, name, None)


def check_rate(rate, institution_unitid: str | None, ipeds: Ipeds | None,
               low: float = 0.5, high: float = 2.0) -> str | None:
    """Why a scraped per-credit tuition should wait for review, or None.

    `rate` is a tuition rate (a normalized `Rate` or its dict: `kind`, `amount_usd`, `per`,
    `residency`). Only tuition per credit with residency in_state, out_of_state or any is compared:
    in_state with HRCHG6, out_of_state with HRCHG7, any with whichever of the two is nearer. A ratio
    of scraped to official outside [low, high] returns the reason; no file, no row, or a missing
    charge returns None (nothing held, nothing said).
    """
    if not 0 < low < 1 < high or not math.isfinite(high):
        raise ValueError(f"the IPEDS band must have 0 < low < 1 < high, not [{low}, {high}]")
    if ipeds is None or _get(rate, "kind") != "tuition" or _get(rate, "per") != "credit":
        return None
    columns = BANDS.get(_get(rate, "residency") or "any")
    charges = ipeds.get(institution_unitid)
    try:
        amount = Decimal(str(_get(rate, "amount_usd")))
    except InvalidOperation:
        return None
    if columns is None or charges is None or not amount.is_finite() or amount <= 0:
        return None
    ratios = [(amount / official, column, official) for column in columns
              if (official := charges.charge(column))]
    if not ratios:
        return None
    if any(Decimal(str(low)) <= ratio <= Decimal(str(high)) for ratio, _, _ in ratios):
        return None
    ratio, column, official = min(ratios, key=lambda r: abs(math.log(r[0])))
    times = f"{ratio:.1f}x" if ratio >= 3 else f"{ratio:.2f}x"  # 2.03x is outside a band of 2, 2.0x would not say so
    looks = ("a per-term or per-year figure read as per credit looks like this" if ratio > 1
             else "a fee, a discount or another school's rate read as tuition looks like this")
    return (f"${amount:,.2f} per credit is {times} the school's official graduate charge of ${official:,.2f} "
            f"per credit ({ipeds.label} {column}): online rates may differ, but {looks}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("-"):
        print("usage: python -m crawler.ipeds FILE [UNITID ...]", file=sys.stderr)
        return 2
    try:
        ipeds = load(Path(args[0]))
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    print(f"{ipeds.source}: {len(ipeds.rows):,} institutions, {ipeds.label}")
    for unitid in args[1:]:
        charges = ipeds.get(unitid)
        print(unitid, "not in the file" if charges is None else " ".join(
            f"{column}={charges.charge(column) if charges.charge(column) is not None else '-'}"
            for column in COLUMNS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
