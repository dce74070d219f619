"""`imuran meds add|remove|list`: the profile's list of other medicines, checked."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from imuran_cli.cli import LazyGroup
from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

if TYPE_CHECKING:
    from imuran_cli.storage.migrations import RawProfile


meds_app = typer.Typer(
    cls=LazyGroup,
    help=(
        "Your other medicines, each checked.\n\n"
        "Your other medicines: add, remove and list them, each checked."
    ),
    no_args_is_help=False,
    invoke_without_command=True,
    # Like the root: plain help within 60 columns; completion is installed from the root.
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
)

NamesArg = Annotated[
    list[str],
    typer.Argument(
        metavar="NAME",
        help="A medicine or vaccine as on the box: generic or brand, any case.",
        show_default=False,
    ),
]


@meds_app.callback()
def meds_root(ctx: typer.Context) -> None:
    """Your other medicines, each checked."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


def _medications(raw: "RawProfile | None") -> list[str]:
    listed: Any = (raw or {}).get("medications", [])
    return [str(entry) for entry in listed] if isinstance(listed, list) else []


@meds_app.command("add")
def add(ctx: typer.Context, names: NamesArg, json_output: JsonOpt = False) -> None:
    """Check a medicine and add it.

    Added as you typed it, after the check.

    The check is the one of imuran check. A name already in the list (any case) is not
    added twice. imuran profile set medications also sets the whole list.

    Example:

    \b
        imuran meds add "Zithromax 250 mg tablets"
        imuran meds add atorvastatin --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.medicines import (
            LiveVaccineDates,
            MedicineIndex,
            check_medicines,
            split_queries,
        )
        from imuran_cli.core.meds import MedsAdded, add_entries
        from imuran_cli.core.profile_edit import Edit, edit_profile
        from imuran_cli.knowledge.medicines import load_medicines
        from imuran_cli.storage.profile_store import update_profile

        medicines = load_medicines()
        index = MedicineIndex(medicines)
        queries = split_queries(names, index)
        limits = rt.limits()
        outcome: dict[str, list[str]] = {}

        def change(raw: "RawProfile | None") -> "RawProfile":
            entries, added, already = add_entries(_medications(raw), queries)
            outcome.update(added=added, already=already)
            edit = Edit("medications", entries, ", ".join(entries))
            return edit_profile(raw, [edit], limits, rt.today)[0]

        saved = update_profile(rt.profile_path, change, limits, rt.now)
        dates = LiveVaccineDates(stopped_on=saved.profile.prescription.stopped_on, today=rt.today)
        checked = check_medicines(queries, medicines, index, dates)
        result = MedsAdded(
            medicines=checked.medicines,
            sources=checked.sources,
            added=tuple(outcome["added"]),
            already_listed=tuple(outcome["already"]),
            medications=tuple(saved.profile.medications),
            path=str(rt.profile_path),
            created=saved.created,
            backup=str(saved.backup) if saved.backup else None,
        )
        rt.emit_lines(result, "meds.meds_added_lines")


@meds_app.command("remove")
def remove(ctx: typer.Context, names: NamesArg, json_output: JsonOpt = False) -> None:
    """Remove a medicine from your profile.

    In any case; as it is written in the list.

    Example:

        imuran meds remove "zithromax 250 mg tablets"
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.meds import MedsRemoved, remove_entry
        from imuran_cli.core.profile_edit import Edit, edit_profile, show_profile
        from imuran_cli.storage.profile_store import profile_exists, update_profile

        name = " ".join(name.strip() for name in names)
        if not name:
            from imuran_cli.core.errors import InputError

            raise InputError(
                "an empty medicine name was given",
                "see your list with imuran meds list",
                code="empty_name",
            )
        if not profile_exists(rt.profile_path):
            show_profile(str(rt.profile_path), None)  # raises: there is no profile
        limits = rt.limits()
        removed: list[str] = []

        def change(raw: "RawProfile | None") -> "RawProfile":
            if raw is None:  # removed meanwhile
                show_profile(str(rt.profile_path), None)
            entries, entry = remove_entry(_medications(raw), name)
            removed.append(entry)
            edit = Edit("medications", entries, ", ".join(entries))
            return edit_profile(raw, [edit], limits, rt.today)[0]

        saved = update_profile(rt.profile_path, change, limits, rt.now)
        result = MedsRemoved(
            removed=removed[-1],
            medications=tuple(saved.profile.medications),
            path=str(rt.profile_path),
            backup=str(saved.backup) if saved.backup else None,
        )
        rt.emit_lines(result, "meds.meds_removed_lines")


@meds_app.command("list")
def list_medicines(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Your medicines, each with its findings.

    Example:

        imuran meds list --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.medicines import LiveVaccineDates, check_medicines
        from imuran_cli.core.meds import MedsList
        from imuran_cli.knowledge.medicines import load_medicines

        profile = rt.load_profile()
        entries = profile.medications if profile is not None else []
        stopped_on = profile.prescription.stopped_on if profile is not None else None
        dates = LiveVaccineDates(stopped_on=stopped_on, today=rt.today)
        checked = check_medicines(entries, load_medicines(), dates=dates)
        result = MedsList(
            medicines=checked.medicines, sources=checked.sources, path=str(rt.profile_path)
        )
        rt.emit_lines(result, "meds.meds_list_lines")
