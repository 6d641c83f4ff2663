"""Alerts after a night: by mail (smtplib + email.message) and/or a JSON POST to a webhook (urllib).

A night alerts when it failed, has broken sites, or has changes waiting for review. The alert
carries the night's summary line (the mail's subject), why it alerts, the commands to run next
(ready to paste: `crawler.commandline.command`, the program as the night ran it), and the report: the
Markdown report as the mail's body with report.html attached, and a link ([notify] report_url,
"{crawl_id}" replaced) or the report's path on this machine. The webhook gets one JSON object
whose `text` is the summary line, so Slack- and Mattermost-style incoming webhooks show it as is.

An alert that cannot be delivered (no server, refused, timed out) is logged as an error and
never fails the night: the report on disk is the record, the alert only points at it.

Hand-written rather than Apprise: two transports from the standard library, tested against
real loopback servers, against a dependency that brings ~100 services and their libraries into
the process that reads untrusted pages.
"""

from __future__ import annotations

import email.policy
import json
import logging
import smtplib
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from crawler.commandline import command
from crawler.config import Notify
from crawler.report.describe import visible

log = logging.getLogger(__name__)


@dataclass
class Night:
    """What an alert says about one night."""

    summary: str
    crawl_id: str | None = None
    report_dir: Path | None = None
    failed: str | None = None           # why the night could not finish, if it did not
    broken: list[str] = field(default_factory=list)
    pending: int = 0
    data: str | None = None             # the data folder, for the commands the alert prints

    @property
    def reasons(self) -> list[str]:
        out = []
        if self.failed:
            out.append(f"the night failed: {self.failed}")
        if self.broken:
            out.append(f"{len(self.broken)} site(s) broken: {', '.join(self.broken)}")
        if self.pending:
            out.append(f"{self.pending} change(s) waiting for review")
        return out

    @property
    def commands(self) -> list[str]:
        """What to run next, ready to paste on the machine that ran the night (its program as run)."""
        if self.data is None:
            return []
        out = []
        if self.pending:
            out.append(f"{command('review', '--data', self.data)}   # what waits, with the commands that decide it")
        if self.failed or self.broken:
            out.append(f"{command('crawls', '--data', self.data)}   # every night, failed ones with why")
        return out


def night_from_report(report: dict, report_dir: Path, data: Path | None = None) -> Night:
    c = report["counts"]
    return Night(summary=report["summary"], crawl_id=report["crawl_id"], report_dir=report_dir,
                 broken=[s["name"] for s in report["spiders"] if s["health"] != "ok"],
                 pending=c["pending"] + c["still_pending"], data=str(data) if data is not None else None)


def report_link(notify: Notify, night: Night) -> str | None:
    if notify.report_url and night.crawl_id:
        return notify.report_url.replace("{crawl_id}", night.crawl_id)
    if night.report_dir is not None and (night.report_dir / "report.html").exists():
        return str((night.report_dir / "report.html").resolve())
    return None


def alert(notify: Notify, night: Night) -> list[str]:
    """Send the alerts the night calls for; returns the transports that delivered."""
    if not night.reasons or not notify.enabled:
        return []
    sent = []
    if notify.email_to:
        try:
            send_mail(notify, night)
            sent.append("mail")
            log.info("alert mailed to %s", ", ".join(notify.email_to))
        except (OSError, smtplib.SMTPException) as exc:
            log.error("alert by mail to %s via %s:%s failed: %s", ", ".join(notify.email_to),
                      notify.smtp_host, notify.smtp_port, exc)
    if notify.webhook:
        try:
            post_webhook(notify, night)
            sent.append("webhook")
            log.info("alert posted to %s", notify.webhook)
        except (OSError, ValueError) as exc:  # URLError and HTTPError are OSErrors; a bad URL a ValueError
            log.error("alert to webhook %s failed: %s", notify.webhook, exc)
    return sent


def body(notify: Notify, night: Night) -> str:
    lines = [night.summary, "", "Why this alert:"] + [f"- {r}" for r in night.reasons]
    link = report_link(notify, night)
    if link:
        lines += ["", f"Report: {link}"]
    if night.commands:
        lines += ["", "Next:"] + [f"    {c}" for c in night.commands]
    markdown = night.report_dir / "report.md" if night.report_dir else None
    if markdown is not None and markdown.exists():
        lines += ["", "-" * 72, "", markdown.read_text(encoding="utf-8")]
    return "\n".join(lines) + "\n"


def send_mail(notify: Notify, night: Night) -> None:
    # Lines up to RFC 5322's hard limit: the default 78 folds a summary line oddly (before its first word).
    message = EmailMessage(policy=email.policy.SMTP.clone(max_line_length=998))
    message["Subject"] = " ".join(visible(night.summary).split())  # one line: a header cannot be split by page text
    message["From"] = notify.email_from
    message["To"] = ", ".join(notify.email_to)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="mlis-crawler")
    message.set_content(body(notify, night))
    html = night.report_dir / "report.html" if night.report_dir else None
    if html is not None and html.exists():
        message.add_attachment(html.read_bytes(), maintype="text", subtype="html", filename="report.html")
    with smtplib.SMTP(notify.smtp_host, notify.smtp_port, timeout=notify.timeout) as smtp:
        smtp.send_message(message)


def payload(notify: Notify, night: Night) -> dict[str, Any]:
    return {"text": night.summary, "summary": night.summary, "reasons": night.reasons, "crawl_id": night.crawl_id,
            "failed": night.failed, "broken_sites": night.broken, "pending": night.pending,
            "report": report_link(notify, night), "commands": night.commands}


def post_webhook(notify: Notify, night: Night) -> None:
    data = json.dumps(payload(notify, night), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(notify.webhook, data=data, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8",
                                              "User-Agent": "mlis-crawler alerts"})
    if not notify.webhook.startswith(("http://", "https://")):
        raise ValueError("webhook must be an http(s) URL")
    with urllib.request.urlopen(request, timeout=notify.timeout) as response:  # noqa: S310 (scheme checked)
        response.read()
