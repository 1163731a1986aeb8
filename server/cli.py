"""The ``doorstep`` command line."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from server import settings as settings_module
from server.settings import SettingsError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doorstep", description="Doorstep (家门口) service platform"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply database migrations")
    make = sub.add_parser(
        "makemigrations", help="write the next migration for SQLite and PostgreSQL"
    )
    make.add_argument("name")
    seed = sub.add_parser("seed-demo", help="fill an empty database with the demo city")
    seed.add_argument("--if-empty", action="store_true", help="do nothing when data exists")
    seed.add_argument(
        "--scale",
        choices=["demo", "city"],
        default="demo",
        help="demo: a small city to try; city: a big city on PostgreSQL, for benchmarks",
    )
    seed.add_argument(
        "--fraction",
        type=float,
        default=1.0,
        help="with --scale city: this share of every count (default 1.0), e.g. 0.001 for tests",
    )
    serve = sub.add_parser("serve", help="run the web server")
    _host_port(serve)
    serve.add_argument("--workers", type=int, default=1, help="web processes (default 1)")
    sub.add_parser("worker", help="run a background worker")
    up = sub.add_parser("up", help="migrate, seed when empty, run web + worker until Ctrl-C")
    _host_port(up)
    user = sub.add_parser("user", help="manage users")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="create a user, optionally with a role")
    add.add_argument("phone")
    add.add_argument("--password", required=True)
    add.add_argument("--name", default="")
    add.add_argument(
        "--role",
        default="resident",
        choices=["resident", "member", "staff", "admin", "grid_worker"],
    )
    add.add_argument(
        "--scope", default="", help="centre code (staff) or node code (admin, grid_worker, member)"
    )
    return parser


def _host_port(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = settings_module.get()
    except SettingsError as error:
        print(f"doorstep: configuration error: {error}", file=sys.stderr)
        return 2
    from server import commands  # heavy imports only once settings are known to be good

    if args.command == "migrate":
        return asyncio.run(commands.migrate(config))
    if args.command == "makemigrations":
        return commands.makemigrations(config, args.name)
    if args.command == "seed-demo":
        return asyncio.run(
            commands.seed_demo(config, args.if_empty, scale=args.scale, fraction=args.fraction)
        )
    if args.command == "serve":
        return commands.serve(config, args.host, args.port, args.workers)
    if args.command == "worker":
        return commands.worker(config)
    if args.command == "up":
        return commands.up(config, args.host, args.port)
    if args.command == "user":
        return asyncio.run(
            commands.user_add(config, args.phone, args.password, args.name, args.role, args.scope)
        )
    return 2


if __name__ == "__main__":
    sys.exit(main())
