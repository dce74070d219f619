"""`imuran undo`: remove the most recent record of the journal."""

import typer

from imuran_cli.cli._journal import reading_journal
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session


def undo(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Remove the latest journal record.

    A dose, an MG-ADL score, a stock entry or a blood test; it says what it removed.

    A record that had replaced another (take --replace, a second
    score on one day, a second labs add on one day) brings that one
    back.

    Example:

        imuran undo
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.undo import nothing_to_undo, undone
        from imuran_cli.render.human.journal import describe

        with reading_journal(rt) as existing:
            if existing is None:
                raise nothing_to_undo(str(rt.journal_path))
            from imuran_cli.storage.journal import undo_latest
            from imuran_cli.storage.records import removed_records

            removed = undo_latest(existing)
        if removed is None:
            raise nothing_to_undo(str(rt.journal_path))
        record, restored = removed_records(removed)
        rt.emit_lines(undone(removed.kind, record, restored, describe), "journal.undone_lines")
