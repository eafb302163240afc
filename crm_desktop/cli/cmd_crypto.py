"""``crm-desktop encrypt`` / ``decrypt``: a passphrase-protected data file (SQLCipher).

The passphrase comes from $CRM_DESKTOP_PASSPHRASE or is asked for on the terminal
(twice); ``--keyring`` keeps it in the operating system's keyring, so the window opens
without asking.
"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from crm_desktop.cli.context import CliContext
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import StoreError, ValidationError


def register(sub: Any) -> None:
    enc = sub.add_parser("encrypt", help="encrypt the data file with a passphrase (SQLCipher)")
    enc.add_argument("--keyring", action="store_true", help="keep the passphrase in the OS keyring")
    enc.set_defaults(func=_encrypt)
    dec = sub.add_parser("decrypt", help="turn an encrypted data file back into a plain one")
    dec.set_defaults(func=_decrypt)


def _passphrase(confirm: bool) -> str:
    value = os.environ.get("CRM_DESKTOP_PASSPHRASE")
    if value:
        return value
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The two passphrases differ; nothing was changed.")
        )
    return first


def _encrypt(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import crypto

    if ctx.database_url:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "errors", "Only a local data file can be encrypted; a server has its own means."
            )
        )
    passphrase = _passphrase(confirm=True)
    if len(passphrase) < 8:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a passphrase of at least 8 characters.")
        )
    from crm_desktop.services import storecheck
    from crm_desktop.services.instance import acquire

    paths = ctx.paths
    with acquire(paths):  # not while the window has this folder open
        _, notes = storecheck.prepare(paths, locked=True)
        ctx.note(notes)
        path = crypto.encrypt_store(paths, passphrase)
    if args.keyring:
        crypto.save_passphrase(paths, passphrase)
    plain = crypto.plaintext_backups(paths)
    print(f"{path} is encrypted.")
    if plain:
        print(
            f"{len(plain)} older backups are not encrypted; delete them if they must not be read."
        )
    return 0


def _decrypt(ctx: CliContext, args: argparse.Namespace) -> int:
    from crm_desktop.services import crypto, storecheck
    from crm_desktop.services.instance import acquire

    paths = ctx.paths
    passphrase = _passphrase(confirm=False)
    with acquire(paths):  # not while the window has this folder open
        ctx.note(storecheck.recover(paths))
        path = crypto.decrypt_store(paths, passphrase)
    print(f"{path} is no longer encrypted.")
    return 0
