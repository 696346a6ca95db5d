"""Command line for the service.

    python -m api create-user --email E --password P --role advisor|staff|admin
    python -m api migrate            # bring the database to the newest schema
    python -m api purge              # erase personal data of cases closed longer than the retention

The database is the service's (VV_DATABASE_URL / DATABASE_URL; SQLite .run/vagvisaren.db by default).
"""
from __future__ import annotations

import argparse
import getpass
import sys

from api.cases.service import purge_closed
from api.db import make_engine, session_factory, utcnow
from api.migrate import upgrade
from api.settings import get_settings
from api.users.service import UserError, create_user


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    user = commands.add_parser("create-user", help="add an advisor, staff member or admin")
    user.add_argument("--email", required=True)
    user.add_argument("--password", help="asked for when left out (keeps it out of the shell history)")
    user.add_argument("--role", required=True, choices=["advisor", "staff", "admin"])
    commands.add_parser("migrate", help="upgrade the database schema")
    commands.add_parser("purge", help="apply the retention rule now")
    args = parser.parse_args(argv)

    settings = get_settings()
    engine = make_engine(settings.database_url)
    upgrade(engine)
    if args.command == "migrate":
        print("The database schema is up to date.")
        return 0
    with session_factory(engine)() as session:
        if args.command == "create-user":
            password = args.password or getpass.getpass("Lösenord: ")
            try:
                created = create_user(session, args.email, password, args.role)
            except UserError as exc:
                print(f"Fel: {exc}", file=sys.stderr)
                return 2
            session.commit()
            print(f"Skapade {created.role} {created.email} (id {created.id}).")
        else:
            purged = purge_closed(session, settings.retention_days, utcnow())
            session.commit()
            print(f"Personuppgifter rensade ur {len(purged)} avslutade ärenden"
                  + (f": {', '.join(purged)}" if purged else "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
