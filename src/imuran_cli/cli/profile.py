"""`imuran profile ...`: create, show and change the local profile."""

from __future__ import annotations

import typer

from imuran_cli.cli.options import JsonOpt
from imuran_cli.cli.runtime import command_session

profile_app = typer.Typer(
    help="Create, show and change your local profile (weight, prescription, schedule).",
    no_args_is_help=False,
    invoke_without_command=True,
)


@profile_app.callback()
def profile_root(ctx: typer.Context) -> None:
    """Create, show and change your local profile (weight, prescription, schedule)."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


@profile_app.command("path")
def path(ctx: typer.Context) -> None:
    """Print the path of the profile in use.

    Example:

        imuran profile path
    """
    with command_session(ctx) as rt:
        typer.echo(str(rt.profile_path))


@profile_app.command("show")
def show(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """Show the profile.

    Example:

        imuran profile show --json
    """
    with command_session(ctx, json_output=json_output) as rt:
        from imuran_cli.core.errors import ProfileError
        from imuran_cli.render.json_out import write_json

        profile = rt.load_profile()
        if profile is None:
            raise ProfileError(
                f"there is no profile at {rt.profile_path}",
                "create one: imuran profile init",
                code="no_profile",
            )
        if rt.json:
            write_json({"path": str(rt.profile_path), "profile": profile.to_json_data()})
        else:
            from imuran_cli.storage.profile_store import dump_profile

            typer.echo(f"# {rt.profile_path}")
            typer.echo(dump_profile(profile).decode("utf-8"), nl=False)
