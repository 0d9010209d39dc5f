"""Store fixtures: every store test runs against SQLite and against a real PostgreSQL server, a throwaway cluster
started once per test session (initdb in a temporary folder, a free port on 127.0.0.1), a fresh database per test."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from glob import glob
from pathlib import Path

import pytest

from storytrace.store import open_store

# Debian installs the server programs here, off the PATH.
DEBIAN_BINARIES = "/usr/lib/postgresql/[0-9]*/bin"
# The system user Debian's package creates: the server refuses to run as root.
SERVER_USER = "postgres"
# Seconds to wait for the server to accept connections, or to stop.
START_TIMEOUT = 60
# Durability is pointless for a cluster deleted at the end of the session and costs seconds per test.
FAST_UNSAFE = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")


class Cluster:
    """A PostgreSQL server on a cluster in a temporary folder, run as `postgres` when the tests run as root. The
    server is a child of the test process that stops when it ends, even if it is killed."""

    def __init__(self) -> None:
        self.bin = _server_binaries()
        self.root = Path(tempfile.mkdtemp(prefix="storytrace-pg-"))
        self.data = self.root / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, SERVER_USER, SERVER_USER)
        self.port = _free_port()
        # An ICU English default collation orders "a" before "B": the store must ask for byte order itself to
        # sort like SQLite, and tests see it if it does not.
        initdb = subprocess.run(
            self._command("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                          "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US", "--no-sync",
                          "--no-instructions"), capture_output=True, text=True, cwd=self.root)
        if initdb.returncode != 0:
            self._fail(f"initdb failed ({initdb.returncode}): {initdb.stderr.strip()}")
        self.log = (self.root / "server.log").open("w")
        # Fast shutdown (SIGINT) when the test process dies without stopping the server itself.
        self.server = subprocess.Popen(
            self._command("postgres", "-D", self.data, "-h", "127.0.0.1", "-p", self.port, "-k", self.root,
                          *FAST_UNSAFE, pdeathsig="INT"),
            stdout=self.log, stderr=subprocess.STDOUT, cwd=self.root)
        self._wait_until_ready()
        self._names = itertools.count(1)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = f"storytrace_test_{next(self._names)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self.server.send_signal(signal.SIGINT)  # fast shutdown: open sessions are ended
            self.server.wait(START_TIMEOUT)
        finally:
            self.log.close()
            shutil.rmtree(self.root, ignore_errors=True)

    def _command(self, program: str, *args: object, pdeathsig: str = "keep") -> list[str]:
        """`program` run as the server user when the tests run as root (setpriv: no shell, same process)."""
        user = ["--reuid", SERVER_USER, "--regid", SERVER_USER, "--init-groups"] if self.as_root else []
        return ["setpriv", "--pdeathsig", pdeathsig, *user, str(self.bin / program), *map(str, args)]

    def _wait_until_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.server.poll() is not None:
                self._fail(f"postgres exited ({self.server.returncode})")
            try:
                psycopg.connect(self.url("postgres"), connect_timeout=2).close()
                return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    self.server.kill()
                    self._fail(f"postgres did not accept connections within {START_TIMEOUT} s ({exc})")
                time.sleep(0.1)

    def _fail(self, message: str) -> None:
        log = self.root / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        pytest.fail(f"throwaway PostgreSQL in {self.root}: {message}\n{tail}", pytrace=False)


def _server_binaries() -> Path:
    """The folder holding initdb and postgres: on the PATH, else Debian's newest installed version."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob(DEBIAN_BINARIES), key=lambda folder: int(Path(folder).parent.name))
    if not versions:
        pytest.fail("PostgreSQL server programs (initdb, postgres) not found: `make test` installs Debian's "
                    "postgresql package, or run `sudo apt-get install -y postgresql`", pytrace=False)
    return Path(versions[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    name = postgres_cluster.create_database()
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "t.db")


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh database of each kind in turn: the test runs once per store."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def store(db_url: str):
    db = open_store(db_url)
    yield db
    db.close()
