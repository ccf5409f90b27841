"""The audit, retention, person and rule-approval commands, end to end."""

import json
import sqlite3

from housingmatch.cli import main
from housingmatch.store.audit import entry_hash


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _demo(capsys, db, monkeypatch):
    code, _, err = run(
        capsys, "--db", db, "demo", "--requests", "40", "--units", "4", "--seed", "5"
    )
    assert code == 0, err
    # Work as the demonstration supervisor (with accounts, the demo database has one); the
    # password also protects the supervisor's signing key.
    monkeypatch.setenv("HOUSINGMATCH_USER", "superviseur")
    monkeypatch.setenv("HOUSINGMATCH_PASSWORD", "demo-superviseur")


def test_checkpoint_then_a_recomputed_chain_is_caught_by_verify(capsys, tmp_path, monkeypatch):
    db, point = tmp_path / "base.sqlite", tmp_path / "ailleurs" / "point.json"
    _demo(capsys, db, monkeypatch)
    code, out, _ = run(capsys, "--db", db, "audit", "checkpoint", "--out", point)
    assert code == 0 and "Point de contrôle signé" in out
    assert json.loads(point.read_text(encoding="utf-8"))["format"] == "housingmatch-checkpoint/1"
    code, out, _ = run(capsys, "--db", db, "verify", "--checkpoint", point)
    assert code == 0 and "conforme au point de contrôle" in out

    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
    prev = "0" * 64
    rows = conn.execute(
        "SELECT id, at, actor, action, entity, entity_ref, details FROM audit_log ORDER BY id"
    ).fetchall()
    for entry_id, *fields in rows:
        digest = entry_hash(prev, *fields)
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, digest, entry_id]
        )
        prev = digest
    conn.commit()
    conn.close()
    assert run(capsys, "--db", db, "verify")[0] == 0  # the chain alone is fooled
    code, _, err = run(capsys, "--db", db, "verify", "--checkpoint", point)
    assert code == 1 and "n'a plus l'empreinte signée" in err


def test_verify_names_a_request_edited_in_sql(capsys, tmp_path, monkeypatch):
    db = tmp_path / "base.sqlite"
    _demo(capsys, db, monkeypatch)
    conn = sqlite3.connect(db)
    ref = conn.execute("SELECT ref FROM requests LIMIT 1").fetchone()[0]
    conn.execute("UPDATE requests SET dalo = 1 - dalo, fiscal_income = 1 WHERE ref = ?", [ref])
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", db, "verify")
    assert code == 1
    assert f"« {ref} » diffère du journal" in err and "dalo, revenu_fiscal_reference" in err


def test_retention_person_export_and_rule_approval(capsys, tmp_path, monkeypatch):
    db = tmp_path / "base.sqlite"
    _demo(capsys, db, monkeypatch)
    code, out, _ = run(capsys, "--db", db, "retention", "apply", "--date", "2031-01-01")
    assert code == 0 and "40 demande(s) anonymisée(s)" in out
    assert run(capsys, "--db", db, "verify")[0] == 0
    ref = sqlite3.connect(db).execute("SELECT ref FROM requests LIMIT 1").fetchone()[0]
    code, out, _ = run(capsys, "--db", db, "personne", "export", ref, "--out", tmp_path / "acces")
    assert code == 0 and (tmp_path / "acces.json").exists() and (tmp_path / "acces.html").exists()
    code, _, err = run(capsys, "--db", db, "personne", "export", ref, "--out", db)
    assert code == 1 and "fichier de la base" in err

    code, out, _ = run(capsys, "--db", db, "rules", "list")
    assert code == 0 and "en vigueur" in out
