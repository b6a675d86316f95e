#!/usr/bin/env python3
"""Check the sample study's source files for consistency and report agreement.

Run from anywhere:  python3 samples/source/check_sources.py
Standard library only. Exit status 0 when every check passes, 1 otherwise.

What it checks
  * transcripts parse (``Label: text`` paragraphs, or WebVTT ``<v Speaker>`` cues);
    speaker labels are Facilitator/Interviewer or participant ids present in
    participants.csv whose ``groups`` include that transcript's group;
  * every coding's quote is an exact substring of one participant utterance
    (never a facilitator/interviewer turn, never spanning two turns or cues),
    that the ``occurrence``-th hit exists, and that the code exists in the
    coder's codebook;
  * codebooks: header, ``#RRGGBB`` colours, parents listed before children;
  * alignment, themes, theme links, matrix, memos, recommendations and
    member-check feedback only refer to things that exist.

Agreement
  Character-level Cohen's kappa over aligned code pairs (alignment rows with
  both an Amara and a Ben code). For each document and pair every character
  of the document text (utterances joined by newlines) is coded by A, B,
  both or neither; the 2x2 counts are pooled over all documents and pairs.
"""
import csv
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TRANSCRIPTS = os.path.join(HERE, "transcripts")
STAFF = {"Facilitator", "Interviewer"}
CODEBOOK_HEADER = ["path", "color", "definition", "inclusion", "exclusion", "example"]

errors = []


def err(msg):
    errors.append(msg)


def read_csv(name, header):
    path = os.path.join(HERE, name)
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    if "\r" in raw:
        err(f"{name}: contains CR characters (LF line endings expected)")
    rows = list(csv.reader(raw.splitlines(keepends=True)))
    if not rows or rows[0] != header:
        err(f"{name}: header is {rows[0] if rows else None}, expected {header}")
        return []
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            err(f"{name}:{i}: {len(r)} fields, expected {len(header)}")
            continue
        out.append(dict(zip(header, r)))
    return out


# ---------------------------------------------------------------- transcripts
VTT_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$")
VTT_VOICE = re.compile(r"^<v ([^>]+)>(.*)</v>$")


def secs(h, m, s, ms):
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse_txt(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    if "\r" in raw:
        err(f"{path}: contains CR characters")
    utts = []
    for i, para in enumerate(raw.strip("\n").split("\n\n")):
        if "\n" in para:
            err(f"{path}: paragraph {i + 1} spans several lines")
        m = re.match(r"^([A-Za-z]+[0-9]*): (.+)$", para, re.S)
        if not m:
            err(f"{path}: paragraph {i + 1} is not 'Label: text': {para[:40]!r}")
            continue
        utts.append((m.group(1), m.group(2)))
    return utts


def parse_vtt(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    if "\r" in raw:
        err(f"{path}: contains CR characters")
    blocks = raw.strip("\n").split("\n\n")
    if blocks[0] != "WEBVTT":
        err(f"{path}: first block is not 'WEBVTT'")
    utts = []
    last_end = 0.0
    for b in blocks[1:]:
        lines = b.split("\n")
        if len(lines) != 2:
            err(f"{path}: cue is not 'timing' + one '<v>' line: {b[:60]!r}")
            continue
        t, v = lines
        mt, mv = VTT_TIME.match(t), VTT_VOICE.match(v)
        if not mt or not mv:
            err(f"{path}: malformed cue {b[:60]!r}")
            continue
        start, end = secs(*mt.groups()[:4]), secs(*mt.groups()[4:])
        if not (last_end <= start < end):
            err(f"{path}: cue timings not increasing at {t}")
        last_end = end
        utts.append((mv.group(1), mv.group(2)))
    return utts


def load_documents():
    docs = {}
    for fn in sorted(os.listdir(TRANSCRIPTS)):
        stem, ext = os.path.splitext(fn)
        p = os.path.join(TRANSCRIPTS, fn)
        if ext == ".txt":
            docs[stem] = parse_txt(p)
        elif ext == ".vtt":
            docs[stem] = parse_vtt(p)
    return docs


def doc_group(stem):
    return stem.split("_", 1)[0].upper()


def doc_layout(utts):
    """Document text (utterances joined by LF) and each utterance's start offset."""
    starts, pos = [], 0
    for _, text in utts:
        starts.append(pos)
        pos += len(text) + 1
    return "\n".join(t for _, t in utts), starts


def locate(utts, quote, occurrence):
    """Offset of the occurrence-th hit of quote (counted utterance by utterance), or an error."""
    _, starts = doc_layout(utts)
    n = 0
    for (label, text), start in zip(utts, starts):
        i = text.find(quote)
        while i >= 0:
            n += 1
            if n == occurrence:
                return start + i, label
            i = text.find(quote, i + len(quote))
    return None, f"found {n} time(s), occurrence {occurrence} requested"


# ----------------------------------------------------------------- codebooks
def load_codebook(name):
    rows = read_csv(name, CODEBOOK_HEADER)
    paths = []
    for r in rows:
        p = r["path"]
        if not re.match(r"^#[0-9A-Fa-f]{6}$", r["color"]):
            err(f"{name}: bad colour {r['color']!r} for {p}")
        parts = p.split("/")
        if len(parts) > 2 or any(not x.strip() for x in parts):
            err(f"{name}: path {p!r} is not Parent or Parent/Child")
        if len(parts) == 2 and parts[0] not in paths:
            err(f"{name}: {p!r} listed before its parent")
        if p in paths:
            err(f"{name}: duplicate path {p!r}")
        paths.append(p)
    return paths


def kappa(n11, n10, n01, n00):
    n = n11 + n10 + n01 + n00
    po = (n11 + n00) / n
    pa, pb = (n11 + n10) / n, (n11 + n01) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else float("nan")


def main():
    people = read_csv("participants.csv",
                      ["id", "age", "gender", "ethnicity", "region", "diagnosis_group", "education", "groups"])
    groups_of = {}
    for r in people:
        if r["id"] in groups_of:
            err(f"participants.csv: duplicate id {r['id']}")
        if not re.match(r"^P\d+$", r["id"]):
            err(f"participants.csv: bad id {r['id']}")
        if not r["age"].isdigit():
            err(f"participants.csv: bad age for {r['id']}")
        groups_of[r["id"]] = set(r["groups"].split(";"))

    docs = load_documents()
    seen_in = defaultdict(set)
    words = {}
    for stem, utts in docs.items():
        g = doc_group(stem)
        words[stem] = sum(len(t.split()) for _, t in utts)
        for label, _ in utts:
            if label in STAFF:
                continue
            if label not in groups_of:
                err(f"{stem}: speaker {label} not in participants.csv")
            elif g not in groups_of[label]:
                err(f"{stem}: speaker {label} does not list {g} in groups")
            seen_in[label].add(g)
    for pid, gs in groups_of.items():
        if gs != seen_in.get(pid, set()):
            err(f"participants.csv: {pid} groups {sorted(gs)} but speaks in {sorted(seen_in.get(pid, set()))}")

    books = {"amara": load_codebook("codebook_amara.csv"), "ben": load_codebook("codebook_ben.csv")}
    team = load_codebook("codebook_team.csv")

    spans = {}  # coder -> (doc, code) -> list of (start, end)
    counts = {}
    used = {}
    for coder in ("amara", "ben"):
        rows = read_csv(f"codings_{coder}.csv", ["document", "code_path", "quote", "occurrence"])
        counts[coder] = len(rows)
        sp = defaultdict(list)
        used[coder] = set()
        seen = set()
        for i, r in enumerate(rows, start=2):
            where = f"codings_{coder}.csv:{i}"
            key = (r["document"], r["code_path"], r["quote"], r["occurrence"])
            if key in seen:
                err(f"{where}: duplicate coding")
            seen.add(key)
            if r["code_path"] not in books[coder]:
                err(f"{where}: code {r['code_path']!r} not in codebook_{coder}.csv")
            used[coder].add(r["code_path"])
            if r["document"] not in docs:
                err(f"{where}: no transcript {r['document']!r}")
                continue
            if not r["occurrence"].isdigit() or int(r["occurrence"]) < 1:
                err(f"{where}: bad occurrence {r['occurrence']!r}")
                continue
            if not r["quote"].strip():
                err(f"{where}: empty quote")
                continue
            off, label = locate(docs[r["document"]], r["quote"], int(r["occurrence"]))
            if off is None:
                err(f"{where}: quote not found in {r['document']} ({label}): {r['quote'][:60]!r}")
                continue
            if label in STAFF:
                err(f"{where}: quote is in a {label} turn: {r['quote'][:60]!r}")
            sp[(r["document"], r["code_path"])].append((off, off + len(r["quote"])))
        spans[coder] = sp

    align = read_csv("alignment.csv", ["amara_code", "ben_code", "team_code"])
    pairs = []
    for i, r in enumerate(align, start=2):
        a, b, t = r["amara_code"], r["ben_code"], r["team_code"]
        if not a and not b:
            err(f"alignment.csv:{i}: neither code given")
        if a and a not in books["amara"]:
            err(f"alignment.csv:{i}: {a!r} not in Amara's codebook")
        if b and b not in books["ben"]:
            err(f"alignment.csv:{i}: {b!r} not in Ben's codebook")
        if t not in team:
            err(f"alignment.csv:{i}: team code {t!r} not in codebook_team.csv")
        if a and b:
            pairs.append((a, b))

    themes = read_csv("themes.csv", ["path", "status", "definition", "scope", "not_scope", "codes", "discard_reason"])
    theme_paths = []
    for r in themes:
        p = r["path"]
        if "/" in p and p.split("/")[0] not in theme_paths:
            err(f"themes.csv: {p!r} listed before its parent theme")
        theme_paths.append(p)
        if r["status"] not in ("candidate", "reviewed", "final", "discarded"):
            err(f"themes.csv: bad status {r['status']!r} for {p}")
        if (r["status"] == "discarded") != bool(r["discard_reason"]):
            err(f"themes.csv: {p}: discard_reason must be given exactly when discarded")
        for c in filter(None, r["codes"].split(";")):
            if c not in team:
                err(f"themes.csv: {p}: code {c!r} not in codebook_team.csv")

    for r in read_csv("theme_links.csv", ["from", "to", "label"]):
        for k in ("from", "to"):
            if r[k] not in theme_paths:
                err(f"theme_links.csv: unknown theme {r[k]!r}")
    for r in read_csv("matrix.csv", ["case", "theme", "summary"]):
        if r["case"] not in groups_of:
            err(f"matrix.csv: unknown case {r['case']!r}")
        if r["theme"] not in theme_paths:
            err(f"matrix.csv: unknown theme {r['theme']!r}")
    for r in read_csv("memos.csv", ["target_kind", "target", "coder", "title", "body"]):
        k, t = r["target_kind"], r["target"]
        ok = {"document": lambda: t in docs,
              "code": lambda: ":" in t and t.split(":", 1)[0].lower() in ("amara", "ben", "team")
              and t.split(":", 1)[1] in (team if t.split(":", 1)[0].lower() == "team"
                                         else books[t.split(":", 1)[0].lower()]),
              "theme": lambda: t in theme_paths,
              "case": lambda: t in groups_of,
              "project": lambda: t == ""}.get(k)
        if ok is None or not ok():
            err(f"memos.csv: bad target {k}:{t!r}")
        if r["coder"] not in ("Amara", "Ben", "team"):
            err(f"memos.csv: unknown coder {r['coder']!r}")
    for r in read_csv("recommendations.csv", ["id", "text", "themes"]):
        for t in filter(None, r["themes"].split(";")):
            if t not in theme_paths:
                err(f"recommendations.csv: {r['id']}: unknown theme {t!r}")
    for r in read_csv("member_check_feedback.csv", ["theme", "feedback"]):
        if r["theme"] not in theme_paths:
            err(f"member_check_feedback.csv: unknown theme {r['theme']!r}")

    # ------------------------------------------------------------ agreement
    tot = [0, 0, 0, 0]
    per_pair = {}
    per_doc = defaultdict(lambda: [0, 0, 0, 0])
    for stem, utts in docs.items():
        text, _ = doc_layout(utts)
        n = len(text)
        for a, b in pairs:
            ca = bytearray(n)
            cb = bytearray(n)
            for s, e in spans["amara"].get((stem, a), []):
                ca[s:e] = b"\x01" * (e - s)
            for s, e in spans["ben"].get((stem, b), []):
                cb[s:e] = b"\x01" * (e - s)
            n11 = sum(1 for x, y in zip(ca, cb) if x and y)
            na, nb = sum(ca), sum(cb)
            c = [n11, na - n11, nb - n11, n - na - nb + n11]
            pp = per_pair.setdefault((a, b), [0, 0, 0, 0])
            for i in range(4):
                tot[i] += c[i]
                pp[i] += c[i]
                per_doc[stem][i] += c[i]

    print("Transcripts (words of utterance text):")
    for stem in sorted(docs):
        print(f"  {stem:24s} {len(docs[stem]):4d} turns/cues {words[stem]:6d} words")
    print(f"Codings: Amara {counts.get('amara', 0)}, Ben {counts.get('ben', 0)}")
    for coder in ("amara", "ben"):
        unused = [c for c in books[coder] if "/" in c and c not in used[coder]]
        if unused:
            print(f"  {coder}: child codes never used: {unused}")
    print("Character-level kappa per aligned pair:")
    for (a, b), c in per_pair.items():
        k = kappa(*c)
        print(f"  {k:6.3f}  A={c[0] + c[1]:6d} B={c[0] + c[2]:6d} both={c[0]:6d}  {a}  <->  {b}")
    print("Per document:")
    for stem, c in sorted(per_doc.items()):
        print(f"  {stem:24s} kappa {kappa(*c):.3f}")
    k = kappa(*tot)
    print(f"POOLED character-level Cohen's kappa over {len(pairs)} aligned pairs: {k:.3f}")
    if not (0.6 <= k <= 0.75):
        err(f"pooled kappa {k:.3f} outside the 0.60-0.75 target")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nAll checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
