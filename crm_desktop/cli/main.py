"""``crm-desktop``: start the GUI, or run one job from the command line.

Exit codes: 0 ok, 1 error (one human line on stderr, never a traceback), 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from crm_desktop import __version__
from crm_desktop.cli.context import CliContext
from crm_desktop.clock import start_zone, valid_zone_name
from crm_desktop.errors import CrmError, MultipleErrors

# Each module has ``register(subparsers)`` and sets ``func(ctx, args) -> int`` on its parsers.
COMMAND_MODULES = [
    "crm_desktop.cli.cmd_store",  # check, backup, restore
    "crm_desktop.cli.cmd_demo",  # demo-data, search
    "crm_desktop.cli.cmd_interop",  # import, export
    "crm_desktop.cli.cmd_mail",  # import-mail
    "crm_desktop.cli.cmd_dedup",  # duplicates
    "crm_desktop.cli.cmd_sales",  # ticket, orders
    "crm_desktop.cli.cmd_calendar",  # due, calendar
    "crm_desktop.cli.cmd_reports",  # report
    "crm_desktop.cli.cmd_privacy",  # privacy
    "crm_desktop.cli.cmd_ui",  # screenshot
    "crm_desktop.cli.cmd_campaigns",  # campaign
    "crm_desktop.cli.cmd_crypto",  # encrypt, decrypt
    "crm_desktop.cli.cmd_rules",  # rules show|set|reset
    "crm_desktop.cli.cmd_fields",  # fields list|define|rename|delete
    "crm_desktop.cli.cmd_departments",  # departments list|rename|delete|move
]

log = logging.getLogger("crm_desktop.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


# global options that take a value (the next argument is not a sub-command)
_VALUE_OPTIONS = {"--data-dir", "--database-url", "--lang", "--phone-region", "--tz"}


def wants_command(argv: Sequence[str]) -> bool:
    """True when ``argv`` names a sub-command (or asks for help): only then are the
    command modules imported. Starting the window skips them (about half a second)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("-h", "--help"):
            return True
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return True
    return False


def _phone_region(value: str) -> str:
    """``--phone-region``: a two-letter region code phone numbers know ("at" → "AT")."""
    import phonenumbers

    region = value.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise argparse.ArgumentTypeError(f"unknown phone region “{value}” (e.g. DE, AT, CH)")
    return region


def _time_zone(value: str) -> str:
    name = valid_zone_name(value.strip())
    if name is None:
        raise argparse.ArgumentTypeError(f"unknown time zone “{value}” (e.g. Europe/Berlin)")
    return name


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="crm-desktop",
        description="An offline desktop CRM. Without a sub-command the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"crm-desktop {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: the user data dir; env CRM_DESKTOP_DATA_DIR)",
    )
    parser.add_argument(
        "--database-url", metavar="URL", help="PostgreSQL URL for a shared team store"
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="open a temp store, write, read, render, export; exit 0 when all works",
    )
    parser.add_argument(
        "--lang", choices=["de", "en"], help="language of the window (default: the system's)"
    )
    parser.add_argument(
        "--phone-region",
        metavar="CC",
        type=_phone_region,
        default="DE",
        help="country of phone numbers written without a country code, e.g. AT (default: DE)",
    )
    parser.add_argument(
        "--tz",
        metavar="ZONE",
        type=_time_zone,
        help="time zone of dates and times, e.g. Europe/Vienna (default: the saved setting; "
        "env CRM_DESKTOP_TZ, read at start, overrides it)",
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def error_line(exc: CrmError, translate: Callable[[str], str]) -> str:
    """The one line printed for an expected error, in the language of ``--lang``."""
    if isinstance(exc, MultipleErrors) or translate is _untranslated:
        return exc.text(translate)
    from crm_desktop.ui.format import format_param  # dates as the user writes them

    params = {
        key: translate(value)
        if key in ("label", "description") and isinstance(value, str)
        else format_param(value)
        for key, value in exc.params.items()
    }
    try:
        return translate(exc.message).format(**params)
    except (KeyError, IndexError, ValueError):
        return exc.text()


def _untranslated(text: str) -> str:
    return text


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_commands=wants_command(arguments))
    args = parser.parse_args(arguments)
    start_zone(args.tz)  # --tz, else $CRM_DESKTOP_TZ: the one read of the environment's zone
    ctx = CliContext(args=args)
    translate: Callable[[str], str] = _untranslated
    try:
        if args.selftest:
            from crm_desktop.selftest import run_selftest

            return int(run_selftest())
        if args.command is None:
            from crm_desktop.app import run_gui

            return int(run_gui(ctx))
        translator = ctx.apply_language()  # --lang, else the saved setting, else the system
        if translator.active:
            translate = translator
        result: int = args.func(ctx, args)
        return result
    except CrmError as exc:
        sys.stderr.write(f"crm-desktop: {error_line(exc, translate)}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("crm-desktop: interrupted\n")
        return 1
    except BrokenPipeError:
        return 1
    except OSError as exc:
        sys.stderr.write(
            f"crm-desktop: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}\n"
        )
        return 1
    except Exception as exc:
        # a damaged page may be met only by one query, long after the store opened:
        # the same message as ``check`` instead of a traceback
        if args.command is None or ctx.database_url or not _is_database_error(exc):
            raise
        from crm_desktop.services import storecheck

        ctx.close()
        error = storecheck.error_for(ctx.paths, exc, passphrase=ctx.passphrase)
        log.debug("database error in %s", args.command, exc_info=exc)
        sys.stderr.write(f"crm-desktop: {error_line(error, translate)}\n")
        return 1
    finally:
        ctx.close()


def _is_database_error(exc: BaseException) -> bool:
    from crm_desktop.services.storecheck import is_database_error

    return is_database_error(exc)


if __name__ == "__main__":
    raise SystemExit(main())
