"""The config file as typed models (issue 22): every mistake an operator makes is refused with
the key's name before a night starts; impolite settings load and are warned about; a broken file
still yields its valid [notify] section so the failed night alerts."""

from __future__ import annotations

import tomllib

import pytest

from crawler.config import Config, parse_config, salvage_notify, to_toml
from crawler.errors import ConfigError

MISTAKES = [
    ("[notify]\nsmtp_port = 99999\n", "[notify] smtp_port must be at most 65535, not 99999"),
    ("[notify]\nsmtp_port = 0\n", "[notify] smtp_port must be at least 1"),
    ("[notify]\nwebhook = \"ftp://chat.example.edu/hook\"\n", "[notify] webhook must be an http(s) URL"),
    ("[notify]\nwebhook = \"https://chat.example.edu:99999/hook\"\n", "[notify] webhook 'https://chat.example.edu:99999/hook' is not a valid URL"),
    ("[notify]\nwebhook = \"http://169.254.169.254/latest\"\n", "[notify] webhook must not point at 169.254.169.254"),
    ("[notify]\nreport_url = \"javascript:alert(1)\"\n", "[notify] report_url must be an http(s) URL"),
    ("[notify]\nemail_to = \"ops at example.edu\"\n", "[notify] email_to 'ops at example.edu' is not an e-mail address"),
    ("[notify]\nemail_to = [\"ok@example.edu\", \"x@y\"]\n", "[notify] email_to 'x@y' is not an e-mail address"),
    ("[notify]\nemail_from = \"<evil>\"\n", "[notify] email_from '<evil>' is not an e-mail address"),
    ("[notify]\ntimeout = -1\n", "[notify] timeout must be above 0"),
    ("[retention]\nbackups_keep = -2\n", "[retention] backups_keep must be at least 0, not -2"),
    ("[policy]\nmoney_jump = -25\n", "[policy] money_jump must be at least 0, not -25"),
    ("[policy]\nprogram_drop = 1.5\n", "[policy] program_drop must be between 0 and 1, not 1.5"),
    ("[policy]\nremoval_confirmations = 0\n", "[policy] removal_confirmations must be at least 1, not 0"),
    ("[policy]\nmoney_jump = nan\n", "[policy] money_jump must be a number, not nan"),
    ("[policy]\nbands = { total_credit = [24, 72] }\n", "[policy] bands: unknown field 'total_credit'"),
    ("[policy]\nbands = { total_credits = [-5, 72] }\n", "[policy] bands.total_credits: low -5 is below zero"),
    ("[crawl]\nsettings = { DOWNLOAD_DELAY = \"fast\" }\n", "[crawl] settings DOWNLOAD_DELAY must be a non-negative number, not 'fast'"),
    ("[crawl]\nsettings = { DOWNLOAD_DELAY = -1 }\n", "DOWNLOAD_DELAY must be a non-negative number, not -1"),
    ("[crawl]\nsettings = { ROBOTSTXT_OBEY = \"no\" }\n", "ROBOTSTXT_OBEY must be true or false, not 'no'"),
    ("[crawl]\nsettings = { DOWNLOD_DELAY = 2 }\n", "'DOWNLOD_DELAY' is not a Scrapy setting this crawler knows"),
    ("[crawl]\ncontact = \"  \"\n", "[crawl] contact must not be empty"),
    ("[crawl]\ncontact = \"ops@example.edu) evil (\"\n", "[crawl] contact must be an e-mail address or a URL"),
]


@pytest.mark.parametrize("text, message", MISTAKES, ids=[m.split(" must")[0][:40] for _, m in MISTAKES])
def test_each_mistake_is_refused_naming_its_key(text, message):
    with pytest.raises(ConfigError) as refused:
        parse_config(tomllib.loads(text))
    assert message in str(refused.value)


def test_a_valid_file_loads_and_prints_back_the_same():
    text = ('[crawl]\ncontact = "lis-data@example.edu"\nsettings = { DOWNLOAD_DELAY = 2.5, ROBOTSTXT_OBEY = true }\n'
            '[notify]\nemail_to = "ops@example.edu"\nsmtp_port = 587\nwebhook = "https://chat.example.edu/hooks/x"\n'
            '[policy]\nprogram_drop = 0.3\n[retention]\nbackups_keep = 0\n')
    config = parse_config(tomllib.loads(text))
    assert config.notify.email_to == ["ops@example.edu"] and config.notify.smtp_port == 587
    assert config.crawl.has_contact and not config.warnings()
    assert parse_config(tomllib.loads(to_toml(config))) == config
    assert not Config().crawl.has_contact  # the default contact is a placeholder


def test_impolite_settings_load_with_a_warning_each():
    config = parse_config(tomllib.loads("[crawl]\nsettings = { ROBOTSTXT_OBEY = false, DOWNLOAD_DELAY = 0 }\n"))
    warnings = config.warnings()
    assert len(warnings) == 2
    assert "robots.txt off" in warnings[0] and "DOWNLOAD_DELAY = 0" in warnings[1]


def test_a_broken_file_still_gives_its_valid_notify_section(tmp_path):
    (tmp_path / "mlis-crawler.toml").write_text(
        '[notify]\nemail_to = "ops@example.edu"\n[policy]\nmoney_jump = -1\n')
    with pytest.raises(ConfigError):
        parse_config(tomllib.loads((tmp_path / "mlis-crawler.toml").read_text()))
    notify = salvage_notify(tmp_path)
    assert notify is not None and notify.email_to == ["ops@example.edu"]
    (tmp_path / "mlis-crawler.toml").write_text('[notify]\nemail_to = "nobody"\n')
    assert salvage_notify(tmp_path) is None  # nothing valid to alert through
    (tmp_path / "mlis-crawler.toml").write_text('[notify\n')
    assert salvage_notify(tmp_path) is None
