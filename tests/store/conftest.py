"""Store fixtures: every store test runs against SQLite and against a real PostgreSQL server, a throwaway cluster
started once per test session (initdb in a temporary folder, a free port on 127.0.0.1), a fresh database per test."""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from glob import glob
from pathlib import Path

import pytest

from storytrace.store import open_store

# Debian installs the server programs here, off the PATH.
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin"
# The system user Debian's package creates: the server refuses to run as root.
SERVER_USER = "postgres"
# Seconds pg_ctl waits for the server to accept connections.
START_TIMEOUT = 60
# Durability is pointless for a cluster deleted at the end of the session and costs seconds per test.
FAST_UNSAFE = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class Cluster:
    """A PostgreSQL cluster living in a temporary folder, owned by `postgres` when the tests run as root."""

    def __init__(self) -> None:
        self.bin = _server_binaries()
        self.root = Path(tempfile.mkdtemp(prefix="storytrace-pg-"))
        self.data, self.log = self.root / "data", self.root / "server.log"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, SERVER_USER, SERVER_USER)
        self.port = _free_port()
        # An ICU English default collation orders "a" before "B": the store must ask for byte order itself to
        # sort like SQLite, and tests see it if it does not.
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US", "--no-sync",
                  "--no-instructions")
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", str(START_TIMEOUT), "-o",
                  f"-h 127.0.0.1 -p {self.port} -k {self.root} {FAST_UNSAFE}", "start")
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
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args: object) -> None:
        command = [str(self.bin / program), *map(str, args)]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            pytest.fail(f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{log}", pytrace=False)


def _server_binaries() -> Path:
    """The folder holding initdb and pg_ctl: on the PATH, else Debian's newest installed version."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob(DEBIAN_BINARIES), key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit()
                      else 0)
    if not versions:
        pytest.fail("PostgreSQL server programs (initdb, pg_ctl) not found: `make test` installs Debian's "
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
