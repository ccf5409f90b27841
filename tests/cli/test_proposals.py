"""The whole life of a proposal from the command line, with ``--json`` everywhere."""

import json

from housingmatch.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_whole_life_from_the_command_line(capsys, db_path, monkeypatch):
    db = ["--db", db_path]
    assert run(capsys, *db, "demo", "--requests", 300, "--units", 10, "--seed", 3,
               "--date", "2026-06-15")[0] == 0  # fmt: skip
    monkeypatch.setenv("HOUSINGMATCH_USER", "conseil")  # the demo's advisor account
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-conseil")
    unit = "LOG-2026-00001"
    code, out, _ = run(capsys, *db, "rank", unit, "--date", "2026-06-15", "--json")
    ranked = [c["ref_demande"] for c in json.loads(out)["ranked"]]
    assert len(ranked) >= 4
    a, b, c, d = ranked[:4]
    code, out, _ = run(capsys, *db, "proposal", "create", unit, "--candidates", f"{a},{b},{c}",
                       "--date", "2026-06-15")  # fmt: skip
    assert code == 0
    pid = out.strip()
    code, out, _ = run(capsys, *db, "proposal", "contact", pid, b, "--outcome", "DESISTE",
                       "--reason-code", "LOGE_AILLEURS", "--date", "2026-06-16", "--json")  # fmt: skip
    shown = json.loads(out)
    assert [x["ref_demande"] for x in shown["candidates"] if x["position"]] == [a, c, d]
    for ref in (a, c, d):
        assert run(capsys, *db, "proposal", "contact", pid, ref, "--outcome", "JOINT")[0] == 0
    # a decision before sending is refused in French
    code, _, err = run(capsys, *db, "proposal", "decide", pid, "--candidate", a,
                       "--decision", "ATTRIBUE", "--rank", 1)  # fmt: skip
    assert code == 1 and "envoyée" in err and "Traceback" not in err
    sheet = db_path.parent / "fiche.pdf"
    assert run(capsys, *db, "proposal", "send", pid, "--commission-date", "2026-06-25",
               "--date", "2026-06-17", "--pdf", sheet)[0] == 0  # fmt: skip
    assert sheet.read_bytes()[:5] == b"%PDF-"
    for ref, rank in ((a, 1), (c, 2)):
        assert run(capsys, *db, "proposal", "decide", pid, "--candidate", ref, "--decision",
                   "ATTRIBUE", "--rank", rank, "--date", "2026-06-25")[0] == 0  # fmt: skip
    assert run(capsys, *db, "proposal", "decide", pid, "--candidate", d, "--decision",
               "NON_ATTRIBUE", "--reason-code", "DOSSIER_INCOMPLET", "--date", "2026-06-25")[0] == 0  # fmt: skip
    assert run(capsys, *db, "proposal", "answer", pid, "--candidate", a, "--refuse",
               "--reason-code", "TRAJET_TROP_LONG", "--date", "2026-06-29")[0] == 0  # fmt: skip
    assert run(capsys, *db, "proposal", "answer", pid, "--candidate", c, "--accept",
               "--date", "2026-06-30")[0] == 0  # fmt: skip
    code, _, err = run(
        capsys, *db, "proposal", "lease", pid, "--candidate", d, "--date", "2026-07-05"
    )
    assert code == 1 and "attribué" in err
    assert (
        run(capsys, *db, "proposal", "lease", pid, "--candidate", c, "--date", "2026-07-05")[0] == 0
    )
    code, _, err = run(
        capsys, *db, "proposal", "lease", pid, "--candidate", c, "--date", "2026-07-06"
    )
    assert code == 1 and "déjà attribué" in err
    code, out, _ = run(capsys, *db, "proposal", "show", pid, "--json")
    shown = json.loads(out)
    assert shown["state"] == "BAIL_SIGNE"
    by_ref = {x["ref_demande"]: x for x in shown["candidates"]}
    assert by_ref[a]["answer"] == "REFUSE" and "trajet" in by_ref[a]["refusal_note"]
    assert by_ref[c]["leased_on"] == "2026-07-05"
    assert by_ref[b]["contact"] == "DESISTE" and by_ref[b]["position"] is None
    assert len(shown["events"]) == 12
    code, out, _ = run(capsys, *db, "proposal", "list", "--state", "BAIL_SIGNE", "--json")
    assert [p["id"] for p in json.loads(out)] == [int(pid)]
    code, out, _ = run(capsys, *db, "proposal", "reasons", "--json")
    assert "TRAJET_TROP_LONG" in json.loads(out)["refus"]
    code, out, _ = run(capsys, *db, "replay", pid)
    assert (code, out.strip()) == (0, "identique")
    code, out, _ = run(capsys, *db, "replay", pid, "--against-current", "--json")
    report = json.loads(out)
    assert code == 1 and not report["identical"]
    assert any(line.startswith(c) and "status" in line for line in report["causes"])
    # the refusal is shown beside the request on its next rankings
    code, out, _ = run(capsys, *db, "rank", unit, "--date", "2026-07-01", "--json")
    again = {x["ref_demande"]: x for x in json.loads(out)["ranked"]}
    assert any("a refusé un logement" in n and "trajet" in n for n in again[a]["refusals"])
    monkeypatch.setenv("HOUSINGMATCH_USER", "superviseur")  # verify reads the audit trail
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-superviseur")
    code, out, err = run(capsys, *db, "verify")
    assert code == 0, err
