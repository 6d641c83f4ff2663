"""`mlis-crawler new-university`: the files it writes work, and bad input is refused (exit 2)
before anything is written. Run against a scratch checkout (scrapy.cfg and spiders/ in tmp_path);
tests/test_spider_contract.py and tests/spiders/ skip a university written so, by name."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawler.crawl import recordings
from crawler.items import FactItem, ProgramItem
from crawler.scaffold import registrable_domain
from tests.conftest import ROOT
from tests.support.datadir import cli

# A university no spider of the project is (the check must hold in a checkout that has just
# scaffolded a real one, sjsu say, too).
URL = "https://ischool.probe-state.edu/programs/master-library-information-science"
NAME = "Probe José State University"


@pytest.fixture
def checkout(tmp_path):
    root = tmp_path / "checkout"
    (root / "spiders").mkdir(parents=True)
    shutil.copy(ROOT / "scrapy.cfg", root / "scrapy.cfg")
    return root


def files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_it_writes_a_working_spider_its_recorded_site_folder_and_expected_records(checkout):
    result = cli("new-university", "probe", "--name", NAME, "--url", URL, "--date", "2026-12-01", "--root", str(checkout))
    assert result.returncode == 0, result.stderr
    assert files(checkout) == ["fixtures/notes/probe.md", "fixtures/sites/2026-12-01/ischool.probe-state.edu/.recording-pending",
                               "scrapy.cfg", "spiders/probe.py", "tests/expected/probe/2026-12-01.json"]
    # The spider: on the base, its start page the URL, its domain the URL's registrable one.
    spec = importlib.util.spec_from_file_location("scaffolded_probe", checkout / "spiders" / "probe.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cls = module.ProbeSpider
    assert (cls.name, cls.allowed_domains, cls.start_pages) == ("probe", ["probe-state.edu"], {URL: "parse_program"})
    assert (cls.institution.name, cls.institution.website) == (NAME, "probe-state.edu")
    # What nobody has read off the pages yet is unknown (null when published), not "" (issue 22).
    institution = cls.institution
    assert (institution.city, institution.state, institution.control, institution.ipeds_unitid) == (None,) * 4
    # ... and it reads a page: the program and its identity facts.
    spider = cls()
    request = spider.request(URL, spider.parse_program)
    body = "<html><body><main><h1>Master of Library and Information Science</h1></main></body></html>".encode()
    out = list(spider._read(HtmlResponse(url=URL, body=body, request=request, status=200), **request.cb_kwargs))
    assert [i.program_id for i in out if isinstance(i, ProgramItem)] == ["probe/mlis"]
    assert {(f.field, f.text) for f in out if isinstance(f, FactItem)} == {
        ("name", "Master of Library and Information Science"), ("degree", "Master of Library and Information Science")}
    # The expected-records skeleton names its program; the folder waits for its pages.
    skeleton = json.loads((checkout / "tests/expected/probe/2026-12-01.json").read_text())
    assert skeleton["programs"] == {"probe/mlis": {}} and skeleton["every_program"] == {}
    sites = checkout / "fixtures" / "sites"
    assert list(recordings.pending(sites, {"probe": ["probe-state.edu"]})) == ["probe"]
    assert recordings.nights(sites, {"probe": ["probe-state.edu"]}) == []  # in no night until recorded
    assert NAME in (checkout / "fixtures/notes/probe.md").read_text()


REFUSED = [
    (["Bad-Id"], "bad university id"),
    (["1sjsu"], "bad university id"),
    (["class"], "bad university id"),
    (["arizona"], "already exists"),                                              # a spider of the project
    (["probe2", "--url", "ftp://ischool.probe-state.edu/mlis"], "must be an http(s) URL"),
    (["probe2", "--url", "ischool.probe-state.edu/mlis"], "must be an http(s) URL"),
    (["probe2", "--url", "http://10.0.0.7/mlis"], "not an address"),
    (["probe2", "--url", "https://infosci.arizona.edu/mlis"], "already crawled by spider 'arizona'"),
    (["probe2", "--date", "yesterday"], "--date must be YYYY-MM-DD"),
    (["probe2", "--name", "  "], "--name must name the university"),
    # Untrusted text never becomes code (redteam F9): a quote in the host, a URL urlsplit refuses.
    (["probe2", "--url", 'http://a.edu"+str(__import__("os").getcwd())+"/mlis'], "must name a host"),
    (["probe2", "--url", 'http://a.edu/"+str(1)+" x'], "without spaces"),
    (["probe2", "--url", "https://www.typo.edu\"/mlis"], "must name a host"),
    (["probe2", "--url", "http://x.edu[1]/x"], "not a valid URL"),
    (["probe2", "--url", "http://../p"], "must name a host"),                   # redteam F23: a real host name
    (["probe2", "--url", "http://a..edu/p"], "must name a host"),
    (["probe2", "--name", "Evil\x1b[2JU"], "plain text"),
]


@pytest.mark.parametrize("args, message", REFUSED, ids=[m for _, m in REFUSED])
def test_bad_input_is_refused_with_exit_2_and_writes_nothing(checkout, args, message):
    spider_id, *options = args
    defaults = {"--name": NAME, "--url": URL}
    for key, value in zip(options[::2], options[1::2]):
        defaults[key] = value
    before = files(checkout)
    result = cli("new-university", spider_id, *[x for kv in defaults.items() for x in kv], "--root", str(checkout))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("mlis-crawler: error: ") and message in result.stderr, result.stderr
    assert files(checkout) == before


def test_a_name_with_quotes_stays_a_name(checkout):
    """A name closing the docstring and calling os.system (redteam F9) is written as text."""
    name = 'Evil U"""; __import__("os").system("touch PWNED_NAME"); """ \\ end'
    result = cli("new-university", "probe", "--name", name, "--url", URL, "--root", str(checkout))
    assert result.returncode == 0, result.stderr
    source = (checkout / "spiders" / "probe.py").read_text()
    namespace: dict = {}
    exec(compile(source, "probe.py", "exec"), namespace)  # noqa: S102 - the point: it runs nothing
    assert not (checkout / "PWNED_NAME").exists() and not Path("PWNED_NAME").exists()
    spider = namespace["ProbeSpider"]
    assert spider.institution.name == name and namespace["__doc__"].startswith(name)


def test_an_existing_spider_file_is_never_overwritten(checkout):
    (checkout / "spiders" / "probe.py").write_text("# mine\n")
    result = cli("new-university", "probe", "--name", NAME, "--url", URL, "--root", str(checkout))
    assert result.returncode == 2 and "already exists" in result.stderr
    assert (checkout / "spiders" / "probe.py").read_text() == "# mine\n"


def test_outside_the_checkout_it_says_where_to_run(tmp_path):
    result = cli("new-university", "probe", "--name", NAME, "--url", URL, "--root", str(tmp_path))
    assert result.returncode == 2 and "not the project checkout" in result.stderr


@pytest.mark.parametrize("host, domain", [
    ("ischool.sjsu.edu", "sjsu.edu"), ("www.lsu.edu", "lsu.edu"), ("du.edu", "du.edu"),
    ("www.ischool.ox.ac.uk", "ox.ac.uk"), ("sis.ucl.ac.uk", "ucl.ac.uk"), ("www.uni-x.de", "uni-x.de"),
])
def test_registrable_domain(host, domain):
    assert registrable_domain(host) == domain
