"""The shipped systemd unit, run as it restricts the crawl (issue 22).

systemd is not PID 1 on test machines, so the restrictions the unit sets that the kernel offers
to any process are applied to the crawl directly, before it starts (`preexec`):
`MemoryDenyWriteExecute=` as prctl(PR_SET_MDWE), `NoNewPrivileges=` as
prctl(PR_SET_NO_NEW_PRIVS), `UMask=` as umask. The crawl then fetches real HTTPS (TLS through
Twisted and pyOpenSSL, as on the live web) from a loopback server. The file-system and
system-call restrictions (`ProtectSystem=`, `SystemCallFilter=`, ...) are checked by
`systemd-analyze verify` in tests/test_operator.py.

`MemoryDenyWriteExecute=yes` is not in the unit: pyOpenSSL's callbacks (cffi) need memory that
is written and then executed, and under it every HTTPS fetch fails; the second test keeps the
reason true.
"""

from __future__ import annotations

import ctypes
import datetime
import os
import ssl
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from crawler.history.stage import read_crawl_dir
from tests.conftest import NEWER, ROOT, SITES
from tests.support.netserver import Canary, FaultServer

UNIT = ROOT / "contrib" / "systemd" / "mlis-crawler.service"
PR_SET_NO_NEW_PRIVS, PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 38, 65, 1
PAGES = ("/catalog/programinfo/LISMA", "/ma-library-information-science/admissions-cost")


def unit_settings(text: str) -> dict[str, str]:
    settings = {}
    for line in text.splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip()
    return settings


def _prctl(*args: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(*args, *([0] * (5 - len(args)))) != 0:
        raise OSError(ctypes.get_errno(), f"prctl{args} failed")


def preexec(settings: dict[str, str]):
    """The unit's process restrictions, applied in the child before it runs the crawl."""
    def apply() -> None:
        if settings.get("UMask"):
            os.umask(int(settings["UMask"], 8))
        if settings.get("NoNewPrivileges") == "yes":
            _prctl(PR_SET_NO_NEW_PRIVS, 1)
        if settings.get("MemoryDenyWriteExecute") == "yes":
            _prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN)
    return apply


def mdwe_supported() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import ctypes; import sys; libc = ctypes.CDLL(None);"
                            f"sys.exit(libc.prctl({PR_SET_MDWE}, {PR_MDWE_REFUSE_EXEC_GAIN}, 0, 0, 0) != 0)"])
    return probe.returncode == 0


def certificate(folder) -> tuple[str, str]:
    """A self-signed certificate for 127.0.0.1 (the crawler, as Scrapy by default, does not verify)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)


def https_crawl(tmp_path, settings: dict[str, str]) -> dict[str, str]:
    """Crawl two pages over HTTPS from loopback under `settings`' restrictions: path -> outcome."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate(tmp_path))
    out = tmp_path / "out"
    with Canary() as canary, FaultServer([SITES / NEWER / "grad.arizona.edu", SITES / NEWER / "infosci.arizona.edu"],
                                         canary.port, 1_000_000) as server:
        server._httpd.socket = context.wrap_socket(server._httpd.socket, server_side=True)
        base = server.base.replace("http://", "https://")
        command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--log-file", str(out / "crawl.log"),
                   "--spider", "net_tls"]
        for key, value in {"SPIDER_MODULES": "spiders,tests.support.net_spiders", "NET_BASE": base,
                           "MLIS_ALLOW_PRIVATE_HOSTS": "127.0.0.1", "DOWNLOAD_DELAY": "0", "RETRY_TIMES": "0",
                           "DOWNLOAD_TIMEOUT": "3"}.items():
            command += ["--set", f"{key}={value}"]
        subprocess.run(command, check=True, cwd=ROOT, timeout=120, stdin=subprocess.DEVNULL,
                       preexec_fn=preexec(settings))
    pages = read_crawl_dir(out)["net_tls"].pages
    return {urlsplit(p["url"]).path: p["outcome"] for p in pages if urlsplit(p["url"]).path in PAGES}


def test_the_crawl_fetches_https_under_the_shipped_units_restrictions(tmp_path):
    settings = unit_settings(UNIT.read_text())
    assert settings.get("NoNewPrivileges") == "yes" and settings.get("UMask")
    assert https_crawl(tmp_path, settings) == {page: "ok" for page in PAGES}


def test_denying_write_execute_memory_breaks_https_so_the_unit_does_not_set_it(tmp_path):
    if not mdwe_supported():
        pytest.skip("this kernel has no PR_SET_MDWE (Linux 6.3+): MemoryDenyWriteExecute cannot be emulated here")
    settings = {**unit_settings(UNIT.read_text()), "MemoryDenyWriteExecute": "yes"}
    outcomes = https_crawl(tmp_path, settings)
    assert outcomes and "ok" not in outcomes.values(), outcomes
    assert "MemoryDenyWriteExecute=yes" not in UNIT.read_text()
