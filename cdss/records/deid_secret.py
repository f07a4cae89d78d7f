"""The workspace's de-identification secret: the key behind every case's date shift.

It lives in a file (``exchange/deid-secret``, owner-only) rather than in the database so that a database backup
handed to someone never carries the key that undoes the shift. PDF export and case sharing use the same secret.
"""

from __future__ import annotations

import os
import secrets

from cdss.errors import UserError
from cdss.workspace import Workspace

SECRET_BYTES = 32


def workspace_secret(workspace: Workspace) -> bytes:
    """Read the secret, creating 32 random bytes with 0600 permissions on first use."""
    path = workspace.subdir("exchange") / "deid-secret"
    try:
        # O_EXCL: two processes racing to create it cannot end up with different secrets; the loser reads the file.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(SECRET_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
    secret = path.read_bytes()
    if len(secret) < SECRET_BYTES:
        raise UserError("deid_secret_damaged", f"The de-identification key {path} is damaged. Restore it from a "
                        "copy; deleting it changes the date shift of every case shared from now on.", path=str(path))
    return secret
