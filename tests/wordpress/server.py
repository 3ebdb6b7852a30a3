"""A real, private, throwaway WordPress on loopback for the sync tests.

Debian's `wordpress` package (copied by hard links, so a site costs no disk),
a private MariaDB with its own data folder and socket, and `php -S` with a
router. Nothing is installed by hand and nothing outside the temporary folder
is touched; `stop()` removes everything.

    python tests/wordpress/server.py [--plugin]   # start one by hand, Ctrl-C stops it
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORDPRESS_SOURCE = Path("/usr/share/wordpress")
PLUGIN_FILE = ROOT / "packaging" / "wordpress" / "newsdesk-sync.php"
ROLES = ("administrator", "editor", "author", "contributor")


class HarnessError(RuntimeError):
    """The test WordPress could not be started; the message says which part failed."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """End a process started in its own session, and every worker it forked."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(10)
    # Workers may outlive their parent for a moment: make sure none is left.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(5)


def _wait_for(check, timeout: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise HarnessError(f"{what} did not come up within {timeout:.0f} s.\n{tail}")


@dataclass
class User:
    role: str
    id: int
    login: str
    app_password: str

    @property
    def auth(self) -> tuple[str, str]:
        return (self.login, self.app_password)


class MariaDB:
    """One private mariadbd: its own data folder, socket and port, root without password."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.datadir = folder / "data"
        self.socket = folder / "my.sock"
        self.port = _free_port()
        self.log = folder / "mariadb.log"
        self.process: subprocess.Popen[bytes] | None = None
        if len(str(self.socket)) > 100:
            raise HarnessError(f"MariaDB socket path too long for a Unix socket: {self.socket}")

    def start(self) -> None:
        for tool in ("mariadb-install-db", "mariadbd", "mariadb"):
            if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
                raise HarnessError(
                    f"{tool} is missing: install the packages in tests/system-packages.txt "
                    "(bash tests/run.sh does)."
                )
        as_root = ["--user=root"] if os.geteuid() == 0 else []
        install = subprocess.run(
            [
                "mariadb-install-db",
                "--no-defaults",
                f"--datadir={self.datadir}",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                *as_root,
            ],
            capture_output=True,
        )
        if install.returncode:
            raise HarnessError("mariadb-install-db failed:\n" + install.stderr.decode()[-2000:])
        mariadbd = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    mariadbd,
                    "--no-defaults",
                    f"--datadir={self.datadir}",
                    f"--socket={self.socket}",
                    f"--port={self.port}",
                    "--bind-address=127.0.0.1",
                    f"--pid-file={self.folder / 'my.pid'}",
                    "--skip-log-bin",
                    "--innodb-buffer-pool-size=32M",
                    "--innodb-flush-log-at-trx-commit=0",  # throwaway data: speed over durability
                    "--skip-name-resolve",
                    *as_root,
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _wait_for(self._ready, 20, "MariaDB", self.log)

    def _ready(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise HarnessError("mariadbd exited:\n" + self.log.read_text(errors="replace")[-2000:])
        return self.socket.exists() and self.sql("SELECT 1", check=False).returncode == 0

    def sql(self, statement: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(
            ["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot", "-e", statement],
            capture_output=True,
        )
        if check and done.returncode:
            raise HarnessError(f"SQL failed ({statement}): {done.stderr.decode()}")
        return done

    def stop(self) -> None:
        if self.process is not None:
            _stop_group(self.process)


@dataclass
class WordPress:
    """One installed site served by `php -S` on 127.0.0.1."""

    name: str
    folder: Path
    db: MariaDB
    with_plugin: bool
    plugin_file: Path = PLUGIN_FILE  # which companion plugin, when with_plugin
    port: int = field(default_factory=_free_port)
    users: dict[str, User] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    admin_password: str = field(default_factory=lambda: secrets.token_urlsafe(12))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api(self) -> str:
        return f"{self.url}/wp-json"

    @property
    def wpdir(self) -> Path:
        return self.folder / "wp"

    @property
    def log(self) -> Path:
        return self.folder / "php.log"

    def start(self) -> None:
        if not (WORDPRESS_SOURCE / "wp-load.php").exists():
            raise HarnessError(
                f"{WORDPRESS_SOURCE} is missing: install Debian's wordpress package "
                "(tests/system-packages.txt)."
            )
        self._copy_wordpress()
        self._write_config()
        self.db.sql(f"CREATE DATABASE `{self.name}`")
        env = {**os.environ, "NEWSDESK_WP_URL": self.url}
        installed = subprocess.run(
            ["php", str(HERE / "install.php"), str(self.wpdir), self.admin_password],
            capture_output=True,
            env=env,
            cwd=self.wpdir,
        )
        if installed.returncode:
            raise HarnessError(
                "WordPress install failed:\n"
                + installed.stdout.decode()[-1500:]
                + installed.stderr.decode()[-1500:]
            )
        try:
            data = json.loads(installed.stdout.decode().strip().splitlines()[-1])
        except (ValueError, IndexError) as exc:
            raise HarnessError(f"install.php said: {installed.stdout.decode()[-1500:]}") from exc
        for role, user in data["users"].items():
            self.users[role] = User(role, int(user["id"]), user["login"], user["app_password"])
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    "php",
                    "-S",
                    f"127.0.0.1:{self.port}",
                    "-t",
                    str(self.wpdir),
                    str(HERE / "router.php"),
                ],
                cwd=self.wpdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PHP_CLI_SERVER_WORKERS": "4"},
                # Its own process group: php -S forks workers, and stop() must end them all.
                start_new_session=True,
            )
        _wait_for(self._ready, 20, f"WordPress at {self.url}", self.log)

    def _ready(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise HarnessError("php -S exited:\n" + self.log.read_text(errors="replace")[-2000:])
        try:
            return httpx.get(f"{self.api}/", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def _copy_wordpress(self) -> None:
        try:  # hard links: instant and free; the core files are never written
            subprocess.run(
                ["cp", "-rlL", str(WORDPRESS_SOURCE), str(self.wpdir)],
                check=True,
                capture_output=True,
            )
        except subprocess.CalledProcessError:
            shutil.rmtree(self.wpdir, ignore_errors=True)
            subprocess.run(["cp", "-rL", str(WORDPRESS_SOURCE), str(self.wpdir)], check=True)
        # Our own config and content folder: unlink first, never write through a hard link.
        (self.wpdir / "wp-config.php").unlink()
        shutil.rmtree(self.wpdir / "wp-content")
        content = self.wpdir / "wp-content"
        for sub in ("mu-plugins", "plugins", "themes", "uploads"):
            (content / sub).mkdir(parents=True)
        shutil.copytree(HERE / "theme", content / "themes" / "newsdesk-test")
        for plugin in (HERE / "mu-plugins").glob("*.php"):
            shutil.copy(plugin, content / "mu-plugins" / plugin.name)
        if self.with_plugin:
            self.install_plugin(self.plugin_file)

    def install_plugin(self, plugin_file: Path) -> None:
        """Put (or replace) the companion plugin. On a running site this waits until it
        answers: PHP's opcache looks at a changed file only every few seconds."""
        target = self.wpdir / "wp-content" / "mu-plugins" / PLUGIN_FILE.name
        shutil.copy(plugin_file, target)
        if self.process is None:
            return
        version = re.search(r"Version: (\S+)", plugin_file.read_text()).group(1)

        def answers() -> bool:
            info = httpx.get(f"{self.api}/newsdesk/v1/info", timeout=5)
            return info.status_code == 200 and info.json().get("version") == version

        _wait_for(answers, 10, f"plugin {version} on {self.url}", self.log)

    def _write_config(self) -> None:
        salts = "\n".join(
            f"define('{key}', '{secrets.token_hex(24)}');"
            for key in (
                "AUTH_KEY",
                "SECURE_AUTH_KEY",
                "LOGGED_IN_KEY",
                "NONCE_KEY",
                "AUTH_SALT",
                "SECURE_AUTH_SALT",
                "LOGGED_IN_SALT",
                "NONCE_SALT",
            )
        )
        (self.wpdir / "wp-config.php").write_text(
            f"""<?php
define('DB_NAME', '{self.name}');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{self.db.socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
{salts}
$table_prefix = 'wp_';
define('WP_HOME', '{self.url}');
define('WP_SITEURL', '{self.url}');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', '{self.url}/wp-content');
if (!defined('ABSPATH')) {{ define('ABSPATH', __DIR__ . '/'); }}
require_once ABSPATH . 'wp-settings.php';
"""
        )

    def stop(self) -> None:
        if self.process is not None:
            _stop_group(self.process)

    def client(self, role: str = "administrator", **kwargs) -> httpx.Client:
        """A raw REST client as a user of `role`: the web editor's path in the tests."""
        kwargs.setdefault("timeout", 30)
        return httpx.Client(base_url=self.api, auth=self.users[role].auth, **kwargs)


class Harness:
    """One MariaDB and up to two sites (with and without the companion plugin)."""

    def __init__(self) -> None:
        # Short and private: Unix socket paths must stay under ~100 characters.
        self.folder = Path(tempfile.mkdtemp(prefix="ndwp-", dir="/tmp"))
        self.db = MariaDB(self.folder)
        self.sites: dict[str, WordPress] = {}
        self._db_started = False

    def site(self, with_plugin: bool) -> WordPress:
        return self.named_site("wp_plugin" if with_plugin else "wp_plain", with_plugin)

    def named_site(
        self, name: str, with_plugin: bool, plugin_file: Path = PLUGIN_FILE
    ) -> WordPress:
        """A site of its own (its own database), started on first use."""
        if name not in self.sites:
            if not self._db_started:
                self.db.start()
                self._db_started = True
            folder = self.folder / name
            folder.mkdir()
            site = WordPress(name, folder, self.db, with_plugin, plugin_file)
            self.sites[name] = site
            site.start()
        return self.sites[name]

    def stop(self) -> None:
        for site in self.sites.values():
            site.stop()
        self.db.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def main() -> int:
    harness = Harness()
    try:
        started = time.monotonic()
        site = harness.site("--plugin" in sys.argv)
        print(f"WordPress at {site.url} in {time.monotonic() - started:.1f} s")
        for user in site.users.values():
            print(f"  {user.role:<14} {user.login:<12} {user.app_password}")
        print(f"  admin web password: {site.admin_password}   (Ctrl-C stops and deletes it)")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        harness.stop()


if __name__ == "__main__":
    raise SystemExit(main())
