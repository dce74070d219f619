"""`imuran card`: the wallet card, as text, markdown or a card-sized HTML page."""

from enum import StrEnum
from typing import Annotated

import typer

from imuran_cli.cli.export_output import OutputOpt, max_mg_per_kg_for, write_export
from imuran_cli.cli.runtime import command_session


class CardFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"


def card(
    ctx: typer.Context,
    output_format: Annotated[
        CardFormat,
        typer.Option("--format", help="text, markdown, or html (a page sized to print on a card)."),
    ] = CardFormat.text,
    output: OutputOpt = None,
) -> None:
    """A medicine card to carry.

    MG, azathioprine and your medicines.

    The leaflet asks you to carry a list of your medicines and
    doses. The card adds what whoever treats you in an emergency
    needs: medicines that can worsen MG, no live vaccines, the
    signs of an MG crisis, the line for anaesthetists, and your
    neurologist and emergency contact (imuran profile set
    neurologist, neurologist-phone, emergency-contact, name).

    Example:

    \b
        imuran card
        imuran card --format html --output card.html
    """
    with command_session(ctx) as rt:
        from imuran_cli.cli.export_inputs import medicine_checks
        from imuran_cli.core.card import build_card
        from imuran_cli.knowledge.exports import load_exports

        profile = rt.load_profile()
        result = build_card(
            profile=profile,
            limits=rt.limits(),
            max_mg_per_kg=max_mg_per_kg_for(profile),
            texts=load_exports().card,
            checks=medicine_checks(rt, profile),
        )
        if output_format is CardFormat.html:
            from imuran_cli.render.card import render_card_html

            text = render_card_html(result)
        elif output_format is CardFormat.markdown:
            from imuran_cli.render.card import render_card_markdown

            text = render_card_markdown(result)
        else:
            from imuran_cli.render.card import render_card_text
            from imuran_cli.render.plain import output_width

            text = render_card_text(result, output_width())
        write_export(text.encode("utf-8"), output, "the card")
