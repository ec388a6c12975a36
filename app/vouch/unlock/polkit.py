"""The polkit gate of the Linux backend: "is the person at the keyboard the user?".

polkit asks its authentication agent (the desktop's password / fingerprint dialog; fprintd is
used where PAM is set up for it) and answers yes or no. We ask with `pkcheck` about our own
process, with user interaction allowed, for the action `org.vouch.unlock`. That action must be
installed by packaging:

    python -m vouch.unlock.polkit > /usr/share/polkit-1/actions/org.vouch.unlock.policy
"""

from __future__ import annotations

import enum
import logging
import os
import shutil
import subprocess
import sys
from typing import Protocol

log = logging.getLogger(__name__)

ACTION_ID = "org.vouch.unlock"
POLICY_FILE_NAME = f"{ACTION_ID}.policy"
_CHECK_TIMEOUT_S = 300.0
_QUERY_TIMEOUT_S = 10.0

POLICY_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE policyconfig PUBLIC
 "-//freedesktop//DTD PolicyKit Policy Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/PolicyKit/1/policyconfig.dtd">
<policyconfig>
  <vendor>Vouch</vendor>
  <action id="{ACTION_ID}">
    <description>Unlock a Vouch wallet</description>
    <message>Authenticate to unlock your Vouch wallet</message>
    <icon_name>dialog-password</icon_name>
    <defaults>
      <allow_any>no</allow_any>
      <allow_inactive>no</allow_inactive>
      <allow_active>auth_self</allow_active>
    </defaults>
  </action>
</policyconfig>
"""


class PolkitAnswer(enum.Enum):
    """pkcheck's exit codes, named."""

    AUTHORIZED = 0
    NOT_AUTHORIZED = 1
    NO_AGENT = 2
    DISMISSED = 3
    ERROR = 127


class PolkitAdapter(Protocol):
    """Exactly the two polkit questions the backend asks."""

    def problem(self) -> str:
        """Why polkit cannot be asked here ("" when it can); never prompts."""
        ...

    def check_authorization(self, action_id: str, pid: int) -> PolkitAnswer:
        """Authenticate the user for `action_id` on behalf of process `pid` (may prompt)."""
        ...


class PkcheckAdapter:
    """polkit through the `pkcheck` and `pkaction` commands of the polkit package."""

    def __init__(self, pkcheck: str | None = None, pkaction: str | None = None) -> None:
        self._pkcheck = pkcheck or shutil.which("pkcheck")
        self._pkaction = pkaction or shutil.which("pkaction")

    def problem(self) -> str:
        if not sys.platform.startswith("linux"):
            return "polkit is only used on Linux."
        if self._pkcheck is None or self._pkaction is None:
            return "polkit is not installed (the pkcheck command is missing)."
        try:
            done = subprocess.run(
                [self._pkaction, "--action-id", ACTION_ID],
                capture_output=True,
                timeout=_QUERY_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"polkit could not be asked: {exc.__class__.__name__}."
        if done.returncode != 0:
            return (
                f"The polkit action {ACTION_ID} is not installed on this computer, or polkit "
                "is not running. Install Vouch from a package that ships it."
            )
        return ""

    def check_authorization(self, action_id: str, pid: int) -> PolkitAnswer:
        if self._pkcheck is None:
            return PolkitAnswer.ERROR
        argv = [
            self._pkcheck,
            "--action-id",
            action_id,
            "--process",
            _process_subject(pid),
            "--allow-user-interaction",
        ]
        try:
            done = subprocess.run(
                argv, capture_output=True, timeout=_CHECK_TIMEOUT_S, check=False, stdin=None
            )
        except subprocess.TimeoutExpired:
            return PolkitAnswer.DISMISSED
        except OSError:
            return PolkitAnswer.ERROR
        log.debug("pkcheck answered %d for %s", done.returncode, action_id)
        try:
            return PolkitAnswer(done.returncode)
        except ValueError:
            return PolkitAnswer.ERROR


def _process_subject(pid: int) -> str:
    """`pid,start-time,uid`: naming the process this way cannot be raced by pid reuse."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            stat = fh.read()
    except OSError:
        return str(pid)
    # The command name (field 2) may hold spaces; fields after the last ')' are fixed.
    fields = stat.rsplit(")", 1)[1].split()
    start_time = fields[19]  # field 22 of the whole line
    return f"{pid},{start_time},{os.getuid()}"


def main() -> None:
    """Print the polkit action file (for packaging)."""
    sys.stdout.write(POLICY_XML)


if __name__ == "__main__":
    main()
