"""Access requests (RGPD art. 15): everything held on one person, as JSON and readable HTML."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path
from typing import Any

from housingmatch.domain.session import Session
from housingmatch.rules.permissions import Action, require
from housingmatch.services.facts import request_record
from housingmatch.services.files import refuse_database_path, write_text_safely
from housingmatch.services.records import get_request
from housingmatch.store import Store
from housingmatch.store.audit import SEALED, PendingEntry
from housingmatch.store.database import now_iso

FORMAT = "housingmatch-personne/1"


def person_data(store: Store, session: Session, ref: str, on: date | None = None) -> dict[str, Any]:
    """Return everything held on the person of a request: record, history, proposals."""
    require(session, Action.PERSON_EXPORT)
    on = on or date.today()
    request = get_request(store, session, ref)
    history = []
    for entry in store.audit.entries(entity="demande", entity_ref=ref):
        details = entry.details
        item: dict[str, Any] = {
            "entree": entry.id,
            "date": entry.at,
            "auteur": entry.actor,
            "action": entry.action,
            "source": details.get("source"),
        }
        if "changes" in details:
            item["modifications"] = {
                k: {"avant": v[0], "apres": v[1]} for k, v in sorted(details["changes"].items())
            }
        elif "after" in details and entry.action in ("create", "baseline", "anonymise"):
            item["valeurs"] = details["after"]
        if SEALED in details:
            item["valeurs"] = "effacées (anonymisation)"
        history.append(item)
    proposals = [
        {
            "logement": p.unit_ref,
            "statut": p.status,
            "date_classement": p.ranking_date.isoformat(),
            "position": p.position,
            "rang_moteur": p.engine_rank,
            "motif_ecart": p.deviation_reason,
            "regles": p.ruleset_hash,
            "mise_a_jour": p.updated_at,
        }
        for p in store.persons.proposals(ref)
    ]
    # What forum laptops recorded of the person, kept with its origin (device, batch).
    uuids = [request.uuid] if request.uuid else []
    uuids += [
        p.forum_uuid
        for p in store.merge.pairs("LIEE")
        if request.uuid and p.office_uuid == request.uuid
    ]
    forum = [
        {
            "appareil": e["device_id"],
            "lot": e["batch_id"],
            "date": e["at"],
            "auteur": e["actor"],
            "action": e["action"],
            "reference_forum": e["ref"],
            "valeurs": e["details"].get("after"),
        }
        for uuid in uuids
        for e in store.merge.origin_entries(uuid)
    ]
    anonymised = store.requests.anonymised().get(ref)
    return {
        "format": FORMAT,
        "reference": ref,
        "produit_le": now_iso(),
        "produit_par": session.user,
        "anonymisee_le": anonymised.isoformat() if anonymised else None,
        "dossier": request_record(store, session, request, on),
        "historique": history,
        "propositions": proposals,
        "saisies_forum": forum,
    }


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dict | list):
        return html.escape(json.dumps(value, ensure_ascii=False))
    return html.escape(str(value))


def _table(rows: list[tuple[str, Any]]) -> str:
    body = "".join(f"<tr><th>{html.escape(k)}</th><td>{_cell(v)}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def to_html(data: dict[str, Any]) -> str:
    """Return the export as a standalone, printable HTML page in French."""
    record = data["dossier"]
    parts = [
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>",
        f"<title>Données personnelles — {html.escape(data['reference'])}</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
        "table{border-collapse:collapse;margin-bottom:1.5em;width:100%}"
        "th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}"
        "th{background:#f0f0f0;width:16em}</style></head><body>",
        f"<h1>Données détenues sur la demande {html.escape(data['reference'])}</h1>",
        f"<p>Document produit le {html.escape(data['produit_le'])} par "
        f"{html.escape(data['produit_par'])}, en réponse à une demande d'accès "
        "(RGPD, article 15).</p>",
    ]
    if data["anonymisee_le"]:
        parts.append(f"<p><strong>Demande anonymisée le {data['anonymisee_le']}.</strong></p>")
    parts.append("<h2>Dossier</h2>")
    parts.append(_table(list(record["demande"].items())))
    parts.append("<h2>Calculs</h2>")
    parts.append(_table([(k, v) for k, v in record["calcul"].items() if k != "plafonds"]))
    parts.append("<h2>Historique</h2>")
    for item in data["historique"]:
        parts.append(
            f"<h3>{html.escape(item['date'])} — {html.escape(item['action'])} "
            f"par {html.escape(item['auteur'])}</h3>"
        )
        rows: list[tuple[str, Any]] = [("source", item.get("source"))]
        for name, change in item.get("modifications", {}).items():
            rows.append((name, f"{change['avant']} → {change['apres']}"))
        if isinstance(item.get("valeurs"), str):
            rows.append(("valeurs", item["valeurs"]))
        parts.append(_table(rows))
    parts.append("<h2>Propositions</h2>")
    if not data["propositions"]:
        parts.append("<p>Aucune proposition.</p>")
    for proposal in data["propositions"]:
        parts.append(_table(list(proposal.items())))
    parts.append("</body></html>\n")
    return "".join(parts)


def export_person(
    store: Store, session: Session, ref: str, out: str | Path, on: date | None = None
) -> list[Path]:
    """Write the person's data as ``NAME.json`` and ``NAME.html`` beside ``out``; audited.

    Both files are written through a temporary file renamed when complete; the database file
    itself is refused as a target.
    """
    require(session, Action.PERSON_EXPORT)
    base = Path(out)
    refuse_database_path(store, base)
    if base.suffix.lower() in (".json", ".html", ".htm"):
        base = base.with_suffix("")
    targets = [base.with_name(base.name + ".json"), base.with_name(base.name + ".html")]
    for target in targets:
        refuse_database_path(store, target)
    data = person_data(store, session, ref, on)
    written = [
        write_text_safely(
            store, targets[0], json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        ),
        write_text_safely(store, targets[1], to_html(data)),
    ]
    store.audit.record(
        session.user,
        PendingEntry("person_export", "demande", ref, {"fichiers": [p.name for p in written]}),
    )
    return written
